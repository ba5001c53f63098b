/**
 * Medicare anesthesia pricing (Medicare Claims Processing Manual, chapter 12, section 50): base
 * units plus time units, times the locality's anesthesia conversion factor, with the payment
 * modifiers' shares and the one-service-per-session rule.
 *
 * <p>{@link io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule} prices the status-J
 * codes 00100-01999 from {@link io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits} and
 * {@link io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors}; the Medicare fee
 * schedule hands it those codes, so that users price anesthesia like any other physician service.
 */
package io.github.cpt4j.fee.medicare.anesthesia;
