package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M50;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.MLT;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.MRT;

import com.google.common.collect.ImmutableSet;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierRegistry;
import io.github.cpt4j.modifier.PaymentEffect;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the priced lines into {@link Procedure procedures}, recognizing bilateral ones as CMS
 * describes them (column BILAT SURG): a line with modifier 50 (or LT and RT on one line), two lines
 * of the same code with LT and RT, or, for indicators 1, 2 and 3 only and a code that is no add-on
 * (global ZZZ), a line of 2 units or two lines of 1 unit without 50, LT or RT ("reported twice on
 * the same day by any other means"), priced as an LT and RT pair: an add-on's units count the
 * repetitions its code adds, not sides. Neither a line of 2 units nor two lines are both sides when
 * a line says another service ({@link #saysAnotherSiteOrSession}: 59, XE, XS, XP, XU...): its units
 * are then that many procedures, ranked by the surgical rules as two lines would be (the imaging
 * reduction takes a 59 or XE line for one session of its own, its units reduced between themselves,
 * and two such lines for two sessions: see ComponentReductionStep).
 *
 * <p>An add-on's units count its levels (or vessels...) on a bilateral line too: {@code 64484-50
 * x2} is two levels done on both sides, two bilateral procedures, and {@code 64484-RT x2} beside
 * {@code 64484-LT x2} the same two, paired level by level; each level is priced as one bilateral
 * procedure of the add-on is. Sides of different units (an add-on of MULT PROC 0, which no rule
 * reduces later) pair as many levels as the shorter line has, and the longer line's further levels
 * are each paid as one side: {@code 64484-RT x3} with {@code 64484-LT x2} is 2 x 150% + 1 x 100% of
 * a level, each line taking half of the bilateral levels and the RT line its single level too.
 * Neither the RVU25D record layout (BILAT SURG) nor Claims Processing Manual ch. 12 §40.7 (one line
 * item with 50) says what the units of such a line count: the reading is cpt4j's, from what an
 * add-on's units count on any other line.
 *
 * <p>The amount of a bilateral procedure, from the amount {@code F} for one side: indicator 1, 150%
 * of F; 0 and 2, 100% of F for both sides; 3, 100% of F for each side, 200%. Indicator 9 is not
 * bilateral: LT and RT lines are then two ordinary lines, and 2 units two units. Bilateral amounts
 * are set before any multiple-procedure rule, as CMS orders them. Rule id {@code bilateral}; the
 * units of a line that is no bilateral procedure are multiplied here too (rule id {@code units}).
 *
 * <p>A line of a code with LT or RT beside a line of the same code and row with 50, in one
 * provider's day, is refused ({@link UnpricedReason#MODIFIER_NOT_ALLOWED}, rule id {@code
 * bilateral}), naming both lines: 50 already reports both sides (RVU25D, BILAT SURG: a bilateral
 * procedure is "reported with modifier -50 or with modifiers RT and LT"; ch. 12 §40.7 pays one
 * bilateral procedure for them), so the side is billed twice. {@code 27447-50} with {@code
 * 27447-RT} was paid 150% and then the right knee again at 50%, three knees. The sided line is the
 * one refused, whichever is billed first, so that the amounts do not depend on the order of the
 * lines. Not refused: a sided line that says another site or session ({@link
 * #saysAnotherSiteOrSession}: 59, XS, 76...), an add-on (its units and lines count what its code
 * adds), and a line of another part of the service than the 50 line's (another row, split-care
 * share or surgeon role).
 */
final class BilateralStep implements ClaimStep {

  static final BigDecimal ONE_AND_A_HALF = new BigDecimal("1.5");
  static final BigDecimal TWO = new BigDecimal("2");

  @Override
  public String name() {
    return ClaimRule.BILATERAL.id();
  }

  @Override
  public void apply(ClaimState claim) {
    // The builder keeps this step before the steps that group lines; a second grouping would
    // apply each line's units again.
    if (claim.isGrouped()) {
      throw new IllegalStateException("the claim's lines are already grouped into procedures");
    }
    refuseRepeatedSides(claim.lines);
    claim.procedures(group(claim.lines, true, claim.modifiers));
  }

  /** The modifiers that say which part of a service a line bills: split care, surgeon role. */
  private static final int PART =
      LineWork.SPLIT_CARE | LineWork.M62 | LineWork.M66 | LineWork.ASSISTANT;

