package io.github.cpt4j.data;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Suppliers;
import com.google.common.base.Throwables;
import io.github.cpt4j.data.medicare.GpciFile;
import io.github.cpt4j.data.medicare.OppsCapFile;
import io.github.cpt4j.data.medicare.RvuFile;
import io.github.cpt4j.fee.medicare.pfs.GpciTable;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.OppsCapTable;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A Medicare Physician Fee Schedule built from CMS files: the bundled schedule with each file given
 * in place of its bundled counterpart — a relative value file (PPRRVU...csv), a GPCI file
 * (GPCI...csv), an OPPS imaging cap file (OPPSCAP...csv) — and the bundled conversion factors. Only
 * the bundled tables that stand in for missing files are loaded.
 *
 * <pre>{@code
 * MedicareFeeSchedule oct2025 = MedicareFiles.none()
 *     .withRvu(Path.of("PPRRVU2025_Oct.csv"))
 *     .withGpci(Path.of("GPCI2025.csv"))
 *     .withOppsCap(Path.of("OPPSCAP_Oct.csv"))
 *     .schedule();
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

  /** Returns no files: {@link #schedule()} is then the bundled schedule. */
  public static MedicareFiles none() {
    return NONE;
  }

  /** Returns the files given, each optional. */
  public static MedicareFiles of(Optional<Path> rvu, Optional<Path> gpci, Optional<Path> oppsCap) {
    return new MedicareFiles(
        requireNonNull(rvu, "rvu"),
        requireNonNull(gpci, "gpci"),
        requireNonNull(oppsCap, "oppsCap"));
  }

  /** Returns a copy with a relative value file. */
  public MedicareFiles withRvu(Path file) {
    return new MedicareFiles(Optional.of(requireNonNull(file, "file")), gpci, oppsCap);
  }

  /** Returns a copy with a GPCI file. */
  public MedicareFiles withGpci(Path file) {
    return new MedicareFiles(rvu, Optional.of(requireNonNull(file, "file")), oppsCap);
  }

  /** Returns a copy with an OPPS imaging cap file. */
  public MedicareFiles withOppsCap(Path file) {
    return new MedicareFiles(rvu, gpci, Optional.of(requireNonNull(file, "file")));
  }

  /** Returns the relative value file, if given. */
  public Optional<Path> rvu() {
    return rvu;
  }

  /** Returns the GPCI file, if given. */
  public Optional<Path> gpci() {
    return gpci;
  }

  /** Returns the OPPS imaging cap file, if given. */
  public Optional<Path> oppsCap() {
    return oppsCap;
  }

  /** Tells whether no file is given. */
  public boolean isEmpty() {
    return rvu.isEmpty() && gpci.isEmpty() && oppsCap.isEmpty();
  }

  /**
   * Reads the files and returns the schedule, named {@code medicare-pfs}. Without a relative value
   * file the schedule keeps the bundled rows' period of dates; with one, it prices the dates of the
   * year its title row names (other dates are {@code DATE_NOT_COVERED}, naming that year), or every
   * date the conversion factors cover when the file has no title row.
   *
   * @throws io.github.cpt4j.data.load.DataLoadException if a file is malformed, naming file, line
   *     and column (all-or-nothing: no schedule is built)
   * @throws IOException if a file cannot be read
   */
  public MedicareFeeSchedule schedule() throws IOException {
    if (isEmpty()) {
      return BundledData.medicareFeeSchedule();
    }
    // The OPPS cap file is read on another thread while this one reads the others: the relative
    // value and cap files take most of a second each.
    CompletableFuture<Optional<OppsCapTable>> caps =
        oppsCap.isEmpty()
            ? CompletableFuture.completedFuture(Optional.empty())
            : CompletableFuture.supplyAsync(() -> readUnchecked(oppsCap.get()));
    Optional<RvuTable> rows =
        rvu.isEmpty() ? Optional.empty() : Optional.of(RvuFile.read(rvu.get()));
    Optional<GpciTable> indices =
        gpci.isEmpty() ? Optional.empty() : Optional.of(GpciFile.read(gpci.get()));
    Supplier<MedicareFeeSchedule> bundled = Suppliers.memoize(BundledData::medicareFeeSchedule);
    MedicareFeeSchedule.Builder builder =
        MedicareFeeSchedule.builder()
            .name("medicare-pfs")
            .rvus(rows.orElseGet(() -> bundled.get().rvus()))
            .gpcis(indices.orElseGet(() -> bundled.get().gpcis()))
            // Only the bundled cap sample, not the whole bundled schedule: with both other files
            // given, reading the sample's rows and GPCIs would be work for nothing.
            .oppsCaps(join(caps).orElseGet(BundledMedicare::oppsCaps))
            .conversionFactors(BundledData.conversionFactors());
    if (rvu.isEmpty()) {
      // The bundled rows are one release's rows, whatever the other files.
      builder.effective(bundled.get().effectiveFrom(), bundled.get().effectiveTo());
    }
    return builder.build();
  }

  private static Optional<OppsCapTable> readUnchecked(Path file) {
    try {
      return Optional.of(OppsCapFile.read(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
