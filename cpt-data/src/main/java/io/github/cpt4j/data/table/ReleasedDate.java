package io.github.cpt4j.data.table;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.data.load.DataLoadException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code RELEASED MM/DD/YYYY} row of a relative value file's title block ({@code RELEASED
 * 09/11/2025}), the date a directory of files orders two copies of one release by: the one parser
 * of it, for the file's loader and for the directory that reads only a file's first bytes.
 */
public final class ReleasedDate {

  private static final Pattern RELEASED =
      Pattern.compile("RELEASED\\s+(\\d{1,2})/(\\d{1,2})/(\\d{4})", Pattern.CASE_INSENSITIVE);

  /** Builds the error for a {@code RELEASED} row that is no date, in the caller's coordinates. */
  @FunctionalInterface
  public interface Place {
    /**
     * Returns the error to throw.
     *
     * @param offset where the row's {@code RELEASED} starts in the text given to {@link #find}
     * @param message what is wrong, without a place
     */
    DataLoadException error(int offset, String message);
  }

  private ReleasedDate() {}

  /**
   * Returns the date of the first {@code RELEASED} row in {@code text} (the letters in any case);
   * empty when there is none.
   *
   * @throws DataLoadException from {@code place} when that row's digits are no date ({@code
   *     02/30/2025})
   */
  public static Optional<LocalDate> find(CharSequence text, Place place) throws DataLoadException {
    requireNonNull(place, "place");
    Matcher m = RELEASED.matcher(requireNonNull(text, "text"));
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalDate.of(
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2))));
    } catch (DateTimeException e) {
      throw place.error(
          m.start(),
          "the title block's "
              + CodeFormatException.quote(m.group())
              + " is not a date: expected RELEASED MM/DD/YYYY");
    }
  }
}
