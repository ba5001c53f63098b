package io.github.cpt4j.modifier;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.CptKind;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.modifier.ModifierRules.CodeRestriction;
import io.github.cpt4j.modifier.ModifierRules.Exclusion;
import java.util.Arrays;

/**
 * The data of {@link ModifierRules#standard()}: which modifiers each rule covers and on which
 * codes. Code rules are written as ranges of codes in the order of {@link ProcedureCode}, in which
 * every range of one code shape is contiguous.
 */
final class StandardModifierRules {

  private StandardModifierRules() {}

  /**
   * The cardiovascular codes of the Medicine section on which modifier 63 is allowed besides
   * surgery (check): from secondary sources, as of the 2025 code book; pinned by a test.
   */
  static final ImmutableList<String> INFANT_MEDICINE_CODES =
      ImmutableList.of(
          "92920", "92928", "92953", "92960", "92986", "92987", "92990", "92997", "92998", "93312",
          "93313", "93314", "93315", "93316", "93317", "93318", "93452", "93505", "93563", "93564",
          "93568", "93569", "93573", "93574", "93575", "93580", "93582", "93590", "93591", "93592",
          "93593", "93594", "93595", "93596", "93597", "93598", "93615", "93616");

  /**
   * The therapy codes, on which modifiers CQ and CO belong: the codes whose rows CMS's relative
   * value file marks MULT PROC 5, subject to the therapy reduction of the practice expense (the
   * same 52 in each 2025 release), as claim pricing knows a therapy service by its row. Pinned by a
   * test against the file.
   */
  static final ImmutableList<String> THERAPY_CODES =
      ImmutableList.of(
          "0791T", "92507", "92508", "92521", "92522", "92523", "92524", "92526", "92597", "92607",
          "92609", "96125", "97012", "97016", "97018", "97022", "97024", "97026", "97028", "97032",
          "97033", "97034", "97035", "97036", "97110", "97112", "97113", "97116", "97124", "97140",
          "97150", "97161", "97162", "97163", "97164", "97165", "97166", "97167", "97168", "97530",
          "97533", "97535", "97537", "97542", "97750", "97755", "97760", "97761", "97763", "G0281",
          "G0283", "G0329");

  private static final String CATEGORY_II_CODES = "Category II codes (0001F-9999F)";

  private static final String ANESTHESIA_CODES = "anesthesia codes 00100-01999";

  /**
   * The anesthesia codes, 00100-01999: the codes the anesthesia pricer prices by base and time
   * units ({@code AnesthesiaBaseUnits.isAnesthesiaCode}) and {@code Section.ANESTHESIA}; a test
   * pins that the three agree. Written out here because the pricer's package depends on this one.
   */
  private static final String[] ANESTHESIA_RANGE = {"00100", "01999"};

  /**
   * The visits that may carry 25 and 57, as first, last pairs: the E/M section with the retired
   * 99201, the eye exams, the initial preventive physical examination, the annual wellness visits
   * and the hospital clinic visit.
   */
  static final String[] VISIT_RANGES = {
    "99201", "99499", "92002", "92014", "G0402", "G0402", "G0438", "G0439", "G0463", "G0463"
  };

