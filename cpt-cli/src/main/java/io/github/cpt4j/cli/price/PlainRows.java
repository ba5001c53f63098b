package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.text.IsoDate;
import io.github.cpt4j.text.WhiteSpace;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The batch's fast path for plain lines (printable ASCII without a double quote, as {@link
 * io.github.cpt4j.cli.input.CsvRecordReader#nextOrPlain()} hands them on): it reads the known
 * columns of a row straight from the line's bytes, and formats the row's output as bytes.
 *
 * <p>What it buys: the general path made a {@code String} per line and per field, a record and a
 * list per row, and stripped, compared and parsed each cell as text; on a million lines that was a
 * fifth of the batch's CPU. Here the code goes through the packed code with no text copied, units
 * are read as digits, and a context cell (locality, setting, date) is parsed only when its bytes
 * differ from the row before's.
 *
 * <p>It never decides anything the general path would decide differently: it reads only the shapes
 * it knows (see {@link #parse}), and for every other row, every invalid one included, it answers
 * null and the caller takes {@link RowParser#parse} over {@link #fields}, so every reason and
 * message stays the general parser's. A jqwik property checks the two agree on every row the fast
 * path reads.
 */
final class PlainRows {

  private final RowParser general;
  private final PricingDefaults defaults;
  private final Predicate<Locality> knownLocality;
  private final int width;
  private final int code;
  private final int modifiers;
  private final int units;
  private final int locality;
  private final int setting;
  private final int date;
  private final int claim;
  private final int presentAtInduction;
  private final int renderingProvider;
  private final int charge;

  /** Columns the fast path reads only when blank: a value in any of them takes the general path. */
  private final int[] blankOnly;

  /** Where each field of the line being read starts; {@code starts[width]} is past the end + 1. */
  private final int[] starts;

  private final Ascii text = new Ascii();

  // The last context cells read and what they meant, compared by their bytes.
  private final LastCell<Locality> lastLocality = new LastCell<>(this::knownPlace);
  private final LastCell<Setting> lastSetting = new LastCell<>(PlainRows::settingOf);
  private final LastCell<LocalDate> lastDate = new LastCell<>(PlainRows::dateOf);
  private final LastCell<Optional<Npi>> lastProvider = new LastCell<>(PlainRows::providerOf);
  private final Cell lastClaim = new Cell();
  private String lastClaimText = "";

  /** Modifier cells of up to seven bytes, by their bytes packed in a long; open addressing. */
  private final long[] modifierKeys = new long[MODIFIER_SLOTS];

  @SuppressWarnings("unchecked") // an array of a generic type can only be made by a cast
  private final List<Modifier>[] modifierLists = (List<Modifier>[]) new List<?>[MODIFIER_SLOTS];

  private int modifierCells;

  private static final int MODIFIER_SLOTS = 64;

  /**
   * Creates the fast path of {@code general}, which it hands every row it does not read.
   *
   * @param knownLocality whether a well-formed locality is a Medicare payment locality
   */
  PlainRows(
      BatchHeader header,
      PricingDefaults defaults,
      RowParser general,
      Predicate<Locality> knownLocality) {
    this.general = requireNonNull(general, "general");
    this.defaults = requireNonNull(defaults, "defaults");
    this.knownLocality = requireNonNull(knownLocality, "knownLocality");
    this.width = header.size();
    this.code = header.indexOf("code");
    this.modifiers = header.indexOf("modifiers");
    this.units = header.indexOf("units");
    this.locality = header.indexOf("locality");
    this.setting = header.indexOf("setting");
    this.date = header.indexOf("date");
    this.claim = header.indexOf("claim");
    this.presentAtInduction = header.indexOf("present_at_induction");
    this.renderingProvider = header.indexOf("rendering_provider");
    this.charge = header.indexOf("charge");
    this.blankOnly =
        Stream.of("minutes", "zip", "pos", "practitioner", "qualifying_apm")
            .mapToInt(header::indexOf)
            .filter(i -> i >= 0)
            .toArray();
    this.starts = new int[width + 1];
  }

  /** Returns the general parser, which reads every row this one does not. */
  RowParser general() {
    return general;
  }

  /**
   * Cuts a plain line into its fields, as {@link io.github.cpt4j.cli.input.CsvRecordReader} cuts
   * it: at every comma, none dropped.
   */
  static List<String> fields(byte[] bytes, int start, int end) {
    List<String> fields = new ArrayList<>();
    int from = start;
    for (int i = start; i < end; i++) {
      if (bytes[i] == ',') {
        fields.add(new String(bytes, from, i - from, StandardCharsets.ISO_8859_1));
        from = i + 1;
      }
    }
    fields.add(new String(bytes, from, end - from, StandardCharsets.ISO_8859_1));
    return fields;
  }

  /**
   * Tells whether the line can be copied to the output whole ({@link CsvRows#row(String, Outcome,
   * StringBuilder)}): as many fields as the header, none starting a formula (nor the first a
   * comment). Cuts the line into {@link #starts} on the way.
   */
  boolean isWhole(byte[] bytes, int start, int end) {
    int field = 0;
    starts[0] = start;
    if (CsvRows.startsFormula(first(bytes, start, end), true)) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (bytes[i] == ',') {
        if (++field == width) {
          return false;
        }
        starts[field] = i + 1;
        if (i + 1 < end && CsvRows.startsFormula((char) bytes[i + 1], false)) {
          return false;
        }
      }
    }
    starts[width] = end + 1;
    return field == width - 1;
  }

  private static char first(byte[] bytes, int start, int end) {
    return start < end ? (char) bytes[start] : ' ';
  }

  /**
   * Reads the row of a plain line that {@link #isWhole} accepted (and so cut), as {@link
   * RowParser#parse} reads its fields; returns null for a row it does not read, which the caller
   * then gives the general parser.
   *
   * <p>It reads: a code that {@link ProcedureCode#parseLenient(CharSequence, int, int)} reads; a
   * modifier cell the general parser reads; blank units or one to five digits not all zero; a
   * locality cell (the general parser's reading, a known locality) or none with a default locality;
   * a setting cell or none; a date cell of the general parser's reading or none; a {@code
   * present_at_induction} cell that is blank or one of the general parser's yes-or-no words without
   * blanks around it; a {@code rendering_provider} cell that is blank or an NPI without blanks
   * around it; a {@code charge} cell that is blank or plain dollars without blanks around it; and
   * nothing in the columns {@code minutes}, {@code zip}, {@code pos}, {@code practitioner} and
   * {@code qualifying_apm}.
   */
  RowParser.Row parse(byte[] bytes) {
    if (code < 0) {
      return null;
    }
    text.bytes = bytes;
    for (int column : blankOnly) {
      if (length(column) != 0) {
        return null;
      }
    }
    ProcedureCode procedure;
    try {
      procedure = ProcedureCode.parseLenient(text, from(code), to(code));
    } catch (CodeFormatException | IndexOutOfBoundsException e) {
      return null;
    }
    List<Modifier> modifierList = modifierCell(bytes);
    int unitCount = units(bytes);
    if (modifierList == null || unitCount < 1) {
      return null;
    }
    Setting choice;
    Optional<PlaceOfService> placeOfService = Optional.empty();
    if (length(setting) == 0) {
      choice = defaults.setting();
      placeOfService = defaults.place();
    } else {
      choice = choice(bytes);
      if (choice == null) {
        return null;
      }
    }
    int induction = presentAtInduction(bytes);
    if (induction < 0) {
      return null;
    }
    Optional<Npi> provider = Optional.empty();
    if (length(renderingProvider) != 0) {
      provider = lastProvider.read(bytes, from(renderingProvider), to(renderingProvider));
      if (provider == null) {
        return null;
      }
    }
    Optional<BigDecimal> billedCharge = Optional.empty();
    if (charge >= 0 && length(charge) != 0) {
      billedCharge = charge(bytes);
      if (billedCharge == null) {
        return null;
      }
    }
    LocalDate serviceDate;
    boolean undated = length(date) == 0;
    if (undated) {
      serviceDate = defaults.date();
    } else {
      serviceDate = serviceDate(bytes);
      if (serviceDate == null) {
        return null;
      }
    }
    // After the date: a default ZIP code places a row by the ZIP code file of its date.
    Locality place = place(bytes, serviceDate);
    if (place == null) {
      return null;
    }
    if (undated) {
      general.countUndated();
    }
    general.noteProvider(provider);
    return RowParser.valid(
        new LineRequest(
            ClaimLine.of(procedure, modifierList, unitCount),
            place,
            choice,
            serviceDate,
            defaults.beneficiaryZip(),
            defaults.practitionerOf(provider),
            defaults.qualifyingApm(),
            placeOfService,
            induction == 1,
            provider,
            billedCharge),
        claim(bytes),
        length(locality) == 0 && general.placesByDefaultZip() && general.defaultZipSplit());
  }

  private int from(int column) {
    return starts[column];
  }

  private int to(int column) {
    return starts[column + 1] - 1;
  }

  /** The length of a column's cell, 0 for a column the header does not have. */
  private int length(int column) {
    return column < 0 ? 0 : to(column) - from(column);
  }

  private String string(byte[] bytes, int column) {
    return new String(bytes, from(column), length(column), StandardCharsets.ISO_8859_1);
  }

  /** The cell's modifiers, or null to take the general path. */
  private List<Modifier> modifierCell(byte[] bytes) {
    int n = length(modifiers);
    if (n == 0) {
      return ImmutableList.of();
    }
    if (n > 7) {
      try {
        return general.modifierCell(string(bytes, modifiers));
      } catch (CodeFormatException e) {
        return null;
      }
    }
    long key = n;
    for (int i = from(modifiers), end = to(modifiers); i < end; i++) {
      key = key << 8 | bytes[i];
    }
    int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & (MODIFIER_SLOTS - 1);
    while (modifierLists[slot] != null) {
      if (modifierKeys[slot] == key) {
        return modifierLists[slot];
      }
      slot = (slot + 1) & (MODIFIER_SLOTS - 1);
    }
    List<Modifier> list;
    try {
      list = general.modifierCell(string(bytes, modifiers));
    } catch (CodeFormatException e) {
      return null;
    }
    if (modifierCells < MODIFIER_SLOTS / 2) {
      modifierCells++;
      modifierKeys[slot] = key;
      modifierLists[slot] = list;
    }
    return list;
  }

  /** Blank units are 1; else one to five digits, not all zero; -1 to take the general path. */
  private int units(byte[] bytes) {
    int n = length(units);
    if (n == 0) {
      return 1;
    }
    if (n > 5) {
      return -1;
    }
    int value = 0;
    for (int i = from(units), end = to(units); i < end; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /**
   * The charge cell's dollars, read from its bytes as {@link RowParser#charge} reads them: one to
   * twelve digits, then optionally a point and one or two digits; null for any other cell (a cell
   * starting with its point, blanks around it, leading zeros past twelve digits), which the general
   * parser then reads or refuses.
   */
  private Optional<BigDecimal> charge(byte[] bytes) {
    int at = from(charge);
    int end = to(charge);
    long cents = 0;
    int whole = 0;
    while (at < end && bytes[at] >= '0' && bytes[at] <= '9' && whole < 12) {
      cents = cents * 10 + bytes[at++] - '0';
      whole++;
    }
    int fraction = 0;
    if (whole > 0 && at < end && bytes[at] == '.') {
      at++;
      while (at < end && bytes[at] >= '0' && bytes[at] <= '9' && fraction < 2) {
        cents = cents * 10 + bytes[at++] - '0';
        fraction++;
      }
    }
    if (whole == 0 || at != end) {
      return null;
    }
    for (; fraction < 2; fraction++) {
      cents *= 10;
    }
    return Optional.of(BigDecimal.valueOf(cents, 2));
  }

  /**
   * The row's known locality: its locality cell's, or without one the default ZIP code's on {@code
   * date} or the default locality; null when there is none (the general parser then says why).
   */
  private Locality place(byte[] bytes, LocalDate date) {
    if (length(locality) != 0) {
      return lastLocality.read(bytes, from(locality), to(locality));
    }
    return general.placesByDefaultZip()
        ? general.defaultZipLocality(date)
        : defaults.locality().orElse(null);
  }

  /**
   * The present_at_induction cell as {@link RowParser#yesOrNo} reads it, from its bytes and without
   * a copy, since a batch may fill it on every row: 1 for yes, 0 for no, the defaults' for a blank
   * cell or no column, -1 for any other cell (blanks around a word included), which the general
   * parser then reads or refuses.
   */
  private int presentAtInduction(byte[] bytes) {
    int n = length(presentAtInduction);
    if (n == 0) {
      return defaults.presentAtInduction() ? 1 : 0;
    }
    int at = from(presentAtInduction);
    return switch (n) {
      case 1 ->
          is(bytes, at, "y") || is(bytes, at, "1")
              ? 1
              : is(bytes, at, "n") || is(bytes, at, "0") ? 0 : -1;
      case 2 -> is(bytes, at, "no") ? 0 : -1;
      case 3 -> is(bytes, at, "yes") ? 1 : -1;
      case 4 -> is(bytes, at, "true") ? 1 : -1;
      case 5 -> is(bytes, at, "false") ? 0 : -1;
      default -> -1;
    };
  }

  /** Whether the bytes at {@code at} spell {@code word} (lower case ASCII), ignoring case. */
  private static boolean is(byte[] bytes, int at, String word) {
    for (int i = 0; i < word.length(); i++) {
      int b = bytes[at + i];
      if ((b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private Setting choice(byte[] bytes) {
    return lastSetting.read(bytes, from(setting), to(setting));
  }

  private LocalDate serviceDate(byte[] bytes) {
    return lastDate.read(bytes, from(date), to(date));
  }

  /** A locality cell's known locality, or null (as the general parser reads it). */
  private Locality knownPlace(String cell) {
    try {
      Locality place = WhiteSpace.isBlank(cell) ? null : Locality.parse(cell);
      return place != null && knownLocality.test(place) ? place : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Setting settingOf(String cell) {
    try {
      return WhiteSpace.isBlank(cell) ? null : Settings.parse(cell);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * A rendering provider cell's NPI, or null for any other cell (blanks around an NPI included),
   * which the general parser then reads or refuses: one {@code Optional} per NPI read, shared by
   * its rows.
   */
  private static Optional<Npi> providerOf(String cell) {
    Optional<Npi> npi = Npi.tryParse(cell);
    return npi.isPresent() ? npi : null;
  }

  private static LocalDate dateOf(String cell) {
    try {
      return WhiteSpace.isBlank(cell) ? null : IsoDate.parse(WhiteSpace.strip(cell));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The claim cell without the blanks around it: rows of one claim share one string. */
  private String claim(byte[] bytes) {
    if (claim < 0) {
      return "";
    }
    int start = from(claim);
    int end = to(claim);
    while (start < end && bytes[start] == ' ') {
      start++;
    }
    while (end > start && bytes[end - 1] == ' ') {
      end--;
    }
    if (!lastClaim.matches(bytes, start, end)) {
      lastClaim.set(bytes, start, end);
      lastClaimText = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }
    return lastClaimText;
  }

  /**
   * A context cell read last and what it meant: rows of a batch mostly repeat their locality,
   * setting and date, so a cell is parsed only when its bytes differ from the row before's. A cell
   * that differs is looked up by its bytes among those read before, up to {@link #SLOTS} / 2 of
   * them: a whole batch has a few hundred distinct context cells (its localities, settings and
   * dates), and parsing each anew took a {@code String}, a parse and a lookup on every claim (the
   * 10,000,000-line benchmark's claims change all three every three lines).
   */
  private static final class LastCell<T> {
    /** Slots of the table of cells read before; a power of two, at most half of them used. */
    private static final int SLOTS = 1 << 10;

    /** The longest cell kept in the table: two {@code long}s of bytes. */
    private static final int LONGEST = 16;

    private final Cell bytes = new Cell();
    private final Function<String, T> meaning;
    private T value;

    // Open addressing: a cell's bytes as two little-endian longs and its length (0: empty slot).
    private final long[] lows = new long[SLOTS];
    private final long[] highs = new long[SLOTS];
    private final byte[] lengths = new byte[SLOTS];
    private final Object[] meanings = new Object[SLOTS];
    private int size;

    /** {@code meaning} returns null for a cell that the fast path leaves to the general parser. */
    LastCell(Function<String, T> meaning) {
      this.meaning = meaning;
    }

    /** The meaning of the cell from {@code start} to {@code end}, or null. */
    T read(byte[] line, int start, int end) {
      if (!bytes.matches(line, start, end)) {
        T read = known(line, start, end);
        if (read == null) {
          bytes.clear();
          return null;
        }
        bytes.set(line, start, end);
        value = read;
      }
      return value;
    }

    /** The meaning of a cell, from the table of those read before or parsed (and then kept). */
    @SuppressWarnings("unchecked") // meanings holds only values of meaning
    private T known(byte[] line, int start, int end) {
      int length = end - start;
      if (length == 0 || length > LONGEST) {
        return parse(line, start, end);
      }
      long low = bytesOf(line, start, Math.min(end, start + 8));
      long high = length > 8 ? bytesOf(line, start + 8, end) : 0;
      int slot = slotOf(low, high, length);
      while (lengths[slot] != 0) {
        if (lengths[slot] == length && lows[slot] == low && highs[slot] == high) {
          return (T) meanings[slot];
        }
        slot = (slot + 1) & (SLOTS - 1);
      }
      T read = parse(line, start, end);
      // Cells that mean nothing are not kept: the general parser reads them and says why.
      if (read != null && size < SLOTS / 2) {
        lows[slot] = low;
        highs[slot] = high;
        lengths[slot] = (byte) length;
        meanings[slot] = read;
        size++;
      }
      return read;
    }

    private T parse(byte[] line, int start, int end) {
      return meaning.apply(new String(line, start, end - start, StandardCharsets.ISO_8859_1));
    }

    private static long bytesOf(byte[] line, int start, int end) {
      long packed = 0;
      for (int i = end - 1; i >= start; i--) {
        packed = packed << 8 | (line[i] & 0xFF);
      }
      return packed;
    }

    private static int slotOf(long low, long high, int length) {
      long mixed = (low * 0x9E3779B97F4A7C15L ^ high) * 0xC2B2AE3D27D4EB4FL + length;
      return (int) (mixed >>> 54); // the top 10 bits: SLOTS
    }
  }

  /** The bytes of a cell last read, to tell whether the next row repeats it. */
  private static final class Cell {
    private byte[] bytes = new byte[16];
    private int length = -1;

    boolean matches(byte[] other, int start, int end) {
      return length == end - start && Arrays.equals(bytes, 0, length, other, start, end);
    }

    void set(byte[] other, int start, int end) {
      if (end - start > bytes.length) {
        bytes = new byte[end - start];
      }
      System.arraycopy(other, start, bytes, 0, end - start);
      length = end - start;
    }

    void clear() {
      length = -1;
    }
  }

  /** The line's bytes as characters, for the code parser: every byte of a plain line is ASCII. */
  private static final class Ascii implements CharSequence {
    byte[] bytes;

    @Override
    public int length() {
      return bytes.length;
    }

    @Override
    public char charAt(int index) {
      return (char) bytes[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }
}
