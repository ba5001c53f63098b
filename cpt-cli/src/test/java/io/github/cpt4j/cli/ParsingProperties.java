package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.cli.price.BatchHeader;
import io.github.cpt4j.cli.price.LineRequest;
import io.github.cpt4j.cli.price.PricingDefaults;
import io.github.cpt4j.cli.price.RowParser;
import io.github.cpt4j.cli.price.Settings;
import io.github.cpt4j.cli.price.ZipCode;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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

  @Property
  void aRowAlwaysBecomesARequestOrAReason(
      @ForAll("field") String code,
      @ForAll("field") String modifiers,
      @ForAll("field") String units,
      @ForAll("field") String locality,
      @ForAll("field") String zip,
      @ForAll("field") String date) {
    RowParser.Row row =
        PARSER.parse(List.of(code, modifiers, units, locality, zip, "", "", date, ""));
    assertTrue(row.request().isPresent() != row.problem().isPresent());
    row.problem().ifPresent(p -> assertTrue(p.result().matches("[a-z_]+"), p::toString));
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