  static ImmutableList<CodeRestriction> restrictions() {
    int[] categoryII = {
      CptCode.of(CptKind.PERFORMANCE_MEASURE, 0).packed(),
      CptCode.of(CptKind.PERFORMANCE_MEASURE, 9_999).packed()
    };
    return ImmutableList.of(
        new CodeRestriction(
            ModifierRule.CATEGORY_II_MODIFIER_ON_OTHER_CODE,
            ofKind(ModifierKind.CATEGORY_II),
            true,
            categoryII,
            CATEGORY_II_CODES),
        new CodeRestriction(
            ModifierRule.NOT_ON_CATEGORY_II,
            modifiers("50", "51"),
            false,
            categoryII,
            CATEGORY_II_CODES),
        new CodeRestriction(
            ModifierRule.PHYSICAL_STATUS_OUTSIDE_ANESTHESIA,
            ofKind(ModifierKind.ANESTHESIA_PHYSICAL_STATUS),
            true,
            ranges(ANESTHESIA_RANGE),
            ANESTHESIA_CODES),
        // CPT's own definition of 47 rules it out on anesthesia codes, and contractors deny the
        // pair (Noridian JE Part B, "Modifier 47": "do not use with anesthesia codes").
        new CodeRestriction(
            ModifierRule.SURGEON_ANESTHESIA_ON_ANESTHESIA_CODE,
            modifiers("47"),
            false,
            ranges(ANESTHESIA_RANGE),
            ANESTHESIA_CODES),
        // CMS's relative value file gives every anesthesia code (status J, all 276 rows of
        // 00100-01999 in 2025) the indicator 9, "concept does not apply", in PC/TC, BILAT SURG,
        // ASST SURG, CO-SURG and TEAM SURG (record layout RVU25D): anesthesia is paid by base and
        // time units (Pub. 100-04, ch. 12, §50), never as a procedure with a component, a second
        // side or a surgeon's share. The anesthesia pricer refuses these modifiers
        // (MODIFIER_NOT_ALLOWED, naming the indicator); one rule per column, for the message.
        notAConceptOfAnesthesia("PC/TC", "professional and technical components", "26", "TC"),
        notAConceptOfAnesthesia("BILAT SURG", "bilateral procedures", "50"),
        notAConceptOfAnesthesia("CO-SURG", "co-surgeons", "62"),
        notAConceptOfAnesthesia("TEAM SURG", "team surgeons", "66"),
        notAConceptOfAnesthesia("ASST SURG", "assistants at surgery", "80", "81", "82", "AS"),
        new CodeRestriction(
            ModifierRule.INFANT_MODIFIER_OUTSIDE_ALLOWED_CODES,
            modifiers("63"),
            true,
            infantRanges(),
            "surgery codes 20100-69990 and "
                + INFANT_MEDICINE_CODES.size()
                + " listed cardiovascular codes"),
        new CodeRestriction(
            ModifierRule.ALTERNATIVE_PLATFORM_OUTSIDE_HIV_TESTS,
            modifiers("92"),
            true,
            ranges("86701", "86703", "87389", "87389"),
            "the HIV tests 86701-86703 and 87389"),
        // CR 9250 (transmittal 3402, MLN Matters MM9250) names these ranges "and any successor
        // codes"; a code outside them is flagged, and claim pricing still takes the modifier at
        // its word, so that a successor code keeps its reduction.
        new CodeRestriction(
            ModifierRule.CT_MODIFIER_OUTSIDE_CT_CODES,
            modifiers("CT"),
            true,
            ranges(
                "70450", "70498", "71250", "71275", "72125", "72133", "72191", "72194", "73200",
                "73206", "73700", "73706", "74150", "74178", "74261", "74263", "75571", "75574"),
            "the CT codes of change request 9250 (70450-70498, 71250-71275, 72125-72133,"
                + " 72191-72194, 73200-73206, 73700-73706, 74150-74178, 74261-74263, 75571-75574)"),
        // Pub. 100-04 ch. 12 §30.6.6.B: 25 marks an E/M service; §30.6.6.C: 57 the visit that
        // decided the surgery. The visits are Visits.isVisit's (written out here: that class's
        // package depends on this one; a test pins that they agree), with the preventive and
        // hospital clinic visits of Level II beside them.
        new CodeRestriction(
            ModifierRule.EVALUATION_AND_MANAGEMENT_MODIFIER_ON_OTHER_CODE,
            modifiers("25", "57"),
            true,
            ranges(VISIT_RANGES),
            "visits (E/M codes 99201-99499, eye exams 92002-92014, the preventive visits G0402,"
                + " G0438 and G0439, the hospital clinic visit G0463)",
            "25 marks a significant, separately identifiable visit and 57 the visit that decided"
                + " a surgery (Claims Processing Manual ch. 12 §30.6.6.B, §30.6.6.C); a procedure"
                + " done apart from another is marked 59 or XE, XS, XP, XU"),
        // SSA §1834(v) reduces outpatient physical and occupational therapy furnished in whole or
        // in part by an assistant; CMS defines CQ and CO as such therapy (Pub. 100-04, ch. 5,
        // §20.1). Claim pricing takes nothing off a line whose row is not MULT PROC 5.
        new CodeRestriction(
            ModifierRule.THERAPY_ASSISTANT_OUTSIDE_THERAPY_CODES,
            modifiers("CQ", "CO"),
            true,
            codeRanges(THERAPY_CODES),
            "the therapy codes (MULT PROC 5 in CMS's relative value file)",
            "the therapy assistant's 85% (Social Security Act section 1834(v)) is paid only for"
                + " outpatient physical or occupational therapy"));
  }

