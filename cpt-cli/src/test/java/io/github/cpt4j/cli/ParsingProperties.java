package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.cli.price.BatchHeader;
import io.github.cpt4j.cli.price.LineRequest;
import io.github.cpt4j.cli.price.Outcome;
import io.github.cpt4j.cli.price.PricingDefaults;
import io.github.cpt4j.cli.price.RowParser;
import io.github.cpt4j.cli.price.Settings;
import io.github.cpt4j.cli.price.ZipCode;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Laws of the command line's parsers: totality, and only their own exceptions. */
class ParsingProperties {

  private static final RowParser PARSER =
      new RowParser(
          BatchHeader.of(
              List.of(
                  "code",
                  "modifiers",
                  "units",
                  "locality",
                  "zip",
                  "setting",
                  "pos",
                  "date",
                  "claim"),
              false),
          new PricingDefaults(Optional.empty(), Setting.NON_FACILITY, LocalDate.of(2025, 6, 1)),
          zip -> Optional.of(Locality.of(zip.digits(), "01")));

  /**
   * A row of valid cells becomes the request its cells say; a row of valid cells but one becomes
   * that cell's reason, its message naming the column; a row of any cells becomes a request only
   * when its code cell is a code, that code. Random cells alone never made a request (0 of 100,000
   * rows), and a check that a row is a request or a reason could not fail.
   */
  @Property
  void aRowBecomesTheRequestOfItsCellsOrTheReasonOfItsBadCell(@ForAll("rows") TestRow test) {
    List<String> cells = test.cells();
    RowParser.Row row = PARSER.parse(cells);
    Statistics.label("row")
        .collect(row.request().isPresent() ? "request" : row.problem().orElseThrow().result());
    String codeCell = cells.get(0);
    if (test.reason().isPresent()) {
      String reason = test.reason().get();
      Outcome problem =
          row.problem().orElseThrow(() -> new AssertionError("no " + reason + ": " + cells));
      assertEquals(reason, problem.result(), problem::toString);
      String column = reason.substring("invalid_".length());
      assertTrue(problem.explanation().startsWith(column + ": "), problem::toString);
    } else if (test.valid()) {
      LineRequest request =
          row.request().orElseThrow(() -> new AssertionError(cells + ": " + row.problem()));
      assertEquals(ProcedureCode.parseLenient(codeCell), request.line().code());
      assertEquals(
          cells.get(2).isEmpty() ? 1 : Integer.parseInt(cells.get(2)), request.line().units());
      String localityCell = cells.get(3);
      Locality locality =
          localityCell.isEmpty()
              ? Locality.of(ZipCode.parse(cells.get(4)).digits(), "01")
              : Locality.parse(localityCell);
      assertEquals(locality, request.locality());
      assertEquals(
          cells.get(5).isEmpty() ? Setting.NON_FACILITY : Settings.parse(cells.get(5)),
          request.setting());
      assertEquals(
          cells.get(7).isEmpty() ? LocalDate.of(2025, 6, 1) : LocalDate.parse(cells.get(7)),
          request.date());
    } else {
      Optional<ProcedureCode> code = lenientCode(codeCell);
      if (code.isEmpty()) {
        assertEquals("invalid_code", row.problem().orElseThrow().result(), codeCell);
      }
      row.request().ifPresent(r -> assertEquals(code.orElseThrow(), r.line().code()));
      row.problem().ifPresent(p -> assertTrue(p.result().matches("[a-z_]+"), p::toString));
    }
    Statistics.label("row").coverage(c -> c.check("request").percentage(p -> p > 25));
  }

