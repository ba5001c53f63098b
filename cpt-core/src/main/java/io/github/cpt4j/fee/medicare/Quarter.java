package io.github.cpt4j.fee.medicare;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.text.Blanks;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;

/**
 * A calendar quarter, such as {@code 2025-Q1} (January to March 2025): the period of a quarterly
 * CMS release. The Clinical Laboratory, DMEPOS and Part B drug (ASP) fee schedules are published
 * quarterly, and each file prices the dates of service of its quarter.
 *
 * <p>Immutable; equal when year and quarter are equal; ordered in time.
 *
 * <pre>{@code
 * Quarter q = Quarter.parse("2025-Q1");
 * q.firstDay();                                 // 2025-01-01
 * q.lastDay();                                  // 2025-03-31
 * q.contains(LocalDate.of(2025, 4, 1));         // false
 * Quarter.of(LocalDate.of(2025, 5, 20));        // 2025-Q2
 * }</pre>
 */
public final class Quarter implements Comparable<Quarter> {

  private final int year;
  private final int quarter;

  private Quarter(int year, int quarter) {
    this.year = year;
    this.quarter = quarter;
  }

  /**
   * Returns quarter {@code quarter} (1 to 4) of {@code year} (1 to 9999).
   *
   * @param year the year, 1 to 9999
   * @param quarter the quarter of the year, 1 to 4 (1 is January to March)
   * @return the quarter
   * @throws IllegalArgumentException if either is out of range
   */
  public static Quarter of(int year, int quarter) {
    if (year < 1 || year > 9999 || quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException(
          "a quarter is a year 1-9999 and a quarter 1-4, not " + year + " and " + quarter);
    }
    return new Quarter(year, quarter);
  }

  /**
   * Returns the quarter that contains {@code date}.
   *
   * @param date any day of the quarter
   * @return the quarter
   * @throws IllegalArgumentException if the date's year is not 1-9999
   */
  public static Quarter of(LocalDate date) {
    requireNonNull(date, "date");
    return of(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
  }

  /**
   * Parses {@code 2025-Q1} (also {@code 2025Q1}, case-insensitive), with blanks around it: spaces,
   * tabs, no-break and other Unicode spaces.
   *
   * @param text a quarter such as {@code 2025-Q1}
   * @return the quarter
   * @throws IllegalArgumentException if the text is not such a quarter; any other control character
   *     anywhere (NUL, escape, a line break) makes it none
   */
  public static Quarter parse(CharSequence text) {
    requireNonNull(text, "text");
    String s = Blanks.strip(text);
    int q = s.length() - 2;
    boolean shaped =
        (s.length() == 6 || s.length() == 7 && s.charAt(4) == '-')
            && (s.charAt(q) == 'Q' || s.charAt(q) == 'q')
            && s.charAt(q + 1) >= '1'
            && s.charAt(q + 1) <= '4';
    for (int i = 0; shaped && i < 4; i++) {
      shaped = s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }
    if (!shaped || s.startsWith("0000")) {
      throw new IllegalArgumentException(
          "expected a quarter such as 2025-Q1, not " + CodeFormatException.quote(text));
    }
    return new Quarter(Integer.parseInt(s.substring(0, 4)), s.charAt(q + 1) - '0');
  }

  /** {@return the year} */
  public int year() {
    return year;
  }

  /** {@return the quarter of the year, 1 to 4} */
  public int quarter() {
    return quarter;
  }

  /** {@return the first day of the quarter} */
  public LocalDate firstDay() {
    return LocalDate.of(year, quarter * 3 - 2, 1);
  }

  /** {@return the last day of the quarter} */
  public LocalDate lastDay() {
    return YearMonth.of(year, Month.of(quarter * 3)).atEndOfMonth();
  }

  /**
   * Tells whether {@code date} falls in this quarter.
   *
   * @param date the date of service
   * @return true if {@code date} is from the quarter's first day through its last
   */
  public boolean contains(LocalDate date) {
    requireNonNull(date, "date");
    return date.getYear() == year && (date.getMonthValue() - 1) / 3 + 1 == quarter;
  }

  /**
   * {@return the detail of a {@code DATE_NOT_COVERED} answer of the quarterly schedule {@code
   * schedule} for {@code date}, in the words every quarterly schedule uses}
   *
   * @param schedule the schedule's name, as its explanations give it
   * @param date the date of service outside the quarter
   */
  public String notCovering(String schedule, LocalDate date) {
    requireNonNull(schedule, "schedule");
    requireNonNull(date, "date");
    return schedule + " covers " + firstDay() + " to " + lastDay() + ", not " + date;
  }

  @Override
  public int compareTo(Quarter other) {
    return year != other.year ? Integer.compare(year, other.year) : quarter - other.quarter;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Quarter q && q.year == year && q.quarter == quarter;
  }

  @Override
  public int hashCode() {
    return year * 4 + quarter;
  }

  /** Returns {@code 2025-Q1}. */
  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%04d-Q%d", year, quarter);
  }
}
