package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.medicare.pfs.LineEvaluator;
import io.github.cpt4j.modifier.PaymentEffect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The reductions for older imaging equipment, each a share of the technical component (TC) of the
 * line, or of the TC portion of a global service, that the law takes off:
 *
 * <ul>
 *   <li>FX, an X-ray taken on film: 20% from 1 January 2017 (Social Security Act section
 *       1848(b)(9)(A); change request 9727, rule id {@code film-x-ray});
 *   <li>FY, an X-ray taken by computed radiography: 7% from 1 January 2018 to 31 December 2022 and
 *       10% from 1 January 2023 (section 1848(b)(9)(B); change request 10188, rule id {@code
 *       computed-radiography});
 *   <li>CT, a CT scan on equipment that does not meet the NEMA XR-29 standard: 5% in 2016 and 15%
 *       from 1 January 2017 (section 218(a) of the Protecting Access to Medicare Act of 2014;
 *       change request 9250, rule id {@code ct-equipment}).
 * </ul>
 *
 * <p>The TC reduced is the one Medicare pays: change request 9727 has contractors take the lower of
 * the fee schedule and OPPS amounts (the OPPS imaging cap) and reduce that, and the imaging
 * multiple-procedure reduction comes before the cap ({@link ComponentReductionStep}), so this step
 * follows both and reduces what they left of the TC (the ranking's cut, from {@link
 * ClaimState#technicalCut}). A line with FX and FY has both reductions, FY after FX (change request
 * 10188). The professional component is never reduced. Change requests 9250 and 10188 do not say
 * where their reductions stand against the cap and the ranking; they are applied where change
 * request 9727 puts FX.
 *
 * <p>The modifier is taken as the billing provider's statement about the equipment: this step does
 * not check the code against CMS's lists of X-ray or CT services. The modifier rules flag CT on a
 * code outside change request 9250's list ({@code CT_MODIFIER_OUTSIDE_CT_CODES}), but the amount is
 * still reduced here, since that list also covers codes that succeed the ones it names. A code
 * whose file rows do not say which part is technical (PC/TC 0, for instance) is not reduced and
 * gets a {@link ClaimWarning.Kind#COMPONENT_NOT_IDENTIFIED} warning; a service before the
 * reduction's first date keeps its amount, with a note. Step name {@code imaging-equipment}.
 */
final class ImagingEquipmentStep implements ClaimStep {

  static final String NAME = "imaging-equipment";

  /**
   * The three reductions, in the order they apply: the modifier, its rule and the share of the TC
   * it takes on each date.
   */
  private enum Equipment {
    FILM(
        PaymentEffect.FILM_X_RAY,
        ClaimRule.FILM_X_RAY,
        "FX",
        "an X-ray taken on film",
        LocalDate.of(2017, 1, 1),
        "0.20",
        null,
        null),
    COMPUTED_RADIOGRAPHY(
        PaymentEffect.COMPUTED_RADIOGRAPHY,
        ClaimRule.COMPUTED_RADIOGRAPHY,
        "FY",
        "an X-ray taken by computed radiography",
        LocalDate.of(2018, 1, 1),
        "0.07",
        LocalDate.of(2023, 1, 1),
        "0.10"),
    CT(
        PaymentEffect.CT_EQUIPMENT_NOT_STANDARD,
        ClaimRule.CT_EQUIPMENT,
        "CT",
        "CT equipment below the NEMA XR-29 standard",
        LocalDate.of(2016, 1, 1),
        "0.05",
        LocalDate.of(2017, 1, 1),
        "0.15");

    final int bit;
    final ClaimRule rule;
    final String modifier;
    final String words;
    final LocalDate from;
    private final BigDecimal cut;
    private final LocalDate raisedFrom;
    private final BigDecimal raisedCut;

    Equipment(
        PaymentEffect effect,
        ClaimRule rule,
        String modifier,
        String words,
        LocalDate from,
        String cut,
        LocalDate raisedFrom,
        String raisedCut) {
      this.bit = effect.bit();
      this.rule = rule;
      this.modifier = modifier;
      this.words = words;
      this.from = from;
      this.cut = new BigDecimal(cut);
      this.raisedFrom = raisedFrom;
      this.raisedCut = raisedCut == null ? null : new BigDecimal(raisedCut);
    }

    /** The share of the TC taken off a service on {@code date}, or null before the first day. */
    BigDecimal cutOn(LocalDate date) {
      if (date.isBefore(from)) {
        return null;
      }
      return raisedFrom != null && !date.isBefore(raisedFrom) ? raisedCut : cut;
    }
  }

  private static final Equipment[] ALL = Equipment.values();

  /** The modifiers this step reduces for, as bits of {@link LineWork#has}. */
  static final int MODIFIERS =
      Equipment.FILM.bit | Equipment.COMPUTED_RADIOGRAPHY.bit | Equipment.CT.bit;

  /** Tells whether some line of {@code lines} carries one of the step's modifiers. */
  static boolean anyLine(LineWork[] lines) {
    for (LineWork w : lines) {
      if (w.has(MODIFIERS)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void apply(ClaimState claim) {
    LocalDate date = claim.context().dateOfService();
    List<Procedure> procedures = claim.procedures();
    for (int i = 0; i < procedures.size(); i++) {
      Procedure p = procedures.get(i);
      if (!p.isPriced()) {
        continue;
      }
      BigDecimal cut = claim.technicalCut(p);
      reduce(p, p.line, date, claim.evaluator, cut);
      if (p.other != null) {
        reduce(p, p.other, date, claim.evaluator, cut);
      }
    }
  }

  /** Applies the reductions of {@code w}'s modifiers to its share of {@code p}'s TC. */
  private static void reduce(
      Procedure p, LineWork w, LocalDate date, LineEvaluator inputs, BigDecimal technicalCut) {
    if (!w.has(MODIFIERS)) {
      return;
    }
    BigDecimal[] split = Components.split(w, inputs);
    if (split == null) {
      w.warn(
          ClaimWarning.Kind.COMPONENT_NOT_IDENTIFIED,
          firstOn(w).rule,
          "PC/TC "
              + w.indicators.pcTc().code()
              + ": the relative value file does not say which part of "
              + w.line.code()
              + " is technical, so "
              + named(w)
              + " nothing off");
      return;
    }
    // The TC the line carries now: one unit's, times the line's factors and units (or the
    // bilateral factor), less what the multiple-procedure reduction took; half of it on each line
    // of an LT and RT pair.
    BigDecimal tc =
        split[0]
            .multiply(p.slotScale())
            .multiply(BigDecimal.valueOf(p.slots))
            .subtract(technicalCut);
    if (p.other != null) {
      tc = tc.multiply(Amounts.HALF);
    }
    tc = Amounts.min(Amounts.atLeastZero(tc), w.amount);
    String after = technicalCut.signum() > 0 ? " after the multiple-procedure reduction" : "";
    for (Equipment equipment : ALL) {
      if (!w.has(equipment.bit)) {
        continue;
      }
      String modifier = equipment.modifier;
      BigDecimal cut = equipment.cutOn(date);
      if (cut == null) {
        w.note(
            equipment.rule,
            () ->
                "modifier "
                    + modifier
                    + " takes nothing off a service before "
                    + equipment.from
                    + ", when its reduction began");
        continue;
      }
      if (tc.signum() == 0) {
        w.note(
            equipment.rule,
            () -> "modifier " + modifier + ": the row has no technical component to reduce");
        continue;
      }
      BigDecimal from = tc;
      BigDecimal off = from.multiply(cut);
      String base = after;
      tc = tc.subtract(off);
      p.setLine(
          w,
          w.amount.subtract(off),
          equipment.rule,
          () ->
              "modifier "
                  + modifier
                  + " ("
                  + equipment.words
                  + "): "
                  + Amounts.percent(cut)
                  + " off the technical component "
                  + Amounts.plain(from)
                  + base
                  + " ("
                  + Amounts.plain(off)
                  + ")");
      after = " after the reduction above";
    }
  }

  /** "modifier FX takes", or "modifiers FX and CT take": the equipment modifiers on {@code w}. */
  private static String named(LineWork w) {
    StringBuilder names = new StringBuilder();
    int count = 0;
    for (Equipment equipment : ALL) {
      if (w.has(equipment.bit)) {
        names.append(count == 0 ? "" : " and ").append(equipment.modifier);
        count++;
      }
    }
    return count == 1 ? "modifier " + names + " takes" : "modifiers " + names + " take";
  }

  /** The first equipment modifier on {@code w}, in the order they apply. */
  private static Equipment firstOn(LineWork w) {
    for (Equipment equipment : ALL) {
      if (w.has(equipment.bit)) {
        return equipment;
      }
    }
    throw new AssertionError("no equipment modifier on " + w.line);
  }
}
