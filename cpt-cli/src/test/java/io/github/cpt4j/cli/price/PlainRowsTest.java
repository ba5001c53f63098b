package io.github.cpt4j.cli.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.cli.input.CsvRecordReader;
import io.github.cpt4j.cli.report.Format;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The batch's fast path for plain lines reads every row it reads exactly as the general parser
 * reads the row's fields, and the whole batch writes the same bytes and counts with it as without
 * it.
 */
class PlainRowsTest {

  /** Cells worth trying in each column: the usual shapes, near misses and plain junk. */
  private static final Map<String, List<String>> CELLS = new LinkedHashMap<>();

  static {
    CELLS.put(
        "code",
        List.of(
            "99213", "27198", "g0101", "G0101", "0001U", "J3490", "00100", " 99213", "99213 ",
            "9921", "992134", "ABCDE", "", "99213x", "=99213", "-1"));
    CELLS.put(
        "modifiers",
        List.of(
            "",
            "",
            "25",
            "26",
            "TC",
            "25 59",
            "rt-59",
            "25-59-76-77-78",
            "2",
            "ZZ",
            " ",
            "25 ",
            "LT RT",
            "XX1",
            "59 25 26",
            "-25",
            "@1"));
    CELLS.put(
        "units",
        List.of(
            "", "1", "1", "2", "0", "00", "0001", "9999", "10000", "99999", "100000", "00000", " 1",
            "1 ", "x", "+1"));
    CELLS.put(
        "locality",
        List.of(
            "",
            "10112-00",
            "10112-00",
            "0240202",
            "02402 02",
            "99999-99",
            "bad",
            " 10112-00",
            "  ",
            "01182-18"));
    CELLS.put(
        "setting",
        List.of(
            "", "facility", "non-facility", "Facility", "nonfacility", "office", " ", "FACILITY "));
    CELLS.put(
        "date",
        List.of(
            "",
            "2025-04-05",
            "2025-04-05",
            "2025-02-30",
            "2025-4-5",
            " 2025-04-05",
            "20250405",
            "2024-12-31",
            "  "));
    CELLS.put("claim", List.of("", "C1", "C1", " C1 ", "C2", "x y", "=1", "+C", "#c", "  "));
    CELLS.put("zip", List.of("", "", "", "12345", "1234", " "));
    CELLS.put("pos", List.of("", "", "", "11", "22", "x"));
    CELLS.put("minutes", List.of("", "", "", "30", "0", " "));
    CELLS.put("practitioner", List.of("", "", "", "np", "pa", "x"));
    CELLS.put("qualifying_apm", List.of("", "", "", "yes", "n", "maybe"));
    CELLS.put(
        "present_at_induction",
        List.of(
            "", "", "Y", "n", "1", "0", "TRUE", "False", "yes", "No", " y", "yes ", "maybe", "ye"));
    CELLS.put(
        "rendering_provider",
        List.of(
            "",
            "",
            "1234567893",
            "1000000004",
            "2123456784",
            "1234567890",
            "123456789",
            "12345678931",
            "0234567893",
            "12345a7893",
            " 1234567893",
            "1234567893 ",
            " "));
    CELLS.put(
        "charge",
        List.of(
            "",
            "",
            "0",
            "180",
            "180.00",
            "45.5",
            "12.",
            ".50",
            "0001.00",
            "999999999999.99",
            "1000000000000",
            "0000000000001",
            "1.234",
            "-5",
            "$5",
            "1 ",
            " 1",
            "1e3",
            "1..0",
            "."));
    CELLS.put("note", List.of("", "abc", "-x", "@y", "a b", "#1"));
  }

