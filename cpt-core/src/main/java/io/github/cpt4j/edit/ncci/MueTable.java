package io.github.cpt4j.edit.ncci;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.index.PackedIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, thread-safe table of medically unlikely edits, one per code: one of CMS's MUE files
 * (practitioner services, outpatient hospital services, or DME supplier services, which are
 * separate tables). A lookup by code is a hash probe that does not allocate.
 *
 * <pre>{@code
 * MueTable mue = MueTable.builder()
 *     .add(new MueEdit(CptCode.parse("20610"), 2,
 *         MueAdjudicationIndicator.DATE_OF_SERVICE_CLINICAL, "Anatomic consideration"))
 *     .build();
 * mue.find(CptCode.parse("20610")).map(MueEdit::value);   // Optional[2]
 * }</pre>
 *
 * <p>MUE rows carry no dates: a file is the quarter its name says ({@code
 * MCR_MUE_PractitionerServices_Eff_07-01-2026.csv}), as CMS updates the tables each quarter. A
 * table that knows its effective date ({@link #effective()}, which {@code MueFile} reads from the
 * file name) is in force to the end of that quarter, and {@link MueClaimEdit} flags, rather than
 * judges, a line of another date; keep one table per quarter and choose by date of service.
 *
 * <p>The three tables hold different values for the same codes, so a table says which kind of
 * claims it is for ({@link #claimType()}), when it is known: {@code MueFile} reads it from the
 * value column ({@code Practitioner Services MUE Values}) and the file's name. A table built by
 * hand does not know it until {@link #withClaimType} says it: it is left unstated rather than
 * assumed to be the practitioner table, since a wrong kind would be trusted where none is checked.
 */
public final class MueTable {

  private static final MueAdjudicationIndicator[] INDICATORS = MueAdjudicationIndicator.values();

  private final PackedIndex index;
  private final int[] codes;
  private final int[] values;
  private final byte[] indicators;
  private final String[] rationales;

  /** The first day the table is in force, or null when it does not say. */
  private final LocalDate effective;

  /** The end of the effective date's quarter, or null. */
  private final LocalDate last;

  /** The kind of claims the table is for, or null when it does not say. */
  private final NcciClaimType claimType;

  private MueTable(
      int[] codes, int[] values, byte[] indicators, String[] rationales, LocalDate effective) {
    this.index = PackedIndex.of(codes);
    this.codes = codes;
    this.values = values;
    this.indicators = indicators;
    this.rationales = rationales;
    this.effective = effective;
    this.last = effective == null ? null : Quarter.of(effective).lastDay();
    this.claimType = null;
  }

  /**
   * The edits of {@code rows}, in force from {@code effective} (or null), for {@code claimType}.
   */
  private MueTable(MueTable rows, LocalDate effective, NcciClaimType claimType) {
    this.index = rows.index;
    this.codes = rows.codes;
    this.values = rows.values;
    this.indicators = rows.indicators;
    this.rationales = rows.rationales;
    this.effective = effective;
    this.last = effective == null ? null : Quarter.of(effective).lastDay();
    this.claimType = claimType;
  }

  /**
   * Returns the first day the table is in force, when known: CMS names it in the file's name
   * ({@code Eff_07-01-2026}). The table is in force to the end of that day's quarter.
   *
   * @return the first day in force, or empty when the table does not know it
   */
  public Optional<LocalDate> effective() {
    return Optional.ofNullable(effective);
  }

  /**
   * Returns the same edits, in force from {@code date} to the end of its quarter, for the same kind
   * of claims.
   *
   * @param date the first day the edits are in force, any day of their quarter
   * @return a table of the same edits, knowing its effective date
   * @throws IllegalArgumentException if the date's year is not 1-9999, the years of a {@link
   *     Quarter}
   */
  public MueTable withEffective(LocalDate date) {
    requireNonNull(date, "date");
    if (date.getYear() < 1 || date.getYear() > 9999) {
      throw new IllegalArgumentException(
          "an MUE table's effective date is of a year 1-9999, not " + date);
    }
    return new MueTable(this, date, claimType);
  }

  /**
   * {@return the kind of claims the table is for (practitioner, outpatient hospital or DME supplier
   * services), when known: empty for a table built by hand and not given one by {@link
   * #withClaimType}}
   */
  public Optional<NcciClaimType> claimType() {
    return Optional.ofNullable(claimType);
  }

  /**
   * {@return the same edits, in force on the same dates, for {@code type} of claims}
   *
   * @param type the kind of claims the edits are for
   */
  public MueTable withClaimType(NcciClaimType type) {
    return new MueTable(this, effective, requireNonNull(type, "type"));
  }

  /** {@return the last day the table is in force, when its effective date is known} */
  public Optional<LocalDate> lastDay() {
    return Optional.ofNullable(last);
  }

  /**
   * Tells whether the table is in force on {@code date}: always, when it does not know its
   * effective date. Does not allocate.
   *
   * @param date a date of service
   * @return true if {@code date} is from the effective date through the end of its quarter, or the
   *     table does not know its effective date
   */
  public boolean inForceOn(LocalDate date) {
    requireNonNull(date, "date");
    return effective == null || !date.isBefore(effective) && !date.isAfter(last);
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the number of codes with an edit} */
  public int size() {
    return codes.length;
  }

  /**
   * {@return the edit of {@code code}, or empty when the code has none}
   *
   * @param code the code billed
   */
  public Optional<MueEdit> find(ProcedureCode code) {
    int row = row(requireNonNull(code, "code").packed());
    return row < 0 ? Optional.empty() : Optional.of(edit(row));
  }

  /** Returns the row of the packed {@code code}, or -1; allocation-free. */
  int row(int code) {
    return index.positionOf(code);
  }

  /** Returns the MUE value of {@code row}. */
  int value(int row) {
    return values[row];
  }

  /** Returns the indicator of {@code row}. */
  MueAdjudicationIndicator indicator(int row) {
    return INDICATORS[indicators[row]];
  }

  /** Tells whether {@code row} adds up the units of all lines of its code on the date. */
  boolean perDateOfService(int row) {
    return indicators[row] != MueAdjudicationIndicator.LINE.ordinal();
  }

  /** Materializes {@code row}. */
  MueEdit edit(int row) {
    return new MueEdit(
        ProcedureCode.ofPacked(codes[row]), values[row], indicator(row), rationales[row]);
  }

  @Override
  public String toString() {
    return "MueTable["
        + size()
        + " codes"
        + (claimType == null ? "" : " of " + claimType.words())
        + (effective == null ? "" : ", " + effective + " to " + last)
        + "]";
  }

  /** Builds a {@link MueTable}; a code may be added once. Not thread-safe. */
  public static final class Builder {
    private final List<MueEdit> edits = new ArrayList<>();
    private final Map<ProcedureCode, Integer> positions = new HashMap<>();

    private Builder() {}

    /**
     * Adds {@code edit}.
     *
     * @param edit the edit to add
     * @return this builder
     * @throws IllegalArgumentException if its code was added before
     */
    public Builder add(MueEdit edit) {
      requireNonNull(edit, "edit");
      Integer previous = positions.putIfAbsent(edit.code(), edits.size());
      if (previous != null) {
        throw new IllegalArgumentException(
            "the MUE of " + edit.code() + " is added twice: " + edits.get(previous) + ", " + edit);
      }
      edits.add(edit);
      return this;
    }

    /** {@return the number of edits added so far} */
    public int size() {
      return edits.size();
    }

    /** {@return the table; the builder may be used again} */
    public MueTable build() {
      int n = edits.size();
      int[] codes = new int[n];
      int[] values = new int[n];
      byte[] indicators = new byte[n];
      String[] rationales = new String[n];
      Map<String, String> canonical = new HashMap<>();
      for (int i = 0; i < n; i++) {
        MueEdit edit = edits.get(i);
        codes[i] = edit.code().packed();
        values[i] = edit.value();
        indicators[i] = (byte) edit.indicator().ordinal();
        rationales[i] = canonical.computeIfAbsent(edit.rationale(), r -> r);
      }
      return new MueTable(codes, values, indicators, rationales, null);
    }
  }
}
