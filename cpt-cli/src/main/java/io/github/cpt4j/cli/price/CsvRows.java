package io.github.cpt4j.cli.price;

import io.github.cpt4j.cli.report.SpreadsheetSafe;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Formats batch output rows as CSV text, so that a pricing thread can format its whole chunk and
 * the writing thread only copies text: the writer was the pipeline's second bottleneck once pricing
 * used every core. Cells are quoted as the CSV library the rest of the command line uses quotes
 * them (a comma, a double quote, a carriage return or a line feed inside; a first cell that starts
 * with {@code #}, which readers take for a comment), so the output is byte for byte what it was
 * when the writer formatted each row itself.
 */
class CsvRows {

  private final int width;
  private final boolean verbatim;

  /**
   * Creates a formatter of rows under {@code header}.
   *
   * @param verbatim whether cells are written exactly as read, not {@linkplain SpreadsheetSafe made
   *     safe}
   */
  CsvRows(BatchHeader header, boolean verbatim) {
    this.width = header.size();
    this.verbatim = verbatim;
  }

  /**
   * Returns a formatter of rows under {@code header}: with its {@code limiting_charge} column when
   * it adds one ({@link LimitingChargeRows}), so that the rows of a run without it are formatted by
   * this class's code alone.
   */
  static CsvRows of(BatchHeader header, boolean verbatim) {
    return header.addsLimitingCharge()
        ? new LimitingChargeRows(header, verbatim)
        : new CsvRows(header, verbatim);
  }

  /** Appends the header row: the input's column names, then the added columns. */
  void header(BatchHeader header, StringBuilder out) {
    List<String> names = header.names();
    for (int i = 0; i < width; i++) {
      cell(safe(names.get(i)), i == 0, out);
      out.append(',');
    }
    List<String> added = header.added();
    for (int i = 0; i < added.size(); i++) {
      out.append(i == 0 ? "" : ",").append(added.get(i));
    }
    out.append('\n');
  }

  /**
   * Appends one row: the input fields, padded or cut to the header's width, and the outcome.
   *
   * @param plain whether the fields are known to hold printable ASCII only, without commas or
   *     double quotes (the reader saw their line), so that only their first character is checked
   */
  void row(List<String> fields, boolean plain, Outcome outcome, StringBuilder out) {
    for (int i = 0; i < width; i++) {
      if (i < fields.size()) {
        String field = fields.get(i);
        if (plain && (field.isEmpty() || !startsFormula(field.charAt(0), i == 0))) {
          out.append(field);
        } else {
          input(field, i == 0, out);
        }
      }
      out.append(',');
    }
    outcome(outcome, out);
  }

  /**
   * Appends one row whose input fields are {@code line} as read: one line of printable ASCII, as
   * many fields as the header has, none of them quoted or starting a formula. Copying the line
   * whole gives what the fields give one by one, without a look at each of them.
   */
  void row(String line, Outcome outcome, StringBuilder out) {
    out.append(line).append(',');
    outcome(outcome, out);
  }

  /** The end of a priced row without an explanation: most rows of a batch. */
  static final byte[] PRICED_END =
      ("," + Outcome.PRICED + ",\n").getBytes(StandardCharsets.US_ASCII);

  /**
   * Appends, as UTF-8, the row {@link #row(String, Outcome, StringBuilder)} appends for the line
   * whose bytes are {@code line[start, end)}: a plain line is ASCII, so its bytes are its text.
   */
  void row(byte[] line, int start, int end, Outcome outcome, ByteText out) {
    out.append(line, start, end);
    out.append((byte) ',');
    if (outcome.isPriced() && outcome.explanation().isEmpty()) {
      appendPlain(outcome.amount().get(), out);
      out.append(PRICED_END, 0, PRICED_END.length);
    } else {
      StringBuilder text = new StringBuilder(128);
      outcome(outcome, text);
      out.append(text);
    }
  }

  /**
   * Appends {@code amount.toPlainString()}, written from the unscaled value's digits: {@code
   * toPlainString} builds three strings for it, which were a tenth of formatting a batch row. An
   * amount of more than 18 digits or a negative scale takes {@code toPlainString}.
   *
   * <p>The unscaled value is read as {@code movePointRight(scale)}, a decimal of scale 0 that the
   * optimizing compiler does not allocate, not as {@code unscaledValue()}, a {@code BigInteger} and
   * its array on every line (64 bytes, a tenth of the batch's allocation per line).
   */
  static void appendPlain(BigDecimal amount, ByteText out) {
    int scale = amount.scale();
    if (scale < 0 || amount.precision() > 18) {
      out.append(amount.toPlainString());
      return;
    }
    out.appendDecimal(amount.movePointRight(scale).longValueExact(), scale);
  }

  /** Appends the amount, result and explanation cells and ends the row. */
  void outcome(Outcome outcome, StringBuilder out) {
    if (outcome.isPriced()) {
      out.append(outcome.amount().get().toPlainString());
    }
    out.append(',');
    resultAndExplanation(outcome, out);
  }

  /** Appends the result and explanation cells and ends the row. */
  final void resultAndExplanation(Outcome outcome, StringBuilder out) {
    cell(outcome.result(), false, out);
    out.append(',');
    String explanation = outcome.explanation();
    if (!explanation.isEmpty()) {
      input(explanation, false, out); // it may quote the input
    }
    out.append('\n');
  }

  /**
   * Appends a cell that comes from the input: most are short printable text that needs neither
   * neutralising nor quotes, which one look at each character tells, before the general path.
   */
  private void input(String text, boolean first, StringBuilder out) {
    if (isPlain(text, first)) {
      out.append(text);
    } else {
      cell(safe(text), first, out);
    }
  }

  /**
   * Tells whether {@code text} is written as it is: no control character, comma or double quote in
   * it, and no first character that makes it a formula or a comment.
   */
  private static boolean isPlain(String text, boolean first) {
    int n = text.length();
    if (n == 0) {
      return true;
    }
    char c = text.charAt(0);
    if (startsFormula(c, first)) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      c = text.charAt(i);
      if (SpreadsheetSafe.isControl(c) || c == ',' || c == '"') {
        return false;
      }
    }
    return true;
  }

  /**
   * Tells whether a cell starting with {@code c} is a formula, or in the first column a comment.
   */
  static boolean startsFormula(char c, boolean first) {
    return c == '=' || c == '+' || c == '-' || c == '@' || (first && c == '#');
  }

  private String safe(String text) {
    return verbatim ? text : SpreadsheetSafe.cell(text);
  }

  /** Appends {@code text}, in double quotes when it needs them. */
  static void cell(String text, boolean first, StringBuilder out) {
    if (!needsQuotes(text, first)) {
      out.append(text);
      return;
    }
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }

  private static boolean needsQuotes(String text, boolean first) {
    if (first && !text.isEmpty() && text.charAt(0) == '#') {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
