package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.data.MedicareFiles;
import io.github.cpt4j.data.medicare.AspFile;
import io.github.cpt4j.data.medicare.ClfsFile;
import io.github.cpt4j.data.medicare.CmsDirectory;
import io.github.cpt4j.data.medicare.DmeposFile;
import io.github.cpt4j.data.medicare.DmeposRuralZipFile;
import io.github.cpt4j.data.medicare.GpciFile;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.asp.AspFeeSchedule;
import io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBPayer;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fee.medicare.release.MedicareRelease;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    return pricer(files, explainPriced, List.of());
  }

  @Override
  public ClaimPricer pricer(CmsFiles files, boolean explainPriced, List<ClaimEdit> edits) {
    requireNonNull(files, "files");
    List<ClaimEdit> checked = List.copyOf(edits);
    OtherSchedules others = otherPartBSchedules(files);
    if (files.isEmpty()) {
      return new Releases(BundledData.medicareReleases(), others, explainPriced, checked);
    }
    if (files.noPhysicianFeeScheduleFile()) {
      return new Claims(BundledData.medicareFeeSchedule(), others, explainPriced, checked);
    }
    try {
      MedicareFeeSchedule schedule =
          MedicareFiles.of(files.rvu(), files.gpci(), files.oppsCap()).schedule();
      return new Claims(schedule, others, explainPriced, checked);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The Clinical Laboratory, DMEPOS and drug (ASP) schedules: each from its file when given, else
   * the bundled 2025 Q1 rows of the sample codes.
   */
  private static OtherSchedules otherPartBSchedules(CmsFiles files) {
    try {
      DmeposZipTable zips =
          files.dmeRuralZips().isPresent()
              ? DmeposRuralZipFile.read(files.dmeRuralZips().get(), BundledData.dmeposZips())
              : BundledData.dmeposZips();
      return new OtherSchedules(
          files.clfs().isPresent()
              ? ClfsFile.read(files.clfs().get())
              : BundledData.clinicalLabFeeSchedule(),
          files.dmepos().isPresent()
              ? DmeposFile.read(files.dmepos().get(), zips)
              : BundledData.dmeposFeeSchedule().withZips(zips),
          files.asp().isPresent() ? AspFile.read(files.asp().get()) : BundledData.aspFeeSchedule());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ClaimPricer pricer(Path cmsDirectory, boolean explainPriced) {
    return pricer(cmsDirectory, explainPriced, List.of());
  }

  @Override
  public ClaimPricer pricer(Path cmsDirectory, boolean explainPriced, List<ClaimEdit> edits) {
    requireNonNull(cmsDirectory, "cmsDirectory");
    List<ClaimEdit> checked = List.copyOf(edits);
    try {
      return new Releases(
          CmsDirectory.load(cmsDirectory).releases(),
          otherPartBSchedules(PricingData.CmsFiles.NONE),
          explainPriced,
          checked);
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
  /** The Part B schedules other than the Physician Fee Schedule. */
  record OtherSchedules(ClfsFeeSchedule clfs, DmeposFeeSchedule dmepos, AspFeeSchedule asp) {}

  static final class Claims implements ClaimPricer {
    private final MedicareClaimPricer pricer;
    private final PartBFeeSchedule partB;
    private final boolean explainPriced;

    Claims(
        MedicareFeeSchedule schedule,
        OtherSchedules others,
        boolean explainPriced,
        List<ClaimEdit> edits) {
      this.pricer = withEdits(MedicareClaimPricer.builder(schedule), edits);
      // The same schedules, with the Physician Fee Schedule, to route each line.
      this.partB =
          PartBFeeSchedule.builder()
              .physicianFeeSchedule(schedule)
              .clinicalLaboratory(others.clfs())
              .dmepos(others.dmepos())
              .drugs(others.asp())
              .build();
      this.explainPriced = explainPriced;
    }

    /**
     * Prices the lines the Physician Fee Schedule pays together, with the claim rules (multiple
     * procedures, bilateral pairs...), and every other line alone with the schedule that pays it.
     */
    @Override
    public List<Outcome> price(List<LineRequest> lines, boolean participating) {
      LineRequest first = lines.get(0);
      PricingContext context =
          PricingContext.of(first.date(), first.locality(), first.setting())
              .withParticipating(participating);
      PricingContext patient =
          first.beneficiaryZip().map(context::withBeneficiaryZip).orElse(context);
      Outcome[] outcomes = new Outcome[lines.size()];
      List<BilledLine> billed = new ArrayList<>(lines.size());
      List<Integer> positions = new ArrayList<>(lines.size());
      for (int i = 0; i < lines.size(); i++) {
        LineRequest request = lines.get(i);
        ClaimLine line = request.line();
        if (partB.payerOf(line.code()) == PartBPayer.PHYSICIAN_FEE_SCHEDULE) {
          billed.add(billed(request, first));
          positions.add(i);
        } else {
          outcomes[i] = outcome(partB.price(line, onDate(patient, request)), explainPriced);
        }
      }
      if (!billed.isEmpty()) {
        PricedClaim claim = pricer.price(Claim.of(billed), context);
        for (int i = 0; i < positions.size(); i++) {
          outcomes[positions.get(i)] = outcome(claim.lines().get(i), explainPriced);
        }
      }
      return Arrays.asList(outcomes);
    }
  }

  /**
   * The line as billed: with its own date of service when it differs from the claim's (the first
   * line's), so that the claim pricer applies its same-day rules per date.
   */
  static BilledLine billed(LineRequest request, LineRequest first) {
    BilledLine billed = BilledLine.of(request.line());
    return request.date().equals(first.date()) ? billed : billed.withDateOfService(request.date());
  }

  /** The claim's context on the line's own date. */
  static PricingContext onDate(PricingContext claim, LineRequest request) {
    return request.date().equals(claim.dateOfService())
        ? claim
        : claim.withDateOfService(request.date());
  }

  /** Turns a line priced alone, outside the Physician Fee Schedule, into a line of output. */
  static Outcome outcome(FeeResult result, boolean explainPriced) {
    if (result.isPriced()) {
      return Outcome.priced(
          result.amountOrThrow(), explainPriced ? result.explanation().toString() : "");
    }
    String reason = result.reason().orElseThrow().name().toLowerCase(Locale.ROOT);
    StringBuilder why = new StringBuilder(result.detail());
    append(why, result.explanation().toString());
    return Outcome.notPriced(reason, why.toString());
  }

  /**
   * Prices the lines of one claim with the release in force on its date of service; a date no
   * release covers is {@code date_not_covered}, saying which dates the data covers.
   */
  static final class Releases implements ClaimPricer {
    private final MedicareReleases releases;
    // Each release's claim pricer with the edits; read-only once built, so thread-safe.
    private final Map<MedicareRelease, MedicareClaimPricer> pricers;
    private final PartBFeeSchedule partB;
    private final boolean explainPriced;

    Releases(
        MedicareReleases releases,
        OtherSchedules others,
        boolean explainPriced,
        List<ClaimEdit> edits) {
      this.releases = releases;
      this.pricers = new IdentityHashMap<>();
      for (MedicareRelease release : releases.releases()) {
        pricers.put(release, withEdits(release.claimPricer().toBuilder(), edits));
      }
      // Routes by the bundled 2025 Physician Fee Schedule's statuses and the other schedules.
      this.partB =
          PartBFeeSchedule.builder()
              .physicianFeeSchedule(BundledData.medicareFeeSchedule())
              .clinicalLaboratory(others.clfs())
              .dmepos(others.dmepos())
              .drugs(others.asp())
              .build();
      this.explainPriced = explainPriced;
    }

    /**
     * Prices the lines the Physician Fee Schedule pays together with the release of the date, and
     * every other line alone with the schedule that pays it.
     */
    @Override
    public List<Outcome> price(List<LineRequest> lines, boolean participating) {
      LineRequest first = lines.get(0);
      PricingContext context =
          PricingContext.of(first.date(), first.locality(), first.setting())
              .withParticipating(participating);
      PricingContext patient =
          first.beneficiaryZip().map(context::withBeneficiaryZip).orElse(context);
      Outcome[] outcomes = new Outcome[lines.size()];
      List<BilledLine> billed = new ArrayList<>(lines.size());
      List<Integer> positions = new ArrayList<>(lines.size());
      for (int i = 0; i < lines.size(); i++) {
        LineRequest request = lines.get(i);
        ClaimLine line = request.line();
        if (partB.payerOf(line.code()) == PartBPayer.PHYSICIAN_FEE_SCHEDULE) {
          billed.add(billed(request, first));
          positions.add(i);
        } else {
          outcomes[i] = outcome(partB.price(line, onDate(patient, request)), explainPriced);
        }
      }
      if (!billed.isEmpty()) {
        Optional<PricedClaim> claim =
            releases
                .releaseOn(first.date())
                .map(release -> pricers.get(release).price(Claim.of(billed), context));
        for (int i = 0; i < positions.size(); i++) {
          outcomes[positions.get(i)] =
              claim.isEmpty()
                  ? Outcome.notPriced(
                      "date_not_covered",
                      "the Medicare data covers " + releases.coverage() + ", not " + first.date())
                  : outcome(claim.get().lines().get(i), explainPriced);
        }
      }
      return Arrays.asList(outcomes);
    }
  }

  /** Builds a claim pricer that runs {@code edits} before its steps. */
  private static MedicareClaimPricer withEdits(
      MedicareClaimPricer.Builder builder, List<ClaimEdit> edits) {
    for (ClaimEdit edit : edits) {
      builder.addEdit(edit);
    }
    return builder.build();
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
