package io.github.cpt4j.fee.medicare.pfs;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.style.ValueStyle;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The payment policy indicators of one row of the Medicare relative value file: status, PC/TC
 * split, global period and its pre/intra/post-operative shares, and the rules for multiple,
 * bilateral, assisted, co- and team surgery. Attachment A of CMS's record layout defines them.
 *
 * <pre>{@code
 * PaymentIndicators i = schedule.rvuEntry(ProcedureCode.parse("29881"), Optional.empty())
 *     .orElseThrow().indicators();
 * i.multipleProcedure();   // ENDOSCOPY_FAMILY
 * i.endoscopicBase();      // Optional[29870]
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class PaymentIndicators {

  /** {@return the status code: whether and how the code is paid} */
  public abstract PaymentStatus status();

  /** {@return the professional/technical component indicator} */
  public abstract PcTcIndicator pcTc();

  /** {@return the global surgery period} */
  public abstract GlobalPeriod globalPeriod();

  /** {@return the share of the global package for preoperative care (modifier 56), 0 to 1} */
  @Value.Default
  public BigDecimal preOperativeShare() {
    return BigDecimal.ZERO;
  }

  /** {@return the share for the procedure and in-hospital care (modifier 54), 0 to 1} */
  @Value.Default
  public BigDecimal intraOperativeShare() {
    return BigDecimal.ZERO;
  }

  /** {@return the share for postoperative care after discharge (modifier 55), 0 to 1} */
  @Value.Default
  public BigDecimal postOperativeShare() {
    return BigDecimal.ZERO;
  }

  /** {@return the multiple-procedure rule (modifier 51)} */
  public abstract MultipleProcedureRule multipleProcedure();

  /** {@return the bilateral surgery rule (modifier 50)} */
  public abstract BilateralRule bilateral();

  /** {@return whether an assistant at surgery is paid (modifiers 80, 81, 82, AS)} */
  public abstract AssistantAtSurgery assistantAtSurgery();

  /** {@return whether co-surgeons are paid (modifier 62)} */
  public abstract SurgeonsPermission coSurgeons();

  /** {@return whether a surgical team is paid (modifier 66)} */
  public abstract SurgeonsPermission teamSurgery();

  /** {@return the base procedure of the code's endoscopy family, for multiple procedure rule 3} */
  public abstract Optional<ProcedureCode> endoscopicBase();

  /**
   * {@return the diagnostic imaging family: 88 for codes subject to the imaging reductions of
   * multiple procedure rule 4, 99 when the concept does not apply (01-11 in files before 2011)}
   */
  @Value.Default
  public int diagnosticImagingFamily() {
    return 99;
  }

  /**
   * {@return the physician supervision level of a diagnostic procedure, two characters such as
   * {@code "01"} (general), {@code "02"} (direct) or {@code "09"} (not applicable)}
   */
  @Value.Default
  public String physicianSupervision() {
    return "09";
  }

  /**
   * Returns the pricing indicator of files from 2026 on (column {@code PRIC IND}), when present.
   *
   * <p>Read, and left out of pricing on purpose. In the rows of CMS's January 2026 files checked it
   * follows the file, not the code: 1 on every row of the QPP file ({@code PPRRVU2026_Jan_QPP.csv},
   * conversion factor 33.5675), 9 on every row of the non-QPP file (33.4009), the same code
   * carrying 1 in one and 9 in the other. Which factor a file's amounts use its {@code CONV FACTOR}
   * column already says, and pricing checks that line by line. CMS's 2026 record layout defining
   * the column was not found, so cpt4j gives the values no meaning of its own: a row is priced and
   * explained the same with 1, 9 or no indicator.
   *
   * @return the indicator as the file gives it, or empty when the file has no such column
   */
  public abstract Optional<String> pricingIndicator();

  /** Rejects values outside the ranges documented on the accessors. */
  @Value.Check
  protected void check() {
    checkShare("preOperativeShare", preOperativeShare());
    checkShare("intraOperativeShare", intraOperativeShare());
    checkShare("postOperativeShare", postOperativeShare());
    if (diagnosticImagingFamily() < 0 || diagnosticImagingFamily() > 99) {
      throw new IllegalArgumentException(
          "diagnostic imaging family is 0-99, not " + diagnosticImagingFamily());
    }
    if (physicianSupervision().length() != 2) {
      throw new IllegalArgumentException(
          "physician supervision is two characters, not "
              + CodeFormatException.quote(physicianSupervision()));
    }
  }

  private static void checkShare(String name, BigDecimal share) {
    if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(name + " must be 0 to 1, not " + share);
    }
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PaymentIndicators} values. */
  public static final class Builder extends ImmutablePaymentIndicators.Builder {}
}
