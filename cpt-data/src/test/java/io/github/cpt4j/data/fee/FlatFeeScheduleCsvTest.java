package io.github.cpt4j.data.fee;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.FlatFeeSchedule;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.modifier.Modifier;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class FlatFeeScheduleCsvTest {

  private static final PricingContext CONTEXT =
      PricingContext.withoutArea(LocalDate.of(2025, 1, 2), Setting.NON_FACILITY);

  private static FlatFeeSchedule read(String text) throws Exception {
    return FlatFeeScheduleCsv.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "acme");
  }

  @Test
  void readsCodesModifiersAndAmounts(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("acme-2025.csv");
    Files.writeString(file, "Code,Modifier,Amount,Note\n99213,,95.00,visit\n71046,26,12.5,\n\n");
    FlatFeeSchedule table = FlatFeeScheduleCsv.read(file);
    assertEquals("acme-2025", table.name());
    assertEquals(
        new BigDecimal("12.50"), table.price(ClaimLine.parse("71046-26"), CONTEXT).amountOrThrow());
    FlatFeeSchedule noModifierColumn = read("amount,code\n95,99213\n");
    assertEquals(
        new BigDecimal("95.00"),
        noModifierColumn.price(ClaimLine.parse("99213"), CONTEXT).amountOrThrow());
  }

  /**
   * A file named all extension is named whole, not "" (whose explanations read "table: : row"); a
   * blank name given with a stream is refused before the stream is read.
   */
  @Test
  void aScheduleIsNeverNamedBlank(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(".acme");
    Files.writeString(file, "code,amount\n99213,95.00\n");
    assertEquals(".acme", FlatFeeScheduleCsv.read(file).name());
    ByteArrayInputStream in =
        new ByteArrayInputStream("code,amount\n99213,95\n".getBytes(StandardCharsets.UTF_8));
    IllegalArgumentException blank =
        assertThrows(IllegalArgumentException.class, () -> FlatFeeScheduleCsv.read(in, " "));
    assertEquals("a fee schedule's name is blank", blank.getMessage());
    assertEquals(in.available(), "code,amount\n99213,95\n".length());
  }

  /**
   * CMS's files head the modifier column MOD and the code column HCPCS: a table with those names
   * reads its modifiers, where MOD was ignored and 71046,26,12.50 priced 71046 global at 12.50.
   */
  @Test
  void readsCmsColumnNamesModAndHcpcs() throws Exception {
    FlatFeeSchedule mod = read("code,MOD,amount\n71046,26,12.50\n");
    assertEquals(
        Optional.of(new BigDecimal("12.50")),
        mod.amount(ClaimLine.parse("71046").code(), Optional.of(Modifier.parse("26"))));
    assertEquals(Optional.empty(), mod.amount(ClaimLine.parse("71046").code(), Optional.empty()));
    // Both rows of a code, which failed as "row 71046 appears twice", and names in any case.
    FlatFeeSchedule both = read("Hcpcs, mod ,Amount\n71046,,40.00\n71046,26,12.50\n");
    assertEquals(
        new BigDecimal("12.50"), both.price(ClaimLine.parse("71046-26"), CONTEXT).amountOrThrow());
    assertEquals(
        new BigDecimal("40.00"), both.price(ClaimLine.parse("71046"), CONTEXT).amountOrThrow());
  }

  /** A lower-case modifier is refused saying that case is what is wrong, not its length. */
  @Test
  void aLowerCaseModifierIsToldItsCase() {
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> read("code,modifier,amount\n71046,tc,9\n"));
    assertTrue(e.getMessage().contains("in upper case, such as 26 or TC"), e::getMessage);
  }

  /** Two columns that are each read as the code or the modifier: which one holds it is unknown. */
  @Test
  void refusesTwoColumnsForTheCodeOrTheModifier() {
    DataLoadException modifiers =
        assertThrows(
            DataLoadException.class, () -> read("code,modifier,amount,mod\n71046,26,12.50,\n"));
    assertEquals(
        "acme, line 1, column 4: two columns are the modifier column: \"MODIFIER\" and \"MOD\""
            + " (columns 2 and 4)",
        modifiers.getMessage());
    DataLoadException codes =
        assertThrows(DataLoadException.class, () -> read("hcpcs,code,amount\n71046,71046,1\n"));
    assertEquals(
        "acme, line 1, column 2: two columns are the code column: \"HCPCS\" and \"CODE\""
            + " (columns 1 and 2)",
        codes.getMessage());
    DataLoadException missing =
        assertThrows(DataLoadException.class, () -> read("cpt,amount\n71046,1\n"));
    assertEquals(
        "acme, line 1: missing column \"CODE\" or \"HCPCS\" (renamed or removed?); the header"
            + " has 'CPT', 'AMOUNT'",
        missing.getMessage());
  }

  /**
   * A schedule a spreadsheet exported as tab-delimited text has one field a line: its header's
   * error used to show the names it lacks, tabs shown as blanks ('CODE MODIFIER AMOUNT'), and so
   * read as if the columns were there.
   */
  @Test
  void aTabDelimitedExportIsNamedSo() {
    DataLoadException e =
        assertThrows(
            DataLoadException.class, () -> read("code\tmodifier\tamount\n99213\t\t95.00\n"));
    assertEquals(
        "acme, line 1: missing column \"CODE\" or \"HCPCS\" (renamed or removed?); the header"
            + " has 'CODE MODIFIER AMOUNT', one field holding tabs: expected columns separated by"
            + " commas (a spreadsheet's tab-delimited text export? save the file as CSV)",
        e.getMessage());
  }

  /**
   * A column named like a modifier column that is not read is refused with its place, not ignored:
   * ignored, its rows priced their codes without the modifier, or failed as rows given twice.
   */
  @Test
  void refusesAModifierColumnItDoesNotRead() {
    for (String name :
        new String[] {
          "modifiers",
          "Modifier 1",
          "mod1",
          "MOD_1",
          "mods",
          "mod cd",
          "modifer",
          "CPT Modifier",
          "HCPCS_1ST_MDFR_CD",
          "MDFR",
          // Short and ordinal forms, which were ignored and priced 71046-26 as 71046.
          "Modif",
          "MOD_1ST",
          "mdfr1",
          "Modifier Code",
          // Words before it, a number after "code", punctuation: ignored by the whole-name check.
          "Procedure Modifier",
          "Primary Modifier",
          "Modifier(s)",
          "Modifier Code 1",
          "Mod Code 1",
          "Mod #",
          "CPT\u00ae Modifier"
        }) {
      DataLoadException e =
          assertThrows(
              DataLoadException.class,
              () -> read("code," + name + ",amount\n71046,26,12.50\n"),
              name);
      assertEquals(1, e.line(), name);
      assertEquals(2, e.column(), name);
      assertTrue(
          e.getMessage()
              .endsWith(
                  "looks like a modifier column but is not read: a row's modifier is read from a"
                      + " column named \"modifier\" or \"mod\", and the header has none"),
          e::getMessage);
    }
    // README's example.
    DataLoadException plural =
        assertThrows(
            DataLoadException.class,
            () ->
                FlatFeeScheduleCsv.read(
                    new ByteArrayInputStream(
                        "code,modifiers,amount\n71046,26,12.50\n".getBytes(StandardCharsets.UTF_8)),
                    "acme-2025.csv"));
    assertEquals(
        "acme-2025.csv, line 1, column 2: \"MODIFIERS\" looks like a modifier column but is not"
            + " read: a row's modifier is read from a column named \"modifier\" or \"mod\", and"
            + " the header has none",
        plural.getMessage());
    DataLoadException second =
        assertThrows(
            DataLoadException.class,
            () -> read("code,modifier,amount,modifier 2\n71046,26,12.50,\n"));
    assertEquals(
        "acme, line 1, column 4: \"MODIFIER 2\" looks like a modifier column but is not read: a"
            + " row's modifier is read from \"MODIFIER\" (column 2) alone; rename or remove the"
            + " other",
        second.getMessage());
  }

  /**
   * The code and the amount are guarded as the modifier is: a second column of either is refused.
   */
  @Test
  void refusesACodeOrAmountColumnItDoesNotRead() {
    for (String name :
        new String[] {
          "fee",
          "Price",
          "allowed",
          "Allowed Amount",
          "facility amount",
          "amount2",
          "amt",
          "Rate",
          "payment",
          "ammount",
          "Non-Facility Price",
          "Facility Fee"
        }) {
      DataLoadException e =
          assertThrows(
              DataLoadException.class,
              () -> read("code,amount," + name + "\n71046,12.50,13.00\n"),
              name);
      assertEquals(3, e.column(), name);
      assertTrue(
          e.getMessage().contains("looks like an amount column but is not read"), e::getMessage);
    }
    for (String name :
        new String[] {"cpt", "CPT Code", "hcpcs_cd", "code2", "procedure code", "CPT/HCPCS Code"}) {
      DataLoadException e =
          assertThrows(
              DataLoadException.class,
              () -> read("code,amount," + name + "\n71046,12.50,71046\n"),
              name);
      assertEquals(3, e.column(), name);
      assertTrue(
          e.getMessage().contains("looks like a code column but is not read"), e::getMessage);
    }
    DataLoadException fee =
        assertThrows(DataLoadException.class, () -> read("code,amount,fee\n71046,12.50,13.00\n"));
    assertEquals(
        "acme, line 1, column 3: \"FEE\" looks like an amount column but is not read: a row's"
            + " amount is read from \"AMOUNT\" (column 2) alone; rename or remove the other",
        fee.getMessage());
  }

  /** Columns that say what a code or modifier is, rather than hold one, are still ignored. */
  @Test
  void ignoresColumnsThatDescribe() throws Exception {
    FlatFeeSchedule table =
        read(
            "code,modifier,amount,CPT Description,Modifier Description,Fee Notes,payer,Comment\n"
                + "71046,26,12.50,chest x-ray,professional part,,acme,\n");
    assertEquals(
        new BigDecimal("12.50"), table.price(ClaimLine.parse("71046-26"), CONTEXT).amountOrThrow());
  }

  /**
   * Only strong look-alikes are refused: a column whose name merely holds "fee", "price",
   * "payment", "allow", "cpt", "code" or "modifier" loads and is ignored, as every unknown column
   * was before look-alikes were refused. {@code Modifier Text} describes, as {@code Modifier
   * Description} does; {@code M1} is too short to tell.
   */
  @Test
  void ignoresColumnsThatAreNotStrongLookalikes() throws Exception {
    List<Executable> loads = new ArrayList<>();
    for (String name :
        List.of(
            "fee schedule",
            "Fee Schedule ID",
            "Fee Effective Date",
            "Rate Effective Date",
            "Price List",
            "Payment Policy",
            "Allowed Units",
            "CPT_Modified_Date",
            "cpt_category",
            "coder",
            "Procedure",
            "Modifier Required",
            "Modifier Text",
            "Modified",
            "notifier",
            "M1")) {
      // Each name on its own, so that every one that is refused is reported.
      loads.add(
          () ->
              assertEquals(
                  new BigDecimal("12.50"),
                  read("code,modifier,amount," + name + "\n71046,26,12.50,x\n")
                      .price(ClaimLine.parse("71046-26"), CONTEXT)
                      .amountOrThrow(),
                  name));
    }
    assertAll(loads);
  }

  @Test
  void aNoBreakSpaceInTheHeaderIsASpace() throws Exception {
    // As a spreadsheet writes a header typed into it: "Code " and " Amount" with U+00A0.
    FlatFeeSchedule table = read("Code\u00A0,\u00A0Amount\u00A0\n99213,95.00\n");
    assertEquals(
        new BigDecimal("95.00"), table.price(ClaimLine.parse("99213"), CONTEXT).amountOrThrow());
  }

  /**
   * No-break spaces (and the other Unicode spaces) around a code, an amount or a modifier are
   * stripped as around a header name, and as the code set CSV strips them: a spreadsheet writes
   * U+00A0 into a cell typed into it. They were refused with the character shown ({@code found
   * '\\u00a095.00'}). Alone in the modifier, or in a field beyond the header, they are an empty
   * field.
   */
  @Test
  void noBreakSpacesAroundACellAreStripped() throws Exception {
    for (String space : List.of("\u00A0", "\u2007", "\u202F", " \u00A0 ")) {
      FlatFeeSchedule table =
          read(
              "code,modifier,amount\n"
                  + space
                  + "71046"
                  + space
                  + ","
                  + space
                  + "26"
                  + space
                  + ","
                  + space
                  + "12.50"
                  + space
                  + "\n"
                  + "99213,"
                  + space
                  + ",95.00,"
                  + space
                  + "\n");
      assertEquals(
          new BigDecimal("12.50"),
          table.price(ClaimLine.parse("71046-26"), CONTEXT).amountOrThrow(),
          space);
      assertEquals(
          new BigDecimal("95.00"),
          table.price(ClaimLine.parse("99213"), CONTEXT).amountOrThrow(),
          space);
    }
    // What is left after them is still judged; the field is shown whole, as with its spaces.
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> read("code,amount\n99213,\u00A012.5x\u00A0\n"));
    assertEquals(
        "acme, line 2, column 2: AMOUNT: expected a number of at least 0 with at most 4 decimals,"
            + " found '\\u00a012.5x\\u00a0'",
        e.getMessage());
  }

  /**
   * A row of no-break spaces (or other Unicode spaces) alone is a blank line, skipped, as the code
   * set CSV skips it: every cell of it is empty as the cells are read, and it was refused as a
   * short row or a row without a code.
   */
  @Test
  void aRowOfNoBreakSpacesAloneIsABlankLine() throws Exception {
    for (String space : List.of("\u00A0", "\u2007", "\u202F", " \u00A0 ")) {
      for (String row : List.of(space, space + "," + space, space + ",," + space)) {
        FlatFeeSchedule table =
            read("code,amount\n99212,50.00\n" + row + "\n99213,95.00\n" + row + "\n");
        assertEquals(2, table.size(), row);
        assertEquals(
            new BigDecimal("95.00"),
            table.price(ClaimLine.parse("99213"), CONTEXT).amountOrThrow(),
            row);
      }
    }
  }

  /**
   * A blank line before the header, of no-break or other Unicode spaces or of ASCII spaces, is
   * skipped as a blank line after it is, as the code set CSV skips it: the first line of all was
   * taken for the header and refused as one without a code column, or, of ASCII spaces alone,
   * ending in a comma, as a header of unnamed columns.
   */
  @Test
  void aBlankLineBeforeTheHeaderIsSkipped() throws Exception {
    for (String space : List.of(" ", "   ", "\t", "\u00A0", "\u2007", "\u202F", " \u00A0 ")) {
      for (String row : List.of(space, space + "," + space, space + ",," + space)) {
        FlatFeeSchedule table = read(row + "\n" + row + "\ncode,amount\n99213,95.00\n");
        assertEquals(1, table.size(), row);
        assertEquals(
            new BigDecimal("95.00"),
            table.price(ClaimLine.parse("99213"), CONTEXT).amountOrThrow(),
            row);
        // The header's line is its own, below the blank lines.
        assertEquals(
            "acme, line 3: no rows after the header: expected one row per code",
            assertThrows(DataLoadException.class, () -> read(row + "\n" + row + "\ncode,amount\n"))
                .getMessage(),
            row);
        // Blank lines alone are an empty file, not a header.
        assertEquals(
            "acme: empty: expected a header row code,amount (and optionally modifier)",
            assertThrows(DataLoadException.class, () -> read(row + "\n" + row + "\n")).getMessage(),
            row);
      }
    }
  }

  @Test
  void namesTheFirstByteThatIsNotUtf8(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("acme-2025.csv");
    byte[] head = "code,amount,note\r\n99213,95,ok\r\n71046,12,Cl".getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = "nica\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 1 + latin1.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xED; // i-acute in Latin-1, not a UTF-8 sequence before 'n'
    System.arraycopy(latin1, 0, bytes, head.length + 1, latin1.length);
    Files.write(file, bytes);
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> FlatFeeScheduleCsv.read(file));
    assertEquals(
        "acme-2025.csv, line 3: byte 0xED at character 12 is not valid UTF-8; expected text in"
            + " UTF-8",
        e.getMessage());
    // The same bytes from a stream: named too, where a plain InputStreamReader would have read
    // a replacement character without a word.
    DataLoadException fromStream =
        assertThrows(
            DataLoadException.class,
            () -> FlatFeeScheduleCsv.read(new ByteArrayInputStream(bytes), "acme"));
    assertEquals(
        "acme, line 3: byte 0xED at character 12 is not valid UTF-8; expected text in UTF-8",
        fromStream.getMessage());
  }

  @Test
  void reportsBadRows() {
    DataLoadException missing =
        assertThrows(DataLoadException.class, () -> read("code,price\n99213,95\n"));
    assertEquals(
        "acme, line 1: missing column \"AMOUNT\" (renamed or removed?); the header has"
            + " 'CODE', 'PRICE'",
        missing.getMessage());
    DataLoadException code =
        assertThrows(DataLoadException.class, () -> read("code,amount\n9921,95\n"));
    assertEquals(2, code.line());
    assertEquals(1, code.column());
    DataLoadException amount =
        assertThrows(DataLoadException.class, () -> read("code,amount\n99213,-1\n"));
    assertEquals(2, amount.column());
    // Too long is named as such: "at most 4 decimals" alone sent the reader looking for a point.
    DataLoadException tooLong =
        assertThrows(
            DataLoadException.class, () -> read("code,amount\n99213," + "1".repeat(31) + "\n"));
    assertTrue(
        tooLong.getMessage().contains("with at most 4 decimals and 24 characters"),
        tooLong::getMessage);
    DataLoadException shortButBad =
        assertThrows(DataLoadException.class, () -> read("code,amount\n99213,1.23456\n"));
    assertTrue(
        shortButBad.getMessage().endsWith("4 decimals, found '1.23456'"), shortButBad::getMessage);
    DataLoadException twice =
        assertThrows(DataLoadException.class, () -> read("code,amount\n99213,1\n99213,2\n"));
    assertEquals(
        "acme, line 3, column 1: row 99213 appears twice, on lines 2 and 3", twice.getMessage());
    DataLoadException twiceLater =
        assertThrows(
            DataLoadException.class, () -> read("amount,code,modifier\n1,99213,26\n2,99213,26\n"));
    assertEquals(3, twiceLater.line());
    assertEquals(2, twiceLater.column());
  }

  /**
   * An amount of a quadrillion dollars or more, which no fee can be, is refused where it is read,
   * with the file, line, column and column name, not later by the table's builder without them.
   */
  @Test
  void refusesAnAmountOfAQuadrillionWithItsPlace(@TempDir Path dir) throws Exception {
    String text = "code,amount\n99213,95\n99214,1000000000000000\n";
    String expected =
        ", line 3, column 2: AMOUNT: expected a number from 0 to 999999999999999.9999 with at most"
            + " 4 decimals, found '1000000000000000'";
    Path file = dir.resolve("acme-2025.csv");
    Files.writeString(file, text);
    DataLoadException fromPath =
        assertThrows(DataLoadException.class, () -> FlatFeeScheduleCsv.read(file));
    assertEquals("acme-2025.csv" + expected, fromPath.getMessage());
    DataLoadException fromStream = assertThrows(DataLoadException.class, () -> read(text));
    assertEquals("acme" + expected, fromStream.getMessage());
    assertEquals(3, fromStream.line());
    assertEquals(2, fromStream.column());
    // A damaged cell of 21 digits, and the largest amount there is, which loads.
    DataLoadException damaged =
        assertThrows(
            DataLoadException.class, () -> read("code,amount\n99213," + "9".repeat(21) + "\n"));
    assertEquals(2, damaged.column());
    assertEquals(
        new BigDecimal("999999999999999.9999"),
        read("code,amount\n99213,999999999999999.9999\n")
            .amount(ClaimLine.parse("99213").code(), Optional.empty())
            .orElseThrow());
  }

  /**
   * An amount quoted with thousands separators, as a spreadsheet writes it and as the error for an
   * unquoted one says to write it, is read as its value; a comma in any other place is refused, and
   * so is a grouping without decimals, which may be a decimal comma (1,234 for 1.234).
   */
  @Test
  void readsAQuotedAmountWithThousandsSeparators() throws Exception {
    assertEquals(
        new BigDecimal("1234.56"),
        read("code,amount\n99213,\"1,234.56\"\n")
            .price(ClaimLine.parse("99213"), CONTEXT)
            .amountOrThrow());
    assertEquals(
        new BigDecimal("12345678.90"),
        read("code,amount\n99213,\"12,345,678.90\"\n")
            .price(ClaimLine.parse("99213"), CONTEXT)
            .amountOrThrow());
    for (String bad : new String[] {"1,23.4", ",123.00", "1,,234.00", "12345,678.00", "1,234"}) {
      DataLoadException e =
          assertThrows(
              DataLoadException.class, () -> read("code,amount\n99213,\"" + bad + "\"\n"), bad);
      assertEquals(2, e.column(), bad);
      assertTrue(e.getMessage().contains("a comma only as a thousands separator"), e::getMessage);
    }
  }

  @Test
  void refusesAValueBeyondTheHeaderRatherThanDropIt() throws Exception {
    // An amount written with a thousands separator and no quotes splits into two fields: read as
    // the header's two columns, 99213 would cost 1.00 instead of 1,234.56.
    DataLoadException split =
        assertThrows(DataLoadException.class, () -> read("code,amount\n99213,1,234.56\n"));
    assertEquals(2, split.line());
    assertEquals(3, split.column());
    assertTrue(split.getMessage().contains("found 3"), split::getMessage);
    DataLoadException withModifier =
        assertThrows(
            DataLoadException.class, () -> read("code,modifier,amount\n99213,,1,234.56\n"));
    assertEquals(4, withModifier.column());
    // Empty fields beyond the header, as a spreadsheet may write them, hold nothing to lose.
    assertEquals(
        new BigDecimal("95.00"),
        read("code,amount\n99213,95.00,,\n")
            .price(ClaimLine.parse("99213"), CONTEXT)
            .amountOrThrow());
  }

  /**
   * A header ending in a comma, as a spreadsheet exports an empty last column, names no column
   * there: a row may leave that field out, as the code set CSV lets it (it was refused as ending
   * "before its unnamed column 3"), and a value under it is refused as one beyond the header, as
   * the code set CSV refuses it (it was ignored: {@code 1,234.56} split by its comma loaded as
   * 1.00). The named columns are still required.
   */
  @Test
  void anUnnamedLastColumnMayBeLeftOutButHoldsNoValue() throws Exception {
    for (String text :
        List.of(
            "code,amount,\n99213,95.00\n",
            "code,amount,\n99213,95.00,\n",
            "code,amount,\n99213,95.00,,\n",
            "code,amount,,\n99213,95.00\n",
            "code,amount,,\n99213,95.00,\n",
            "code,amount,\u00A0\n99213,95.00\n",
            "code,amount,\n99213,95.00\n99214,120.00,\n")) {
      assertEquals(
          new BigDecimal("95.00"),
          read(text).price(ClaimLine.parse("99213"), CONTEXT).amountOrThrow(),
          text);
    }
    assertEquals(
        "acme, line 2, column 3: expected 2 fields as in the header, found 3, field 3 being 'xyz'"
            + " (a number with a thousands separator must be quoted, \"1,234.56\", or written"
            + " 1234.56)",
        assertThrows(DataLoadException.class, () -> read("code,amount,\n99213,10.00,xyz\n"))
            .getMessage());
    DataLoadException split =
        assertThrows(DataLoadException.class, () -> read("code,amount,,\n99213,1,234.56\n"));
    assertEquals(2, split.line());
    assertEquals(3, split.column());
    // The named columns are required as before: a row may leave out only unnamed ones.
    assertEquals(
        "acme, line 2, column 2: expected 2 fields as in the header, found 1: the row ends before"
            + " AMOUNT",
        assertThrows(DataLoadException.class, () -> read("code,amount,\n99213\n")).getMessage());
    // Cut short in its amount, a last line left without its trailing comma is refused as cut.
    DataLoadException cut =
        assertThrows(DataLoadException.class, () -> read("code,amount,\n99213,95.00\n71046,1"));
    assertTrue(cut.getMessage().contains("looks cut short"), cut::getMessage);
  }

  /**
   * An unnamed column between named ones is read as none: an empty field there loads, as it did,
   * but a value there, which no name says to ignore, is refused with its line and column, as a
   * value under an unnamed last column is: it was ignored, so that {@code 1,234.56} split by its
   * comma under {@code code,amount,,note} loaded 99213 at 1.00.
   */
  @Test
  void anUnnamedColumnBetweenNamedOnesHoldsNoValue() throws Exception {
    assertEquals(1, read("code,,amount\n99213,,95.00\n").size());
    assertEquals(1, read("code,,amount\n99213,\u00A0,95.00\n").size());
    assertEquals(
        "acme, line 2, column 3: expected an empty field under the header's unnamed column 3,"
            + " found '234.56' (a number with a thousands separator must be quoted, \"1,234.56\","
            + " or written 1234.56)",
        assertThrows(
                DataLoadException.class, () -> read("code,amount,,note\n99213,1,234.56,visit\n"))
            .getMessage());
    DataLoadException value =
        assertThrows(DataLoadException.class, () -> read("code,,amount\n99213,x,95.00\n"));
    assertEquals(2, value.line());
    assertEquals(2, value.column());
  }

  @Test
  void refusesALastAmountWithoutALineEndingAsCutShort() throws Exception {
    // A download cut inside 12.50 loaded 71046-26 at 1.00.
    DataLoadException cut =
        assertThrows(
            DataLoadException.class, () -> read("code,modifier,amount\n99213,,95.25\n71046,26,1"));
    assertEquals(3, cut.line());
    assertEquals(3, cut.column());
    assertTrue(cut.getMessage().contains("looks cut short"), cut.getMessage());
    // Ended, or ending in another column than the amount, it loads.
    assertEquals(2, read("code,modifier,amount\n99213,,95.25\n71046,26,1\n").size());
    assertEquals(2, read("code,amount,modifier\n99213,95.25,\n71046,12.50,26").size());
  }

  /**
   * With the modifier last, a last line cut just after its last comma loaded the row without its
   * modifier: 71046-26 at 12.50 became 71046's global fee. An empty or one-character modifier there
   * is refused as cut short, as an amount there is.
   */
  @Test
  void refusesALastModifierWithoutALineEndingAsCutShort() throws Exception {
    DataLoadException empty =
        assertThrows(
            DataLoadException.class,
            () -> read("code,amount,modifier\n99213,95.00,\n71046,12.50,"));
    assertEquals(
        "acme, line 3, column 3: the last line has no line ending and ends in its modifier, empty:"
            + " the file looks cut short, and a modifier cut there loads as a row without one;"
            + " end the line with a line break",
        empty.getMessage());
    DataLoadException half =
        assertThrows(
            DataLoadException.class,
            () -> read("code,amount,modifier\n99213,95.00,\n71046,12.50,2"));
    assertEquals(
        "acme, line 3, column 3: the last line has no line ending and ends in its modifier '2',"
            + " shorter than 2 characters: the file looks cut short; end the line with a line break",
        half.getMessage());
    DataLoadException mark =
        assertThrows(
            DataLoadException.class,
            () -> read("code,amount,modifier\n99213,95.00,\n71046,12.50,\u001a"));
    assertEquals(
        "acme, line 3, column 3: the last line has no line ending and ends in its modifier"
            + " '\\u001a', a DOS end-of-file mark (Ctrl-Z) inside the field: put the mark on a"
            + " line of its own; end the line with a line break",
        mark.getMessage());
    // Blanks are padding: a modifier of blanks is empty.
    assertThrows(DataLoadException.class, () -> read("code,amount,modifier\n71046,12.50, "));
    // Whole, ended, followed by another field or not last, the row loads.
    assertEquals(1, read("code,amount,modifier\n71046,12.50,26").size());
    assertEquals(1, read("code,amount,modifier\n71046,12.50,\n").size());
    assertEquals(1, read("code,amount,modifier,note\n71046,12.50,,x").size());
    assertEquals(1, read("code,amount,modifier\n71046,12.50,,").size());
    assertEquals(1, read("modifier,code,amount\n,71046,12.50\n").size());
    // A field closed by its quote was not cut: "" is an empty modifier, written whole.
    assertEquals(1, read("code,amount,modifier\n\"71046\",\"12.50\",\"\"").size());
    assertEquals(1, read("code,amount,modifier\n\"71046\",\"12.50\",\"26\"").size());
    assertThrows(
        DataLoadException.class, () -> read("code,amount,modifier\n\"71046\",\"12.50\",\"2"));
  }

  /**
   * Text after a DOS end-of-file mark on a last line without a line ending was refused by the CMS
   * loaders as such, but a hand-made table read it as a row or a value ("expected a procedure code"
   * for {@code \u001aabc}): named as text after the mark, as in the CMS files.
   */
  @Test
  void textAfterADosEndOfFileMarkOnTheLastLineIsNamedSo() {
    String after =
        ": text after a DOS end-of-file mark (0x1A), which ends the file: expected the mark after"
            + " the last row only";
    DataLoadException line =
        assertThrows(DataLoadException.class, () -> read("code,amount\n99213,95.00\n\u001aabc"));
    assertEquals("acme, line 3, column 1" + after, line.getMessage());
    DataLoadException field =
        assertThrows(DataLoadException.class, () -> read("code,amount\n99213,95.00\u001a 1"));
    assertEquals("acme, line 2, column 2" + after, field.getMessage());
  }

  @Test
  void refusesAHeaderWithoutRows() {
    // Cut after its header, a contract table priced nothing, and the fallback behind it in
    // FeeSchedule.firstThatPrices priced every line instead, in silence.
    DataLoadException headerOnly =
        assertThrows(DataLoadException.class, () -> read("code,modifier,amount\n\n\n"));
    assertEquals(
        "acme, line 1: no rows after the header: expected one row per code",
        headerOnly.getMessage());
    // Without even a header, the error says which header to write.
    for (String text : List.of("", "\n\n")) {
      assertEquals(
          "acme: empty: expected a header row code,amount (and optionally modifier)",
          assertThrows(DataLoadException.class, () -> read(text)).getMessage(),
          text);
    }
  }

  @Test
  void aDirectoryIsNamed(@TempDir Path dir) throws Exception {
    Path directory = Files.createDirectory(dir.resolve("acme-2025.csv"));
    // The JDK's own error is "Is a directory", which names nothing.
    java.nio.file.FileSystemException e =
        assertThrows(
            java.nio.file.FileSystemException.class, () -> FlatFeeScheduleCsv.read(directory));
    assertEquals(directory + ": is a directory, not a file", e.getMessage());
  }
}