  static ImmutableList<Exclusion> exclusions() {
    return ImmutableList.of(
        // Increased (22) and reduced (52) services say opposite things of one line's work; claim
        // pricing leaves either to the contractor, and named only the first.
        exclusive("22", "52"),
        exclusive("25", "57", "59"),
        exclusive("52", "53", "73", "74"),
        exclusive("76", "77", "78", "79"),
        exclusive("93", "95"),
        exclusive("CQ", "CO"),
        // JW bills an amount of a drug discarded, JZ says none was (Pub. 100-04, ch. 17, §40);
        // the drug schedule refuses the line (MODIFIER_NOT_ALLOWED).
        exclusive("JW", "JZ"),
        // Pub. 100-04 ch. 12 §50 (B-D): AA, QK, QY and AD say how the physician took part in an
        // anesthesia service (personally, directing one to four cases, supervising more), QX and
        // QZ whether the nurse anesthetist was directed; each bills a line of its own. The
        // anesthesia pricer refuses a line with two of them (MODIFIER_NOT_ALLOWED).
        new Exclusion(
            ModifierRule.MUTUALLY_EXCLUSIVE,
            modifiers("AA", "AD", "QK", "QX", "QY", "QZ"),
            "at most one of AA, AD, QK, QX, QY, QZ goes on a line: each says how one anesthesia"
                + " service was furnished, and the physician and the nurse anesthetist bill lines"
                + " of their own (Claims Processing Manual ch. 12 §50)"),
        new Exclusion(
            ModifierRule.PROFESSIONAL_WITH_TECHNICAL_COMPONENT,
            modifiers("26", "TC"),
            "a line bills the professional or the technical component, or with neither "
                + "modifier the whole service, never both components"),
        // RVU25D, BILAT SURG: a bilateral procedure is "reported with modifier -50 or with
        // modifiers RT and LT"; claim pricing refuses 50 beside LT or RT (bilateral-modifiers).
        new Exclusion(
            ModifierRule.BILATERAL_WITH_SIDE,
            modifiers("50"),
            modifiers("LT", "RT"),
            "50 reports the procedure on both sides; LT or RT beside it contradicts it (report"
                + " 50 alone, or LT and RT)"),
        // MLN Matters MM8863 (change request 8863) introduced the X modifiers as more selective
        // versions of 59; that both on one line is incorrect is its wording as recalled, not
        // re-read (docs/manual-citations.md, row 91), hence a flag that never refuses.
        new Exclusion(
            ModifierRule.DISTINCT_SERVICE_WITH_X_MODIFIER,
            modifiers("59"),
            modifiers("XE", "XS", "XP", "XU"),
            "XE, XS, XP and XU are more specific forms of 59; report one of them or 59, not"
                + " both"),
        // Pub. 100-04 ch. 12 §40.2.A: 54, 55 and 56 split the surgeon's global package between
        // physicians who agree on a transfer of care; §20.4.3: an assistant at surgery is paid a
        // flat 16% (AS: 13.6%) for the operation, with no pre- or postoperative part to split.
        // Claim pricing refuses the line (split-care step). 62 and 66 are left out: §40.8 says
        // nothing against a co-surgeon or team surgeon billing split care.
        new Exclusion(
            ModifierRule.SPLIT_CARE_WITH_ASSISTANT,
            modifiers("54", "55", "56"),
            modifiers("80", "81", "82", "AS"),
            "54, 55 and 56 split the surgeon's global package (pre-operative, surgical and"
                + " post-operative care); an assistant at surgery is paid for help at the"
                + " operation alone, with no part of that package to bill"),
        // Pub. 100-04 ch. 12 §40.4: 78 is paid the intra-operative share of a return trip inside
        // a global period already paid, and starts none; §40.2: 54, 55 and 56 split a global
        // package. Claim pricing refuses the line (split-care step).
        new Exclusion(
            ModifierRule.RETURN_TO_OPERATING_ROOM_WITH_SPLIT_CARE,
            modifiers("78"),
            modifiers("54", "55", "56"),
            "78 bills an unplanned return to the operating room, paid its intra-operative share"
                + " inside a global period already paid; 54, 55 and 56 split a global package"
                + " between physicians, which the return trip does not start (Claims Processing"
                + " Manual ch. 12 §40.2, §40.4)"),
        // GA: a required ABN signed; GZ: none signed; GY: excluded or not a benefit, no ABN
        // required (Pub. 100-04 ch. 23 §20.9.1.1). One line says one of them.
        new Exclusion(
            ModifierRule.CONTRADICTORY_LIABILITY_MODIFIERS,
            modifiers("GA", "GY", "GZ"),
            "GA (a required advance beneficiary notice signed), GZ (none signed) and GY (excluded"
                + " by law or not a Medicare benefit, no notice required) contradict one another;"
                + " report the one that is true"),
        // CR 6563 (MLN Matters MM6563): a line with GX and GA, GZ, EY or GL is returned; GX goes
        // with GY.
        new Exclusion(
            ModifierRule.CONTRADICTORY_LIABILITY_MODIFIERS,
            modifiers("GX"),
            modifiers("GA", "GZ"),
            "GX (a voluntary notice, for a service Medicare never covers) never goes with GA or"
                + " GZ, which are for a service that needed a notice, signed (GA) or not (GZ)"
                + " (change request 6563)"));
  }

