package io.github.cpt4j.data.medicare;

import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.EndOfFileMark;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The fast path of {@link Zip5File}: reads the records of a ZIP5 file straight from its bytes, for
 * a file as CMS publishes it. Like {@link RvuScan}, it gives up (returns null) on anything it does
 * not expect, and {@code Zip5File} then reads the file the general way (a {@code String} per line),
 * which accepts or refuses it with an error naming file, line and column. So it never reports an
 * error and never accepts what the general reader refuses: it gives up on every record the general
 * reader would refuse (a short record, a letter where a digit belongs, a plus-four flag other than
 * 0 or 1, a ZIP code given twice, a quarter unlike the first record's, a last line without a line
 * break, too few records) and on what it leaves to it (a byte order mark, a blank line, a carriage
 * return that ends no line). A DOS end-of-file mark with only blank lines after it ends the
 * records, as for the general reader. The tables it builds are the general reader's, entry for
 * entry; {@code Zip5ScanTest} checks both on damaged files.
 *
 * <p>What it buys (3.5 MB, 42,956 records, the October 2025 file): no {@code String} per line, no
 * {@code Reader} between the file and the fields, and few bytecodes per record in the loop a fresh
 * process runs in the interpreter (see {@link #scan}). A directory reads one such file per quarter
 * before the first line is priced.
 */
final class Zip5Scan {

  /** Where the year and quarter ({@code YYYYQ}) are, from 0, as the record layout gives them. */
  private static final int YEAR_QUARTER = 75;

  private static final int YEAR_QUARTER_END = 80;

  /** The shortest record: the plus-four flag is column 21. */
  private static final int MIN_LENGTH = 21;

  private final byte[] bytes;

  /**
   * Each ZIP code's locality as read, by ZIP code: 0 for none yet, else 1 + the packed locality,
   * with {@link #PLUS_FOUR} set when it is split by ZIP+4. CMS lists records state by state, not in
   * ZIP code order, and a {@code ZipLocalityTable.Builder} given ZIP codes out of order sorts them
   * all when it builds: most of a read, cold or warm. Kept by ZIP code, they are given in order.
   */
  private final int[] valueOfZip = new int[100_000];

  private static final int PLUS_FOUR = 1 << 30;

  /** The table of states being built, or null when the states are not read. */
  private final DmeposZipTable.Builder states;

  private int count;

  /** The first 80-character record's columns 76-80, by position; -1 before it. */
  private int yearQuarterAt = -1;

  /**
   * The state of the last record, kept while records of one state follow each other; no state
   * before the first.
   */
  private String state = "  ";

  private Zip5Scan(byte[] bytes, boolean readStates) {
    this.bytes = bytes;
    this.states = readStates ? DmeposZipTable.builder() : null;
  }

  /**
   * Reads the localities and quarter of the ZIP5 file in {@code bytes} (ISO-8859-1), as {@code
   * Zip5File.readDated} does, or returns null for the general reader to decide.
   *
   * @param minRows the fewest records of a file not marked as a subset
   */
  static Zip5File.Dated localities(byte[] bytes, int minRows) {
    Zip5Scan scan = scan(bytes, minRows, false);
    return scan == null ? null : new Zip5File.Dated(scan.localityTable(), scan.quarter());
  }

  /**
   * Reads both tables in one pass, as {@link #localities} and {@link #states} would, or returns
   * null when either would: for a directory, whose newest ZIP5 file gives both.
   */
  static Zip5File.WithStates both(byte[] bytes, int minRows) {
    Zip5Scan scan = scan(bytes, minRows, true);
    return scan == null
        ? null
        : new Zip5File.WithStates(
            new Zip5File.Dated(scan.localityTable(), scan.quarter()), scan.states.build());
  }

  /** The localities read, given to the table in ZIP code order, a range per run of one value. */
  private ZipLocalityTable localityTable() {
    ZipLocalityTable.Builder table = ZipLocalityTable.builder();
    int zip = 0;
    while (zip < valueOfZip.length) {
      int last = runEnd(zip);
      int value = valueOfZip[zip];
      if (value != 0) {
        table.addRange(
            zip, last, Locality.ofPacked((value & ~PLUS_FOUR) - 1), (value & PLUS_FOUR) != 0);
      }
      zip = last + 1;
    }
    return table.build();
  }

  /** The last ZIP code of the run of {@code first}'s value (none counts as a value). */
  private int runEnd(int first) {
    int value = valueOfZip[first];
    int last = first;
    while (last + 1 < valueOfZip.length && valueOfZip[last + 1] == value) {
      last++;
    }
    return last;
  }

  /**
   * Reads the state of every ZIP code of the ZIP5 file in {@code bytes}, as {@code
   * Zip5File.readStates} does, or returns null for the general reader to decide. It declines
   * whatever {@link #localities} declines: the general reader of states checks every record as the
   * reader of localities does, and refuses it with the same error.
   */
  static DmeposZipTable states(byte[] bytes, int minRows) {
    Zip5Scan scan = scan(bytes, minRows, true);
    return scan == null ? null : scan.states.build();
  }

  /**
   * Reads every record, or returns null. A fresh process runs this loop once, in the interpreter: a
   * file has too few lines for the JIT to compile a loop while it runs, but it compiles a method
   * called per line after a few hundred lines. So the loop only calls {@link #line}, where the work
   * of a record is.
   */
  private static Zip5Scan scan(byte[] bytes, int minRows, boolean readStates) {
    int n = bytes.length;
    int pos = 0;
    boolean subset = false;
    if (n > 0 && !isCapital(bytes[0])) {
      // Only a subset's marker line may come first; anything else is the general reader's.
      int end = lineEnd(bytes, 0);
      if (end < 0
          || !CsvTable.isSubsetMarker(new String(bytes, 0, end, StandardCharsets.ISO_8859_1))) {
        return null;
      }
      subset = true;
      pos = next(bytes, end);
    }
    Zip5Scan scan = new Zip5Scan(bytes, readStates);
    while (pos < n) {
      if (bytes[pos] == EndOfFileMark.MARK) {
        // A DOS end-of-file mark ends the records when only blanks and line breaks follow it;
        // anything else after it is the general reader's to refuse.
        if (!onlyBlanksFrom(bytes, pos + 1)) {
          return null;
        }
        break;
      }
      pos = scan.line(pos);
      if (pos < 0) {
        return null;
      }
    }
    return scan.count == 0 || (!subset && scan.count < minRows) ? null : scan;
  }

  /** Tells whether the bytes from {@code from} on are spaces, tabs and line breaks only. */
  private static boolean onlyBlanksFrom(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  /** Reads the line from {@code pos}; returns where the next starts, or -1 to give up. */
  private int line(int pos) {
    int end = lineEnd(bytes, pos);
    if (end < 0 || end - pos < MIN_LENGTH) {
      return -1;
    }
    if (end - pos >= YEAR_QUARTER_END && !sameYearQuarter(pos + YEAR_QUARTER)) {
      return -1;
    }
    byte s0 = bytes[pos];
    byte s1 = bytes[pos + 1];
    int zip = digits(bytes, pos + 2, 5);
    int mac = digits(bytes, pos + 7, 5);
    int locality = digits(bytes, pos + 12, 2);
    byte split = bytes[pos + 20];
    if (!isCapital(s0)
        || !isCapital(s1)
        || zip < 0
        || mac < 0
        || locality < 0
        || (split != '0' && split != '1')
        || valueOfZip[zip] != 0) {
      return -1;
    }
    if (state.charAt(0) != s0 || state.charAt(1) != s1) {
      // Records come state by state: one String, and one check, per run of a state, not per
      // record. A state that is none (QQ) is the general reader's to refuse, with the line.
      state = new String(bytes, pos, 2, StandardCharsets.ISO_8859_1);
      if (!Zip5File.isKnownState(state)) {
        return -1;
      }
    }
    valueOfZip[zip] = 1 + mac * 100 + locality | (split == '1' ? PLUS_FOUR : 0);
    count++;
    if (states != null) {
      try {
        states.state(zip, zip, Zip5File.state(state));
      } catch (IllegalArgumentException e) {
        // The table refuses a 128th state: the general reader says so, with the line.
        return -1;
      }
    }
    return next(bytes, end);
  }

  /**
   * Tells whether the {@code YYYYQ} at {@code at} is the first long record's (taking it as the
   * first when it is), which must be a year from 1 and a quarter from 1 to 4, or five spaces.
   */
  private boolean sameYearQuarter(int at) {
    if (yearQuarterAt >= 0) {
      return Arrays.equals(bytes, yearQuarterAt, yearQuarterAt + 5, bytes, at, at + 5);
    }
    boolean spaces = true;
    for (int i = at; i < at + 5; i++) {
      spaces &= bytes[i] == ' ';
    }
    byte quarter = bytes[at + 4];
    if (!spaces && (digits(bytes, at, 4) <= 0 || quarter < '1' || quarter > '4')) {
      return false;
    }
    yearQuarterAt = at;
    return true;
  }

  private Optional<Quarter> quarter() {
    int at = yearQuarterAt;
    return at < 0 || bytes[at] == ' '
        ? Optional.empty()
        : Optional.of(Quarter.of(digits(bytes, at, 4), bytes[at + 4] - '0'));
  }

  /**
   * Where the line from {@code start} ends (its {@code \n}, or the {@code \r} of its {@code \r\n}),
   * or -1 when the general reader must judge it: no line break at the end of the file, or a
   * carriage return alone, which ends a line for the general reader and would split a record.
   */
  private static int lineEnd(byte[] bytes, int start) {
    int n = bytes.length;
    for (int i = start; i < n; i++) {
      byte b = bytes[i];
      // One comparison for the common byte: every byte above '\r' is part of the record.
      if ((b & 0xFF) > '\r') {
        continue;
      }
      if (b == '\n') {
        return i;
      }
      if (b == '\r') {
        return i + 1 < n && bytes[i + 1] == '\n' ? i : -1;
      }
    }
    return -1;
  }

  /** Where the line after the one ending at {@code end} starts. */
  private static int next(byte[] bytes, int end) {
    return bytes[end] == '\r' ? end + 2 : end + 1;
  }

  /** The number written in {@code length} digits from {@code start}, or -1 for a non-digit. */
  private static int digits(byte[] bytes, int start, int length) {
    int value = 0;
    for (int i = start; i < start + length; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static boolean isCapital(byte b) {
    return b >= 'A' && b <= 'Z';
  }
}
