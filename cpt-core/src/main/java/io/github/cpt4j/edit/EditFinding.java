package io.github.cpt4j.edit;

import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.style.ValueStyle;
import java.util.Map;
import org.immutables.value.Value;

/**
 * One thing a {@link ClaimEdit} found on one line of a claim: which line, what it does to it
 * ({@link EditAction}), the reason an unpaid line is given, a message a biller can act on, and the
 * data of the rule that fired (codes, indicators, values, dates), so that the finding explains
 * itself.
 *
 * <pre>{@code
 * EditFinding finding = EditFinding.denyLine("ncci-ptp", 1, 1,
 *     "20610 is a component of 27447 on the same date; add 59 or XU if distinct");
 * finding.line();       // 1, zero-based
 * finding.lineNumber(); // 2, the number the claim names the line by
 * finding.reason();     // UnpricedReason.EDIT_DENIED
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class EditFinding {

  /** {@return the name of the edit that found this, as {@link ClaimEdit#name()}} */
  public abstract String edit();

  /** {@return the zero-based index of the line in the claim} */
  public abstract int line();

  /**
   * Returns the number by which the claim names the line, from 1: {@link
   * io.github.cpt4j.claim.Claim#lineNumber Claim.lineNumber(line())}, the number its message uses.
   * It is the line's position ({@link #line()} + 1) unless set otherwise: a claim's own numbers
   * ({@link io.github.cpt4j.claim.Claim#withLineNumbers}) name the lines left after some were taken
   * out, and a finding on such a line carries its number. The standard edits set it; {@link
   * ClaimScrubber} sets it on every finding from the claim it checked.
   *
   * @return the line's number, 1 or more
   */
  @Value.Default
  public int lineNumber() {
    return line() + 1;
  }

  /** {@return what the finding does to the line} */
  public abstract EditAction action();

  /**
   * Returns how many units of the line are denied: all of them for {@link EditAction#DENY_LINE},
   * some for {@link EditAction#DENY_UNITS}, none for {@link EditAction#FLAG}. They are counted from
   * the units billed: several denials of units of one line do not add up, the one that denies the
   * most stands ({@link EditAction#DENY_UNITS}).
   *
   * @return the units denied: zero for a flag, 1 or more for a denial
   */
  public abstract int deniedUnits();

  /**
   * {@return the reason a denied line is unpriced with, such as {@link UnpricedReason#NCCI_PTP};
   * {@link UnpricedReason#EDIT_DENIED} for an edit without a reason of its own}
   */
  public abstract UnpricedReason reason();

  /** {@return what was found and what would fix it, in one line of words} */
  public abstract String message();

  /**
   * {@return the data of the rule that fired, in a stable order (for example {@code column1},
   * {@code column2}, {@code modifierIndicator}, {@code effective}); empty when there is none}
   */
  public abstract Map<String, String> data();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds {@link EditFinding} values; every attribute may be set once. A public type of its own,
   * as every other value's builder is, so that users can name it (the generated class is not
   * public).
   */
  public static final class Builder extends ImmutableEditFinding.Builder {}

  /**
   * {@return a finding that denies the whole of line {@code line}, of {@code units} units}
   *
   * @param edit the name of the edit that found it, a rule id such as {@code ncci-mue}
   * @param line the zero-based index of the line in the claim
   * @param units the units billed on the line, 1 or more: all are denied
   * @param message why the line is denied, in words for the user
   * @throws IllegalArgumentException if {@code edit} is not a rule id, {@code line} is negative or
   *     {@code units} is less than 1
   */
  public static EditFinding denyLine(String edit, int line, int units, String message) {
    return builder()
        .edit(edit)
        .line(line)
        .action(EditAction.DENY_LINE)
        .deniedUnits(units)
        .reason(UnpricedReason.EDIT_DENIED)
        .message(message)
        .build();
  }

  /**
   * {@return a finding that flags line {@code line} without denying it}
   *
   * @param edit the name of the edit that found it, a rule id such as {@code ncci-ptp}
   * @param line the zero-based index of the line in the claim
   * @param message what the line is flagged for, in words for the user
   * @throws IllegalArgumentException if {@code edit} is not a rule id or {@code line} is negative
   */
  public static EditFinding flag(String edit, int line, String message) {
    return builder()
        .edit(edit)
        .line(line)
        .action(EditAction.FLAG)
        .deniedUnits(0)
        .reason(UnpricedReason.EDIT_DENIED)
        .message(message)
        .build();
  }

  /**
   * Returns this finding on line {@code newLine}: for a pricer that prices some lines of a claim as
   * a claim of their own, whose lines are indexed anew. The line keeps its {@link #lineNumber()},
   * the number its message names it by.
   *
   * @param newLine the zero-based index of the line in the other claim
   * @return the finding on {@code newLine}; this one if it is already on that line
   * @throws IllegalArgumentException if {@code newLine} is negative
   */
  public EditFinding onLine(int newLine) {
    if (newLine == line()) {
      return this;
    }
    return copy(newLine, lineNumber());
  }

  /**
   * Tells whether this finding denies its line whole, the line being billed with {@code
   * billedUnits}: {@link EditAction#DENY_LINE}, or {@link EditAction#DENY_UNITS} of all its units.
   * Such a line is not paid, and the edits that judge after the others ({@link
   * ClaimEdit#judgesAfterDenials()}) are told so.
   *
   * <pre>{@code
   * EditFinding.denyLine("ncci-mue", 0, 3, "...").deniesWholeLine(3);   // true
   * }</pre>
   *
   * @param billedUnits the units billed on the finding's line
   * @return true if the finding leaves none of the line's units to pay
   */
  public boolean deniesWholeLine(int billedUnits) {
    return action() == EditAction.DENY_LINE
        || action() == EditAction.DENY_UNITS && deniedUnits() >= billedUnits;
  }

  /**
   * Returns this finding with its line named {@code number}, as the claim it was found on names the
   * line ({@link io.github.cpt4j.claim.Claim#lineNumber}): for an edit that builds its findings
   * with {@link #denyLine} or {@link #flag} on a claim with line numbers of its own.
   *
   * @param number the line's number in the claim, 1 or more
   * @return the finding with that number; this one if it already has it
   * @throws IllegalArgumentException if {@code number} is less than 1
   */
  public EditFinding withLineNumber(int number) {
    if (number == lineNumber()) {
      return this;
    }
    return copy(line(), number);
  }

  /** This finding on {@code line}, named {@code lineNumber}: the strict builder has no copy. */
  private EditFinding copy(int line, int lineNumber) {
    return builder()
        .edit(edit())
        .line(line)
        .lineNumber(lineNumber)
        .action(action())
        .deniedUnits(deniedUnits())
        .reason(reason())
        .message(message())
        .putAllData(data())
        .build();
  }

  /**
   * Rejects an edit name that is not a rule id, a negative line or unit count, and units that
   * disagree with the action.
   */
  @Value.Check
  protected void check() {
    if (edit().isEmpty()) {
      throw new IllegalArgumentException("an edit finding needs the edit's name");
    }
    if (line() < 0) {
      throw new IllegalArgumentException("line must be zero or more, not " + line());
    }
    if (lineNumber() < 1) {
      throw new IllegalArgumentException(
          "a line number is 1 or more, not " + lineNumber() + " (line index " + line() + ")");
    }
    // The name becomes the rule of the denied line's explanation step, of its warning and of
    // PricedLine.refusedBy, which take only rule ids: refused here, where the edit builds it, not
    // later inside the pricer (which must not throw for a claim's data).
    try {
      PricingStep.checkRule(edit());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the edit name of a finding on line " + lineNumber() + " is refused: " + e.getMessage(),
          e);
    }
    boolean unitsFit =
        switch (action()) {
          case DENY_LINE, DENY_UNITS -> deniedUnits() > 0;
          case FLAG -> deniedUnits() == 0;
        };
    if (!unitsFit) {
      throw new IllegalArgumentException(
          action() + " cannot deny " + deniedUnits() + " units (line " + lineNumber() + ")");
    }
  }

  /**
   * Returns the finding on one line, for logs: {@code ncci-ptp line 2 DENY_LINE: ...}. The line
   * there is its {@link #lineNumber()}, the number the message names it by too.
   */
  @Override
  public String toString() {
    return edit() + " line " + lineNumber() + " " + action() + ": " + message();
  }
}
