package io.github.cpt4j.data.medicare;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.data.csv.FieldLine;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.medicare.Quarter;
import java.time.DateTimeException;
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

  /**
   * A year and quarter in a file name: {@code CLFS_2025_Q1V1.csv}, and {@code CLFS 2025 Q1V1.csv},
   * the name CMS gives the CSV file in its Clinical Laboratory Fee Schedule download ({@code
   * 25CLABQ1.zip}), with a space where the other has an underscore.
   */
  private static final Pattern NAME_QUARTER =
      Pattern.compile("(?<![0-9])(20[0-9]{2})[_ ]?Q([1-4])");

  private static final Pattern NAME_YEAR_MONTH =
      Pattern.compile("(?<![0-9])(20[0-9]{2})_?" + MONTHS + "(?![A-Z])");
  private static final Pattern NAME_MONTH_YEAR =
      Pattern.compile("(?<![A-Z])" + MONTHS + "_?(20[0-9]{2})(?![0-9])");

  /** A month and year, with the day between when a title gives one ("January 1, 2025"). */
  private static final Pattern MONTH_YEAR =
      Pattern.compile("(?<![A-Z])" + MONTHS + "\\s+(?:([0-9]{1,2}),\\s*)?(20[0-9]{2})(?![0-9])");

  /** The last day of a title's period: "... through March 31, 2025" (ASP pricing files). */
  private static final Pattern THROUGH =
      Pattern.compile(
          "(?<![A-Z])(?:THROUGH|THRU)\\s+"
              + MONTHS
              + "\\.?\\s+([0-9]{1,2}),?\\s*(20[0-9]{2})(?![0-9])");

  private QuarterText() {}

  /**
   * The quarter named by a file name such as {@code CLFS_2025_Q1V1.csv}, {@code CLFS 2025 Q1V1.csv}
   * or {@code ..._2025_JAN}.
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
   * such as "January 2025 Fee Schedule" or "Effective January 1, 2025 through...", with the words,
   * the period's first and last day when written, and the line and column of the cell that names
   * it, for errors.
   */
  static Optional<Titled> titled(List<CsvRecord> records, int header) {
    for (int i = 0; i < header; i++) {
      CsvRecord record = records.get(i);
      for (int f = 0; f < record.getFieldCount(); f++) {
        String field = record.getField(f);
        String upper = field.toUpperCase(Locale.ROOT);
        Matcher m = MONTH_YEAR.matcher(upper);
        if (m.find()) {
          // The words as written, unless upper-casing changed the length (never in CMS's).
          boolean asWritten = upper.length() == field.length();
          Matcher through = THROUGH.matcher(upper);
          Optional<Through> end = Optional.empty();
          int stop = m.end();
          if (through.find(m.end())) {
            end =
                Optional.of(
                    new Through(
                        (asWritten ? field : upper).substring(through.start(1), through.end()),
                        Integer.parseInt(through.group(3)),
                        through.group(1),
                        Integer.parseInt(through.group(2))));
            stop = through.end();
          }
          return Optional.of(
              new Titled(
                  quarter(Integer.parseInt(m.group(3)), m.group(1)),
                  asWritten ? field.substring(m.start(), stop) : upper.substring(m.start(), stop),
                  Optional.ofNullable(m.group(2))
                      .map(
                          day ->
                              new Day(
                                  Integer.parseInt(m.group(3)), m.group(1), Integer.parseInt(day))),
                  end,
                  FieldLine.of(record, f),
                  f + 1));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the quarter {@code source}, a file name, names, after checking that it is {@code given}
   * (the quarter the caller reads the file for), when both are there: a file named for one quarter
   * and read for another would price that quarter at another quarter's amounts. {@code where} ends
   * the error, saying where else the file could have said its quarter.
   *
   * @throws DataLoadException naming the file and both quarters if they differ
   */
  static Optional<Quarter> nameAgreeing(String source, Optional<Quarter> given, String where)
      throws DataLoadException {
    Optional<Quarter> fromName = fromFileName(source);
    if (given.isPresent() && fromName.isPresent() && !given.get().equals(fromName.get())) {
      throw new DataLoadException(
          source,
          0,
          0,
          "the file's name says "
              + fromName.get()
              + " but the file is read for "
              + given.get()
              + ": a file of another quarter is refused, not priced as this one ("
              + where
              + ")");
    }
    return fromName;
  }

  /**
   * The quarter of a file: the one its preamble names, else {@code given} (the caller's quarter),
   * else the file name's. Each of the three that is there must agree with the others: the preamble
   * of a quarterly CMS file says which quarter its amounts are for, so a file read for another
   * quarter, or renamed to another one, would price those dates of service at the wrong quarter's
   * amounts, and a title and a name that disagree leave no telling which quarter the file is, even
   * when the caller's quarter matches one of them. With a title, the caller's quarter and the
   * name's are each compared with it, and the error, at the title's cell, names those that differ
   * from it ("read for 2025-Q2", "named for 2025-Q2", or both); without one, the caller's quarter
   * and the name's are compared, as for a lab file ({@link #nameAgreeing}). A name that gives no
   * quarter cannot be checked.
   *
   * @param example a title naming a quarter, as the file's kind writes it, for the error
   */
  static Optional<Quarter> agreeing(
      String source, List<CsvRecord> records, int header, Optional<Quarter> given, String example)
      throws DataLoadException {
    Optional<Titled> titled = titled(records, header);
    if (titled.isEmpty()) {
      Optional<Quarter> named =
          nameAgreeing(
              source,
              given,
              "the file has no title row naming its quarter, such as '"
                  + example
                  + "', to say which it is");
      return given.or(() -> named);
    }
    Titled t = titled.get();
    Optional<Quarter> readFor = given.filter(q -> !q.equals(t.quarter()));
    Optional<Quarter> namedFor = fromFileName(source).filter(q -> !q.equals(t.quarter()));
    if (readFor.isPresent() || namedFor.isPresent()) {
      throw new DataLoadException(
          source,
          t.line(),
          t.column(),
          "the title says '"
              + t.text()
              + "', quarter "
              + t.quarter()
              + ", but the file is "
              + readOrNamedFor(readFor, namedFor)
              + ": a file of another quarter is refused, not priced as this one");
    }
    checkFrom(source, t);
    checkThrough(source, t);
    return Optional.of(t.quarter());
  }

  /**
   * Refuses a title whose period starts on another day than the first of its quarter ("Effective
   * February 1, 2025 through March 31, 2025"). CMS publishes the ASP pricing file per quarter, its
   * limits in force from the quarter's first day (the title row of {@code ASP_2025_JAN.csv}:
   * "Effective January 1, 2025 through March 31, 2025"; each quarter's change request, such as CR
   * 13260 for October 2023, is effective October 1). A correction comes as a revised file of the
   * whole quarter (the change requests' "revisions to prior quarterly pricing files"), and limits
   * that start within a quarter (the flu vaccines' season from August 1, COVID-19 products) are
   * published on their own web pages, to which the ASP file's notes point, not as an ASP file of
   * that start. No ASP file titled with another first day was found, so such a title is an edited
   * one or not CMS's: read as its month's quarter, it would price the days before its start at its
   * limits. A title that gives no day ("January 2025 Fee Schedule") is not checked.
   */
  private static void checkFrom(String source, Titled t) throws DataLoadException {
    if (t.from().isPresent()) {
      checkDay(
          source,
          t,
          t.from().get(),
          "its first day",
          t.quarter().firstDay(),
          "the first",
          "starts on",
          "CMS's quarterly files start on the quarter's first day, so a title starting on another"
              + " is refused, not priced as this quarter");
    }
  }

  /**
   * Refuses a title whose period ends on another day than the last of the quarter it starts in.
   * CMS's ASP pricing file states the quarter its limits apply to by its first and last day
   * ("Effective January 1, 2025 through March 31, 2025", the title row of {@code
   * ASP_2025_JAN.csv}); only the first day gave the quarter, so a title edited or written for
   * another period ("through June 30, 2025") loaded as that day's quarter.
   */
  private static void checkThrough(String source, Titled t) throws DataLoadException {
    if (t.through().isPresent()) {
      Through end = t.through().get();
      checkDay(
          source,
          t,
          new Day(end.year(), end.month(), end.day()),
          "'" + end.text() + "'",
          t.quarter().lastDay(),
          "the last",
          "ends on",
          "a title for another period is refused, not priced as this quarter");
    }
  }

  /**
   * Refuses a title whose {@code day}, called {@code written} in the message, is no date or not
   * {@code expected}, {@code which} day of the title's quarter ("the first", "the last"); {@code
   * verb} and {@code why} word the refusal.
   */
  private static void checkDay(
      String source,
      Titled t,
      Day day,
      String written,
      LocalDate expected,
      String which,
      String verb,
      String why)
      throws DataLoadException {
    LocalDate date;
    try {
      date = LocalDate.of(day.year(), month(day.month()), day.day());
    } catch (DateTimeException e) {
      throw new DataLoadException(
          source,
          t.line(),
          t.column(),
          "the title says '"
              + t.text()
              + "', but "
              + written
              + " is not a date: expected "
              + which
              + " day of "
              + t.quarter()
              + ", "
              + expected);
    }
    if (!date.equals(expected)) {
      throw new DataLoadException(
          source,
          t.line(),
          t.column(),
          "the title says '"
              + t.text()
              + "', but quarter "
              + t.quarter()
              + " "
              + verb
              + " "
              + expected
              + ": "
              + why);
    }
  }

  /**
   * A quarter named in a preamble cell: the words (from the first month through the period's last
   * day, when the cell gives one), the first day when the cell gives its number, the last day as
   * written, and the cell's line and 1-based column.
   */
  record Titled(
      Quarter quarter,
      String text,
      Optional<Day> from,
      Optional<Through> through,
      long line,
      int column) {}

  /**
   * The first day a title gives ("January 1, 2025"): the year, month name (in capitals) and day as
   * written, not yet checked to make a date.
   */
  record Day(int year, String month, int day) {}

  /**
   * The last day a title gives ("through March 31, 2025"): the words, and the year, month name (in
   * capitals) and day as written, not yet checked to make a date.
   */
  record Through(String text, int year, String month, int day) {}

  private static Quarter quarter(int year, String month) {
    return Quarter.of(LocalDate.of(year, month(month), 1));
  }

  private static Month month(String name) {
    for (Month candidate : Month.values()) {
      if (candidate.name().startsWith(name)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(name);
  }

  /**
   * The quarters a file is read for and named for that differ from its title's, for the error that
   * follows "but the file is": {@code "read for 2025-Q2"}, {@code "named for 2025-Q3"}, or both
   * joined by "and". At least one is present.
   */
  static String readOrNamedFor(Optional<Quarter> readFor, Optional<Quarter> namedFor) {
    return readFor.map(q -> "read for " + q).orElse("")
        + (readFor.isPresent() && namedFor.isPresent() ? " and " : "")
        + namedFor.map(q -> "named for " + q).orElse("");
  }
}