  /** Valid cells of each column, which most rows are made of. */
  private static final Map<String, List<String>> USUAL =
      Map.ofEntries(
          Map.entry("code", List.of("99213", "27198", "G0101", "0001U")),
          Map.entry("modifiers", List.of("", "25", "26", "TC", "25 59")),
          Map.entry("units", List.of("", "1", "2")),
          Map.entry("locality", List.of("", "10112-00", "01182-18")),
          Map.entry("setting", List.of("", "facility", "non-facility")),
          // Two dates that differ only past their eighth byte, where the cells read before are
          // told apart by a second word.
          Map.entry("date", List.of("", "2025-04-05", "2025-04-06", "2024-12-31")),
          Map.entry("claim", List.of("", "C1", "C2")),
          Map.entry("zip", List.of("")),
          Map.entry("pos", List.of("")),
          Map.entry("minutes", List.of("")),
          Map.entry("practitioner", List.of("")),
          Map.entry("qualifying_apm", List.of("")),
          Map.entry("present_at_induction", List.of("", "Y", "N", "true", "0")),
          Map.entry("rendering_provider", List.of("", "1234567893", "1000000004", "1999999992")),
          Map.entry("charge", List.of("", "50.00", "2400", "61.92")),
          Map.entry("note", List.of("", "abc")));

