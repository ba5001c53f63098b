package io.github.cpt4j.fee.medicare.partb;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.ClaimPricer;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fee.medicare.release.MedicareRelease;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Prices every line of a Medicare Part B claim — visits and procedures, lab tests, equipment, drugs
 * — each from the schedule that pays it, with the claim edits run over the whole claim.
 *
 * <ol>
 *   <li><b>Claim edits</b> (the Physician Fee Schedule pricer's: the modifier rules, and NCCI or a
 *       payer's edits added to it) run once over <em>every</em> line of the claim: an MUE on a drug
 *       or a procedure-to-procedure pair with a lab test denies that line as it would a surgery.
 *   <li><b>Routing</b>: each line goes to the schedule {@link PartBFeeSchedule#payerOf} names.
 *   <li>The lines the <b>Physician Fee Schedule</b> pays (and anesthesia lines when its schedule
 *       has an anesthesia schedule) are priced together by the {@link MedicareClaimPricer}, with
 *       its claim steps (multiple procedures, bilateral pairs...) and the edits' findings. The
 *       anesthesia lines of an {@link AnesthesiaFeeSchedule} given to the Part B schedule instead
 *       are priced by the claim pricer of the Physician Fee Schedule given it ({@link
 *       MedicareFeeSchedule#withAnesthesia}), apart from the other lines: one session per date of
 *       service, one service paid with the total time (chapter 12, section 50), their explanations
 *       ending with the {@code part-b} step.
 *   <li>Every <b>other line</b> is priced alone by its schedule (CLFS, DMEPOS, ASP), with its
 *       findings applied as the Physician Fee Schedule's pricer applies them (a denied line is
 *       unpriced with the edit's reason, denied units are taken off, flags are warnings), and its
 *       explanation ends with the {@code part-b} step naming that schedule.
 *   <li><b>Specimen collection</b>: more than one collection fee on a date (36415 x2, or 36415
 *       beside G0471) is flagged on each, {@link
 *       io.github.cpt4j.fee.ClaimWarning.Kind#DOCUMENTATION_REQUIRED}, amounts unchanged: Medicare
 *       pays one per patient encounter (Pub. 100-04, ch. 16, §60.1), and a line does not say which
 *       encounter it was.
 *   <li><b>Billed charge</b>: Medicare pays the lower of the billed charge and the fee on every
 *       line: the Physician Fee Schedule's lines through its {@code billed-charge} step, the others
 *       here (Social Security Act section 1833(a)(1)(D) for lab tests; 42 CFR 414.210(a) for
 *       DMEPOS; 42 CFR 414.904(a) for drugs).
 * </ol>
 *
 * <pre>{@code
 * PartBClaimPricer pricer = PartBClaimPricer.of(partB,
 *     MedicareClaimPricer.builder(BundledData.medicareFeeSchedule()).addEdit(ncci).build());
 * PricedClaim claim = pricer.price(Claim.builder().add("99213-25").add("J1100 x8").build(),
 *     office.withBeneficiaryZip("10001"));
 * pricer.payerOf(claim.line(1));   // DRUGS
 * }</pre>
 *
 * <p>With {@link #of(PartBFeeSchedule, MedicareReleases, UnaryOperator)} the Physician Fee
 * Schedule's lines are priced by the claim pricer of the release in force on each line's date of
 * service (the lines of each release together, each keeping its number in the claim; the edits run
 * once over the whole claim); on a date no release covers they are {@link
 * UnpricedReason#DATE_NOT_COVERED}. Immutable and thread-safe.
 */
public final class PartBClaimPricer implements ClaimPricer {

  private final PartBFeeSchedule partB;

  /** The one Physician Fee Schedule pricer; null when priced by release. */
  private final MedicareClaimPricer single;

  private final MedicareReleases releases;
  private final Map<MedicareRelease, MedicareClaimPricer> byRelease;

  /** Runs the edits on a date no release covers: every release's pricer has the same edits. */
  private final MedicareClaimPricer scrubber;

  /**
   * The pricer of the anesthesia lines of each Physician Fee Schedule pricer whose schedule has no
   * anesthesia schedule: its schedule given the Part B schedule's. Empty when the Part B schedule
   * has no {@link AnesthesiaFeeSchedule}; another kind of anesthesia schedule prices each line
   * alone, as the lab, equipment and drug lines are.
   */
  private final IdentityHashMap<MedicareClaimPricer, MedicareClaimPricer> anesthesia;

  private PartBClaimPricer(
      PartBFeeSchedule partB,
      MedicareClaimPricer single,
      MedicareReleases releases,
      Map<MedicareRelease, MedicareClaimPricer> byRelease,
      MedicareClaimPricer scrubber) {
    this.partB = partB;
    this.single = single;
    this.releases = releases;
    this.byRelease = byRelease;
    this.scrubber = scrubber;
    this.anesthesia = new IdentityHashMap<>();
    AnesthesiaFeeSchedule given =
        partB
            .schedule(PartBPayer.ANESTHESIA)
            .filter(AnesthesiaFeeSchedule.class::isInstance)
            .map(AnesthesiaFeeSchedule.class::cast)
            .orElse(null);
    for (MedicareClaimPricer pfs : single != null ? List.of(single) : byRelease.values()) {
      if (given != null && pfs.schedule().anesthesia().isEmpty()) {
        // The standard steps: a payer's own steps were given for the Physician Fee Schedule's
        // lines. Its edits are not run: the findings of the whole claim's are given.
        anesthesia.put(pfs, MedicareClaimPricer.of(pfs.schedule().withAnesthesia(given)));
      }
    }
  }

  /**
   * Returns a pricer of claims that routes with {@code partB} and prices the Physician Fee
   * Schedule's lines with {@code pfs}, whose edits run over every line.
   */
  public static PartBClaimPricer of(PartBFeeSchedule partB, MedicareClaimPricer pfs) {
    requireNonNull(partB, "partB");
    requireNonNull(pfs, "pfs");
    return new PartBClaimPricer(partB, pfs, null, Map.of(), pfs);
  }

  /**
   * Returns a pricer of claims that routes with {@code partB} and prices the Physician Fee
   * Schedule's lines with the claim pricer of the release in force on the date of service, each
   * built by {@code pipeline} from the release's standard pricer (to add edits, for example).
   * {@code partB} should route by the releases' schedules ({@link
   * PartBFeeSchedule.Builder#physicianFeeSchedule}), so that a code one release pays is routed to
   * the Physician Fee Schedule.
   *
   * @throws IllegalArgumentException if the pipeline gives the releases edits of different names
   */
  public static PartBClaimPricer of(
      PartBFeeSchedule partB,
      MedicareReleases releases,
      UnaryOperator<MedicareClaimPricer.Builder> pipeline) {
    requireNonNull(partB, "partB");
    requireNonNull(releases, "releases");
    requireNonNull(pipeline, "pipeline");
    IdentityHashMap<MedicareRelease, MedicareClaimPricer> pricers = new IdentityHashMap<>();
    MedicareClaimPricer first = null;
    for (MedicareRelease release : releases.releases()) {
      MedicareClaimPricer pricer = pipeline.apply(release.claimPricer().toBuilder()).build();
      if (first == null) {
        first = pricer;
      } else if (!editNames(pricer).equals(editNames(first))) {
        throw new IllegalArgumentException(
            "every release's pricer must run the same claim edits: " + pricer + " and " + first);
      }
      pricers.put(release, pricer);
    }
    return new PartBClaimPricer(partB, null, releases, pricers, requireNonNull(first, "first"));
  }

  private static List<String> editNames(MedicareClaimPricer pricer) {
    return pricer.edits().stream().map(ClaimEdit::name).toList();
  }

  /** Returns the router that sends each line to its schedule. */
  public PartBFeeSchedule partB() {
    return partB;
  }

  /** Returns the claim edits that run over every line, in order. */
  public ImmutableList<ClaimEdit> edits() {
    return scrubber.edits();
  }

  /** Returns the schedule that paid (or should have paid) {@code line}. */
  public PartBPayer payerOf(PricedLine line) {
    return partB.payerOf(line.line());
  }

  @Override
  public String name() {
    return partB.name();
  }

  /**
   * Prices every line of {@code claim} in {@code context}; the context's beneficiary ZIP code
   * prices the DMEPOS lines. Never throws for data.
   */
  @Override
  public PricedClaim price(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    LocalDate date = context.dateOfService();
    int n = claim.size();
    // Each line's Physician Fee Schedule pricer: that of the release in force on its date. The
    // usual claim is of one release, found with one comparison per line.
    MedicareClaimPricer pfs =
        single != null ? single : pricerOn(n == 0 ? date : claim.line(0).dateOfServiceOr(date));
    MedicareClaimPricer[] byLine = null;
    for (int i = 1; single == null && i < n; i++) {
      if (pricerOn(claim.line(i).dateOfServiceOr(date)) != pfs) {
        byLine = new MedicareClaimPricer[n];
        for (int j = 0; j < n; j++) {
          byLine[j] = pricerOn(claim.line(j).dateOfServiceOr(date));
          pfs = pfs == null ? byLine[j] : pfs; // the first covered release's
        }
        break;
      }
    }
    // A claim over several releases: each line judged by the edits of its own date's release.
    List<EditFinding> findings =
        byLine == null
            ? (pfs == null ? scrubber : pfs).scrub(claim, context)
            : MedicareClaimPricer.scrubByLine(
                claim, context, Arrays.asList(byLine), pfs == null ? scrubber : pfs);
    findings = SpecimenCollections.flag(claim, context, partB, findings);
    PricedLine[] priced = new PricedLine[n];
    BitSet onPfs = new BitSet(n);
    BitSet onAnesthesia = null;
    for (int i = 0; i < n; i++) {
      BilledLine billed = claim.line(i);
      PartBPayer payer = partB.payerOf(billed.line());
      MedicareClaimPricer linePfs = byLine == null ? pfs : byLine[i];
      if (linePfs != null && paysOnPfs(payer, linePfs)) {
        onPfs.set(i);
      } else if (payer == PartBPayer.ANESTHESIA && anesthesia.containsKey(linePfs)) {
        // The anesthesia schedule given to the Part B schedule, not to the Physician Fee
        // Schedule's: priced below, by session.
        onAnesthesia = onAnesthesia == null ? new BitSet(n) : onAnesthesia;
        onAnesthesia.set(i);
      } else {
        LocalDate on = billed.dateOfServiceOr(date);
        priced[i] =
            linePfs == null && paysOnPfs(payer, scrubber)
                ? LineAlone.price(claim, i, findings, line -> notCovered(on), null)
                : LineAlone.price(
                    claim,
                    i,
                    findings,
                    // A line of its own date is priced on that date.
                    line ->
                        partB.price(
                            line,
                            billed.dateOfService().isEmpty()
                                ? context
                                : context.withDateOfService(billed.dateOfService().get())),
                    partB.routeStep(payer));
      }
    }
    if (onAnesthesia != null) {
      priceAnesthesia(claim, context, findings, onAnesthesia, byLine, pfs, priced);
    }
    // The Physician Fee Schedule's lines of each release together, as claims of their own; each
    // keeps its number in the whole claim, in its explanation too.
    while (!onPfs.isEmpty()) {
      int i = onPfs.nextSetBit(0);
      MedicareClaimPricer pricer = byLine == null ? pfs : byLine[i];
      BitSet lines = onPfs;
      if (byLine != null) {
        lines = new BitSet(n);
        for (int j = i; j >= 0; j = onPfs.nextSetBit(j + 1)) {
          if (byLine[j] == pricer) {
            lines.set(j);
          }
        }
      }
      for (PricedLine line : pricer.priceLines(claim, lines, context, findings)) {
        priced[line.index()] = line;
      }
      if (lines == onPfs) {
        // Every line of one release (the usual claim): done. Not andNot(itself): on a JVM that
        // compiles this method fully, the first andNot of a set with itself trapped out of the
        // compiled code twice, and each recompilation of this method took 0.1-0.25 s of a
        // compiler thread in a 10,000,000-line batch.
        break;
      }
      onPfs.andNot(lines);
    }
    return PricedClaim.of(context, Arrays.asList(priced));
  }

  /**
   * Prices the anesthesia lines {@code lines} that the anesthesia schedule given to the Part B
   * schedule pays, with the claim pricer of the Physician Fee Schedule of each line's date given
   * that schedule: the lines of each date one session, of which one service is paid with the total
   * time (chapter 12, section 50); a line an edit denied takes no part. Apart from the Physician
   * Fee Schedule's lines, so that they count for none of its claim rules (status T, add-ons), and
   * each explanation ends with the {@code part-b} step, as every line not paid by the Physician Fee
   * Schedule's pricer.
   */
  private void priceAnesthesia(
      Claim claim,
      PricingContext context,
      List<EditFinding> findings,
      BitSet lines,
      MedicareClaimPricer[] byLine,
      MedicareClaimPricer pfs,
      PricedLine[] priced) {
    PricingStep route = partB.routeStep(PartBPayer.ANESTHESIA);
    while (!lines.isEmpty()) {
      MedicareClaimPricer pricer = byLine == null ? pfs : byLine[lines.nextSetBit(0)];
      BitSet ofPricer = new BitSet(claim.size());
      for (int i = lines.nextSetBit(0); i >= 0; i = lines.nextSetBit(i + 1)) {
        if ((byLine == null ? pfs : byLine[i]) == pricer) {
          ofPricer.set(i);
        }
      }
      for (PricedLine line :
          anesthesia.get(pricer).priceLines(claim, ofPricer, context, findings)) {
        priced[line.index()] =
            PricedLine.of(
                line.index(),
                line.lineNumber(),
                line.billed(),
                line.result().withStep(route),
                line.refusedBy(),
                line.warnings());
      }
      lines.andNot(ofPricer);
    }
  }

  /**
   * Tells whether the claim pricer prices a line {@code payer} pays: the Physician Fee Schedule's
   * lines, and anesthesia lines when its schedule prices anesthesia (as one session).
   */
  private static boolean paysOnPfs(PartBPayer payer, MedicareClaimPricer pfs) {
    return payer == PartBPayer.PHYSICIAN_FEE_SCHEDULE
        || payer == PartBPayer.ANESTHESIA && pfs.schedule().anesthesia().isPresent();
  }

  private MedicareClaimPricer pricerOn(LocalDate date) {
    return releases.releaseOn(date).map(byRelease::get).orElse(null);
  }

  private FeeResult notCovered(LocalDate date) {
    return FeeResult.unpriced(
        UnpricedReason.DATE_NOT_COVERED,
        "the Medicare data covers " + releases.coverage() + ", not " + date,
        Explanation.empty());
  }

  @Override
  public String toString() {
    return "PartBClaimPricer("
        + partB
        + ", "
        + (single != null ? single : "by release: " + releases.coverage())
        + ")";
  }
}