  /**
   * Refuses each line with LT or RT whose side a line of the same code and part with 50 already
   * reports (see the class comment). A loop over the lines, allocation-free when no line has 50: it
   * runs on every claim.
   */
  static void refuseRepeatedSides(LineWork[] lines) {
    for (LineWork both : lines) {
      if (!both.has(M50) || !both.isPricedBySchedule() || both.isAddOn()) {
        continue;
      }
      for (LineWork side : lines) {
        if (side != both
            && side.isPricedBySchedule()
            && side.has(MLT | MRT)
            && !side.has(M50)
            && repeatsSide(both, side)) {
          side.refuse(
              UnpricedReason.MODIFIER_NOT_ALLOWED,
              ClaimRule.BILATERAL,
              side.line
                  + " on "
                  + side.name()
                  + " bills "
                  + (side.has(MLT) && side.has(MRT)
                      ? "both sides"
                      : side.has(MLT) ? "the left side" : "the right side")
                  + " again: "
                  + both.line
                  + " on "
                  + both.name()
                  + " already reports both sides of "
                  + side.line.code()
                  + ", and a side is paid once (bill another site or session with 59, XS or"
                  + " another such modifier)");
        }
      }
    }
  }

  /**
   * Tells whether sided line {@code side} bills again what 50 line {@code both} reports: not when
   * either says another site or session, so that the answer does not depend on which line says it.
   */
  private static boolean repeatsSide(LineWork both, LineWork side) {
    return both.line.code().equals(side.line.code())
        && both.rowModifier() == side.rowModifier()
        && (both.modifiers & PART) == (side.modifiers & PART)
        && !saysAnotherSiteOrSession(side)
        && !saysAnotherSiteOrSession(both);
  }

  /** Returns the factor of a bilateral procedure over the amount of one side. */
  static BigDecimal factor(BilateralRule rule) {
    return switch (rule) {
      case PAY_150_PERCENT -> ONE_AND_A_HALF;
      case PAY_EACH_SIDE -> TWO;
      default -> Amounts.ONE;
    };
  }

  private static String meaning(BilateralRule rule) {
    return switch (rule) {
      case PAY_150_PERCENT -> "150% of the amount for one side";
      case PAY_EACH_SIDE -> "100% of the amount for each side";
      case ALREADY_BILATERAL ->
          "100% of the amount for one side: the RVUs already cover both sides";
      default -> "100% of the amount for one side: the 150% adjustment does not apply";
    };
  }

  /**
   * Returns the procedures of the priced lines; each such line then belongs to one. Without {@code
   * bilateral}, every line is a procedure of its units (for a pricer without this rule). The words
   * name a line's bilateral modifier as {@code registry} knows it (see {@link #how}).
   */
  static List<Procedure> group(LineWork[] lines, boolean bilateral, ModifierRegistry registry) {
    List<Procedure> procedures = new ArrayList<>(lines.length);
    List<LineWork> sided = null;
    for (LineWork w : lines) {
      if (!w.isPricedBySchedule()) {
        continue;
      }
      BilateralRule rule = w.indicators.bilateral();
      boolean applies = bilateral && rule != BilateralRule.NOT_APPLICABLE;
      if (applies && (w.has(M50) || w.has(MLT) && w.has(MRT))) {
        procedures.add(bilateralLine(w, rule, registry));
      } else if (applies
          && rule != BilateralRule.NO_ADJUSTMENT
          && !w.isPostoperativeDays()
          // An add-on's units count what its code adds ("each additional" level, vessel...): 2
          // units are two of them, not both sides of one; its sides are billed with 50 or LT/RT.
          && !w.isAddOn()
          && w.line.units() == 2
          && !w.has(MLT | MRT)
          // 59, XS... say the second unit is another service, as they do of a second line.
          && !saysAnotherSiteOrSession(w)) {
        procedures.add(bilateralLine(w, rule, registry));
      } else if (applies
          && (((w.line.units() == 1 || w.isPostoperativeDays() || w.isAddOn())
                  && w.has(MLT) != w.has(MRT))
              || isUnsided(w, rule))) {
        // A modifier 55 line's units are days of one procedure's care: its LT and RT lines of the
        // same days (the same factors) are one bilateral procedure's care, as 50 is. An add-on's
        // LT and RT lines of as many units are that many levels done on both sides.
        if (sided == null) {
          sided = new ArrayList<>(4);
        }
        sided.add(w);
      } else {
        procedures.add(ordinary(w));
      }
    }
    if (sided != null) {
      pair(sided, procedures);
    }
    return procedures;
  }

