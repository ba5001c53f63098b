package io.github.cpt4j.cli.price;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The batch's CSV rows: quoted as the CSV library quotes, cells made safe for spreadsheets, and the
 * shortcut for rows the reader saw as plain lines giving the same text as the general path.
 */
class CsvRowsTest {

  private static final BatchHeader HEADER = BatchHeader.of(List.of("code", "note", "claim"), false);

  @Test
  void quotesAndNeutralises() {
    StringBuilder out = new StringBuilder();
    new CsvRows(HEADER, false)
        .row(
            List.of("#1", "=HYPERLINK(\"x\")", "a,b"),
            false,
            Outcome.notPriced("invalid_code", "code: '\t=1'"),
            out);
    assertEquals(
        "\"#1\",\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",,invalid_code,code: '=1'\n", out.toString());
  }

  @Test
  void writesTheHeaderAndAmounts() {
    StringBuilder out = new StringBuilder();
    CsvRows rows = new CsvRows(HEADER, true);
    rows.header(HEADER, out);
    rows.row(List.of("99213", "-x"), true, Outcome.priced(new BigDecimal("101.06"), ""), out);
    assertEquals(
        "code,note,claim,amount,result,explanation\n99213,-x,,101.06,priced,\n", out.toString());
  }

  /** A row read from a plain line is written exactly as the general path writes it. */
  @Property(tries = 500)
  void plainRowsTakeAShortcutToTheSameText(
      @ForAll @Size(min = 2, max = 4)
          List<
                  @StringLength(max = 6) @CharRange(from = ' ', to = '~') @Chars({'=', '#', '-'})
                  String>
              cells,
      @ForAll boolean verbatim)
      throws IOException {
    List<String> fields = cells.stream().map(c -> c.replace(",", "").replace("\"", "")).toList();
    CsvRows rows = new CsvRows(HEADER, verbatim);
    Outcome outcome = Outcome.notPriced("invalid_code", "code: " + fields);
    StringBuilder general = new StringBuilder();
    StringBuilder shortcut = new StringBuilder();
    rows.row(fields, false, outcome, general);
    rows.row(fields, true, outcome, shortcut);
    assertEquals(general.toString(), shortcut.toString());
    // A line of as many fields as the header, none starting a formula, may be copied whole.
    if (fields.size() == HEADER.size()
        && fields.stream().noneMatch(f -> !f.isEmpty() && "=+-@#".indexOf(f.charAt(0)) >= 0)) {
      StringBuilder whole = new StringBuilder();
      rows.row(String.join(",", fields), outcome, whole);
      assertEquals(general.toString(), whole.toString());
    }
    // And as the writer writes a row by itself.
    StringWriter one = new StringWriter();
    BatchWriter writer =
        BatchWriter.create(io.github.cpt4j.cli.report.Format.CSV, HEADER, one, verbatim);
    writer.write(fields, outcome);
    writer.finish();
    assertEquals(general.toString(), one.toString().substring(one.toString().indexOf('\n') + 1));
  }

  /** Amounts are written as {@code toPlainString} writes them, whatever their scale and size. */
  @Property(tries = 2000)
  void writesAmountsAsToPlainStringDoes(
      @ForAll long unscaled,
      @ForAll @net.jqwik.api.constraints.IntRange(min = -4, max = 24) int scale,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 19) int digits) {
    // Mostly amounts of a few digits, as a batch has; sometimes any long.
    long value = digits == 19 ? unscaled : unscaled % (long) Math.pow(10, digits);
    BigDecimal amount = BigDecimal.valueOf(value, scale);
    ByteText out = new ByteText(4);
    CsvRows.appendPlain(amount, out);
    assertEquals(
        amount.toPlainString(),
        new String(out.bytes(), 0, out.length(), java.nio.charset.StandardCharsets.US_ASCII));
  }

  /**
   * Verbatim cells keep their line breaks (\r, \n or both) and are quoted for them, as the CSV
   * library quotes, so that a row stays one record.
   */
  @Test
  void verbatimCellsWithLineBreaksAreQuoted() {
    StringBuilder out = new StringBuilder();
    new CsvRows(HEADER, true)
        .row(List.of("a\rb", "c\nd", "e\r\nf"), false, Outcome.notPriced("invalid_code", "x"), out);
    assertEquals("\"a\rb\",\"c\nd\",\"e\r\nf\",,invalid_code,x\n", out.toString());
  }
}
