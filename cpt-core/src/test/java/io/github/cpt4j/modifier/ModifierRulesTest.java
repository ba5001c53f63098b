package io.github.cpt4j.modifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.code.Section;
import io.github.cpt4j.edit.Visits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModifierRulesTest {

  private static final ModifierRules RULES = ModifierRules.standard();

  /** Checks "CODE MOD MOD ..." and describes each violation as "RULE:MOD+MOD". */
  private static List<String> check(String line) {
    String[] parts = line.split(" ", -1);
    List<Modifier> modifiers = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      modifiers.add(Modifier.parse(parts[i]));
    }
    return RULES.check(ProcedureCode.parse(parts[0]), modifiers).stream()
        .map(
            v ->
                v.rule()
                    + ":"
                    + v.modifiers().stream()
                        .map(Modifier::toString)
                        .collect(Collectors.joining("+")))
        .collect(Collectors.toList());
  }

  private static List<String> expect(String violations) {
    return violations.isEmpty() ? List.of() : Arrays.asList(violations.split(" "));
  }

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        // Lines that break no rule.
        "99213                | ''",
        "99213 25             | ''",
        "27447 RT 22 51 AS    | ''",
        "71046 26             | ''",
        "71046 TC             | ''",
        "G0438 33             | ''",
        "0001F 1P             | ''",
        "3044F 8P             | ''",
        // At most four modifiers.
        "99213 22 24 32 33 47 96 | TOO_MANY_MODIFIERS:47+96",
        // No modifier twice.
        "99213 25 25          | DUPLICATE_MODIFIER:25",
        "27447 RT RT RT       | DUPLICATE_MODIFIER:RT",
        // Category II modifiers only on Category II codes.
        "99213 1P             | CATEGORY_II_MODIFIER_ON_OTHER_CODE:1P",
        "G0438 8P             | CATEGORY_II_MODIFIER_ON_OTHER_CODE:8P",
        "0042T 2P             | CATEGORY_II_MODIFIER_ON_OTHER_CODE:2P",
        // 50 and 51 never on Category II codes.
        "3044F 50             | NOT_ON_CATEGORY_II:50",
        "0001F 51 1P          | NOT_ON_CATEGORY_II:51",
        "27447 50             | ''",
        // P1-P6 only on anesthesia codes.
        "00100 P1             | ''",
        "01999 P6             | ''",
        "99213 P1             | PHYSICAL_STATUS_OUTSIDE_ANESTHESIA:P1",
        "0100T P3             | PHYSICAL_STATUS_OUTSIDE_ANESTHESIA:P3",
        "99100 P2             | PHYSICAL_STATUS_OUTSIDE_ANESTHESIA:P2",
        "02000 P2             | PHYSICAL_STATUS_OUTSIDE_ANESTHESIA:P2",
        // 47 (anesthesia by the surgeon) on the surgery, never on an anesthesia code.
        "64721 47             | ''",
        "00099 47             | ''",
        "02000 47             | ''",
        "00100 47             | SURGEON_ANESTHESIA_ON_ANESTHESIA_CODE:47",
        "01999 47 P1          | SURGEON_ANESTHESIA_ON_ANESTHESIA_CODE:47",
        // A component, a second side or a surgeon's role is no concept of an anesthesia code
        // (indicator 9 in the relative value file), at both ends of the range and on the add-ons.
        "00100 AA 26          | PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:26",
        "01999 TC             | PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:TC",
        "00790 AA 50          | PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:50",
        "00790 AA 62          | PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:62",
        "00790 AA 66          | PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:66",
        "00790 AA 80          | PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:80",
        "00790 QK 81          | PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:81",
        "00790 QX 82          | PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:82",
        "01953 AA AS          | PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:AS",
        "01968 QZ 80          | PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:80",
        "01969 AD 62          | PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:62",
        "00790 80 AA 26       | PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:80 "
            + "PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:26",
        "00790 47 80          | SURGEON_ANESTHESIA_ON_ANESTHESIA_CODE:47 "
            + "PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:80",
        "00790 26 TC          | PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:26 "
            + "PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:TC PROFESSIONAL_WITH_TECHNICAL_COMPONENT:26+TC",
        "00790 50 LT          | PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE:50 BILATERAL_WITH_SIDE:50+LT",
        // The anesthesia modifiers and the others that belong on an anesthesia line.
        "00790 AA P3 GC 23    | ''",
        "00790 AD G8          | ''",
        "00790 QK QS G9       | ''",
        "00790 QY 59          | ''",
        "00790 QX XE          | ''",
        "00790 QZ XS XP XU    | ''",
        // LT and RT name the side of the surgery; CMS's text refuses neither on an anesthesia code
        // (BILAT SURG 9 is the column of modifier 50; chapter 12, section 50 lists the payment
        // modifiers, not the only ones allowed), and the claim pricer takes them on other codes
        // of BILAT SURG 9, such as 99152, both on one line too.
        "00790 AA LT          | ''",
        "00790 AA RT          | ''",
        "01402 QK LT RT       | ''",
        // Outside 00100-01999 the modifiers are the pricer's to judge by the code's own row.
        "00099 80             | ''",
        "02000 26             | ''",
        "99100 80             | ''",
        "27447 80 62 66       | ''",
        "64721 47 80          | ''",
        // 63 only on surgery 20100-69990 and listed cardiovascular codes.
        "20100 63             | ''",
        "69990 63             | ''",
        "92920 63             | ''",
        "93616 63             | ''",
        "20005 63             | INFANT_MODIFIER_OUTSIDE_ALLOWED_CODES:63",
        "93000 63             | INFANT_MODIFIER_OUTSIDE_ALLOWED_CODES:63",
        "99213 63             | INFANT_MODIFIER_OUTSIDE_ALLOWED_CODES:63",
        "0001U 63             | INFANT_MODIFIER_OUTSIDE_ALLOWED_CODES:63",
        // 92 only on 86701-86703 and 87389.
        "86701 92             | ''",
        "86703 92             | ''",
        "87389 92             | ''",
        "86700 92             | ALTERNATIVE_PLATFORM_OUTSIDE_HIV_TESTS:92",
        "86704 92             | ALTERNATIVE_PLATFORM_OUTSIDE_HIV_TESTS:92",
        "87390 92             | ALTERNATIVE_PLATFORM_OUTSIDE_HIV_TESTS:92",
        // CT only on the CT codes of change request 9250, at both ends of every range.
        "70450 CT             | ''",
        "70498 CT TC          | ''",
        "71275 CT             | ''",
        "72125 CT             | ''",
        "72194 CT             | ''",
        "73200 CT             | ''",
        "73706 CT             | ''",
        "74150 CT             | ''",
        "74263 CT             | ''",
        "75574 CT             | ''",
        "70449 CT             | CT_MODIFIER_OUTSIDE_CT_CODES:CT",
        "70499 CT             | CT_MODIFIER_OUTSIDE_CT_CODES:CT",
        "71046 CT             | CT_MODIFIER_OUTSIDE_CT_CODES:CT",
        "72134 CT             | CT_MODIFIER_OUTSIDE_CT_CODES:CT",
        "75575 CT             | CT_MODIFIER_OUTSIDE_CT_CODES:CT",
        "99213 CT             | CT_MODIFIER_OUTSIDE_CT_CODES:CT",
        "G0297 CT             | CT_MODIFIER_OUTSIDE_CT_CODES:CT",
        // At most one of each exclusive set.
        "99213 25 59          | MUTUALLY_EXCLUSIVE:25+59",
        "99213 59 57 25       | MUTUALLY_EXCLUSIVE:59+57+25",
        "43239 52 53          | MUTUALLY_EXCLUSIVE:52+53",
        "27447 22 52          | MUTUALLY_EXCLUSIVE:22+52",
        "27447 52 22 53       | MUTUALLY_EXCLUSIVE:52+22 MUTUALLY_EXCLUSIVE:52+53",
        "43239 73 74          | MUTUALLY_EXCLUSIVE:73+74",
        "27447 76 79          | MUTUALLY_EXCLUSIVE:76+79",
        "27447 77 78          | MUTUALLY_EXCLUSIVE:77+78",
        "99213 93 95          | MUTUALLY_EXCLUSIVE:93+95",
        "99213 25 76 93       | ''",
        "99213 25 59 93 95    | MUTUALLY_EXCLUSIVE:25+59 MUTUALLY_EXCLUSIVE:93+95",
        // A therapy service is physical (CQ) or occupational (CO) therapy, not both.
        "97110 CQ             | ''",
        "97530 CO             | ''",
        "97110 CQ CO          | MUTUALLY_EXCLUSIVE:CQ+CO",
        // One of GA, GY and GZ: a notice signed, none signed, or no notice needed; GX (a
        // voluntary notice) goes with GY, never with GA or GZ (change request 6563).
        "99214 GA             | ''",
        "99214 GX GY          | ''",
        "99214 GY GZ          | CONTRADICTORY_LIABILITY_MODIFIERS:GY+GZ",
        "99214 GA GZ          | CONTRADICTORY_LIABILITY_MODIFIERS:GA+GZ",
        "99214 GA GY          | CONTRADICTORY_LIABILITY_MODIFIERS:GA+GY",
        "99214 GX GZ          | CONTRADICTORY_LIABILITY_MODIFIERS:GX+GZ",
        "99214 GA GX          | CONTRADICTORY_LIABILITY_MODIFIERS:GA+GX",
        // CQ and CO only on therapy codes, MULT PROC 5 in the relative value file.
        "0791T CQ             | ''",
        "92507 CO             | ''",
        "97763 GP CQ          | ''",
        "G0283 CO             | ''",
        "G0329 CQ             | ''",
        "99213 CQ             | THERAPY_ASSISTANT_OUTSIDE_THERAPY_CODES:CQ",
        "71046 CO             | THERAPY_ASSISTANT_OUTSIDE_THERAPY_CODES:CO",
        "97597 GP CQ          | THERAPY_ASSISTANT_OUTSIDE_THERAPY_CODES:CQ",
        "99213 CQ CO          | THERAPY_ASSISTANT_OUTSIDE_THERAPY_CODES:CQ "
            + "THERAPY_ASSISTANT_OUTSIDE_THERAPY_CODES:CO MUTUALLY_EXCLUSIVE:CQ+CO",
        // A drug line bills an amount discarded (JW) or says none was (JZ), not both.
        "J3301 JW             | ''",
        "J3301 JZ             | ''",
        "J3301 JW JZ          | MUTUALLY_EXCLUSIVE:JW+JZ",
        // One anesthesia payment modifier a line: each says how the service was furnished
        // (Claims Processing Manual ch. 12 §50), and the anesthesia pricer refuses two.
        "00790 AA QK          | MUTUALLY_EXCLUSIVE:AA+QK",
        "00790 QK QX          | MUTUALLY_EXCLUSIVE:QK+QX",
        "00790 QZ P2 AD QY    | MUTUALLY_EXCLUSIVE:QZ+AD+QY",
        "00790 QY QS G9 P3    | ''",
        // Never 26 with TC.
        "71046 26 TC          | PROFESSIONAL_WITH_TECHNICAL_COMPONENT:26+TC",
        "71046 TC 26          | PROFESSIONAL_WITH_TECHNICAL_COMPONENT:TC+26",
        // 50 reports both sides; LT or RT beside it contradicts it. LT with RT is allowed.
        "27447 LT RT          | ''",
        "27447 50             | ''",
        "27447 50 LT          | BILATERAL_WITH_SIDE:50+LT",
        "27447 RT 50          | BILATERAL_WITH_SIDE:RT+50",
        "27447 50 LT RT       | BILATERAL_WITH_SIDE:50+LT+RT",
        // 59 or one of its more specific forms, XE, XS, XP and XU, never both.
        "11042 59             | ''",
        "11042 XS             | ''",
        "11042 XS XU          | ''",
        "11042 59 XS          | DISTINCT_SERVICE_WITH_X_MODIFIER:59+XS",
        "11042 XE 59 XU       | DISTINCT_SERVICE_WITH_X_MODIFIER:XE+59+XU",
        "99213 25 59 XP       | MUTUALLY_EXCLUSIVE:25+59 DISTINCT_SERVICE_WITH_X_MODIFIER:59+XP",
        // Split care (54, 55, 56) never with an assistant at surgery (80, 81, 82, AS); with a
        // co-surgeon (62) or team surgeon (66) it is allowed, as 54 with 55 is.
        "27447 55 80          | SPLIT_CARE_WITH_ASSISTANT:55+80",
        "27447 AS 54          | SPLIT_CARE_WITH_ASSISTANT:AS+54",
        "27447 56 81          | SPLIT_CARE_WITH_ASSISTANT:56+81",
        "27447 54 55 82       | SPLIT_CARE_WITH_ASSISTANT:54+55+82",
        "27447 54 62          | ''",
        "27447 56 66          | ''",
        "27447 54 55          | ''",
        "27447 80 AS          | ''",
        // A return to the operating room (78) never with split care (54, 55, 56): those split a
        // global package that the return trip does not start, and claim pricing refuses the line.
        "27447 78 54          | RETURN_TO_OPERATING_ROOM_WITH_SPLIT_CARE:78+54",
        "27447 55 78          | RETURN_TO_OPERATING_ROOM_WITH_SPLIT_CARE:55+78",
        "27447 56 RT 78       | RETURN_TO_OPERATING_ROOM_WITH_SPLIT_CARE:56+78",
        "27447 78 54 55 56    | RETURN_TO_OPERATING_ROOM_WITH_SPLIT_CARE:78+54+55+56",
        "27447 77 78 55       | MUTUALLY_EXCLUSIVE:77+78 "
            + "RETURN_TO_OPERATING_ROOM_WITH_SPLIT_CARE:78+55",
        "27447 54 78 80       | SPLIT_CARE_WITH_ASSISTANT:54+80 "
            + "RETURN_TO_OPERATING_ROOM_WITH_SPLIT_CARE:54+78",
        "27447 78             | ''",
        "27447 54             | ''",
        "27447 78 RT          | ''",
        "27447 78 80          | ''",
        "27447 79 54          | ''",
        // 25 and 57 only on visits: E/M codes, eye exams and the Level II preventive and clinic
        // visits (Claims Processing Manual ch. 12 §30.6.6.B, §30.6.6.C).
        "20610 25             | EVALUATION_AND_MANAGEMENT_MODIFIER_ON_OTHER_CODE:25",
        "27447 57             | EVALUATION_AND_MANAGEMENT_MODIFIER_ON_OTHER_CODE:57",
        "71046 25 57          | MUTUALLY_EXCLUSIVE:25+57 "
            + "EVALUATION_AND_MANAGEMENT_MODIFIER_ON_OTHER_CODE:25 "
            + "EVALUATION_AND_MANAGEMENT_MODIFIER_ON_OTHER_CODE:57",
        "J3301 25             | EVALUATION_AND_MANAGEMENT_MODIFIER_ON_OTHER_CODE:25",
        "92015 25             | EVALUATION_AND_MANAGEMENT_MODIFIER_ON_OTHER_CODE:25",
        "92001 57             | EVALUATION_AND_MANAGEMENT_MODIFIER_ON_OTHER_CODE:57",
        "99500 25             | EVALUATION_AND_MANAGEMENT_MODIFIER_ON_OTHER_CODE:25",
        "G0401 25             | EVALUATION_AND_MANAGEMENT_MODIFIER_ON_OTHER_CODE:25",
        "G0440 25             | EVALUATION_AND_MANAGEMENT_MODIFIER_ON_OTHER_CODE:25",
        "99201 25             | ''",
        "99213 57             | ''",
        "99499 25             | ''",
        "92002 25             | ''",
        "92014 57             | ''",
        "G0402 25             | ''",
        "G0438 25             | ''",
        "G0439 25             | ''",
        "G0463 25             | ''",
        "20610 59             | ''",
        // Every violation, grouped by rule, not just the first.
        "99213 25 59 25 P1 1P 26 TC | TOO_MANY_MODIFIERS:1P+26+TC DUPLICATE_MODIFIER:25 "
            + "CATEGORY_II_MODIFIER_ON_OTHER_CODE:1P PHYSICAL_STATUS_OUTSIDE_ANESTHESIA:P1 "
            + "MUTUALLY_EXCLUSIVE:25+59 PROFESSIONAL_WITH_TECHNICAL_COMPONENT:26+TC",
      })
  void appliesEveryRule(String line, String violations) {
    assertEquals(expect(violations), check(line));
  }

  @Test
  void checksClaimLines() {
    ClaimLine line = ClaimLine.parse("71046-26-TC x2");
    List<ModifierViolation> violations = RULES.check(line);
    assertEquals(1, violations.size());
    ModifierViolation v = violations.get(0);
    assertEquals(ModifierRule.PROFESSIONAL_WITH_TECHNICAL_COMPONENT, v.rule());
    assertEquals(line.code(), v.code());
    assertEquals(
        List.of(Modifier.PROFESSIONAL_COMPONENT, Modifier.TECHNICAL_COMPONENT), v.modifiers());
    assertTrue(
        v.message().contains("26") && v.message().contains("TC") && v.message().contains("71046"),
        v.message());
    assertEquals(List.of(), RULES.check(ClaimLine.parse("99213-25")));
    assertTrue(RULES.isValid(line.code(), List.of(Modifier.PROFESSIONAL_COMPONENT)));
    assertFalse(RULES.isValid(line.code(), line.modifiers()));
  }

  @Test
  void violationsOfOneRuleComeInBilledOrder() {
    // The exclusions' table lists {52, 53, 73, 74} before {93, 95}; 93 is billed first.
    List<ModifierViolation> violations =
        ModifierRules.standard().check(ClaimLine.parse("99213-93-52-95-53"));
    assertEquals(
        List.of("93 95", "52 53"),
        violations.stream()
            .map(v -> v.modifiers().stream().map(Object::toString).collect(Collectors.joining(" ")))
            .toList());
  }

  @Test
  void messagesNameTheCodeTheModifierAndTheRule() {
    List<ModifierViolation> violations =
        RULES.check(ProcedureCode.parse("99213"), List.of(Modifier.parse("P1")));
    assertEquals(
        "modifier P1 belongs only on anesthesia codes 00100-01999, not on 99213",
        violations.get(0).message());
    violations = RULES.check(ProcedureCode.parse("3044F"), List.of(Modifier.BILATERAL));
    assertEquals(
        "modifier 50 never belongs on Category II codes (0001F-9999F) such as 3044F",
        violations.get(0).message());
    violations =
        RULES.check(
            ProcedureCode.parse("99213"), List.of(Modifier.SEPARATE_EM, Modifier.SEPARATE_EM));
    assertEquals(
        "modifier 25 appears 2 times on 99213; a modifier goes on a line once",
        violations.get(0).message());
    assertEquals(
        "DUPLICATE_MODIFIER: " + violations.get(0).message(), violations.get(0).toString());
  }

  @Test
  void aReturnToTheOperatingRoomWithSplitCareSaysWhy() {
    List<ModifierViolation> violations = RULES.check(ClaimLine.parse("27447-78-54"));
    assertEquals(1, violations.size(), violations::toString);
    ModifierViolation v = violations.get(0);
    assertEquals(ModifierRule.RETURN_TO_OPERATING_ROOM_WITH_SPLIT_CARE, v.rule());
    assertEquals(List.of(Modifier.parse("78"), Modifier.parse("54")), v.modifiers());
    assertEquals(
        "modifiers 78, 54 on 27447: 78 bills an unplanned return to the operating room, paid its"
            + " intra-operative share inside a global period already paid; 54, 55 and 56 split a"
            + " global package between physicians, which the return trip does not start (Claims"
            + " Processing Manual ch. 12 §40.2, §40.4)",
        v.message());
    assertTrue(RULES.isValid(ProcedureCode.parse("27447"), List.of(Modifier.parse("78"))));
    assertTrue(RULES.isValid(ProcedureCode.parse("27447"), List.of(Modifier.parse("54"))));
  }

  @Test
  void procedureModifiersOnAnesthesiaCodesSayWhy() {
    List<ModifierViolation> violations = RULES.check(ClaimLine.parse("00790-AA-80 60min"));
    assertEquals(
        "modifier 80 never belongs on anesthesia codes 00100-01999 such as 00790: CMS's relative"
            + " value file gives every anesthesia code ASST SURG 9 (concept does not apply):"
            + " assistants at surgery are not a concept of anesthesia, which is paid by base and time"
            + " units, not as a procedure",
        violations.get(0).message());
    assertEquals(1, violations.size(), violations::toString);
    for (String[] modifierAndColumn :
        new String[][] {
          {"26", "PC/TC 9"},
          {"TC", "PC/TC 9"},
          {"50", "BILAT SURG 9"},
          {"62", "CO-SURG 9"},
          {"66", "TEAM SURG 9"},
          {"81", "ASST SURG 9"},
          {"82", "ASST SURG 9"},
          {"AS", "ASST SURG 9"}
        }) {
      List<ModifierViolation> found =
          RULES.check(
              ProcedureCode.parse("01968"),
              List.of(Modifier.parse("QZ"), Modifier.parse(modifierAndColumn[0])));
      assertEquals(1, found.size(), found::toString);
      String message = found.get(0).message();
      assertTrue(
          message.startsWith("modifier " + modifierAndColumn[0] + " never belongs on")
              && message.contains("01968")
              && message.contains(modifierAndColumn[1]),
          message);
    }
  }

  /**
   * The rules' anesthesia codes are the anesthesia pricer's, which the rules cannot call (its
   * package depends on this one): every code of the pricer's range and none outside.
   */
  @Test
  void anesthesiaCodesAreThePricers() {
    List<Modifier> assistant = List.of(Modifier.parse("80"));
    for (int n = 0; n <= 2_100; n++) {
      CptCode code = CptCode.of(n);
      boolean anesthesia = AnesthesiaBaseUnits.isAnesthesiaCode(code);
      assertEquals(anesthesia, code.packed() >= 100 && code.packed() <= 1_999, code::toString);
      assertEquals(anesthesia, code.section() == Section.ANESTHESIA, code::toString);
      assertEquals(anesthesia, !RULES.isValid(code, assistant), code::toString);
      assertEquals(
          anesthesia, RULES.isValid(code, List.of(Modifier.parse("P1"))), () -> code + " P1");
      assertEquals(
          anesthesia, !RULES.isValid(code, List.of(Modifier.parse("47"))), () -> code + " 47");
    }
    for (ProcedureCode addOn : AnesthesiaFeeSchedule.ADD_ONS) {
      assertFalse(RULES.isValid(addOn, assistant), addOn::toString);
    }
  }

  /**
   * The codes 25 and 57 may go on are the visits of the same-day and global surgery edits ({@link
   * Visits#isVisit}, which the rules cannot call: its package depends on this one), with the four
   * Level II visits beside them: every five-digit code, and the Level II codes around those four.
   */
  @Test
  void modifiers25And57GoOnTheVisitsTheEditsCountAsVisits() {
    List<Modifier> separate = List.of(Modifier.SEPARATE_EM);
    List<Modifier> decision = List.of(Modifier.parse("57"));
    for (int n = 0; n <= 99_999; n++) {
      CptCode code = CptCode.of(n);
      assertEquals(Visits.isVisit(code), RULES.isValid(code, separate), code::toString);
      assertEquals(Visits.isVisit(code), RULES.isValid(code, decision), () -> code + " 57");
    }
    for (int n = 400; n <= 470; n++) {
      ProcedureCode code = ProcedureCode.parse(String.format(Locale.ROOT, "G%04d", n));
      boolean visit = n == 402 || n == 438 || n == 439 || n == 463;
      assertEquals(visit, RULES.isValid(code, separate), code::toString);
    }
  }

  @Test
  void infantMedicineCodesArePinned() {
    // From secondary sources (check); pinned so that a yearly update is a deliberate change.
    assertEquals(38, StandardModifierRules.INFANT_MEDICINE_CODES.size());
    for (String code : StandardModifierRules.INFANT_MEDICINE_CODES) {
      assertEquals(List.of(), check(code + " 63"), code);
      assertTrue(code.startsWith("92") || code.startsWith("93"), code);
    }
  }

  @Test
  void categoryIIAndPhysicalStatusRulesFollowTheRegistry() {
    for (ModifierInfo info : ModifierRegistry.standard().ofKind(ModifierKind.CATEGORY_II)) {
      assertEquals(
          List.of("CATEGORY_II_MODIFIER_ON_OTHER_CODE:" + info.modifier()),
          check("99213 " + info.modifier()));
    }
    for (ModifierInfo info :
        ModifierRegistry.standard().ofKind(ModifierKind.ANESTHESIA_PHYSICAL_STATUS)) {
      assertEquals(
          List.of("PHYSICAL_STATUS_OUTSIDE_ANESTHESIA:" + info.modifier()),
          check("99213 " + info.modifier()));
    }
  }

  @Test
  void rejectsNullModifiersInTheList() {
    List<Modifier> withNull = Arrays.asList(Modifier.SEPARATE_EM, null);
    NullPointerException e =
        assertThrows(
            NullPointerException.class, () -> RULES.check(ProcedureCode.parse("99213"), withNull));
    assertEquals("modifier at index 1", e.getMessage());
  }

  @Test
  void violationEqualsAndNulls() {
    ProcedureCode code = ProcedureCode.parse("99213");
    List<Modifier> mods = List.of(Modifier.SEPARATE_EM);
    new EqualsTester()
        .addEqualityGroup(
            ModifierViolation.of(ModifierRule.DUPLICATE_MODIFIER, code, mods, "m"),
            ModifierViolation.of(ModifierRule.DUPLICATE_MODIFIER, code, mods, "m"))
        .addEqualityGroup(ModifierViolation.of(ModifierRule.MUTUALLY_EXCLUSIVE, code, mods, "m"))
        .addEqualityGroup(
            ModifierViolation.of(
                ModifierRule.DUPLICATE_MODIFIER, ProcedureCode.parse("99214"), mods, "m"))
        .addEqualityGroup(
            ModifierViolation.of(
                ModifierRule.DUPLICATE_MODIFIER, code, List.of(Modifier.DISTINCT_SERVICE), "m"))
        .addEqualityGroup(ModifierViolation.of(ModifierRule.DUPLICATE_MODIFIER, code, mods, "n"))
        .testEquals();
    assertThrows(
        IllegalArgumentException.class,
        () -> ModifierViolation.of(ModifierRule.DUPLICATE_MODIFIER, code, List.of(), "m"));
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(ProcedureCode.class, code)
            .setDefault(ModifierRule.class, ModifierRule.DUPLICATE_MODIFIER)
            .setDefault(List.class, mods);
    tester.testAllPublicStaticMethods(ModifierViolation.class);
    tester.testAllPublicInstanceMethods(
        ModifierViolation.of(ModifierRule.DUPLICATE_MODIFIER, code, mods, "m"));
    tester.testAllPublicStaticMethods(ModifierRules.class);
    tester.testAllPublicInstanceMethods(RULES);
  }
}
