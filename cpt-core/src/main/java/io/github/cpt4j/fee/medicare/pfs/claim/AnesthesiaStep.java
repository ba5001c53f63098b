package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Anesthesia lines (Medicare Claims Processing Manual, chapter 12, section 50) are priced by the
 * schedule's anesthesia schedule as one session and take no part in the surgical rules: each priced
 * line has the session's amount from the start of the claim steps (so that a payer's step anywhere
 * sees it), and this step pays the lower of that amount, as the steps before it left it, and the
 * actual charge (42 CFR 414.46(b)). A session of several lines is one service paid on one line with
 * the time of all of them, so its actual charge is what those lines are billed together, not the
 * paid line's own charge; when one of them has no charge, the session's is not known and none caps
 * it, as a line without a charge is not capped. Rule id {@code anesthesia}; the charge comparison
 * carries {@code billed-charge}, and is left out when the claim is priced for its limiting charges
 * ({@link ClaimState#pricesLimitingCharges()}).
 */
final class AnesthesiaStep implements ClaimStep {

  @Override
  public String name() {
    return ClaimRule.ANESTHESIA.id();
  }

  @Override
  public void apply(ClaimState claim) {
    boolean merged = anyPaidThroughAnother(claim.lines);
    if (merged) {
      warnOfMixedRoles(claim.lines);
    }
    warnOfAddOnsWithoutPrimary(claim.lines);
    if (claim.limitingCharges) {
      return; // the limiting charge caps what is billed: the charge does not cap it
    }
    for (LineWork w : claim.lines) {
      if (w.anesthesia == null || !w.hasAmount()) {
        continue;
      }
      PricingStep session = merged ? sessionOf(w.anesthesia) : null;
      if (session != null) {
        lowerOfSessionCharges(w, session, claim.lines);
        continue;
      }
      Optional<BigDecimal> charge = w.billed.charge();
      if (charge.isPresent() && charge.get().compareTo(w.amount) < 0) {
        BigDecimal lower = charge.get();
        w.set(
            lower,
            ClaimRule.BILLED_CHARGE,
            () -> "the billed charge " + lower.toPlainString() + " is lower");
      } else if (charge.isPresent()) {
        w.note(
            ClaimRule.BILLED_CHARGE,
            () -> "the billed charge " + charge.get().toPlainString() + " is not lower");
      }
    }
  }

  /**
   * Tells whether a line of the claim was merged into a session paid on another line: only then can
   * a line be a session of several, and only then are the paid lines' explanations read (the words
   * of a lone line's are written only if someone asks).
   */
  private static boolean anyPaidThroughAnother(LineWork[] lines) {
    for (LineWork w : lines) {
      if (w.anesthesia != null && w.reason == UnpricedReason.NOT_PAYABLE_ON_CLAIM) {
        return true;
      }
    }
    return false;
  }

  /**
   * The step of rule {@link AnesthesiaFeeSchedule#SESSION} of a session's paid line, which each
   * line paid through it carries too; null for a line priced alone.
   */
  private static PricingStep sessionOf(FeeResult paid) {
    for (PricingStep step : paid.explanation().steps()) {
      if (step.rule().equals(AnesthesiaFeeSchedule.SESSION)) {
        return step;
      }
    }
    return null;
  }

  /**
   * Tells whether the anesthesia schedule paid {@code w} through the session of {@code session}.
   */
  private static boolean isPaidThrough(LineWork w, PricingStep session) {
    return w.anesthesia != null
        && w.anesthesia.reason().orElse(null) == UnpricedReason.NOT_PAYABLE_ON_CLAIM
        && w.anesthesia.explanation().steps().contains(session);
  }

  /**
   * Pays {@code paid}, the paid line of a session of several, the lower of its amount and the
   * charges of the session's lines together (42 CFR 414.46(b): the lesser of the actual charge and
   * the anesthesia fee schedule amount). A line refused for its own reason or denied by an edit is
   * no member: the session pays nothing for it, and its charge is not counted.
   */
  private static void lowerOfSessionCharges(LineWork paid, PricingStep session, LineWork[] lines) {
    BigDecimal total = BigDecimal.ZERO;
    StringJoiner each = new StringJoiner(" + ");
    String without = null;
    boolean anyCharge = false;
    for (LineWork w : lines) {
      if (w != paid && !isPaidThrough(w, session)) {
        continue;
      }
      Optional<BigDecimal> charge = w.billed.charge();
      if (charge.isEmpty()) {
        without = without == null ? w.name() : without;
        continue;
      }
      anyCharge = true;
      total = total.add(charge.get());
      each.add(charge.get().toPlainString() + " (" + w.name() + ")");
    }
    if (without != null) {
      if (anyCharge) {
        String missing = without;
        paid.note(
            ClaimRule.BILLED_CHARGE,
            () ->
                missing
                    + " of the session has no billed charge, so the session's actual charge is"
                    + " not known: no charge caps it");
      }
      return;
    }
    BigDecimal charge = total;
    String charges = each + " = " + charge.toPlainString();
    if (charge.compareTo(paid.amount) < 0) {
      paid.set(
          charge,
          ClaimRule.BILLED_CHARGE,
          () -> "the session's lines are billed " + charges + ", lower (42 CFR 414.46(b))");
    } else {
      paid.note(
          ClaimRule.BILLED_CHARGE,
          () -> "the session's lines are billed " + charges + ", not lower");
    }
  }

  /**
   * Turns the schedule's {@link AnesthesiaFeeSchedule#ADD_ON_WITHOUT_PRIMARY} step into an {@link
   * ClaimWarning.Kind#ADD_ON_WITHOUT_PRIMARY} warning, as an add-on of global ZZZ without a primary
   * is warned of; only the add-on codes are looked at.
   */
  private static void warnOfAddOnsWithoutPrimary(LineWork[] lines) {
    for (LineWork w : lines) {
      if (w.anesthesia == null
          || w.reason != null
          || !w.anesthesia.isPriced()
          || !AnesthesiaFeeSchedule.ADD_ONS.contains(w.line.code())) {
        continue;
      }
      for (PricingStep step : w.anesthesia.explanation().steps()) {
        if (step.rule().equals(AnesthesiaFeeSchedule.ADD_ON_WITHOUT_PRIMARY)) {
          w.warn(
              ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY, ClaimRule.ANESTHESIA, step.description());
        }
      }
    }
  }

  /**
   * Turns the schedule's {@link AnesthesiaFeeSchedule#MIXED_ROLES} step into a warning on the paid
   * line: only a session of several lines can have one.
   */
  private static void warnOfMixedRoles(LineWork[] lines) {
    for (LineWork w : lines) {
      if (w.anesthesia == null || w.reason != null || !w.anesthesia.isPriced()) {
        continue;
      }
      for (PricingStep step : w.anesthesia.explanation().steps()) {
        if (step.rule().equals(AnesthesiaFeeSchedule.MIXED_ROLES)) {
          w.warn(
              ClaimWarning.Kind.ANESTHESIA_ROLES_DIFFER, ClaimRule.ANESTHESIA, step.description());
        }
      }
    }
  }
}
