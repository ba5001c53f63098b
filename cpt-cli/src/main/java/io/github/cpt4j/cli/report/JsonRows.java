package io.github.cpt4j.cli.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Writes one JSON array of flat objects, one object per line, with Jackson's streaming {@link
 * JsonGenerator}: readable by any JSON parser, and by line-oriented tools once the brackets are
 * dropped. Strings are escaped so that the output is valid JSON and valid UTF-8 for any input:
 * {@linkplain SpreadsheetSafe#isControl control characters} (C0, DEL and C1, which a terminal may
 * act on), U+2028 and U+2029 (not allowed raw in JavaScript strings) and surrogates (an unpaired
 * one, read from a malformed file, cannot be written as UTF-8) become {@code \\uXXXX}.
 *
 * <pre>{@code
 * JsonRows rows = new JsonRows(writer);
 * rows.startRow();
 * rows.field("code", "99213");
 * rows.endRow();
 * rows.finish();   // "[\n{"code":"99213"}\n]\n"; the writer stays open
 * }</pre>
 */
public final class JsonRows {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();

  private final JsonGenerator json;
  private boolean started;

  /** Creates a writer of rows to {@code out}, which {@link #finish()} flushes but never closes. */
  public JsonRows(Writer out) throws IOException {
    this.json = FACTORY.createGenerator(requireNonNull(out, "out"));
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.setCharacterEscapes(Escapes.INSTANCE);
    json.setPrettyPrinter(OnePerLine.INSTANCE);
  }

  /** Starts the next object. */
  public void startRow() throws IOException {
    if (!started) {
      started = true;
      json.writeStartArray();
    }
    json.writeStartObject();
  }

  /**
   * Writes one field: {@code null}, an integer as a number, {@code true}/{@code false}, or a string
   * for anything else. A {@link BigDecimal} (an amount, a relative value, a GPCI) is a string of
   * the exact decimal, as cpt-jackson writes money: a JSON number is read as a {@code double} by
   * many readers (JavaScript always), which loses cents on large sums and the scale always.
   */
  public void field(String name, Object value) throws IOException {
    json.writeFieldName(name);
    if (value == null) {
      json.writeNull();
    } else if (value instanceof BigDecimal decimal) {
      json.writeString(decimal.toPlainString()); // never 1E+2
    } else if (value instanceof Integer number) {
      json.writeNumber(number);
    } else if (value instanceof Long number) {
      json.writeNumber(number);
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else {
      json.writeString(value.toString());
    }
  }

  /** Ends the object; writes it out to the writer. */
  public void endRow() throws IOException {
    json.writeEndObject();
  }

  /** Flushes what was written to the writer. */
  public void flush() throws IOException {
    json.flush();
  }

  /** Ends the array (an empty one if there were no rows) with a line break, and flushes. */
  public void finish() throws IOException {
    if (!started) {
      started = true;
      json.writeStartArray();
    }
    json.writeEndArray();
    json.writeRaw('\n');
    json.flush();
  }

  /**
   * Ends the output after a failure: closes the array when rows were written and none is half
   * written, so that the rows so far still read as JSON, and flushes; otherwise only flushes (no
   * rows: nothing is written). Never throws: the failure that got here is the one to report.
   */
  public void abandon() {
    try {
      if (started && json.getOutputContext().inArray()) {
        finish();
      } else {
        // No rows; or a half-written object, which cannot be closed honestly; or already ended.
        json.flush();
      }
    } catch (IOException | RuntimeException e) {
      // The first failure is the one to report.
    }
  }

  /** {@code [}, each object on a line of its own, {@code ]}; no spaces inside objects. */
  private static final class OnePerLine extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;
    static final OnePerLine INSTANCE = new OnePerLine();

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      g.writeRaw('\n');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(",\n");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      g.writeRaw(values == 0 ? "]" : "\n]");
    }
  }

  /**
   * Jackson's standard escapes (C0 controls, quote, backslash), plus DEL, the C1 controls, U+2028,
   * U+2029 and every surrogate. JSON allows DEL and C1 raw, but the CSV and table outputs treat
   * them as controls, and JSON printed to a terminal should not carry what they drop or escape.
   */
  private static final class Escapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    static final Escapes INSTANCE = new Escapes();
    private final int[] ascii = standardAsciiEscapesForJSON();

    {
      ascii[0x7F] = ESCAPE_CUSTOM; // written by getEscapeSequence, as the C1 controls are
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
      if (c == '\u2028'
          || c == '\u2029'
          || Character.isSurrogate((char) c)
          || SpreadsheetSafe.isControl((char) c)) {
        // Upper-case hex, as Jackson writes the C0 controls (\u001B): one form in one document.
        return new SerializedString(String.format(Locale.ROOT, "\\u%04X", c));
      }
      return null;
    }
  }
}
