package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  private static final String MIXED =
      String.join(
          "\n",
          "99213", // 1 valid
          "", // 2 blank
          "  # a comment", // 3 skipped
          "9921", // 4 WRONG_LENGTH at 4
          "71046-26 x2", // 5 valid claim line
          "99213-25-59-76-77-78", // 6 TOO_MANY_MODIFIERS at 18
          " g0438 ", // 7 valid, lenient
          "I1234", // 8 LETTER_NOT_IN_USE at 0
          "99213 x0"); // 9 BAD_UNITS at 7

  @TempDir Path dir;

  @Test
  void allValidMeansStatusZeroAndASummary() {
    Cli.Result r = Cli.runWithInput("99213\n0001F\nG0438\n27447-RT\n", "validate");
    assertEquals(0, r.status(), r::toString);
    assertEquals(List.of("4 lines checked, all valid"), r.outLines());
    assertEquals("", r.err());
  }

  @Test
  void tableReportsEachInvalidLineWithNumberIndexAndType() {
    Cli.Result r = Cli.runWithInput(MIXED, "validate", "-");
    assertEquals(1, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertEquals(6, lines.size(), r::toString);
    assertTrue(lines.get(0).matches("\\s*LINE\\s+INDEX\\s+ERROR\\s+DETAIL"), lines.get(0));
    assertTrue(lines.get(1).matches("\\s+4\\s+4\\s+WRONG_LENGTH\\s+'9921' has.*"), lines.get(1));
    assertTrue(lines.get(2).matches("\\s+6\\s+18\\s+TOO_MANY_MODIFIERS\\s+.*"), lines.get(2));
    assertTrue(lines.get(3).matches("\\s+8\\s+0\\s+LETTER_NOT_IN_USE\\s+.*"), lines.get(3));
    assertTrue(lines.get(4).matches("\\s+9\\s+7\\s+BAD_UNITS\\s+.*"), lines.get(4));
    assertEquals("4 of 7 lines invalid; 2 blank or comment lines skipped", lines.get(5));
  }

  @Test
  void csvHasOneRowPerInvalidLine() throws IOException {
    Cli.Result r = Cli.runWithInput(MIXED, "validate", "--format", "csv");
    assertEquals(1, r.status());
    List<CsvRecord> rows = csv(r.out());
    assertEquals(
        List.of("line", "result", "input", "canonical", "error", "index", "message"),
        rows.get(0).getFields());
    assertEquals(5, rows.size());
    assertEquals(
        List.of("4", "invalid", "9921", "", "WRONG_LENGTH", "4"),
        rows.get(1).getFields().subList(0, 6));
    assertTrue(rows.get(1).getField(6).startsWith("'9921' has the wrong length"));
  }

  @Test
  void allAddsValidLinesWithTheirCanonicalForm() throws IOException {
    Cli.Result r = Cli.runWithInput(MIXED, "validate", "--all", "--format", "csv");
    List<CsvRecord> rows = csv(r.out());
    assertEquals(8, rows.size());
    assertEquals(List.of("1", "valid", "99213", "99213", "", "", ""), rows.get(1).getFields());
    assertEquals(
        List.of("5", "valid", "71046-26 x2", "71046-26 x2", "", "", ""), rows.get(3).getFields());
    assertEquals(List.of("7", "valid", " g0438 ", "G0438", "", "", ""), rows.get(5).getFields());

    Cli.Result table = Cli.runWithInput(MIXED, "validate", "--all");
    assertTrue(table.out().contains("G0438"), table::toString);
  }

  @Test
  void jsonIsWellFormedAndTyped() {
    Cli.Result r = Cli.runWithInput(MIXED + "\n\"\\\t\u0001\u2028", "validate", "-f", "json");
    assertEquals(1, r.status());
    JsonNode rows = JsonTree.read(r.out());
    assertEquals(5, rows.size());
    JsonNode first = rows.get(0);
    assertEquals(
        List.of("line", "result", "input", "canonical", "error", "index", "message"),
        ImmutableList.copyOf(first.fieldNames()));
    assertEquals(new BigDecimal(4), first.get("line").decimalValue());
    assertEquals("invalid", first.get("result").textValue());
    assertTrue(first.get("canonical").isNull());
    assertEquals(new BigDecimal(4), first.get("index").decimalValue());
    assertEquals("\"\\\t\u0001\u2028", rows.get(4).get("input").textValue());
  }

  @Test
  void jsonOfNothingIsAnEmptyArrayAndCsvIsAHeader() {
    assertEquals("[]\n", Cli.runWithInput("99213\n", "validate", "-f", "json").out());
    assertEquals(
        "line,result,input,canonical,error,index,message\n",
        Cli.runWithInput("", "validate", "-f", "csv").out());
  }

  @Test
  void quietPrintsNothing() {
    Cli.Result r = Cli.runWithInput(MIXED, "validate", "-q");
    assertEquals(1, r.status());
    assertEquals("", r.out());
    assertEquals(0, Cli.runWithInput("99213", "validate", "--quiet").status());
    Cli.Result all = Cli.runWithInput("99213", "validate", "--quiet", "--all");
    assertEquals(2, all.status(), all::toString);
    assertTrue(all.err().contains("it cannot be given with --all"), all::toString);
    Cli.Result json = Cli.runWithInput("99213", "validate", "-q", "--format", "json");
    assertEquals(2, json.status(), json::toString);
    assertTrue(json.err().contains("it cannot be given with --format"), json::toString);
  }

  @Test
  void readsAFileWithBomCrlfAndRefusesMalformedBytes() throws IOException {
    // The byte 0xFF was read as U+FFFD and reported as an ILLEGAL_CHARACTER the user never typed:
    // bytes that are not UTF-8 are refused where they are, with the line and byte.
    Path file = dir.resolve("codes.txt");
    byte[] head = "\uFEFF99213\r\n9921\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {'9', (byte) 0xff, '2', '1', '3', '\r'};
    byte[] tail = "G0438".getBytes(StandardCharsets.UTF_8);
    Files.write(file, concat(head, bad, tail));
    Cli.Result r = Cli.run("validate", file.toString(), "--format", "csv");
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        List.of(
            "cpt validate: '"
                + file
                + "', file line 3, byte 2: 0xFF is not valid UTF-8; expected UTF-8 text (save a Latin-1"
                + " or Windows-1252 file as UTF-8)"),
        r.errLines());
    assertFalse(r.out().contains("\uFFFD"), r::toString);
  }

  @Test
  void refusesMalformedBytesOnStandardInputAndInAColumn() {
    byte[] latin1 = "code,note\n99213,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    for (String[] args :
        List.of(new String[] {"validate"}, new String[] {"validate", "--column", "code"})) {
      Cli.Result r = Cli.runWithInput(latin1, args);
      assertEquals(2, r.status(), r::toString);
      assertEquals(
          List.of(
              "cpt validate: standard input, file line 2, byte 10: 0xE9 is not valid UTF-8; expected"
                  + " UTF-8 text (save a Latin-1 or Windows-1252 file as UTF-8)"),
          r.errLines(),
          r::toString);
    }
    // Good UTF-8 beyond ASCII is read as before.
    Cli.Result good =
        Cli.runWithInput("code,note\n99213,caf\u00e9\n", "validate", "--column", "code");
    assertEquals(0, good.status(), good::toString);
  }

  /**
   * A quoted "" in a one-column file, or a line of blanks in any, was skipped as a blank line and
   * the file passed, though price --input refuses both rows: every cell is checked.
   */
  @Test
  void aBlankCellOfAColumnIsNeverSkipped() {
    Cli.Result oneColumn = Cli.runWithInput("code\n99213\n\"\"\n", "validate", "--column", "code");
    assertEquals(1, oneColumn.status(), oneColumn::toString);
    assertTrue(oneColumn.out().contains("EMPTY"), oneColumn::toString);
    Cli.Result blanks =
        Cli.runWithInput("id,code\n1,99213\n   \n2,99214\n", "validate", "--column", "code");
    assertEquals(1, blanks.status(), blanks::toString);
    assertTrue(blanks.out().contains("MALFORMED_ROW"), blanks::toString);
  }

  @Test
  void aVeryLongLineIsReportedNotKept() {
    String longLine = "9".repeat(200_000);
    Cli.Result r = Cli.runWithInput("99213\n" + longLine + "\n9921\n", "validate", "-f", "json");
    assertEquals(1, r.status());
    JsonNode rows = JsonTree.read(r.out());
    assertEquals(2, rows.size());
    assertEquals("LINE_TOO_LONG", rows.get(0).get("error").textValue());
    assertEquals(new BigDecimal(2), rows.get(0).get("line").decimalValue());
    assertTrue(rows.get(0).get("input").textValue().length() < 2_000);
    assertTrue(rows.get(0).get("message").textValue().contains("200000 characters"));
    assertEquals(new BigDecimal(3), rows.get(1).get("line").decimalValue());
  }

  @Test
  void aDirectoryIsTroubleNotInvalidInput() {
    Cli.Result r = Cli.run("validate", dir.toString());
    assertEquals(2, r.status());
    assertEquals(
        List.of("cpt validate: cannot read '" + dir + "': it is a directory"), r.errLines());
  }

  @Test
  void tooManyArgumentsIsAUsageError() {
    Cli.Result r = Cli.run("validate", "a.txt", "b.txt");
    assertEquals(2, r.status());
    assertEquals(1, r.errLines().size(), r::toString);
  }

  @Test
  void singleTokensUseTheCodeParserAndLongerLinesTheClaimLineParser() {
    assertEquals("0001F", ValidateCommand.parse(" 0001f "));
    assertEquals("99213-25", ValidateCommand.parse("99213 25"));
    assertTrue(ValidateCommand.isBlankOrComment("\u00a0 # note"));
    assertTrue(ValidateCommand.isBlankOrComment(" \t"));
    assertTrue(!ValidateCommand.isBlankOrComment("99213 # note"));
  }

  /**
   * A line validate skips as blank holds only what the code parser trims around a code, character
   * for character: both use the library's one definition, not copies that could drift apart.
   */
  @Test
  void blankLinesAreWhatTheCodeParserTrims() {
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      if (c == '#' || c == '-') {
        continue; // a comment and a modifier's hyphen, not blanks
      }
      boolean trimmed;
      try {
        ProcedureCode.parseLenient(c + "99213" + c);
        trimmed = true;
      } catch (CodeFormatException e) {
        trimmed = false;
      }
      String hex = Integer.toHexString(i);
      assertEquals(trimmed, ValidateCommand.isBlankOrComment(String.valueOf(c)), hex);
      assertEquals(trimmed, !ValidateCommand.isSingleToken("99213" + c + "25"), hex);
    }
  }

  static List<CsvRecord> csv(String text) throws IOException {
    List<CsvRecord> rows = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text)) {
      reader.forEach(rows::add);
    }
    return rows;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int i = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, i, p.length);
      i += p.length;
    }
    return all;
  }
}
