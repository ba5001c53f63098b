package io.github.cpt4j.edit;

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
 * finding.reason();     // UnpricedReason.EDIT_DENIED
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class EditFinding {

  /** Returns the name of the edit that found this, as {@link ClaimEdit#name()}. */
  public abstract String edit();

  /** Returns the zero-based index of the line in the claim. */
  public abstract int line();

  /** Returns what the finding does to the line. */
  public abstract EditAction action();

  /**
   * Returns how many units of the line are denied: all of them for {@link EditAction#DENY_LINE},
   * some for {@link EditAction#DENY_UNITS}, none for {@link EditAction#FLAG}.
   */
  public abstract int deniedUnits();

  /**
   * Returns the reason a denied line is unpriced with, such as {@link UnpricedReason#NCCI_PTP};
   * {@link UnpricedReason#EDIT_DENIED} for an edit without a reason of its own.
   */
  public abstract UnpricedReason reason();

  /** Returns what was found and what would fix it, in one line of words. */
  public abstract String message();

  /**
   * Returns the data of the rule that fired, in a stable order (for example {@code column1}, {@code
   * column2}, {@code modifierIndicator}, {@code effective}); empty when there is none.
   */
  public abstract Map<String, String> data();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds {@link EditFinding} values; every attribute may be set once. A public type of its own,
   * as every other value's builder is, so that users can name it (the generated class is not
   * public).
   */
  public static final class Builder extends ImmutableEditFinding.Builder {}

  /** Returns a finding that denies the whole of line {@code line}, of {@code units} units. */
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

  /** Returns a finding that flags line {@code line} without denying it. */
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
   * a claim of their own, whose lines are numbered anew.
   *
   * @throws IllegalArgumentException if {@code newLine} is negative
   */
  public EditFinding onLine(int newLine) {
    if (newLine == line()) {
      return this;
    }
    return builder()
        .edit(edit())
        .line(newLine)
        .action(action())
        .deniedUnits(deniedUnits())
        .reason(reason())
        .message(message())
        .putAllData(data())
        .build();
  }

  /** Rejects a negative line or unit count, and units that disagree with the action. */
  @Value.Check
  protected void check() {
    if (edit().isEmpty()) {
      throw new IllegalArgumentException("an edit finding needs the edit's name");
    }
    if (line() < 0) {
      throw new IllegalArgumentException("line must be zero or more, not " + line());
    }
    boolean unitsFit =
        switch (action()) {
          case DENY_LINE, DENY_UNITS -> deniedUnits() > 0;
          case FLAG -> deniedUnits() == 0;
        };
    if (!unitsFit) {
      throw new IllegalArgumentException(
          action() + " cannot deny " + deniedUnits() + " units (line " + line() + ")");
    }
  }

  /**
   * Returns the finding on one line, for logs: {@code ncci-ptp line 2 DENY_LINE: ...}. The line
   * there is its position in the claim, from 1 ({@link #line()} + 1); the message names lines by
   * the claim's own numbers when it carries them ({@link
   * io.github.cpt4j.claim.Claim#withLineNumbers}), so the two differ for such a claim.
   */
  @Override
  public String toString() {
    return edit() + " line " + (line() + 1) + " " + action() + ": " + message();
  }
}
