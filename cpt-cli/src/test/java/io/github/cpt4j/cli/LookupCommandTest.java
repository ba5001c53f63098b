package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.medicare.partb.PartBPayer;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookupCommandTest {

  @Test
  void showsLevelCategoryAndKind() {
    Cli.Result r = Cli.run("lookup", "99213", "0042t", "G0438");
    assertEquals(0, r.status(), r::toString);
    String out = r.out();
    assertTrue(out.startsWith("99213  Office visit"), out);
    assertTrue(out.contains("\n  level       Level I (CPT)\n"), out);
    assertTrue(out.contains("\n0042T"), out);
    assertTrue(out.contains("Category III"), out);
    assertTrue(out.contains("emerging technology (suffix T)"), out);
    assertTrue(out.contains("\nG0438  "), out);
    assertTrue(out.contains("  level       Level II"), out);
    assertTrue(out.contains("  group       Temporary codes for procedures"), out);
    assertTrue(out.contains("  section     Category III\n"), out);
    assertTrue(out.contains("  section     Evaluation and Management\n"), out);
  }

  @Test
  void saysNothingPaysACodeThePhysicianFeeScheduleListsButDoesNotPay() {
    // G0463 is paid under the hospital outpatient system, and the fee schedule lists it with status
    // X; 99100 is bundled (B). Neither gets an amount from `price`, so "paid by" names no schedule.
    String text = Cli.run("lookup", "G0463", "99100", "99213", "J1100").out();
    assertTrue(
        text.contains(
            "  paid by     none of the bundled schedules: the Physician Fee Schedule lists it with status X (statutory"
                + " exclusion)\n"),
        text);
    assertTrue(text.contains("lists it with status B (bundled into other services)\n"), text);
    assertTrue(text.contains("  paid by     the Physician Fee Schedule\n"), text);
    // Status E in the relative value file, but routed to the drug schedule, which pays it.
    assertTrue(text.contains("  paid by     the Part B drug (ASP) payment limits\n"), text);
  }

  /**
   * 80050 (N, non-covered) and A4550 (B, bundled) go by their shape to the Clinical Laboratory and
   * DMEPOS schedules, whose files do not list them: "paid by" named those schedules while {@code
   * price} gave both not_in_schedule. A code the schedule lists is still paid there, whatever its
   * status on the Physician Fee Schedule: 80053 (X) on the CLFS, 90732 (X) on the drug limits.
   */
  @Test
  void saysNothingPaysACodeItsScheduleDoesNotListAndThePhysicianFeeScheduleDoesNotPay() {
    String text = Cli.run("lookup", "80050", "A4550", "80053", "90732").out();
    assertTrue(
        text.contains(
            "  paid by     none of the bundled schedules: the Physician Fee Schedule lists it with status N"
                + " (non-covered)\n"),
        text);
    assertTrue(
        text.contains(
            "  paid by     none of the bundled schedules: the Physician Fee Schedule lists it with status B (bundled"
                + " into other services)\n"),
        text);
    assertTrue(text.contains("  paid by     the Clinical Laboratory Fee Schedule\n"), text);
    assertTrue(text.contains("  paid by     the Part B drug (ASP) payment limits\n"), text);
    assertEquals(2, text.split("paid by     none of the bundled", -1).length - 1, text);
    // As price says: neither gets an amount.
    Cli.Result priced =
        Cli.run("price", "80050", "A4550", "--zip", "10001", "--date", "2025-02-03", "-f", "csv");
    assertEquals(2, priced.out().split(",not_in_schedule,", -1).length - 1, priced::toString);
  }

  /**
   * P2031 is N on the Physician Fee Schedule and listed on CMS's 2025 CLFS (not in the bundled
   * sample): the CLFS pays it. Here with 80050's rows, which are N.
   */
  @Test
  void aCodeItsScheduleListsIsPaidThereWhateverItsPhysicianFeeScheduleStatus() {
    var rows = BundledData.medicareFeeSchedule().rvus().rowsOf(ProcedureCode.parse("80050"));
    assertEquals(1, rows.size(), rows::toString);
    assertEquals(
        "the Clinical Laboratory Fee Schedule",
        LookupCommand.paidBy(PartBPayer.CLINICAL_LABORATORY, true, rows, P2031));
    assertEquals(
        "none of the bundled schedules: the Physician Fee Schedule lists it with status N"
            + " (non-covered)",
        LookupCommand.paidBy(PartBPayer.CLINICAL_LABORATORY, false, rows, P2031));
    // Listed nowhere: only the code's kind names a schedule.
    assertEquals(
        "not in the bundled data; the Clinical Laboratory Fee Schedule pays codes of this kind",
        LookupCommand.paidBy(PartBPayer.CLINICAL_LABORATORY, false, List.of(), P2031));
  }

  private static final ProcedureCode P2031 = ProcedureCode.parse("P2031");

  /**
   * 99201 (deleted at the end of 2020), 99441 (at the end of 2024) and 99999 (no code) have no row
   * in the bundled data: "paid by the Physician Fee Schedule" was a claim the data does not make.
   * The text says what is known, and JSON keeps {@code paid_by} (the route) with {@code
   * paid_by_basis} saying what it rests on.
   */
  @Test
  void aCodeTheDataDoesNotHoldIsNotSaidToBePaid() {
    String text = Cli.run("lookup", "99201", "99441", "99999", "99213", "9999F").out();
    String shape =
        "  paid by     not in the bundled data; the Physician Fee Schedule pays codes of this"
            + " kind\n";
    assertEquals(3, text.split(shape, -1).length - 1, text);
    assertTrue(text.contains("  paid by     the Physician Fee Schedule\n"), text);
    assertTrue(
        text.contains(
            "  paid by     not in the bundled data; the Physician Fee Schedule pays no code of"
                + " this kind"),
        text);
    JsonNode json = JsonTree.read(Cli.run("lookup", "-f", "json", "99201", "99213", "G0463").out());
    assertEquals("PHYSICIAN_FEE_SCHEDULE", json.get(0).get("paid_by").textValue());
    assertEquals("not_in_data", json.get(0).get("paid_by_basis").textValue());
    assertEquals("listed", json.get(1).get("paid_by_basis").textValue());
    assertEquals("listed_not_paid", json.get(json.size() - 1).get("paid_by_basis").textValue());
  }

  /**
   * C codes are the hospital outpatient payment system's: no file of the fee schedules lists one,
   * so neither the whole files nor the samples price them (C1713 was said to be paid by the
   * Physician Fee Schedule, and {@code price} said the whole files may price it).
   */
  @Test
  void aHospitalOutpatientCodeIsPaidByNoFeeSchedule() {
    String text = Cli.run("lookup", "C1713").out();
    assertTrue(
        text.contains(
            "  paid by     not in the bundled data; no Part B fee schedule pays codes of this kind"
                + " (C codes are the hospital outpatient payment system's, in none of CMS's fee"
                + " schedule files)\n"),
        text);
    Cli.Result price = Cli.run("price", "C1713", "-l", "13202-01", "-d", "2025-06-02");
    // Not "nothing was priced" (status 1, as for a code the sample lacks): the whole files lack
    // it too, as they lack an S code.
    assertEquals(0, price.status(), price::toString);
    assertFalse(price.out().contains("whole files"), price::toString);
    assertFalse(price.err().contains("whole files"), price::toString);
    assertTrue(
        price.out().contains("not_in_schedule") || price.err().contains("not_in_schedule"),
        price::toString);
  }

  /**
   * A code the data does not hold, of a kind no schedule pays, has a blank {@code paid_by} in CSV
   * and JSON, as the text names no schedule: C1713 (no Part B fee schedule), 0002F and S0028 (the
   * Physician Fee Schedule pays no code of their kind) had the Physician Fee Schedule, the schedule
   * that pays codes of their kind. 99201 keeps it.
   */
  @Test
  void theMachineFormatsNameNoScheduleWhereTheTextNamesNone() throws Exception {
    List<String> codes = List.of("C1713", "0002F", "S0028", "99201");
    String[] args = {"lookup", "-f", "json", "C1713", "0002F", "S0028", "99201"};
    JsonNode json = JsonTree.read(Cli.run(args).out());
    args[2] = "csv";
    var csv = ValidateCommandTest.csv(Cli.run(args).out());
    int paidBy = csv.get(0).getFields().indexOf("paid_by");
    int basis = csv.get(0).getFields().indexOf("paid_by_basis");
    assertEquals(codes.size(), json.size(), json::toString);
    for (int i = 0; i < codes.size(); i++) {
      String expected = i < 3 ? null : "PHYSICIAN_FEE_SCHEDULE";
      String code = codes.get(i);
      assertEquals(code, json.get(i).get("code").textValue());
      assertTrue(json.get(i).has("paid_by"), json::toString);
      assertEquals(expected, json.get(i).get("paid_by").textValue(), code);
      assertEquals("not_in_data", json.get(i).get("paid_by_basis").textValue(), code);
      assertEquals(expected == null ? "" : expected, csv.get(i + 1).getField(paidBy), code);
      assertEquals("not_in_data", csv.get(i + 1).getField(basis), code);
    }
  }

  @Test
  void showsTheSubsectionWhereTheSectionHasThem() {
    Cli.Result r = Cli.run("lookup", "27447", "-f", "csv");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains(",SURGERY,MUSCULOSKELETAL,,"), r::toString);
    String text = Cli.run("lookup", "27447").out();
    assertTrue(text.contains("  subsection  Musculoskeletal System\n"), text);
    assertTrue(!Cli.run("lookup", "99213").out().contains("subsection"));
  }

  @Test
  void theMachineFormatsLeaveOutWhatTheTextLeavesOut() throws Exception {
    // 99213: Evaluation and Management has no subsections, and the sample records no first date
    // (the baseline 2000-01-01 stands for none): blank cells, as the text block shows neither.
    var rows = ValidateCommandTest.csv(Cli.run("lookup", "-f", "csv", "99213", "71046").out());
    List<String> header = rows.get(0).getFields();
    int subsection = header.indexOf("subsection");
    int from = header.indexOf("effective_from");
    assertEquals("", rows.get(1).getField(subsection));
    assertEquals("", rows.get(1).getField(from));
    assertEquals("DIAGNOSTIC_RADIOLOGY", rows.get(2).getField(subsection));
    assertEquals("2018-01-01", rows.get(2).getField(from));
    String json = Cli.run("lookup", "-f", "json", "99213").out();
    assertTrue(json.contains("\"subsection\":null"), json);
    assertTrue(json.contains("\"effective_from\":null"), json);
  }

  @Test
  void showsTheBundledDescriptionAddOnFlagAndDeletion() throws Exception {
    String text = Cli.run("lookup", "99201").out();
    assertTrue(text.contains("  in use      until 2020-12-31 (deleted)\n"), text);
    assertTrue(text.contains("  add-on      no\n"), text);
    var rows = ValidateCommandTest.csv(Cli.run("lookup", "-f", "csv", "99213", "99999").out());
    List<String> header = rows.get(0).getFields();
    int description = header.indexOf("description");
    int addOn = header.indexOf("add_on");
    assertTrue(rows.get(1).getField(description).startsWith("Office visit"));
    assertEquals("false", rows.get(1).getField(addOn));
    assertEquals("", rows.get(2).getField(description));
    String unknown = Cli.run("lookup", "99999").out();
    assertTrue(unknown.contains("not in the bundled sample"), unknown);
  }

  @Test
  void showsThe2025RelativeValueRowsAndIndicators() throws Exception {
    String text = Cli.run("lookup", "71046").out();
    assertTrue(
        text.contains(
            "  RVUs 2025D  71046     status A (active), work 0.22, PE "
                + "non-facility 0.77, PE facility 0.77 (NA), MP 0.02\n"),
        text);
    assertTrue(text.contains("              71046-26  status A"), text);
    assertTrue(text.contains("global XXX, PC/TC 1, MULT PROC 0"), text);
    var rows = ValidateCommandTest.csv(Cli.run("lookup", "-f", "csv", "29880").out());
    List<String> header = rows.get(0).getFields();
    assertEquals("7.39", rows.get(1).getField(header.indexOf("work_rvu")));
    assertEquals("090", rows.get(1).getField(header.indexOf("global_days")));
    assertEquals("3", rows.get(1).getField(header.indexOf("mult_proc")));
    assertEquals("global", rows.get(1).getField(header.indexOf("rvu_rows")));
    String unknown = Cli.run("lookup", "99999").out();
    assertTrue(unknown.contains("  RVUs 2025D  none in the bundled fee schedule"), unknown);
  }

  @Test
  void flagsAddOnCodes() {
    String addOn =
        io.github.cpt4j.data.BundledData.codeSet().stream()
            .filter(io.github.cpt4j.codeset.CodeEntry::addOn)
            .findFirst()
            .orElseThrow()
            .code()
            .toString();
    Cli.Result r = Cli.run("lookup", addOn);
    assertTrue(r.out().contains("  add-on      yes"), r::toString);
  }

  @Test
  void aMalformedCodeSaysWhyAndMakesStatusOne() {
    Cli.Result r = Cli.run("lookup", "9921", "99213");
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().startsWith("'9921' has the wrong length at index 4"), r::toString);
    assertTrue(r.out().contains("\n99213  "), r::toString);
    assertEquals("", r.err());
  }

  @Test
  void jsonHasOneObjectPerCode() {
    Cli.Result r = Cli.run("lookup", "--format", "json", "0001u", "X1234");
    assertEquals(1, r.status());
    JsonNode rows = JsonTree.read(r.out());
    assertEquals(2, rows.size());
    assertEquals("0001U", rows.get(0).get("code").textValue());
    assertEquals("PLA", rows.get(0).get("kind").textValue());
    assertEquals("PATHOLOGY_AND_LABORATORY", rows.get(0).get("section").textValue());
    assertEquals("CATEGORY_I", rows.get(0).get("category").textValue());
    assertTrue(rows.get(0).get("error").isNull());
    assertEquals("LETTER_NOT_IN_USE", rows.get(1).get("error").textValue());
    assertEquals(IntNode.valueOf(0), rows.get(1).get("index"));
    assertTrue(rows.get(1).get("code").isNull());
  }

  @Test
  void csvHasAHeaderAndBlankCellsForLevelTwo() throws Exception {
    Cli.Result r = Cli.run("lookup", "-f", "csv", "J1100");
    assertEquals(0, r.status());
    var rows = ValidateCommandTest.csv(r.out());
    assertEquals("input", rows.get(0).getField(0));
    assertEquals(
        List.of("J1100", "J1100", "LEVEL_II", "", "", "", "", "DRUGS"),
        rows.get(1).getFields().subList(0, 8));
  }

  @Test
  void needsAtLeastOneCode() {
    Cli.Result r = Cli.run("lookup");
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("cpt lookup: Missing required parameter: 'CODE'"), r::toString);
  }
}
