package io.github.cpt4j.edit;

/** What an {@link EditFinding} does to its line. */
public enum EditAction {
  /** The whole line is denied: it is not paid and takes no part in the claim's payment rules. */
  DENY_LINE,
  /**
   * Some units of the line are denied ({@link EditFinding#deniedUnits()}); the rest are paid as if
   * the line had been billed with fewer units.
   */
  DENY_UNITS,
  /** The line is paid as billed; the finding is a warning for the biller. */
  FLAG;

  /** Tells whether this action takes anything away from the line's payment. */
  public boolean denies() {
    return this != FLAG;
  }
}
