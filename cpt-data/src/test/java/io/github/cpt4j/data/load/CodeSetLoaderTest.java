package io.github.cpt4j.data.load;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Loader tests on hand-written fixtures; every description in them is made up. */
class CodeSetLoaderTest {

  private static final CodeSetLoader LOADER = CodeSetLoader.defaults();

  @TempDir Path dir;

  private static InputStream resource(String name) {
    InputStream in = CodeSetLoaderTest.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("test resource " + name + " is missing");
    }
    return in;
  }

  private static InputStream bytes(String text, Charset charset) {
    return new ByteArrayInputStream(text.getBytes(charset));
  }

  private static List<String> codes(CodeSet set) {
    return set.stream().map(e -> e.code().toString()).collect(Collectors.toList());
  }

  private static String description(CodeSet set, String code) {
    return set.find(code).orElseThrow().shortDescription();
  }

  private static DataLoadException csvError(String text) {
    return assertThrows(DataLoadException.class, () -> LOADER.loadCsv(bytes(text, UTF_8), "x.csv"));
  }

  private static DataLoadException tabError(String text) {
    return assertThrows(
        DataLoadException.class, () -> LOADER.loadTabDelimited(bytes(text, UTF_8), "x.txt"));
  }

  private static DataLoadException pipeError(String text) {
    return assertThrows(
        DataLoadException.class, () -> LOADER.loadPipeDelimited(bytes(text, UTF_8), "x.txt"));
  }

  // ------------------------------------------------------------------ well-formed files

  @Test
  void readsATabFileWithBomCrlfAndBlankLines() throws IOException {
    CodeSet set = LOADER.loadTabDelimited(resource("short-fixture.txt"), "short-fixture.txt");
    assertEquals(List.of("99213", "0001F", "G0438"), codes(set));
    assertEquals("MADE-UP VISIT, MIDDLE LEVEL", description(set, "99213"));
    CodeEntry entry = set.find("G0438").orElseThrow();
    assertEquals(CodeEntry.BASELINE_DATE, entry.effectiveFrom());
    assertEquals(Optional.empty(), entry.effectiveTo());
    assertEquals(Optional.empty(), entry.longDescription());
  }

  @Test
  void acceptsSpacesInsteadOfATabAndAHeaderLine() throws IOException {
    CodeSet set =
        LOADER.loadTabDelimited(
            bytes("HCPCS\tDESCRIPTION\n99213 MADE UP VISIT\n  0001f\t  MADE UP MEASURE  \n", UTF_8),
            "x.txt");
    assertEquals(List.of("99213", "0001F"), codes(set));
    assertEquals("MADE UP VISIT", description(set, "99213"));
    assertEquals("MADE UP MEASURE", description(set, "0001F"));
  }

  /**
   * One header rule for both AMA formats: the first field of the first line has no digit and names
   * a column; the rest may hold the release year. The pipe loader used to look at the whole line,
   * so a year in a header failed it; the tab loader dropped any first line whose code had no digit,
   * so a first row with a bad code was lost without a word.
   */
  @Test
  void aHeaderIsTheSameInBothFormatsAndAFirstRowIsNeverDropped() throws IOException {
    for (String header :
        List.of("CODE\tDESCRIPTOR 2025", "CPT Code  Long Descriptor (2025)", "CODES")) {
      CodeSet set = LOADER.loadTabDelimited(bytes(header + "\n99213\tMADE UP\n", UTF_8), "x.txt");
      assertEquals(List.of("99213"), codes(set), header);
    }
    for (String header :
        List.of(
            "ConceptId|CPT Code|Descriptor 2025",
            "ID|Code|Clinician Descriptor 2025",
            "Concept Id")) {
      CodeSet set =
          LOADER.loadPipeDelimited(bytes(header + "\n1001|99213|Made up\n", UTF_8), "x.txt");
      assertEquals(List.of("99213"), codes(set), header);
    }

    // A first line whose first field names no column is a row, with a row's error.
    DataLoadException tab = tabError("ABCDE\tMADE UP\n99213\tMADE UP\n");
    assertEquals(1, tab.line(), tab::getMessage);
    assertEquals(1, tab.column(), tab::getMessage);
    assertTrue(tab.getMessage().contains("'ABCDE'"), tab::getMessage);
    DataLoadException oneWord = tabError("ABCDE\n99213\tMADE UP\n");
    assertEquals(
        "x.txt, line 1, column 1: expected a code, a tab and a descriptor, found no tab",
        oneWord.getMessage());
    DataLoadException pipe = pipeError("Made up|99213|Made up\n1001|99214|Made up\n");
    assertEquals(
        "x.txt, line 1, column 1: expected a numeric concept id, found 'Made up'",
        pipe.getMessage());
    // A code field with a digit is a row, whatever words it has.
    assertEquals(1, tabError("CODE1\tDESCRIPTOR\n99213\tMADE UP\n").line());
  }

  /**
   * A header whose first field names no code column, or whose column words are further on, is a
   * header as it was before the rule above: the first field has no digit, and it names a column, or
   * is not of a code's length, or the rest of the line is column names. The rule above made these
   * fail at line 1, column 1.
   */
  @Test
  void aHeaderNeedNotNameTheCodeColumnFirst() {
    // Every header is checked, so that a failure names all the headers refused.
    Stream<Executable> tab =
        Stream.of(
                "Procedure\tDescription",
                "PROC_CD\tLONG_DESC",
                "Key\tLong Description",
                "Term\tDefinition",
                "Item\tText",
                "HCPCS\tDescriptor",
                "Procedure Description",
                "Short Descriptor",
                "Long Description",
                "SHORT\tDESCRIPTOR 2025")
            .map(
                header ->
                    () ->
                        assertEquals(
                            List.of("99213"),
                            codes(
                                LOADER.loadTabDelimited(
                                    bytes(header + "\n99213\tMADE UP\n", UTF_8), "x.txt")),
                            header));
    Stream<Executable> pipe =
        Stream.of("Key|Code|Desc", "Identifier|Code|Desc")
            .map(
                header ->
                    () ->
                        assertEquals(
                            List.of("99213"),
                            codes(
                                LOADER.loadPipeDelimited(
                                    bytes(header + "\n1001|99213|Made up\n", UTF_8), "x.txt")),
                            header));
    assertAll(Stream.concat(tab, pipe));
  }

  /**
   * A first field of five letters is taken for a mistyped code unless it or the whole rest of the
   * line names columns: a column word inside a descriptor ("procedure") does not make a header.
   */
  @Test
  void aFiveLetterFirstFieldIsARowUnlessTheLineIsColumnNames() {
    for (String first :
        List.of(
            "ABCDE\tfoo",
            "ABCDE\tMade-up procedure on a kidney",
            "ABCDE Made-up procedure",
            // One word holding a column word ("id") is no column name.
            "ABCDE\tKIDNEY",
            "ABCDE\tThyroid")) {
      DataLoadException e = tabError(first + "\n99213\tMADE UP\n");
      assertEquals(1, e.line(), e::getMessage);
      assertEquals(1, e.column(), e::getMessage);
      assertTrue(e.getMessage().contains("'ABCDE'"), e::getMessage);
    }
    DataLoadException pipe = pipeError("ABCDE|Made-up procedure key|Made up\n1001|99214|Made up\n");
    assertEquals(
        "x.txt, line 1, column 1: expected a numeric concept id, found 'ABCDE'", pipe.getMessage());
  }

  /**
   * A first field names a column by its start ({@code CPT_S}, {@code PROC_CD}) or whole ({@code
   * ID}), not by a column word inside it ({@code S_CPT}): the rule the README and the loader's
   * Javadoc state, which said "holds".
   */
  @Test
  void aFirstFieldNamesAColumnByItsStartNotByAWordInside() throws IOException {
    assertEquals(
        1,
        LOADER
            .loadTabDelimited(bytes("CPT_S\tShort Text\n99213\tMADE UP\n", UTF_8), "x.txt")
            .size());
    assertEquals(
        1,
        LOADER.loadTabDelimited(bytes("ID\tShort Text\n99213\tMADE UP\n", UTF_8), "x.txt").size());
    DataLoadException inside = tabError("S_CPT\tShort Text\n99213\tMADE UP\n");
    assertEquals(1, inside.line(), inside::getMessage);
    assertEquals(1, inside.column(), inside::getMessage);
    assertTrue(inside.getMessage().contains("'S_CPT'"), inside::getMessage);
  }

  @Test
  void combinesShortAndLongFiles() throws IOException {
    Path shortFile = dir.resolve("SHORT.txt");
    Path longFile = dir.resolve("LONG.txt");
    try (InputStream a = resource("short-fixture.txt");
        InputStream b = resource("long-fixture.txt")) {
      Files.write(shortFile, a.readAllBytes());
      Files.write(longFile, b.readAllBytes());
    }
    CodeSet set =
        LOADER.withEffectiveFrom(LocalDate.of(2025, 1, 1)).loadTabDelimited(shortFile, longFile);
    CodeEntry visit = set.find("99213").orElseThrow();
    assertEquals("MADE-UP VISIT, MIDDLE LEVEL", visit.shortDescription());
    assertEquals(
        Optional.of("Made-up office visit of middle complexity, written for tests"),
        visit.longDescription());
    assertEquals(LocalDate.of(2025, 1, 1), visit.effectiveFrom());
    assertEquals(Optional.empty(), set.find("G0438").orElseThrow().longDescription());

    Files.writeString(longFile, "99213\tMade up\n99214\tMade up, not in the short file\n");
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> LOADER.loadTabDelimited(shortFile, longFile));
    assertEquals(
        longFile
            + ", line 2, column 1: code 99214 is not in "
            + shortFile
            + "; expected files of the same release",
        e.getMessage());
  }

  @Test
  void anArchiveOrAPdfIsNamedAsSuchAtLineOne() {
    // The AMA's data files come zipped, and its layouts as PDFs: before, an archive failed at its
    // first byte that is not UTF-8, and a PDF at a row without a descriptor.
    byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 'x', 'y'};
    byte[] pdf = "%PDF-1.7\n1 0 obj\n".getBytes(UTF_8);
    for (byte[] document : List.of(zip, pdf)) {
      for (int kind = 0; kind < 3; kind++) {
        int k = kind;
        DataLoadException e =
            assertThrows(
                DataLoadException.class,
                () -> {
                  InputStream in = new ByteArrayInputStream(document);
                  if (k == 0) {
                    LOADER.loadCsv(in, "codes.zip");
                  } else if (k == 1) {
                    LOADER.loadTabDelimited(in, "codes.zip");
                  } else {
                    LOADER.loadPipeDelimited(in, "codes.zip");
                  }
                });
        assertEquals(1L, e.line(), e.getMessage());
        assertTrue(
            e.getMessage().contains(document == zip ? "ZIP archive" : "PDF document"),
            e.getMessage());
      }
    }
  }

  @Test
  void readsLatin1WhenToldAndNamesTheCharsetWhenNot() throws IOException {
    CodeSet set =
        LOADER
            .withCharset(ISO_8859_1)
            .loadTabDelimited(resource("latin1-fixture.txt"), "latin1-fixture.txt");
    assertEquals("VISITE INVENT\u00c9E", description(set, "99213"));

    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> LOADER.loadTabDelimited(resource("latin1-fixture.txt"), "latin1-fixture.txt"));
    assertEquals(
        "latin1-fixture.txt, line 1: byte 0xC9 at character 20 is not valid UTF-8;"
            + " AMA files are often Windows-1252 (Latin-1 with curly quotes and dashes): load them"
            + " with charset windows-1252",
        e.getMessage());
    assertEquals(1, e.line());
    assertEquals(0, e.column());
  }

  @Test
  void aUtf8BomWinsOverTheCharsetGiven() throws IOException {
    byte[] text = "\ufeff99213\tVISITE INVENT\u00c9E\n".getBytes(UTF_8);
    CodeSet set =
        LOADER.withCharset(ISO_8859_1).loadTabDelimited(new ByteArrayInputStream(text), "bom.txt");
    assertEquals("VISITE INVENT\u00c9E", description(set, "99213"));
  }

  @Test
  void aUtf16FileIsSaidToBeUtf16() throws IOException {
    byte[] text = "\ufeff99213\tMade up\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    // The hint was to load it as Latin-1, which then failed on a NUL at character 4.
    for (CodeSetLoader loader : List.of(LOADER, LOADER.withCharset(ISO_8859_1))) {
      DataLoadException e =
          assertThrows(
              DataLoadException.class,
              () -> loader.loadTabDelimited(new ByteArrayInputStream(text), "u16.txt"));
      assertEquals(
          "u16.txt, line 1: the source is UTF-16 (it starts with a UTF-16LE byte order mark), not "
              + loader.charset().name()
              + ": load it with charset UTF-16",
          e.getMessage());
    }
    CodeSet set =
        LOADER
            .withCharset(java.nio.charset.StandardCharsets.UTF_16)
            .loadTabDelimited(new ByteArrayInputStream(text), "u16.txt");
    assertEquals("Made up", description(set, "99213"));
  }

  @Test
  void aUtf32FileIsSaidToBeUtf32() throws IOException {
    // A UTF-32LE mark starts with UTF-16LE's and was called UTF-16; a UTF-32BE mark starts with two
    // NULs and was reported as a byte that is not UTF-8.
    for (String encoding : List.of("UTF-32LE", "UTF-32BE", "UTF-16BE")) {
      byte[] text = "\ufeff99213\tMade up\n".getBytes(Charset.forName(encoding));
      DataLoadException e =
          assertThrows(
              DataLoadException.class,
              () -> LOADER.loadTabDelimited(new ByteArrayInputStream(text), "wide.txt"));
      String family = encoding.substring(0, 6);
      assertEquals(
          "wide.txt, line 1: the source is "
              + family
              + " (it starts with a "
              + encoding
              + " byte order mark), not UTF-8: load it with charset "
              + family,
          e.getMessage());
      CodeSet set =
          LOADER
              .withCharset(Charset.forName(family))
              .loadTabDelimited(new ByteArrayInputStream(text), "wide.txt");
      assertEquals("Made up", description(set, "99213"), encoding);
    }
  }

  @Test
  void aByteOrderMarkIsRemovedWhateverTheUnicodeCharsetGiven() throws IOException {
    // UTF-16LE and UTF-16BE (and UTF-32's) decoders keep the mark as a character: the file was
    // refused because "\ufeff99213" is not a code, or "\ufeffcode" not a column name.
    for (Charset charset :
        List.of(
            java.nio.charset.StandardCharsets.UTF_16LE,
            java.nio.charset.StandardCharsets.UTF_16BE,
            Charset.forName("UTF-32LE"),
            Charset.forName("UTF-32BE"))) {
      CodeSetLoader loader = LOADER.withCharset(charset);
      CodeSet tab = loader.loadTabDelimited(bytes("\ufeff99213\tMade up\r\n", charset), "tab.txt");
      assertEquals("Made up", description(tab, "99213"), charset.name());
      CodeSet csv = loader.loadCsv(bytes("\ufeffcode,description\n99213,Made up\n", charset), "c");
      assertEquals("Made up", description(csv, "99213"), charset.name());
    }
  }

  @Test
  void aUtf16FileWithoutAByteOrderMarkIsSaidToBeUtf16() {
    // Read as UTF-8 the NULs passed and the first accented letter failed with the hint to load
    // the file as Latin-1, which then failed on a NUL; with only ASCII, a NUL was all it said.
    String text = "99213\tMade up caf\u00e9 visit\n";
    for (String wide : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
      for (CodeSetLoader loader : List.of(LOADER, LOADER.withCharset(ISO_8859_1))) {
        DataLoadException e =
            assertThrows(
                DataLoadException.class,
                () -> loader.loadTabDelimited(bytes(text, Charset.forName(wide)), "wide.txt"));
        assertEquals(
            "wide.txt, line 1: the source looks like "
                + wide
                + " without a byte order mark (a NUL byte beside every ASCII character), not "
                + loader.charset().name()
                + ": load it with charset "
                + wide,
            e.getMessage());
      }
    }
  }

  @Test
  void readsAPipeFileWithAHeader() throws IOException {
    CodeSet set = LOADER.loadPipeDelimited(resource("pipe-fixture.txt"), "pipe-fixture.txt");
    assertEquals(List.of("99213", "0042T"), codes(set));
    assertEquals("A made-up scan of brain blood flow", description(set, "0042T"));
  }

  /**
   * A quoted last field holding a bare CR (a description typed on an old Mac) is one field, and
   * refused as a description over two lines. FastCSV 4.1 dropped such a field and read the next
   * line into its place, so the row was judged on the wrong text and the next row was lost.
   */
  @Test
  void aBareCarriageReturnInAQuotedLastFieldIsThatFieldsOwn() {
    DataLoadException e =
        csvError("code,description\n99213,\"Made up,\rover two lines\"\n99214,Made up too\n");
    assertEquals(2, e.line());
    assertEquals(2, e.column());
    assertTrue(e.getMessage().contains("control character U+000D"), e::getMessage);
  }

  @Test
  void readsACsvWithQuotesCommentsAndDates() throws IOException {
    Path file = dir.resolve("list.csv");
    try (InputStream in = resource("list-fixture.csv")) {
      Files.write(file, in.readAllBytes());
    }
    CodeSet set = LOADER.loadCsv(file);
    assertEquals(List.of("99201", "99213", "99292"), codes(set));
    assertEquals("Visit, made up", description(set, "99213"));
    CodeEntry extra = set.find("99292").orElseThrow();
    assertEquals("Extra \"critical\" time, made up", extra.shortDescription());
    assertTrue(extra.addOn());
    CodeEntry retired = set.find("99201").orElseThrow();
    assertEquals(LocalDate.of(1992, 1, 1), retired.effectiveFrom());
    assertEquals(Optional.of(LocalDate.of(2020, 12, 31)), retired.effectiveTo());
    assertFalse(set.find(ProcedureCode.parse("99201"), LocalDate.of(2021, 1, 1)).isPresent());
  }

  @Test
  void csvColumnsMayComeInAnyOrderWithOnlyTheRequiredOnes() throws IOException {
    CodeSet set =
        LOADER
            .withEffectiveFrom(LocalDate.of(2024, 1, 1))
            .loadCsv(
                bytes("Description , CODE\nMade-up drug,j1100\n\"Made-up visit\",99213\n", UTF_8),
                "x.csv");
    assertEquals(List.of("99213", "J1100"), codes(set));
    assertEquals(LocalDate.of(2024, 1, 1), set.find("J1100").orElseThrow().effectiveFrom());
  }

  /**
   * A field's error names the line the field is on: a quoted cell before it that spans lines puts
   * it below the line its row starts on.
   */
  @Test
  void csvFieldErrorsAfterACellOverTwoLinesNameTheFieldsOwnLine() {
    // The row starts on line 2; its effective_from (blanks around a date are let through) runs to
    // line 3, where add_on is.
    DataLoadException flag =
        csvError("code,effective_from,add_on,description\n99213,\"\n2021-01-01\",maybe,Visit\n");
    assertEquals(3, flag.line(), flag.getMessage());
    assertEquals(3, flag.column(), flag.getMessage());
    // A row of too few fields is named at its last field, here on the row's second line.
    DataLoadException shortRow = csvError("code,description,effective_from\n\"99213\n\",Visit\n");
    assertEquals(3, shortRow.line(), shortRow.getMessage());
    assertEquals(2, shortRow.column(), shortRow.getMessage());
  }

  @Test
  void csvWithALongDescription() throws IOException {
    CodeSet set =
        LOADER.loadCsv(
            bytes(
                "code,description,long_description\n"
                    + "99213,Made up,A longer made-up text\n99214,Made up,\n",
                UTF_8),
            "x.csv");
    assertEquals(
        Optional.of("A longer made-up text"), set.find("99213").orElseThrow().longDescription());
    assertEquals(Optional.empty(), set.find("99214").orElseThrow().longDescription());
  }

  @Test
  void aLicensedLoadOverlaysAnother() throws IOException {
    CodeSet base = LOADER.loadCsv(resource("list-fixture.csv"), "list-fixture.csv");
    CodeSet licensed = LOADER.loadTabDelimited(resource("short-fixture.txt"), "short.txt");
    CodeSet merged = base.overlaidWith(licensed);
    assertEquals("MADE-UP VISIT, MIDDLE LEVEL", description(merged, "99213"));
    assertEquals("Retired made-up visit", description(merged, "99201"));
    assertEquals(5, merged.size());
  }

  // ------------------------------------------------------------------ malformed files

  @Test
  void badCodesNameLineAndColumn() {
    DataLoadException e = csvError("code,description\n99213,Made up\n9921,Made up\n");
    assertEquals(
        "x.csv, line 3, column 1: expected a procedure code such as 99213, 0001F or"
            + " G0438, but '9921' has the wrong length at index 4: expected exactly five characters",
        e.getMessage());
    assertEquals("x.csv", e.sourceName());
    assertEquals(3, e.line());
    assertEquals(1, e.column());

    DataLoadException tab = tabError("99213\tMADE UP\n9921X\tMADE UP\n");
    assertEquals(2, tab.line());
    assertEquals(1, tab.column());

    DataLoadException pipe = pipeError("1|99213|Made up\n2|I0001|Made up\n");
    assertEquals(2, pipe.line());
    assertEquals(2, pipe.column());
  }

  @Test
  void badDatesAndFlagsNameTheColumn() {
    DataLoadException date =
        csvError("code,description,effective_from,effective_to\n99213,Made up,2020-13-01,\n");
    assertEquals(
        "x.csv, line 2, column 3: expected effective_from as a date yyyy-MM-dd,"
            + " found '2020-13-01'",
        date.getMessage());
    DataLoadException order =
        csvError(
            "code,description,effective_from,effective_to\n99213,Made up,2021-01-01,2020-12-31\n");
    assertEquals(
        "x.csv, line 2, column 4: expected effective_to on or after effective_from"
            + " 2021-01-01, found 2020-12-31",
        order.getMessage());
    // Without effective_from the start is the loader's date, not a column of the file.
    DataLoadException noFrom =
        csvError("code,description,effective_to\n99213,Made up,1999-12-31\n");
    assertEquals(
        "x.csv, line 2, column 3: expected effective_to on or after 2000-01-01, the start date the"
            + " loader gives a row without effective_from (set one in the row, or another with"
            + " withEffectiveFrom), found 1999-12-31",
        noFrom.getMessage());
    DataLoadException flag = csvError("code,description,add_on\n99213,Made up,maybe\n");
    assertEquals(3, flag.column());
    assertTrue(flag.getMessage().contains("found 'maybe'"), flag.getMessage());
  }

  @Test
  void datesHaveFourDigitsOfYear() {
    // LocalDate.parse takes ISO's signed and longer years: a stray sign dated a code in 2025 BC.
    for (String date : List.of("-2025-01-01", "+2025-01-01", "+12025-01-01", "12025-01-01")) {
      DataLoadException e =
          csvError("code,description,effective_from\n99213,Made up," + date + "\n");
      assertEquals(
          "x.csv, line 2, column 3: expected effective_from as a date yyyy-MM-dd, found '"
              + date
              + "'",
          e.getMessage());
    }
  }

  @Test
  void duplicatesNameBothLines() {
    DataLoadException e =
        csvError("code,description\n99213,Made up\n99214,Made up\n 99213 ,Again made up\n");
    assertEquals(
        "x.csv, line 4, column 1: code 99213 is already on line 2; expected each code" + " once",
        e.getMessage());
    DataLoadException tab = tabError("99213\tA\n\n99213\tB\n");
    assertEquals(
        "x.txt, line 3, column 1: code 99213 is already on line 1; expected each code" + " once",
        tab.getMessage());
    DataLoadException pipe = pipeError("1|99213|A\n2|99213|B\n");
    assertEquals(2, pipe.line());
  }

  @Test
  void csvHeaderProblems() {
    assertEquals(
        "x.csv, line 1, column 2: expected a column name, one of code, description,"
            + " long_description, add_on, effective_from, effective_to; found 'descripton'",
        csvError("code,descripton\n99213,Made up\n").getMessage());
    assertEquals(
        "x.csv, line 1: expected a header with a description column",
        csvError("code\n99213\n").getMessage());
    assertEquals(
        "x.csv, line 1, column 3: column code is already column 1; expected each" + " column once",
        csvError("code,description,code\n").getMessage());
    assertEquals(
        "x.csv: found no header row; expected one naming the columns, such as"
            + " code,description",
        csvError("# only a comment\n\n").getMessage());
  }

  @Test
  void csvRowsMustMatchTheHeader() {
    // The column was 0, as if the whole line were wrong: the first field too many is named, or,
    // with too few, the last one there is (a semicolon-separated row is one field).
    assertEquals(
        "x.csv, line 3, column 3: expected 2 fields as in the header, found 3",
        csvError("code,description\n99213,Made up\n99214,Made up,extra\n").getMessage());
    assertEquals(
        "x.csv, line 2, column 1: expected 2 fields as in the header, found 1",
        csvError("code,description\n99213;Made up\n").getMessage());
    assertEquals(
        "x.csv, line 2, column 3: expected 2 fields as in the header, found 5",
        csvError("code,description\n99213,Made,up,with,commas\n").getMessage());
    DataLoadException empty = csvError("code,description\n99213,\n");
    assertEquals(
        "x.csv, line 2, column 2: expected a description, found an empty field",
        empty.getMessage());
    DataLoadException twoLines = csvError("code,description\n99213,\"Made\nup\"\n");
    assertEquals(2, twoLines.line());
    assertEquals(2, twoLines.column());
  }

  @Test
  void malformedQuotingIsACsvError() {
    DataLoadException e =
        csvError("code,description\n99212,Made up\n# note\n\n99213,\"Made up\"x\n");
    assertEquals(
        "x.csv, line 5, column 2: expected a comma or the end of the line after the closing"
            + " quote of field 2, found 'x' (U+0078) at character 16 of the line",
        e.getMessage());
  }

  @Test
  void aQuoteLeftOpenIsNamedNotTheRowsItSwallows() {
    // At the end of the file the parser ends the field with the file, without a word.
    String open =
        "x.csv, line 2, column 2: the quote that opens field 2 at character 7 of the line";
    assertTrue(csvError("code,description\n99213,\"Made up\n").getMessage().startsWith(open));
    assertTrue(csvError("code,description\n99213,\"Made up").getMessage().startsWith(open));
    // Earlier, it makes one row of every later line: the quote is the fault, not the line break.
    DataLoadException swallowed =
        csvError("code,description\n99213,\"Made up\n99214,Another\n99215,Third\n");
    assertEquals(
        open
            + " is not closed before the end of the file; expected a closing quote after the"
            + " field's value",
        swallowed.getMessage());
  }

  /**
   * A file cut inside the quoted description of its last row is refused whatever quotes come
   * before: a quote inside an unquoted field ({@code 5" wide}) or in a comment is no quote of the
   * CSV syntax, yet it evened the count that sent a text to the open-quote check, and the cut text
   * loaded as the description.
   */
  @Test
  void aFileCutInsideItsLastQuotedDescriptionIsRefused() {
    String open =
        "x.csv, line 3, column 2: the quote that opens field 2 at character 7 of the line is not"
            + " closed before the end of the file";
    assertTrue(
        csvError("code,description\n99212,Made up 5\" wide\n99213,\"Made up, cut")
            .getMessage()
            .startsWith(open));
    assertTrue(
        csvError("code,description\n# a \"quoted\" word, and one \"\n99213,\"Made up, cut")
            .getMessage()
            .startsWith(open));
    assertTrue(
        csvError("code,description\n99212,\"Made \"\"up\"\" \"\n99213,\"Made \"\"up")
            .getMessage()
            .startsWith(open));
  }

  @Test
  void filesWithoutRowsAreRejected() {
    assertEquals(
        "x.csv: found no code rows; expected rows after the header",
        csvError("code,description\n\n").getMessage());
    assertEquals(
        "x.txt: found no code rows; expected lines of the form code<TAB>descriptor",
        tabError("\r\n\r\n").getMessage());
    assertEquals(
        "x.txt: found no code rows; expected lines of the form concept id|code|" + "descriptor",
        pipeError("Concept Id|Code|Descriptor\n").getMessage());
    assertEquals(
        "x.txt: found no code rows; expected lines of the form code<TAB>descriptor",
        tabError("").getMessage());
  }

  @Test
  void tabFileShapeErrors() {
    assertEquals(
        "x.txt, line 2, column 1: expected a code, a tab and a descriptor, found no tab",
        tabError("99213\tMADE UP\n99214\n").getMessage());
    assertEquals(
        "x.txt, line 1, column 3: expected two tab-separated fields (code,"
            + " descriptor), found more",
        tabError("99213\tMADE\tUP\n").getMessage());
    assertEquals(
        "x.txt, line 1, column 2: expected a descriptor, found an empty field",
        tabError("99213\t   \n").getMessage());
  }

  @Test
  void aCodeOfTheWrongLengthBeforeSpacesIsACodeError() {
    // Spaces stand for the tab after a code of any length, so a mistyped code gets the code
    // error it gets before a tab, not "found no tab".
    String prefix =
        "x.txt, line 2, column 1: expected a procedure code such as 99213, 0001F or G0438, but";
    for (String code : List.of("9921", "992134", "  9921", "G043", "0001FF")) {
      String spaced = tabError("99213 MADE UP VISIT\n" + code + "   MADE UP VISIT\n").getMessage();
      assertTrue(spaced.startsWith(prefix), spaced);
      assertEquals(
          tabError("99213\tMADE UP VISIT\n" + code + "\tMADE UP VISIT\n").getMessage(), spaced);
    }
    assertEquals(
        prefix + " '9921' has the wrong length at index 4: expected exactly five characters",
        tabError("99213 MADE UP VISIT\n9921 MADE UP VISIT\n").getMessage());
    // A line with no tab and no space after its first word has no separator at all.
    assertEquals(
        "x.txt, line 2, column 1: expected a code, a tab and a descriptor, found no tab",
        tabError("99213 MADE UP VISIT\n  9921\n").getMessage());
  }

  @Test
  void aDescriptorOfNoBreakSpacesAloneIsAnEmptyFieldAtItsLine() throws IOException {
    // CodeEntry calls these blank; String.strip kept them, and the entry builder refused the
    // description with an IllegalArgumentException that named no file or line.
    for (String space : List.of("\u00A0", "\u2007", "\u202F", " \u00A0 ")) {
      assertEquals(
          "x.csv, line 3, column 2: expected a description, found an empty field",
          csvError("code,description\n99212,Made up\n99213," + space + "\n").getMessage());
      assertEquals(
          "x.txt, line 2, column 2: expected a descriptor, found an empty field",
          tabError("99212\tMADE UP\n99213\t" + space + "\n").getMessage());
      assertEquals(
          "x.txt, line 1, column 3: expected a descriptor, found an empty field",
          pipeError("1001|99213|" + space + "\n").getMessage());
      assertEquals(
          "x.txt, line 1, column 4: expected a descriptor, found an empty field",
          pipeError("1001|99213|5001|" + space + "\n").getMessage());
    }
    // Around a descriptor they are trimmed as other white space is.
    assertEquals(
        "Made up",
        description(
            LOADER.loadCsv(bytes("code,description\n99213,\u00A0Made up\u202F\n", UTF_8), "x.csv"),
            "99213"));
    // An optional long description of a no-break space alone is no long description, as empty.
    CodeSet set =
        LOADER.loadCsv(
            bytes("code,description,long_description\n99213,Made up,\u00A0\n", UTF_8), "x.csv");
    assertEquals(Optional.empty(), set.find("99213").orElseThrow().longDescription());
  }

  /**
   * A row of no-break spaces (or other Unicode spaces) alone is a blank row, skipped as a row of
   * ASCII blanks is, before the header as after it: the rest of the CSV loader calls these blank,
   * and the row check called such a row a short row, refused (a spreadsheet writes U+00A0 into a
   * cell typed into and cleared).
   */
  @Test
  void aRowOfNoBreakSpacesAloneIsABlankRow() throws IOException {
    for (String space : List.of("\u00A0", "\u2007", "\u202F", " \u00A0 ")) {
      for (String row : List.of(space, space + "," + space, space + ",,")) {
        CodeSet set =
            LOADER.loadCsv(
                bytes(
                    row + "\ncode,description\n99212,Made up\n" + row + "\n99213,Made up\n", UTF_8),
                "x.csv");
        assertEquals(2, set.size(), row);
        assertEquals("Made up", description(set, "99213"), row);
      }
    }
    // A row with something besides the spaces is still a row, refused as short.
    assertEquals(
        "x.csv, line 3, column 1: expected 2 fields as in the header, found 1",
        csvError("code,description\n99212,Made up\n\u00A0x\u00A0\n").getMessage());
  }

  /**
   * A line of no-break spaces (or other Unicode spaces) alone in a tab- or pipe-delimited file is a
   * blank line, skipped as a line of ASCII blanks is, as the CSV loader skips such a row: byte 0xA0
   * of a Latin-1 file is one. It was read as a row, refused ("found no tab"), and before the header
   * it took the header's place, so that the header was then refused as a code.
   */
  @Test
  void aLineOfNoBreakSpacesAloneIsBlankInTabAndPipeFiles() throws IOException {
    for (String space : List.of("\u00A0", "\u2007", "\u202F", " \u00A0\t")) {
      String blank = space + "\n";
      CodeSet tab =
          LOADER.loadTabDelimited(
              bytes(
                  blank + "CODE\tDESCRIPTOR\n99212\tMade up\n" + blank + "g0438\tMade up\n" + blank,
                  UTF_8),
              "x.txt");
      assertEquals(List.of("99212", "G0438"), codes(tab), space);
      CodeSet pipe =
          LOADER.loadPipeDelimited(
              bytes(
                  blank + "ConceptId|Code|Descriptor\n1|99212|Made up\n" + blank + "2|99213|B\n",
                  UTF_8),
              "x.txt");
      assertEquals(List.of("99212", "99213"), codes(pipe), space);
      // The lines keep their numbers: an error after such a line names its own.
      assertEquals(
          "x.txt, line 3, column 1: expected a code, a tab and a descriptor, found no tab",
          tabError("99212\tMade up\n" + blank + "99213\n").getMessage(),
          space);
    }
    // A line with something besides the spaces is still a row.
    assertEquals(
        "x.txt, line 2, column 1: expected a code, a tab and a descriptor, found no tab",
        tabError("99212\tMade up\n\u00A0x\u00A0\n").getMessage());
  }

  /**
   * A blank line before the header, of ASCII spaces or tabs as of no-break or other Unicode spaces,
   * is skipped, not read as the header: the header and every error after it keep their own lines,
   * and blank lines alone are a file without a header, as the fee schedule CSV reads them.
   */
  @Test
  void aBlankLineOfEitherKindOfSpaceBeforeTheHeaderIsSkipped() throws IOException {
    for (String space : List.of(" ", "   ", "\t", "\u00A0", "\u2007", "\u202F", " \u00A0 ")) {
      for (String row : List.of(space, space + "," + space, space + ",," + space)) {
        String blank = row + "\n" + row + "\n";
        CodeSet set =
            LOADER.loadCsv(bytes(blank + "code,description\n99213,Made up\n", UTF_8), "x.csv");
        assertEquals(List.of("99213"), codes(set), row);
        assertEquals(
            "x.csv, line 3: expected a header with a description column",
            csvError(blank + "code\n99213\n").getMessage(),
            row);
        assertEquals(
            "x.csv, line 4, column 1: expected 2 fields as in the header, found 1",
            csvError(blank + "code,description\n99213\n").getMessage(),
            row);
        assertEquals(
            "x.csv: found no header row; expected one naming the columns, such as"
                + " code,description",
            csvError(blank).getMessage(),
            row);
      }
    }
  }

  /**
   * No-break spaces (and the other Unicode spaces) around a header name, a date or an add-on flag
   * are stripped as around a code or a description: a spreadsheet writes U+00A0 into a cell typed
   * into it. They were refused with the character shown ({@code found 'code\\u00a0'}).
   */
  @Test
  void noBreakSpacesAroundHeaderNamesDatesAndFlagsAreStripped() throws IOException {
    for (String space : List.of("\u00A0", "\u2007", "\u202F", " \u00A0 ")) {
      CodeSet set =
          LOADER.loadCsv(
              bytes(
                  "code"
                      + space
                      + ","
                      + space
                      + "Description,"
                      + space
                      + "add_on"
                      + space
                      + ",effective_from"
                      + space
                      + ","
                      + space
                      + "effective_to\n"
                      + space
                      + "99292"
                      + space
                      + ",Made up,"
                      + space
                      + "Y"
                      + space
                      + ","
                      + space
                      + "2021-01-01"
                      + space
                      + ","
                      + space
                      + "2024-12-31"
                      + space
                      + "\n",
                  UTF_8),
              "x.csv");
      CodeEntry entry = set.find("99292").orElseThrow();
      assertTrue(entry.addOn(), space);
      assertEquals(LocalDate.of(2021, 1, 1), entry.effectiveFrom(), space);
      assertEquals(Optional.of(LocalDate.of(2024, 12, 31)), entry.effectiveTo(), space);
      // Alone in an optional field they are an empty field: no add-on, the loader's start date,
      // no end.
      set =
          LOADER.loadCsv(
              bytes(
                  "code,description,add_on,effective_from,effective_to\n99213,Made up,"
                      + space
                      + ","
                      + space
                      + ","
                      + space
                      + "\n",
                  UTF_8),
              "x.csv");
      entry = set.find("99213").orElseThrow();
      assertFalse(entry.addOn(), space);
      assertEquals(CodeEntry.BASELINE_DATE, entry.effectiveFrom(), space);
      assertEquals(Optional.empty(), entry.effectiveTo(), space);
    }
    // What is left after them is still judged, and shown without them.
    assertEquals(
        "x.csv, line 2, column 3: expected add_on to be Y or N (or yes/no, true/false, 1/0),"
            + " found 'maybe'",
        csvError("code,description,add_on\n99213,Made up,\u00A0maybe\u00A0\n").getMessage());
    assertEquals(
        "x.csv, line 2, column 3: expected effective_from as a date yyyy-MM-dd, found"
            + " '2021-13-01'",
        csvError("code,description,effective_from\n99213,Made up,\u00A02021-13-01\n").getMessage());
    assertEquals(
        "x.csv, line 1, column 2: expected a column name, one of code, description,"
            + " long_description, add_on, effective_from, effective_to; found 'descripton'",
        csvError("code,\u00A0descripton\u00A0\n99213,Made up\n").getMessage());
  }

  /**
   * An empty column after the last, as a spreadsheet exports one (every line, the header too,
   * ending in a comma), or a row ending in a comma, is let through, as the fee schedule CSV lets it
   * through: it holds nothing to lose. The header names as many columns as it has names before its
   * empty ones; a value beyond them is still refused, and so is an empty column between named ones.
   */
  @Test
  void anEmptyColumnAfterTheLastIsLetThrough() throws IOException {
    for (String text :
        List.of(
            "code,description,\n99213,Made up,\n",
            "code,description,,\n99213,Made up,,\n",
            "code,description, \u00A0,\n99213,Made up,\u00A0,\"\"\n",
            "code,description\n99213,Made up,\n",
            "code,description\n99213,Made up,,\n",
            "code,description,\n99213,Made up,,\n",
            "code,description,\n99213,Made up\n",
            "code,description,add_on,\n99213,Made up,Y,\n")) {
      CodeSet set = LOADER.loadCsv(bytes(text, UTF_8), "x.csv");
      assertEquals(List.of("99213"), codes(set), text);
      assertEquals("Made up", description(set, "99213"), text);
    }
    assertEquals(
        "x.csv, line 2, column 4: expected 2 fields as in the header, found 4",
        csvError("code,description,\n99213,Made up,,extra\n").getMessage());
    assertEquals(
        "x.csv, line 2, column 3: expected 2 fields as in the header, found 3",
        csvError("code,description,\n99213,Made up,extra\n").getMessage());
    assertEquals(
        "x.csv, line 2, column 1: expected 2 fields as in the header, found 1",
        csvError("code,description,,\n99213;Made up\n").getMessage());
    // An unnamed column between named ones is no trailing comma.
    assertEquals(
        "x.csv, line 1, column 2: expected a column name, one of code, description,"
            + " long_description, add_on, effective_from, effective_to; found ''",
        csvError("code,,description\n99213,,Made up\n").getMessage());
    // A header of one name, the others empty, names that column alone.
    assertEquals(
        "x.csv, line 1: expected a header with a description column",
        csvError("code,,\n99213,,\n").getMessage());
  }

  @Test
  void aLatin1NoBreakSpaceDescriptorIsNamedInTheShortOrLongFile() throws IOException {
    // Byte 0xA0 is a no-break space in Latin-1, as the AMA's files are often written.
    Path shortFile = dir.resolve("SHORTU.txt");
    Path longFile = dir.resolve("LONGULT.txt");
    Files.write(shortFile, "99212\tMADE UP\r\n99213\t\u00A0\r\n".getBytes(ISO_8859_1));
    Files.write(longFile, "99212\tMade up\r\n".getBytes(ISO_8859_1));
    CodeSetLoader latin1 = LOADER.withCharset(ISO_8859_1);
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> latin1.loadTabDelimited(shortFile));
    assertEquals(
        shortFile + ", line 2, column 2: expected a descriptor, found an empty field",
        e.getMessage());
    Files.write(shortFile, "99212\tMADE UP\r\n".getBytes(ISO_8859_1));
    Files.write(longFile, "99212\t\u00A0\r\n".getBytes(ISO_8859_1));
    e = assertThrows(DataLoadException.class, () -> latin1.loadTabDelimited(shortFile, longFile));
    assertEquals(
        longFile + ", line 1, column 2: expected a descriptor, found an empty field",
        e.getMessage());
  }

  @Test
  void readsAClinicianStylePipeFileKeepingTheFirstDescriptorOfACode() throws IOException {
    CodeSet set =
        LOADER.loadPipeDelimited(
            bytes(
                "Concept Id|CPT Code|Clinician Descriptor Id|Clinician Descriptor\n"
                    + "1001|99213|5001|First made-up wording\n"
                    + "1001|99213|5002|Second made-up wording\n"
                    + "1002|G0438|5003|Made-up yearly visit\n",
                UTF_8),
            "clinician.txt");
    assertEquals(List.of("99213", "G0438"), codes(set));
    assertEquals("First made-up wording", description(set, "99213"));
  }

  @Test
  void pipeFileShapeErrors() {
    assertEquals(
        "x.txt, line 2, column 2: expected 3 |-separated fields (concept id|code|"
            + "descriptor, or concept id|code|descriptor id|descriptor), found 2",
        pipeError("1|99213|Made up\n2|99214\n").getMessage());
    assertEquals(
        "x.txt, line 1, column 2: expected 3 or 4 |-separated fields (concept id|code|"
            + "descriptor, or concept id|code|descriptor id|descriptor), found 2",
        pipeError("1|99214\n").getMessage());
    assertEquals(
        "x.txt, line 2, column 4: expected 3 |-separated fields (concept id|code|"
            + "descriptor, or concept id|code|descriptor id|descriptor), found 4",
        pipeError("1|99213|Made up\n2|99214|7|Made up\n").getMessage());
    // The first field too many, however many there are: column 5 pointed past it.
    assertEquals(4, pipeError("1|99213|Made up\n2|99214|7|8|9|Made up\n").column());
    assertEquals(5, pipeError("1|99214|7|8|9|Made up\n").column());
    assertEquals(
        "x.txt, line 1, column 1: expected a numeric concept id, found 'A1'",
        pipeError("A1|99213|Made up\n").getMessage());
    assertEquals(
        "x.txt, line 1, column 3: expected a numeric descriptor id, found 'x'",
        pipeError("1|99213|x|Made up\n").getMessage());
  }

  @Test
  void overlongLinesAndControlCharactersAreRejected() {
    String longLine = "99213\t" + "A".repeat(SourceText.MAX_LINE_LENGTH) + "\n";
    assertEquals(
        "x.txt, line 2: the line is longer than 10000 characters; expected one code" + " per line",
        tabError("99212\tMADE UP\n" + longLine).getMessage());
    assertEquals(
        "x.txt, line 1: control character U+0000 at character 9; expected text",
        tabError("99213\tMA\u0000DE UP\n").getMessage());
    Locale before = Locale.getDefault(Locale.Category.FORMAT);
    Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("ar-EG"));
    try {
      assertEquals( // ASCII digits whatever the default locale
          "x.txt, line 1: control character U+0000 at character 9; expected text",
          tabError("99213\tMA\u0000DE UP\n").getMessage());
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, before);
    }
    // A Unicode line separator breaks a one-line description too: a load error, as CodeEntry
    // itself refuses it (it escaped as a bare IllegalArgumentException).
    assertTrue(
        tabError("99213\tMADE\u2028UP\n").getMessage().contains("line separator U+2028"),
        "a DataLoadException naming the character");
  }

  /**
   * The C1 controls U+0080 to U+009F are control characters as the C0 ones are: no text uses them.
   * A Windows-1252 file read as ISO-8859-1 has them where it has curly quotes and dashes, so that
   * error names the charset that reads them; they loaded before, into descriptions.
   */
  @Test
  void c1ControlsAreRefusedAndAWindows1252FileIsToldItsCharset() throws IOException {
    Charset windows1252 = Charset.forName("windows-1252");
    byte[] quote = "99212\tMADE UP\n99213\tPATIENT\u2019S VISIT\n".getBytes(windows1252);
    DataLoadException latin1 =
        assertThrows(
            DataLoadException.class,
            () ->
                LOADER
                    .withCharset(ISO_8859_1)
                    .loadTabDelimited(new ByteArrayInputStream(quote), "x.txt"));
    assertEquals(
        "x.txt, line 2: control character U+0092 at character 14; expected text; the file looks"
            + " like Windows-1252, in which byte 0x92 is a printable character such as a curly"
            + " quote or a dash: load it with charset windows-1252",
        latin1.getMessage());
    assertEquals(2, latin1.line());
    CodeSet set =
        LOADER.withCharset(windows1252).loadTabDelimited(new ByteArrayInputStream(quote), "x.txt");
    assertEquals("PATIENT\u2019S VISIT", description(set, "99213"));

    // Every format reads through the same check; a byte Windows-1252 leaves undefined (0x81) gets
    // no hint, as windows-1252 would refuse it too.
    DataLoadException csv =
        assertThrows(
            DataLoadException.class,
            () ->
                LOADER
                    .withCharset(ISO_8859_1)
                    .loadCsv(bytes("code,description\n99213,MADE\u0081UP\n", ISO_8859_1), "x.csv"));
    assertEquals(
        "x.csv, line 2: control character U+0081 at character 11; expected text", csv.getMessage());
    // In UTF-8 a C1 control is a character of its own (text converted twice, say): refused.
    assertEquals(
        "x.txt, line 1: control character U+0085 at character 11; expected text",
        tabError("99213\tMADE\u0085UP\n").getMessage());
    assertEquals(
        "x.txt, line 1: control character U+007F at character 11; expected text",
        tabError("99213\tMADE\u007fUP\n").getMessage());
  }

  @Test
  void aDosEndOfFileMarkEndsTheFile() throws IOException {
    // On a line of its own, or right after the last line's text: the end, not data.
    for (String text :
        List.of(
            "99212\tMADE UP\r\n99213\tMADE UP TOO\r\n\u001A",
            "99212\tMADE UP\n99213\tMADE UP TOO\u001A",
            "99212\tMADE UP\n99213\tMADE UP TOO\n\u001A\r\n")) {
      CodeSet set = LOADER.loadTabDelimited(bytes(text, UTF_8), "x.txt");
      assertEquals(List.of("99212", "99213"), codes(set), text);
      assertEquals("MADE UP TOO", description(set, "99213"));
    }
    // Before more text, it is a control character in the data.
    assertEquals(
        "x.txt, line 2: control character U+001A at character 1; expected text (a DOS end-of-file"
            + " mark ends the file; here more text follows it)",
        tabError("99212\tMADE UP\n\u001A\n99213\tMADE UP TOO\n").getMessage());
  }

  @Test
  void unreadableFilesAreIoErrorsNotDataErrors() {
    IOException e =
        assertThrows(IOException.class, () -> LOADER.loadCsv(dir.resolve("no-such-file.csv")));
    assertFalse(e instanceof DataLoadException);
  }

  @Test
  void aDirectoryIsNamed() throws IOException {
    Path directory = Files.createDirectory(dir.resolve("LONGULT.txt"));
    // The JDK's own error is "Is a directory", which names nothing.
    java.nio.file.FileSystemException e =
        assertThrows(
            java.nio.file.FileSystemException.class, () -> LOADER.loadTabDelimited(directory));
    assertEquals(directory + ": is a directory, not a file", e.getMessage());
  }

  @Test
  void nullsAreRejected() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(Path.class, Path.of("x"))
            .setDefault(LocalDate.class, LocalDate.of(2025, 1, 1))
            .setDefault(Charset.class, UTF_8)
            .setDefault(InputStream.class, new ByteArrayInputStream(new byte[0]));
    tester.testAllPublicStaticMethods(CodeSetLoader.class);
    tester.testAllPublicInstanceMethods(LOADER);
    tester.testAllPublicConstructors(DataLoadException.class);
  }
}
