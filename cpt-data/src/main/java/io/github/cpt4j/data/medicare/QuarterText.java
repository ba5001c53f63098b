package io.github.cpt4j.data.medicare;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.fee.medicare.Quarter;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the quarter of a quarterly CMS file: in its preamble ("January 2025 Fee Schedule",
 * "Effective January 1, 2025 through March 31, 2025") or in the name CMS gives it ({@code
 * CLFS_2025_Q1V1.csv}, {@code DMEPOS_2025_JAN.csv}, {@code ASP_2025_JAN.csv}).
 */
final class QuarterText {

  private static final String MONTHS =
      "(JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
          + "|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|OCT|NOV|DEC)";
  private static final Pattern NAME_QUARTER = Pattern.compile("(?<![0-9])(20[0-9]{2})_?Q([1-4])");
  private static final Pattern NAME_YEAR_MONTH =
      Pattern.compile("(?<![0-9])(20[0-9]{2})_?" + MONTHS + "(?![A-Z])");
  private static final Pattern NAME_MONTH_YEAR =
      Pattern.compile("(?<![A-Z])" + MONTHS + "_?(20[0-9]{2})(?![0-9])");
  private static final Pattern MONTH_YEAR =
      Pattern.compile("(?<![A-Z])" + MONTHS + "\\s+(?:[0-9]{1,2},\\s*)?(20[0-9]{2})(?![0-9])");

  private QuarterText() {}

  /**
   * The quarter named by a file name such as {@code CLFS_2025_Q1V1.csv} or {@code ..._2025_JAN}.
   */
  static Optional<Quarter> fromFileName(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    Matcher m = NAME_QUARTER.matcher(upper);
    if (m.find()) {
      return Optional.of(Quarter.of(Integer.parseInt(m.group(1)), m.group(2).charAt(0) - '0'));
    }
    m = NAME_YEAR_MONTH.matcher(upper);
    if (m.find()) {
      return Optional.of(quarter(Integer.parseInt(m.group(1)), m.group(2)));
    }
    m = NAME_MONTH_YEAR.matcher(upper);
    if (m.find()) {
      return Optional.of(quarter(Integer.parseInt(m.group(2)), m.group(1)));
    }
    return Optional.empty();
  }

  /**
   * The quarter of the first month and year written in the preamble rows (before {@code header}),
   * such as "January 2025 Fee Schedule" or "Effective January 1, 2025 through...".
   */
  static Optional<Quarter> fromPreamble(List<CsvRecord> records, int header) {
    for (int i = 0; i < header; i++) {
      CsvRecord record = records.get(i);
      for (int f = 0; f < record.getFieldCount(); f++) {
        Matcher m = MONTH_YEAR.matcher(record.getField(f).toUpperCase(Locale.ROOT));
        if (m.find()) {
          return Optional.of(quarter(Integer.parseInt(m.group(2)), m.group(1)));
        }
      }
    }
    return Optional.empty();
  }

  private static Quarter quarter(int year, String month) {
    for (Month candidate : Month.values()) {
      if (candidate.name().startsWith(month)) {
        return Quarter.of(LocalDate.of(year, candidate, 1));
      }
    }
    throw new IllegalArgumentException(month);
  }
}
