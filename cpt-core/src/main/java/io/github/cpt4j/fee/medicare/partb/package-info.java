/**
 * Medicare Part B as one schedule: {@link io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule}
 * sends each line of a professional claim to the fee schedule that pays it — the Physician Fee
 * Schedule, anesthesia, the Clinical Laboratory Fee Schedule, DMEPOS or the Part B drug payment
 * limits — by its code and its Physician Fee Schedule status.
 */
package io.github.cpt4j.fee.medicare.partb;
