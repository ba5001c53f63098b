package io.github.cpt4j.data;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Suppliers;
import com.google.common.base.Throwables;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.medicare.GpciFile;
import io.github.cpt4j.data.medicare.OppsCapFile;
import io.github.cpt4j.data.medicare.RvuFile;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactors;
import io.github.cpt4j.fee.medicare.pfs.GpciTable;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.OppsCapTable;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A Medicare Physician Fee Schedule built from CMS files: the bundled schedule with each file given
 * in place of its bundled counterpart — a relative value file (PPRRVU...csv), a GPCI file
 * (GPCI...csv), an OPPS imaging cap file (OPPSCAP...csv) — and the bundled conversion factors. Only
 * the bundled tables that stand in for missing files are loaded. A relative value file given
 * without a cap file brings its own caps: the schedule computes them from the file's OPPS columns,
 * as CMS's record layout describes, rather than taking the bundled sample's. Anesthesia codes are
 * priced with the bundled anesthesia base units and conversion factors ({@code ANES2025.csv}) when
 * the relative values are of their year, 2025 (or name no year); a file of another year has no
 * anesthesia schedule, and each anesthesia code's refusal says so and how to give one. The
 * conversion factor a relative value file states is handled as {@link CmsDirectory} handles a file
 * alone in its release, so that both price the same dates alike.
 *
 * <pre>{@code
 * MedicareFeeSchedule oct2025 = MedicareFiles.none()
 *     .withRvu(Path.of("PPRRVU2025_Oct.csv"))
 *     .withGpci(Path.of("GPCI2025.csv"))
 *     .withOppsCap(Path.of("OPPSCAP_Oct.csv"))
 *     .schedule();   // prices October to December 2025: the quarter of the October release
 * }</pre>
 *
 * <p>Immutable; {@link #schedule()} reads the files each time it is called.
 */
public final class MedicareFiles {

  private static final MedicareFiles NONE =
      new MedicareFiles(Optional.empty(), Optional.empty(), Optional.empty());

  private final Optional<Path> rvu;
  private final Optional<Path> gpci;
  private final Optional<Path> oppsCap;

  private MedicareFiles(Optional<Path> rvu, Optional<Path> gpci, Optional<Path> oppsCap) {
    this.rvu = rvu;
    this.gpci = gpci;
    this.oppsCap = oppsCap;
  }

  /** {@return no files: {@link #schedule()} is then the bundled schedule} */
  public static MedicareFiles none() {
    return NONE;
  }

  /**
   * {@return the files given, each optional}
   *
   * @param rvu CMS's relative value file (PPRRVU), or empty for the bundled rows
   * @param gpci CMS's GPCI file, or empty for the bundled GPCIs
   * @param oppsCap CMS's OPPS imaging cap file, or empty for the caps computed from the rows
   */
  public static MedicareFiles of(Optional<Path> rvu, Optional<Path> gpci, Optional<Path> oppsCap) {
    return new MedicareFiles(
        requireNonNull(rvu, "rvu"),
        requireNonNull(gpci, "gpci"),
        requireNonNull(oppsCap, "oppsCap"));
  }

  /**
   * {@return a copy with a relative value file}
   *
   * @param file CMS's relative value file (PPRRVU)
   */
  public MedicareFiles withRvu(Path file) {
    return new MedicareFiles(Optional.of(requireNonNull(file, "file")), gpci, oppsCap);
  }

  /**
   * {@return a copy with a GPCI file}
   *
   * @param file CMS's GPCI file
   */
  public MedicareFiles withGpci(Path file) {
    return new MedicareFiles(rvu, Optional.of(requireNonNull(file, "file")), oppsCap);
  }

  /**
   * {@return a copy with an OPPS imaging cap file}
   *
   * @param file CMS's OPPS imaging cap file (OPPSCAP)
   */
  public MedicareFiles withOppsCap(Path file) {
    return new MedicareFiles(rvu, gpci, Optional.of(requireNonNull(file, "file")));
  }

  /** {@return the relative value file, if given} */
  public Optional<Path> rvu() {
    return rvu;
  }

  /** {@return the GPCI file, if given} */
  public Optional<Path> gpci() {
    return gpci;
  }

  /** {@return the OPPS imaging cap file, if given} */
  public Optional<Path> oppsCap() {
    return oppsCap;
  }

  /**
   * Tells whether no file is given.
   *
   * @return true if no file is given, as {@link #none()}
   */
  public boolean isEmpty() {
    return rvu.isEmpty() && gpci.isEmpty() && oppsCap.isEmpty();
  }

  /**
   * Reads the files and returns the schedule, named {@code medicare-pfs}. Without a relative value
   * file the schedule keeps the bundled rows and their period of dates: the October release's rows
   * on every 2025 date, as {@link BundledData#medicareFeeSchedule()} prices them (to price each
   * date with its own release's rows and another GPCI file, replace the tables of {@link
   * BundledData#medicareReleases()}' schedules with {@code MedicareFeeSchedule.withGpcis}). With
   * one, it prices the dates of the quarter of the release its title row names, or of the year when
   * it names only the year (other dates are {@code DATE_NOT_COVERED}, naming them), or every date
   * the conversion factors cover when the file has no title row (within the GPCIs' year: the
   * bundled GPCIs are 2025's, and CMS's GPCI file names its year). The OPPS imaging caps are the
   * cap file's; without one, computed from the relative value file's OPPS columns when that file is
   * given, else the bundled rows' cap sample. Anesthesia codes are priced by the bundled anesthesia
   * schedule (CY 2022 base units, {@code ANES2025.csv}) on the dates of its year, 2025, within the
   * schedule's; a relative value file of another year leaves them refused for their status J,
   * {@code NOT_IN_SCHEDULE}, the detail saying that no anesthesia conversion factors cover its year
   * and how to give them. The conversion factor the relative value file states prices the dates of
   * that factor only ({@code CONVERSION_FACTOR_MISMATCH} on others), unless the dated table's
   * factor changes within the release's dates and the file states one of them: then each date is
   * priced with the dated table's factor (a January 2024 file, stating 32.7442, prices 9 March 2024
   * with 33.2875), as {@link CmsDirectory} prices such a file.
   *
   * <p>The cap file is read on another thread; this method never returns or throws before that read
   * has ended. When the relative value or GPCI file fails, its exception is thrown, with the cap
   * file's, if that failed too, as a suppressed exception.
   *
   * @return the schedule of the files given, the bundled rows and tables standing in for the others
   * @throws io.github.cpt4j.data.load.DataLoadException if a file is malformed, naming file, line
   *     and column (all-or-nothing: no schedule is built)
   * @throws IOException if a file cannot be read: a {@link java.nio.file.FileSystemException} whose
   *     {@link java.nio.file.FileSystemException#getFile() file} is the one that failed, an I/O
   *     error while reading it too
   */
  public MedicareFeeSchedule schedule() throws IOException {
    return schedule(CompletableFuture::supplyAsync);
  }

  /**
   * {@link #schedule()}, starting the cap file's read with {@code startRead}: a test holds the read
   * to see that no failure returns before it has ended.
   */
  MedicareFeeSchedule schedule(
      Function<Supplier<Optional<OppsCapTable>>, CompletableFuture<Optional<OppsCapTable>>>
          startRead)
      throws IOException {
    if (isEmpty()) {
      return BundledData.medicareFeeSchedule();
    }
    // The OPPS cap file is read on another thread while this one reads the others: the relative
    // value and cap files take most of a second each.
    CompletableFuture<Optional<OppsCapTable>> caps =
        oppsCap.isEmpty()
            ? CompletableFuture.completedFuture(Optional.empty())
            : startRead.apply(() -> readUnchecked(oppsCap.get()));
    Supplier<MedicareFeeSchedule> bundled = Suppliers.memoize(BundledData::medicareFeeSchedule);
    Optional<RvuTable> rows;
    Optional<GpciTable> indices;
    try {
      rows = rvu.isEmpty() ? Optional.empty() : Optional.of(RvuFile.read(rvu.get()));
      indices =
          gpci.isEmpty() ? Optional.empty() : Optional.of(readGpci(gpci.get(), rows, bundled));
    } catch (Throwable e) {
      // Never leave the cap read running behind a failure: the caller may delete or replace the
      // files, or retry, as soon as this returns. Its own failure goes with this one.
      awaitSuppressing(caps, e);
      throw e;
    }
    Optional<OppsCapTable> capTable = join(caps);
    ConversionFactors factors = BundledData.conversionFactors();
    RvuTable relativeValues =
        rows.isPresent() ? statedFactorAsPriced(rows.get(), factors) : bundled.get().rvus();
    MedicareFeeSchedule.Builder builder =
        MedicareFeeSchedule.builder()
            .name("medicare-pfs")
            .rvus(relativeValues)
            .gpcis(indices.orElseGet(() -> bundled.get().gpcis()))
            .oppsCaps(capTable.orElseGet(() -> defaultCaps(rows.isPresent())))
            .conversionFactors(factors);
    if (rvu.isEmpty()) {
      // The bundled rows are one release's rows, whatever the other files.
      builder.effective(bundled.get().effectiveFrom(), bundled.get().effectiveTo());
    }
    // Anesthesia codes (status J) are paid by the anesthesia schedule, never from their rows: the
    // bundled one for its year, as the bundled schedule and a directory with that year's ANES
    // file price them; for another year none, saying how to give one.
    Optional<Year> year = relativeValues.year();
    if (year.isEmpty() || year.get().equals(BundledMedicare.ANESTHESIA_YEAR)) {
      builder.anesthesia(BundledMedicare.anesthesia());
    } else {
      builder.noAnesthesiaBecause(noAnesthesiaFor(year.get()));
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      // The files disagree with the bundled tables standing in for the others: say which file.
      Path file = rvu.or(() -> gpci).or(() -> oppsCap).orElseThrow(() -> e);
      Optional<Year> bundledYear = bundled.get().gpcis().year();
      if (gpci.isEmpty() && year.isPresent() && bundledYear.filter(year.get()::equals).isEmpty()) {
        // The bundled GPCIs are one year's: say which file would price the relative values.
        throw new DataLoadException(
            file.getFileName().toString(),
            0,
            0,
            "the relative value file is for "
                + year.get()
                + ", but the bundled GPCIs are for "
                + bundledYear.map(Year::toString).orElse("no stated year")
                + ": give the GPCI file of "
                + year.get()
                + " (MedicareFiles.withGpci; cpt price --gpci FILE)");
      }
      throw new DataLoadException(
          file.getFileName().toString(), 0, 0, e.getMessage() + " (with the bundled tables)");
    }
  }

  /**
   * The relative values of {@code rows} as a schedule of their release prices them: keeping the
   * conversion factor the file states (a line of a date or provider of another factor is then
   * {@code CONVERSION_FACTOR_MISMATCH}), unless the dated table's factor changes within the dates
   * of the file's release (its quarter, else its year) and the file states one of them, as {@link
   * CmsDirectory} prices a file alone in its release: a January 2024 file prices 9 March 2024 on
   * with 33.2875, as the directory does, not refuses those dates. Rows without a title row name no
   * release, so no dates whose factors could be compared: they keep the factor they state.
   */
  private static RvuTable statedFactorAsPriced(RvuTable rows, ConversionFactors factors) {
    Optional<YearMonth> release = rows.release();
    Optional<Year> year = rows.year();
    if (release.isPresent()) {
      LocalDate from = release.get().atDay(1);
      return CmsDirectory.aloneInItsRelease(rows, factors, from, Quarter.of(from).lastDay());
    }
    if (year.isPresent()) {
      return CmsDirectory.aloneInItsRelease(
          rows, factors, year.get().atDay(1), year.get().atMonth(12).atEndOfMonth());
    }
    return rows;
  }

  /**
   * Why a schedule of relative values of {@code year} has no anesthesia schedule, and how to give
   * it one: the refusal of each of its anesthesia codes ends with it.
   */
  private String noAnesthesiaFor(Year year) {
    return "no anesthesia conversion factors cover "
        + year
        + ", the year of "
        + rvu.map(p -> "the relative value file " + p.getFileName()).orElse("the relative values")
        + " (the bundled ones, CMS's "
        + BundledMedicare.ANESTHESIA_FACTORS
        + ", are "
        + BundledMedicare.ANESTHESIA_YEAR
        + "'s): price with a directory of CMS files holding the ANES file of "
        + year
        + " (CmsDirectory; cpt price --cms-dir DIR), or give the schedule an anesthesia schedule"
        + " of "
        + year
        + " (MedicareFeeSchedule.withAnesthesia)";
  }

  /**
   * Reads the GPCI file for the relative values it prices with, so that one of another year is
   * refused naming both files and the GPCI header's line.
   */
  private GpciTable readGpci(
      Path file, Optional<RvuTable> rows, Supplier<MedicareFeeSchedule> bundled)
      throws IOException {
    Optional<Year> year = rows.isPresent() ? rows.get().year() : bundled.get().rvus().year();
    if (year.isEmpty()) {
      return GpciFile.read(file);
    }
    String relativeValues =
        rows.isPresent()
            ? "the relative value file " + rvu.orElseThrow().getFileName()
            : "the bundled relative value sample";
    return GpciFile.read(file, year.get(), relativeValues);
  }

  /**
   * The caps of a schedule without an OPPS cap file. With a relative value file, none: the schedule
   * then computes each row's cap from the file's own OPPS columns ({@code OppsCap.fromRvus}), which
   * give every cap of CMS's OPPSCAP file to the cent. The bundled cap sample holds the caps of the
   * bundled rows' imaging codes only, so with another file's rows it left every other imaging code
   * uncapped (70496 in 13282-99 at 260.58 instead of 246.77). Without a relative value file, the
   * bundled rows keep their own cap sample; only that sample is read, not the whole bundled
   * schedule.
   */
  private static OppsCapTable defaultCaps(boolean relativeValueFileGiven) {
    return relativeValueFileGiven ? OppsCapTable.empty() : BundledMedicare.oppsCaps();
  }

  private static Optional<OppsCapTable> readUnchecked(Path file) {
    try {
      return Optional.of(OppsCapFile.read(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the cap file's read to end, adding what it threw, if anything, to {@code thrown}. */
  private static void awaitSuppressing(CompletableFuture<?> read, Throwable thrown) {
    try {
      join(read);
    } catch (IOException | RuntimeException | Error e) {
      thrown.addSuppressed(e);
    }
  }

  /** Waits for the cap file, throwing what reading it threw. */
  private static <T> T join(CompletableFuture<T> future) throws IOException {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException unchecked) {
        throw unchecked.getCause();
      }
      Throwables.throwIfUnchecked(cause);
      throw e;
    }
  }

  @Override
  public String toString() {
    return "MedicareFiles(rvu " + rvu + ", gpci " + gpci + ", oppsCap " + oppsCap + ")";
  }
}