  /**
   * Tells whether {@code w} may be one side of a code reported twice on the same day without 50, LT
   * or RT: a line of 1 unit without them, under the rules that take 2 units as both sides (BILAT
   * SURG 1, 2 and 3; no add-on; no modifier 55 days). CMS applies the bilateral rule when the code
   * "is reported twice on the same day by any other means" than modifier 50 (RVU25D record layout,
   * BILAT SURG 1 to 3): two such lines are the two sides, as 2 units on one line are.
   */
  private static boolean isUnsided(LineWork w, BilateralRule rule) {
    return rule != BilateralRule.NO_ADJUSTMENT
        && !w.isPostoperativeDays()
        && !w.isAddOn()
        && w.line.units() == 1
        && !w.has(M50 | MLT | MRT)
        && !saysAnotherSiteOrSession(w);
  }

  /**
   * Whether the line has a modifier of {@link #ANOTHER_SITE_OR_SESSION}. A loop, not a stream: it
   * runs on the pricing path, for every line that could be a side.
   */
  static boolean saysAnotherSiteOrSession(LineWork w) {
    for (Modifier modifier : w.line.modifiers()) {
      if (ANOTHER_SITE_OR_SESSION.contains(modifier)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Modifiers that say a line is not the other side of the same service: a distinct procedure, site
   * or session (59, XE, XS, XP, XU), a repeat (76, 77), a return to the operating room or an
   * unrelated procedure in the postoperative period (78, 79), or a named finger, toe, eyelid or
   * coronary artery (Medicare Claims Processing Manual ch. 12 §30 and NCCI's anatomic modifiers).
   * Two lines of a code with one of them are two services, ranked as such, not two sides.
   */
  private static final ImmutableSet<Modifier> ANOTHER_SITE_OR_SESSION =
      Stream.of(
              "59", "XE", "XS", "XP", "XU", "76", "77", "78", "79", "F1", "F2", "F3", "F4", "F5",
              "F6", "F7", "F8", "F9", "FA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9",
              "TA", "E1", "E2", "E3", "E4", "LC", "LD", "LM", "RC", "RI")
          .map(Modifier::parse)
          .collect(ImmutableSet.toImmutableSet());

  private static Procedure ordinary(LineWork w) {
    if (w.isPostoperativeDays()) {
      // Units of a modifier 55 line are days of care, already counted by the split-care step:
      // one procedure (see SplitCareStep).
      return new Procedure(w, null, 1, Amounts.ONE);
    }
    Procedure p = new Procedure(w, null, w.line.units(), Amounts.ONE);
    if (w.line.units() > 1) {
      int units = w.line.units();
      w.set(p.amount, ClaimRule.UNITS, () -> "x " + units + " units");
    }
    return p;
  }

  /**
   * How many bilateral procedures a line of both sides (or each line of an LT and RT pair) is: an
   * add-on's units, which count its levels, vessels..., each done on both sides; else 1 (a modifier
   * 55 line's units are days of one procedure's care, and any other bilateral line of more than 1
   * unit was refused).
   */
  private static int levels(LineWork w) {
    return w.isAddOn() ? w.line.units() : 1;
  }

  /**
   * Says how line {@code w} reports both sides: by the modifier the registry gives the bilateral
   * effect ("modifier 50", or a payer's own), by LT and RT, or by 2 units. Written when read.
   */
  private static String how(LineWork w, ModifierRegistry registry) {
    if (w.has(M50)) {
      return w.billedModifier(PaymentEffect.BILATERAL, registry);
    }
    return w.has(MLT) && w.has(MRT) ? "LT and RT" : "2 units";
  }

  private static Procedure bilateralLine(
      LineWork w, BilateralRule rule, ModifierRegistry registry) {
    int levels = levels(w);
    Procedure p = new Procedure(w, null, levels, factor(rule));
    w.set(
        p.amount,
        ClaimRule.BILATERAL,
        () ->
            how(w, registry)
                + ", BILAT SURG "
                + rule.code()
                + ": both sides"
                + (levels == 1
                    ? ""
                    : " of each of the " + levels + " levels the add-on's units count")
                + ", "
                + meaning(rule)
                + (levels == 1 ? "" : " per level"));
    return p;
  }

  /**
   * Pairs each LT line with an RT line of the same code, row and factors, both in stable-key order,
   * and likewise each line without a side ({@link #isUnsided}) with another; lines left without a
   * partner (a third line of the code) are ordinary lines.
   */
  private static void pair(List<LineWork> sided, List<Procedure> procedures) {
    if (!anyPair(sided)) {
      for (LineWork w : sided) {
        procedures.add(ordinary(w));
      }
      return;
    }
    LineWork[] candidates = sided.toArray(new LineWork[0]);
    Arrays.sort(candidates, LineWork::compareKeys);
    boolean[] used = new boolean[candidates.length];
    pair(candidates, used, procedures, false);
    // Then an add-on's sides of different units: as many levels as the shorter line's units are
    // done on both sides (lines of as many units pair first, so that no level is left single).
    pair(candidates, used, procedures, true);
    for (int i = 0; i < candidates.length; i++) {
      if (!used[i]) {
        procedures.add(ordinary(candidates[i]));
      }
    }
  }

  private static void pair(
      LineWork[] candidates, boolean[] used, List<Procedure> procedures, boolean uneven) {
    for (int i = 0; i < candidates.length; i++) {
      if (used[i]) {
        continue;
      }
      LineWork a = candidates[i];
      for (int j = i + 1; j < candidates.length; j++) {
        LineWork b = candidates[j];
        if (!used[j]
            && oppositeSides(a, b)
            && (uneven ? areUnevenLevels(a, b) || areUnevenDays(a, b) : samePricing(a, b))) {
          used[i] = true;
          used[j] = true;
          procedures.add(bilateralPair(a, b));
          break;
        }
      }
    }
  }

  /**
   * Tells whether two sides are an add-on's levels billed with different units on each side, which
   * are then paired level by level, the levels of the longer line beyond the shorter's paid as one
   * side's. Only for an add-on no multiple procedure rule reduces (MULT PROC 0): its amount is then
   * final here, so the pair's uneven halves meet no rule that splits a pair half and half.
   */
  private static boolean areUnevenLevels(LineWork a, LineWork b) {
    return a.isAddOn()
        && b.isAddOn()
        && a.indicators.multipleProcedure() == MultipleProcedureRule.NONE
        && b.indicators.multipleProcedure() == MultipleProcedureRule.NONE
        && a.line.units() != b.line.units()
        && a.line.code().equals(b.line.code())
        && a.scale.compareTo(b.scale) == 0
        && a.rowModifier() == b.rowModifier();
  }

  /**
   * Tells whether two sides are the postoperative care (55 alone) of one code billed for different
   * days on each side: still the two sides of one bilateral procedure, which RVU25D (BILAT SURG)
   * prices from how it was reported, RT and LT on the same day, not from the days each line bills.
   * Paid as two procedures of one side each, 27447-55-LT x45 and 27447-55-RT x30 were 200% of the
   * share, more than both sides for 45 days, 150%. The lines must differ in their days alone: the
   * amount of a day the same on both.
   */
  private static boolean areUnevenDays(LineWork a, LineWork b) {
    if (!a.isPostoperativeDays()
        || !b.isPostoperativeDays()
        || a.line.units() == b.line.units()
        || !a.line.code().equals(b.line.code())
        || a.rowModifier() != b.rowModifier()
        || (a.modifiers & ~(MLT | MRT)) != (b.modifiers & ~(MLT | MRT))) {
      return false;
    }
    // A day's amount, a x days(b) against b x days(a): equal but for the 55 factor's rounding at
    // SplitCareStep.FACTOR_DECIMALS, far below a cent.
    BigDecimal difference =
        a.amount
            .multiply(BigDecimal.valueOf(b.line.units()))
            .subtract(b.amount.multiply(BigDecimal.valueOf(a.line.units())))
            .abs();
    return difference.compareTo(SAME_DAY_AMOUNT) < 0;
  }

  private static final BigDecimal SAME_DAY_AMOUNT = new BigDecimal("1E-20");

  /** Tells cheaply whether two of the lines could pair, which is rare. */
  private static boolean anyPair(List<LineWork> sided) {
    for (int i = 0; i < sided.size(); i++) {
      for (int j = i + 1; j < sided.size(); j++) {
        LineWork a = sided.get(i);
        LineWork b = sided.get(j);
        if (oppositeSides(a, b)
            && (samePricing(a, b) || areUnevenLevels(a, b) || areUnevenDays(a, b))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Tells whether two lines are the two sides: LT and RT, or neither line with a side. */
  private static boolean oppositeSides(LineWork a, LineWork b) {
    return a.has(MLT | MRT) ? b.has(MLT | MRT) && a.has(MLT) != b.has(MLT) : !b.has(MLT | MRT);
  }

  /**
   * Tells whether two sides are one bilateral procedure. Modifier 22 or 52 on one side does not
   * part them: BILAT SURG prices the pair from how it was reported (RT and LT), and the modifier
   * leaves only its own side's half to the contractor. An add-on's sides pair here when they have
   * as many units (levels); of different units, see {@link #areUnevenLevels}.
   */
  private static boolean samePricing(LineWork a, LineWork b) {
    return a.line.code().equals(b.line.code())
        && a.line.units() == b.line.units()
        && a.scale.compareTo(b.scale) == 0
        && a.isPostoperativeDays() == b.isPostoperativeDays()
        && a.rowModifier() == b.rowModifier();
  }

  private static Procedure bilateralPair(LineWork a, LineWork b) {
    if (areUnevenDays(a, b)) {
      return unevenDaysPair(a, b);
    }
    BilateralRule rule = a.indicators.bilateral();
    int levels = Math.min(levels(a), levels(b));
    // An add-on's longer line: its levels beyond the other side's are done on its side only.
    LineWork longer = levels(a) > levels ? a : levels(b) > levels ? b : null;
    int single = longer == null ? 0 : levels(longer) - levels;
    BigDecimal oneLevel = longer == null ? null : longer.amount;
    Procedure p = new Procedure(a, b, levels, factor(rule));
    BigDecimal both = p.amount;
    p.set(
        both,
        ClaimRule.BILATERAL,
        () ->
            (a.has(MLT | MRT)
                    ? "LT and RT on " + a.name() + " and " + b.name() + " are"
                    : a.line.code()
                        + " on "
                        + a.name()
                        + " and "
                        + b.name()
                        + ", twice on the same day without 50, LT or RT, is taken as both sides:")
                + (levels == 1
                    ? " one bilateral procedure"
                    : " "
                        + levels
                        + " bilateral procedures, one for each level the add-on's units count")
                + ", BILAT SURG "
                + rule.code()
                + ": "
                + meaning(rule)
                + (levels == 1 ? "" : " per level")
                + " = "
                + Amounts.plain(both)
                + " for both lines, half on each");
    if (longer != null) {
      // cpt4j's split: each line takes half of the levels done on both sides, and the line of the
      // longer side the levels done on its side only, each paid as one side of the add-on is.
      BigDecimal own = oneLevel.multiply(BigDecimal.valueOf(single));
      p.setLine(
          longer,
          longer.amount.add(own),
          ClaimRule.BILATERAL,
          () ->
              "and "
                  + (single == 1 ? "1 level" : single + " levels")
                  + " done on this side only, beyond the other line's "
                  + levels
                  + ": "
                  + single
                  + " x "
                  + Amounts.plain(oneLevel)
                  + " = "
                  + Amounts.plain(own)
                  + " more on this line");
    }
    return p;
  }

  /**
   * The postoperative care of both sides billed for different days ({@link #areUnevenDays}): the
   * days both sides were managed, the shorter line's, are one bilateral procedure's care, priced by
   * BILAT SURG as 50 would be and shared half and half; the longer line's further days are its side
   * alone, each paid as one side's day, as an add-on's further levels on one side are. 27447-55-LT
   * x45 and 27447-55-RT x30 (BILAT SURG 1): 150% of 30 days' share, half on each line, and 15 days
   * of one side's share on the LT line. Neither RVU25D nor ch. 12 §40.2 says how days of care of
   * two sides add up: the split is cpt4j's, chosen so that fewer days never pay more.
   */
  private static Procedure unevenDaysPair(LineWork a, LineWork b) {
    BilateralRule rule = a.indicators.bilateral();
    LineWork shorter = a.line.units() < b.line.units() ? a : b;
    LineWork longer = shorter == a ? b : a;
    int days = shorter.line.units();
    int single = longer.line.units() - days;
    // The longer line's days beyond the shorter's, one side's: worked out before the pair's amount
    // replaces the lines' own.
    BigDecimal own = longer.amount.subtract(shorter.amount);
    Procedure p = new Procedure(a, b, 1, factor(rule), shorter.amount);
    BigDecimal both = p.amount;
    p.set(
        both,
        ClaimRule.BILATERAL,
        () ->
            "LT and RT on "
                + a.name()
                + " and "
                + b.name()
                + " are one bilateral procedure's postoperative care for the "
                + days
                + " days both sides were managed, BILAT SURG "
                + rule.code()
                + ": "
                + meaning(rule)
                + " = "
                + Amounts.plain(both)
                + " for both lines, half on each");
    p.setLine(
        longer,
        longer.amount.add(own),
        ClaimRule.BILATERAL,
        () ->
            "and "
                + single
                + (single == 1 ? " day" : " days")
                + " managed on this side only, beyond the other line's "
                + days
                + ", paid as one side: "
                + Amounts.plain(own)
                + " more on this line");
    return p;
  }
}
