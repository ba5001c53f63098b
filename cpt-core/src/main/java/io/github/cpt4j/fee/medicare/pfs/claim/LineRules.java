package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.ASSISTANT;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M22;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M25;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M50;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M51;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M52;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M54;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M55;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M56;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M62;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M66;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.MAS;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.MLT;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.MRT;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.SPLIT_CARE;

import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.AssistantAtSurgery;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import io.github.cpt4j.fee.medicare.pfs.SurgeonsPermission;
import java.math.BigDecimal;

/**
 * The rules that need only the line itself: whether its payment modifiers are allowed by the row's
 * indicators, and the factors they apply — split global care (54/55/56), co-surgeons (62), team
 * surgery (66), assistants at surgery (80/81/82/AS) — and the flags later rules read (22/52).
 */
final class LineRules {

  static final BigDecimal CO_SURGEON_SHARE = new BigDecimal("0.625");
  static final BigDecimal ASSISTANT_SHARE = new BigDecimal("0.16");

  /** A non-physician assistant (AS) is paid 85% of the assistant's 16%. */
  static final BigDecimal NON_PHYSICIAN_ASSISTANT_SHARE = new BigDecimal("0.136");

  private LineRules() {}

  /** Applies the line's own rules to a line the fee schedule priced. */
  static void apply(LineWork w, boolean participating) {
    PaymentIndicators ind = w.indicators;
    if (!participating) {
      w.scale(
          MedicareFeeSchedule.NON_PARTICIPATING_FACTOR,
          ClaimRule.NON_PARTICIPATING,
          () -> "95% for a non-participating provider");
    }
    if (w.has(M25)) {
      w.note(
          ClaimRule.FEE_SCHEDULE,
          () -> "modifier 25: a significant, separately identifiable visit, no adjustment");
    }
    if (w.has(M51)) {
      w.note(
          ClaimRule.MULTIPLE_PROCEDURE,
          () -> "modifier 51 is informational: the MULT PROC indicator decides any reduction");
    }
    if (!checkBilateral(w, ind) || !applySplitCare(w, ind) || !applyRole(w, ind)) {
      return;
    }
    if (w.has(M22 | M52)) {
      w.carrierAdjusted = true;
    }
  }

  private static boolean checkBilateral(LineWork w, PaymentIndicators ind) {
    boolean bothSides = w.has(M50) || w.has(MLT) && w.has(MRT);
    if (w.has(M50) && w.has(MLT | MRT)) {
      w.refuse(
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.BILATERAL,
          "modifier 50 reports"
              + " both sides; LT or RT on the same line contradicts it ("
              + w.line
              + ")");
      return false;
    }
    if (w.has(M50) && ind.bilateral() == BilateralRule.NOT_APPLICABLE) {
      w.refuse(
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.BILATERAL,
          "BILAT SURG 9: the"
              + " bilateral concept does not apply to "
              + w.line.code()
              + ", so modifier 50 is not"
              + " allowed");
      return false;
    }
    if (bothSides && w.line.units() > 1 && ind.bilateral() != BilateralRule.NOT_APPLICABLE) {
      w.refuse(
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.BILATERAL,
          "a bilateral"
              + " procedure billed with "
              + (w.has(M50) ? "modifier 50" : "LT and RT")
              + " on one line is 1 unit, not "
              + w.line.units());
      return false;
    }
    return true;
  }

  private static boolean applySplitCare(LineWork w, PaymentIndicators ind) {
    if (!w.has(SPLIT_CARE)) {
      return true;
    }
    BigDecimal share = BigDecimal.ZERO;
    StringBuilder words = new StringBuilder(64);
    if (w.has(M56)) {
      share = share.add(ind.preOperativeShare());
      words.append("modifier 56: pre-operative share ").append(ind.preOperativeShare());
    }
    if (w.has(M54)) {
      share = share.add(ind.intraOperativeShare());
      words
          .append(words.length() > 0 ? ", " : "")
          .append("modifier 54: intra-operative share ")
          .append(ind.intraOperativeShare());
    }
    if (w.has(M55)) {
      share = share.add(ind.postOperativeShare());
      words
          .append(words.length() > 0 ? ", " : "")
          .append("modifier 55: post-operative share ")
          .append(ind.postOperativeShare());
    }
    if (share.signum() == 0) {
      w.refuse(
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.SPLIT_CARE,
          "global "
              + ind.globalPeriod().code()
              + ": "
              + w.line.code()
              + " has no pre-, intra- and"
              + " post-operative shares, so modifiers 54, 55 and 56 do not apply");
      return false;
    }
    BigDecimal total = share;
    String text = words + " of the global package: " + Amounts.percent(total);
    w.scale(total, ClaimRule.SPLIT_CARE, () -> text);
    return true;
  }

