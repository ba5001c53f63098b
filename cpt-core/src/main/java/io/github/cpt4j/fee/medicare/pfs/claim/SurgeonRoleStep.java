package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.ASSISTANT;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M62;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M66;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.MAS;

import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.AssistantAtSurgery;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import io.github.cpt4j.fee.medicare.pfs.SurgeonsPermission;
import java.math.BigDecimal;

/**
 * The surgeon's role on a line (Medicare Claims Processing Manual, chapter 12, sections 20.4.3 and
 * 40.8): one role per line; co-surgeons (62, column CO-SURG) 62.5% each; a surgical team (66, TEAM
 * SURG) by report; an assistant at surgery (80, 81, 82: 16%; AS: 13.6%; ASST SURG). Refused when
 * the indicator does not allow the role. Name {@code surgeon-role}; its steps carry the rule ids
 * {@code co-surgery}, {@code team-surgery} and {@code assistant-at-surgery}.
 */
final class SurgeonRoleStep extends LineStep {

  static final String NAME = "surgeon-role";

  static final BigDecimal CO_SURGEON_SHARE = new BigDecimal("0.625");
  static final BigDecimal ASSISTANT_SHARE = new BigDecimal("0.16");

  /** A non-physician assistant (AS) is paid 85% of the assistant's 16%. */
  static final BigDecimal NON_PHYSICIAN_ASSISTANT_SHARE = new BigDecimal("0.136");

  SurgeonRoleStep() {
    super(NAME);
  }

  @Override
  void apply(LineWork w) {
    applyRole(w, w.indicators);
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
