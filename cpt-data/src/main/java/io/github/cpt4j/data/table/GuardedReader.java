package io.github.cpt4j.data.table;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.data.csv.TextStart;
import io.github.cpt4j.data.load.DataLoadException;
import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

/**
 * A reader of a data file that fails fast on one too large, drops a byte order mark and remembers
 * how the text ended. A loader reads CMS files as ISO-8859-1, in which a UTF-8 mark shows as the
 * three characters {@code ï»¿}; both that and U+FEFF are dropped, so that the first header name is
 * found whatever wrote the file.
 *
 * <p>The size cap is what keeps a wrong file (a video given as {@code --gpci}) from filling the
 * heap: the loader stops after {@code maxChars} with an error naming the file, instead of reading
 * and holding all of it.
 *
 * <p>It also follows the CSV quotes, because the CSV parser takes a quote left open at the end of
 * the file to end with the file: the last row would load with the rest of the text in one field, or
 * a later row would be lost, without a word.
 */
public final class GuardedReader extends Reader {

  private static final String LATIN1_BOM = "\u00EF\u00BB\u00BF";

  private final Reader in;
  private final String sourceName;
  private final long maxChars;
  private final String kind;
  private long read;
  private int last = -1;
  private boolean started;
  private final char[] start = new char[4];
  private int startLength;
  private int startPosition;
  private final boolean followQuotes;
  private int csv = FIELD_START;

  // Where the text read so far stands in CSV's syntax (RFC 4180).
  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3; // a closing quote, or the first of a doubled one

  /**
   * Creates a guard over {@code in}.
   *
   * @param maxChars the most characters accepted
   * @param kind what the file should be, for the error ("a CMS GPCI file")
   */
  public GuardedReader(Reader in, String sourceName, long maxChars, String kind) {
    this(in, sourceName, maxChars, kind, false);
  }

  /** A guard that also follows the CSV quotes, for {@link #endsInsideQuotes()}. */
  static GuardedReader ofCsv(Reader in, String sourceName, long maxChars, String kind) {
    return new GuardedReader(in, sourceName, maxChars, kind, true);
  }

  private GuardedReader(
      Reader in, String sourceName, long maxChars, String kind, boolean followQuotes) {
    this.in = requireNonNull(in, "in");
    this.sourceName = requireNonNull(sourceName, "sourceName");
    this.maxChars = maxChars;
    this.kind = requireNonNull(kind, "kind");
    this.followQuotes = followQuotes;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!started) {
      started = true;
      readStart();
    }
    if (startPosition < startLength) {
      int n = Math.min(length, startLength - startPosition);
      System.arraycopy(start, startPosition, buffer, offset, n);
      startPosition += n;
      return count(buffer, offset, n);
    }
    int n = in.read(buffer, offset, length);
    return n <= 0 ? n : count(buffer, offset, n);
  }

  /** Reads the first characters and drops a byte order mark among them. */
  private void readStart() throws IOException {
    while (startLength < start.length) {
      int n = in.read(start, startLength, start.length - startLength);
      if (n < 0) {
        break;
      }
      startLength += n;
    }
    String head = new String(start, 0, startLength);
    if (head.startsWith("\u00FF\u00FE") || head.startsWith("\u00FE\u00FF")) {
      // Read byte by byte, UTF-16 is every other character a NUL, and its errors would blame a
      // cut or a malformed line far from the cause.
      throw new DataLoadException(
          sourceName,
          1,
          1,
          "the file is UTF-16 (it starts with a UTF-16 byte order mark): expected "
              + kind
              + " as CMS publishes it, in a one-byte encoding (save it as CSV, not Unicode text)");
    }
    if (head.indexOf('\0') >= 0) {
      // No text file CMS publishes holds a NUL; at the start, it is UTF-16 saved without its byte
      // order mark, or space a download reserved and never filled, or a binary file.
      throw new DataLoadException(
          sourceName,
          1,
          1,
          "the file starts with NUL bytes: expected "
              + kind
              + " as text in a one-byte encoding (UTF-16 without a byte order mark, a download"
              + " that stopped after reserving its space, or not a text file)");
    }
    Optional<String> document = TextStart.notText(head, kind, "CSV");
    if (document.isPresent()) {
      throw new DataLoadException(sourceName, 1, 1, document.get());
    }
    if (head.startsWith(LATIN1_BOM)) {
      startPosition = LATIN1_BOM.length();
    } else if (startLength > 0 && start[0] == '\uFEFF') {
      startPosition = 1;
    }
  }

  private int count(char[] buffer, int offset, int n) throws DataLoadException {
    read += n;
    if (read > maxChars) {
      throw new DataLoadException(
          sourceName,
          0,
          0,
          "larger than " + maxChars + " characters; expected " + kind + ", which is far smaller");
    }
    last = buffer[offset + n - 1];
    if (followQuotes) {
      followQuotes(buffer, offset, n);
    }
    return n;
  }

  private void followQuotes(char[] buffer, int offset, int n) {
    int state = csv;
    for (int i = offset, end = offset + n; i < end; i++) {
      char c = buffer[i];
      switch (state) {
        case FIELD_START:
          state = c == '"' ? QUOTED : isSeparator(c) ? FIELD_START : UNQUOTED;
          break;
        case UNQUOTED:
          state = isSeparator(c) ? FIELD_START : UNQUOTED;
          break;
        case QUOTED:
          state = c == '"' ? QUOTE_IN_QUOTED : QUOTED;
          break;
        default: // QUOTE_IN_QUOTED
          state = c == '"' ? QUOTED : isSeparator(c) ? FIELD_START : UNQUOTED;
          break;
      }
    }
    csv = state;
  }

  private static boolean isSeparator(char c) {
    return c == ',' || c == '\n' || c == '\r';
  }

  /**
   * Tells whether the text read so far ends inside a quoted CSV field: a quote that opens a field
   * and is never closed. Always false for a guard made by the public constructor, which does not
   * follow quotes (a fixed-width file has no use for it).
   */
  public boolean endsInsideQuotes() {
    return csv == QUOTED;
  }

  /**
   * Tells whether the text read so far ends with the quote that closes a quoted CSV field. Always
   * false for a guard made by the public constructor, which does not follow quotes.
   */
  boolean endsWithClosingQuote() {
    return csv == QUOTE_IN_QUOTED;
  }

  /** Tells whether the text read so far ends with a line break (or is empty). */
  public boolean endsWithLineBreak() {
    return last < 0 || last == '\n' || last == '\r';
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
