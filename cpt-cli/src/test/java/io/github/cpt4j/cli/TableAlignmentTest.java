package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The table format's last column starts where its header does on every row, however long the codes
 * before it: a result such as {@code status_not_payable} or an error such as {@code
 * PROFESSIONAL_WITH_TECHNICAL_COMPONENT} used to push it to the right.
 */
class TableAlignmentTest {

  /** Asserts that each row but the header has its text of the last column at the header's. */
  private static void assertLastColumnAligned(List<String> table, String header, Cli.Result r) {
    int start = table.get(0).indexOf(header);
    assertTrue(start > 0, r::toString);
    for (String row : table.subList(1, table.size())) {
      assertTrue(row.length() > start, () -> "no last column in '" + row + "'\n" + r);
      assertTrue(
          row.substring(0, start).endsWith("  ") && row.charAt(start) != ' ',
          () -> "'" + row + "' is not aligned under " + header + "\n" + r);
    }
  }

  @Test
  void priceExplanationsLineUpWhateverTheResultCode() {
    // A result of 18 characters, one of 12, a priced line and one with a long label.
    Cli.Result r =
        Cli.run(
            "price",
            "0001F",
            "9921",
            "99213",
            "99213-25-GT-95-XU x10",
            "--zip",
            "10001",
            "--date",
            "2025-06-01",
            "--explain");
    assertEquals(1, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertTrue(lines.get(1).contains("status_not_payable"), r::toString);
    // The total has no explanation; the lines before it all have one.
    assertLastColumnAligned(lines.subList(0, lines.size() - 1), "EXPLANATION", r);
    assertTrue(lines.get(lines.size() - 1).startsWith("total "), r::toString);
  }

  /**
   * A fullwidth or CJK character takes two columns of a terminal, and a combining mark none: the
   * table pads by columns. Counting chars, the result of the fullwidth {@code ９９２１３} (ten columns,
   * five chars) started five columns right of RESULT.
   */
  @Test
  void wideCharactersAndMarksLineUpByTheColumnsTheyTake() {
    // Each label and the columns a terminal gives it.
    Map<String, Integer> labels =
        Map.of(
            "99213", 5,
            "\uff19\uff19\uff12\uff11\uff13", 10,
            "\u65e5\u672c", 4,
            "e\u03019921", 5);
    List<String> args = new ArrayList<>(List.of("price", "--zip", "10001", "--date", "2025-06-01"));
    args.addAll(labels.keySet());
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    List<String> lines = r.outLines();
    int result = lines.get(0).indexOf("RESULT"); // the header is ASCII: a column a char
    for (String row : lines.subList(1, lines.size() - 1)) {
      String label = row.substring(0, row.indexOf(' '));
      assertTrue(labels.containsKey(label), () -> label + "\n" + r);
      // The label, its padding, the amount's column and the gap, then the result.
      int at = label.length() + result - labels.get(label);
      assertTrue(
          row.startsWith(label + " ".repeat(result - labels.get(label) - 8))
              && row.substring(at - 2, at).equals("  ")
              && row.charAt(at) != ' ',
          () -> "'" + row + "' is not aligned under RESULT\n" + r);
    }
  }

  @Test
  void priceAmountsLineUpUnderTheirHeader() {
    Cli.Result r =
        Cli.run("price", "99213-25-GT-95-XU x10", "99213", "--zip", "10001", "-d", "2025-06-01");
    List<String> lines = r.outLines();
    int end = lines.get(0).indexOf("AMOUNT") + "AMOUNT".length();
    for (String row : lines.subList(1, lines.size())) {
      assertTrue(row.length() >= end && Character.isDigit(row.charAt(end - 1)), r::toString);
      assertTrue(row.length() == end || row.charAt(end) == ' ', r::toString);
    }
  }

  @Test
  void priceExplanationsLineUpAfterALineWithControlCharacters() {
    // The table writes the escape character as a six-character escape.
    Cli.Result r =
        Cli.run("price", "99213\u001b\u001b\u001b[2J", "0001F", "-z", "10001", "-d", "2025-06-01");
    assertEquals(1, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertTrue(lines.get(1).startsWith("99213\\u001b\\u001b\\u001b[2J "), r::toString);
    assertLastColumnAligned(lines.subList(0, lines.size() - 1), "EXPLANATION", r);
  }

  @Test
  void aVeryLongLineOverflowsItsOwnRowOnly() {
    Cli.Result r =
        Cli.run("price", "9".repeat(100_000), "99213", "--zip", "10001", "--date", "2025-06-01");
    assertEquals(1, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertEquals(4, lines.size(), r::toString);
    for (int i : new int[] {0, 2, 3}) {
      assertTrue(lines.get(i).length() < 120, () -> lines.get(i).length() + " characters");
    }
  }

  @Test
  void priceAmountsWiderThanTheirColumnLineUpUnderTheirHeader() {
    // 99,999 units of an office visit: 10,105,898.94, eleven characters; the total too.
    // The second visit marked 25, so that both are paid (two visits of a day without it are one).
    Cli.Result r =
        Cli.run("price", "99213 x99999", "99213-25", "--zip", "10001", "-d", "2025-06-01");
    assertEquals(0, r.status(), r::toString);
    List<String> lines = r.outLines();
    int end = lines.get(0).indexOf("AMOUNT") + "AMOUNT".length();
    for (String row : lines.subList(1, lines.size())) {
      assertTrue(Character.isDigit(row.charAt(end - 1)), r::toString);
      assertTrue(row.length() == end || row.charAt(end) == ' ', r::toString);
    }
  }

  @Test
  void validateDetailsLineUpWhateverTheErrorType() {
    Cli.Result r = Cli.runWithInput("99213-26-TC\n9921\n99213-ZZ\n", "validate", "--rules");
    assertEquals(1, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertTrue(lines.get(1).contains("PROFESSIONAL_WITH_TECHNICAL_COMPONENT"), r::toString);
    // The summary line closes the report.
    assertLastColumnAligned(lines.subList(0, lines.size() - 1), "DETAIL", r);
  }

  @Test
  void localityNamesLongerThanTheirColumnLeaveTheGpcisInLine() {
    // SAN FRANCISCO-OAKLAND-BERKELEY (SAN FRANCISCO/SAN MATEO/...) is 82 characters.
    Cli.Result r = Cli.run("localities", "--state", "CA");
    assertEquals(0, r.status(), r::toString);
    List<String> lines = r.outLines();
    int end = lines.get(0).length(); // the header ends with MP GPCI, right-aligned
    for (String row : lines.subList(1, lines.size())) {
      assertEquals(end, row.length(), () -> "'" + row + "' is not aligned\n" + r);
    }
    assertTrue(lines.stream().anyMatch(l -> l.contains("CONTRA COSTA")), r::toString);
  }
}
