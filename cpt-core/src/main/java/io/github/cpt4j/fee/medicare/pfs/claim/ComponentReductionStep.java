package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import io.github.cpt4j.fee.medicare.pfs.FeeCalculation;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.fee.medicare.pfs.PcTcIndicator;
import io.github.cpt4j.fee.medicare.pfs.RowModifier;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The multiple-procedure rules that reduce one part of later services instead of the whole amount.
 * In each group the services are ranked by that part, highest first (ties by the lines' stable
 * key), and every unit counts; the first unit is paid in full, each later one loses, on dates of
 * service from 2017 on:
 *
 * <ul>
 *   <li>MULT PROC 4, diagnostic imaging of one family (88): 50% of its technical component (TC),
 *       and, ranked separately by professional component (PC), 5% of its PC;
 *   <li>MULT PROC 5, therapy: 50% of its practice expense;
 *   <li>MULT PROC 6, diagnostic cardiovascular: 25% of its TC;
 *   <li>MULT PROC 7, diagnostic ophthalmology: 20% of its TC.
 * </ul>
 *
 * <p>Earlier dates take the shares then in force ({@link ComponentCut}): the imaging PC 25% from
 * 2012 to 2016, therapy 20% from 2011 to March 2013, the imaging TC 25% from 2006 to June 2010, and
 * no cardiovascular or ophthalmology reduction before 2013. A group ranked on a date before its
 * reduction began is paid in full, with a note.
 *
 * <p>A bilateral procedure of a code paid 100% for each side (BILAT SURG 3: modifier 50, LT and RT,
 * or 2 units) counts as two services here, one a side, each ranked by its own part: alone, its
 * second side is reduced; beside other services of its group, each side takes its own place. The
 * record layout of the relative value file (RVU25D) pays such a procedure "100% of the fee schedule
 * amount for each side", determined "before applying any multiple procedure rules", and MULT PROC 4
 * pays "50% for each subsequent procedure" of a session; CMS's approved Recovery Audit topic 0164
 * (Bilateral Indicator 3, citing Claims Processing Manual ch. 12 §40.7.C.3) pays "100% of the
 * Medicare allowed amount for each side less any applicable multiple procedure pricing rules". No
 * CMS text says in so many words that the second side is a second service of the imaging ranking;
 * this is the project's reading of these sentences, which also prices the two sides as two lines of
 * different codes of the family would be.
 *
 * <p>The parts are those of {@link Components}. A code whose file rows do not say which part is
 * technical is left unreduced and unranked, with a {@link
 * ClaimWarning.Kind#COMPONENT_NOT_IDENTIFIED} warning.
 *
 * <p>The lines of a date are taken to be one session, but for an imaging line billed with XE or 59:
 * the imaging reduction ranks a procedure "reported in the same session on the same day" as another
 * of its family (RVU25D record layout, MULT PROC 4), XE says "a service that is distinct because it
 * occurred during a separate encounter" (MLN Matters MM8863), and 59 covers a different session. In
 * the imaging ranking such a line is a session of its own: ranked alone (its own units or sides
 * still reduced after the first), neither reduced against the other services nor reducing them, and
 * its explanation says why it was paid in full. XS (another structure) and XU (an unusual service)
 * do not say another session: their lines are ranked with the others. The cardiovascular and
 * ophthalmology reductions (MULT PROC 6, 7) have no session in their text, which reduces "the
 * second highest and subsequent procedures" (RVU25D record layout), and CMS applies them per
 * practitioner, patient and day (CY 2013 physician fee schedule final rule): their services of a
 * day are ranked together whatever XE or 59 say. The therapy reduction (MULT PROC 5) is of the
 * services of a day, in one session or several, and takes no account of these modifiers either.
 *
 * <p>The services ranked are the group's, whatever rendering provider each line names: {@code
 * MedicareClaimPricer} prices each provider's lines of a date apart, but runs this step once over
 * all of them ({@link #apply(ClaimState[])}). CMS applies the imaging reductions to services
 * "furnished by the same physician or by multiple physicians in the same group practice (same group
 * NPI)" (CY 2012 and 2013 physician fee schedule final rules, 77 FR 68891), the cardiovascular and
 * ophthalmology reductions likewise, and the therapy reduction to all the therapy a group furnishes
 * a patient on a day (CY 2011 rule).
 *
 * <p>A technical component under the OPPS imaging cap is ranked by its fee schedule amount and
 * reduced from it, and only then capped: a later service is paid the lower of its reduced fee
 * schedule TC and the cap's TC. That is CMS's order (CY 2007 physician fee schedule rule, which put
 * the cap of section 5102(b) of the Deficit Reduction Act of 2005 after the multiple-procedure
 * reduction, as contractors' pricing worksheets do); reducing the capped TC paid less, and ranking
 * by the capped TCs could put another service first. Name {@code component-reduction}; its steps
 * carry the rule ids {@code diagnostic-imaging}, {@code therapy}, {@code diagnostic-cardiovascular}
 * and {@code diagnostic-ophthalmology}.
 */
final class ComponentReductionStep implements ClaimStep {

  static final String NAME = "component-reduction";

  /** The part a ranking of technical components names. */
  private static final String TC = "TC";

  /** XE: a separate encounter, a session of its own. */
  private static final Modifier SEPARATE_ENCOUNTER = Modifier.parse("XE");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void apply(ClaimState claim) {
    // The technical cuts are kept only for a claim whose equipment reductions will read them.
    Map<Procedure, BigDecimal> cuts =
        ImagingEquipmentStep.anyLine(claim.lines) ? claim.technicalCuts() : null;
    apply(claim.procedures(), cuts, claim.context().dateOfService());
  }

  /**
   * Applies the reductions once over the lines of {@code days}, the claim states of several
   * rendering providers on one date: CMS reduces the services a group furnishes a patient on a day
   * (in one session, for imaging) whichever of its physicians furnished each (see {@code
   * MedicareClaimPricer}'s {@code priceProviders}). Each state's procedures are ranked with the
   * others', and what the ranking took off a technical component is where each state's equipment
   * reductions read it.
   */
  static void apply(ClaimState[] days) {
    List<Procedure> all = new ArrayList<>();
    Map<Procedure, BigDecimal> cuts = null;
    for (ClaimState day : days) {
      all.addAll(day.procedures());
      if (cuts == null && ImagingEquipmentStep.anyLine(day.lines)) {
        cuts = new HashMap<>(); // a Procedure is equal only to itself
      }
    }
    if (cuts != null) {
      for (ClaimState day : days) {
        day.technicalCuts(cuts);
      }
    }
    apply(all, cuts, days[0].context().dateOfService());
  }

  /**
   * One service's part per slot, ranked within its group by {@code perSlot}, and what a slot after
   * the first loses, {@code offPerSlot}, with the words that say why when they add to the rule's
   * percentage ({@code how}: the OPPS cap, CMS's posted therapy fee). Most parts lose the
   * percentage of themselves; see the methods that make the others.
   */
  private static final class Part {
    final Procedure procedure;
    final BigDecimal perSlot;
    final BigDecimal offPerSlot;
    final String how;

    /**
     * What the part is ranked by: the same part of one unit times {@link Procedure#rankScale()},
     * before the line's payment shares (a therapy assistant's 85%, a co-surgeon's 62.5%).
     */
    final BigDecimal rankBy;

    Part(
        Procedure procedure,
        BigDecimal perSlot,
        BigDecimal offPerSlot,
        String how,
        BigDecimal rankBy) {
      this.procedure = procedure;
      this.perSlot = perSlot;
      this.offPerSlot = offPerSlot;
      this.how = how;
      this.rankBy = rankBy;
    }

    /**
     * A part of {@code unit} per unit that loses {@code cut} of itself (nothing when the cut is
     * null: its reduction is not in force).
     */
    static Part of(Procedure procedure, BigDecimal unit, BigDecimal cut) {
      BigDecimal perSlot = unit.multiply(scale(procedure));
      return new Part(
          procedure,
          perSlot,
          cut == null ? BigDecimal.ZERO : perSlot.multiply(cut),
          "",
          rankBy(procedure, unit, perSlot));
    }

    /**
     * Whether {@code procedure} is a bilateral one paid 100% for each side (BILAT SURG 3), whose
     * sides are ranked as two services (see the class comment).
     */
    static boolean bySide(Procedure procedure) {
      return procedure.slots == 1
          && procedure.indicators().bilateral() == BilateralRule.PAY_EACH_SIDE
          && procedure.bilateralFactor.compareTo(BilateralStep.TWO) == 0;
    }

    /**
     * How many services the procedure counts as in a ranking: its units, or its two sides. Worked
     * out when asked rather than kept in a field, which made each part of an imaging claim 8 bytes
     * larger.
     */
    static int count(Procedure procedure) {
      return bySide(procedure) ? 2 : procedure.slots;
    }

    /**
     * The factor from one unit's part to one ranked service: {@link Procedure#slotScale()}, or the
     * line's own factors alone for one side of a bilateral procedure.
     */
    static BigDecimal scale(Procedure procedure) {
      return bySide(procedure) ? procedure.line.scale : procedure.slotScale();
    }

    /**
     * {@code unit} times the procedure's rank scale (for one side, when ranked by side): {@code
     * perSlot} itself for a line without factors (nearly every line), whose two scales are one,
     * which saves a multiplication.
     */
    static BigDecimal rankBy(Procedure procedure, BigDecimal unit, BigDecimal perSlot) {
      // A line without a factor (nearly every line) has no share: no second multiplication.
      if (procedure.line.scale == Amounts.ONE) {
        return perSlot;
      }
      BigDecimal rankBy = unit.multiply(procedure.rankScale());
      // The rank scale holds the bilateral factor of 2; a side is ranked by half of it.
      return bySide(procedure) ? rankBy.multiply(Amounts.HALF) : rankBy;
    }

    static int compare(Part a, Part b) {
      int c = b.rankBy.compareTo(a.rankBy);
      return c != 0 ? c : Procedure.BY_KEY.compare(a.procedure, b.procedure);
    }
  }

  /**
   * Applies the reductions to {@code procedures}, adding what each loses of its technical component
   * to {@code cuts} when it is not null, at the shares in force on {@code date}.
   */
  static void apply(List<Procedure> procedures, Map<Procedure, BigDecimal> cuts, LocalDate date) {
    int present = 0;
    // By index, as every claim runs this loop: no iterator to allocate when the step is inlined.
    for (int i = 0; i < procedures.size(); i++) {
      Procedure p = procedures.get(i);
      if (p.isPriced()) {
        present |= 1 << p.rule().ordinal();
      }
    }
    if ((present & 1 << MultipleProcedureRule.THERAPY.ordinal()) != 0) {
      therapy(procedures, date);
    }
    if ((present & 1 << MultipleProcedureRule.DIAGNOSTIC_IMAGING.ordinal()) != 0) {
      List<Integer> families = new ArrayList<>(1);
      for (Procedure p : procedures) {
        int family = p.indicators().diagnosticImagingFamily();
        if (p.isPriced()
            && p.rule() == MultipleProcedureRule.DIAGNOSTIC_IMAGING
            && !families.contains(family)) {
          families.add(family);
        }
      }
      families.sort(null);
      for (int family : families) {
        components(procedures, MultipleProcedureRule.DIAGNOSTIC_IMAGING, family, cuts, date);
      }
    }
    if ((present & 1 << MultipleProcedureRule.DIAGNOSTIC_CARDIOVASCULAR.ordinal()) != 0) {
      components(procedures, MultipleProcedureRule.DIAGNOSTIC_CARDIOVASCULAR, -1, cuts, date);
    }
    if ((present & 1 << MultipleProcedureRule.DIAGNOSTIC_OPHTHALMOLOGY.ordinal()) != 0) {
      components(procedures, MultipleProcedureRule.DIAGNOSTIC_OPHTHALMOLOGY, -1, cuts, date);
    }
  }

  private static void therapy(List<Procedure> procedures, LocalDate date) {
    BigDecimal cut = ComponentCut.THERAPY_PE.on(date);
    List<Part> parts = new ArrayList<>(procedures.size());
    for (Procedure p : procedures) {
      if (p.isPriced() && p.rule() == MultipleProcedureRule.THERAPY) {
        FeeCalculation fee = p.line.calculation();
        BigDecimal pe = fee.practiceExpenseAmount();
        // CMS posts the reduced fee of a later unit as the formula with the share of the practice
        // expense left, rounded once (payment file layout, the MPPR therapy amounts): taken from
        // the
        // exact fee, not the rounded one, it can be a cent higher than the posted fee less half
        // the practice expense.
        BigDecimal reduced =
            cut == null
                ? p.line.unitFee
                : fee.exactAmount()
                    .subtract(pe.multiply(cut))
                    .setScale(FeeResult.CENTS, FeeResult.ROUNDING);
        BigDecimal scale = Part.scale(p);
        BigDecimal perSlot = pe.multiply(scale);
        // A line paid a share (non-participation, a therapy assistant's 85%) is paid that share of
        // the posted reduced fee: the words state both.
        String paid =
            scale.compareTo(BigDecimal.ONE) == 0
                ? ""
                : ", "
                    + Amounts.plain(reduced.multiply(scale))
                    + " after the line's "
                    + Amounts.percent(scale);
        parts.add(
            new Part(
                p,
                perSlot,
                p.line.unitFee.subtract(reduced).multiply(scale),
                ": the reduced fee CMS posts, " + Amounts.plain(reduced) + " a unit" + paid,
                Part.rankBy(p, pe, perSlot)));
      }
    }
    rank(
        parts,
        cut,
        ComponentCut.THERAPY_PE,
        date,
        ClaimRule.THERAPY,
        "practice expense",
        "therapy services",
        null);
  }

  private static void components(
      List<Procedure> procedures,
      MultipleProcedureRule rule,
      int imagingFamily,
      Map<Procedure, BigDecimal> cuts,
      LocalDate date) {
    ComponentCut tcRule =
        switch (rule) {
          case DIAGNOSTIC_IMAGING -> ComponentCut.IMAGING_TC;
          case DIAGNOSTIC_CARDIOVASCULAR -> ComponentCut.CARDIOVASCULAR_TC;
          default -> ComponentCut.OPHTHALMOLOGY_TC;
        };
    BigDecimal tcCut = tcRule.on(date);
    BigDecimal pcCut = ComponentCut.IMAGING_PC.on(date);
    List<Part> technical = new ArrayList<>(procedures.size());
    List<Part> professional = new ArrayList<>(procedures.size());
    // The parts of the imaging procedures billed as a session of their own (XE or 59), technical
    // and professional; made only when there is one.
    List<Part> technicalApart = null;
    List<Part> professionalApart = null;
    for (Procedure p : procedures) {
      if (!p.isPriced()
          || p.rule() != rule
          || imagingFamily >= 0 && p.indicators().diagnosticImagingFamily() != imagingFamily) {
        continue;
      }
      // Each line's own schedule and context: the lines of one date may be several providers'.
      BigDecimal[] split = Components.split(p.line, p.line.inputs());
      if (split == null) {
        p.warn(
            ClaimWarning.Kind.COMPONENT_NOT_IDENTIFIED,
            ruleOf(rule),
            "PC/TC "
                + p.indicators().pcTc().code()
                + ": the relative value file does not say which part"
                + " of "
                + p.line.line.code()
                + " is technical, so no reduction is applied to it");
        continue;
      }
      // Only the imaging reduction is of one session (MULT PROC 4); the cardiovascular and
      // ophthalmology reductions (6, 7) are of the day, with or without XE or 59.
      boolean separate =
          rule == MultipleProcedureRule.DIAGNOSTIC_IMAGING && separateSession(p) != null;
      if (split[0].signum() > 0) {
        if (separate) {
          technicalApart = technicalApart == null ? new ArrayList<>(2) : technicalApart;
          technicalApart.add(Part.of(p, split[0], tcCut));
        } else {
          technical.add(Part.of(p, split[0], tcCut));
        }
      }
      if (split[1].signum() > 0) {
        if (separate) {
          professionalApart = professionalApart == null ? new ArrayList<>(2) : professionalApart;
          professionalApart.add(Part.of(p, split[1], pcCut));
        } else {
          professional.add(Part.of(p, split[1], pcCut));
        }
      }
    }
    if (tcCut != null) {
      technical = uncapped(technical, tcCut);
    }
    ClaimRule claimRule = ruleOf(rule);
    String group =
        switch (rule) {
          case DIAGNOSTIC_IMAGING -> "imaging family " + imagingFamily;
          case DIAGNOSTIC_CARDIOVASCULAR -> "diagnostic cardiovascular services";
          default -> "diagnostic ophthalmology services";
        };
    rank(technical, tcCut, tcRule, date, claimRule, TC, group, cuts);
    if (technicalApart != null) {
      apart(technicalApart, slots(technical), tcCut, tcRule, date, claimRule, TC, group, cuts);
    }
    if (rule == MultipleProcedureRule.DIAGNOSTIC_IMAGING) {
      rank(professional, pcCut, ComponentCut.IMAGING_PC, date, claimRule, "PC", group, null);
      if (professionalApart != null) {
        apart(
            professionalApart,
            slots(professional),
            pcCut,
            ComponentCut.IMAGING_PC,
            date,
            claimRule,
            "PC",
            group,
            null);
      }
    }
  }

  /**
   * Ranks each of {@code parts}, the parts of procedures billed as a session of their own (XE or
   * 59), alone: a procedure of several units or two sides is reduced within its session, and none
   * is reduced against, or reduces, the {@code ranked} other services of its group. A single
   * service beside others says why it was paid in full.
   */
  @SuppressWarnings("TooManyParameters") // rank's, and the count of the others
  private static void apart(
      List<Part> parts,
      int ranked,
      BigDecimal cut,
      ComponentCut reduction,
      LocalDate date,
      ClaimRule rule,
      String part,
      String group,
      Map<Procedure, BigDecimal> cuts) {
    int all = ranked + slots(parts);
    for (Part p : parts) {
      Modifier modifier = separateSession(p.procedure);
      int slots = Part.count(p.procedure);
      if (slots > 1) {
        List<Part> alone = List.of(p);
        rank(
            cut != null && part.equals(TC) ? uncapped(alone, cut) : alone,
            cut,
            reduction,
            date,
            rule,
            part,
            group + " in a separate session (modifier " + modifier + ")",
            cuts);
      } else if (all > slots) {
        notePaidInFull(
            p,
            rule,
            part,
            group,
            () ->
                "modifier "
                    + modifier
                    + " puts it in a separate session, and the reduction ranks the services"
                    + " of one session");
      }
    }
  }

  /** Notes on {@code p}'s procedure that its {@code part} was paid in full, and {@code why}. */
  private static void notePaidInFull(
      Part p, ClaimRule rule, String part, String group, Supplier<String> why) {
    BigDecimal perSlot = p.perSlot;
    p.procedure.note(
        rule,
        () ->
            part
                + " "
                + Amounts.plain(perSlot)
                + " among "
                + group
                + ": paid in full, as "
                + why.get());
  }

  /** The services {@code parts} count as in a ranking. */
  private static int slots(List<Part> parts) {
    int slots = 0;
    for (Part p : parts) {
      slots += Part.count(p.procedure);
    }
    return slots;
  }

  /**
   * The modifier that makes {@code p} a session of its own, or null: XE, a separate encounter (MLN
   * Matters MM8863), or 59, which covers a different session (CPT's definition, of which XE is the
   * more specific form). The imaging reduction applies to services "reported in the same session on
   * the same day" (RVU25D record layout, MULT PROC 4), so only its ranking asks; XS (another site)
   * and XU (an unusual service) do not say another session, and are ranked with the others.
   */
  private static Modifier separateSession(Procedure p) {
    Modifier m = separateSession(p.line);
    return m != null || p.other == null ? m : separateSession(p.other);
  }

  private static Modifier separateSession(LineWork w) {
    List<Modifier> modifiers = w.line.modifiers();
    // By index: no iterator for a line of every imaging claim.
    for (int i = 0; i < modifiers.size(); i++) {
      Modifier m = modifiers.get(i);
      if (m == Modifier.DISTINCT_SERVICE || m == SEPARATE_ENCOUNTER) {
        return m;
      }
    }
    return null;
  }

  private static ClaimRule ruleOf(MultipleProcedureRule rule) {
    return switch (rule) {
      case DIAGNOSTIC_IMAGING -> ClaimRule.DIAGNOSTIC_IMAGING;
      case DIAGNOSTIC_CARDIOVASCULAR -> ClaimRule.DIAGNOSTIC_CARDIOVASCULAR;
      default -> ClaimRule.DIAGNOSTIC_OPHTHALMOLOGY;
    };
  }

  /**
   * The technical parts again, each ranked and cut by its amount before the OPPS cap. Only when
   * there is something to rank: a service alone keeps its capped amount, without a second look-up.
   */
  private static List<Part> uncapped(List<Part> technical, BigDecimal cut) {
    int slots = 0;
    for (Part p : technical) {
      slots += Part.count(p.procedure);
    }
    if (slots < 2) {
      return technical;
    }
    List<Part> parts = new ArrayList<>(technical.size());
    for (Part p : technical) {
      LineWork w = p.procedure.line;
      // The code's technical row: the line's own, but for the global row of a split test. A
      // global-only test's part is several codes' fees, none of them capped.
      PcTcIndicator pcTc = w.indicators.pcTc();
      RowModifier row = w.rowModifier();
      if (row == RowModifier.GLOBAL && pcTc == PcTcIndicator.DIAGNOSTIC_TEST) {
        row = RowModifier.TECHNICAL_COMPONENT;
      } else if (row != RowModifier.TECHNICAL_COMPONENT
          && pcTc != PcTcIndicator.TECHNICAL_COMPONENT_ONLY) {
        parts.add(p);
        continue;
      }
      BigDecimal unit = w.inputs().uncappedUnitFee(w.line.code(), row);
      BigDecimal perSlot = unit == null ? null : unit.multiply(Part.scale(p.procedure));
      if (perSlot == null || perSlot.compareTo(p.perSlot) <= 0) {
        parts.add(p);
        continue;
      }
      // The cut comes off the fee schedule amount, then the cap applies (see the class comment):
      // a later slot keeps the lower of the cut amount and the capped one the line holds.
      BigDecimal capped = p.perSlot;
      BigDecimal cutFee = perSlot.subtract(perSlot.multiply(cut));
      parts.add(
          new Part(
              p.procedure,
              perSlot,
              capped.subtract(cutFee.min(capped)),
              ", before the OPPS cap: the lower of "
                  + Amounts.plain(cutFee)
                  + " and the cap's "
                  + Amounts.plain(capped),
              Part.rankBy(p.procedure, unit, perSlot)));
    }
    return parts;
  }

  /**
   * Ranks {@code parts} and takes {@code cut} of the part of every slot after the first off its
   * procedure's amount, when there are at least two slots. A null cut ({@code reduction} not in
   * force on {@code date}) leaves every part in full, with a note.
   */
  @SuppressWarnings("TooManyParameters") // the share, the rule it comes from and the date it is for
  private static void rank(
      List<Part> parts,
      BigDecimal cut,
      ComponentCut reduction,
      LocalDate date,
      ClaimRule rule,
      String part,
      String group,
      Map<Procedure, BigDecimal> cuts) {
    int of = slots(parts);
    if (of < 2) {
      return;
    }
    if (cut == null) {
      for (Part p : parts) {
        notePaidInFull(
            p,
            rule,
            part,
            group,
            () ->
                "the reduction of later services applies from "
                    + reduction.from()
                    + ", not on "
                    + date);
      }
      return;
    }
    int total = of;
    Part[] ranked = parts.toArray(new Part[0]);
    Arrays.sort(ranked, Part::compare);
    int rank = 1;
    for (Part p : ranked) {
      Procedure procedure = p.procedure;
      int slots = Part.count(p.procedure);
      String later = Part.bySide(procedure) ? " the second side" : " the units after the first";
      int reduced = rank == 1 ? slots - 1 : slots;
      int first = rank;
      BigDecimal perSlot = p.perSlot;
      if (reduced == 0) {
        procedure.note(
            rule,
            () ->
                part
                    + " "
                    + Amounts.plain(perSlot)
                    + rankedBy(p)
                    + " ranks "
                    + first
                    + " of "
                    + total
                    + " among "
                    + group
                    + ": paid in full");
      } else {
        BigDecimal off = p.offPerSlot.multiply(BigDecimal.valueOf(reduced));
        if (cuts != null) {
          cuts.merge(procedure, off, BigDecimal::add);
        }
        procedure.set(
            Amounts.atLeastZero(procedure.amount.subtract(off)),
            rule,
            () ->
                part
                    + " "
                    + Amounts.plain(perSlot)
                    + rankedBy(p)
                    + (slots == 1
                        ? " ranks " + first
                        : " ranks " + first + "-" + (first + slots - 1))
                    + " of "
                    + total
                    + " among "
                    + group
                    + ": "
                    + Amounts.percent(cut)
                    + " of it off"
                    + (reduced < slots ? later : reduced > 1 ? each(procedure, slots) : "")
                    + p.how
                    + " ("
                    + procedure.perLine(off)
                    + ")");
      }
      rank += slots;
    }
  }

  /**
   * The amount {@code part} is ranked by, in words, when it is not the part stated: a line paid a
   * share (a therapy assistant's 85%, a practitioner's, non-participation) is ranked by its part
   * before the shares, and without these words its explanation could show a smaller part ranked
   * above a larger one.
   */
  private static String rankedBy(Part part) {
    return part.rankBy.compareTo(part.perSlot) == 0
        ? ""
        : " (ranked by " + Amounts.plain(part.rankBy) + ", before the line's payment shares)";
  }

  /**
   * The qualifier of a cut when every side or unit of a procedure ranks after the first service:
   * the cut stated is of each. Built only when the words are, like the rest of them.
   */
  private static String each(Procedure procedure, int slots) {
    return Part.bySide(procedure) ? " each side" : " each of the " + slots + " units";
  }
}
