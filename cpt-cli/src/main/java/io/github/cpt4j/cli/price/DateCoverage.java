package io.github.cpt4j.cli.price;

import java.util.List;
import java.util.Optional;

/**
 * A run that priced nothing because the loaded data does not cover its date of service, covers the
 * date but not the locality on it, or has relative values for another conversion factor than the
 * date's: the default date is today, a relative value file is for one year, and the bundled data's
 * 2026 release has the GPCIs of one locality only, so this is the usual way a run prices nothing.
 * It must never look like a run that priced everything at 0.00: the command exits with status 1 and
 * says, in one line, what the data covers.
 */
public final class DateCoverage {

  /** The result of a line out of the data's dates. */
  public static final String NOT_COVERED = "date_not_covered";

  /**
   * The result of a line whose locality has no GPCIs in the release of its date (Manhattan on a
   * 2026 date with the bundled data, whose 2026 release has Los Angeles only).
   */
  public static final String NO_GPCI = "no_gpci_for_locality";

  /**
   * The result of a line whose relative value file states another conversion factor than the one in
   * force on its date (a file without a year in its title prices any date, and says so this way):
   * data for another date, as much as a line out of the data's dates.
   */
  public static final String CONVERSION_FACTOR_MISMATCH = "conversion_factor_mismatch";

  private DateCoverage() {}

  /**
   * Tells whether {@code outcome} is a line the loaded data has no release for, or no GPCIs for its
   * locality on its date.
   */
  public static boolean isNotCovered(Outcome outcome) {
    return isNotCovered(outcome.result());
  }

  /**
   * Tells whether {@code result}, a line's result code, is that of a line the loaded data has no
   * release for, or no GPCIs for its locality on its date.
   */
  public static boolean isNotCovered(String result) {
    return result.equals(NOT_COVERED)
        || result.equals(NO_GPCI)
        || result.equals(CONVERSION_FACTOR_MISMATCH);
  }

  /**
   * Returns the reason of a line out of the data's dates: the first clause of its explanation,
   * which names the dates the data covers (or the release without the line's locality).
   */
  public static String reason(Outcome outcome) {
    String explanation = outcome.explanation();
    int end = explanation.indexOf("; ");
    return end < 0 ? explanation : explanation.substring(0, end);
  }

  /**
   * Returns the one line to print when none of {@code outcomes} is priced and some are out of the
   * data's dates; empty otherwise.
   *
   * @param dateGiven whether the user gave the dates of service ({@code --date}), rather than
   *     leaving the lines on today's date: see {@link #message(String, boolean)}
   */
  public static Optional<String> nothingPriced(List<Outcome> outcomes, boolean dateGiven) {
    String first = null;
    for (Outcome outcome : outcomes) {
      if (outcome.isPriced()) {
        return Optional.empty();
      }
      if (first == null && isNotCovered(outcome)) {
        first = reason(outcome);
      }
    }
    return Optional.ofNullable(first).map(reason -> message(reason, dateGiven));
  }

  /**
   * Returns the one line for a run that priced nothing, given the first such line's reason.
   *
   * @param dateGiven whether the user gave the dates of service: {@code --date}, or a batch whose
   *     rows each have their own. Without it the lines were priced on today's date, and the hint is
   *     to give {@code --date}; with it, telling the user to give {@code --date} would be advice
   *     already followed: the data must cover the date, or the date is another.
   */
  public static String message(String reason, boolean dateGiven) {
    return "nothing was priced: "
        + reason
        + (dateGiven
            ? " (give data for that date, or another date)"
            : " (give --date, or data for that date)");
  }
}
