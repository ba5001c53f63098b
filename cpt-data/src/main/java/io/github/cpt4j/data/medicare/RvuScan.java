package io.github.cpt4j.data.medicare;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Cells;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.fee.medicare.pfs.AssistantAtSurgery;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.PcTcIndicator;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import io.github.cpt4j.fee.medicare.pfs.SurgeonsPermission;
import io.github.cpt4j.modifier.Modifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fast path of {@link RvuFile}: reads the rows of a relative value file straight from its
 * bytes, for a file as CMS publishes it. It gives up (returns null) on anything it does not expect,
 * and {@code RvuFile} then reads the file the general way (FastCSV records, a {@code String} per
 * field), which accepts or refuses it with an error naming file, line and column. So this class
 * never reports an error and never accepts what the general reader refuses: it gives up on every
 * field the general reader would refuse (a value out of range, a duplicate row, a short row, a last
 * line without a line break, a total that is not the row's RVUs added up, shares of the global
 * package that do not make 1.00) and on what it leaves to it (a quote inside a field, a quoted
 * field over several lines, a quoted value in a column it reads, a DOS end-of-file character before
 * the last line), and the rows it returns are the ones the general reader builds, value for value
 * (each {@code BigDecimal} with the scale its text has). {@code RvuScanTest} checks both on damaged
 * files.
 *
 * <p>What it buys (2.5 MB, 19,090 rows, the 2025 October file; {@code LoadBenchmark}): no {@code
 * String} per field, the description column only scanned for its commas and quotes; decimals read
 * as fixed-point digits into one shared {@code BigDecimal} per distinct value; each distinct set of
 * payment indicators parsed and built once, found by its fields' bytes. The header (column names,
 * title year) is still read by the general reader, over the few lines before the first row.
 */
final class RvuScan {

  private static final byte QUOTE = '"';

  private static final VarHandle EIGHT_BYTES =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** What a value of 0, 1 or 2 decimals is multiplied by to count hundredths. */
  private static final long[] TO_HUNDREDTHS = {100, 10, 1};

  /** Powers of ten, up to a 17-digit value's. */
  private static final long[] TEN_TO_THE = new long[18];

  static {
    TEN_TO_THE[0] = 1;
    for (int i = 1; i < TEN_TO_THE.length; i++) {
      TEN_TO_THE[i] = TEN_TO_THE[i - 1] * 10;
    }
  }

  /** Ctrl-Z, the DOS end-of-file line of some CMS releases. */
  private static final byte DOS_END_OF_FILE = 0x1A;

  /** The bytes that end an unquoted field ({@link #END}) or that the general reader must judge. */
  private static final byte[] SPECIAL = new byte[256];

  private static final byte END = 1;
  private static final byte STOP = 2;

  static {
    SPECIAL[','] = END;
    SPECIAL['\n'] = END;
    SPECIAL['\r'] = END;
    SPECIAL[QUOTE] = STOP;
    SPECIAL[DOS_END_OF_FILE] = STOP;
  }

  private static final Optional<Modifier> PROFESSIONAL =
      Optional.of(Modifier.PROFESSIONAL_COMPONENT);
  private static final Optional<Modifier> TECHNICAL = Optional.of(Modifier.TECHNICAL_COMPONENT);
  private static final Optional<Modifier> DISCONTINUED = Optional.of(Modifier.DISCONTINUED);

  private final byte[] bytes;
  private final String source;
  private final Latin1Slice slice;

  // The fields of the current row: start and end offsets, whether quoted.
  private int[] starts = new int[40];
  private int[] ends = new int[40];
  private boolean[] quoted = new boolean[40];
  private int fields;

  // The value each field read by #decimal holds, in hundredths, for the totals check in longs
  // (#totalsAddUp); -1 for one too long for that, or with more than two significant decimals.
  private long[] hundredths = new long[40];

