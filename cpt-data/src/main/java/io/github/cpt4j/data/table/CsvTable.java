package io.github.cpt4j.data.table;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.github.cpt4j.data.csv.CsvSyntax;
import io.github.cpt4j.data.csv.FieldLine;
import io.github.cpt4j.data.csv.ReadFailure;
import io.github.cpt4j.data.csv.Undecodable;
import io.github.cpt4j.data.load.DataLoadException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * All records of a CSV source, read at once so that a loader can find its header anywhere and
 * report every error with the source name and line.
 *
 * <p>CMS files are read as ISO-8859-1: every byte is a character, so decoding never fails, and the
 * only non-ASCII text in them is in descriptions, which the loaders never keep. A UTF-8 byte-order
 * mark at the start (read as ISO-8859-1, or as a decoded U+FEFF) is skipped, so that a file saved
 * by a spreadsheet program still has its header in the first cell.
 */
public final class CsvTable {

  /**
   * The start of the first line of a file that holds a deliberate subset of a CMS file's rows: such
   * a file is not refused for having fewer rows than a whole CMS file. The line is not data.
   */
  public static final String SUBSET_MARKER = "# cpt4j subset";

  private final String sourceName;
  private final List<CsvRecord> records;
  private final boolean subset;
  private final boolean lastLineEnded;
  private final boolean lastFieldQuoted;

  private CsvTable(
      String sourceName,
      List<CsvRecord> records,
      boolean subset,
      boolean lastLineEnded,
      boolean lastFieldQuoted) {
    this.sourceName = sourceName;
    this.records = records;
    this.subset = subset;
    this.lastLineEnded = lastLineEnded;
    this.lastFieldQuoted = lastFieldQuoted;
  }

  /**
   * Tells whether the text's last line ends with a line break (or a DOS end-of-file line after it),
   * or the text is empty: for a reader of a hand-written file, whose last line may lack one, to
   * judge where a cut would go unseen. {@code readCms} refuses such a last line outright.
   */
  public boolean lastLineEnded() {
    return lastLineEnded;
  }

  /**
   * Tells whether the text ends with the quote that closes its last field ({@code ...,""} or {@code
   * ...,"26"}): a field closed by its quote was not cut, whether or not a line break follows.
   */
  boolean lastFieldQuoted() {
    return lastFieldQuoted;
  }

  /**
   * Tells whether the file's first line is the {@linkplain #SUBSET_MARKER subset marker} (read by
   * {@code readCms} only, which drops that line from the records).
   */
  public boolean isSubset() {
    return subset;
  }

  /** Tells whether {@code line} is the {@linkplain #SUBSET_MARKER subset marker}. */
  public static boolean isSubsetMarker(String line) {
    return line.regionMatches(true, 0, SUBSET_MARKER, 0, SUBSET_MARKER.length());
  }

  /** Returns the name of the source, for errors. */
  public String sourceName() {
    return sourceName;
  }

  /**
   * Returns every record, blank lines excepted, in order; a DOS end-of-file line (0x1A) that ends
   * the text, blank lines aside, is not a record, nor are the blank lines after it.
   */
  public List<CsvRecord> records() {
    return records;
  }

  /** The most characters of a file read when the caller sets no limit of its own. */
  public static final long MAX_CHARS = 64L << 20;

  /** Reads all records of the file at {@code path}, named by its file name in errors. */
  public static CsvTable read(Path path) throws IOException {
    return read(path, StandardCharsets.ISO_8859_1);
  }

  /** Reads all records of the file at {@code path} in {@code charset}, named by its file name. */
  public static CsvTable read(Path path, Charset charset) throws IOException {
    String sourceName = ReadFailure.requireFile(path);
    try {
      try (Reader reader = Files.newBufferedReader(path, charset)) {
        return readAll(
            GuardedReader.ofCsv(reader, sourceName, MAX_CHARS, "a data file"),
            sourceName,
            () -> Files.newBufferedReader(path, charset));
      } catch (CharacterCodingException e) {
        // The JDK's decoder says only "Input length = 1": find the byte and say where it is.
        throw undecodable(() -> Files.newInputStream(path), charset, sourceName);
      }
    } catch (IOException e) {
      throw ReadFailure.naming(path, e);
    }
  }

