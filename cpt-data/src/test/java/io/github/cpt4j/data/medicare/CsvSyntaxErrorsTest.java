package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.data.fee.FlatFeeScheduleCsv;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.ncci.MueFile;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file that is not CSV is refused by every loader in the project's own words, naming the file,
 * the line and the field and what was expected: never with the CSV parser's text (its "Exception
 * when reading record that started in line ...", its buffer sizes), which it used to quote.
 */
class CsvSyntaxErrorsTest {

  /** A loader of one kind of file, from a path. */
  @FunctionalInterface
  interface Loader {
    Object load(Path path) throws IOException;
  }

  private static final DmeposZipTable ZIPS =
      DmeposZipTable.builder().state(10000, 14999, "NY").build();

  static Stream<Arguments> loaders() {
    return Stream.of(
        Arguments.of("GPCI", (Loader) GpciFile::read),
        Arguments.of("relative value", (Loader) RvuFile::read),
        Arguments.of("OPPS cap", (Loader) OppsCapFile::read),
        Arguments.of("CLFS", (Loader) ClfsFile::read),
        Arguments.of("DMEPOS", (Loader) p -> DmeposFile.read(p, ZIPS)),
        Arguments.of("DME rural ZIP", (Loader) p -> DmeposRuralZipFile.read(p, ZIPS)),
        Arguments.of("ASP", (Loader) AspFile::read),
        Arguments.of("anesthesia conversion factor", (Loader) AnesthesiaConversionFactorFile::read),
        Arguments.of("conversion factor", (Loader) ConversionFactorFile::read),
        Arguments.of("payment amount", (Loader) PaymentAmountFile::read),
        Arguments.of("MUE", (Loader) MueFile::read),
        Arguments.of("flat fee schedule", (Loader) FlatFeeScheduleCsv::read));
  }

