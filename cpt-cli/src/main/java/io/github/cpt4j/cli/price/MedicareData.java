package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.data.medicare.GpciFile;
import io.github.cpt4j.data.medicare.OppsCapFile;
import io.github.cpt4j.data.medicare.RvuFile;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.FeeSchedule;
import io.github.cpt4j.fee.Locality;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.medicare.Gpci;
import io.github.cpt4j.fee.medicare.MedicareFeeSchedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The real {@link PricingData}: the Medicare Physician Fee Schedule bundled in cpt-data, or built
 * from the CMS files given on the command line, each file replacing its bundled counterpart.
 * Nothing is loaded before it is needed.
 */
public final class MedicareData implements PricingData {

  @Override
  public ClaimPricer pricer(CmsFiles files, boolean explainPriced) {
    requireNonNull(files, "files");
    MedicareFeeSchedule bundled = BundledData.medicareFeeSchedule();
    if (files.isEmpty()) {
      return new LineByLine(bundled, explainPriced);
    }
    try {
      MedicareFeeSchedule.Builder builder = MedicareFeeSchedule.builder()
          .name("medicare-pfs")
          .rvus(files.rvu().isPresent() ? RvuFile.read(files.rvu().get()) : bundled.rvus())
          .gpcis(files.gpci().isPresent() ? GpciFile.read(files.gpci().get()) : bundled.gpcis())
          .oppsCaps(files.oppsCap().isPresent()
              ? OppsCapFile.read(files.oppsCap().get()) : bundled.oppsCaps())
          .conversionFactors(bundled.conversionFactors());
      if (files.rvu().isEmpty()) {
        // The bundled rows are the 2025 rows, whatever the other files.
        builder.effective(bundled.effectiveFrom(), bundled.effectiveTo());
      }
      return new LineByLine(builder.build(), explainPriced);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
      all = new ArrayList<>(gpciFile.isPresent()
          ? GpciFile.read(gpciFile.get()).all()
          : BundledData.medicareFeeSchedule().gpcis().all());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    all.sort(Comparator.comparing(Gpci::state).thenComparing(Gpci::locality));
    return all;
  }

  /**
   * Prices each line alone with a fee schedule. Claim-level rules (multiple procedures,
   * bilateral pairs) belong to the claim pricer; until it exists, each line stands alone and its
   * explanation notes the modifiers whose effect depends on the claim.
   */
  static final class LineByLine implements ClaimPricer {
    private final FeeSchedule schedule;
    private final boolean explainPriced;

    LineByLine(FeeSchedule schedule, boolean explainPriced) {
      this.schedule = schedule;
      this.explainPriced = explainPriced;
    }

    @Override
    public List<Outcome> price(List<LineRequest> lines, boolean participating) {
      List<Outcome> outcomes = new ArrayList<>(lines.size());
      LineRequest previous = null;
      PricingContext context = null;
      for (LineRequest line : lines) {
        if (previous == null || !line.sameContext(previous)) {
          context = PricingContext.of(line.date(), line.locality(), line.setting())
              .withParticipating(participating);
        }
        previous = line;
        outcomes.add(outcome(schedule.price(line.line(), context), explainPriced));
      }
      return outcomes;
    }
  }

  /** Turns the library's answer into a line of output. */
  static Outcome outcome(FeeResult result, boolean explainPriced) {
    if (result.isPriced() && !explainPriced) {
      return Outcome.priced(result.amountOrThrow(), "");
    }
    String explanation = result.explanation().toString();
    if (result.isPriced()) {
      if (result.settingNotAvailable()) {
        explanation = "setting NA: priced at the other setting's amount, as CMS publishes it; "
            + explanation;
      }
      return Outcome.priced(result.amountOrThrow(), explanation);
    }
    String reason = result.reason().orElseThrow().name().toLowerCase(Locale.ROOT);
    String detail = result.detail();
    return Outcome.notPriced(reason, explanation.isEmpty() ? detail
        : detail.isEmpty() ? explanation : detail + "; " + explanation);
  }
}
