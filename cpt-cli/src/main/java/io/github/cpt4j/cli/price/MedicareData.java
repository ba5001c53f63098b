package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.data.medicare.GpciFile;
import io.github.cpt4j.data.medicare.OppsCapFile;
import io.github.cpt4j.data.medicare.RvuFile;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.GpciTable;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.OppsCapTable;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The real {@link PricingData}: the Medicare Physician Fee Schedule bundled in cpt-data, or built
 * from the CMS files given on the command line, each file replacing its bundled counterpart, and
 * priced claim by claim with the library's {@link MedicareClaimPricer}. Nothing is loaded before it
 * is needed.
 */
public final class MedicareData implements PricingData {

  @Override
  public ClaimPricer pricer(CmsFiles files, boolean explainPriced) {
    requireNonNull(files, "files");
    if (files.isEmpty()) {
      return new Claims(BundledData.medicareFeeSchedule(), explainPriced);
    }
    // The OPPS cap file is read on another thread while this one reads the others: the
    // relative value and cap files take most of a second each. The bundled schedule is loaded
    // only if some file is missing.
    CompletableFuture<Optional<OppsCapTable>> caps = read(files.oppsCap(), OppsCapFile::read);
    CompletableFuture<Optional<RvuTable>> rvus = readHere(files.rvu(), RvuFile::read);
    CompletableFuture<Optional<GpciTable>> gpcis = readHere(files.gpci(), GpciFile::read);
    Supplier<MedicareFeeSchedule> bundled = Suppliers.memoize(BundledData::medicareFeeSchedule);
    MedicareFeeSchedule.Builder builder =
        MedicareFeeSchedule.builder()
            .name("medicare-pfs")
            .rvus(join(rvus).orElseGet(() -> bundled.get().rvus()))
            .gpcis(join(gpcis).orElseGet(() -> bundled.get().gpcis()))
            .oppsCaps(join(caps).orElseGet(() -> bundled.get().oppsCaps()))
            .conversionFactors(BundledData.conversionFactors());
    if (files.rvu().isEmpty()) {
      // The bundled rows are the 2025 rows, whatever the other files.
      builder.effective(bundled.get().effectiveFrom(), bundled.get().effectiveTo());
    }
    return new Claims(builder.build(), explainPriced);
  }

  /** Reads a file. */
  private interface FileReader<T> {
    T read(Path path) throws IOException;
  }

  private static <T> CompletableFuture<Optional<T>> read(
      Optional<Path> file, FileReader<T> reader) {
    if (file.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return Optional.of(reader.read(file.get()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Reads a file on this thread, failing the future rather than throwing. */
  private static <T> CompletableFuture<Optional<T>> readHere(
      Optional<Path> file, FileReader<T> reader) {
    try {
      return CompletableFuture.completedFuture(
          file.isEmpty() ? Optional.empty() : Optional.of(reader.read(file.get())));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new UncheckedIOException(e));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Waits for a file, rethrowing what reading it threw. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw e;
    }
  }

  @Override
  public Optional<Locality> localityOf(ZipCode zip) {
    return BundledData.zipLocalities().find(requireNonNull(zip, "zip").digits());
  }

  @Override
  public List<Gpci> localities(Optional<Path> gpciFile) {
    List<Gpci> all;
    try {
      all =
          new ArrayList<>(
              gpciFile.isPresent()
                  ? GpciFile.read(gpciFile.get()).all()
                  : BundledData.medicareFeeSchedule().gpcis().all());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    all.sort(Comparator.comparing(Gpci::state).thenComparing(Gpci::locality));
    return all;
  }

  /**
   * Prices the lines of one claim with the library's Medicare claim pricer: payment modifiers,
   * bilateral pairs, multiple-procedure ranking and every other rule that looks at the other lines.
   * Warnings (an add-on without its primary, documentation needed) are always shown.
   */
  static final class Claims implements ClaimPricer {
    private final MedicareClaimPricer pricer;
    private final boolean explainPriced;

    Claims(MedicareFeeSchedule schedule, boolean explainPriced) {
      this.pricer = MedicareClaimPricer.of(schedule);
      this.explainPriced = explainPriced;
    }

    @Override
    public List<Outcome> price(List<LineRequest> lines, boolean participating) {
      LineRequest first = lines.get(0);
      PricingContext context =
          PricingContext.of(first.date(), first.locality(), first.setting())
              .withParticipating(participating);
      List<BilledLine> billed = new ArrayList<>(lines.size());
      for (LineRequest line : lines) {
        billed.add(BilledLine.of(line.line()));
      }
      PricedClaim claim = pricer.price(Claim.of(billed), context);
      List<Outcome> outcomes = new ArrayList<>(lines.size());
      for (PricedLine line : claim.lines()) {
        outcomes.add(outcome(line, explainPriced));
      }
      return outcomes;
    }
  }

  /** Turns the library's answer for one line into a line of output. */
  static Outcome outcome(PricedLine line, boolean explainPriced) {
    StringBuilder text = new StringBuilder();
    for (ClaimWarning warning : line.warnings()) {
      text.append(text.length() == 0 ? "" : "; ").append("warning: ").append(warning.message());
    }
    if (line.isPriced()) {
      if (explainPriced) {
        FeeResult result = line.result();
        if (result.settingNotAvailable()) {
          append(text, "setting NA: priced at the other setting's amount, as CMS publishes it");
        }
        append(text, result.explanation().toString());
      }
      return Outcome.priced(line.amountOrThrow(), text.toString());
    }
    String reason = line.reason().orElseThrow().name().toLowerCase(Locale.ROOT);
    StringBuilder why = new StringBuilder(line.detail());
    append(why, text.toString());
    append(why, line.explanation().toString());
    return Outcome.notPriced(reason, why.toString());
  }

  private static void append(StringBuilder sb, String more) {
    if (!more.isEmpty()) {
      sb.append(sb.length() == 0 ? "" : "; ").append(more);
    }
  }
}
