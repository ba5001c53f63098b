package io.github.cpt4j.cli.input;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads CSV records (RFC 4180: comma-separated, fields optionally in double quotes, {@code ""} for
 * a quote inside them) in memory bounded by the limits below, whatever the input, and never lets
 * one damaged record swallow the ones after it.
 *
 * <p>A record that cannot be read as CSV (a character after a closing quote, a quote never closed,
 * a field longer than {@value #MAX_FIELD_LENGTH} characters, a line longer than {@value
 * #MAX_LINE_LENGTH}) comes back as a {@linkplain Record#problem() malformed} record of its first
 * physical line, and reading goes on at the next physical line. So a file of N non-blank lines
 * without quoted line breaks always gives N records, and one unclosed quote costs one record, not
 * the rest of the file. A quoted field may span at most {@value #MAX_LINES_PER_RECORD} lines; each
 * line break inside it is read as {@code \n}, whichever the file used. Blank lines are skipped; a
 * byte order mark at the start is dropped.
 *
 * <pre>{@code
 * CsvRecordReader csv = new CsvRecordReader(reader);
 * for (CsvRecordReader.Record r; (r = csv.next()) != null; ) {
 *   if (r.problem().isPresent()) { ... } else { use(r.fields()); }
 * }
 * }</pre>
 */
public final class CsvRecordReader implements Closeable {

  /** The longest field kept, in characters. */
  public static final int MAX_FIELD_LENGTH = 65_536;

  /** The longest physical line read whole, in characters. */
  public static final int MAX_LINE_LENGTH = 1 << 20;

  /**
   * The most physical lines one record may span. A bound keeps a file of many unclosed quotes
   * linear: each reads ahead at most this many lines before it is given up.
   */
  public static final int MAX_LINES_PER_RECORD = 64;

  /** One record, or why its line is not one. */
  @SuppressWarnings("JavaLangClash") // a CSV record; always used as CsvRecordReader.Record
  public record Record(long line, List<String> fields, Optional<String> problem) {

    /** Creates a record. */
    public Record {
      fields = List.copyOf(fields);
      requireNonNull(problem, "problem");
    }
  }

  /** A physical line, read once and perhaps given back. */
  private record Line(String text, long number, boolean cut, boolean plain) {}

  /**
   * What {@link #nextOrPlain()} returns for a record that is one plain line: not a record of its
   * own, the line's bytes are at {@link #plainBytes()}.
   */
  public static final Record PLAIN_LINE = new Record(0, List.of(), Optional.empty());

  private final Lines lines;
  private final Deque<Line> pending = new ArrayDeque<>();

  /** Creates a reader of {@code in}. */
  public CsvRecordReader(Reader in) {
    this.lines = new LineReader(requireNonNull(in, "in"), MAX_LINE_LENGTH);
  }

  /**
   * Creates a reader of the UTF-8 bytes {@code in}: the same records as through a decoding {@link
   * Reader}, read faster (lines are found in the bytes, and only they are decoded).
   */
  public CsvRecordReader(InputStream in) {
    this.lines = new Utf8LineReader(requireNonNull(in, "in"), MAX_LINE_LENGTH);
  }

  /**
   * Returns the next record, or {@code null} at the end of the input.
   *
   * @throws IOException if the underlying reader fails
   */
  public Record next() throws IOException {
    Line first;
    do {
      first = nextLine();
      if (first == null) {
        return null;
      }
    } while (first.text.isEmpty() && !first.cut);
    List<Line> taken = new ArrayList<>(1);
    taken.add(first);
    String problem = parse(taken);
    lastPlain = problem == null && taken.size() == 1 && first.plain;
    lastLine = lastPlain ? first.text : null;
    if (problem == null) {
      return new Record(first.number, fields, Optional.empty());
    }
    // Give back every line after the first, so that the next record starts on the next line.
    for (int i = taken.size() - 1; i >= 1; i--) {
      pending.push(taken.get(i));
    }
    return new Record(first.number, List.of(), Optional.of(problem));
  }

  /**
   * Returns the next record as {@link #next()} does, except that a record that is one {@linkplain
   * #lastRecordIsPlain() plain} line of at most {@value #MAX_FIELD_LENGTH} bytes is not cut into
   * fields: {@link #PLAIN_LINE} comes back, and the line's bytes are {@link #plainBytes()} from
   * {@link #plainStart()} to {@link #plainEnd()} until the next call. Such a line is a record of
   * the fields between its commas, none too long, so a caller that cuts them itself gets what
   * {@link #next()} would have given, without a {@code String} per line and per field: that was a
   * third of the batch reader's time. Only a reader of bytes finds plain lines; one of characters
   * returns what {@link #next()} returns.
   *
   * @throws IOException if the underlying input fails
   */
  public Record nextOrPlain() throws IOException {
    if (!pending.isEmpty() || !(lines instanceof Utf8LineReader bytes)) {
      return next();
    }
    while (true) {
      if (!bytes.advance()) {
        return null;
      }
      int length = bytes.end() - bytes.start();
      if (bytes.plain() && length <= MAX_FIELD_LENGTH) {
        if (length == 0) {
          continue; // a blank line, which next() skips too
        }
        lastPlain = true;
        lastLine = null;
        formulaStart = false;
        return PLAIN_LINE;
      }
      // Anything else takes the general path, from this line on.
      String text = bytes.text(); // strictly decoded: bytes that are not UTF-8 are refused
      pending.push(new Line(text, bytes.lineNumber(), bytes.truncated(), bytes.plain()));
      return next();
    }
  }

  /** The buffer of the plain line {@link #nextOrPlain()} found last. */
  public byte[] plainBytes() {
    return ((Utf8LineReader) lines).bytes();
  }

  /** Where the plain line {@link #nextOrPlain()} found last starts in {@link #plainBytes()}. */
  public int plainStart() {
    return ((Utf8LineReader) lines).start();
  }

  /** Where that line ends (exclusive, before its terminator) in {@link #plainBytes()}. */
  public int plainEnd() {
    return ((Utf8LineReader) lines).end();
  }

  /** Returns the 1-based number of the physical line last read. */
  public long lineNumber() {
    return lines.lineNumber();
  }

  private final List<String> fields = new ArrayList<>();
  private boolean lastPlain;
  private String lastLine;
  private boolean formulaStart;

  /**
   * Tells whether the record last returned is known to be one line of printable ASCII without
   * double quotes (read from bytes): its fields need no escaping and hold no control character, so
   * a writer may check only their first character. False when unknown.
   */
  public boolean lastRecordIsPlain() {
    return lastPlain;
  }

  /**
   * Returns the line of the record last returned when it {@linkplain #lastRecordIsPlain() is plain}
   * and no field of it starts with {@code =}, {@code +}, {@code -} or {@code @} (a formula to a
   * spreadsheet), nor its first with {@code #}: a CSV writer may then copy the line whole instead
   * of its fields one by one. Null otherwise.
   */
  public String lastRecordLine() {
    return formulaStart ? null : lastLine;
  }

  private final StringBuilder field = new StringBuilder();

  /** Parses the record starting at {@code taken}'s line; returns a problem or null. */
  private String parse(List<Line> taken) throws IOException {
    fields.clear();
    formulaStart = false;
    Line line = taken.get(0);
    if (line.cut) {
      return "the line is longer than " + MAX_LINE_LENGTH + " characters";
    }
    String s = line.text;
    int i = 0;
    while (true) {
      int column = fields.size() + 1;
      field.setLength(0);
      if (i < s.length() && s.charAt(i) == '"') {
        i++;
        while (true) {
          if (i == s.length()) {
            if (taken.size() == MAX_LINES_PER_RECORD) {
              return "the quote of field "
                  + column
                  + " is not closed within "
                  + MAX_LINES_PER_RECORD
                  + " lines";
            }
            Line more = nextLine();
            if (more == null) {
              return "the quote of field " + column + " is never closed";
            }
            taken.add(more);
            if (more.cut) {
              return "field " + column + " is longer than " + MAX_FIELD_LENGTH + " characters";
            }
            field.append('\n');
            s = more.text;
            i = 0;
            continue;
          }
          char c = s.charAt(i++);
          if (c == '"') {
            if (i < s.length() && s.charAt(i) == '"') {
              i++;
            } else {
              break;
            }
          }
          field.append(c);
          if (field.length() > MAX_FIELD_LENGTH) {
            return "field " + column + " is longer than " + MAX_FIELD_LENGTH + " characters";
          }
        }
        if (i < s.length() && s.charAt(i) != ',') {
          return "field " + column + " has text after its closing quote";
        }
        fields.add(field.toString());
      } else {
        if (i < s.length()) {
          char c = s.charAt(i);
          formulaStart |= c == '=' || c == '+' || c == '-' || c == '@' || (column == 1 && c == '#');
        }
        int comma = s.indexOf(',', i);
        int end = comma < 0 ? s.length() : comma;
        if (end - i > MAX_FIELD_LENGTH) {
          return "field " + column + " is longer than " + MAX_FIELD_LENGTH + " characters";
        }
        fields.add(s.substring(i, end));
        i = end;
      }
      if (i == s.length()) {
        return null;
      }
      i++; // the comma; a comma at the end of the line starts an empty last field
    }
  }

  private Line nextLine() throws IOException {
    if (!pending.isEmpty()) {
      return pending.pop();
    }
    String text = lines.next();
    return text == null
        ? null
        : new Line(text, lines.lineNumber(), lines.truncated(), lines.plain());
  }

  /** Closes the underlying reader. */
  @Override
  public void close() throws IOException {
    lines.close();
  }
}