  private static boolean applyRole(LineWork w, PaymentIndicators ind) {
    int roles = (w.has(M62) ? 1 : 0) + (w.has(M66) ? 1 : 0) + (w.has(ASSISTANT) ? 1 : 0);
    if (roles > 1) {
      w.refuse(
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          w.has(ASSISTANT) ? ClaimRule.ASSISTANT_AT_SURGERY : ClaimRule.TEAM_SURGERY,
          "a line is billed by one surgeon in one role: co-surgeon (62), team surgeon (66) or"
              + " assistant (80, 81, 82, AS), not several ("
              + w.line
              + ")");
      return false;
    }
    if (w.has(M62)) {
      return applyCoSurgery(w, ind.coSurgeons());
    } else if (w.has(M66)) {
      return applyTeamSurgery(w, ind.teamSurgery());
    } else if (w.has(ASSISTANT)) {
      return applyAssistant(w, ind.assistantAtSurgery());
    }
    return true;
  }

  private static boolean applyCoSurgery(LineWork w, SurgeonsPermission permission) {
    if (permission == SurgeonsPermission.NOT_PERMITTED
        || permission == SurgeonsPermission.NOT_APPLICABLE) {
      w.refuse(
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.CO_SURGERY,
          "CO-SURG "
              + permission.code()
              + ": co-surgeons are "
              + (permission == SurgeonsPermission.NOT_PERMITTED
                  ? "not permitted for "
                  : "not a concept of ")
              + w.line.code()
              + ", so modifier 62 is not allowed");
      return false;
    }
    if (permission == SurgeonsPermission.WITH_DOCUMENTATION) {
      w.warn(
          ClaimWarning.Kind.DOCUMENTATION_REQUIRED,
          ClaimRule.CO_SURGERY,
          "CO-SURG 1:"
              + " co-surgeons are paid for "
              + w.line.code()
              + " only with documentation of the"
              + " medical necessity of two surgeons");
    }
    char code = permission.code();
    w.scale(
        CO_SURGEON_SHARE,
        ClaimRule.CO_SURGERY,
        () -> "modifier 62, CO-SURG " + code + ": 62.5% for each co-surgeon");
    return true;
  }

  private static boolean applyTeamSurgery(LineWork w, SurgeonsPermission permission) {
    if (permission == SurgeonsPermission.NOT_PERMITTED
        || permission == SurgeonsPermission.NOT_APPLICABLE) {
      w.refuse(
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.TEAM_SURGERY,
          "TEAM SURG "
              + permission.code()
              + ": team surgeons are "
              + (permission == SurgeonsPermission.NOT_PERMITTED
                  ? "not permitted for "
                  : "not a concept of ")
              + w.line.code()
              + ", so modifier 66 is not allowed");
      return false;
    }
    if (permission == SurgeonsPermission.WITH_DOCUMENTATION) {
      w.warn(
          ClaimWarning.Kind.DOCUMENTATION_REQUIRED,
          ClaimRule.TEAM_SURGERY,
          "TEAM SURG 1:"
              + " a surgical team is paid for "
              + w.line.code()
              + " only with documentation of its"
              + " medical necessity");
    }
    w.refuse(
        UnpricedReason.PRICED_BY_REPORT,
        ClaimRule.TEAM_SURGERY,
        "modifier 66, TEAM SURG "
            + permission.code()
            + ": team surgery is priced by report; the contractor sets the"
            + " amount");
    return false;
  }

  private static boolean applyAssistant(LineWork w, AssistantAtSurgery rule) {
    if (rule == AssistantAtSurgery.NEVER_PAID || rule == AssistantAtSurgery.NOT_APPLICABLE) {
      w.refuse(
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.ASSISTANT_AT_SURGERY,
          "ASST SURG "
              + rule.code()
              + ": "
              + (rule == AssistantAtSurgery.NEVER_PAID
                  ? "an assistant at surgery is never paid for "
                  : "assistants at surgery are not a" + " concept of ")
              + w.line.code()
              + ", so modifiers 80, 81, 82 and AS are not"
              + " allowed");
      return false;
    }
    if (rule == AssistantAtSurgery.WITH_DOCUMENTATION) {
      w.warn(
          ClaimWarning.Kind.DOCUMENTATION_REQUIRED,
          ClaimRule.ASSISTANT_AT_SURGERY,
          "ASST SURG 0: an assistant at surgery is paid for "
              + w.line.code()
              + " only with"
              + " documentation of medical necessity");
    }
    char code = rule.code();
    if (w.has(MAS)) {
      w.scale(
          NON_PHYSICIAN_ASSISTANT_SHARE,
          ClaimRule.ASSISTANT_AT_SURGERY,
          () ->
              "modifier AS, ASST SURG "
                  + code
                  + ": a non-physician assistant is paid 85% of"
                  + " 16%, 13.6%");
    } else {
      w.scale(
          ASSISTANT_SHARE,
          ClaimRule.ASSISTANT_AT_SURGERY,
          () -> "assistant at surgery, ASST SURG " + code + ": 16%");
    }
    return true;
  }
}
