package io.github.cpt4j.data.medicare;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.data.csv.ReadFailure;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.EndOfFileMark;
import io.github.cpt4j.data.table.GuardedReader;
import io.github.cpt4j.data.table.RowMinimum;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads CMS's ZIP code to carrier locality file, {@code ZIP5_<release>.txt}: fixed-width records of
 * at least 21 characters with the state (columns 1-2), the ZIP code (3-7), the contractor (8-12),
 * the locality (13-14), the plus-four flag (21: 1 when the ZIP code straddles localities and is
 * priced by ZIP+4, else 0; a blank is refused, as CMS's layout has no such value) and, when a
 * record is that long, the year and quarter (76-80, {@code YYYYQ}), which must be the same on every
 * record. The state is one of the USPS codes of CMS's ZIP code files (the 50 states, DC, PR, VI,
 * GU, AS, MP, FM, MH, PW) or CMS's halves of Missouri (EM, WM) and Kansas (EK, WK): an invented or
 * damaged code ({@code QQ}) is refused by every reader, {@link #readStates} too. Other fields are
 * not kept. A DOS end-of-file mark (Ctrl-Z) after the last record ends the file, as in CMS's other
 * files. All-or-nothing; an error names the file, line and column. A file as CMS publishes it is
 * read straight from its bytes; anything else the general way, line by line.
 *
 * <pre>{@code
 * ZipLocalityTable zips = Zip5File.read(Path.of("ZIP5_OCT2025.txt"));
 * }</pre>
 */
public final class Zip5File {

  private static final int MIN_LENGTH = 21;

  /** Where the year and quarter ({@code YYYYQ}) are, from 0, as the record layout gives them. */
  private static final int YEAR_QUARTER_START = 75;

  private static final int YEAR_QUARTER_END = 80;

  /**
   * The fewest ZIP codes of a whole file (see {@link CmsSubset}): CMS's ZIP5 file of October 2025
   * lists 42,956. The minimum leaves room for other editions and refuses a file cut to a fraction
   * of that.
   */
  static final int MIN_ROWS = 35_000;

  /** A ZIP5 file is about 3.5 MB. */
  private static final long MAX_CHARS = 32L << 20;

  private static final String KIND = "a CMS ZIP5 file";

  private static final String WHOLE = "about 43,000 (42,956 in October 2025)";

  private Zip5File() {}

  /**
   * Reads the file at {@code path}.
   *
   * @param path the file: CMS's ZIP5 file
   * @return the locality of every ZIP code in the file
   * @throws DataLoadException if a record is malformed or a ZIP code appears twice
   * @throws IOException if the file cannot be read
   */
  public static ZipLocalityTable read(Path path) throws IOException {
    requireNonNull(path, "path");
    return readDated(path).table();
  }

  /**
   * A ZIP5 file's table and the quarter its records say they are of (columns 76-80), empty when its
   * records are too short to say: a directory of files checks the quarter against the file's name.
   *
   * @param table the ZIP codes' localities
   * @param quarter the quarter every record names, or empty when the records are too short to say
   */
  public record Dated(ZipLocalityTable table, Optional<Quarter> quarter) {
    /**
     * Checks that neither part is null.
     *
     * @param table the ZIP codes' localities
     * @param quarter the quarter every record names, or empty when the records are too short to say
     */
    public Dated {
      requireNonNull(table, "table");
      requireNonNull(quarter, "quarter");
    }
  }

  /**
   * A ZIP5 file's localities and quarter, and the state of each of its ZIP codes.
   *
   * @param dated the localities and the quarter the records name
   * @param states the state of every ZIP code, for the DMEPOS schedules
   */
  public record WithStates(Dated dated, DmeposZipTable states) {
    /**
     * Checks that neither part is null.
     *
     * @param dated the localities and the quarter the records name
     * @param states the state of every ZIP code, for the DMEPOS schedules
     */
    public WithStates {
      requireNonNull(dated, "dated");
      requireNonNull(states, "states");
    }
  }

  /**
   * Reads the file at {@code path} as {@link #readDated(Path)} and {@link #readStates(Path)} do, in
   * one read of the file (and one pass over a file as CMS publishes it): a directory's newest ZIP5
   * file gives both. The localities are read first, so a file both readers refuse is refused as the
   * localities' reader says.
   *
   * @param path the file: CMS's ZIP5 file
   * @return the localities, the quarter and the state of every ZIP code
   * @throws DataLoadException if a record is malformed, a ZIP code appears twice, two records are
   *     of different quarters or the states cannot be read
   * @throws IOException if the file cannot be read
   */
  public static WithStates readDatedWithStates(Path path) throws IOException {
    requireNonNull(path, "path");
    String name = ReadFailure.requireFile(path);
    if (!Files.isRegularFile(path) || Files.size(path) > MAX_CHARS) {
      return new WithStates(readDated(path), readStates(path));
    }
    byte[] bytes = ReadFailure.readAllBytes(path);
    WithStates fast = Zip5Scan.both(bytes, MIN_ROWS);
    if (fast != null) {
      return fast;
    }
    return new WithStates(readDated(bytes, name), readStates(bytes, name));
  }

  /**
   * Reads the file at {@code path} with the quarter its records say.
   *
   * @param path the file: CMS's ZIP5 file
   * @return the localities of the ZIP codes and the quarter the records name
   * @throws DataLoadException if a record is malformed, a ZIP code appears twice or two records are
   *     of different quarters
   * @throws IOException if the file cannot be read
   */
  public static Dated readDated(Path path) throws IOException {
    requireNonNull(path, "path");
    return byPath(path, Zip5File::readDated, Zip5File::read);
  }

  /**
   * Reads {@code path} whole by {@code bytes} when it fits the size limit, else by {@code text}.
   */
  private static <T> T byPath(Path path, Source<byte[], T> bytes, Source<Reader, T> text)
      throws IOException {
    // A directory is named as every loader names it, not by the JDK's "Is a directory".
    String name = ReadFailure.requireFile(path);
    if (Files.isRegularFile(path) && Files.size(path) <= MAX_CHARS) {
      byte[] content = ReadFailure.readAllBytes(path);
      return bytes.read(content, name);
    }
    // Too large, or no regular file: the general reader says so, having read no more than its
    // limit.
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
      return text.read(reader, name);
    } catch (IOException e) {
      throw ReadFailure.naming(path, e);
    }
  }

  /** A reader of a ZIP5 file's content, named for errors. */
  private interface Source<S, T> {
    T read(S content, String sourceName) throws IOException;
  }

  /**
   * Reads the whole file in {@code bytes}: by {@link Zip5Scan}, the fast path for a file as CMS
   * publishes it, or when it declines, by the general reader, which accepts or refuses any file
   * with its error naming line and column.
   */
  private static Dated readDated(byte[] bytes, String sourceName) throws IOException {
    Dated fast = Zip5Scan.localities(bytes, MIN_ROWS);
    return fast != null ? fast : readGeneral(bytes, sourceName);
  }

  /** Reads the file in {@code bytes} the general way, never by the fast path; for tests. */
  static Dated readGeneral(byte[] bytes, String sourceName) throws IOException {
    return read(latin1(bytes), sourceName);
  }

  private static Reader latin1(byte[] bytes) {
    return new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.ISO_8859_1);
  }

  /**
   * Reads a ZIP5 file from {@code in}, which is not closed, naming it {@code sourceName}. The
   * stream is read whole before its records (at most 32 MiB, the size limit of a ZIP5 file).
   *
   * @param in CMS's ZIP5 file, as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @return the locality of every ZIP code in the file
   * @throws DataLoadException if a record is malformed or a ZIP code appears twice
   * @throws IOException if the stream cannot be read
   */
  public static ZipLocalityTable read(InputStream in, String sourceName) throws IOException {
    requireNonNull(in, "in");
    requireNonNull(sourceName, "sourceName"); // before the stream is read, not after
    byte[] bytes = in.readNBytes((int) MAX_CHARS + 1);
    if (bytes.length > MAX_CHARS) {
      // Too large: the general reader says so, having read no more than its limit.
      InputStream whole = new SequenceInputStream(new ByteArrayInputStream(bytes), in);
      return read(new InputStreamReader(whole, StandardCharsets.ISO_8859_1), sourceName).table();
    }
    return readDated(bytes, sourceName).table();
  }

  /**
   * Reads the state of every ZIP code of the ZIP5 file at {@code path}, for the DMEPOS fee
   * schedule: a table without rural ZIP codes (add them with {@link DmeposRuralZipFile}). CMS's
   * codes for the parts of states with two contractors become the state: {@code EM} and {@code WM}
   * Missouri, {@code EK} and {@code WK} Kansas. Every record is checked as {@link #readDated(Path)}
   * checks it, though only its state and ZIP code are kept: a file that reader refuses is refused
   * here too, with the same error.
   *
   * @param path the file: CMS's ZIP5 file
   * @return the state of every ZIP code in the file, none of them rural
   * @throws DataLoadException if a record is malformed, a ZIP code appears twice or two records are
   *     of different quarters
   * @throws IOException if the file cannot be read
   */
  public static DmeposZipTable readStates(Path path) throws IOException {
    requireNonNull(path, "path");
    return byPath(path, Zip5File::readStates, Zip5File::readStates);
  }

  /**
   * Reads the states of the whole file in {@code bytes}: by the fast path, else the general way.
   */
  private static DmeposZipTable readStates(byte[] bytes, String sourceName) throws IOException {
    DmeposZipTable fast = Zip5Scan.states(bytes, MIN_ROWS);
    return fast != null ? fast : readStatesGeneral(bytes, sourceName);
  }

  /** Reads the states of the file in {@code bytes} the general way; for tests. */
  static DmeposZipTable readStatesGeneral(byte[] bytes, String sourceName) throws IOException {
    return readStates(latin1(bytes), sourceName);
  }

  private static DmeposZipTable readStates(Reader reader, String source) throws IOException {
    DmeposZipTable.Builder table = DmeposZipTable.builder();
    // Every record checked as the reader of localities checks it, though its state and ZIP code
    // alone are kept: a record damaged in its contractor, locality, plus-four flag or quarter is
    // as damaged here, and is refused with the same error.
    readRecords(
        reader,
        source,
        (number, line, zip, locality, plusFour) -> {
          String state = state(line.substring(0, 2));
          try {
            table.state(zip, zip, state);
          } catch (IllegalArgumentException e) {
            // The state is two capitals, checked with the record: the table is full.
            throw new DataLoadException(
                source,
                number,
                1,
                "columns 1-2: state "
                    + CodeFormatException.quote(state)
                    + " is one more than a table of states holds ("
                    + e.getMessage()
                    + "): expected the states of a ZIP5 file");
          }
        });
    return table.build();
  }

  /** Tells whether {@code code} is two ASCII capital letters, as CMS writes a state. */
  static boolean isStateCode(String code) {
    return code.length() == 2 && isCapital(code.charAt(0)) && isCapital(code.charAt(1));
  }

  private static boolean isCapital(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /**
   * Tells whether {@code code} is a state of CMS's ZIP5 files: one of {@link
   * StateCodes#OF_ZIP_CODES}, or a code CMS splits a state into ({@link #state}).
   */
  static boolean isKnownState(String code) {
    return StateCodes.OF_ZIP_CODES.contains(state(code));
  }

  /** How the codes {@link #isKnownState} takes are named in an error. */
  private static final String STATE_TEXT =
      StateCodes.OF_ZIP_CODES_TEXT + ", or EM, WM, EK or WK (CMS's halves of Missouri and Kansas)";

  /** The state of a ZIP5 state code: CMS splits Missouri (EM, WM) and Kansas (EK, WK). */
  static String state(String code) {
    return switch (code) {
      case "EM", "WM" -> "MO";
      case "EK", "WK" -> "KS";
      default -> code;
    };
  }

  private static Dated read(Reader reader, String source) throws IOException {
    ZipLocalityTable.Builder table = ZipLocalityTable.builder();
    Optional<Quarter> quarter =
        readRecords(
            reader,
            source,
            (number, line, zip, locality, plusFour) -> table.add(zip, locality, plusFour));
    return new Dated(table.build(), quarter);
  }

  /** Receives each record that {@link #readRecords} has checked. */
  private interface RecordSink {
    void record(long number, String line, int zip, Locality locality, boolean plusFour)
        throws DataLoadException;
  }

  /**
   * Reads and checks every record, as both readers (localities and states) do, giving each to
   * {@code sink}; returns the quarter the records say, empty when they are too short to say.
   */
  private static Optional<Quarter> readRecords(Reader reader, String source, RecordSink sink)
      throws IOException {
    // A ZIP5 file is about 3.5 MB; the guard also drops a byte order mark, which would shift
    // every fixed-width column of the first record.
    GuardedReader guarded = new GuardedReader(reader, source, MAX_CHARS, KIND);
    BufferedReader lines = new BufferedReader(guarded);
    // The line of each ZIP code read so far, 0 for none: an array over the whole ZIP code range
    // (400 KB while reading) rather than a map of boxed numbers, a third of the time of a read.
    int[] lineOf = new int[100_000];
    int rows = 0;
    long number = 0;
    String line;
    boolean subset = false;
    String yearQuarter = null;
    long yearQuarterLine = 0;
    boolean marked = false;
    while ((line = lines.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      if (EndOfFileMark.isMarkLine(line)) {
        number = EndOfFileMark.skipRest(lines, source, number);
        marked = true;
        break;
      }
      if (number == 1 && CsvTable.isSubsetMarker(line)) {
        subset = true;
        continue;
      }
      if (line.length() >= YEAR_QUARTER_END) {
        // One quarter's file: every record long enough to say it says the same, or all leave it
        // blank; a record of another quarter means files were pasted together.
        String said = line.substring(YEAR_QUARTER_START, YEAR_QUARTER_END);
        if (yearQuarter == null) {
          if (!said.isBlank()) {
            checkYearQuarter(said, source, number);
          }
          yearQuarter = said;
          yearQuarterLine = number;
        } else if (!said.equals(yearQuarter)) {
          throw new DataLoadException(
              source,
              number,
              YEAR_QUARTER_START + 1,
              "columns 76-80: the year and quarter is "
                  + CodeFormatException.quote(said)
                  + " where line "
                  + yearQuarterLine
                  + " has "
                  + yearQuarter
                  + ": a ZIP5 file holds one quarter");
        }
      }
      if (line.length() < MIN_LENGTH) {
        throw shortRecord(source, number, line.length());
      }
      String code = line.substring(0, 2);
      if (!isKnownState(code)) {
        // An invented or damaged code (QQ) would load as a state no beneficiary lives in.
        throw new DataLoadException(
            source,
            number,
            1,
            "columns 1-2: expected " + STATE_TEXT + ", found " + CodeFormatException.quote(code));
      }
      int zip = digits(line, 2, 7, source, number, "a five-digit ZIP code");
      int mac = digits(line, 7, 12, source, number, "a five-digit contractor number");
      int locality = digits(line, 12, 14, source, number, "a two-digit locality number");
      // CMS's record layout (ZIP5lyout.txt) defines the flag as 0 (no +4 extension) or 1: a blank
      // is a record damaged or cut, not a ZIP code known to lie in one locality.
      char plusFour = line.charAt(20);
      if (plusFour != '0' && plusFour != '1') {
        throw new DataLoadException(
            source,
            number,
            21,
            "plus four flag: expected 0 or 1, found "
                + CodeFormatException.quote(String.valueOf(plusFour)));
      }
      if (lineOf[zip] != 0) {
        throw twice(source, zip, lineOf[zip], number);
      }
      lineOf[zip] = Math.toIntExact(number);
      rows++;
      sink.record(number, line, zip, Locality.ofPacked(mac * 100 + locality), plusFour == '1');
    }
    // A final end-of-file mark ends the last record's line, with or without a line break after it.
    if (!marked && !guarded.endsWithLineBreak()) {
      throw cutShort(source, number);
    }
    if (rows == 0) {
      throw new DataLoadException(source, 0, 0, "no records: expected a CMS ZIP5 file");
    }
    RowMinimum.check(source, subset, rows, MIN_ROWS, "ZIP codes", WHOLE);
    return yearQuarter == null || yearQuarter.isBlank()
        ? Optional.empty()
        : Optional.of(
            Quarter.of(Integer.parseInt(yearQuarter.substring(0, 4)), yearQuarter.charAt(4) - '0'));
  }

  /** Checks the {@code YYYYQ} of columns 76-80: a year from 1, then a quarter from 1 to 4. */
  private static void checkYearQuarter(String said, String source, long number)
      throws DataLoadException {
    boolean valid = said.charAt(4) >= '1' && said.charAt(4) <= '4';
    for (int i = 0; i < 4; i++) {
      valid &= said.charAt(i) >= '0' && said.charAt(i) <= '9';
    }
    valid &= !said.startsWith("0000");
    if (!valid) {
      throw new DataLoadException(
          source,
          number,
          YEAR_QUARTER_START + 1,
          "columns 76-80: expected the year and quarter as YYYYQ, such as 20254, found "
              + CodeFormatException.quote(said));
    }
  }

  /**
   * The fields read, by their names and positions (1-based, inclusive) in CMS's ZIP5 record layout
   * ({@code ZIP5lyout.txt}): a record cut short is reported at the first it does not reach.
   */
  private static final String[] FIELD_NAMES = {
    "State", "Zip Code", "Carrier", "Pricing Locality", "Plus Four Flag"
  };

  private static final int[] FIELD_STARTS = {1, 3, 8, 13, 21};

  private static final int[] FIELD_ENDS = {2, 7, 12, 14, 21};

  /**
   * The error for a record of {@code length} characters, shorter than {@link #MIN_LENGTH}: it names
   * the first field of the layout the record does not hold whole, at that field's first column, as
   * a CSV loader names the first column a row cut short lacks. Both readers (localities and states)
   * give it; the fast path declines such a record, so a file gets it whichever path read it.
   */
  private static DataLoadException shortRecord(String source, long line, int length) {
    int field = 0;
    while (FIELD_ENDS[field] <= length) {
      field++;
    }
    int start = FIELD_STARTS[field];
    int end = FIELD_ENDS[field];
    String where =
        FIELD_NAMES[field]
            + (start == end ? " (column " + start + ")" : " (columns " + start + "-" + end + ")");
    return new DataLoadException(
        source,
        line,
        start,
        "expected a fixed-width record of at least "
            + MIN_LENGTH
            + " characters, found "
            + length
            + (length < start ? ": the record ends before the " : ": the record ends inside the ")
            + where
            + " of CMS's ZIP5 record layout");
  }

  /** The error for ZIP code {@code zip} on line {@code line}, already on line {@code first}. */
  private static DataLoadException twice(String source, int zip, int first, long line) {
    return new DataLoadException(
        source,
        line,
        3,
        String.format(
            Locale.ROOT, "ZIP code %05d appears twice, on lines %d and %d", zip, first, line));
  }

  private static DataLoadException cutShort(String source, long line) {
    return new DataLoadException(
        source,
        line,
        0,
        "the last line has no line ending: the file looks cut short (every line of a CMS ZIP5"
            + " file ends with one)");
  }

  private static int digits(
      String line, int start, int end, String source, long number, String expected)
      throws DataLoadException {
    int value = 0;
    for (int i = start; i < end; i++) {
      char c = line.charAt(i);
      if (c < '0' || c > '9') {
        throw new DataLoadException(
            source,
            number,
            start + 1,
            "columns "
                + (start + 1)
                + "-"
                + end
                + ": expected "
                + expected
                + ", found "
                + CodeFormatException.quote(line.substring(start, end)));
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