  private static Optional<ProcedureCode> lenientCode(String cell) {
    try {
      return Optional.of(ProcedureCode.parseLenient(cell));
    } catch (CodeFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The cells of a batch row under {@link #PARSER}'s header, and the reason it must give for them:
   * empty for a row of valid cells ({@code valid}) or of any cells.
   */
  record TestRow(List<String> cells, boolean valid, Optional<String> reason) {}

  /** The columns a row's cells are drawn for, in the header's order. */
  private static final List<String> COLUMNS =
      List.of("code", "modifiers", "units", "locality", "zip", "setting", "pos", "date", "claim");

  /** Cells each column refuses, by its reason's column. */
  private static final Map<String, List<String>> BAD =
      Map.of(
          "code", List.of("9921", "992134", "#9213", ""),
          "modifiers", List.of("2", "ABC", "26 59 RT LT 25"),
          "units", List.of("0", "-1", "x2", "100000", "1.5"),
          "locality", List.of("13282-9", "ABCDE-01", "13282/99"),
          "zip", List.of("1000", "ABCDE", "10001-12"),
          "setting", List.of("hospital", "fac"),
          "date", List.of("2025-13-01", "2025-02-30", "06/01/2025"));

  @Provide
  Arbitrary<TestRow> rows() {
    Arbitrary<String> code = Arbitraries.of("99213", "0001F", "27447", "G0438", " j1100 ", "0591T");
    Arbitrary<String> modifiers = Arbitraries.of("", "26", "RT 59", "25-59", "lt");
    Arbitrary<String> units = Arbitraries.oneOf(Arbitraries.just(""), units().map(String::valueOf));
    Arbitrary<String> locality =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Combinators.combine(digits5(), digits2()).as((a, b) -> a + "-" + b));
    Arbitrary<String> setting = Arbitraries.of("", "facility", "non-facility");
    Arbitrary<String> date =
        Arbitraries.oneOf(Arbitraries.just(""), dates().map(LocalDate::toString));
    Arbitrary<List<String>> valid =
        Combinators.combine(code, modifiers, units, locality, zips(), setting, date)
            .as(
                (c, m, u, l, z, st, d) ->
                    List.of(c, m, u, l, l.isEmpty() ? z.strip() : "", st, "", d, ""));
    Arbitrary<TestRow> damaged =
        // The columns as a list: a Map.of's key order changes from run to run, and with it what
        // a seed draws.
        Combinators.combine(
                valid,
                Arbitraries.of("code", "modifiers", "units", "locality", "zip", "setting", "date"),
                Arbitraries.integers())
            .as(
                (cells, column, pick) -> {
                  List<String> bad = BAD.get(column);
                  List<String> row = new ArrayList<>(cells);
                  row.set(COLUMNS.indexOf(column), bad.get(Math.floorMod(pick, bad.size())));
                  return new TestRow(row, false, Optional.of("invalid_" + column));
                });
    Arbitrary<TestRow> any =
        Combinators.combine(field(), field(), field(), field(), field(), field())
            .as(
                (c, m, u, l, z, d) ->
                    new TestRow(List.of(c, m, u, l, z, "", "", d, ""), false, Optional.empty()));
    return Arbitraries.oneOf(
        valid.map(cells -> new TestRow(cells, true, Optional.empty())), damaged, any);
  }

  @Property
  void validRowsArePricedInTheirOwnContext(@ForAll("units") int units) {
    RowParser.Row row =
        PARSER.parse(
            List.of(
                "99213",
                "25",
                String.valueOf(units),
                "13282-99",
                "",
                "facility",
                "",
                "2025-01-31",
                "A"));
    assertEquals(
        "99213-25" + (units > 1 ? " x" + units : ""),
        row.request().orElseThrow().line().toString());
    assertEquals("A", row.claim());
  }

  /**
   * A row of well-formed cells is priced in exactly the context its cells give: the locality, the
   * setting in either spelling and any case, the date of any day, and the ZIP code's first five
   * digits (the beneficiary's). One parser over many rows, as in a batch: what it remembers of the
   * previous row never leaks into the next.
   */
  @Property
  void eachCellOfAValidRowReachesTheRequest(
      @ForAll("digits5") String mac,
      @ForAll("digits2") String number,
      @ForAll("zips") String zip,
      @ForAll Setting setting,
      @ForAll boolean unhyphenated,
      @ForAll boolean upperCase,
      @ForAll("dates") LocalDate date,
      @ForAll("units") int units) {
    Locality locality = Locality.of(mac, number);
    String settingText = unhyphenated ? setting.words().replace("-", "") : setting.words();
    RowParser.Row row =
        PARSER.parse(
            List.of(
                "99213",
                "",
                String.valueOf(units),
                locality.toString(),
                zip,
                upperCase ? settingText.toUpperCase(Locale.ROOT) : settingText,
                "",
                date.toString(),
                ""));
    LineRequest request = row.request().orElseThrow(() -> new AssertionError(row.problem()));
    assertEquals(locality, request.locality());
    assertEquals(setting, request.setting());
    assertEquals(date, request.date());
    assertEquals(Optional.of(zip.strip().substring(0, 5)), request.beneficiaryZip());
    assertEquals(units, request.line().units());
  }

  /** The ZIP code's documented forms: five digits, or ZIP+4 with or without its hyphen. */
  @Property
  void aZipCodeIsFiveDigitsOrZipPlusFour(@ForAll("zipLike") String text) {
    boolean wellFormed = text.strip().matches("[0-9]{5}(-?[0-9]{4})?");
    try {
      ZipCode zip = ZipCode.parse(text);
      assertTrue(wellFormed, text);
      assertEquals(text.strip().substring(0, 5), zip.digits());
    } catch (IllegalArgumentException e) {
      assertTrue(!wellFormed, text);
    }
  }

  @Provide
  Arbitrary<String> digits5() {
    return Arbitraries.strings().numeric().ofLength(5);
  }

  @Provide
  Arbitrary<String> digits2() {
    return Arbitraries.strings().numeric().ofLength(2);
  }

  @Provide
  Arbitrary<String> zips() {
    Arbitrary<String> five = digits5();
    Arbitrary<String> four = Arbitraries.strings().numeric().ofLength(4);
    return Arbitraries.oneOf(
        five,
        Combinators.combine(five, four).as((a, b) -> a + b),
        Combinators.combine(five, four).as((a, b) -> " " + a + "-" + b + " "));
  }

  @Provide
  Arbitrary<String> zipLike() {
    return Arbitraries.oneOf(
        zips(), Arbitraries.strings().withChars("0123456789- x").ofMinLength(3).ofMaxLength(12));
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.integers()
        .between(0, 365 * 200)
        .map(days -> LocalDate.of(1900, 1, 1).plusDays(days));
  }

  @Property
  void valueParsersThrowOnlyTheirOwnException(@ForAll("field") String text) {
    for (Runnable parse :
        List.<Runnable>of(() -> ZipCode.parse(text), () -> Settings.parse(text))) {
      try {
        parse.run();
      } catch (IllegalArgumentException expected) {
        assertTrue(expected.getMessage().contains("expected"), expected::getMessage);
      }
    }
  }

  @Property
  void validateThrowsOnlyCodeFormatExceptions(@ForAll("field") String line) {
    try {
      String canonical = ValidateCommand.parse(line);
      assertEquals(canonical, ValidateCommand.parse(canonical)); // canonical is a fixed point
    } catch (CodeFormatException expected) {
      assertTrue(expected.errorIndex() >= 0 && expected.errorIndex() <= line.length());
    }
  }

  @Provide
  Arbitrary<String> field() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789-xX TCRLAFGJ \t\u00a0").ofMaxLength(14),
        Arbitraries.strings().ofMaxLength(12),
        Arbitraries.of(
            "99213",
            "0001F",
            "26",
            "RT 59",
            "13282-99",
            "10001",
            "22",
            "2025-06-01",
            "",
            "facility",
            "x2"));
  }

  @Provide
  Arbitrary<Integer> units() {
    return Arbitraries.integers().between(1, 9999);
  }
}
