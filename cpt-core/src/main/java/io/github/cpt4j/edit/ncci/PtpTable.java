package io.github.cpt4j.edit.ncci;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.index.PackedIndex;
import io.github.cpt4j.text.ControlCharacters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, thread-safe table of procedure-to-procedure edits, such as one quarter of CMS's
 * practitioner PTP files (all parts together, about two million rows) or of the outpatient hospital
 * ones. Finding the edit of a pair of codes never scans the table and never allocates.
 *
 * <pre>{@code
 * PtpTable table = PtpTable.builder()
 *     .add(new PtpEdit(CptCode.parse("27447"), CptCode.parse("20610"), false,
 *         LocalDate.of(2002, 1, 1), Optional.empty(), PtpModifierIndicator.ALLOWED,
 *         "Standards of medical/surgical practice"))
 *     .build();
 * Optional<PtpEdit> edit = table.find(CptCode.parse("27447"), CptCode.parse("20610"),
 *     LocalDate.of(2025, 6, 2));
 * }</pre>
 *
 * <p>Layout: the rows are sorted by the pair key (column 1's packed code, then column 2's, as in
 * one {@code long}); the column 1 half of the key is stored once per column 1 code, in a {@link
 * PackedIndex} pointing at the code's run of rows, and the column 2 half once per row in an {@code
 * int[]}. Dates are days since 1970-01-01 in {@code char}s (through 2149-06-05), the modifier
 * indicator, the 1996 flag and the rationale (one of a few distinct texts) share another {@code
 * char}: ten bytes a row. A lookup is a hash probe and a binary search within the column 1 code's
 * run, typically a few hundred rows in one or two pages.
 *
 * <p>A pair may have several rows (an edit deleted and later added again, as CMS's files keep the
 * deleted row with its deletion date). On a date of service, {@link #find} returns the row active
 * on it. Two rows of a pair in force on a common day (the same row twice, or another indicator for
 * the same dates) are refused by {@link Builder#build()}, which names the pair and both rows: the
 * table would answer with one of them in silence. A loader finds them first ({@link
 * Builder#overlap}) to name their files and lines, as {@code PtpFile} does. A withdrawn row
 * (indicator 9, or deleted on its effective date) is never in force and overlaps nothing.
 *
 * <p>The practitioner and the outpatient hospital tables pair different codes, so a table says
 * which kind of claims it is for ({@link #claimType()}), when it is known: {@code PtpFile} reads it
 * from CMS's file names ({@code ccipra-...} or {@code ccioph-...}). A table built by hand leaves it
 * unstated until {@link #withClaimType} says it, rather than assuming the practitioner table.
 *
 * <p>A quarter's files know the edits up to that quarter: CMS adds and deletes pairs every quarter,
 * and keeps the rows of deleted edits with their deletion dates. A table that knows its quarter
 * ({@link #effective()}, which {@code PtpFile} reads from the release in CMS's file names, {@code
 * v322r0} being version 32.2, July to September 2026) judges any date up to the end of that quarter
 * by its rows' own dates; for a later date it can miss the edits CMS added since, and {@link
 * PtpClaimEdit} flags such lines ({@link #knowsEditsOn}). A table built by hand does not know its
 * quarter until {@link #withEffective} says it, and is taken to know every date.
 */
public final class PtpTable {

  /** The deletion day of an edit without a deletion date ({@code *} in the file). */
  static final int NO_DELETION = Character.MAX_VALUE;

  /**
   * The most distinct rationale texts a table holds, 8,192: a row keeps its rationale's number in
   * 13 bits. CMS's tables have a few dozen.
   */
  public static final int MAX_RATIONALES = 1 << 13;

  /** The most rows a builder makes room for before any is added, whatever the hint. */
  private static final int MAX_INITIAL_CAPACITY = 1 << 22;

  private static final int INDICATOR_MASK = 0b11;
  private static final int PRIOR_1996 = 0b100;
  private static final int RATIONALE_SHIFT = 3;
  private static final PtpModifierIndicator[] INDICATORS = PtpModifierIndicator.values();

  /**
   * At least 16 bits per row (a power of two in all, at least 64: 16 to 32 a row in a large table),
   * one set for every pair in the table; see {@link #mayHold}.
   */
  private final long[] filter;

  private final int filterShift;
  private final PackedIndex column1Index;
  private final int[] column1Codes;
  private final int[] starts;
  private final int[] column2;
  private final char[] effective;
  private final char[] deletion;
  private final char[] attributes;
  private final String[] rationales;

  /** The kind of claims the table is for, or null when it does not say. */
  private final NcciClaimType claimType;

  /** The first day the table is in force, or null when it does not say. */
  private final LocalDate quarterStart;

  /** The last day of that quarter, or null. */
  private final LocalDate quarterEnd;

  private PtpTable(
      int[] column1Codes,
      int[] starts,
      int[] column2,
      char[] effective,
      char[] deletion,
      char[] attributes,
      String[] rationales) {
    this.column1Index = PackedIndex.of(column1Codes);
    int bits = Math.max(64, Integer.highestOneBit(Math.max(1, column2.length) * 16 - 1) << 1);
    this.filter = new long[bits >>> 6];
    this.filterShift = 64 - Integer.numberOfTrailingZeros(bits);
    for (int group = 0; group < column1Codes.length; group++) {
      for (int row = starts[group]; row < starts[group + 1]; row++) {
        long bit = bit(column1Codes[group], column2[row]);
        filter[(int) (bit >>> 6)] |= 1L << bit;
      }
    }
    this.column1Codes = column1Codes;
    this.starts = starts;
    this.column2 = column2;
    this.effective = effective;
    this.deletion = deletion;
    this.attributes = attributes;
    this.rationales = rationales;
    this.claimType = null;
    this.quarterStart = null;
    this.quarterEnd = null;
  }

  /**
   * The rows of {@code rows}, shared, for {@code claimType} of claims (or null), of the quarter
   * starting on {@code effective} (or null).
   */
  private PtpTable(PtpTable rows, NcciClaimType claimType, LocalDate effective) {
    this.filter = rows.filter;
    this.filterShift = rows.filterShift;
    this.column1Index = rows.column1Index;
    this.column1Codes = rows.column1Codes;
    this.starts = rows.starts;
    this.column2 = rows.column2;
    this.effective = rows.effective;
    this.deletion = rows.deletion;
    this.attributes = rows.attributes;
    this.rationales = rows.rationales;
    this.claimType = claimType;
    this.quarterStart = effective;
    this.quarterEnd = effective == null ? null : Quarter.of(effective).lastDay();
  }

  /** {@return a builder of a table} */
  public static Builder builder() {
    return new Builder(1024);
  }

  /**
   * {@return a builder of a table of about {@code expectedRows} rows (a capacity hint: the builder
   * starts with room for at most 4,194,304 rows, about twice a quarter's practitioner table, and
   * grows)}
   *
   * @param expectedRows about how many rows will be added; a hint, not a limit
   */
  public static Builder builder(int expectedRows) {
    // A hint is no promise: sized as asked, a huge one failed with an OutOfMemoryError.
    return new Builder(Math.min(Math.max(16, expectedRows), MAX_INITIAL_CAPACITY));
  }

  /**
   * {@return the kind of claims the table is for (practitioner or outpatient hospital services),
   * when known: empty for a table built by hand and not given one by {@link #withClaimType}}
   */
  public Optional<NcciClaimType> claimType() {
    return Optional.ofNullable(claimType);
  }

  /**
   * Returns the same rows (shared, not copied) for {@code type} of claims.
   *
   * @param type the kind of claims the edits are for
   * @return a table of the same rows for {@code type} of claims
   * @throws IllegalArgumentException if {@code type} is one CMS publishes no procedure-to-procedure
   *     edits for ({@link NcciClaimType#hasPtpEdits()}: DME supplier services)
   */
  public PtpTable withClaimType(NcciClaimType type) {
    requireNonNull(type, "type");
    if (!type.hasPtpEdits()) {
      throw new IllegalArgumentException(
          "CMS publishes no procedure-to-procedure edits for "
              + type.words()
              + ": only for practitioner and outpatient hospital services");
    }
    return new PtpTable(this, type, quarterStart);
  }

  /**
   * Returns the first day the table is in force, when known: {@code PtpFile} reads it from the
   * release in CMS's file names ({@code ccipra-v322r0-f1.txt}: version 32.2, effective 2026-07-01,
   * the first day of its quarter), and {@link #withEffective} takes any day. The table knows the
   * edits through the end of that day's quarter ({@link #lastDay()}).
   *
   * @return the first day in force, or empty when the table does not know its quarter
   */
  public Optional<LocalDate> effective() {
    return Optional.ofNullable(quarterStart);
  }

  /**
   * Returns the same rows (shared, not copied), for the same kind of claims, as the files of the
   * quarter of {@code date}, which is their first day in force: the table knows the edits through
   * the end of that quarter.
   *
   * @param date the first day the edits are in force, any day of their quarter
   * @return a table of the same rows, knowing its quarter
   * @throws IllegalArgumentException if the date's year is not 1-9999, the years of a {@link
   *     Quarter}
   */
  public PtpTable withEffective(LocalDate date) {
    requireNonNull(date, "date");
    if (date.getYear() < 1 || date.getYear() > 9999) {
      throw new IllegalArgumentException(
          "a PTP table's effective date is of a year 1-9999, not " + date);
    }
    return new PtpTable(this, claimType, date);
  }

  /**
   * {@return the last day of the table's quarter, the last date whose edits it knows, when its
   * effective date is known}
   */
  public Optional<LocalDate> lastDay() {
    return Optional.ofNullable(quarterEnd);
  }

  /**
   * Tells whether the table knows the edits in force on {@code date}: any date through the end of
   * its quarter, earlier quarters included (the rows' own effective and deletion dates say which
   * edits were in force then), and every date when it does not know its quarter. A later date may
   * have edits CMS added after the table's quarter. Does not allocate.
   *
   * @param date a date of service
   * @return true if {@code date} is not after the end of the table's quarter, or the table does not
   *     know its quarter
   */
  public boolean knowsEditsOn(LocalDate date) {
    requireNonNull(date, "date");
    return quarterEnd == null || !date.isAfter(quarterEnd);
  }

  /** Tells whether the table knows its quarter: the claim edit's test, without an Optional. */
  boolean knowsItsQuarter() {
    return quarterStart != null;
  }

  /** {@return the number of rows, withdrawn and deleted edits included} */
  public int size() {
    return column2.length;
  }

  /**
   * {@return the edit of {@code column1} over {@code column2} active on {@code dateOfService}, or
   * empty when there is none (never, deleted, withdrawn, or not yet in effect)}
   *
   * @param column1 the code that is paid, the column 1 code
   * @param column2 the code that is denied, the column 2 code
   * @param dateOfService the date the services were furnished
   */
  public Optional<PtpEdit> find(
      ProcedureCode column1, ProcedureCode column2, LocalDate dateOfService) {
    requireNonNull(column1, "column1");
    requireNonNull(column2, "column2");
    int row = activeRow(column1.packed(), column2.packed(), day(dateOfService));
    return row < 0 ? Optional.empty() : Optional.of(edit(row));
  }

  /**
   * {@return every row of the pair {@code column1} over {@code column2}, in effective order}
   *
   * @param column1 the column 1 code
   * @param column2 the column 2 code
   */
  public ImmutableList<PtpEdit> edits(ProcedureCode column1, ProcedureCode column2) {
    requireNonNull(column1, "column1");
    requireNonNull(column2, "column2");
    int group = column1Index.positionOf(column1.packed());
    if (group < 0) {
      return ImmutableList.of();
    }
    int code = column2.packed();
    List<PtpEdit> rows = new ArrayList<>();
    for (int row = firstRow(group, code);
        row < starts[group + 1] && this.column2[row] == code;
        row++) {
      rows.add(edit(row));
    }
    rows.sort((a, b) -> a.effective().compareTo(b.effective()));
    return ImmutableList.copyOf(rows);
  }

  /** {@return the number of distinct column 1 codes} */
  public int column1Codes() {
    return column1Codes.length;
  }

  /** The day a lookup compares with the stored dates: days since 1970, within the char range. */
  static int day(LocalDate dateOfService) {
    long day = requireNonNull(dateOfService, "dateOfService").toEpochDay();
    // Every stored date is within [0, NO_DELETION - 1], so clamping to [-1, NO_DELETION] changes no
    // answer: a later date is after every deletion stored (2149-06-05 included) and within an
    // edit that has none.
    return (int) Math.max(-1, Math.min(NO_DELETION, day));
  }

  /**
   * Returns the row of the pair active on {@code day} (see {@link #day}), or -1: the hot path of
   * the claim edit, allocation-free.
   */
  int activeRow(int column1Code, int column2Code, int day) {
    if (!mayHold(column1Code, column2Code)) {
      return -1;
    }
    int group = column1Index.positionOf(column1Code);
    return group < 0 ? -1 : activeRowInGroup(group, column2Code, day);
  }

  /**
   * Tells whether the table may hold the pair: false means it certainly does not. A one-bit filter
   * (16 bits per row, about 6% false positives) answers most pairs of a claim, which are no edit,
   * with one read, before the hash probe and the binary search.
   */
  boolean mayHold(int column1Code, int column2Code) {
    long bit = bit(column1Code, column2Code);
    return (filter[(int) (bit >>> 6)] & 1L << bit) != 0;
  }

  /** The filter bit of a pair: the pair key, mixed (Fibonacci hashing), its top bits. */
  private long bit(int column1Code, int column2Code) {
    long key = (long) column1Code << 32 | column2Code;
    return (key * 0x9E3779B97F4A7C15L) >>> filterShift;
  }

  /** As {@link #activeRow}, within the run {@code group} of a column 1 code. */
  int activeRowInGroup(int group, int column2Code, int day) {
    int end = starts[group + 1];
    // At most one row of a pair is in force on a day: the builder refuses rows that overlap.
    for (int row = firstRow(group, column2Code); row < end && column2[row] == column2Code; row++) {
      int from = effective[row];
      int to = deletion[row];
      PtpModifierIndicator indicator = INDICATORS[attributes[row] & INDICATOR_MASK];
      // Active from the effective date through the deletion date; a deletion on the effective
      // date, or indicator 9, means the edit was withdrawn and never applies.
      if (from <= day
          && day <= to
          && from != to
          && indicator != PtpModifierIndicator.NOT_APPLICABLE) {
        return row;
      }
    }
    return -1;
  }

  /**
   * Returns the first row of column 1 run {@code group} whose column 2 code is at least {@code
   * column2Code} (a binary search of the run), possibly the run's end.
   */
  private int firstRow(int group, int column2Code) {
    int base = starts[group];
    int length = starts[group + 1] - base;
    int[] keys = column2;
    // A lower bound whose loop has no data-dependent branch (the JIT emits a conditional move):
    // runs are a few hundred rows, and mispredicted branches would dominate.
    while (length > 1) {
      int half = length >>> 1;
      base = keys[base + half] < column2Code ? base + half : base;
      length -= half;
    }
    return length == 1 && keys[base] < column2Code ? base + 1 : base;
  }

  /** Returns the effective date of {@code row}, as days since 1970-01-01. */
  int effectiveDay(int row) {
    return effective[row];
  }

  /** Returns the modifier indicator of {@code row}. */
  PtpModifierIndicator indicator(int row) {
    return INDICATORS[attributes[row] & INDICATOR_MASK];
  }

  /** Materializes {@code row}. */
  PtpEdit edit(int row) {
    int group = Arrays.binarySearch(starts, row);
    if (group < 0) {
      group = -group - 2;
    }
    int attribute = attributes[row];
    return edit(
        column1Codes[group],
        column2[row],
        effective[row],
        deletion[row],
        attribute,
        rationales[attribute >>> RATIONALE_SHIFT]);
  }

  /** The edit of a row's fields as the table and its builder keep them. */
  private static PtpEdit edit(
      int column1, int column2, int effective, int deletion, int attribute, String rationale) {
    return new PtpEdit(
        ProcedureCode.ofPacked(column1),
        ProcedureCode.ofPacked(column2),
        (attribute & PRIOR_1996) != 0,
        LocalDate.ofEpochDay(effective),
        deletion == NO_DELETION ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(deletion)),
        INDICATORS[attribute & INDICATOR_MASK],
        rationale);
  }

  static String yyyymmdd(LocalDate date) {
    return String.format(
        java.util.Locale.ROOT,
        "%04d%02d%02d",
        date.getYear(),
        date.getMonthValue(),
        date.getDayOfMonth());
  }

  @Override
  public String toString() {
    return "PtpTable["
        + size()
        + " rows"
        + (claimType == null ? "" : " of " + claimType.words())
        + ", "
        + column1Codes.length
        + " column 1 codes"
        + (quarterStart == null ? "" : ", edits through " + quarterEnd)
        + "]";
  }

  /**
   * Builds a {@link PtpTable} from rows in any order; several files (the parts of one quarter's
   * practitioner table) go into one builder. Not thread-safe.
   */
  public static final class Builder {
    private int size;
    private int[] column1;
    private int[] column2;
    private char[] effective;
    private char[] deletion;
    private char[] attributes;
    private final Map<String, Integer> rationaleIds = new HashMap<>();
    private final List<String> rationales = new ArrayList<>();
    private boolean sorted = true;
    private long lastKey = -1;

    /** The pair order of the rows added, once worked out for {@link #overlap}; null until then. */
    private int[] order;

    /** Whether {@link #overlap} found none in the rows added so far: build need not look again. */
    private boolean overlapFree;

    private Builder(int capacity) {
      column1 = new int[capacity];
      column2 = new int[capacity];
      effective = new char[capacity];
      deletion = new char[capacity];
      attributes = new char[capacity];
    }

    /**
     * Adds {@code edit}.
     *
     * @param edit the row to add
     * @return this builder
     * @throws IllegalArgumentException as {@link #addPacked} does, for a table that would hold more
     *     than 8,192 distinct rationales or a date after 2149-06-05
     */
    public Builder add(PtpEdit edit) {
      requireNonNull(edit, "edit");
      return addPacked(
          edit.column1().packed(),
          edit.column2().packed(),
          edit.inExistencePriorTo1996(),
          edit.effective().toEpochDay(),
          edit.deletion().map(LocalDate::toEpochDay).orElse(-1L),
          edit.modifierIndicator(),
          edit.rationale());
    }

    /**
     * Adds a row given by the packed forms of its codes ({@link ProcedureCode#packed()}) and its
     * dates as days since 1970-01-01: the allocation-free path of loaders.
     *
     * @param column1Code the column 1 code, packed
     * @param column2Code the column 2 code, packed
     * @param inExistencePriorTo1996 the file's {@code *} flag
     * @param effectiveDay the effective date's day
     * @param deletionDay the deletion date's day, or -1 when the edit has none
     * @param indicator whether an NCCI-associated modifier may bypass the edit
     * @param rationale why the edit exists, as the file states it
     * @return this builder
     * @throws IllegalArgumentException if a code is not a packed code, the two codes are one, a
     *     date is before 1970 or after 2149-06-05, the deletion is before the effective date, the
     *     indicator is 9 on an edit not deleted on its effective date, the rationale holds a
     *     control character (as {@link PtpEdit} refuses them; a text is checked the first time it
     *     is added), or the table would hold more than 8,192 distinct rationales; a code or a date
     *     refused is named with the row's place among those added ({@code the PTP edit 99213/36415,
     *     row 2 of those added: ...})
     */
    public Builder addPacked(
        int column1Code,
        int column2Code,
        boolean inExistencePriorTo1996,
        long effectiveDay,
        long deletionDay,
        PtpModifierIndicator indicator,
        String rationale) {
      checkCode(column1Code, 1);
      checkCode(column2Code, 2);
      requireNonNull(indicator, "indicator");
      requireNonNull(rationale, "rationale");
      if (column1Code == column2Code) {
        throw new IllegalArgumentException(PtpEdit.selfPair(ProcedureCode.ofPacked(column1Code)));
      }
      // The row named by its pair and place: of a table built from millions of rows, the
      // refusal of a date alone did not say which row to look at.
      checkDay(effectiveDay, "effective", column1Code, column2Code);
      if (deletionDay != -1) {
        checkDay(deletionDay, "deletion", column1Code, column2Code);
        if (deletionDay < effectiveDay) {
          throw new IllegalArgumentException(
              rowOf(column1Code, column2Code)
                  + "the deletion date "
                  + LocalDate.ofEpochDay(deletionDay)
                  + " is before the effective date "
                  + LocalDate.ofEpochDay(effectiveDay));
        }
      }
      if (indicator == PtpModifierIndicator.NOT_APPLICABLE && deletionDay != effectiveDay) {
        // As PtpEdit refuses it: an edit in force taken as withdrawn would never apply.
        throw new IllegalArgumentException(
            PtpEdit.notApplicable(
                ProcedureCode.ofPacked(column1Code),
                ProcedureCode.ofPacked(column2Code),
                LocalDate.ofEpochDay(effectiveDay),
                deletionDay == -1 ? null : LocalDate.ofEpochDay(deletionDay)));
      }
      Integer id = rationaleIds.get(rationale);
      if (id == null) {
        // Checked as PtpEdit checks it, but once per distinct text: the rows repeating a text
        // held cost no more than before, and a refused text is never held.
        String problem = ControlCharacters.problemOf(rationale);
        if (problem != null) {
          throw new IllegalArgumentException(
              PtpEdit.badRationale(
                  ProcedureCode.ofPacked(column1Code),
                  ProcedureCode.ofPacked(column2Code),
                  problem));
        }
        if (rationales.size() == MAX_RATIONALES) {
          throw new IllegalArgumentException(tooManyRationales(rationale));
        }
        id = rationales.size();
        rationaleIds.put(rationale, id);
        rationales.add(rationale);
      }
      if (size == column2.length) {
        grow();
      }
      long key = (long) column1Code << 32 | column2Code;
      order = null;
      overlapFree = false;
      if (key < lastKey) {
        sorted = false;
      }
      lastKey = key;
      column1[size] = column1Code;
      column2[size] = column2Code;
      effective[size] = (char) effectiveDay;
      deletion[size] = (char) (deletionDay == -1 ? NO_DELETION : deletionDay);
      attributes[size] =
          (char)
              (indicator.ordinal()
                  | (inExistencePriorTo1996 ? PRIOR_1996 : 0)
                  | id << RATIONALE_SHIFT);
      size++;
      return this;
    }

    /**
     * Tells whether a row of {@code rationale} can be added as far as the rationales go: the
     * builder holds the text already, or fewer than {@link #MAX_RATIONALES} distinct ones. A loader
     * asks before it adds a text new to it, to refuse the row at its rationale field.
     *
     * @param rationale the row's rationale
     * @return true if a row of {@code rationale} can be added
     */
    public boolean hasRoomFor(String rationale) {
      requireNonNull(rationale, "rationale");
      return rationales.size() < MAX_RATIONALES || rationaleIds.containsKey(rationale);
    }

    /** The refusal of a rationale beyond the {@link #MAX_RATIONALES} distinct ones held. */
    private static String tooManyRationales(String rationale) {
      return String.format(
          java.util.Locale.ROOT,
          "a PTP table holds at most %,d distinct rationale texts, and the rows added have as many"
              + " already: the rationale \"%s\" would be one more",
          MAX_RATIONALES,
          rationale);
    }

    /**
     * Refuses a packed code of no code, naming the row about to be added and its {@code column}.
     */
    private void checkCode(int packed, int column) {
      try {
        ProcedureCode.ofPacked(packed);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "row " + (size + 1) + " of those added, column " + column + ": " + e.getMessage(), e);
      }
    }

    /** How a refusal names the row about to be added: its pair and its place among the rows. */
    private String rowOf(int column1Code, int column2Code) {
      return "the PTP edit "
          + ProcedureCode.ofPacked(column1Code)
          + "/"
          + ProcedureCode.ofPacked(column2Code)
          + ", row "
          + (size + 1)
          + " of those added: ";
    }

    private void checkDay(long day, String what, int column1Code, int column2Code) {
      if (day < 0 || day >= NO_DELETION) {
        throw new IllegalArgumentException(
            rowOf(column1Code, column2Code)
                + "a PTP "
                + what
                + " date must be from 1970-01-01 through 2149-06-05, not "
                + dayText(day));
      }
    }

    /**
     * The day as a date where {@code LocalDate} can hold it; else as a number, since {@code
     * LocalDate.ofEpochDay} would throw a {@code DateTimeException} instead of our message.
     */
    private static String dayText(long day) {
      return day >= LocalDate.MIN.toEpochDay() && day <= LocalDate.MAX.toEpochDay()
          ? LocalDate.ofEpochDay(day).toString()
          : "epoch day " + day;
    }

    private void grow() {
      int capacity = column2.length + (column2.length >> 1) + 16;
      column1 = Arrays.copyOf(column1, capacity);
      column2 = Arrays.copyOf(column2, capacity);
      effective = Arrays.copyOf(effective, capacity);
      deletion = Arrays.copyOf(deletion, capacity);
      attributes = Arrays.copyOf(attributes, capacity);
    }

    /** {@return the number of rows added so far} */
    public int size() {
      return size;
    }

    /**
     * Two rows of one pair that a table must not hold together: rows in force on a common day (from
     * the effective date through the deletion date), a row twice included. A withdrawn row, deleted
     * on its effective date or of indicator 9, is never in force and overlaps nothing, whatever its
     * dates. {@link PtpTable#find} could answer with only one of them, so {@link #build()} refuses
     * them, as a duplicated or conflicting row; a loader looks first, to name their lines.
     *
     * @param column1 the pair's column 1 code
     * @param column2 the pair's column 2 code
     * @param first the earlier row, by its position in the order of addition (from 0)
     * @param second the later row, likewise
     */
    public record Overlap(ProcedureCode column1, ProcedureCode column2, int first, int second) {
      /**
       * Checks the components.
       *
       * @param column1 the pair's column 1 code
       * @param column2 the pair's column 2 code
       * @param first the earlier row, by its position in the order of addition (from 0)
       * @param second the later row, likewise
       */
      public Overlap {
        requireNonNull(column1, "column1");
        requireNonNull(column2, "column2");
      }
    }

    /**
     * Returns the first two rows of one pair that overlap (see {@link Overlap}), by the pairs'
     * order, or empty when no pair's rows do. One pass over the rows in pair order: the order and
     * the answer are kept for {@link #build()}, so a loader that checks, then builds, sorts and
     * looks once.
     *
     * @return the first overlap, or empty when no pair's rows overlap
     */
    public Optional<Overlap> overlap() {
      if (!sorted && order == null) {
        order = sortOrder();
      }
      int runStart = 0;
      for (int i = 1; i <= size; i++) {
        if (i < size && samePair(row(runStart), row(i))) {
          continue;
        }
        // Most pairs have one row; a pair deleted and added again has a few.
        for (int a = runStart; a < i - 1; a++) {
          for (int b = a + 1; b < i; b++) {
            int x = row(a);
            int y = row(b);
            if (overlaps(x, y)) {
              return Optional.of(
                  new Overlap(
                      ProcedureCode.ofPacked(column1[x]),
                      ProcedureCode.ofPacked(column2[x]),
                      Math.min(x, y),
                      Math.max(x, y)));
            }
          }
        }
        runStart = i;
      }
      overlapFree = true;
      return Optional.empty();
    }

    /** The row added at position {@code i} of the pair order. */
    private int row(int i) {
      return order == null ? i : order[i];
    }

    private boolean samePair(int x, int y) {
      return column1[x] == column1[y] && column2[x] == column2[y];
    }

    /**
     * Whether rows {@code x} and {@code y} are both in force on some day. A withdrawn row never is,
     * so it overlaps nothing, not even a row of the same dates (CMS's files hold withdrawn rows
     * beside rows in force from the same day). Two rows in force with the same dates share their
     * first day, so an exact duplicate is still refused.
     */
    private boolean overlaps(int x, int y) {
      return inForce(x) && inForce(y) && effective[x] <= deletion[y] && effective[y] <= deletion[x];
    }

    /** Whether a row is ever in force: not withdrawn (as {@code activeRowInGroup} reads it). */
    private boolean inForce(int x) {
      return effective[x] != deletion[x]
          && INDICATORS[attributes[x] & INDICATOR_MASK] != PtpModifierIndicator.NOT_APPLICABLE;
    }

    /**
     * Returns the table of the rows added; the builder may be used again.
     *
     * @return the table
     * @throws IllegalArgumentException if two rows of a pair are in force on a common day ({@link
     *     #overlap}): the message names the pair and both rows
     */
    public PtpTable build() {
      if (!overlapFree) {
        Optional<Overlap> overlap = overlap();
        if (overlap.isPresent()) {
          Overlap rows = overlap.get();
          throw new IllegalArgumentException(
              "the pair "
                  + rows.column1()
                  + ", "
                  + rows.column2()
                  + " has two rows in force on a common day, rows "
                  + (rows.first() + 1)
                  + " and "
                  + (rows.second() + 1)
                  + " of those added: "
                  + edit(rows.first())
                  + " and "
                  + edit(rows.second())
                  + "; expected each pair once on any date (an edit deleted and added again has"
                  + " later dates)");
        }
      }
      int[] inPairOrder = sorted ? null : order != null ? order : sortOrder();
      int[] c2 = new int[size];
      char[] from = new char[size];
      char[] to = new char[size];
      char[] attrs = new char[size];
      int groups = 0;
      int previous = -1;
      for (int i = 0; i < size; i++) {
        int source = inPairOrder == null ? i : inPairOrder[i];
        c2[i] = column2[source];
        from[i] = effective[source];
        to[i] = deletion[source];
        attrs[i] = attributes[source];
        if (column1[source] != previous) {
          groups++;
          previous = column1[source];
        }
      }
      int[] codes = new int[groups];
      int[] starts = new int[groups + 1];
      int group = -1;
      previous = -1;
      for (int i = 0; i < size; i++) {
        int code = column1[inPairOrder == null ? i : inPairOrder[i]];
        if (code != previous) {
          group++;
          codes[group] = code;
          starts[group] = i;
          previous = code;
        }
      }
      starts[groups] = size;
      return new PtpTable(codes, starts, c2, from, to, attrs, rationales.toArray(new String[0]));
    }

    /** The row added at position {@code i}, as added. */
    private PtpEdit edit(int i) {
      int attribute = attributes[i];
      return PtpTable.edit(
          column1[i],
          column2[i],
          effective[i],
          deletion[i],
          attribute,
          rationales.get(attribute >>> RATIONALE_SHIFT));
    }

    /**
     * Sorts the rows by pair, keeping the order of addition within a pair: one primitive sort of
     * keys that carry the row number in their low bits (packed codes are below {@link
     * ProcedureCode#PACKED_BOUND}, which fits in 19 bits). The keys take all 64 bits: their top bit
     * is flipped so that the signed sort is the unsigned order, which puts column 1 codes of that
     * bit (Level II codes from about G2144 on) after the others, not before.
     */
    private int[] sortOrder() {
      if (size >= 1 << 26) {
        throw new IllegalArgumentException("a PTP table holds fewer than 67,108,864 rows");
      }
      long[] keys = new long[size];
      for (int i = 0; i < size; i++) {
        keys[i] = ((long) column1[i] << 45 | (long) column2[i] << 26 | i) ^ Long.MIN_VALUE;
      }
      Arrays.sort(keys);
      int[] order = new int[size];
      for (int i = 0; i < size; i++) {
        order[i] = (int) (keys[i] & ((1 << 26) - 1));
      }
      return order;
    }
  }
}
