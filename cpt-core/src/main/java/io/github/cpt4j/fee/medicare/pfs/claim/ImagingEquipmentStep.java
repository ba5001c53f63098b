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
 * not check the code against CMS's lists of X-ray or CT services. A code whose file rows do not say
 * which part is technical (PC/TC 0, for instance) is not reduced and gets a {@link
 * ClaimWarning.Kind#COMPONENT_NOT_IDENTIFIED} warning; a service before the reduction's first date
 * keeps its amount, with a note. Step name {@code imaging-equipment}.
 */
final class ImagingEquipmentStep implements ClaimStep {

  static final String NAME = "imaging-equipment";

  private static final int FX = PaymentEffect.FILM_X_RAY.bit();
  private static final int FY = PaymentEffect.COMPUTED_RADIOGRAPHY.bit();
  private static final int CT = PaymentEffect.CT_EQUIPMENT_NOT_STANDARD.bit();

  /** The modifiers this step reduces for, as bits of {@link LineWork#has}. */
  static final int MODIFIERS = FX | FY | CT;

  /** Tells whether some line of {@code lines} carries one of the step's modifiers. */
  static boolean anyLine(LineWork[] lines) {
    for (LineWork w : lines) {
      if (w.has(MODIFIERS)) {
        return true;
      }
    }
    return false;
  }

  /** The rules of the equipment modifiers, in the order they apply. */
  private static final ClaimRule[] RULES = {
    ClaimRule.FILM_X_RAY, ClaimRule.COMPUTED_RADIOGRAPHY, ClaimRule.CT_EQUIPMENT
  };

  private static final LocalDate Y2016 = LocalDate.of(2016, 1, 1);
  private static final LocalDate Y2017 = LocalDate.of(2017, 1, 1);
  private static final LocalDate Y2018 = LocalDate.of(2018, 1, 1);
  private static final LocalDate Y2023 = LocalDate.of(2023, 1, 1);

  private static final BigDecimal FILM_CUT = new BigDecimal("0.20");
  private static final BigDecimal RADIOGRAPHY_CUT_2018 = new BigDecimal("0.07");
  private static final BigDecimal RADIOGRAPHY_CUT_2023 = new BigDecimal("0.10");
  private static final BigDecimal CT_CUT_2016 = new BigDecimal("0.05");
  private static final BigDecimal CT_CUT_2017 = new BigDecimal("0.15");

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
          firstRule(w),
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
        split[0].multiply(p.slotScale).multiply(BigDecimal.valueOf(p.slots)).subtract(technicalCut);
    if (p.other != null) {
      tc = tc.multiply(Amounts.HALF);
    }
    tc = Amounts.min(Amounts.atLeastZero(tc), w.amount);
    String after = technicalCut.signum() > 0 ? " after the multiple-procedure reduction" : "";
    for (ClaimRule rule : RULES) {
      if (!w.has(bitOf(rule))) {
        continue;
      }
      String modifier = modifierOf(rule);
      BigDecimal cut = cut(rule, date);
      if (cut == null) {
        w.note(
            rule,
            () ->
                "modifier "
                    + modifier
                    + " takes nothing off a service before "
                    + firstDate(rule)
                    + ", when its reduction began");
        continue;
      }
      if (tc.signum() == 0) {
        w.note(
            rule, () -> "modifier " + modifier + ": the row has no technical component to reduce");
        continue;
      }
      BigDecimal from = tc;
      BigDecimal off = from.multiply(cut);
      String base = after;
      tc = tc.subtract(off);
      p.setLine(
          w,
          w.amount.subtract(off),
          rule,
          () ->
              "modifier "
                  + modifier
                  + " ("
                  + what(rule)
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

  /**
   * The share of the TC that {@code rule}'s modifier takes off a service on {@code date}, or null
   * before the reduction began.
   */
  static BigDecimal cut(ClaimRule rule, LocalDate date) {
    return switch (rule) {
      case FILM_X_RAY -> date.isBefore(Y2017) ? null : FILM_CUT;
      case COMPUTED_RADIOGRAPHY ->
          date.isBefore(Y2018)
              ? null
              : date.isBefore(Y2023) ? RADIOGRAPHY_CUT_2018 : RADIOGRAPHY_CUT_2023;
      case CT_EQUIPMENT ->
          date.isBefore(Y2016) ? null : date.isBefore(Y2017) ? CT_CUT_2016 : CT_CUT_2017;
      default -> throw new IllegalArgumentException("not an equipment rule: " + rule);
    };
  }

  private static LocalDate firstDate(ClaimRule rule) {
    return switch (rule) {
      case FILM_X_RAY -> Y2017;
      case COMPUTED_RADIOGRAPHY -> Y2018;
      default -> Y2016;
    };
  }

  private static int bitOf(ClaimRule rule) {
    return switch (rule) {
      case FILM_X_RAY -> FX;
      case COMPUTED_RADIOGRAPHY -> FY;
      default -> CT;
    };
  }

  private static String modifierOf(ClaimRule rule) {
    return switch (rule) {
      case FILM_X_RAY -> "FX";
      case COMPUTED_RADIOGRAPHY -> "FY";
      default -> "CT";
    };
  }

  private static String what(ClaimRule rule) {
    return switch (rule) {
      case FILM_X_RAY -> "an X-ray taken on film";
      case COMPUTED_RADIOGRAPHY -> "an X-ray taken by computed radiography";
      default -> "CT equipment below the NEMA XR-29 standard";
    };
  }

  /** "modifier FX takes", or "modifiers FX and CT take": the equipment modifiers on {@code w}. */
  private static String named(LineWork w) {
    StringBuilder names = new StringBuilder();
    int count = 0;
    for (ClaimRule rule : RULES) {
      if (w.has(bitOf(rule))) {
        names.append(count == 0 ? "" : " and ").append(modifierOf(rule));
        count++;
      }
    }
    return count == 1 ? "modifier " + names + " takes" : "modifiers " + names + " take";
  }

  /** The rule of the first equipment modifier on {@code w}, in the order they apply. */
  private static ClaimRule firstRule(LineWork w) {
    return w.has(FX)
        ? ClaimRule.FILM_X_RAY
        : w.has(FY) ? ClaimRule.COMPUTED_RADIOGRAPHY : ClaimRule.CT_EQUIPMENT;
  }
}
