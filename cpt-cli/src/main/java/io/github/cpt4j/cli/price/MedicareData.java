package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.data.MedicareFiles;
import io.github.cpt4j.data.medicare.CmsDirectory;
import io.github.cpt4j.data.medicare.GpciFile;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
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
 * from the CMS files given on the command line, each file replacing its bundled counterpart (by
 * cpt-data's {@link MedicareFiles}), and priced claim by claim with the library's {@link
 * MedicareClaimPricer}. Nothing is loaded before it is needed.
 */
public final class MedicareData implements PricingData {

  @Override
  public ClaimPricer pricer(CmsFiles files, boolean explainPriced) {
    requireNonNull(files, "files");
    if (files.isEmpty()) {
      return new Releases(BundledData.medicareReleases(), explainPriced);
    }
    try {
      MedicareFeeSchedule schedule =
          MedicareFiles.of(files.rvu(), files.gpci(), files.oppsCap()).schedule();
      return new Claims(schedule, explainPriced);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ClaimPricer pricer(Path cmsDirectory, boolean explainPriced) {
    requireNonNull(cmsDirectory, "cmsDirectory");
    try {
      return new Releases(CmsDirectory.load(cmsDirectory).releases(), explainPriced);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String describe(Optional<Path> cmsDirectory) {
    if (cmsDirectory.isEmpty()) {
      return BundledData.describeMedicareReleases();
    }
    try {
      return CmsDirectory.load(cmsDirectory.get()).describe();
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

  /**
   * Prices the lines of one claim with the release in force on its date of service; a date no
   * release covers is {@code date_not_covered}, saying which dates the data covers.
   */
  static final class Releases implements ClaimPricer {
    private final MedicareReleases releases;
    private final boolean explainPriced;

    Releases(MedicareReleases releases, boolean explainPriced) {
      this.releases = releases;
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
      Optional<PricedClaim> claim = releases.price(Claim.of(billed), context);
      List<Outcome> outcomes = new ArrayList<>(lines.size());
      if (claim.isEmpty()) {
        String why = "the Medicare data covers " + releases.coverage() + ", not " + first.date();
        for (int i = 0; i < lines.size(); i++) {
          outcomes.add(Outcome.notPriced("date_not_covered", why));
        }
        return outcomes;
      }
      for (PricedLine line : claim.get().lines()) {
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