  /** Mostly a usual cell of the column, sometimes any of its cells. */
  private static Arbitrary<String> cell(String column) {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.of(USUAL.get(column))),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(CELLS.get(column))));
  }

  private static final Set<Locality> KNOWN =
      Set.of(Locality.parse("10112-00"), Locality.parse("02402-02"), Locality.parse("01182-18"));

  /** A header (column names as a file may spell them) and rows of cells under it. */
  record Sample(List<String> header, List<List<String>> rows, boolean withDefaultLocality) {

    List<String> lines() {
      return rows.stream().map(r -> String.join(",", r)).toList();
    }
  }

  @Provide
  Arbitrary<Sample> samples() {
    Arbitrary<List<String>> header =
        Arbitraries.of(List.copyOf(CELLS.keySet()))
            .list()
            .uniqueElements()
            .ofMinSize(1)
            .ofMaxSize(9)
            .map(
                names -> {
                  List<String> all = new ArrayList<>(names);
                  if (!all.contains("code")) {
                    all.add(all.size() / 2, "code");
                  }
                  return all;
                });
    return header.flatMap(
        names -> {
          List<Arbitrary<String>> cells = names.stream().map(PlainRowsTest::cell).toList();
          Arbitrary<List<String>> row =
              Combinators.combine(cells)
                  .as(List::copyOf)
                  .flatMap(
                      r ->
                          Arbitraries.frequencyOf(
                              net.jqwik.api.Tuple.of(8, Arbitraries.just(r)),
                              net.jqwik.api.Tuple.of(1, Arbitraries.just(withExtraField(r))),
                              net.jqwik.api.Tuple.of(
                                  1, Arbitraries.just(r.subList(0, r.size() - 1)))));
          return Combinators.combine(
                  Arbitraries.of(spellings(names)),
                  row.list().ofMinSize(1).ofMaxSize(12),
                  Arbitraries.of(true, false))
              .as(Sample::new);
        });
  }

  private static List<String> withExtraField(List<String> row) {
    List<String> longer = new ArrayList<>(row);
    longer.add("x");
    return longer;
  }

  /** The names as given, or in capitals with blanks around them: both name the same columns. */
  private static List<List<String>> spellings(List<String> names) {
    return List.of(
        names, names.stream().map(n -> " " + n.toUpperCase(java.util.Locale.ROOT)).toList());
  }

  /**
   * The defaults of a run with or without a default locality; with one, presence at induction is
   * said by default too, so that blank present_at_induction cells are read under both defaults.
   */
  private static PricingDefaults defaults(boolean withLocality) {
    return new PricingDefaults(
        withLocality ? Optional.of(Locality.parse("02402-02")) : Optional.empty(),
        Setting.NON_FACILITY,
        LocalDate.of(2025, 6, 1),
        Optional.empty(),
        PractitionerType.PHYSICIAN,
        false,
        Optional.empty(),
        withLocality,
        Map.of(),
        false);
  }

  /** The fields the general reader reads from a line. */
  private static List<String> readFields(String line) throws IOException {
    CsvRecordReader reader =
        new CsvRecordReader(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
    return reader.next().fields();
  }

  @Property(tries = 400)
  void readsEveryRowItReadsAsTheGeneralParserDoes(@ForAll("samples") Sample sample)
      throws IOException {
    BatchHeader header = BatchHeader.of(sample.header(), false);
    PricingDefaults defaults = defaults(sample.withDefaultLocality());
    Predicate<Locality> known = KNOWN::contains;
    RowParser reference = new RowParser(header, defaults, zip -> Optional.empty(), known);
    PlainRows fast =
        new PlainRows(
            header,
            defaults,
            new RowParser(header, defaults, zip -> Optional.empty(), known),
            known);
    // One buffer for all lines, as in a chunk, so that the caches carry from row to row.
    String prefix = "junk\n";
    StringBuilder all = new StringBuilder(prefix);
    List<int[]> ranges = new ArrayList<>();
    for (String line : sample.lines()) {
      ranges.add(new int[] {all.length(), all.length() + line.length()});
      all.append(line).append('\n');
    }
    byte[] bytes = all.toString().getBytes(StandardCharsets.US_ASCII);
    for (int r = 0; r < ranges.size(); r++) {
      String line = sample.lines().get(r);
      int start = ranges.get(r)[0];
      int end = ranges.get(r)[1];
      List<String> fields = PlainRows.fields(bytes, start, end);
      if (!line.isEmpty()) {
        assertEquals(readFields(line), fields);
      }
      boolean whole = fields.size() == header.size();
      for (int f = 0; f < fields.size(); f++) {
        String cell = fields.get(f);
        whole &= cell.isEmpty() || !CsvRows.startsFormula(cell.charAt(0), f == 0);
      }
      assertEquals(whole, fast.isWhole(bytes, start, end), line);
      RowParser.Row general = reference.parse(fields);
      RowParser.Row row = whole ? fast.parse(bytes) : null;
      Statistics.collect(row != null ? "fast" : "general");
      if (row != null) {
        assertTrue(general.problem().isEmpty(), () -> line + " " + general.problem());
        assertEquals(general.request(), row.request(), line);
        assertEquals(general.claim(), row.claim(), line);
      }
    }
  }

  /** The columns of a typical batch file, read with the defaults of {@code defaults(false)}. */
  private static final BatchHeader BATCH =
      BatchHeader.of(
          List.of("claim", "code", "modifiers", "units", "locality", "setting", "date"), false);

  private static RowParser batchParser() {
    return new RowParser(BATCH, defaults(false), zip -> Optional.empty(), KNOWN::contains);
  }

  private static PlainRows batchFastPath(RowParser general) {
    return new PlainRows(BATCH, defaults(false), general, KNOWN::contains);
  }

  @Test
  void readsTheBatchShapes() {
    RowParser general = batchParser();
    PlainRows fast = batchFastPath(general);
    byte[] line =
        "C1,99232,25,1,10112-00,non-facility,2025-04-05".getBytes(StandardCharsets.US_ASCII);
    assertTrue(fast.isWhole(line, 0, line.length));
    RowParser.Row row = fast.parse(line);
    assertNotNull(row);
    assertEquals("C1", row.claim());
    assertEquals(general.parse(PlainRows.fields(line, 0, line.length)).request(), row.request());
    // An unknown locality is the general parser's to report.
    byte[] unknown =
        "C1,99232,25,1,99999-99,non-facility,2025-04-05".getBytes(StandardCharsets.US_ASCII);
    assertTrue(fast.isWhole(unknown, 0, unknown.length));
    assertNull(fast.parse(unknown));
  }

  /**
   * A present_at_induction cell of a yes-or-no word keeps a row on the fast path, read as the
   * general parser reads it; a blank one takes the default, and any other the general path.
   */
  @Test
  void readsPresenceAtInductionWithoutLeavingTheFastPath() {
    BatchHeader header =
        BatchHeader.of(List.of("claim", "code", "modifiers", "present_at_induction"), false);
    for (boolean byDefault : new boolean[] {false, true}) {
      PricingDefaults defaults =
          new PricingDefaults(
              Optional.of(Locality.parse("10112-00")),
              Setting.FACILITY,
              LocalDate.of(2025, 6, 2),
              Optional.empty(),
              PractitionerType.PHYSICIAN,
              false,
              Optional.empty(),
              byDefault,
              Map.of(),
              false);
      RowParser general = new RowParser(header, defaults, zip -> Optional.empty(), KNOWN::contains);
      PlainRows fast = new PlainRows(header, defaults, general, KNOWN::contains);
      Map<String, Boolean> cells =
          Map.of(
              "Y", true, "yes", true, "TRUE", true, "1", true, "n", false, "No", false, "false",
              false, "0", false, "", byDefault);
      for (Map.Entry<String, Boolean> cell : cells.entrySet()) {
        byte[] line = ("A,00790,AD," + cell.getKey()).getBytes(StandardCharsets.US_ASCII);
        assertTrue(fast.isWhole(line, 0, line.length));
        RowParser.Row row = fast.parse(line);
        assertNotNull(row, cell::getKey);
        assertEquals(
            cell.getValue(), row.request().orElseThrow().presentAtInduction(), cell::getKey);
        assertEquals(
            general.parse(PlainRows.fields(line, 0, line.length)).request(), row.request());
      }
      for (String other : List.of("maybe", "ye", " y", "yes ")) {
        byte[] line = ("A,00790,AD," + other).getBytes(StandardCharsets.US_ASCII);
        assertTrue(fast.isWhole(line, 0, line.length));
        assertNull(fast.parse(line), other);
      }
    }
  }

  /**
   * A rendering_provider cell holding an NPI keeps a row on the fast path, read as the general
   * parser reads it, the NPIs of a claim's rows each its own; a blank one is no provider, and any
   * other cell (blanks around an NPI, a wrong check digit) takes the general path, which reads or
   * refuses it.
   */
  @Test
  void readsTheRenderingProviderWithoutLeavingTheFastPath() {
    BatchHeader header =
        BatchHeader.of(List.of("claim", "code", "modifiers", "rendering_provider"), false);
    PricingDefaults defaults = defaults(true);
    RowParser general = new RowParser(header, defaults, zip -> Optional.empty(), KNOWN::contains);
    PlainRows fast = new PlainRows(header, defaults, general, KNOWN::contains);
    for (String cell : List.of("1234567893", "1000000004", "1234567893", "", "2123456784")) {
      byte[] line = ("A,27447,80," + cell).getBytes(StandardCharsets.US_ASCII);
      assertTrue(fast.isWhole(line, 0, line.length));
      RowParser.Row row = fast.parse(line);
      assertNotNull(row, cell);
      assertEquals(
          cell.isEmpty() ? Optional.empty() : Optional.of(Npi.parse(cell)),
          row.request().orElseThrow().renderingProvider(),
          cell);
      assertEquals(general.parse(PlainRows.fields(line, 0, line.length)).request(), row.request());
    }
    for (String other : List.of("1234567890", " 1234567893", "123", "x")) {
      byte[] line = ("A,27447,80," + other).getBytes(StandardCharsets.US_ASCII);
      assertTrue(fast.isWhole(line, 0, line.length));
      assertNull(fast.parse(line), other);
    }
  }

  /**
   * Many distinct dates through one fast path, as in a long batch: each reads as the general parser
   * reads it. Dates of one month share their first eight bytes and differ only in the last two, so
   * the table of cells read before must tell them apart by those two as well; a few hundred of them
   * make its slots collide.
   */
  @Property(tries = 100) // each try reads 100 to 400 dates
  void manyDatesOfOneMonthEachReadAsTheGeneralParserReadsThem(
      @ForAll("manyDates") List<LocalDate> dates) {
    RowParser general = batchParser();
    PlainRows fast = batchFastPath(general);
    for (LocalDate date : dates) {
      byte[] line = ("C1,99213,,1,10112-00,facility," + date).getBytes(StandardCharsets.US_ASCII);
      assertTrue(fast.isWhole(line, 0, line.length));
      RowParser.Row row = fast.parse(line);
      assertNotNull(row, () -> date.toString());
      assertEquals(date, row.request().orElseThrow().date());
    }
  }

  @Provide
  Arbitrary<List<LocalDate>> manyDates() {
    return Arbitraries.integers()
        .between(0, 2 * 365)
        .map(days -> LocalDate.of(2024, 1, 1).plusDays(days))
        .list()
        .ofMinSize(100)
        .ofMaxSize(400);
  }

  /** Each line's amount and explanation say what request it was, so any difference shows. */
  private static final RowPricer ECHO =
      (lines, participating) -> {
        List<Outcome> outcomes = new ArrayList<>();
        for (LineRequest line : lines) {
          int hash = line.toString().hashCode();
          outcomes.add(
              hash % 3 == 0
                  ? Outcome.notPriced("not_covered", lines.size() + " " + line)
                  : Outcome.priced(
                      BigDecimal.valueOf(Math.abs(hash % 100_000), 2),
                      hash % 3 == 1 ? "" : "size " + lines.size()));
        }
        return outcomes;
      };

  @Provide
  Arbitrary<String> files() {
    Arbitrary<String> odd =
        Arbitraries.of(
            "\"C1\",99213,25,1,10112-00,,",
            "\"a\nb\",99213,,,,,",
            "\"broken,99213",
            "C\u00e9,99213,,,,,",
            "",
            "C1,99213,\"25,59\",1,,,",
            "=cmd,99213,,,,,",
            "C1,99213,,,,,\r");
    Arbitrary<String> plain =
        Combinators.combine(
                cell("claim"),
                cell("code"),
                cell("modifiers"),
                cell("units"),
                cell("locality"),
                cell("setting"),
                cell("date"))
            .as((a, b, c, d, e, f, g) -> String.join(",", a, b, c, d, e, f, g));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, plain), net.jqwik.api.Tuple.of(1, odd))
        .list()
        .ofMaxSize(1_500)
        .map(
            lines ->
                "claim,code,modifiers,units,locality,setting,date\n"
                    + String.join("\n", lines)
                    + "\n");
  }

  /** The whole batch, fast path on and off: the same bytes out, the same counts. */
  @Property(tries = 60)
  void theBatchWritesTheSameWithAndWithoutTheFastPath(
      @ForAll("files") String file, @ForAll boolean json) throws IOException {
    BatchPricing batch =
        new BatchPricing(defaults(true), true, ECHO, zip -> Optional.empty(), KNOWN::contains, 2);
    StringWriter fast = new StringWriter();
    StringWriter general = new StringWriter();
    Format format = json ? Format.JSON : Format.CSV;
    BatchPricing.Summary a = batch.run(in(file), fast, format, rows -> {});
    BatchPricing.Summary b = batch.generalPathOnly().run(in(file), general, format, rows -> {});
    assertEquals(general.toString(), fast.toString());
    assertEquals(b, a);
  }

  @Test
  void cutsAClaimTooLongAsTheGeneralPathDoes() throws IOException {
    StringBuilder file = new StringBuilder("claim,code,units\n");
    for (int i = 0; i < BatchPricing.MAX_CLAIM_LINES + 3; i++) {
      file.append(i % 500 == 7 ? "\"C1\"" : " C1").append(",99213,1\n");
    }
    file.append("C2,99213,1\nC1,99213,2\n");
    BatchPricing batch =
        new BatchPricing(defaults(true), true, ECHO, zip -> Optional.empty(), KNOWN::contains, 2);
    StringWriter fast = new StringWriter();
    StringWriter general = new StringWriter();
    BatchPricing.Summary a = batch.run(in(file.toString()), fast, Format.CSV, rows -> {});
    BatchPricing.Summary b =
        batch.generalPathOnly().run(in(file.toString()), general, Format.CSV, rows -> {});
    assertEquals(general.toString(), fast.toString());
    assertEquals(b, a);
    assertEquals(3, a.invalid()); // the three lines past the limit
  }

  private static ByteArrayInputStream in(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