  private final Decimals decimals = new Decimals();
  // The indicators met so far, by the bytes of their fields (see #indicators).
  private byte[][] indicatorKeys = new byte[1024][];
  private PaymentIndicators[] indicatorValues = new PaymentIndicators[1024];
  private int indicatorCount;
  private final Map<PaymentIndicators, PaymentIndicators> indicators = new HashMap<>();

  // The columns of the entry's own fields, and of its payment indicators (-1: absent).
  private int[] rowColumns;
  private int[] indicatorColumns;
  private int firstIndicator;
  private boolean subset;
  private int lastIndicator;

  private RvuScan(byte[] bytes, String source) {
    this.bytes = bytes;
    this.source = source;
    this.slice = new Latin1Slice(bytes);
  }

  /**
   * Reads the file in {@code bytes} (ISO-8859-1), or returns null when it is not one this path
   * reads; then the general reader must.
   */
  static RvuTable scan(byte[] bytes, String source) throws IOException {
    return new RvuScan(bytes, source).scan();
  }

  private RvuTable scan() throws IOException {
    int n = bytes.length;
    // Every line of a CMS file ends with a line break, but for a DOS end-of-file line, which needs
    // none; any other last line without one, the general reader decides.
    if (n == 0 || bytes[n - 1] != '\n' && bytes[n - 1] != '\r' && !endsWithMarkLine()) {
      return null;
    }
    int start =
        n >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    int headerEnd = headerEnd(start);
    if (headerEnd < 0) {
      return null;
    }
    RvuFile.Layout layout;
    try {
      List<CsvRecord> head =
          CsvTable.read(new ByteArrayInputStream(bytes, 0, headerEnd), source).records();
      // A first line that marks a deliberate subset is not part of the file, as CsvTable.readCms
      // drops it for the general reader.
      if (!head.isEmpty()
          && head.get(0).getStartingLineNumber() == 1
          && CsvTable.isSubsetMarker(head.get(0).getField(0).strip())) {
        subset = true;
        head = head.subList(1, head.size());
      }
      layout = RvuFile.Layout.of(head, source);
      if (layout.headerRow != head.size() - 1) {
        return null;
      }
    } catch (DataLoadException e) {
      return null; // the general reader reports it
    }
    RvuFile.Columns c = layout.columns;
    int columns = layout.header.size();
    rowColumns =
        new int[] {
          c.hcpcs,
          c.modifier,
          c.notUsed,
          c.work,
          c.peNonFacility,
          c.naNonFacility,
          c.peFacility,
          c.naFacility,
          c.malpractice,
          c.oppsPeNonFacility,
          c.oppsPeFacility,
          c.oppsMalpractice,
          c.totalNonFacility,
          c.totalFacility
        };
    // The totals are optional: only the columns the file has.
    rowColumns = Arrays.stream(rowColumns).filter(column -> column >= 0).toArray();
    indicatorColumns =
        new int[] {
          c.status,
          c.pcTc,
          c.globalDays,
          c.preOp,
          c.intraOp,
          c.postOp,
          c.multProc,
          c.bilateral,
          c.assistant,
          c.coSurgeons,
          c.teamSurgery,
          c.endoBase,
          c.supervision,
          c.imagingFamily,
          c.pricingIndicator
        };
    firstIndicator = Integer.MAX_VALUE;
    lastIndicator = -1;
    for (int column : indicatorColumns) {
      if (column >= 0 && column != c.status) {
        firstIndicator = Math.min(firstIndicator, column);
        lastIndicator = Math.max(lastIndicator, column);
      }
    }
    List<RvuEntry> entries = new ArrayList<>(Math.max(16, (n - headerEnd) / 100));
    BitSet rows = new BitSet();
    BigDecimal factor = null;
    int pos = headerEnd;
    while (pos < n) {
      if (bytes[pos] == DOS_END_OF_FILE) {
        // The DOS end-of-file line: the end when only blank lines follow; else the general reader
        // refuses the file.
        return isEndOfFileLine(pos) ? table(entries, layout, factor) : null;
      }
      pos = fields(pos);
      if (pos < 0) {
        return null;
      }
      if (fields < columns) {
        if (!isBlankLine()) {
          return null;
        }
        continue;
      }
      if (hasValueBeyond(columns)) {
        return null; // the general reader refuses a value beyond the header's columns
      }
      RvuEntry entry = entry(c);
      if (entry == null) {
        return null;
      }
      int row = entry.code().packed() * 4 + rowIndex(entry.modifier());
      if (rows.get(row)) {
        return null;
      }
      rows.set(row);
      if (c.conversionFactor >= 0
          && trimmedStart(c.conversionFactor) < trimmedEnd(c.conversionFactor)) {
        BigDecimal stated = decimal(c.conversionFactor, 4);
        if (stated == null
            || stated.signum() == 0
            || factor != null && stated.compareTo(factor) != 0) {
          return null;
        }
        if (factor == null) {
          factor = stated;
        }
      }
      entries.add(entry);
    }
    return table(entries, layout, factor);
  }

