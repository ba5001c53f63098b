package io.github.cpt4j.benchmarks.baseline;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.ApmProviders;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactor;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The Medicare formula as users write it: rows of {@link BigDecimal}s in a map keyed by line text
 * ({@code "99213"}, {@code "71046-26"}), GPCIs in a map keyed by locality text, the conversion
 * factor found by date, and
 *
 * <pre>
 * amount = ((work x GPCI + PE x GPCI + MP x GPCI) x CF).setScale(2, HALF_UP)
 * </pre>
 *
 * <p>It honours what a careful user reads in CMS's documentation, statuses A, R and T and the NA
 * setting, and skips what they usually miss: the OPPS imaging cap. Built from the very numbers of a
 * {@link MedicareFeeSchedule}, so that its amounts can be checked against cpt4j's.
 */
public final class NaiveMedicarePricer {

  /** A row of the relative value file as a user keeps it. */
  public static final class Row {
    final char status;
    final BigDecimal work;
    final BigDecimal nonFacilityPe;
    final BigDecimal facilityPe;
    final BigDecimal malpractice;
    final boolean nonFacilityNa;
    final boolean facilityNa;

    /** Copies the numbers of {@code entry}. */
    public Row(RvuEntry entry) {
      this.status = entry.status().code();
      this.work = entry.workRvu();
      this.nonFacilityPe = entry.nonFacilityPeRvu();
      this.facilityPe = entry.facilityPeRvu();
      this.malpractice = entry.malpracticeRvu();
      this.nonFacilityNa = entry.nonFacilityNa();
      this.facilityNa = entry.facilityNa();
    }

    Row(
        char status,
        BigDecimal work,
        BigDecimal nonFacilityPe,
        BigDecimal facilityPe,
        BigDecimal malpractice,
        boolean nonFacilityNa,
        boolean facilityNa) {
      this.status = status;
      this.work = work;
      this.nonFacilityPe = nonFacilityPe;
      this.facilityPe = facilityPe;
      this.malpractice = malpractice;
      this.nonFacilityNa = nonFacilityNa;
      this.facilityNa = facilityNa;
    }

    boolean hasNoRvus() {
      return work.signum() == 0
          && nonFacilityPe.signum() == 0
          && facilityPe.signum() == 0
          && malpractice.signum() == 0;
    }
  }

  /** A locality's GPCIs as a user keeps them. */
  static final class GpciRow {
    final BigDecimal work;
    final BigDecimal practiceExpense;
    final BigDecimal malpractice;

    GpciRow(Gpci gpci) {
      this.work = gpci.work();
      this.practiceExpense = gpci.practiceExpense();
      this.malpractice = gpci.malpractice();
    }
  }

  private final Map<String, Row> rows;
  private final Map<String, GpciRow> gpcis;
  private final NavigableMap<LocalDate, BigDecimal> conversionFactors;
  private final boolean validateWithRegex;

  private NaiveMedicarePricer(
      Map<String, Row> rows,
      Map<String, GpciRow> gpcis,
      NavigableMap<LocalDate, BigDecimal> conversionFactors,
      boolean validateWithRegex) {
    this.rows = rows;
    this.gpcis = gpcis;
    this.conversionFactors = conversionFactors;
    this.validateWithRegex = validateWithRegex;
  }

  /** The regex user: validates the line text first, then {@link HashMap}s. */
  public static NaiveMedicarePricer withHashMaps(MedicareFeeSchedule schedule) {
    Map<String, Row> rows = new HashMap<>();
    schedule.rvus().all().forEach(e -> rows.put(e.row(), new Row(e)));
    Map<String, GpciRow> gpcis = new HashMap<>();
    schedule.gpcis().all().forEach(g -> gpcis.put(g.locality().toString(), new GpciRow(g)));
    return new NaiveMedicarePricer(rows, gpcis, factors(schedule), true);
  }

  /** The Guava user: {@link ImmutableMap}s, and a miss is the only validation. */
  public static NaiveMedicarePricer withImmutableMaps(MedicareFeeSchedule schedule) {
    ImmutableMap.Builder<String, Row> rows = ImmutableMap.builder();
    schedule.rvus().all().forEach(e -> rows.put(e.row(), new Row(e)));
    ImmutableMap.Builder<String, GpciRow> gpcis = ImmutableMap.builder();
    schedule.gpcis().all().forEach(g -> gpcis.put(g.locality().toString(), new GpciRow(g)));
    return new NaiveMedicarePricer(
        rows.buildOrThrow(), gpcis.buildOrThrow(), factors(schedule), false);
  }

  /** Wraps rows that a user's own loader read. */
  public static NaiveMedicarePricer ofRows(Map<String, Row> rows, MedicareFeeSchedule schedule) {
    Map<String, GpciRow> gpcis = new HashMap<>();
    schedule.gpcis().all().forEach(g -> gpcis.put(g.locality().toString(), new GpciRow(g)));
    return new NaiveMedicarePricer(rows, gpcis, factors(schedule), true);
  }

  private static NavigableMap<LocalDate, BigDecimal> factors(MedicareFeeSchedule schedule) {
    NavigableMap<LocalDate, BigDecimal> factors = new TreeMap<>();
    for (ConversionFactor factor : schedule.conversionFactors().all()) {
      if (factor.appliesTo() != ApmProviders.QUALIFYING_APM_PARTICIPANTS) {
        factors.put(factor.effectiveFrom(), factor.amount());
      }
    }
    return factors;
  }

  /** Returns the number of rows. */
  public int size() {
    return rows.size();
  }

  /**
   * Prices one line, such as {@code "99213"} or {@code "71046-26"}, for one unit; null when the
   * text is not a line, the row is unknown or not paid from RVUs.
   */
  public BigDecimal price(String line, String locality, LocalDate date, Setting setting) {
    if (validateWithRegex && !RegexCodes.LINE.matcher(line).matches()) {
      return null;
    }
    Row row = rows.get(line);
    if (row == null) {
      return null;
    }
    if (row.status != 'A' && row.status != 'R' && row.status != 'T'
        || row.status == 'R' && row.hasNoRvus()) {
      return null;
    }
    GpciRow gpci = requireNonNull(gpcis.get(locality), locality);
    BigDecimal factor = conversionFactors.floorEntry(date).getValue();
    boolean facility = setting == Setting.FACILITY;
    boolean na = facility ? row.facilityNa : row.nonFacilityNa;
    boolean otherNa = facility ? row.nonFacilityNa : row.facilityNa;
    boolean useFacility = facility != (na && !otherNa);
    BigDecimal pe = useFacility ? row.facilityPe : row.nonFacilityPe;
    return row.work
        .multiply(gpci.work)
        .add(pe.multiply(gpci.practiceExpense))
        .add(row.malpractice.multiply(gpci.malpractice))
        .multiply(factor)
        .setScale(2, RoundingMode.HALF_UP);
  }
}
