/**
 * Medicare-wide types shared by every Medicare fee schedule: the payment {@link
 * io.github.cpt4j.fee.medicare.Locality} (which implements the generic {@link
 * io.github.cpt4j.fee.PaymentArea}), the {@link io.github.cpt4j.fee.medicare.PlaceOfService} and
 * its setting, and the ZIP-code-to-locality table. Each schedule lives in a package of its own
 * beneath this one: {@code pfs} (the Physician Fee Schedule) and, beside it, the other Medicare
 * schedules.
 */
package io.github.cpt4j.fee.medicare;