  /**
   * Reads all records of {@code bytes} in {@code charset}, named {@code sourceName} in errors,
   * strictly: a byte that is not valid in the charset is an error that names its line and
   * character, never a silent replacement character (as an {@code InputStreamReader} makes).
   */
  public static CsvTable read(byte[] bytes, Charset charset, String sourceName) throws IOException {
    try (Reader reader = strictReader(new ByteArrayInputStream(bytes), charset)) {
      return readAll(
          GuardedReader.ofCsv(reader, sourceName, MAX_CHARS, "a data file"),
          sourceName,
          () -> strictReader(new ByteArrayInputStream(bytes), charset));
    } catch (CharacterCodingException e) {
      throw undecodable(() -> new ByteArrayInputStream(bytes), charset, sourceName);
    }
  }

  private static Reader strictReader(InputStream in, Charset charset) {
    return new BufferedReader(
        new InputStreamReader(
            in,
            charset
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
  }

  /** Opens the bytes of a source again, from its start. */
  @FunctionalInterface
  private interface ReopenBytes {
    InputStream open() throws IOException;
  }

  /**
   * The error for a file that is not text in {@code charset}: the first byte that does not decode,
   * with its line and its character in that line, found by decoding the file again.
   */
  private static DataLoadException undecodable(
      ReopenBytes source, Charset charset, String sourceName) throws IOException {
    Optional<Undecodable> found;
    try (InputStream in = source.open()) {
      found = Undecodable.find(in, charset);
    }
    if (found.isEmpty()) {
      // A file that changed between the two reads; the first read's failure still stands.
      return new DataLoadException(sourceName, 0, 0, "not valid " + charset.name());
    }
    Undecodable at = found.get();
    return new DataLoadException(
        sourceName, at.line(), 0, at.describe(charset) + "; expected text in " + charset.name());
  }

  /**
   * Reads all records of {@code in} (not closed), Latin-1, named {@code sourceName} in errors. The
   * text is held whole (at most {@link #MAX_CHARS} bytes, one more so that the cap's error is the
   * one reported), so that an error in its CSV syntax names the line and field, as a file's does:
   * the table holds every record anyway.
   */
  public static CsvTable read(InputStream in, String sourceName) throws IOException {
    requireNonNull(in, "in");
    requireNonNull(sourceName, "sourceName"); // before the stream is read, not after
    byte[] bytes = in.readNBytes((int) Math.min(MAX_CHARS + 1, Integer.MAX_VALUE - 8));
    return read(bytes, StandardCharsets.ISO_8859_1, sourceName);
  }

  /**
   * Reads a CMS file at {@code path}: at most {@code maxChars}, and its last line must end with a
   * line break, as every line of every CMS file does; a last data line without one is a file cut
   * short (a download that stopped), whose last number would otherwise load cut. CMS's DOS
   * end-of-file line (the character 0x1A, perhaps followed by commas) is not data; the mark right
   * after the last row's text ends the file but is no line ending, refused as such.
   *
   * @param kind what the file should be, for errors ("a CMS GPCI file")
   */
  public static CsvTable readCms(Path path, long maxChars, String kind) throws IOException {
    return readCms(path, maxChars, kind, 0);
  }

  /**
   * Reads a CMS file at {@code path} that has {@code columns} columns, as {@link #readCms(Path,
   * long, String)}: the count tells a file of few columns saved with semicolons, whose lines hold
   * fewer semicolons than the test for any file needs (two, in a file of three columns).
   */
  public static CsvTable readCms(Path path, long maxChars, String kind, int columns)
      throws IOException {
    String sourceName = ReadFailure.requireFile(path);
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
      return readCms(
          reader,
          sourceName,
          maxChars,
          kind,
          columns,
          () -> Files.newBufferedReader(path, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw ReadFailure.naming(path, e);
    }
  }

  /** Reads a CMS file from {@code in} (not closed); see {@link #readCms(Path, long, String)}. */
  public static CsvTable readCms(InputStream in, String sourceName, long maxChars, String kind)
      throws IOException {
    return readCms(in, sourceName, maxChars, kind, 0);
  }

  /**
   * Reads a CMS file of {@code columns} columns from {@code in} (not closed); see {@link
   * #readCms(Path, long, String, int)}.
   */
  public static CsvTable readCms(
      InputStream in, String sourceName, long maxChars, String kind, int columns)
      throws IOException {
    requireNonNull(in, "in");
    requireNonNull(sourceName, "sourceName"); // before the stream is read, not after
    // Held whole (one byte a character in Latin-1, one more than the cap so that the cap's error
    // is the one reported), so that an error can be located by reading the text again, as from a
    // path. The table holds every record anyway.
    byte[] bytes = in.readNBytes((int) Math.min(maxChars + 1, Integer.MAX_VALUE - 8));
    return readCms(bytes, sourceName, maxChars, kind, columns);
  }

  /**
   * Reads a CMS file held whole in {@code bytes}; see {@link #readCms(Path, long, String)}. An
   * error in its CSV syntax names the line and field, as for a file read from a path.
   */
  public static CsvTable readCms(byte[] bytes, String sourceName, long maxChars, String kind)
      throws IOException {
    return readCms(bytes, sourceName, maxChars, kind, 0);
  }

  private static CsvTable readCms(
      byte[] bytes, String sourceName, long maxChars, String kind, int columns) throws IOException {
    return readCms(
        new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.ISO_8859_1),
        sourceName,
        maxChars,
        kind,
        columns,
        () -> new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.ISO_8859_1));
  }

  /** {@code columns}: how many the file has, or 0 when not one number (see the public readers). */
  private static CsvTable readCms(
      Reader reader, String sourceName, long maxChars, String kind, int columns, Reopen again)
      throws IOException {
    GuardedReader guarded = GuardedReader.ofCsv(reader, sourceName, maxChars, kind);
    CsvTable table;
    try {
      table = readAll(guarded, sourceName, again);
    } catch (DataLoadException e) {
      // Quotes around semicolon- or tab-separated fields are a CSV syntax error; say what the
      // file is.
      for (Separator separator : Separator.values()) {
        Optional<Long> line =
            again == null ? Optional.empty() : firstSeparatorLine(again, columns, separator);
        if (line.isPresent()) {
          throw separated(sourceName, line.get(), kind, separator);
        }
      }
      throw e;
    }
    List<CsvRecord> records = table.records;
    // The table's judgement, not the reader's: a final DOS end-of-file mark without a line break
    // after it ends the line of data before it, whose line break the reader did not see last.
    if (!table.lastLineEnded && !records.isEmpty()) {
      CsvRecord last = records.get(records.size() - 1);
      // (Text after a mark on that line was refused by readAll.) The mark right after the row's
      // text ends the file, but is no line ending.
      int before = fieldWithMark(last);
      if (before >= 0) {
        throw EndOfFileMark.unendedBefore(sourceName, FieldLine.of(last, before), before + 1, kind);
      }
      if (!isBlank(last)) {
        // The line the record ends on, the one without an ending: below the record's first when
        // a quoted cell runs over several lines.
        throw new DataLoadException(
            sourceName,
            FieldLine.of(last, last.getFieldCount()),
            0,
            "the last line has no line ending: the file looks cut short (every line of "
                + kind
                + " ends with one)");
      }
    }
    for (Separator separator : Separator.values()) {
      checkNotSeparatedBy(separator, records, sourceName, kind, columns);
    }
    if (!records.isEmpty()
        && records.get(0).getStartingLineNumber() == 1
        && isSubsetMarker(records.get(0).getField(0).strip())) {
      return new CsvTable(
          sourceName,
          records.subList(1, records.size()),
          true,
          table.lastLineEnded,
          table.lastFieldQuoted);
    }
    return table;
  }

  /**
   * A separator a spreadsheet writes in place of CSV's comma: semicolons where the decimal
   * separator is a comma, tabs in a "tab-delimited text" export. Read as CSV, a line of them splits
   * at its commas if at all, and the loader would only report a header it cannot find (one beside a
   * header naming the very column), at some title or footnote line, or a bad number.
   */
  private enum Separator {
    SEMICOLON(
        ';',
        "semicolons",
        "a spreadsheet that saves CSV with semicolons wrote this file; use the file as CMS"
            + " publishes it, or save it with commas"),
    TAB(
        '\t',
        "tabs",
        // Not only a spreadsheet's: CMS's NCCI PTP and anesthesia base unit files are
        // tab-separated, and given for another kind they are refused here too.
        "tab-separated text: a spreadsheet's tab-delimited export, or another kind of file, such"
            + " as an NCCI PTP file; give the file as CMS publishes it, or save it as CSV with"
            + " commas");

    final char character;
    final String plural;
    final String cause;

    Separator(char character, String plural, String cause) {
      this.character = character;
      this.plural = plural;
      this.cause = cause;
    }

    int count(String text) {
      int count = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == character) {
          count++;
        }
      }
      return count;
    }
  }

  /**
   * Refuses a file whose fields are separated by {@code separator}, not commas (see {@link
   * Separator}).
   */
  private static void checkNotSeparatedBy(
      Separator separator, List<CsvRecord> records, String sourceName, String kind, int columns)
      throws DataLoadException {
    SeparatorLines tally = new SeparatorLines();
    for (int r = 0; r < records.size() && !tally.isFull(); r++) {
      CsvRecord record = records.get(r);
      if (!isBlank(record)) {
        int count = 0;
        boolean commas = record.getFieldCount() > 1;
        for (int f = 0; f < record.getFieldCount(); f++) {
          String field = record.getField(f);
          count += separator.count(field);
          commas |= field.indexOf(',') >= 0;
        }
        // A line split by semicolons has more of them than commas split it into fields (only
        // decimal commas do); a comma-separated line has its columns, whatever semicolons a
        // description holds ("a; b; c" in a relative value file's DESCRIPTION), which the
        // relative value file's byte-level reader takes and this reader must take too. So with
        // tabs: a tab is a blank of CMS's fields, and padding leaves fewer than one a field.
        tally.add(
            record.getStartingLineNumber(),
            count >= record.getFieldCount() && isSeparatorLine(count, commas, columns));
      }
    }
    if (tally.firstIfMost() > 0) {
      throw separated(sourceName, tally.firstIfMost(), kind, separator);
    }
  }

  private static DataLoadException separated(
      String sourceName, long line, String kind, Separator separator) {
    return new DataLoadException(
        sourceName,
        line,
        0,
        "fields separated by "
            + separator.plural
            + ", not commas: "
            + kind
            + " is comma-separated ("
            + separator.cause
            + ")");
  }

  /**
   * Reads the start of the text again (64 Ki characters at most), for a text the CSV parser refused
   * (quotes around semicolon- or tab-separated fields are a syntax error), and returns the first
   * line of {@code separator} if the text is separated by it; empty otherwise, for a text with NULs
   * (UTF-16, not text: its own error says so), or if the text cannot be read again.
   */
  private static Optional<Long> firstSeparatorLine(Reopen again, int columns, Separator separator) {
    char[] start = new char[64 << 10];
    int length = 0;
    try (Reader text = again.open()) {
      for (int n;
          length < start.length && (n = text.read(start, length, start.length - length)) > 0; ) {
        length += n;
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    String head = new String(start, 0, length);
    if (head.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    SeparatorLines tally = new SeparatorLines();
    String[] lines = head.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length && !tally.isFull(); i++) {
      if (!lines[i].isBlank()) {
        tally.add(
            i + 1, isSeparatorLine(separator.count(lines[i]), lines[i].indexOf(',') >= 0, columns));
      }
    }
    long first = tally.firstIfMost();
    return first > 0 ? Optional.of(first) : Optional.empty();
  }

  /**
   * Tells whether a line of {@code separators} (semicolons or tabs, counted by the {@link
   * Separator}), with {@code commas} or none, looks like the fields of a file of {@code columns}
   * columns (0: not one number) separated by them: three or more (no line of CMS's 2025 files but
   * one lab descriptor has as many semicolons), or, no comma in it, as many as separate the file's
   * columns. A file of three columns, the DMEPOS rural ZIP file's, has two a line, too few for the
   * first test, and was blamed on a missing header.
   */
  private static boolean isSeparatorLine(int separators, boolean commas, int columns) {
    return separators >= 3 || columns > 1 && !commas && separators >= columns - 1;
  }

  /**
   * The sign of a file separated by semicolons or tabs, counted over its first non-blank lines (a
   * spreadsheet writes every line alike, and a pass over every character would cost each load):
   * most of them are lines of the separator ({@link #isSeparatorLine}).
   */
  private static final class SeparatorLines {
    /** How many non-blank lines decide. */
    private static final int SAMPLE = 200;

    private int lines;
    private int semicolonLines;
    private long first;

    boolean isFull() {
      return lines == SAMPLE;
    }

    void add(long line, boolean semicolonLine) {
      lines++;
      if (semicolonLine) {
        semicolonLines++;
        first = first == 0 ? line : first;
      }
    }

    /** The first line of semicolons when most lines have them, else 0. */
    long firstIfMost() {
      return semicolonLines * 2 > lines ? first : 0;
    }
  }

  /**
   * Reads all records of {@code reader} (not closed), named {@code sourceName} in errors: at most
   * {@link #MAX_CHARS} characters, a byte order mark dropped. A reader cannot be read again, so a
   * syntax error names its line only, not the field.
   */
  public static CsvTable read(Reader reader, String sourceName) throws IOException {
    return readAll(
        GuardedReader.ofCsv(reader, sourceName, MAX_CHARS, "a data file"), sourceName, null);
  }

  /** Opens the text again, from its start: to find where a file the parser refused goes wrong. */
  @FunctionalInterface
  private interface Reopen {
    Reader open() throws IOException;
  }

  /**
   * Reads every record; {@code again}, when not null, opens the same text anew, to say in the
   * project's words where and how a text the parser refuses is not CSV.
   */
  private static CsvTable readAll(GuardedReader reader, String sourceName, Reopen again)
      throws IOException {
    List<CsvRecord> records = new ArrayList<>();
    CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .skipEmptyLines(true)
            .ofCsvRecord(reader);
    long line = 0;
    try {
      for (CsvRecord record : csv) {
        line = record.getStartingLineNumber();
        records.add(record);
      }
    } catch (CsvParseException e) {
      // The size guard fails inside FastCSV, which wraps its error: that error is the one to tell.
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof DataLoadException tooLarge) {
          throw tooLarge;
        }
      }
      // The parser's own text (its wording, its buffer sizes) is not for the user: the error says
      // in our words what is wrong, where, and what was expected.
      Optional<DataLoadException> found =
          again == null ? Optional.empty() : diagnose(again, sourceName);
      if (found.isPresent()) {
        throw found.get();
      }
      throw new DataLoadException(
          sourceName,
          CsvSyntax.refusedRecordLine(e, line + 1),
          0,
          "not comma-separated values from this line on: expected fields separated by commas,"
              + " each quoted field closed by a quote followed by a comma or the end of the line,"
              + " and the few dozen fields of a data file");
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (reader.endsInsideQuotes()) {
      // The parser took the open quote to run to the end of the file, in silence.
      Optional<DataLoadException> found =
          again == null ? Optional.empty() : diagnose(again, sourceName);
      if (found.isPresent()) {
        throw found.get();
      }
      CsvRecord last = records.isEmpty() ? null : records.get(records.size() - 1);
      // The open quote is the last field's: on its own line, below any quoted cell before it.
      throw new DataLoadException(
          sourceName,
          last == null ? 1 : FieldLine.of(last, last.getFieldCount() - 1),
          last == null ? 1 : last.getFieldCount(),
          "a quote that opens a field is not closed before the end of the file; expected a"
              + " closing quote after the field's value");
    }
    boolean ended = reader.endsWithLineBreak();
    boolean quoted = reader.endsWithClosingQuote();
    int mark = endOfFileMark(records, sourceName);
    if (mark >= 0) {
      // The mark and the blank lines after it; the mark itself ends the last line of data, with
      // or without a line break of its own.
      records.subList(mark, records.size()).clear();
      ended = true;
    }
    if (!ended && !records.isEmpty()) {
      // Text after a mark on the last line, which has no ending, is no row and no cut: the file
      // goes on after its end. For every reader: a hand-made table read it as a value.
      CsvRecord last = records.get(records.size() - 1);
      int textAfter = fieldWithTextAfterMark(last);
      if (textAfter >= 0) {
        throw EndOfFileMark.textAfter(sourceName, FieldLine.of(last, textAfter), textAfter + 1);
      }
    }
    return new CsvTable(sourceName, records, false, ended, quoted);
  }

  /**
   * Returns the index of the DOS end-of-file line that ends {@code records} (only blank records, or
   * more marks, after it), or -1 for none; a mark with a row after it is refused on its line, and
   * so is a line that starts with the mark followed by text (a row cut short after its first field,
   * read as one).
   */
  private static int endOfFileMark(List<CsvRecord> records, String sourceName)
      throws DataLoadException {
    for (int i = 0; i < records.size(); i++) {
      int textAfter = startsWithMarkBeforeText(records.get(i));
      if (textAfter >= 0) {
        CsvRecord line = records.get(i);
        throw EndOfFileMark.textAfter(sourceName, FieldLine.of(line, textAfter), textAfter + 1);
      }
      if (isEndOfFileMarker(records.get(i))) {
        for (int j = i + 1; j < records.size(); j++) {
          CsvRecord after = records.get(j);
          if (!isBlank(after) && !isEndOfFileMarker(after)) {
            throw EndOfFileMark.rowAfter(
                sourceName, records.get(i).getStartingLineNumber(), after.getStartingLineNumber());
          }
        }
        return i;
      }
    }
    return -1;
  }

  /** Reads the text again to find its first syntax error; empty if it cannot be read again. */
  private static Optional<DataLoadException> diagnose(Reopen again, String sourceName) {
    try (Reader text = new GuardedReader(again.open(), sourceName, Long.MAX_VALUE, "a data file")) {
      return CsvSyntax.firstProblem(text, (char) 0)
          .map(p -> new DataLoadException(sourceName, p.line(), p.field(), p.message()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Tells whether {@code record} is a DOS end-of-file line: the character 0x1A (Ctrl-Z) alone,
   * followed by empty fields. CMS's relative value and OPPS cap files of releases A to C of 2025
   * end with one; it is dropped when only blank lines follow it, and refused before a row.
   */
  static boolean isEndOfFileMarker(CsvRecord record) {
    String first = record.getField(0).strip();
    if (first.length() != 1 || first.charAt(0) != EndOfFileMark.MARK) {
      return false;
    }
    for (int i = 1; i < record.getFieldCount(); i++) {
      if (!record.getField(i).isBlank()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The 0-based field of {@code record}'s first DOS end-of-file mark when text other than blanks
   * and marks follows it, in that field or a later one; -1 otherwise.
   */
  private static int fieldWithTextAfterMark(CsvRecord record) {
    for (int f = 0; f < record.getFieldCount(); f++) {
      int mark = record.getField(f).indexOf(EndOfFileMark.MARK);
      if (mark >= 0) {
        boolean text = hasTextFrom(record.getField(f), mark + 1);
        for (int later = f + 1; !text && later < record.getFieldCount(); later++) {
          text = hasTextFrom(record.getField(later), 0);
        }
        return text ? f : -1;
      }
    }
    return -1;
  }

  /** The 0-based field of {@code record}'s first DOS end-of-file mark, or -1 for none. */
  private static int fieldWithMark(CsvRecord record) {
    for (int f = 0; f < record.getFieldCount(); f++) {
      if (record.getField(f).indexOf(EndOfFileMark.MARK) >= 0) {
        return f;
      }
    }
    return -1;
  }

  /**
   * The 0-based field of {@code record}'s DOS end-of-file mark when the mark is its first character
   * other than blanks and text other than blanks and marks follows it; -1 otherwise.
   */
  private static int startsWithMarkBeforeText(CsvRecord record) {
    for (int f = 0; f < record.getFieldCount(); f++) {
      String field = record.getField(f);
      for (int i = 0; i < field.length(); i++) {
        char c = field.charAt(i);
        if (c == EndOfFileMark.MARK) {
          return fieldWithTextAfterMark(record) == f ? f : -1;
        }
        if (!Cells.isBlank(c)) {
          return -1;
        }
      }
    }
    return -1;
  }

  /** Whether {@code field} holds, from {@code from} on, more than blanks and end-of-file marks. */
  private static boolean hasTextFrom(String field, int from) {
    for (int i = from; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c != EndOfFileMark.MARK && !Cells.isBlank(c)) {
        return true;
      }
    }
    return false;
  }

  /** Tells whether every field of {@code record} is blank. */
  public static boolean isBlank(CsvRecord record) {
    for (int i = 0; i < record.getFieldCount(); i++) {
      if (!record.getField(i).isBlank()) {
        return false;
      }
    }
    return true;
  }
}