  /** The parser's words, which must not reach the user. */
  private static void assertOwnWords(String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    for (String theirs : new String[] {"exception", "0x", "buffer", "unexpected character"}) {
      assertFalse(lower.contains(theirs), () -> "the parser's words in: " + message);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loaders")
  void aQuoteLeftOpenOnARowIsReportedOnThatRow(String kind, Loader loader, @TempDir Path dir)
      throws IOException {
    // Row 2 lost its closing quote (as a cut or hand-edited row of CMS's ASP file does): the quote
    // that opens row 3's second field closes it. The error used to say "line 3, column 2", a
    // field of the good row, without a word of line 2, where the record's field 2 started.
    Path file =
        Files.writeString(
            dir.resolve("junk.csv"),
            "a,b,c\n1,\"2, cut,3\n4,\"Inj, whole\",7\n",
            StandardCharsets.ISO_8859_1);
    DataLoadException e = assertThrows(DataLoadException.class, () -> loader.load(file));
    assertEquals(
        "junk.csv, line 3, column 2: expected a comma or the end of the line after the closing"
            + " quote of field 2, found 'I' (U+0049) at character 4 of the line; the quoted field"
            + " opened on line 2, at character 3 (a closing quote missing there?)",
        e.getMessage(),
        kind);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loaders")
  void textAfterAClosingQuoteNamesTheLineAndField(String kind, Loader loader, @TempDir Path dir)
      throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("junk.csv"), "a,b,c\n1,\"2\",3\n4,\"5\"6,7\n", StandardCharsets.ISO_8859_1);
    DataLoadException e = assertThrows(DataLoadException.class, () -> loader.load(file));
    assertEquals(
        "junk.csv, line 3, column 2: expected a comma or the end of the line after the closing"
            + " quote of field 2, found '6' (U+0036) at character 6 of the line",
        e.getMessage(),
        kind);
    assertEquals(3, e.line());
    assertEquals(2, e.column());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loaders")
  void tooManyFieldsIsSaidInOurWords(String kind, Loader loader, @TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("commas.csv"), "a,b\n" + ",".repeat(20_000) + "\n");
    DataLoadException e = assertThrows(DataLoadException.class, () -> loader.load(file));
    assertEquals(
        "commas.csv, line 2: more than 16384 fields in one record; expected a data file's few"
            + " dozen columns",
        e.getMessage(),
        kind);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loaders")
  void aControlCharacterAfterTheQuoteIsShownByItsCode(String kind, Loader loader, @TempDir Path dir)
      throws IOException {
    Path file = Files.write(dir.resolve("bin.csv"), new byte[] {'"', 'a', '"', 0x01, '\n'});
    DataLoadException e = assertThrows(DataLoadException.class, () -> loader.load(file));
    assertEquals(
        "bin.csv, line 1, column 1: expected a comma or the end of the line after the closing"
            + " quote of field 1, found U+0001 at character 4 of the line",
        e.getMessage(),
        kind);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loaders")
  void aQuotedFieldOverManyLinesIsNamedWhereTheFaultIs(
      String kind, Loader loader, @TempDir Path dir) throws IOException {
    // The quoted field starts on line 2 and closes on line 4, CR LF line ends included.
    Path file =
        Files.writeString(dir.resolve("multi.csv"), "a,b\r\nx,\"one\r\ntwo\r\nthree\"!\r\n");
    DataLoadException e = assertThrows(DataLoadException.class, () -> loader.load(file));
    assertEquals(
        "multi.csv, line 4, column 2: expected a comma or the end of the line after the closing"
            + " quote of field 2, found '!' (U+0021) at character 7 of the line; the quoted field"
            + " opened on line 2, at character 3 (a closing quote missing there?)",
        e.getMessage(),
        kind);
    assertOwnWords(e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loaders")
  void aQuoteLeftOpenAtTheEndOfTheFileIsRefused(String kind, Loader loader, @TempDir Path dir)
      throws IOException {
    // The parser takes the open quote to end with the file and reads the row without a word.
    Path file = Files.writeString(dir.resolve("open.csv"), "a,b,c\n1,2,3\n4,\"5,6\n");
    DataLoadException e = assertThrows(DataLoadException.class, () -> loader.load(file));
    assertEquals(
        "open.csv, line 3, column 2: the quote that opens field 2 at character 3 of the line is"
            + " not closed before the end of the file; expected a closing quote after the field's"
            + " value",
        e.getMessage(),
        kind);
  }

  @Test
  void aQuoteLeftOpenInAStreamIsRefusedToo() {
    // A CMS file read from a stream is held whole, so its error is located as a file's is.
    assertEquals(
        "stream.csv, line 2, column 2: the quote that opens field 2 at character 3 of the line is"
            + " not closed before the end of the file; expected a closing quote after the field's"
            + " value",
        streamError("a,b\n1,\"2\n3,4\n"));
    // A file of one open quote, with no record before it: still a clear error, on line 1.
    assertTrue(streamError("\"").startsWith("stream.csv, line 1"), streamError("\""));
  }

  @Test
  void aReaderWhichCannotBeReadAgainStillGetsOurWords() {
    // A reader cannot be read again: the line is named, without the field.
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> CsvTable.read(new StringReader("a,b\n1,\"2\"3\n"), "reader.csv"));
    assertEquals(
        "reader.csv, line 2: not comma-separated values from this line on: expected fields"
            + " separated by commas, each quoted field closed by a quote followed by a comma or the"
            + " end of the line, and the few dozen fields of a data file",
        e.getMessage());
    // A data file read from a stream is held whole, and its error located as a file's is.
    DataLoadException fromStream =
        assertThrows(
            DataLoadException.class,
            () ->
                CsvTable.read(
                    new ByteArrayInputStream("a,b\n1,\"2\"3\n".getBytes(StandardCharsets.UTF_8)),
                    "stream.csv"));
    assertEquals(
        "stream.csv, line 2, column 2: expected a comma or the end of the line after the closing"
            + " quote of field 2, found '3' (U+0033) at character 6 of the line",
        fromStream.getMessage());
    assertEquals(
        "stream.csv, line 2, column 2: expected a comma or the end of the line after the closing"
            + " quote of field 2, found '3' (U+0033) at character 6 of the line",
        streamError("a,b\n1,\"2\"3\n"));
  }

  @Test
  void aQuoteLeftOpenInAReaderIsNamedOnTheLineOfItsField() {
    // The record starts on line 2; its first field runs to line 3, where the open quote is.
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> CsvTable.read(new StringReader("a,b\n\"1\n\",\"2\n3,4\n"), "reader.csv"));
    assertEquals(3, e.line(), e.getMessage());
    assertEquals(2, e.column(), e.getMessage());
  }

  @Test
  void aLastRowCutShortAfterACellOverTwoLinesIsNamedOnItsLastLine() {
    // The last record starts on line 2; its quoted cell runs to line 3, the line with no ending.
    byte[] cut = "a,b\n1,\"x\ny\"".getBytes(StandardCharsets.ISO_8859_1);
    DataLoadException e =
        assertThrows(
            DataLoadException.class, () -> CsvTable.readCms(cut, "cut.csv", 1 << 20, "a CMS file"));
    assertEquals(
        "cut.csv, line 3: the last line has no line ending: the file looks cut short (every line of"
            + " a CMS file ends with one)",
        e.getMessage());
  }

  /** The message of the error of reading {@code text} as a CMS file from a stream. */
  private static String streamError(String text) {
    return assertThrows(
            DataLoadException.class,
            () ->
                MueFile.read(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                    "stream.csv"))
        .getMessage();
  }
}