  /**
   * The table of {@code entries}; null where the general reader refuses it: no rows, or fewer than
   * a whole CMS file has, unless the file is a marked subset ({@link CmsSubset}).
   */
  private RvuTable table(List<RvuEntry> entries, RvuFile.Layout layout, BigDecimal factor) {
    if (entries.isEmpty() || !subset && entries.size() < RvuFile.MIN_ROWS) {
      return null;
    }
    return RvuFile.table(entries, layout.year, layout.release, factor, subset);
  }

  /**
   * Returns the offset after the line whose first field is {@code HCPCS}, the main header row, or
   * -1 when there is none, or when a line before it is one that {@link #fields} declines or starts
   * with a quoted field.
   */
  private int headerEnd(int start) {
    int line = start;
    while (line < bytes.length) {
      int next = fields(line);
      if (next < 0 || quoted[0]) {
        return -1;
      }
      if (trimmedEnd(0) - trimmedStart(0) == 5 && equalsIgnoreCase(trimmedStart(0), "HCPCS")) {
        return next;
      }
      line = next;
    }
    return -1;
  }

  private boolean equalsIgnoreCase(int from, String ascii) {
    for (int i = 0; i < ascii.length(); i++) {
      int b = bytes[from + i] & 0xFF;
      if (b >= 'a' && b <= 'z') {
        b -= 'a' - 'A';
      }
      if (b != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Splits the line at {@code pos} into fields; returns the offset of the next line, or -1 for what
   * the general reader must judge (a quote inside a field, a quoted field over several lines or
   * followed by more than a delimiter, a DOS end-of-file character). Lines end as FastCSV ends
   * them: at a line feed, a carriage return (CMS's July 2025 file), or both.
   */
  private int fields(int pos) {
    int n = bytes.length;
    int p = pos;
    fields = 0;
    while (true) {
      int start;
      int end;
      boolean isQuoted = p < n && bytes[p] == QUOTE;
      if (isQuoted) {
        int q = p + 1;
        while (true) {
          if (q >= n) {
            return -1;
          }
          byte b = bytes[q];
          if (b == QUOTE) {
            if (q + 1 < n && bytes[q + 1] == QUOTE) {
              q += 2;
              continue;
            }
            break;
          }
          if (b == '\n' || b == '\r') {
            return -1;
          }
          q++;
        }
        start = p + 1;
        end = q;
        p = q + 1;
      } else {
        start = p;
        // One table look-up per byte: most bytes are the description's, skipped.
        while (p < n && SPECIAL[bytes[p] & 0xFF] == 0) {
          p++;
        }
        if (p < n && SPECIAL[bytes[p] & 0xFF] == STOP) {
          return -1;
        }
        end = p;
      }
      add(start, end, isQuoted);
      if (p >= n) {
        return -1;
      }
      byte delimiter = bytes[p];
      if (delimiter == ',') {
        p++;
      } else if (delimiter == '\n') {
        return p + 1;
      } else {
        // A carriage return, alone (as in CMS's July 2025 file) or before a line feed.
        return p + 1 < n && bytes[p + 1] == '\n' ? p + 2 : p + 1;
      }
    }
  }

  private void add(int start, int end, boolean isQuoted) {
    if (fields == starts.length) {
      int size = fields * 2;
      starts = Arrays.copyOf(starts, size);
      ends = Arrays.copyOf(ends, size);
      quoted = Arrays.copyOf(quoted, size);
      hundredths = Arrays.copyOf(hundredths, size);
    }
    starts[fields] = start;
    ends[fields] = end;
    quoted[fields] = isQuoted;
    fields++;
  }

  /** Tells whether a field of the current line from the 0-based {@code column} on holds text. */
  private boolean hasValueBeyond(int column) {
    for (int i = column; i < fields; i++) {
      if (trimmedStart(i) < trimmedEnd(i)) {
        return true;
      }
    }
    return false;
  }

  /** Tells whether the current line is blanks and commas only (an empty line, ",,,"). */
  private boolean isBlankLine() {
    for (int f = 0; f < fields; f++) {
      if (quoted[f]) {
        return false;
      }
      for (int i = starts[f]; i < ends[f]; i++) {
        if (bytes[i] != ' ' && bytes[i] != '\t') {
          return false;
        }
      }
    }
    return true;
  }

  /** Tells whether the last line is a DOS end-of-file line with no line break after it. */
  private boolean endsWithMarkLine() {
    int p = bytes.length - 1;
    while (p >= 0 && (bytes[p] == ',' || bytes[p] == ' ' || bytes[p] == '\t')) {
      p--;
    }
    return p > 0 && bytes[p] == DOS_END_OF_FILE && (bytes[p - 1] == '\n' || bytes[p - 1] == '\r');
  }

  /**
   * Tells whether the rest of the file from {@code pos} is one DOS end-of-file line: the mark, then
   * commas, blanks and line breaks only (blank lines after it, or none, not even a line break: the
   * mark ends the line before it, as the general reader judges it).
   */
  private boolean isEndOfFileLine(int pos) {
    for (int p = pos + 1; p < bytes.length; p++) {
      byte b = bytes[p];
      if (b != ',' && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private int trimmedStart(int column) {
    int from = starts[column];
    int to = ends[column];
    while (from < to && isBlank(bytes[from])) {
      from++;
    }
    return from;
  }

  private int trimmedEnd(int column) {
    int from = starts[column];
    int to = ends[column];
    while (to > from && isBlank(bytes[to - 1])) {
      to--;
    }
    // A field of blanks alone is empty, where trimmedStart ends: at its end.
    return to == from ? ends[column] : to;
  }

  /** As {@link Cells#isBlank}: the general reader strips spaces and tabs and nothing else. */
  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t';
  }

  /** The trimmed text of a field, for the rare reads that need a String. */
  private String text(int column) {
    int from = trimmedStart(column);
    return new String(bytes, from, trimmedEnd(column) - from, StandardCharsets.ISO_8859_1);
  }

  /** The row's entry, or null if a field is not what the general reader accepts. */
  private RvuEntry entry(RvuFile.Columns c) {
    for (int column : rowColumns) {
      if (quoted[column]) {
        return null;
      }
    }
    ProcedureCode code = code(c.hcpcs);
    Optional<Modifier> modifier = modifier(c.modifier);
    int notUsed = flag(c.notUsed, "+");
    int naNonFacility = flag(c.naNonFacility, "NA");
    int naFacility = flag(c.naFacility, "NA");
    BigDecimal work = decimal(c.work, 2);
    BigDecimal peNonFacility = decimal(c.peNonFacility, 2);
    BigDecimal peFacility = decimal(c.peFacility, 2);
    BigDecimal malpractice = decimal(c.malpractice, 2);
    BigDecimal oppsNonFacility = decimal(c.oppsPeNonFacility, 2);
    BigDecimal oppsFacility = decimal(c.oppsPeFacility, 2);
    BigDecimal oppsMalpractice = decimal(c.oppsMalpractice, 2);
    BigDecimal totalNonFacility = c.totalNonFacility < 0 ? null : decimal(c.totalNonFacility, 2);
    BigDecimal totalFacility = c.totalFacility < 0 ? null : decimal(c.totalFacility, 2);
    PaymentIndicators indicators = indicators(c);
    if (code == null
        || modifier == null
        || notUsed < 0
        || naNonFacility < 0
        || naFacility < 0
        || work == null
        || peNonFacility == null
        || peFacility == null
        || malpractice == null
        || oppsNonFacility == null
        || oppsFacility == null
        || oppsMalpractice == null
        || c.totalNonFacility >= 0 && totalNonFacility == null
        || c.totalFacility >= 0 && totalFacility == null
        || indicators == null) {
      return null;
    }
    try {
      RvuEntry entry =
          RvuEntry.builder()
              .code(code)
              .modifier(modifier)
              .notUsedForMedicarePayment(notUsed == 1)
              .workRvu(work)
              .nonFacilityPeRvu(peNonFacility)
              .nonFacilityNa(naNonFacility == 1)
              .facilityPeRvu(peFacility)
              .facilityNa(naFacility == 1)
              .malpracticeRvu(malpractice)
              .oppsNonFacilityPeRvu(oppsNonFacility)
              .oppsFacilityPeRvu(oppsFacility)
              .oppsMalpracticeRvu(oppsMalpractice)
              .indicators(indicators)
              .build();
      // The general reader refuses such a row, naming its line, and one whose totals are not its
      // RVUs added up, naming the total's column.
      return RvuFile.isPayableWithoutRvus(entry) || !totalsAddUp(c) ? null : entry;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Tells whether the row's totals, where the file has them, are its RVUs added up, as {@code
   * RvuFile.checkTotal} judges them, but in hundredths: adding the {@code BigDecimal}s took a
   * twelfth of the load. False (the general reader decides) also where a value was too long to hold
   * in hundredths.
   */
  private boolean totalsAddUp(RvuFile.Columns c) {
    long work = hundredths[c.work];
    long malpractice = hundredths[c.malpractice];
    return addsUpTo(work, hundredths[c.peNonFacility], malpractice, c.totalNonFacility)
        && addsUpTo(work, hundredths[c.peFacility], malpractice, c.totalFacility);
  }

  private boolean addsUpTo(long work, long pe, long malpractice, int totalColumn) {
    if (totalColumn < 0) {
      return true;
    }
    long total = hundredths[totalColumn];
    return work >= 0
        && pe >= 0
        && malpractice >= 0
        && total >= 0
        && work + pe + malpractice == total;
  }

  /** A strict code, as {@code ProcedureCode.tryParse} reads the trimmed text; null if none. */
  private ProcedureCode code(int column) {
    int from = trimmedStart(column);
    int packed = ProcedureCode.packedOf(slice.of(from, trimmedEnd(column)));
    return packed < 0 ? null : ProcedureCode.ofPacked(packed);
  }

  /** A blank (global), 26, TC or 53 row modifier; null for anything else. */
  private Optional<Modifier> modifier(int column) {
    int from = trimmedStart(column);
    int length = trimmedEnd(column) - from;
    if (length == 0) {
      return Optional.empty();
    }
    if (length != 2) {
      return null;
    }
    byte a = bytes[from];
    byte b = bytes[from + 1];
    if (a == '2' && b == '6') {
      return PROFESSIONAL;
    } else if (a == 'T' && b == 'C') {
      return TECHNICAL;
    } else if (a == '5' && b == '3') {
      return DISCONTINUED;
    }
    return null;
  }

  /** 1 for {@code flag}, 0 for a blank field, -1 for anything else. */
  private int flag(int column, String flag) {
    int from = trimmedStart(column);
    int length = trimmedEnd(column) - from;
    if (length == 0) {
      return 0;
    }
    if (length != flag.length()) {
      return -1;
    }
    for (int i = 0; i < length; i++) {
      if (bytes[from + i] != flag.charAt(i)) {
        return -1;
      }
    }
    return 1;
  }

  /**
   * A non-negative decimal with at most {@code scale} significant decimals, as {@code
   * Cells.decimal} reads it (digits and at most one point, the text's own scale kept); null
   * otherwise.
   */
  private BigDecimal decimal(int column, int scale) {
    int from = trimmedStart(column);
    int to = trimmedEnd(column);
    if (to == from || to - from > 24) {
      return null;
    }
    long unscaled = 0;
    int digits = 0;
    int points = 0;
    int decimalsAfterPoint = 0;
    int trailingZeros = 0;
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b >= '0' && b <= '9') {
        // 17 digits keep the cache key (unscaled * 32 + scale) inside a long.
        if (++digits > 17) {
          return null;
        }
        unscaled = unscaled * 10 + (b - '0');
        if (points == 1) {
          decimalsAfterPoint++;
          trailingZeros = b == '0' ? trailingZeros + 1 : 0;
        }
      } else if (b == '.' && points == 0) {
        points = 1;
      } else {
        return null;
      }
    }
    if (digits == 0 || decimalsAfterPoint - trailingZeros > scale) {
      return null;
    }
    hundredths[column] = hundredths(unscaled, digits, decimalsAfterPoint, trailingZeros);
    return decimals.of(unscaled, decimalsAfterPoint);
  }

  /** A decimal's value in hundredths, or -1 when it has more digits or decimals than that holds. */
  private static long hundredths(long unscaled, int digits, int decimals, int trailingZeros) {
    // 15 digits at most, so that scaling to hundredths and adding four stays inside a long.
    if (digits > 15 || decimals - trailingZeros > 2) {
      return -1;
    }
    // A file's values have two decimals (no arithmetic), some fewer; more, with trailing zeros past
    // the second, only a hand-made file: a division there alone, as it is slow.
    return decimals <= 2 ? unscaled * TO_HUNDREDTHS[decimals] : unscaled / TEN_TO_THE[decimals - 2];
  }

  /**
   * The row's payment indicators: looked up by the raw bytes of their fields, parsed and built only
   * for a combination not seen before in this file (a few hundred in 19,090 rows). The key is the
   * status field and the stretch of the line from the first to the last of the other indicators'
   * columns (adjacent in CMS's layout), commas and any field between included: a key finer than the
   * fields alone, so rows with one key have the same indicators.
   */
  private PaymentIndicators indicators(RvuFile.Columns c) {
    for (int column : indicatorColumns) {
      if (column >= 0 && quoted[column]) {
        return null;
      }
    }
    int statusFrom = starts[c.status];
    int statusLength = ends[c.status] - statusFrom;
    int rangeFrom = starts[firstIndicator];
    int rangeTo = ends[lastIndicator];
    if (statusLength > 100 || rangeTo < rangeFrom) {
      return null;
    }
    int mask = indicatorKeys.length - 1;
    int slot = slot(bytes, statusFrom, statusLength, rangeFrom, rangeTo, mask);
    for (byte[] k = indicatorKeys[slot]; k != null; k = indicatorKeys[slot]) {
      if (k.length == 1 + statusLength + rangeTo - rangeFrom
          && k[0] == statusLength
          && Arrays.equals(k, 1, 1 + statusLength, bytes, statusFrom, statusFrom + statusLength)
          && Arrays.equals(k, 1 + statusLength, k.length, bytes, rangeFrom, rangeTo)) {
        return indicatorValues[slot];
      }
      slot = (slot + 1) & mask;
    }
    PaymentIndicators built = buildIndicators(c);
    if (built == null) {
      return null;
    }
    byte[] k = new byte[1 + statusLength + rangeTo - rangeFrom];
    k[0] = (byte) statusLength;
    System.arraycopy(bytes, statusFrom, k, 1, statusLength);
    System.arraycopy(bytes, rangeFrom, k, 1 + statusLength, rangeTo - rangeFrom);
    indicatorKeys[slot] = k;
    indicatorValues[slot] = built;
    if (++indicatorCount * 2 > indicatorKeys.length) {
      growIndicators();
    }
    return built;
  }

  private void growIndicators() {
    byte[][] oldKeys = indicatorKeys;
    PaymentIndicators[] oldValues = indicatorValues;
    indicatorKeys = new byte[oldKeys.length * 2][];
    indicatorValues = new PaymentIndicators[oldKeys.length * 2];
    int mask = indicatorKeys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      byte[] k = oldKeys[j];
      if (k != null) {
        int slot = slot(k, 1, k[0], 1 + k[0], k.length, mask);
        while (indicatorKeys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        indicatorKeys[slot] = k;
        indicatorValues[slot] = oldValues[j];
      }
    }
  }

  /**
   * The table slot of an indicators key: the status's {@code statusLength} bytes from {@code
   * statusFrom} and the stretch {@code rangeFrom} to {@code rangeTo}, of a line or of a stored key
   * (its length byte, then the same bytes), so that both hash alike.
   */
  private static int slot(
      byte[] b, int statusFrom, int statusLength, int rangeFrom, int rangeTo, int mask) {
    long hash =
        hash(hash(statusLength, b, statusFrom, statusFrom + statusLength), b, rangeFrom, rangeTo);
    return (int) (hash ^ (hash >>> 32) ^ (hash >>> 17)) & mask;
  }

  /**
   * Hashes {@code from} to {@code to} of {@code b} into {@code hash}, eight bytes at a time: the
   * indicators' stretch of a line is about 35 bytes, and a byte at a time, each step waiting on the
   * one before, took a twelfth of the load.
   */
  private static long hash(long hash, byte[] b, int from, int to) {
    long h = hash;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      h = (h ^ (long) EIGHT_BYTES.get(b, i)) * 0x9E3779B97F4A7C15L;
    }
    for (; i < to; i++) {
      h = (h ^ b[i]) * 0x9E3779B97F4A7C15L;
    }
    return h;
  }

  /** Parses the indicators as {@code RvuFile.entry} does; null where it would refuse them. */
  private PaymentIndicators buildIndicators(RvuFile.Columns c) {
    try {
      BigDecimal preOp = share(c.preOp);
      BigDecimal intraOp = share(c.intraOp);
      BigDecimal postOp = share(c.postOp);
      String family = text(c.imagingFamily);
      String supervision = text(c.supervision);
      if (preOp == null
          || intraOp == null
          || postOp == null
          || !RvuFile.sharesMakeThePackage(preOp, intraOp, postOp)
          || family.isEmpty()
          || family.length() > 2
          || !Cells.allDigits(family)
          || !RvuFile.isSupervisionLevel(supervision)) {
        return null;
      }
      Optional<ProcedureCode> endoscopicBase;
      if (trimmedStart(c.endoBase) == trimmedEnd(c.endoBase)) {
        endoscopicBase = Optional.empty();
      } else {
        ProcedureCode base = code(c.endoBase);
        if (base == null) {
          return null;
        }
        endoscopicBase = Optional.of(base);
      }
      Optional<String> pricing =
          c.pricingIndicator < 0 || text(c.pricingIndicator).isEmpty()
              ? Optional.empty()
              : Optional.of(text(c.pricingIndicator));
      PaymentIndicators built =
          PaymentIndicators.builder()
              .status(PaymentStatus.of(single(text(c.status))))
              .pcTc(PcTcIndicator.of(single(text(c.pcTc))))
              .globalPeriod(GlobalPeriod.of(text(c.globalDays)))
              .preOperativeShare(preOp)
              .intraOperativeShare(intraOp)
              .postOperativeShare(postOp)
              .multipleProcedure(MultipleProcedureRule.of(single(text(c.multProc))))
              .bilateral(BilateralRule.of(single(text(c.bilateral))))
              .assistantAtSurgery(AssistantAtSurgery.of(single(text(c.assistant))))
              .coSurgeons(SurgeonsPermission.of(single(text(c.coSurgeons))))
              .teamSurgery(SurgeonsPermission.of(single(text(c.teamSurgery))))
              .endoscopicBase(endoscopicBase)
              .diagnosticImagingFamily(Integer.parseInt(family))
              .physicianSupervision(supervision)
              .pricingIndicator(pricing)
              .build();
      return indicators.computeIfAbsent(built, b -> b);
    } catch (IllegalArgumentException | DateTimeException e) {
      return null;
    }
  }

  private BigDecimal share(int column) {
    BigDecimal share = decimal(column, 2);
    return share == null || share.compareTo(BigDecimal.ONE) > 0 ? null : share;
  }

  private static char single(String text) {
    if (text.length() != 1) {
      throw new IllegalArgumentException(text);
    }
    return text.charAt(0);
  }

  private static int rowIndex(Optional<Modifier> modifier) {
    if (modifier.isEmpty()) {
      return 0;
    }
    Modifier m = modifier.get();
    return m == Modifier.PROFESSIONAL_COMPONENT ? 1 : m == Modifier.TECHNICAL_COMPONENT ? 2 : 3;
  }

  /**
   * One {@code BigDecimal} per distinct unscaled value and scale of one load, in an open-addressing
   * table keyed by {@code unscaled * 32 + scale}: the file repeats a few thousand values over
   * 150,000 fields.
   */
  private static final class Decimals {
    private long[] keys = new long[4096];
    private BigDecimal[] values = new BigDecimal[4096];
    private int size;

    /** Values below 100.00 with two decimals, most of a file's, found without hashing. */
    private final BigDecimal[] hundredths = new BigDecimal[10_000];

    BigDecimal of(long unscaled, int scale) {
      if (scale == 2 && unscaled < hundredths.length) {
        BigDecimal known = hundredths[(int) unscaled];
        if (known == null) {
          known = BigDecimal.valueOf(unscaled, 2);
          hundredths[(int) unscaled] = known;
        }
        return known;
      }
      long k = unscaled * 32 + scale;
      int mask = keys.length - 1;
      int i = Long.hashCode(k * 0x9E3779B97F4A7C15L) & mask;
      while (values[i] != null) {
        if (keys[i] == k) {
          return values[i];
        }
        i = (i + 1) & mask;
      }
      BigDecimal value = BigDecimal.valueOf(unscaled, scale);
      keys[i] = k;
      values[i] = value;
      if (++size * 2 > keys.length) {
        grow();
      }
      return value;
    }

    private void grow() {
      long[] oldKeys = keys;
      BigDecimal[] oldValues = values;
      keys = new long[oldKeys.length * 2];
      values = new BigDecimal[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldValues[j] != null) {
          int i = Long.hashCode(oldKeys[j] * 0x9E3779B97F4A7C15L) & mask;
          while (values[i] != null) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[j];
          values[i] = oldValues[j];
        }
      }
    }
  }

  /** A reusable view of bytes as characters (ISO-8859-1), for the allocation-free code parser. */
  private static final class Latin1Slice implements CharSequence {
    private final byte[] bytes;
    private int from;
    private int to;

    Latin1Slice(byte[] bytes) {
      this.bytes = bytes;
    }

    Latin1Slice of(int start, int end) {
      this.from = start;
      this.to = end;
      return this;
    }

    @Override
    public int length() {
      return to - from;
    }

    @Override
    public char charAt(int index) {
      return (char) (bytes[from + index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return toString().substring(start, end);
    }

    @Override
    public String toString() {
      return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
  }
}