  private static CodeRestriction notAConceptOfAnesthesia(
      String column, String concept, String... codes) {
    return new CodeRestriction(
        ModifierRule.PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE,
        modifiers(codes),
        false,
        ranges(ANESTHESIA_RANGE),
        ANESTHESIA_CODES,
        "CMS's relative value file gives every anesthesia code "
            + column
            + " 9 (concept does not apply): "
            + concept
            + " are not a concept of anesthesia, which is paid by base and time units, not as a"
            + " procedure");
  }

  private static Exclusion exclusive(String... codes) {
    return new Exclusion(
        ModifierRule.MUTUALLY_EXCLUSIVE,
        modifiers(codes),
        "at most one of " + String.join(", ", codes) + " goes on a line");
  }

  private static int[] infantRanges() {
    int[] ranges = Arrays.copyOf(ranges("20100", "69990"), 2 + 2 * INFANT_MEDICINE_CODES.size());
    for (int i = 0; i < INFANT_MEDICINE_CODES.size(); i++) {
      int packed = ProcedureCode.packedOf(INFANT_MEDICINE_CODES.get(i));
      ranges[2 + 2 * i] = packed;
      ranges[3 + 2 * i] = packed;
    }
    return ranges;
  }

  /** Each of {@code codes} as a range of one code. */
  private static int[] codeRanges(ImmutableList<String> codes) {
    int[] ranges = new int[2 * codes.size()];
    for (int i = 0; i < codes.size(); i++) {
      int packed = ProcedureCode.packedOf(codes.get(i));
      ranges[2 * i] = packed;
      ranges[2 * i + 1] = packed;
    }
    return ranges;
  }

  private static int[] ranges(String... firstLastPairs) {
    int[] ranges = new int[firstLastPairs.length];
    for (int i = 0; i < ranges.length; i++) {
      ranges[i] = ProcedureCode.parse(firstLastPairs[i]).packed();
    }
    return ranges;
  }

  // Loops rather than streams: these run once per process, when the first claim pricer is built,
  // at the start of every cpt price, where a stream pipeline and its collector are cold code.

  private static ImmutableSet<Modifier> modifiers(String... codes) {
    ImmutableSet.Builder<Modifier> set = ImmutableSet.builder();
    for (String code : codes) {
      set.add(Modifier.parse(code));
    }
    return set.build();
  }

  private static ImmutableSet<Modifier> ofKind(ModifierKind kind) {
    ImmutableSet.Builder<Modifier> set = ImmutableSet.builder();
    for (ModifierInfo info : ModifierRegistry.standard().ofKind(kind)) {
      set.add(info.modifier());
    }
    return set.build();
  }
}
