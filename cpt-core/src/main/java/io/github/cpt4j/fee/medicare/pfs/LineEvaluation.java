package io.github.cpt4j.fee.medicare.pfs;

import io.github.cpt4j.fee.UnpricedReason;
import java.util.Optional;

/**
 * The Physician Fee Schedule's one answer for one line, before any claim rule: priced — the exact
 * {@link FeeCalculation} of one unit of the row it selects, which is itself the evaluation — or
 * {@link Refused}, with the typed reason, the rule that refused it and a detail. {@link
 * MedicareFeeSchedule#price}, the claim pricer and the command line all start from it, so the gates
 * (date window, status, row modifiers, locality, conversion factor) are written once.
 *
 * <pre>{@code
 * LineEvaluation e = schedule.evaluate(ClaimLine.parse("71046-26"), context);
 * if (e instanceof FeeCalculation priced) {
 *   priced.exactAmount();
 * } else if (e instanceof LineEvaluation.Refused r) {
 *   r.reason();   // MODIFIER_NOT_ALLOWED, say, decided by rule "pc-tc"
 * }
 * }</pre>
 */
public sealed interface LineEvaluation permits FeeCalculation, LineEvaluation.Refused {

  /** The rule id of a refusal by the schedule itself: no row, a status not paid, no GPCIs... */
  String FEE_SCHEDULE = "fee-schedule";

  /** The rule id of a refusal by the PC/TC indicator: 26 or TC not allowed, or required. */
  String PC_TC = "pc-tc";

  /** The rule id of a refusal of modifier 53 without a row of its own. */
  String DISCONTINUED = "discontinued";

  /** {@return the row the line selects, when the schedule has it} */
  Optional<RvuEntry> row();

  /** The schedule gives no amount: why, which rule decided, and a detail in words. */
  final class Refused implements LineEvaluation {
    private final String rule;
    private final UnpricedReason reason;
    private final String detail;
    private final RvuEntry row;

    Refused(String rule, UnpricedReason reason, String detail, RvuEntry row) {
      this.rule = rule;
      this.reason = reason;
      this.detail = detail;
      this.row = row;
    }

    /**
     * {@return the rule that refused the line: {@link #FEE_SCHEDULE}, {@link #PC_TC} or {@link
     * #DISCONTINUED}}
     */
    public String rule() {
      return rule;
    }

    /** {@return why there is no amount} */
    public UnpricedReason reason() {
      return reason;
    }

    /** {@return the detail in words} */
    public String detail() {
      return detail;
    }

    @Override
    public Optional<RvuEntry> row() {
      return Optional.ofNullable(row);
    }

    /** Returns the row, or null when the schedule refused before finding it. */
    RvuEntry rowOrNull() {
      return row;
    }

    @Override
    public String toString() {
      return "refused " + reason + " (" + rule + "): " + detail;
    }
  }
}
