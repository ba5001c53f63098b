package io.github.cpt4j.fee.medicare.pfs.claim;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.ClaimScrubber;
import io.github.cpt4j.edit.DuplicateLinesEdit;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.LiabilityModifiersEdit;
import io.github.cpt4j.edit.ModifierRulesEdit;
import io.github.cpt4j.edit.ProviderDay;
import io.github.cpt4j.edit.RenderingProviders;
import io.github.cpt4j.fee.ClaimPricer;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaTimeEdit;
import io.github.cpt4j.fee.medicare.pfs.LineEvaluation;
import io.github.cpt4j.fee.medicare.pfs.LineEvaluator;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.modifier.ModifierRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Prices a whole {@link Claim} — the lines billed for one patient, on one date of service or on
 * several, by one rendering provider or several (below) — under the Medicare Physician Fee
 * Schedule, applying the payment rules that depend on the other lines and on payment modifiers, as
 * CMS's relative value file (Attachment A of its record layout) describes them. Each line's
 * explanation lists every rule applied, in order, with the exact amount after it.
 *
 * <pre>{@code
 * MedicareClaimPricer pricer = MedicareClaimPricer.of(medicare);
 * Claim claim = Claim.builder()
 *     .add("29880-RT", "2400.00")
 *     .add("20610-LT", "310.00")
 *     .add("99213-25", "180.00")
 *     .build();
 * PricedClaim pricing = pricer.price(claim, PricingContext.of(LocalDate.of(2025, 6, 2),
 *     Locality.parse("13282-99"), Setting.FACILITY));
 * pricing.total();
 * pricing.lines().forEach(line -> log.info(line.toString()));
 * }</pre>
 *
 * <h2>An open pipeline</h2>
 *
 * Pricing a claim is: <b>claim edits</b> ({@link ClaimEdit}s, which deny or flag lines) &rarr;
 * <b>line evaluation</b> (the fee schedule's {@link LineEvaluation} of every line the edits did not
 * deny) &rarr; <b>claim steps</b> ({@link ClaimStep}s, the payment rules below, in order, over one
 * {@link ClaimState}) &rarr; the priced claim. The edits and steps are immutable lists; {@link
 * #builder} and {@link #toBuilder()} add, remove or replace them, so that a payer's own rule or
 * edit is one class:
 *
 * <pre>{@code
 * MedicareClaimPricer payer = MedicareClaimPricer.builder(schedule)
 *     .addEdit(new PayerCosmeticEdit())
 *     .addStepBefore("billed-charge", new PayerVisitCap())
 *     .removeStep("status-t")
 *     .build();
 * List<EditFinding> findings = payer.scrub(claim, context);   // the edits alone
 * }</pre>
 *
 * <p>A line a claim edit denies ({@link EditAction#DENY_LINE}) is not evaluated: it is unpriced
 * with the finding's reason, names the edit in {@link PricedLine#refusedBy()}, and takes no part in
 * the claim rules (ranking, bilateral pairs). {@link EditAction#DENY_UNITS} prices the remaining
 * units, with a {@link ClaimWarning.Kind#UNITS_DENIED} warning saying so; {@link EditAction#FLAG}
 * is a warning.
 *
 * <h2>The edits and rules, in the order they apply</h2>
 *
 * <ol>
 *   <li><b>Duplicate lines</b> (edit {@code duplicate-lines}, {@link DuplicateLinesEdit}). A line
 *       alike in every field (code, modifiers in any order, units, minutes, charge) to an earlier
 *       line of the same provider and date is an exact duplicate, which Medicare's systems deny
 *       automatically: denied, {@link UnpricedReason#EDIT_DENIED}, naming the earlier line; a line
 *       repeating only the code and modifiers is a suspect duplicate, flagged; 76, 77 and 91 mark a
 *       repeat, neither (Claims Processing Manual ch. 1 §120).
 *   <li><b>Modifier rules</b> (edit {@code modifier-rules}, {@link ModifierRulesEdit}). {@link
 *       io.github.cpt4j.modifier.ModifierRules#standard()} checks every line; its violations are
 *       flags, reported as {@link ClaimWarning.Kind#MODIFIER_RULE_BROKEN} warnings, and do not by
 *       themselves stop pricing: the rules below refuse the combinations that change the payment.
 *   <li><b>Anesthesia time</b> (edit {@code anesthesia-time}, {@link AnesthesiaTimeEdit}). Minutes
 *       on a code not paid by time (outside 00100-01999, or 01953, 01995 and 01996, paid by base
 *       units alone) are used by no amount: flagged, a {@link ClaimWarning.Kind#MINUTES_IGNORED}
 *       warning, the amount unchanged (Claims Processing Manual ch. 12 §50).
 *   <li><b>Critical care</b> (edit {@code critical-care}, {@link CriticalCareEdit}). A service
 *       included in critical care (vascular access, gastric intubation, transcutaneous pacing,
 *       ventilator management, pulse oximetry, a chest X-ray's interpretation) billed by the
 *       practitioner who bills 99291 or 99292 that day is not paid separately: denied, {@link
 *       UnpricedReason#NOT_PAYABLE_ON_CLAIM}, naming the critical care line (Claims Processing
 *       Manual ch. 12 §30.6.12). An emergency department, hospital or office visit of that
 *       practitioner's day is paid only when it came before the critical care, shown by modifier 25
 *       on the critical care or the visit; without it the visit is denied, {@link
 *       UnpricedReason#EDIT_DENIED} (CY 2022 physician fee schedule final rule). 99291 is paid once
 *       a practitioner's day: its other units and lines are denied, the line paid being the one
 *       paid more (the higher charge per unit), whatever the order of the lines.
 *   <li><b>Liability modifiers</b> (edit {@code liability-modifiers}, {@link
 *       LiabilityModifiersEdit}). A line billed with GZ (expected to be denied as not reasonable
 *       and necessary, no advance beneficiary notice signed; from 1 July 2011, CMS change request
 *       7228) or GY (excluded by law or not a Medicare benefit) is denied, {@link
 *       UnpricedReason#BILLED_AS_NOT_COVERED}, the detail naming the modifier and its source.
 *   <li><b>Global surgery</b> (edit {@code global-surgery}, {@link GlobalSurgeryEdit}). An E/M
 *       visit on the day of a procedure of global period 000 or 010 without modifier 25, or on the
 *       day before or the day of a 090 procedure without 57, or in a procedure's postoperative days
 *       (lines of several dates) without 24, is part of the procedure's global surgical package:
 *       denied, {@link UnpricedReason#GLOBAL_SURGERY}, naming the procedure (Claims Processing
 *       Manual ch. 12 §40.1, §30.6.6); a line of 56 alone holds only the day before and the day of
 *       its surgery, a line of 55 alone only the postoperative days. It judges after the other
 *       edits ({@link ClaimEdit#judgesAfterDenials()}), so that a procedure another edit denies
 *       whole (a service included in critical care, an NCCI edit's column two code) opens no
 *       package.
 *   <li><b>Same-day visits</b> (edit {@code same-day-visits}, {@link SameDayVisitsEdit}). Of one
 *       provider's visits on one day: an emergency department, office or nursing facility visit
 *       beside the initial hospital care is denied (Claims Processing Manual ch. 12 §30.6.9.1.A),
 *       so is a discharge beside it (§30.6.9.1), a subsequent hospital visit beside the discharge
 *       is denied (§30.6.9.2), of two hospital visits only the initial hospital care, or else the
 *       one paid more, is paid (§30.6.9), and of two office or outpatient visits the one paid less
 *       is denied unless one carries 25 (§30.6.5, §30.6.7.B), each {@link
 *       UnpricedReason#EDIT_DENIED} naming the visit paid.
 *   <li><b>New-patient visits</b> (edit {@code new-patient-visit}, {@link NewPatientVisitEdit}). A
 *       new patient's visit after another visit by the same provider within 3 years, earlier on the
 *       claim, is flagged ({@link ClaimWarning.Kind#EDIT_FLAG}), the amount unchanged (§30.6.7.A).
 *       Edits added to the builder with {@link Builder#addEdit} run after these eight; {@link
 *       Builder#addEditBefore} puts one before a named edit.
 *   <li><b>Fee schedule.</b> The amount of one unit of the row the line selects: the 26, TC or 53
 *       row, or the global one (PC/TC indicator; 53 without a row of its own is contractor-priced).
 *       The schedule's refusals (not in the schedule, status not paid, modifier not allowed by
 *       PC/TC...) come back unchanged.
 *   <li><b>Steps {@code non-participating}, {@code practitioner}, {@code informational-modifiers},
 *       {@code bilateral-modifiers}, {@code split-care}, {@code surgeon-role}</b>: a
 *       non-participating provider is paid 95%; a non-physician practitioner its share ({@link
 *       io.github.cpt4j.fee.PractitionerType}: 85% for a nurse practitioner, 75% for a clinical
 *       social worker...; not again on an AS line); then the validity and shares of the line's own
 *       modifiers. 50 on BILAT SURG 9, or with LT or RT, or with more than 1 unit (but on an
 *       add-on, whose units are levels): refused. 54/55/56: the sum of the pre-, intra- and
 *       post-operative shares (refused when the code has none, or with 80, 81, 82 or AS on the
 *       line). 62: 62.5% (CO-SURG 2; 1 also, with a documentation warning; 0 and 9 refused). 66:
 *       priced by report (TEAM SURG 1 and 2; 0 and 9 refused). 80/81/82: 16%, AS: 13.6% (ASST SURG
 *       2; 0 also, with a documentation warning; 1 and 9 refused). Two surgeon roles on one line
 *       are refused.
 *   <li><b>Step {@code status-t}.</b> Status T lines are paid only when no other payable line
 *       (priced, contractor-priced or by report; other status T lines do not count) is on the
 *       claim.
 *   <li><b>Step {@code add-on}.</b> Add-on codes (global ZZZ) billed without any payable non-add-on
 *       line get an {@link ClaimWarning.Kind#ADD_ON_WITHOUT_PRIMARY} warning and are still priced:
 *       the file does not say which codes are an add-on's primaries. When the non-add-on lines are
 *       all denied by a claim edit (a visit in a global package), the add-on is too: {@link
 *       UnpricedReason#NOT_PAYABLE_ON_CLAIM}, naming them. The visit add-ons G2211, G2212,
 *       G0316-G0318 and G0545 add only to the visits CMS names (G2211: 99202-99205, 99211-99215;
 *       G2212: 99205, 99215, 99483; G0316: 99223, 99233, 99236; G0317: 99306, 99310; G0318: 99345,
 *       99350; G0545: 99221-99223, 99231-99236, 99238, 99239), as do G0279 to the diagnostic
 *       mammograms 77065 and 77066, 77063 to the screening mammogram 77067, and the further time of
 *       care management and remote monitoring to its first (99439 to 99490, 99437 to 99491, 99489
 *       to 99487, 99425 to 99424, 99427 to 99426, 99458 to 99457), and are refused beside other
 *       lines without a payable one of them; G2211 is refused beside a visit of modifier 25 unless
 *       the 25 is for a same-day wellness visit, vaccine administration or Part B preventive
 *       service (from 2025), and paid for one unit a day (CY 2024 and 2025 physician fee schedule
 *       final rules).
 *   <li><b>Step {@code bilateral}</b> (BILAT SURG): 50, LT and RT on one line, LT and RT on two
 *       lines of the same code and row, or 2 units or two lines of 1 unit without 50, LT or RT
 *       (indicators 1, 2, 3; not on an add-on, whose units are repetitions, nor when a line says
 *       another service, 59, XE, XS, XP, XU...) make one bilateral procedure: 150% of one side (1),
 *       100% (0 and 2), 200% (3). A pair of lines shares it half and half. An add-on's 50 line, or
 *       LT and RT lines of as many units, is one bilateral procedure per unit (level). A line with
 *       LT or RT beside a line of the same code with 50 bills a side again: refused, naming both
 *       lines.
 *   <li><b>Step {@code multiple-surgery}: endoscopy families</b> (MULT PROC 3): the endoscopies
 *       sharing an ENDO BASE, with that base when billed. The highest is paid in full, each other
 *       its amount minus the base's (not below zero), the base nothing. A missing base row refuses
 *       the members it would reduce.
 *   <li><b>Step {@code multiple-surgery}: the ranking</b> (MULT PROC 1, 2, 3, modifier 51 or not):
 *       the procedures ranked by amount, every unit one procedure and each endoscopy family ONE
 *       procedure of its total; 100% for the highest, then 50% (2, 3, families) or 50% then 25%
 *       (1). Add-ons are never ranked nor reduced. CMS pays the sixth and later by report: a line
 *       ranked wholly sixth or later is not priced ({@code PRICED_BY_REPORT}, as 66); a multi-unit
 *       line straddling rank five keeps its percentages with a {@link
 *       ClaimWarning.Kind#PRICED_BY_REPORT} warning. A line priced by report (66; 53 on a code
 *       without a 53 row) takes its place by its fee schedule amount, its own amount staying by
 *       report, as 22 and 52 do (RVU25D MULT PROC 2; ch. 12 §40.6.A, §40.8).
 *   <li><b>Step {@code component-reduction}</b> (MULT PROC 4, 5, 6, 7): imaging TC 50% and PC 5%,
 *       therapy practice expense 50%, cardiovascular TC 25%, ophthalmology TC 20%, for every unit
 *       after the highest of its group (ranked by that part); earlier dates of service take the
 *       shares then in force (imaging PC 25% in 2012-2016, therapy 20% from 2011 to March 2013,
 *       imaging TC 25% from 2006 to June 2010, no cardiovascular or ophthalmology reduction before
 *       2013). The lines of one date are ranked together whichever rendering provider each names
 *       (below), and are taken to be one session, but for an imaging line with XE or 59, a session
 *       of its own in the imaging ranking (MULT PROC 4 reduces services of one session): ranked
 *       alone, and paid in full unless its own units or sides reduce one another. The
 *       cardiovascular and ophthalmology reductions (MULT PROC 6, 7) are of the day, and rank a
 *       line with XE or 59 with the others. A global-only test (PC/TC 4) is ranked by the fee of
 *       its technical-only code where that is known (93000 by 93005's); one whose technical part no
 *       code names is not reduced, and gets a {@link ClaimWarning.Kind#COMPONENT_NOT_IDENTIFIED}
 *       warning.
 *   <li><b>Step {@code imaging-equipment}</b>, modifiers FX, FY and CT: the technical component (or
 *       the TC portion of a global service) that the rules above and the OPPS cap left is reduced
 *       for older equipment: 20% for an X-ray on film (FX, from 2017), 7% or 10% for computed
 *       radiography (FY, 2018-2022 or from 2023), 5% or 15% for CT equipment below the NEMA XR-29
 *       standard (CT, 2016 or from 2017). A code whose file does not say which part is technical is
 *       not reduced, with a {@link ClaimWarning.Kind#COMPONENT_NOT_IDENTIFIED} warning.
 *   <li><b>Step {@code increased-reduced-services}</b>, modifiers 22 and 52: the line is ranked
 *       like any other, then {@link UnpricedReason#CARRIER_PRICED}: the contractor adjusts the
 *       amount shown in the detail, in cents (half-up, as the line would have been paid).
 *   <li><b>Step {@code billed-charge}</b>: the lower of the billed charge and the amount, when a
 *       charge is given (for an LT and RT pair with BILAT SURG 0, 1 or 2, of the pair's total
 *       charge).
 *   <li><b>Step {@code anesthesia}</b>: the anesthesia lines (00100-01999, with an anesthesia
 *       schedule) are priced as one session by the anesthesia schedule (Claims Processing Manual
 *       ch. 12 §50) and take no part in the rules above; each paid line has the session's amount
 *       from the first step on, so that a payer's step anywhere sees it, and this step pays the
 *       lower of that amount and the line's charge.
 * </ol>
 *
 * <h2>Lines of several dates or providers</h2>
 *
 * A line may carry its own date of service ({@link
 * io.github.cpt4j.claim.BilledLine#dateOfService()}; without one it is on the context's date) and
 * its rendering provider ({@link io.github.cpt4j.claim.BilledLine#renderingProvider()}; lines
 * without one are the one NPI the other lines name, or, beside lines of several NPIs, a provider of
 * their own with a {@link ClaimWarning.Kind#RENDERING_PROVIDER_UNKNOWN} warning: {@link
 * RenderingProviders}). A group's claim may hold the services of several of its practitioners (each
 * performing physician named on his lines, CMS-1500 item 24J: Medicare Claims Processing Manual,
 * ch. 26 §10.4), and CMS's same-day rules are one physician's: the multiple surgery rules apply to
 * procedures "by the same physician" on the same day (ch. 12 §40.6), so a surgeon's procedure and
 * the assistant's line for it are not a first and a second procedure. A claim is therefore priced
 * one provider's day at a time ({@link ProviderDay}): each date's lines of each provider are
 * evaluated in the context of that date, and the claim steps (multiple-procedure ranking, bilateral
 * pairs, status T, add-ons, billed charges, the anesthesia session) apply to those lines only. The
 * component reductions (step {@code component-reduction}, MULT PROC 4 to 7) are the exception: CMS
 * applies them to the services of the group, the billing provider of the claim, so they rank the
 * lines of every provider of a date together. The imaging reductions cover services "furnished by
 * the same physician or by multiple physicians in the same group practice (same group NPI)" to one
 * patient in one session on one day (CY 2012 and 2013 physician fee schedule final rules,
 * CMS-1590-FC, 77 FR 68891), the cardiovascular and ophthalmology reductions likewise (CY 2013),
 * and the therapy reduction all the therapy a group furnishes a patient on a day (CY 2011).
 * Physicians of one group and one specialty are one physician for these rules (ch. 12 §30.6.5):
 * give their lines one rendering provider, or none. Each provider's lines are priced as furnished
 * by the practitioner type the context gives his NPI ({@link
 * PricingContext#withPractitioner(io.github.cpt4j.claim.Npi,
 * io.github.cpt4j.fee.PractitionerType)}: a nurse practitioner's 85% beside a physician's 100%),
 * else by the context's own. The edits of one day (NCCI's, {@link ClaimEdit#perProviderDay()})
 * check each provider's day apart; the global surgery edit sees the whole claim, for the day before
 * a major surgery and the postoperative days, and pairs a visit only with its own provider's
 * procedures. Lines keep their numbers in explanations ("line 5" is the fifth line of the whole
 * claim). So each line is priced as when its provider's day is priced as a claim of its own, with
 * two exceptions: a visit the global surgery edit denies for a procedure on another date (which,
 * once denied, also no longer counts as a payable line of its day for the status T rule, and no
 * longer pays its add-ons: G2211 on the visit's day is refused with it), and a line of the
 * component reductions, ranked with the other providers' lines of its date.
 *
 * <h2>Rounding as Medicare pays</h2>
 *
 * The fee schedule's formula is exact, and its result for one unit is rounded half-up to cents: the
 * fee CMS posts (rule id {@code posted-fee}). Every rule multiplies that posted fee, exactly
 * ({@code BigDecimal}, no rounding): 3 units of a 101.06 fee are 303.18. Each line is then rounded
 * once, half-up to cents; the total is the sum of the rounded line amounts, so the lines always add
 * up to the total. An LT and RT pair billed as one bilateral procedure is rounded once as one
 * amount, then split: the first line by the stable order below gets half rounded half-up, the other
 * the rest (48.69 is 24.35 + 24.34), so the pair's lines add up to the pair's amount.
 *
 * <h2>Order of the lines</h2>
 *
 * Pricing is deterministic, and the amount each line gets does not depend on the order the lines
 * are billed in: every ranking is by amount, and equal amounts are ordered by code, then the
 * modifiers as billed, then units, then billed charge, then rendering provider (none first, then by
 * NPI), then — only for lines identical in all of these — position. Explanations name lines by
 * position ("line 2").
 *
 * <p>Adding a line never raises another line's amount, with three exceptions that CMS's rules
 * create: a line joining an endoscopy family changes the family's total and so its rank against the
 * other procedures (a family ranks as one procedure of its total; and its base, never paid beside a
 * member, may be worth more than a member); completing a bilateral pair of lines (LT and RT, or two
 * lines of the code without a side) can give one side more than it had alone when the other side's
 * charge is low (the pair is compared with its total charge); and a payable primary (or, for G2211,
 * a same-day preventive service) joining an add-on refused for want of one pays it.
 *
 * <p>Immutable and thread-safe.
 */
public final class MedicareClaimPricer implements ClaimPricer {

  private final MedicareFeeSchedule schedule;
  private final ModifierRegistry modifiers;
  private final ClaimScrubber scrubber;
  private final ImmutableList<ClaimStep> steps;

  /** Whether the steps are the standard ones, which {@link StandardSteps#apply} calls directly. */
  private final boolean standardSteps;

  /**
   * Whether the fast paths of issue 18 are on (always, but for the properties that check them
   * against the general path): lines started from their row without a calculation object, and only
   * the standard steps that some line of the claim may need ({@link StandardSteps#needed}).
   */
  private final boolean fastPaths;

  /**
   * Where the standard {@code component-reduction} step is among the steps, or -1: the one step
   * that runs over the lines of every rendering provider of a date at once ({@link
   * #priceProviders}).
   */
  private final int componentStep;

  /** The standard edits called directly, when the edits are exactly those; else null. */
  private final StandardEdits standardEdits;

  private MedicareClaimPricer(Builder builder) {
    this.schedule = builder.schedule;
    this.modifiers = builder.modifiers;
    this.scrubber = ClaimScrubber.of(builder.edits);
    this.steps = ImmutableList.copyOf(builder.steps);
    this.standardSteps = steps.equals(STANDARD_STEPS);
    this.fastPaths = builder.fastPaths;
    this.standardEdits = fastPaths ? StandardEdits.of(scrubber.edits()) : null;
    int component = -1;
    for (int i = 0; i < steps.size() && component < 0; i++) {
      component = steps.get(i) instanceof ComponentReductionStep ? i : -1;
    }
    this.componentStep = component;
  }

  /**
   * {@return a pricer of claims under {@code schedule}, with the standard edits and steps}
   *
   * @param schedule the Physician Fee Schedule the lines are priced from
   */
  public static MedicareClaimPricer of(MedicareFeeSchedule schedule) {
    return builder(schedule).build();
  }

  /**
   * {@return a builder of a pricer under {@code schedule}, starting from the standard pipeline}
   *
   * @param schedule the Physician Fee Schedule the lines are priced from
   */
  public static Builder builder(MedicareFeeSchedule schedule) {
    return new Builder(requireNonNull(schedule, "schedule"));
  }

  /**
   * {@return the standard claim steps, in the order they apply: {@code non-participating}, {@code
   * practitioner}, {@code informational-modifiers}, {@code bilateral-modifiers}, {@code
   * split-care}, {@code surgeon-role}, {@code status-t}, {@code add-on}, {@code bilateral}, {@code
   * multiple-surgery}, {@code component-reduction}, {@code imaging-equipment}, {@code
   * increased-reduced-services}, {@code billed-charge}, {@code anesthesia}}
   */
  public static ImmutableList<ClaimStep> standardSteps() {
    return STANDARD_STEPS;
  }

  private static final ImmutableList<ClaimStep> STANDARD_STEPS = StandardSteps.LIST;

  /** {@return a builder holding this pricer's schedule, edits and steps} */
  public Builder toBuilder() {
    Builder builder = new Builder(schedule);
    builder.modifiers = modifiers;
    builder.edits.clear();
    builder.edits.addAll(scrubber.edits());
    builder.steps.clear();
    builder.steps.addAll(steps);
    builder.fastPaths = fastPaths;
    return builder;
  }

  /** {@return the fee schedule the lines are priced from} */
  public MedicareFeeSchedule schedule() {
    return schedule;
  }

  /** {@return the claim edits, in the order they run} */
  public ImmutableList<ClaimEdit> edits() {
    return scrubber.edits();
  }

  /** {@return the claim steps, in the order they apply} */
  public ImmutableList<ClaimStep> steps() {
    return steps;
  }

  @Override
  public String name() {
    return schedule.name();
  }

  /**
   * Runs the claim edits alone, without pricing: claim scrubbing. Returns their findings ordered by
   * line; an empty list for a clean claim.
   *
   * @param claim the claim: its lines, charges, dates of service and rendering providers
   * @param context the date of service, locality, setting and provider to price in
   * @return the findings of every edit, ordered by line; empty for a clean claim
   */
  public ImmutableList<EditFinding> scrub(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    return scrub(claim, context, ProviderDay.singleContext(claim, context));
  }

  /**
   * The findings of the edits on {@code claim}, whose one provider's day has the context {@code
   * oneDay} (null: lines of several days or providers). Issue 18: the standard edits are called
   * directly for the usual claim, one provider's day ({@link StandardEdits}), whether the claim is
   * priced here or by a pricer that prices other lines too ({@code PartBClaimPricer} scrubs here).
   */
  private ImmutableList<EditFinding> scrub(
      Claim claim, PricingContext context, PricingContext oneDay) {
    return standardEdits != null && oneDay != null
        ? standardEdits.scrub(claim, context, oneDay)
        : scrubber.scrub(claim, context);
  }

  /**
   * Runs the claim edits of a claim whose lines are priced by different pricers, such as the
   * releases in force on their dates of service: the edits of each pricer among {@code byLine} run
   * over the whole claim, and a finding is kept from the pricer of the line it is on, so that a
   * line is judged with the relative value rows of its own date (a visit on the day of a procedure
   * that a later release added is judged with that release's global period). A line without a
   * pricer ({@code null}: no release covers its date) takes the findings of {@code fallback}. A
   * claim of one pricer is scrubbed once, as {@link #scrub} does.
   *
   * @param claim the claim: its lines, charges, dates of service and rendering providers
   * @param context the date of service, locality, setting and provider to price in
   * @param byLine each line's pricer, or null, in the order of the claim's lines
   * @param fallback the pricer for lines without one; the edits then run once more
   * @return the findings kept, ordered by line
   * @throws IllegalArgumentException if {@code byLine} does not hold one entry for each line of
   *     {@code claim}
   */
  public static List<EditFinding> scrubByLine(
      Claim claim,
      PricingContext context,
      List<MedicareClaimPricer> byLine,
      MedicareClaimPricer fallback) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    requireNonNull(byLine, "byLine");
    requireNonNull(fallback, "fallback");
    if (byLine.size() != claim.size()) {
      throw new IllegalArgumentException(
          byLine.size() + " pricers for the " + claim.size() + " lines of the claim");
    }
    // Findings come ordered by line from each pricer; they are kept in line order too.
    IdentityHashMap<MedicareClaimPricer, List<EditFinding>> byPricer = new IdentityHashMap<>();
    List<EditFinding> kept = new ArrayList<>();
    for (int line = 0; line < claim.size(); line++) {
      MedicareClaimPricer pricer = byLine.get(line) == null ? fallback : byLine.get(line);
      for (EditFinding finding : byPricer.computeIfAbsent(pricer, p -> p.scrub(claim, context))) {
        if (finding.line() == line) {
          kept.add(finding);
        }
      }
    }
    return kept;
  }

  /**
   * Prices every line of {@code claim} in {@code context}. Never throws for data: a line that
   * cannot be priced has a reason, the rule or edit that decided it and a detail.
   */
  @Override
  public PricedClaim price(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    RenderingProviders providers = RenderingProviders.of(claim, context);
    // The claim's day worked out once, for the edits and the pricing.
    PricingContext oneDay = ProviderDay.singleContext(claim, context, providers);
    return PricedClaim.of(
        context,
        finished(
            work(claim, context, providers, oneDay, scrub(claim, context, oneDay), null, false)));
  }

  /**
   * Prices every line of {@code claim} in {@code context} with the findings of the claim edits
   * already known, without running the edits again: for a pricer whose edits saw a larger claim
   * than the lines priced here, such as {@code io.github.cpt4j.fee.medicare.partb.PartBClaimPricer}
   * (its edits see the lab, equipment and drug lines too; only the lines the Physician Fee Schedule
   * pays come here). Each finding's {@link EditFinding#line()} is an index into {@code claim}.
   *
   * @param claim the claim: its lines, charges, dates of service and rendering providers
   * @param context the date of service, locality, setting and provider to price in
   * @param findings the findings of the claim edits, as {@link #scrub} returned them for the whole
   *     claim
   * @return every line priced, or unpriced with its reason, and the total
   * @throws IllegalArgumentException if a finding names a line {@code claim} does not have
   */
  public PricedClaim price(Claim claim, PricingContext context, List<EditFinding> findings) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    List<EditFinding> checked = List.copyOf(requireNonNull(findings, "findings"));
    for (EditFinding finding : checked) {
      if (finding.line() >= claim.size()) {
        throw new IllegalArgumentException(
            "a finding on line "
                + (finding.line() + 1)
                + " of a claim of "
                + claim.size()
                + " lines: "
                + finding);
      }
    }
    return priceWith(claim, context, checked);
  }

  /**
   * Returns the Medicare limiting charge of every line of {@code claim} in {@code context}: the
   * most a non-participating provider who does not accept assignment may bill for it, 109.25% of
   * the line's participating amount after the claim's payment rules (multiple procedures, bilateral
   * pairs, assistant at surgery, co-surgery...). The same shape as {@link #price}: each line keeps
   * its explanation (ending with the {@code limiting-charge} step, or for an LT and RT pair with
   * the {@code bilateral} step that rounds the pair's limiting charge once and splits it), the rule
   * that refused it and its warnings; the total is the sum of the lines' limiting charges.
   *
   * <pre>{@code
   * // 29880-RT, 20610-LT and 99213-25 in Rochester (13282-99), facility, on 2025-06-02
   * PricedClaim limits = pricer.limitingCharges(claim, context);
   * limits.line(1).amount();   // Optional[23.02]: 109.25% of 20610's 50%, 21.07
   * limits.pricedTotal();      // Optional[671.55], where price(claim, context).total() is 614.69
   * }</pre>
   *
   * <p>The claim {@linkplain PricedClaim#isLimitingCharges() is one of limiting charges}: its total
   * is {@link PricedClaim#pricedTotal()}, the sum of the lines that have a limiting charge, and
   * none when no line has one (every line denied, or paid only on assignment), not 0.00.
   *
   * <p>The lines are priced as by a participating provider, whatever the context says, and their
   * billed charges are not compared ({@link ClaimState#pricesLimitingCharges()}): the limiting
   * charge caps what may be billed. Each line's exact amount is multiplied by {@link
   * MedicareFeeSchedule#LIMITING_CHARGE_FACTOR} and rounded once (an LT and RT pair's once as one
   * amount, as its payment is), as {@link MedicareFeeSchedule#limitingCharge} does for a line
   * alone, which it equals for a claim of one line without payment modifiers. CMS's record layouts
   * of the relative value and payment files (RVU25D, PF25PC) give the limiting charge as the fee
   * schedule amount times 1.0925, and Claims Processing Manual ch. 12 §20.4.1 makes it 115% of the
   * non-participating amount; neither says in so many words that the multiple-procedure, bilateral
   * and surgeon-role reductions apply to it, but the limiting charge is of the amount the service
   * is paid, and the contractors publish it so: a second procedure at 50% has a limiting charge of
   * 109.25% of that 50%.
   *
   * <p>A line the edits deny keeps its denial; a line of a practitioner Medicare pays only on
   * assignment ({@link io.github.cpt4j.fee.PractitionerType#mustAcceptAssignment()}, the type
   * {@link PricingContext#forRenderingProvider} gives its rendering provider), or whose modifier
   * says it is one's (AS, QZ, QX: {@link
   * io.github.cpt4j.fee.medicare.pfs.LimitingCharge#paidOnlyOnAssignment}), is {@link
   * UnpricedReason#ASSIGNMENT_REQUIRED} when the claim priced in {@code context} as given pays it,
   * with that approved amount in its detail and its explanation, as {@link
   * MedicareFeeSchedule#limitingCharge} answers.
   *
   * @param claim the claim: its lines, charges, dates of service and rendering providers
   * @param context the date of service, locality, setting and provider to price in
   * @return each line's limiting charge, or its reason when it is not priced
   */
  public PricedClaim limitingCharges(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    List<EditFinding> findings = scrub(claim, context);
    RenderingProviders providers = RenderingProviders.of(claim, context);
    ImmutableList<PricedLine> participating =
        finished(work(claim, context.withParticipating(true), providers, findings, null, true));
    ImmutableList<PricedLine> approved =
        LimitingCharges.anyPaidOnlyOnAssignment(participating, context)
            ? finished(work(claim, context, providers, findings, null, false))
            : null;
    return PricedClaim.ofLimitingCharges(
        context, LimitingCharges.of(participating, approved, context));
  }

  /**
   * Returns the limiting charges of the lines of {@code claim} that {@code lines} selects, as
   * {@link #limitingCharges} does for a whole claim, priced as {@link #priceLines} prices them:
   * with the findings of the edits already run over the whole claim, each line keeping its number.
   *
   * @param claim the claim: its lines, charges, dates of service and rendering providers
   * @param lines the indexes of the claim's lines to price, zero-based
   * @param context the date of service, locality, setting and provider to price in
   * @param findings the findings of the claim edits, as {@link #scrub} returned them for the whole
   *     claim
   * @return the selected lines' limiting charges, in claim order, each keeping its line number
   * @throws IllegalArgumentException if {@code lines} selects a line {@code claim} does not have,
   *     or a finding names one
   */
  public ImmutableList<PricedLine> limitingChargeLines(
      Claim claim, BitSet lines, PricingContext context, List<EditFinding> findings) {
    requireNonNull(context, "context");
    ImmutableList<PricedLine> participating =
        priceLines(claim, lines, context.withParticipating(true), findings, true);
    ImmutableList<PricedLine> approved =
        LimitingCharges.anyPaidOnlyOnAssignment(participating, context)
            ? priceLines(claim, lines, context, findings, false)
            : null;
    return LimitingCharges.of(participating, approved, context);
  }

  /**
   * Prices the lines of {@code claim} that {@code lines} selects as a claim of their own, with the
   * findings of the claim edits already run over the <em>whole</em> claim: for a caller that prices
   * a claim in parts, such as a catalog of releases pricing each release's lines with that
   * release's pricer. Each priced line keeps its number in {@code claim}: its {@link
   * PricedLine#index()} and the lines its explanation names ("line 5" is the fifth line of {@code
   * claim}). The findings on lines not selected are ignored.
   *
   * <pre>{@code
   * List<EditFinding> findings = pricer.scrub(claim, context);
   * pricer.priceLines(claim, lines, context, findings);   // the selected lines, in claim order
   * }</pre>
   *
   * @param claim the claim: its lines, charges, dates of service and rendering providers
   * @param lines the indexes of the claim's lines to price, zero-based
   * @param context the date of service, locality, setting and provider to price in
   * @param findings the findings of the claim edits, as {@link #scrub} returned them for the whole
   *     claim
   * @return the selected lines, priced, in claim order, each keeping its line number
   * @throws IllegalArgumentException if {@code lines} selects a line {@code claim} does not have,
   *     or a finding names one
   */
  public ImmutableList<PricedLine> priceLines(
      Claim claim, BitSet lines, PricingContext context, List<EditFinding> findings) {
    return priceLines(claim, lines, context, findings, false);
  }

  /**
   * Prices the lines {@code lines} selects as {@link #priceLines(Claim, BitSet, PricingContext,
   * List)} does, for their amounts or for their limiting charges' participating amounts.
   */
  private ImmutableList<PricedLine> priceLines(
      Claim claim,
      BitSet lines,
      PricingContext context,
      List<EditFinding> findings,
      boolean limitingCharges) {
    requireNonNull(claim, "claim");
    requireNonNull(lines, "lines");
    requireNonNull(context, "context");
    requireNonNull(findings, "findings");
    int n = claim.size();
    if (lines.length() > n) {
      throw new IllegalArgumentException(
          "line " + lines.length() + " selected of a claim of " + n + " lines");
    }
    int[] numbers = new int[lines.cardinality()];
    int[] named = new int[numbers.length];
    int[] at = new int[n];
    Arrays.fill(at, -1);
    List<BilledLine> part = new ArrayList<>(numbers.length);
    for (int i = lines.nextSetBit(0), j = 0; i >= 0; i = lines.nextSetBit(i + 1), j++) {
      numbers[j] = i;
      named[j] = claim.lineNumber(i);
      at[i] = j;
      part.add(claim.line(i));
    }
    List<EditFinding> kept = new ArrayList<>(findings.size());
    for (EditFinding finding : findings) {
      if (finding.line() >= n) {
        throw new IllegalArgumentException(
            "a finding on line " + (finding.line() + 1) + " of a claim of " + n + " lines");
      }
      int j = at[finding.line()];
      if (j >= 0) {
        kept.add(finding.onLine(j));
      }
    }
    // The whole claim's lines say whose the selected lines naming no provider are.
    return finished(
        work(
            Claim.of(part).withLineNumbers(named),
            context,
            RenderingProviders.of(claim, context),
            kept,
            numbers,
            limitingCharges));
  }

  private PricedClaim priceWith(Claim claim, PricingContext context, List<EditFinding> findings) {
    return PricedClaim.of(
        context,
        finished(
            work(claim, context, RenderingProviders.of(claim, context), findings, null, false)));
  }

  /** The lines' immutable outcomes, once every step is done. */
  private static ImmutableList<PricedLine> finished(LineWork[] lines) {
    ImmutableList.Builder<PricedLine> priced = ImmutableList.builderWithExpectedSize(lines.length);
    for (LineWork w : lines) {
      priced.add(finish(w));
    }
    return priced.build();
  }

  /**
   * Evaluates and runs the claim steps over every line of {@code claim}, whose lines naming no
   * rendering provider are the provider {@code providers} says; the line at {@code i} is numbered
   * {@code numbers[i]} (or {@code i} when {@code numbers} is null) in explanations. With {@code
   * limitingCharges}, for the amounts their limiting charges are of ({@link
   * ClaimState#pricesLimitingCharges()}).
   */
  private LineWork[] work(
      Claim claim,
      PricingContext context,
      RenderingProviders providers,
      List<EditFinding> findings,
      int[] numbers,
      boolean limitingCharges) {
    return work(
        claim,
        context,
        providers,
        ProviderDay.singleContext(claim, context, providers),
        findings,
        numbers,
        limitingCharges);
  }

  /**
   * {@link #work} for a claim whose one provider's day, if it is one, is known: {@code onDate} is
   * its context ({@link ProviderDay#singleContext}), or null for lines of several days or
   * providers.
   */
  @SuppressWarnings("TooManyParameters") // the claim, its day and providers, each named
  private LineWork[] work(
      Claim claim,
      PricingContext context,
      RenderingProviders providers,
      PricingContext onDate,
      List<EditFinding> findings,
      int[] numbers,
      boolean limitingCharges) {
    int n = claim.size();
    LineWork[] lines = new LineWork[n];
    // Lines of several days or providers: the same-day rules apply to each provider's day, in its
    // context, and the component reductions to each date's lines of every provider.
    // One provider's lines of one date: in that date's context, with the practitioner type the
    // context gives that provider, as the claim edits of one provider's day saw them.
    if (onDate != null) {
      LineEvaluator evaluator = schedule.evaluator(onDate);
      for (int i = 0; i < n; i++) {
        lines[i] =
            new LineWork(
                numbers == null ? i : numbers[i],
                claim.lineNumber(i),
                claim.line(i),
                modifiers,
                evaluator);
      }
      applyFindings(lines, findings);
      priceDate(claim, evaluator, lines, limitingCharges);
    } else {
      List<ProviderDay> days = ProviderDay.split(claim, context, providers);
      LineEvaluator[] evaluators = new LineEvaluator[days.size()];
      for (int d = 0; d < evaluators.length; d++) {
        ProviderDay day = days.get(d);
        evaluators[d] = schedule.evaluator(day.context());
        for (int j = 0; j < day.claim().size(); j++) {
          int i = day.lineInClaim(j);
          lines[i] =
              new LineWork(
                  numbers == null ? i : numbers[i],
                  claim.lineNumber(i),
                  claim.line(i),
                  modifiers,
                  evaluators[d]);
        }
      }
      applyFindings(lines, findings);
      warnOfUnknownProviders(claim, providers, lines);
      // The days come by date, then provider: the providers of one date are next to one another.
      for (int d = 0; d < evaluators.length; ) {
        int end = d + 1;
        while (end < evaluators.length && days.get(end).date().equals(days.get(d).date())) {
          end++;
        }
        if (end - d == 1) {
          priceDate(
              days.get(d).claim(), evaluators[d], linesOf(days.get(d), lines), limitingCharges);
        } else {
          priceProviders(
              days.subList(d, end), Arrays.copyOfRange(evaluators, d, end), lines, limitingCharges);
        }
        d = end;
      }
    }
    return lines;
  }

  /**
   * Warns on each line naming no rendering provider of a claim whose other lines name two or more
   * ({@link ClaimWarning.Kind#RENDERING_PROVIDER_UNKNOWN}): the same-day rules cannot tell whose it
   * is, and judge such lines as a provider of their own.
   */
  private static void warnOfUnknownProviders(
      Claim claim, RenderingProviders providers, LineWork[] lines) {
    Optional<String> warning = providers.unknownProviderWarning(claim);
    if (warning.isEmpty()) {
      return;
    }
    for (int i = 0; i < lines.length; i++) {
      if (claim.line(i).renderingProvider().isEmpty()) {
        lines[i].warn(
            ClaimWarning.Kind.RENDERING_PROVIDER_UNKNOWN, RenderingProviders.RULE, warning.get());
      }
    }
  }

  /** The lines of {@code day}, out of the whole claim's. */
  private static LineWork[] linesOf(ProviderDay day, LineWork[] lines) {
    LineWork[] ofDay = new LineWork[day.claim().size()];
    for (int j = 0; j < ofDay.length; j++) {
      ofDay[j] = lines[day.lineInClaim(j)];
    }
    return ofDay;
  }

  /**
   * Evaluates and runs the claim steps over {@code lines}, the lines of {@code claim}, all of one
   * date of service, that of the evaluator's context.
   */
  private void priceDate(
      Claim claim, LineEvaluator evaluator, LineWork[] lines, boolean limitingCharges) {
    ClaimState state = start(claim, evaluator, lines, limitingCharges);
    if (standardSteps) {
      StandardSteps.apply(state, fastPaths ? StandardSteps.needed(lines) : StandardSteps.ALL);
    } else {
      for (int i = 0; i < steps.size(); i++) {
        steps.get(i).apply(state);
      }
    }
    roundPairs(state);
  }

  /**
   * Prices the lines of several rendering providers on one date ({@code days}, each with its
   * evaluator): each provider's lines run the claim steps as a claim of their own, but for the
   * component reductions ({@link ComponentReductionStep}), which run once over the lines of all of
   * them. CMS applies those reductions to the services of one group, not of one physician: the
   * imaging reduction to services "furnished by the same physician or by multiple physicians in the
   * same group practice (same group NPI)" to one patient in one session on one day (CY 2012 and
   * 2013 physician fee schedule final rules, 77 FR 68891), the cardiovascular and ophthalmology
   * reductions alike (CY 2013), and the therapy reduction to all the therapy a group furnishes a
   * patient on a day (CY 2011). The surgical ranking stays one physician's ("by the same
   * physician", ch. 12 §40.6), as do the bilateral pairs, status T, add-ons and the anesthesia
   * session. A pricer without the standard {@code component-reduction} step runs every step per
   * provider.
   */
  private void priceProviders(
      List<ProviderDay> days,
      LineEvaluator[] evaluators,
      LineWork[] lines,
      boolean limitingCharges) {
    int n = days.size();
    ClaimState[] states = new ClaimState[n];
    int[] needs = new int[n];
    boolean components = false;
    for (int d = 0; d < n; d++) {
      LineWork[] ofDay = linesOf(days.get(d), lines);
      states[d] = start(days.get(d).claim(), evaluators[d], ofDay, limitingCharges);
      needs[d] = fastPaths ? StandardSteps.needed(ofDay) : StandardSteps.ALL;
      components |= StandardSteps.needsComponents(needs[d]);
    }
    int split = componentStep < 0 ? steps.size() : componentStep;
    for (int d = 0; d < n; d++) {
      if (standardSteps) {
        StandardSteps.applyBeforeComponents(states[d], needs[d]);
      } else {
        for (int i = 0; i < split; i++) {
          steps.get(i).apply(states[d]);
        }
      }
    }
    if (standardSteps ? components : componentStep >= 0) {
      ComponentReductionStep.apply(states);
    }
    for (int d = 0; d < n; d++) {
      if (standardSteps) {
        StandardSteps.applyAfterComponents(states[d], needs[d]);
      } else {
        for (int i = split + 1; i < steps.size(); i++) {
          steps.get(i).apply(states[d]);
        }
      }
      roundPairs(states[d]);
    }
  }

  /**
   * Starts every line of {@code lines}, the lines of {@code claim} on the evaluator's date, from
   * the fee schedule's answer (or the anesthesia schedule's, for the session's lines), and returns
   * the state the claim steps work on.
   */
  private ClaimState start(
      Claim claim, LineEvaluator evaluator, LineWork[] lines, boolean limitingCharges) {
    PricingContext context = evaluator.context();
    List<FeeResult> anesthesia = anesthesiaResults(claim, lines, context);
    for (int j = 0; j < lines.length; j++) {
      LineWork w = lines[j];
      if (w.reason != null) {
        continue; // denied by an edit
      }
      if (anesthesia != null && AnesthesiaFeeSchedule.coversPacked(w.line.packedCode())) {
        w.startAnesthesia(anesthesia.get(j));
        continue;
      }
      // Issue 18: the common line is started from its row and posted fee, without the schedule's
      // calculation object (56 bytes, its cap's Optional and a BigDecimal a line), which only the
      // explanation and the component reduction read; they work it out again.
      RvuEntry row = fastPaths ? evaluator.quickRowOrNull(w.line) : null;
      if (row != null) {
        w.startPriced(row, evaluator.postedNanoDollars(w.line, row));
      } else {
        w.start(evaluator.evaluate(w.line));
      }
    }
    if (evaluator.schedule().rvus().isSubset()) {
      warnOfMissingRows(lines, evaluator.schedule().name());
    }
    return new ClaimState(context, evaluator, lines, limitingCharges, modifiers);
  }

  /**
   * Rounds each LT and RT pair once the claim steps are done; for the claim's limiting charges,
   * after each line's exact amount is multiplied to its limiting charge ({@link
   * LimitingCharges#multiply}), so that a pair's limiting charge is rounded once too, as 20610-50's
   * is (69.06 of 63.21), not each side's rounded half again (34.53 + 34.52).
   */
  private static void roundPairs(ClaimState state) {
    if (state.limitingCharges) {
      LimitingCharges.multiply(state);
    }
    // The units of every priced line, even without the bilateral rule; then each LT and RT pair
    // is rounded once and split, so that its two lines add up to the pair's amount.
    // By index: an iterator here escaped into the heap once the standard steps were inlined into
    // this method, 32 bytes per claim.
    List<Procedure> procedures = state.procedures();
    for (int i = 0; i < procedures.size(); i++) {
      procedures.get(i).roundPair(state.limitingCharges);
    }
  }

  /**
   * A code missing from a subset of the relative value file may be payable, and would then take
   * part in the claim rules (a procedure that ranks first, a global period that covers a visit):
   * without its row they cannot weigh it, so the date's other lines say that their amounts may be
   * too high, naming the missing lines by code and number: {@code 99998 (line 2)}.
   */
  private static void warnOfMissingRows(LineWork[] lines, String schedule) {
    StringBuilder missing = null;
    for (LineWork w : lines) {
      if (w.reason == UnpricedReason.NOT_IN_SCHEDULE) {
        missing = missing == null ? new StringBuilder() : missing.append(", ");
        // By number too, as the edits name lines: the code alone does not say which of two lines
        // of it, or of which date, and the warning is read on the date's other lines.
        missing.append(w.line.code()).append(" (line ").append(w.number).append(')');
      }
    }
    if (missing == null) {
      return;
    }
    String message =
        missing
            + " on the same date "
            + (missing.indexOf(",") < 0 ? "is" : "are")
            + " not in "
            + schedule
            + ", a subset of the relative value file: the claim rules could not weigh "
            + (missing.indexOf(",") < 0 ? "it" : "them")
            + ", so this amount may be too high";
    // Only the lines not refused: a line refused for its own reason (status B, a modifier) has no
    // amount that could be too high.
    for (LineWork w : lines) {
      if (w.reason == null) {
        w.warn(ClaimWarning.Kind.INCOMPLETE_DATA, ClaimRule.FEE_SCHEDULE, message);
      }
    }
  }

  /**
   * Prices the claim's anesthesia lines as one session with the schedule's anesthesia schedule,
   * leaving out the lines an edit denied and with the units an edit left ({@link
   * EditAction#DENY_UNITS}), as the fee schedule prices the other lines; null when there is none or
   * no line is anesthesia, so that other claims pay nothing for it. The context says whether the
   * supervising physician was present at the session's induction ({@link
   * PricingContext#supervisorPresentAtInduction()}): the claim is one patient's session, induced
   * once.
   */
  private List<FeeResult> anesthesiaResults(Claim claim, LineWork[] work, PricingContext context) {
    // The lines first: most claims have no anesthesia line, and then need not ask for the
    // schedule's Optional (issue 18).
    int n = claim.size();
    boolean any = false;
    for (int i = 0; i < n && !any; i++) {
      any = AnesthesiaFeeSchedule.coversPacked(claim.line(i).line().packedCode());
    }
    if (!any) {
      return null;
    }
    Optional<AnesthesiaFeeSchedule> anesthesia = schedule.anesthesia();
    if (anesthesia.isEmpty()) {
      return null;
    }
    BitSet denied = new BitSet(n);
    boolean cut = false;
    for (int i = 0; i < n; i++) {
      if (work[i].reason != null) {
        denied.set(i);
      }
      cut |= work[i].line != work[i].billed.line();
    }
    // The session is priced from the lines as the findings left them, not as billed: units
    // denied of 01953, paid for each unit, were paid all the same (01953-AA x3 with two denied
    // was paid 59.37, not 19.79).
    return anesthesia.get().priceSession(cut ? asLeft(claim, work) : claim, context, denied);
  }

  /**
   * Returns {@code claim} with each line as {@code work} left it (its units cut by an edit),
   * numbered as on the claim. Only the lines are read from it, not their charges: the {@code
   * anesthesia} step caps a session by the charges its lines were billed.
   */
  private static Claim asLeft(Claim claim, LineWork[] work) {
    int n = claim.size();
    ClaimLine[] lines = new ClaimLine[n];
    int[] numbers = new int[n];
    for (int i = 0; i < n; i++) {
      lines[i] = work[i].line;
      numbers[i] = claim.lineNumber(i);
    }
    return Claim.ofLines(lines).withLineNumbers(numbers);
  }

  /** Applies the edits' findings: denied lines, denied units, flags. */
  private static void applyFindings(LineWork[] lines, List<EditFinding> findings) {
    for (int f = 0; f < findings.size(); f++) {
      EditFinding finding = findings.get(f);
      LineWork w = lines[finding.line()];
      String edit = finding.edit();
      String message = finding.message();
      switch (finding.action()) {
        case FLAG ->
            w.warn(
                edit.equals(ModifierRulesEdit.NAME)
                    ? ClaimWarning.Kind.MODIFIER_RULE_BROKEN
                    : edit.equals(AnesthesiaTimeEdit.NAME)
                        ? ClaimWarning.Kind.MINUTES_IGNORED
                        : ClaimWarning.Kind.EDIT_FLAG,
                edit,
                message);
        case DENY_LINE -> deny(w, finding);
        case DENY_UNITS -> {
          if (w.reason != null) {
            break; // already denied
          }
          // Each edit counted the units billed, not what another left (edits do not see one
          // another's findings): two denials of units leave what the stricter allows, not the
          // billed units less both. The two may be one edit's as well as two edits', so the
          // second is told against an earlier finding, not an earlier edit.
          int billed = w.billed.line().units();
          int denied = finding.deniedUnits();
          int left = billed - denied;
          if (left <= 0) {
            deny(w, finding);
          } else {
            boolean fewer = left < w.line.units();
            if (fewer) {
              w.line = w.line.withUnits(left);
            }
            // A warning as well as a step: the amount is lower than billed, and a reader of the
            // warnings alone (a FHIR response's notes and reasons) must learn why. Rare enough to
            // word now.
            String words =
                denied
                    + " of "
                    + billed
                    + " units denied"
                    + (fewer ? "" : ", no more than an earlier finding denied")
                    + ": "
                    + message;
            w.note(edit, () -> words);
            w.addWarning(ClaimWarning.Kind.UNITS_DENIED, edit, words);
          }
        }
      }
    }
  }

  private static void deny(LineWork w, EditFinding finding) {
    if (w.reason != null) {
      return; // the first denial stands
    }
    String message = finding.message();
    w.note(finding.edit(), () -> "denied: " + message);
    w.end(finding.reason(), finding.edit(), message);
  }

  /** The line's immutable outcome, once every step is done. */
  private static PricedLine finish(LineWork w) {
    // The line is its explanation's supplier: the result makes the deferred explanation only when
    // it is read, an object a line less; and a priced line makes its result only when read, one
    // more (issue 18).
    if (w.amount != null) {
      return PricedLine.priced(
          w.index, w.number, w.billed, w.amount, w.settingNotAvailable(), w, w.warnings());
    }
    return PricedLine.of(
        w.index,
        w.number,
        w.billed,
        FeeResult.unpriced(w.reason, w.refusal.detail(), w),
        Optional.of(w.refusal.rule()),
        withoutUnitsDenied(w.warnings()));
  }

  /**
   * Returns {@code warnings} but those of units denied, which say the line is priced for the units
   * left: of a line left unpriced (a later edit denied it whole, whatever order the edits ran in),
   * the reason says why.
   */
  private static ImmutableList<ClaimWarning> withoutUnitsDenied(List<ClaimWarning> warnings) {
    return warnings.stream()
        .filter(w -> w.kind() != ClaimWarning.Kind.UNITS_DENIED)
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public String toString() {
    return "MedicareClaimPricer("
        + schedule.name()
        + ", edits "
        + edits().stream().map(ClaimEdit::name).toList()
        + ", steps "
        + steps.stream().map(ClaimStep::name).toList()
        + ")";
  }

  /**
   * Builds a {@link MedicareClaimPricer}: the schedule, then the claim edits and claim steps,
   * starting from the standard ones. Steps and edits are found by name.
   */
  public static final class Builder {
    private MedicareFeeSchedule schedule;
    private ModifierRegistry modifiers = ModifierRegistry.standard();
    private final List<ClaimEdit> edits;
    private final List<ClaimStep> steps = new ArrayList<>(STANDARD_STEPS);
    private boolean fastPaths = true;

    private Builder(MedicareFeeSchedule schedule) {
      this.schedule = schedule;
      this.edits =
          new ArrayList<>(
              List.of(
                  DuplicateLinesEdit.standard(),
                  ModifierRulesEdit.standard(),
                  AnesthesiaTimeEdit.standard(),
                  CriticalCareEdit.standard(),
                  LiabilityModifiersEdit.standard(),
                  GlobalSurgeryEdit.of(schedule),
                  SameDayVisitsEdit.of(schedule),
                  NewPatientVisitEdit.standard()));
    }

    /**
     * Replaces the schedule the lines are priced from, keeping the edits, the steps and the
     * modifier registry: a payer's pricer over another schedule, such as the same relative values
     * with an anesthesia schedule ({@link MedicareFeeSchedule#withAnesthesia}).
     *
     * <pre>{@code
     * MedicareClaimPricer withAnesthesia = payer.toBuilder()
     *     .schedule(payer.schedule().withAnesthesia(anesthesia))
     *     .build();
     * }</pre>
     *
     * <p>The standard {@code global-surgery} edit reads the global periods of the schedule it was
     * made for, and {@code same-day-visits} its amounts: the one of the schedule replaced is
     * replaced by {@link GlobalSurgeryEdit#of} (or {@link SameDayVisitsEdit#of}) the new one, in
     * its place. Every other edit, a payer's own {@code global-surgery} among them, is kept as it
     * is.
     *
     * @param newSchedule the schedule to price the lines from
     * @return this builder
     */
    public Builder schedule(MedicareFeeSchedule newSchedule) {
      requireNonNull(newSchedule, "newSchedule");
      for (int i = 0; i < edits.size(); i++) {
        // The same object, not an equal one: only the edit made for the schedule replaced.
        if (edits.get(i) instanceof GlobalSurgeryEdit global && global.schedule() == schedule) {
          edits.set(i, GlobalSurgeryEdit.of(newSchedule));
        } else if (edits.get(i) instanceof SameDayVisitsEdit visits
            && visits.schedule() == schedule) {
          edits.set(i, SameDayVisitsEdit.of(newSchedule));
        }
      }
      this.schedule = newSchedule;
      return this;
    }

    /**
     * Sets the modifier registry whose payment effects the steps read (default {@link
     * ModifierRegistry#standard()}).
     *
     * @param registry the registry that says which modifiers change a payment
     * @return this builder
     */
    public Builder modifiers(ModifierRegistry registry) {
      this.modifiers = requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Turns the fast paths off, for the properties that check each against the general path: the
     * pricer then prices as if they did not exist.
     */
    Builder generalPathsOnly() {
      this.fastPaths = false;
      return this;
    }

    /**
     * Adds {@code edit} after the edits so far.
     *
     * @param edit the edit, whose name no other edit has
     * @return this builder
     */
    public Builder addEdit(ClaimEdit edit) {
      edits.add(requireNonNull(edit, "edit"));
      return this;
    }

    /**
     * Adds {@code edit} just before the edit named {@code name}: a payer's rule that must come
     * before a standard edit ({@code modifier-rules}, {@code anesthesia-time}, {@code
     * critical-care}, {@code liability-modifiers}, {@code global-surgery}, {@code same-day-visits},
     * {@code new-patient-visit}) or one added earlier, such as NCCI's ({@code ncci}, {@code
     * ncci-ptp}, {@code ncci-mue}):
     *
     * <pre>{@code
     * MedicareClaimPricer payer = MedicareClaimPricer.builder(schedule)
     *     .addEdit(ncci)                                   // NcciEdits, named "ncci"
     *     .addEditBefore("ncci", new PayerNotCovered())    // runs before NCCI's
     *     .build();
     * }</pre>
     *
     * <p>Edits do not see one another's findings, but for an edit that {@link
     * ClaimEdit#judgesAfterDenials() judges after the others' denials} (the standard critical care,
     * global surgery and visit edits), told which lines they deny whole: each checks every line of
     * the claim. Two that deny units of one line each counted the units billed, so the line keeps
     * the units the stricter allows (denials of 2 and of 3 of 5 units leave 2), not the billed
     * units less both. Their order decides which denial of a line stands: when two edits deny one
     * line, the line is unpriced with the first one's reason and message, {@link
     * PricedLine#refusedBy()} names it, and only its denial is in the explanation; {@link #build()
     * the pricer}'s {@code scrub} still returns both findings, the earlier edit's first on that
     * line. Every position is reached with this method and {@link #addEdit} (after the last edit).
     *
     * @param name the name of an edit of the builder, such as {@code global-surgery}
     * @param edit the edit to add
     * @return this builder
     * @throws IllegalArgumentException if there is no edit named {@code name} (the message names
     *     the edits there are); {@link #build()} refuses two edits of one name, as for {@link
     *     #addEdit} and {@link #replaceEdit}
     */
    public Builder addEditBefore(String name, ClaimEdit edit) {
      requireNonNull(edit, "edit");
      edits.add(indexOf(edits, ClaimEdit::name, name, "edit"), edit);
      return this;
    }

    /**
     * Removes the edit named {@code name}.
     *
     * @param name the name of an edit of the builder, such as {@code global-surgery}
     * @return this builder
     * @throws IllegalArgumentException if there is none
     */
    public Builder removeEdit(String name) {
      edits.remove(indexOf(edits, ClaimEdit::name, name, "edit"));
      return this;
    }

    /**
     * Replaces the edit named {@code name} with {@code edit}, in its place: a payer's own version
     * of a standard edit, such as {@code global-surgery}.
     *
     * @param name the name of an edit of the builder, such as {@code global-surgery}
     * @param edit the edit to run in its place
     * @return this builder
     * @throws IllegalArgumentException if there is none
     */
    public Builder replaceEdit(String name, ClaimEdit edit) {
      requireNonNull(edit, "edit");
      edits.set(indexOf(edits, ClaimEdit::name, name, "edit"), edit);
      return this;
    }

    /**
     * Adds {@code step} after the steps so far: the last rule applied.
     *
     * @param step the step, whose name no other step has
     * @return this builder
     */
    public Builder addStep(ClaimStep step) {
      steps.add(checked(step));
      return this;
    }

    /**
     * Adds {@code step} just before the step named {@code name}.
     *
     * @param name the name of a step of the builder, such as {@code billed-charge}
     * @param step the step to add
     * @return this builder
     * @throws IllegalArgumentException if there is none
     */
    public Builder addStepBefore(String name, ClaimStep step) {
      // The step is checked first: a null step is named whatever the name is.
      ClaimStep checkedStep = checked(step);
      steps.add(indexOf(steps, ClaimStep::name, name, "step"), checkedStep);
      return this;
    }

    /**
     * Adds {@code step} just after the step named {@code name}.
     *
     * @param name the name of a step of the builder, such as {@code billed-charge}
     * @param step the step to add
     * @return this builder
     * @throws IllegalArgumentException if there is none
     */
    public Builder addStepAfter(String name, ClaimStep step) {
      ClaimStep checkedStep = checked(step);
      steps.add(indexOf(steps, ClaimStep::name, name, "step") + 1, checkedStep);
      return this;
    }

    /**
     * Replaces the step named {@code name} with {@code step}, in its place.
     *
     * @param name the name of a step of the builder, such as {@code billed-charge}
     * @param step the step to apply in its place
     * @return this builder
     * @throws IllegalArgumentException if there is none
     */
    public Builder replaceStep(String name, ClaimStep step) {
      ClaimStep checkedStep = checked(step);
      steps.set(indexOf(steps, ClaimStep::name, name, "step"), checkedStep);
      return this;
    }

    /**
     * Removes the step named {@code name}.
     *
     * @param name the name of a step of the builder, such as {@code billed-charge}
     * @return this builder
     * @throws IllegalArgumentException if there is none
     */
    public Builder removeStep(String name) {
      steps.remove(indexOf(steps, ClaimStep::name, name, "step"));
      return this;
    }

    private static ClaimStep checked(ClaimStep step) {
      requireNonNull(step, "step");
      PricingStep.checkRule(step.name());
      return step;
    }

    private static <T> int indexOf(
        List<T> list, Function<T, String> nameOf, String name, String what) {
      requireNonNull(name, "name");
      for (int i = 0; i < list.size(); i++) {
        if (nameOf.apply(list.get(i)).equals(name)) {
          return i;
        }
      }
      // Quoted: the name may come from a payer's configuration, a line break or a megabyte.
      throw new IllegalArgumentException(
          "no claim "
              + what
              + " named "
              + CodeFormatException.quote(name)
              + "; there are "
              + list.stream().map(nameOf).toList());
    }

    /**
     * Returns the pricer.
     *
     * @return the pricer, immutable and thread-safe
     * @throws IllegalArgumentException if two steps, or two edits, have one name, two edits give
     *     findings of one name ({@link ClaimEdit#findingNames()}), or an edit's name is not a rule
     *     id ({@link ClaimEdit#name()})
     */
    public MedicareClaimPricer build() {
      Set<String> names = new HashSet<>();
      String grouping = null;
      for (ClaimStep step : steps) {
        if (!names.add(step.name())) {
          throw new IllegalArgumentException("two claim steps are named '" + step.name() + "'");
        }
        if (step instanceof MultipleSurgeryStep
            || step instanceof ComponentReductionStep
            || step instanceof ImagingEquipmentStep
            || step instanceof BilledChargeStep) {
          grouping = grouping == null ? step.name() : grouping;
        } else if (step instanceof BilateralStep && grouping != null) {
          // Those steps price the lines as procedures, each line's units applied once; the
          // bilateral step after them would group the lines again and apply the units twice.
          throw new IllegalArgumentException(
              "the claim step '"
                  + step.name()
                  + "' must come before '"
                  + grouping
                  + "': it decides which lines are one procedure, and the steps from '"
                  + grouping
                  + "' on price procedures");
        }
      }
      return new MedicareClaimPricer(this);
    }
  }
}
