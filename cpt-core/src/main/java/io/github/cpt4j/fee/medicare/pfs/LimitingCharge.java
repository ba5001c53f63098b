package io.github.cpt4j.fee.medicare.pfs;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaRole;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The two answers a limiting charge can be, in the words every pricer of one gives them: 109.25% of
 * a participating amount, or none for a service paid only on assignment. {@link
 * MedicareFeeSchedule#limitingCharge} answers for a line alone, {@link
 * io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer#limitingCharges} for each line of a
 * claim, after the claim's payment rules.
 *
 * <pre>{@code
 * MedicareFeeSchedule schedule = BundledData.medicareFeeSchedule();
 * PricingContext office = PricingContext.of(LocalDate.of(2025, 3, 14),
 *     Locality.parse("13282-99"), Setting.NON_FACILITY);
 * FeeResult participating = schedule.price(ClaimLine.parse("90834"), office);   // 102.53
 * LimitingCharge.of(participating).amountOrThrow();                             // 112.01
 * }</pre>
 */
public final class LimitingCharge {

  /** The rule id of the step that multiplies the participating amount. */
  public static final String RULE = "limiting-charge";

  /** The words of that step, whichever pricer makes it. */
  public static final String DESCRIPTION = "115% of the non-participating 95%: 109.25%";

  /**
   * The words of the step that rounds an anesthesia line's participating amount to cents before its
   * limiting charge is taken ({@link #ofAnesthesia}).
   */
  public static final String ANESTHESIA_IN_CENTS =
      "a participating provider's amount, half-up to cents, the amount the 109.25% is of";

  /** The law that pays the practitioners of {@link PractitionerType#mustAcceptAssignment()}. */
  private static final String ASSIGNMENT_LAW = "Social Security Act §1842(b)(18)(C)";

  /** QZ, a nurse anesthetist's line without medical direction. */
  private static final Modifier QZ = AnesthesiaRole.CRNA_NOT_DIRECTED.modifier();

  /** QX, a nurse anesthetist's line with medical direction. */
  private static final Modifier QX = AnesthesiaRole.CRNA_DIRECTED.modifier();

  private LimitingCharge() {}

  /**
   * Returns the limiting charge of {@code participating}, a participating provider's exact amount:
   * that amount times {@link MedicareFeeSchedule#LIMITING_CHARGE_FACTOR} (109.25%), not rounded
   * until the result's amount is read, with a step saying so; an unpriced result as it is. CMS's
   * record layout of the relative value file (RVU25D) and of its payment files (PF25PC): the
   * limiting charge is 115% of the non-participating amount, 95% of the participating one, so
   * "multiply the fee schedule amount by a factor of 1.0925"; 42 CFR 414.48(b): 115 percent of the
   * fee schedule amount for nonparticipating suppliers, for the services the Physician Fee Schedule
   * pays.
   *
   * @param participating a participating provider's result for the line
   * @return the limiting charge, or {@code participating} itself when it is unpriced
   */
  public static FeeResult of(FeeResult participating) {
    return requireNonNull(participating, "participating")
        .multipliedBy(MedicareFeeSchedule.LIMITING_CHARGE_FACTOR, RULE, DESCRIPTION);
  }

  /**
   * Returns the limiting charge of {@code participating}, a participating provider's exact amount
   * for an anesthesia line: that amount rounded half-up to cents (step {@link
   * AnesthesiaFeeSchedule#PAID_ROUNDED}, when rounding changes it), then 109.25% of it as {@link
   * #of} takes. The physician fee schedule's limiting charge is 109.25% of its posted fee, which is
   * in cents; an anesthesia line's fee schedule amount is its amount in cents too, the one the
   * non-participating 95% is taken of ({@link AnesthesiaFeeSchedule}), so that its limiting charge
   * is 115% of the non-participating amount: {@code 00790-QK 60min} in 13282-99, 108.845 paid
   * 108.85, is limited to 1.0925 x 108.85 = 118.918625, 118.92 (115% of the non-participating
   * 103.41), not 1.0925 x 108.845 = 118.91. An unpriced result is returned as it is. The amount is
   * taken as one service's: for 01953, whose units are each paid as a line of one, use {@link
   * #ofAnesthesia(ClaimLine, FeeResult)}.
   *
   * @param participating a participating provider's result for the anesthesia line
   * @return the limiting charge, or {@code participating} itself when it is unpriced
   */
  public static FeeResult ofAnesthesia(FeeResult participating) {
    requireNonNull(participating, "participating");
    FeeResult inCents = participating;
    if (participating instanceof FeeResult.Priced priced
        && priced.exact().compareTo(priced.roundedAmount()) != 0) {
      inCents =
          participating.withExactAmount(
              PricingStep.of(
                  AnesthesiaFeeSchedule.PAID_ROUNDED, ANESTHESIA_IN_CENTS, priced.roundedAmount()));
    }
    return of(inCents);
  }

  /**
   * Returns the limiting charge of {@code participating}, a participating provider's exact amount
   * for the anesthesia line {@code line}: as {@link #ofAnesthesia(FeeResult)} takes it, but of each
   * unit when the line's units are each paid as a line of one ({@link
   * AnesthesiaFeeSchedule#paidUnits}: 01953's increments of body surface, CMS Transmittal
   * B-03-017): 109.25% of a unit's amount in cents, rounded to cents, times the units, as the
   * non-participating 95% is taken of each unit. So {@code 01953-QK x3} in 13282-99 (9.90 a unit,
   * 9.41 not participating) is limited to 3 x 10.82 = 32.46, what three lines of {@code 01953-QK}
   * are, 115% of its non-participating 28.23, not 1.0925 x 29.70 = 32.45. An unpriced result is
   * returned as it is.
   *
   * @param line the anesthesia line priced
   * @param participating a participating provider's result for {@code line}
   * @return the limiting charge, or {@code participating} itself when it is unpriced
   */
  public static FeeResult ofAnesthesia(ClaimLine line, FeeResult participating) {
    requireNonNull(line, "line");
    requireNonNull(participating, "participating");
    if (participating instanceof FeeResult.Priced priced) {
      Optional<PricingStep> each = ofEachUnit(line, priced.exact());
      if (each.isPresent()) {
        return participating.withExactAmount(each.get());
      }
    }
    return ofAnesthesia(participating);
  }

  /**
   * Returns the step that makes the limiting charge of the anesthesia line {@code line} of each
   * unit, as {@link #ofAnesthesia(ClaimLine, FeeResult)} takes it, when its units are each paid as
   * a line of one ({@link AnesthesiaFeeSchedule#paidUnits}) and {@code participating}, the line's
   * participating amount, is that many units in cents; empty otherwise, the limiting charge being
   * then 109.25% of the amount in cents. For a claim pricer, which keeps its lines' amounts apart
   * from their results.
   *
   * @param line the anesthesia line priced
   * @param participating a participating provider's exact amount for {@code line}, in dollars
   * @return the step, or empty when the limiting charge is not taken of each unit
   */
  public static Optional<PricingStep> ofEachUnit(ClaimLine line, BigDecimal participating) {
    requireNonNull(line, "line");
    requireNonNull(participating, "participating");
    int units = AnesthesiaFeeSchedule.paidUnits(line);
    BigDecimal each = units > 1 ? eachUnit(participating, units) : null;
    if (each == null) {
      return Optional.empty();
    }
    BigDecimal eachLimit = limitInCents(each);
    return Optional.of(
        PricingStep.of(
            RULE,
            DESCRIPTION
                + " of each of the "
                + units
                + " units, paid "
                + each.toPlainString()
                + " each as a line of one: "
                + eachLimit.toPlainString()
                + " x "
                + units,
            eachLimit.multiply(BigDecimal.valueOf(units))));
  }

  /**
   * The amount of one of {@code units} units that {@code amount} pays, when it is whole cents and
   * {@code amount} is that many of it (as the anesthesia schedule pays 01953's units); otherwise
   * null.
   */
  private static BigDecimal eachUnit(BigDecimal amount, int units) {
    BigDecimal each = amount.divide(BigDecimal.valueOf(units), FeeResult.CENTS, FeeResult.ROUNDING);
    return each.multiply(BigDecimal.valueOf(units)).compareTo(amount) == 0 ? each : null;
  }

  /** 109.25% of {@code cents}, rounded half-up to cents: the limiting charge of one unit. */
  private static BigDecimal limitInCents(BigDecimal cents) {
    return cents
        .multiply(MedicareFeeSchedule.LIMITING_CHARGE_FACTOR)
        .setScale(FeeResult.CENTS, FeeResult.ROUNDING);
  }

  /**
   * Tells whether Medicare pays {@code line}, furnished by {@code practitioner}, only on
   * assignment, so that it has no limiting charge: the practitioner is paid only so ({@link
   * PractitionerType#mustAcceptAssignment()}), or the line's modifier says it is such a
   * practitioner's, whatever type it is priced for. AS is billed by a physician assistant, nurse
   * practitioner or clinical nurse specialist assisting at surgery (a physician assisting bills 80,
   * 81 or 82; Claims Processing Manual ch. 12 §20.4.3), QZ and QX by a nurse anesthetist or
   * anesthesiologist assistant (ch. 12 §140): all practitioners Social Security Act §1842(b)(18)(C)
   * pays only on assignment (for NPs and CNSs the Benefit Policy Manual says so too, ch. 15 §200.F
   * and §210). The physician's anesthesia modifiers (AA, QK, QY, AD) say nothing of it.
   *
   * @param line the line priced
   * @param practitioner the type of practitioner who furnished it
   * @return true if the line has no limiting charge, being paid only on assignment
   */
  public static boolean paidOnlyOnAssignment(ClaimLine line, PractitionerType practitioner) {
    requireNonNull(line, "line");
    requireNonNull(practitioner, "practitioner");
    return practitioner.mustAcceptAssignment() || assignmentModifier(line) != null;
  }

  /**
   * Returns the answer for {@code line}, furnished by {@code practitioner}, when Medicare pays it
   * only on assignment ({@link #paidOnlyOnAssignment}): {@link UnpricedReason#ASSIGNMENT_REQUIRED},
   * its detail naming the practitioner ({@link #assignmentRequired(PractitionerType,
   * FeeResult.Priced)}), or, for a practitioner who may decline assignment, the line's modifier:
   * "an assistant at surgery who is not a physician (modifier AS) is paid only on assignment...".
   *
   * @param line the line priced
   * @param practitioner the type of practitioner who furnished it
   * @param approved the amount Medicare approves for the line
   * @return the {@link UnpricedReason#ASSIGNMENT_REQUIRED} answer
   * @throws IllegalArgumentException if neither {@code practitioner} nor the line's modifiers are
   *     paid only on assignment
   */
  public static FeeResult assignmentRequired(
      ClaimLine line, PractitionerType practitioner, FeeResult.Priced approved) {
    requireNonNull(line, "line");
    requireNonNull(practitioner, "practitioner");
    requireNonNull(approved, "approved");
    if (practitioner.mustAcceptAssignment()) {
      return assignmentRequired(practitioner, approved);
    }
    String paid = assignmentModifier(line);
    if (paid == null) {
      throw new IllegalArgumentException(
          "a "
              + practitioner.words()
              + "'s "
              + line
              + " may be billed without assignment, and has a limiting charge");
    }
    return assignmentRequired(paid, ASSIGNMENT_LAW, approved);
  }

  /**
   * Returns who furnished {@code line} in words, with the modifier that says so, when that modifier
   * is billed only by a practitioner paid only on assignment (AS, QZ, QX); null when it has none.
   */
  private static String assignmentModifier(ClaimLine line) {
    for (Modifier m : line.modifiers()) {
      if (m.equals(Modifier.NON_PHYSICIAN_ASSISTANT)) {
        return "an assistant at surgery who is not a physician (modifier AS)";
      }
      if (m.equals(QZ)) {
        return "a " + AnesthesiaRole.CRNA_NOT_DIRECTED.words() + " (modifier QZ)";
      }
      if (m.equals(QX)) {
        return "a " + AnesthesiaRole.CRNA_DIRECTED.words() + " (modifier QX)";
      }
    }
    return null;
  }

  /**
   * Returns the answer for a service of {@code practitioner}, whom Medicare pays only on assignment
   * ({@link PractitionerType#mustAcceptAssignment()}), as {@link #assignmentRequired(String,
   * String, FeeResult.Priced)} words it: Social Security Act §1842(b)(18)(C) says payment for these
   * practitioners' services is made only on an assignment-related basis, so a charge above the
   * approved amount is never theirs.
   *
   * @param practitioner the type of practitioner who furnished the service
   * @param approved the amount Medicare approves for the service
   * @return the {@link UnpricedReason#ASSIGNMENT_REQUIRED} answer
   * @throws IllegalArgumentException if Medicare does not pay {@code practitioner} only on
   *     assignment
   */
  public static FeeResult assignmentRequired(
      PractitionerType practitioner, FeeResult.Priced approved) {
    requireNonNull(practitioner, "practitioner");
    requireNonNull(approved, "approved");
    if (!practitioner.mustAcceptAssignment()) {
      throw new IllegalArgumentException(
          "a " + practitioner.words() + " may decline assignment, and has a limiting charge");
    }
    return assignmentRequired("a " + practitioner.words(), ASSIGNMENT_LAW, approved);
  }

  /**
   * Returns the answer for a service paid only on assignment, which has no limiting charge: {@link
   * UnpricedReason#ASSIGNMENT_REQUIRED}, its detail naming what is so paid, the law, and the
   * approved amount, the most collected; its explanation is the approved amount's.
   *
   * @param paid what is paid only on assignment, as the detail starts: "a nurse practitioner"
   * @param law where the law says so: "Social Security Act §1842(b)(18)(C)"
   * @param approved the amount Medicare approves for the service, in the context as given
   * @return the {@link UnpricedReason#ASSIGNMENT_REQUIRED} answer
   */
  public static FeeResult assignmentRequired(String paid, String law, FeeResult.Priced approved) {
    requireNonNull(paid, "paid");
    requireNonNull(law, "law");
    requireNonNull(approved, "approved");
    return FeeResult.unpriced(
        UnpricedReason.ASSIGNMENT_REQUIRED,
        paid
            + " is paid only on assignment ("
            + law
            + ") and has no limiting charge: the most collected is the approved amount, "
            + approved.roundedAmount().toPlainString(),
        approved::explanation);
  }
}
