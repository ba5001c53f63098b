package io.github.cpt4j.data.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.FlatFeeSchedule;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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

  @Test
  void aNoBreakSpaceInTheHeaderIsASpace() throws Exception {
    // As a spreadsheet writes a header typed into it: "Code " and " Amount" with U+00A0.
    FlatFeeSchedule table = read("Code\u00A0,\u00A0Amount\u00A0\n99213,95.00\n");
    assertEquals(
        new BigDecimal("95.00"), table.price(ClaimLine.parse("99213"), CONTEXT).amountOrThrow());
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

  @Test
  void refusesAHeaderWithoutRows() {
    // Cut after its header, a contract table priced nothing, and the fallback behind it in
    // FeeSchedule.firstThatPrices priced every line instead, in silence.
    DataLoadException headerOnly =
        assertThrows(DataLoadException.class, () -> read("code,modifier,amount\n\n\n"));
    assertEquals(
        "acme, line 1: no rows after the header: expected one row per code",
        headerOnly.getMessage());
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
