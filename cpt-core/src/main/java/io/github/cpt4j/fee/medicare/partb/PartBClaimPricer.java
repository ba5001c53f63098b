package io.github.cpt4j.fee.medicare.partb;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.ClaimPricer;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.LimitingCharge;
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
import java.util.Optional;
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
 *   <li>The lines the <b>Physician Fee Schedule</b> pays, and the anesthesia lines, are priced
 *       together by the {@link MedicareClaimPricer}, with its claim steps (multiple procedures,
 *       bilateral pairs, status T, add-ons, one anesthesia service per session...) and the edits'
 *       findings. An {@link AnesthesiaFeeSchedule} given to the Part B schedule, beside a Physician
 *       Fee Schedule without one, is given to the pricer's schedule ({@link
 *       MedicareFeeSchedule#withAnesthesia}, {@link MedicareClaimPricer.Builder#schedule}), the
 *       pricer keeping its edits and steps: the claim is priced as when the Physician Fee Schedule
 *       has that anesthesia schedule, its anesthesia service one of the claim's payable services
 *       (no status T line is paid beside it, an add-on has it for primary) and the qualifying
 *       circumstances 99100-99140 refused as such. These lines' explanations are the claim
 *       pricer's, without a {@code part-b} step.
 *   <li>Every <b>other line</b> (and an anesthesia line of another kind of anesthesia schedule) is
 *       priced alone by its schedule (CLFS, DMEPOS, ASP), with its findings applied as the
 *       Physician Fee Schedule's pricer applies them (a denied line is unpriced with the edit's
 *       reason, denied units are taken off, flags are warnings), and its explanation ends with the
 *       {@code part-b} step naming that schedule.
 *   <li><b>Supplies incident to a physician's service</b>: a DMEPOS line of a status P code (a
 *       surgical dressing, an ostomy supply) beside a paid Physician Fee Schedule service of the
 *       same rendering provider and date is bundled into that service, {@link
 *       UnpricedReason#NOT_PAYABLE_ON_CLAIM} (the relative value file's status P: paid separately
 *       only when not furnished incident to a physician service).
 *   <li><b>Specimen collection</b>: more than one collection fee on a date (36415 x2, or 36415
 *       beside G0471) is flagged on each, {@link
 *       io.github.cpt4j.fee.ClaimWarning.Kind#DOCUMENTATION_REQUIRED}, amounts unchanged: Medicare
 *       pays one per patient encounter (Pub. 100-04, ch. 16, §60.1), and a line does not say which
 *       encounter it was. A paid travel allowance (P9603, P9604) of a date without a paid
 *       collection is flagged the same way, its amount kept: Medicare pays it only when a
 *       collection fee is also payable (§60.2), which may have been billed on another claim.
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
 * UnpricedReason#DATE_NOT_COVERED}, without the edits' findings on them (no denial, no warning), as
 * {@link MedicareReleases#price(Claim, PricingContext)} answers. Immutable and thread-safe.
 */
public final class PartBClaimPricer implements ClaimPricer {

  private final PartBFeeSchedule partB;

  /**
   * The one Physician Fee Schedule pricer, given the Part B schedule's anesthesia schedule when it
   * has none; null when priced by release.
   */
  private final MedicareClaimPricer single;

  private final MedicareReleases releases;

  /** Each release's pricer, given the Part B schedule's anesthesia schedule as {@link #single}. */
  private final Map<MedicareRelease, MedicareClaimPricer> byRelease;

  /**
   * Runs the edits when no release covers any of the claim's dates (every release's pricer has the
   * same edits), for the lines other schedules price: the Physician Fee Schedule's lines of such
   * dates are not covered, whatever it finds on them. The one pricer when not priced by release.
   */
  private final MedicareClaimPricer scrubber;

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
  }

  /**
   * Returns {@code pfs} over its schedule given the {@link AnesthesiaFeeSchedule} of {@code partB},
   * with its edits, steps and modifier registry, so that the anesthesia lines are priced with the
   * Physician Fee Schedule's, as one claim; {@code pfs} itself when {@code partB} has none, the
   * schedule has an anesthesia schedule of its own, or the two have no date in common (a 2026
   * release beside 2025 anesthesia factors: its anesthesia lines are then routed to {@code partB},
   * which answers that the date is not covered, rather than the pricer failing to be built).
   */
  private static MedicareClaimPricer withAnesthesia(
      MedicareClaimPricer pfs, PartBFeeSchedule partB) {
    Optional<AnesthesiaFeeSchedule> given =
        partB
            .schedule(PartBPayer.ANESTHESIA)
            .filter(AnesthesiaFeeSchedule.class::isInstance)
            .map(AnesthesiaFeeSchedule.class::cast);
    if (given.isEmpty() || pfs.schedule().anesthesia().isPresent()) {
      return pfs;
    }
    AnesthesiaFeeSchedule anesthesia = given.get();
    MedicareFeeSchedule schedule = pfs.schedule();
    if (anesthesia.effectiveTo().isBefore(schedule.effectiveFrom())
        || anesthesia.effectiveFrom().isAfter(schedule.effectiveTo())) {
      return pfs;
    }
    return pfs.toBuilder().schedule(schedule.withAnesthesia(anesthesia)).build();
  }

  /**
   * Returns a pricer of claims that routes with {@code partB} and prices the Physician Fee
   * Schedule's lines with {@code pfs}, whose edits run over every line. When {@code partB} has an
   * {@link AnesthesiaFeeSchedule} and {@code pfs}'s schedule none, the anesthesia lines are priced
   * with them by {@code pfs} over its schedule given that one ({@link
   * MedicareClaimPricer.Builder#schedule}).
   *
   * @param partB the schedules that route and price every line but the Physician Fee Schedule's
   * @param pfs the pricer of the Physician Fee Schedule's lines, with its edits and claim rules
   * @return the pricer
   */
  public static PartBClaimPricer of(PartBFeeSchedule partB, MedicareClaimPricer pfs) {
    requireNonNull(partB, "partB");
    requireNonNull(pfs, "pfs");
    MedicareClaimPricer given = withAnesthesia(pfs, partB);
    return new PartBClaimPricer(partB, given, null, Map.of(), given);
  }

  /**
   * Returns a pricer of claims that routes with {@code partB} and prices the Physician Fee
   * Schedule's lines with the claim pricer of the release in force on the date of service, each
   * built by {@code pipeline} from the release's standard pricer (to add edits, for example).
   * {@code partB} should route by the releases' schedules ({@link
   * PartBFeeSchedule.Builder#physicianFeeSchedule}), so that a code one release pays is routed to
   * the Physician Fee Schedule. An {@link AnesthesiaFeeSchedule} of {@code partB} is given to each
   * release's pricer whose schedule has none, as by {@link #of(PartBFeeSchedule,
   * MedicareClaimPricer)}.
   *
   * @param partB the schedules that route and price every line but the Physician Fee Schedule's
   * @param releases CMS's releases of the Physician Fee Schedule
   * @param pipeline builds each release's pricer from its standard one, such as {@code b ->
   *     b.addEdit(edit)}
   * @return the pricer
   * @throws IllegalArgumentException if the pipeline gives the releases edits of different names
   * @throws NullPointerException if an argument is null, or {@code pipeline} returns null (the
   *     message names the pipeline and the release)
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
      // Named here: a null builder failed inside, "because the return value of
      // UnaryOperator.apply(Object) is null".
      MedicareClaimPricer.Builder built =
          requireNonNull(
              pipeline.apply(release.claimPricer().toBuilder()),
              () -> "pipeline returned null for the builder of release " + release.id());
      MedicareClaimPricer pricer = withAnesthesia(built.build(), partB);
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

  /** {@return the router that sends each line to its schedule} */
  public PartBFeeSchedule partB() {
    return partB;
  }

  /** {@return the claim edits that run over every line, in order} */
  public ImmutableList<ClaimEdit> edits() {
    return scrubber.edits();
  }

  /**
   * {@return the schedule that paid (or should have paid) {@code line}}
   *
   * @param line a line this pricer priced
   */
  public PartBPayer payerOf(PricedLine line) {
    requireNonNull(line, "line");
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
    return price(claim, context, false);
  }

  /**
   * Returns the Medicare limiting charge of every line of {@code claim} in {@code context}, as
   * {@link MedicareClaimPricer#limitingCharges} gives it for the Physician Fee Schedule's lines
   * (anesthesia included): 109.25% of the participating amount after the claim's rules. The other
   * lines have none, and are unpriced with the approved amount (priced in {@code context} as {@link
   * #price} prices them) in their detail and explanation, or with their own reason when not priced:
   *
   * <ul>
   *   <li>a clinical laboratory test and a Part B drug are paid only on assignment, {@link
   *       UnpricedReason#ASSIGNMENT_REQUIRED}: Social Security Act §1833(h)(5)(C) for the tests,
   *       §1842(o)(3) for drugs and biologicals;
   *   <li>DMEPOS, {@link UnpricedReason#NO_LIMITING_CHARGE}: the law sets no limiting charge for it
   *       (the 115% of §1848(g)(2) is of the Physician Fee Schedule's services).
   * </ul>
   *
   * <pre>{@code
   * PricedClaim limits = pricer.limitingCharges(claim, office.withBeneficiaryZip("10001"));
   * limits.pricedTotal();   // the sum of the physician services' limiting charges
   * }</pre>
   *
   * <p>The claim {@linkplain PricedClaim#isLimitingCharges() is one of limiting charges}: a claim
   * of laboratory tests, drugs and DMEPOS items only has no limiting-charge total ({@link
   * PricedClaim#pricedTotal()} is empty), not one of 0.00.
   *
   * @param claim the claim to price
   * @param context the date of service, locality and setting of the claim
   * @return the claim of limiting charges
   */
  public PricedClaim limitingCharges(Claim claim, PricingContext context) {
    return price(claim, context, true);
  }

  /** Prices every line of {@code claim}, for its amount or for its limiting charge. */
  private PricedClaim price(Claim claim, PricingContext context, boolean limitingCharges) {
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
    for (int i = 0; i < n; i++) {
      BilledLine billed = claim.line(i);
      PartBPayer payer = partB.payerOf(billed.line());
      MedicareClaimPricer linePfs = byLine == null ? pfs : byLine[i];
      if (linePfs != null && paysOnPfs(payer, linePfs)) {
        onPfs.set(i);
      } else {
        LocalDate on = billed.dateOfServiceOr(date);
        // A line of its own date is priced on that date.
        PricingContext onItsDate =
            billed.dateOfService().isEmpty() ? context : context.withDateOfService(on);
        // A line no release covers is not covered, whatever the edits found on it, as
        // MedicareReleases answers: the fallback's findings are another release's (its global
        // periods, its indicators), and a denial among them would hide that the date is not
        // covered.
        priced[i] =
            linePfs == null && paysOnPfs(payer, scrubber)
                ? LineAlone.price(claim, i, List.of(), line -> notCovered(on), null)
                : LineAlone.price(
                    claim,
                    i,
                    findings,
                    line -> partB.price(line, onItsDate),
                    partB.routeStep(payer));
        if (limitingCharges) {
          priced[i] = limitingChargeAlone(claim, i, findings, payer, onItsDate, priced[i]);
        }
      }
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
      List<PricedLine> pfsLines =
          limitingCharges
              ? pricer.limitingChargeLines(claim, lines, context, findings)
              : pricer.priceLines(claim, lines, context, findings);
      for (PricedLine line : pfsLines) {
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
    IncidentSupplies.bundle(claim, context, partB, priced, pfs, byLine);
    return limitingCharges
        ? PricedClaim.ofLimitingCharges(context, Arrays.asList(priced))
        : PricedClaim.of(context, Arrays.asList(priced));
  }

  /**
   * Returns the limiting charge of line {@code i}, priced alone by {@code payer}'s schedule in
   * {@code context} as {@code approved}: none for the laboratory, DMEPOS and drug schedules ({@link
   * NoLimitingCharge}); for an anesthesia line of a schedule the claim pricer does not hold,
   * 109.25% of its participating amount, or {@code ASSIGNMENT_REQUIRED} for a practitioner paid
   * only on assignment (by type, or by the line's QZ or QX: {@link
   * LimitingCharge#paidOnlyOnAssignment}), as {@link MedicareFeeSchedule#limitingCharge} answers
   * for a line alone. A line without an amount keeps its reason.
   */
  private PricedLine limitingChargeAlone(
      Claim claim,
      int i,
      List<EditFinding> findings,
      PartBPayer payer,
      PricingContext context,
      PricedLine approved) {
    if (!(approved.result() instanceof FeeResult.Priced amount)) {
      return approved;
    }
    FeeResult limit;
    List<ClaimWarning> warnings = approved.warnings();
    if (payer != PartBPayer.ANESTHESIA && payer != PartBPayer.PHYSICIAN_FEE_SCHEDULE) {
      limit = NoLimitingCharge.of(payer, amount);
    } else {
      BilledLine billed = claim.line(i);
      PractitionerType practitioner =
          billed
              .renderingProvider()
              .map(context::forRenderingProvider)
              .orElse(context)
              .practitioner();
      if (LimitingCharge.paidOnlyOnAssignment(billed.line(), practitioner)) {
        limit = LimitingCharge.assignmentRequired(billed.line(), practitioner, amount);
      } else {
        // Participating, and not compared with the billed charge: the limiting charge caps it.
        PricingContext participating = context.withParticipating(true);
        // The line as priced, with the units an edit left: 01953's are each limited as a line
        // of one (LimitingCharge.ofAnesthesia).
        ClaimLine[] paid = {billed.line()};
        PricedLine line =
            LineAlone.price(
                claim,
                i,
                findings,
                toPrice -> {
                  paid[0] = toPrice;
                  return partB.price(toPrice, participating);
                },
                partB.routeStep(payer),
                false);
        limit =
            payer == PartBPayer.ANESTHESIA
                ? LimitingCharge.ofAnesthesia(paid[0], line.result())
                : LimitingCharge.of(line.result());
        warnings = line.warnings();
      }
    }
    return PricedLine.of(
        approved.index(),
        approved.lineNumber(),
        approved.billed(),
        limit,
        limit.isPriced() ? Optional.empty() : Optional.of(LimitingCharge.RULE),
        warnings);
  }

  /**
   * Tells whether the claim pricer prices a line {@code payer} pays: the Physician Fee Schedule's
   * lines, and anesthesia lines when its schedule prices anesthesia (as one session), its own
   * anesthesia schedule or the one given to the Part B schedule.
   */
  static boolean paysOnPfs(PartBPayer payer, MedicareClaimPricer pfs) {
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
