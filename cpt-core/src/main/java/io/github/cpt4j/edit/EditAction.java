package io.github.cpt4j.edit;

/** What an {@link EditFinding} does to its line. */
public enum EditAction {
  /** The whole line is denied: it is not paid and takes no part in the claim's payment rules. */
  DENY_LINE,
  /**
   * Some units of the line are denied ({@link EditFinding#deniedUnits()}); the rest are paid as if
   * the line had been billed with fewer units.
   *
   * <p>A finding counts the units billed, not what another finding left (edits do not see one
   * another's findings), so several denials of units of one line, by one edit or by several, do not
   * add up: the one that denies the most stands. Denials of 2 and of 3 of 5 units leave 2 units
   * paid, not 0. Each is a {@code UNITS_DENIED} warning of the priced line, {@code 3 of 5 units
   * denied: } and its message; one that denies no more than an earlier finding of the line did
   * changes no amount and says so ({@code 2 of 5 units denied, no more than an earlier finding
   * denied: }). A denial of every unit billed denies the line, with that finding's reason, as
   * {@link #DENY_LINE} does; a line denied whole keeps no units denial.
   */
  DENY_UNITS,
  /** The line is paid as billed; the finding is a warning for the biller. */
  FLAG;

  /**
   * Tells whether this action takes anything away from the line's payment.
   *
   * @return true for {@link #DENY_LINE} and {@link #DENY_UNITS}, false for {@link #FLAG}
   */
  public boolean denies() {
    return this != FLAG;
  }
}
