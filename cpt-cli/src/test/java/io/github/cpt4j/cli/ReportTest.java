package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cpt4j.cli.report.Column;
import io.github.cpt4j.cli.report.Format;
import io.github.cpt4j.cli.report.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static final List<Column> COLUMNS =
      List.of(Column.text("code", 6), Column.number("amount", 8), Column.text("note", 0));

  @Test
  void tableAlignsNumbersRightAndTextLeft() throws IOException {
    String nl = System.lineSeparator();
    assertEquals(
        "CODE      AMOUNT  NOTE" + nl + "99213      93.50  a note" + nl + "J1100" + nl,
        write(
            Format.TABLE,
            new Object[] {"99213", new BigDecimal("93.50"), "a note"},
            new Object[] {"J1100", null, null}));
  }

  @Test
  void csvQuotesWhatNeedsIt() throws IOException {
    assertEquals(
        "code,amount,note\n99213,93.50,\"a, \"\"b\"\"\"\n",
        write(Format.CSV, new Object[] {"99213", new BigDecimal("93.50"), "a, \"b\""}));
  }

  @Test
  void jsonIsAnArrayOfObjects() throws IOException {
    String json =
        write(
            Format.JSON,
            new Object[] {"99213", new BigDecimal("93.50"), null},
            new Object[] {"J1100", 3, "x"});
    assertEquals(
        "[\n{\"code\":\"99213\",\"amount\":\"93.50\",\"note\":null},\n"
            + "{\"code\":\"J1100\",\"amount\":3,\"note\":\"x\"}\n]\n",
        json);
    assertEquals(2, JsonTree.read(json).size());
  }

  /**
   * DEL and the C1 controls (U+009B starts a terminal's escape sequence) are controls in every
   * format: the table escapes them, CSV drops them before it looks for a formula, JSON escapes
   * them.
   */
  @Test
  void everyFormatTreatsDelAndC1AsControls() throws IOException {
    Object[] row = {"99213", null, "\u007f=1\u009b[31m"};
    String nl = System.lineSeparator();
    assertEquals(
        "CODE      AMOUNT  NOTE" + nl + "99213             \\u007f=1\\u009b[31m" + nl,
        write(Format.TABLE, row));
    assertEquals("code,amount,note\n99213,,'=1[31m\n", write(Format.CSV, row));
    assertEquals(
        "[\n{\"code\":\"99213\",\"amount\":null,\"note\":\"\\u007F=1\\u009B[31m\"}\n]\n",
        write(Format.JSON, row));
  }

  @Test
  void rejectsRowsOfTheWrongWidth() {
    Report report = Report.create(Format.CSV, COLUMNS, new StringWriter(), false);
    assertThrows(IllegalArgumentException.class, () -> report.row("99213"));
  }

  private static String write(Format format, Object[]... rows) throws IOException {
    StringWriter out = new StringWriter();
    Report report = Report.create(format, COLUMNS, out, false);
    for (Object[] row : rows) {
      report.row(row);
    }
    report.finish();
    return out.toString();
  }
}
