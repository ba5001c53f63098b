package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code cpt price --limiting-charge}: each line's Medicare limiting charge beside its amount, in
 * every format, after the claim's rules. The README's claim in Rochester (13282-99), facility,
 * 2025-06-02: 29880-RT 531.70, 20610-LT ranked second at 50% x 42.14 = 21.07, 99213-25 61.92.
 */
class PriceLimitingChargeTest {

  private static final String[] CLAIM = {
    "price",
    "29880-RT",
    "20610-LT",
    "99213-25",
    "--locality",
    "13282-99",
    "--setting",
    "facility",
    "--date",
    "2025-06-02",
    "--limiting-charge"
  };

  private static String[] with(String... more) {
    String[] args = new String[CLAIM.length + more.length];
    System.arraycopy(CLAIM, 0, args, 0, CLAIM.length);
    System.arraycopy(more, 0, args, CLAIM.length, more.length);
    return args;
  }

  @Test
  void csvGivesEachLinesLimitingChargeAndTheirTotal() throws IOException {
    Cli.Result r = Cli.run(with("--format", "csv"));
    assertEquals(0, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(
        List.of("line", "amount", "limiting_charge", "result", "explanation"),
        rows.get(0).getFields(),
        r::toString);
    // 1.0925 x 531.70 = 580.88225; x 21.07 (the 50%) = 23.018975; x 61.92 = 67.6476.
    assertEquals(List.of("531.70", "580.88"), rows.get(1).getFields().subList(1, 3), r::toString);
    assertEquals(List.of("21.07", "23.02"), rows.get(2).getFields().subList(1, 3), r::toString);
    assertEquals(List.of("61.92", "67.65"), rows.get(3).getFields().subList(1, 3), r::toString);
    assertEquals(
        List.of("total", "614.69", "671.55", "total"),
        rows.get(4).getFields().subList(0, 4),
        r::toString);
    assertTrue(rows.get(2).getField(4).contains("limiting-charge: "), r::toString);
    assertEquals(
        "sum of the 3 priced lines' amounts and of the 3 lines' limiting charges",
        rows.get(4).getField(4),
        r::toString);
    // The claim's options with one line, 99213, in place of its three.
    List<String> oneLine = new ArrayList<>(List.of(with("--format", "csv")));
    oneLine.subList(1, 4).clear();
    oneLine.add(1, "99213");
    Cli.Result one = Cli.run(oneLine.toArray(String[]::new));
    assertEquals(
        "sum of the 1 priced line's amount and of the 1 line's limiting charge",
        ValidateCommandTest.csv(one.out()).get(2).getField(4),
        one::toString);
  }

  /**
   * Non-participating, a line is paid 95% of the participating amount, and its explanation ends
   * there: the limiting-charge step then names the participating amount it multiplies, so that it
   * does not read as 109.25% of the 95% (531.70 x 0.95 = 505.115; 1.0925 x 531.70 = 580.88225).
   */
  @Test
  void theStepNamesTheParticipatingAmountWhenTheLineIsPaidOtherwise() throws IOException {
    Cli.Result r = Cli.run(with("--format", "csv", "--non-participating"));
    assertEquals(0, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(List.of("505.12", "580.88"), rows.get(1).getFields().subList(1, 3), r::toString);
    String explanation = rows.get(1).getField(4);
    assertTrue(
        explanation.endsWith(
            "limiting-charge: 109.25% of the participating amount, 531.70 (115% of the"
                + " non-participating 95%) = 580.88225"),
        explanation);
    // Participating, the line's own amount is the one multiplied: the step as the library words it.
    Cli.Result own = Cli.run(with("--format", "csv"));
    String plain = ValidateCommandTest.csv(own.out()).get(1).getField(4);
    assertTrue(
        plain.endsWith("limiting-charge: 115% of the non-participating 95%: 109.25% = 580.88225"),
        plain);
  }

  /**
   * 01953's units are each limited as a line of one: the step that says so is kept as the library
   * words it, non-participating too, where the usual rewording would have 109.25% of the
   * participating 29.70 make 32.46. 01953-QK x3 in Rochester, 2025-06-02: 9.90 a unit, 9.41 not
   * participating, 28.23; limited to 3 x 10.82 = 32.46.
   */
  @Test
  void eachUnitOf01953KeepsItsOwnStep() throws IOException {
    Cli.Result r =
        Cli.run(
            "price",
            "01953-QK x3",
            "--locality",
            "13282-99",
            "--setting",
            "facility",
            "--date",
            "2025-06-02",
            "--limiting-charge",
            "--non-participating",
            "--format",
            "csv");
    assertEquals(0, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(List.of("28.23", "32.46"), rows.get(1).getFields().subList(1, 3), r::toString);
    String explanation = rows.get(1).getField(4);
    assertTrue(
        explanation.endsWith(
            "limiting-charge: 115% of the non-participating 95%: 109.25% of each of the 3 units,"
                + " paid 9.90 each as a line of one: 10.82 x 3 = 32.46"),
        explanation);
  }

  /**
   * An LT and RT pair's limiting charge is rounded once and split, as its payment is: the
   * explanation ends with that split, which makes the column's figure (247.5659625 rounded to
   * 247.57, 123.79 + 123.78), after the step naming the exact participating half it multiplies.
   */
  @Test
  void aPairsExplanationEndsWithTheSplitOfItsLimitingCharge() throws IOException {
    Cli.Result r =
        Cli.run(
            "price",
            "19081-LT",
            "19081-RT",
            "--locality",
            "13282-99",
            "--setting",
            "facility",
            "--date",
            "2025-06-02",
            "--limiting-charge",
            "--explain",
            "--format",
            "csv");
    assertEquals(0, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(List.of("113.31", "123.79"), rows.get(1).getFields().subList(1, 3), r::toString);
    assertEquals(List.of("113.30", "123.78"), rows.get(2).getFields().subList(1, 3), r::toString);
    String explanation = rows.get(1).getField(4);
    assertTrue(
        explanation.endsWith(
            "limiting-charge: 109.25% of the participating amount, 113.3025 (115% of the"
                + " non-participating 95%) = 123.78298125; bilateral: the bilateral pair's limiting"
                + " charge is 247.5659625, rounded once to 247.57, split 123.79 on line 1 + 123.78"
                + " on line 2 = 123.79"),
        explanation);
  }

  @Test
  void theTableAndJsonGiveThemToo() {
    Cli.Result table = Cli.run(CLAIM);
    assertEquals(0, table.status(), table::toString);
    assertTrue(table.out().contains("671.55"), table::toString);
    assertTrue(table.out().toLowerCase(Locale.ROOT).contains("limiting"), table::toString);
    Cli.Result json = Cli.run(with("--format", "json"));
    assertTrue(json.out().contains("\"limiting_charge\":\"23.02\""), json::toString);
    assertTrue(json.out().contains("\"limiting_charge\":\"671.55\""), json::toString);
  }

  @Test
  void aNursePractitionerHasNoneAndIsWarned() throws IOException {
    // 99213 in Manhattan, 2025: an NP is paid 85% x 101.06 = 85.90, and no more.
    Cli.Result r =
        Cli.run(
            "price",
            "99213",
            "--locality",
            "13202-01",
            "--date",
            "2025-06-02",
            "--practitioner",
            "np",
            "--limiting-charge",
            "--format",
            "csv");
    assertEquals(0, r.status(), r::toString);
    CsvRecord line = ValidateCommandTest.csv(r.out()).get(1);
    assertEquals(List.of("85.90", "", "priced"), line.getFields().subList(1, 4), r::toString);
    assertTrue(
        line.getField(4).startsWith("warning: no limiting charge (assignment_required): "),
        r::toString);
  }

  /**
   * Lines none of which has a limiting charge (a lab test and a nurse practitioner's visit, paid
   * only on assignment) have no limiting-charge total: a blank cell in CSV, null in JSON, where it
   * was 0.00; the amounts' total is as before: 36415 9.09 (CLFS 2025 Q1) and the NP's 99213 in
   * Manhattan 85% x 101.06 = 85.90, 94.99.
   */
  @Test
  void linesWithoutALimitingChargeHaveNoTotalOfThem() throws IOException {
    String[] args = {
      "price",
      "36415",
      "99213",
      "--locality",
      "13202-01",
      "--date",
      "2025-03-14",
      "--practitioner",
      "np",
      "--limiting-charge",
      "--format"
    };
    String[] csvArgs = Arrays.copyOf(args, args.length + 1);
    csvArgs[args.length] = "csv";
    Cli.Result r = Cli.run(csvArgs);
    assertEquals(0, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals("", rows.get(1).getField(2), r::toString);
    assertEquals("", rows.get(2).getField(2), r::toString);
    CsvRecord total = rows.get(3);
    assertEquals(List.of("total", "94.99", ""), total.getFields().subList(0, 3), r::toString);
    assertTrue(total.getField(4).endsWith("no line has a limiting charge"), r::toString);
    String[] jsonArgs = Arrays.copyOf(args, args.length + 1);
    jsonArgs[args.length] = "json";
    Cli.Result json = Cli.run(jsonArgs);
    assertFalse(json.out().contains("\"limiting_charge\":\"0.00\""), json::toString);
    assertTrue(json.out().contains("\"limiting_charge\":null"), json::toString);
    Cli.Result table = Cli.run(Arrays.copyOf(args, args.length - 1));
    String totalRow = table.out().substring(table.out().lastIndexOf("total"));
    assertEquals("total 94.99", totalRow.replaceAll(" +", " ").strip(), table::toString);
  }

  /**
   * A line's AS, QZ or QX says a practitioner paid only on assignment furnished it, whatever
   * --practitioner says: no limiting charge, the warning naming the modifier. 27447-AS in
   * Rochester, facility, 2025-06-02: 13.6% x 1197.89 = 162.91; it had 177.98, and the total
   * 1486.67. The anesthesiologist's QK keeps its own: 50% x 178.11 = 89.055, paid 89.06, limited to
   * 1.0925 x 89.06 = 97.30, 115% of the non-participating 84.61 (97.29 was of the unrounded
   * 89.055).
   */
  @Test
  void aModifierOfAPractitionerPaidOnlyOnAssignmentHasNone() throws IOException {
    Cli.Result r =
        Cli.run(
            "price",
            "27447 by 1234567893",
            "27447-AS by 1000000004",
            "--locality",
            "13282-99",
            "--setting",
            "facility",
            "--date",
            "2025-06-02",
            "--limiting-charge",
            "--format",
            "csv");
    assertEquals(0, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(List.of("1197.89", "1308.69"), rows.get(1).getFields().subList(1, 3), r::toString);
    assertEquals(
        List.of("162.91", "", "priced"), rows.get(2).getFields().subList(1, 4), r::toString);
    assertTrue(
        rows.get(2)
            .getField(4)
            .startsWith(
                "warning: no limiting charge (assignment_required): an assistant at surgery who is"
                    + " not a physician (modifier AS) is paid only on assignment"),
        r::toString);
    assertEquals(List.of("1360.80", "1308.69"), rows.get(3).getFields().subList(1, 3), r::toString);
    Cli.Result anesthesia =
        Cli.run(
            "price",
            "00100-QX 60min",
            "00100-QK 60min by 1234567893",
            "--locality",
            "13282-99",
            "--date",
            "2025-06-02",
            "--limiting-charge",
            "--format",
            "csv");
    assertEquals(0, anesthesia.status(), anesthesia::toString);
    List<CsvRecord> lines = ValidateCommandTest.csv(anesthesia.out());
    assertEquals(
        List.of("89.06", ""), lines.get(1).getFields().subList(1, 3), anesthesia::toString);
    assertTrue(lines.get(1).getField(4).contains("(modifier QX)"), anesthesia::toString);
    assertEquals(
        List.of("89.06", "97.30"), lines.get(2).getFields().subList(1, 3), anesthesia::toString);
  }

  @Test
  void aBatchAddsTheColumnOnlyWhenAsked() throws IOException {
    String input =
        "code,modifiers,locality,setting,date,claim\n"
            + "29880,RT,13282-99,facility,2025-06-02,A\n"
            + "20610,LT,13282-99,facility,2025-06-02,A\n"
            + "80053,,13282-99,facility,2025-03-14,B\n";
    Cli.Result plain = Cli.runWithInput(input, "price", "--input", "-");
    assertTrue(
        plain
            .out()
            .startsWith("code,modifiers,locality,setting,date,claim,amount,result,explanation\n"),
        plain::toString);
    Cli.Result r = Cli.runWithInput(input, "price", "--input", "-", "--limiting-charge");
    assertEquals(0, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(
        List.of("amount", "limiting_charge", "result", "explanation"),
        rows.get(0).getFields().subList(6, 10),
        r::toString);
    assertEquals(List.of("531.70", "580.88", "priced"), rows.get(1).getFields().subList(6, 9));
    assertEquals(List.of("21.07", "23.02", "priced"), rows.get(2).getFields().subList(6, 9));
    // A lab test is paid only on assignment.
    assertEquals("", rows.get(3).getField(7), r::toString);
    assertTrue(rows.get(3).getField(9).contains("§1833(h)(5)(C)"), r::toString);
    Cli.Result json =
        Cli.runWithInput(input, "price", "--input", "-", "--limiting-charge", "--format", "json");
    assertTrue(json.out().contains("\"limiting_charge\":\"23.02\""), json::toString);
  }

  /**
   * Without its column and on lines that all have a limiting charge, a batch with {@code
   * --limiting-charge} is byte for byte the batch without it: the fast path of plain rows and the
   * general one add the cell and change nothing else.
   */
  @Test
  void theColumnIsAllTheOptionAdds() {
    String[] codes = {"99213", "20610", "29880", "99214", "71046", "93000"};
    StringBuilder input = new StringBuilder("code,modifiers,locality,setting,date,claim\n");
    for (int i = 0; i < 300; i++) {
      // Every fifth row quoted, off the fast path of plain rows.
      String code = i % 5 == 0 ? "\"" + codes[i % codes.length] + "\"" : codes[i % codes.length];
      input
          .append(code)
          .append(i % 7 == 0 ? ",LT" : ",")
          .append(",13282-99,facility,2025-06-02,")
          .append(i / 3)
          .append('\n');
    }
    Cli.Result without = Cli.runWithInput(input.toString(), "price", "--input", "-");
    Cli.Result with =
        Cli.runWithInput(input.toString(), "price", "--input", "-", "--limiting-charge");
    assertEquals(0, with.status(), with::toString);
    String[] plain = without.out().split("\n", -1);
    String[] limited = with.out().split("\n", -1);
    assertEquals(plain.length, limited.length);
    for (int i = 0; i < plain.length; i++) {
      // The limiting_charge cell is the 8th: no input cell here holds a comma.
      List<String> cells = new ArrayList<>(List.of(limited[i].split(",", -1)));
      if (cells.size() > 7) {
        // A priced row has one; a row without an amount (a visit in a global package) none.
        assertEquals(cells.get(6).isEmpty(), cells.get(7).isEmpty(), limited[i]);
        cells.remove(7);
      }
      assertEquals(plain[i], String.join(",", cells), "line " + (i + 1));
    }
  }

  @Test
  void anInputColumnOfTheNameIsRefusedOnlyWithTheOption() {
    String input = "code,limiting_charge\n99213,100\n";
    Cli.Result carried =
        Cli.runWithInput(
            input, "price", "--input", "-", "--locality", "13282-99", "--date", "2025-06-02");
    assertEquals(0, carried.status(), carried::toString);
    Cli.Result refused =
        Cli.runWithInput(
            input,
            "price",
            "--input",
            "-",
            "--locality",
            "13282-99",
            "--date",
            "2025-06-02",
            "--limiting-charge");
    assertEquals(2, refused.status(), refused::toString);
    assertTrue(refused.err().contains("which the output adds; rename it"), refused::toString);
  }
}
