package io.github.cpt4j.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.code.CodeArbitraries;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.text.WhiteSpace;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The round trip of a billed line: its claim line, its charge, its date and its rendering provider,
 * each optional.
 */
class BilledLineProperties {

  /** The first and last days of four-digit years, the dates of the text form. */
  private static final LocalDate FIRST_DAY = LocalDate.of(0, 1, 1);

  private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

  /**
   * A line dated in a year before 0000 or after 9999 writes the year signed, as {@code LocalDate}
   * does, and that text is refused, naming the date, rather than read back as a date thousands of
   * years off: the command line, the JSON module and the data loaders refuse it too.
   */
  @Property
  void outOfRangeYearsAreRefused(
      @ForAll("billedLines") BilledLine billed, @ForAll("outOfRangeDays") LocalDate day) {
    BilledLine dated = billed.withDateOfService(day);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BilledLine.parse(dated.toString()));
    assertTrue(
        e.getMessage()
            .startsWith("a date of service is YYYY-MM-DD, such as 2025-06-02, not '" + day + "': "),
        e::getMessage);
  }

  @Provide
  Arbitrary<LocalDate> outOfRangeDays() {
    return Arbitraries.oneOf(
            Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), FIRST_DAY.toEpochDay() - 1),
            Arbitraries.longs().between(LAST_DAY.toEpochDay() + 1, LocalDate.MAX.toEpochDay()))
        .map(LocalDate::ofEpochDay);
  }

  /**
   * A charge of many digits (leading zeros, zeros after the point, a digit far out) reads as {@code
   * new BigDecimal} reads it, then {@link BilledLine#of(ClaimLine, BigDecimal)}: the same charge,
   * or the same refusal. Past 80 significant digits the reader keeps only what decides, since
   * BigDecimal takes time quadratic in the digits; this holds it to the full reading.
   */
  @Property(tries = 300)
  void aLongChargeReadsAsItsFullDigits(@ForAll("longCharges") String charge) {
    ClaimLine line = ClaimLine.parse("99213");
    String expected;
    try {
      expected = BilledLine.of(line, new BigDecimal(charge)).toString();
    } catch (IllegalArgumentException e) {
      expected = "refused: " + e.getMessage();
    }
    String actual;
    try {
      actual = BilledLine.parse("99213 $" + charge).toString();
    } catch (IllegalArgumentException e) {
      actual = "refused: " + e.getMessage();
    }
    assertEquals(expected, actual, charge);
  }

  @Provide
  Arbitrary<String> longCharges() {
    Arbitrary<String> zeros = Arbitraries.integers().between(0, 120).map("0"::repeat);
    Arbitrary<String> digits =
        Arbitraries.strings().withChars("0000123456789").ofMinLength(1).ofMaxLength(120);
    Arbitrary<String> fraction =
        Combinators.combine(
                digits, zeros, Arbitraries.strings().withChars("0000001").ofMaxLength(3))
            .as((a, b, c) -> a + b + c);
    return Combinators.combine(
            Arbitraries.of("", "-"),
            zeros,
            Arbitraries.oneOf(digits, Arbitraries.just("")),
            fraction.optional())
        .as(
            (sign, lead, whole, frac) ->
                sign + lead + whole + frac.map(f -> "." + f).orElse(lead.isEmpty() ? "0" : ""));
  }

  @Provide
  Arbitrary<BilledLine> billedLines() {
    // Charges below a trillion dollars, written with up to five decimals when the cents allow it
    // (12.50000 is whole cents); dates of every four-digit year, the dates the text form has
    // (a signed or longer year is refused: outOfRangeYearsAreRefused).
    Arbitrary<Optional<BigDecimal>> charges =
        Combinators.combine(
                Arbitraries.oneOf(
                    Arbitraries.longs().between(0, 99_999_999_999_999L),
                    Arbitraries.longs().between(0, 100_000),
                    Arbitraries.of(0L, 1L, 50L, 99L, 100L, 99_999_999_999_999L)),
                Arbitraries.integers().between(0, 3))
            .as((cents, extra) -> BigDecimal.valueOf(cents, 2).setScale(2 + extra))
            .optional();
    Arbitrary<Optional<LocalDate>> dates =
        Arbitraries.oneOf(
                Arbitraries.longs()
                    .between(FIRST_DAY.toEpochDay(), LAST_DAY.toEpochDay())
                    .map(LocalDate::ofEpochDay),
                Arbitraries.integers().between(18_000, 22_000).map(LocalDate::ofEpochDay))
            .optional();
    Arbitrary<Optional<Npi>> providers = NpiProperties.npis().map(Npi::parse).optional();
    return Combinators.combine(new ClaimLineProperties().lines(), charges, dates, providers)
        .as(
            (line, charge, date, provider) -> {
              BilledLine billed =
                  charge.map(c -> BilledLine.of(line, c)).orElse(BilledLine.of(line));
              billed = date.map(billed::withDateOfService).orElse(billed);
              return provider.map(billed::withRenderingProvider).orElse(billed);
            });
  }

  @Property
  void toStringThenParseGivesTheSameBilledLine(@ForAll("billedLines") BilledLine billed) {
    String text = billed.toString();
    BilledLine parsed = BilledLine.parse(text);
    assertEquals(billed, parsed, text);
    assertEquals(billed.line(), parsed.line(), text);
    assertEquals(billed.charge(), parsed.charge(), text);
    assertEquals(billed.dateOfService(), parsed.dateOfService(), text);
    assertEquals(billed.renderingProvider(), parsed.renderingProvider(), text);
    assertEquals(text, parsed.toString());
    assertEquals(billed.hashCode(), parsed.hashCode(), text);
    billed.charge().ifPresent(c -> assertEquals(2, c.scale(), text));
    // Blanks around the whole text and around its parts read the same.
    assertEquals(billed, BilledLine.parse("\t " + text.replace(" $", "  $ ") + " \u00a0"), text);
    // Any white space separates the parts, tabs and no-break spaces too, and on and by are words
    // of either case.
    String spaced = text.replace(" on ", " ON ").replace(" by ", " By ").replace(" ", "\t\u00a0 ");
    assertEquals(billed, BilledLine.parse(spaced), spaced);
    assertTrue(billed.withoutDateOfService().dateOfService().isEmpty());
    assertEquals(billed.line(), billed.withoutDateOfService().line());
  }

  /**
   * A line typed with the modifiers that spell the grammar's words, ON and BY, of any case and
   * between any white space, with or without a charge, a date and a rendering provider: "99213 by
   * 25 on 2025-06-02" was once refused, the date read into the NPI.
   */
  @Property
  void modifiersThatSpellOnAndByAreModifiers(
      @ForAll("wordLines") Tuple.Tuple2<BilledLine, String> typed) {
    assertEquals(typed.get1(), BilledLine.parse(typed.get2()), typed.get2());
  }

  @Provide
  Arbitrary<Tuple.Tuple2<BilledLine, String>> wordLines() {
    Arbitrary<List<String>> modifiers =
        Arbitraries.of("ON", "BY", "on", "by", "On", "bY", "25", "RT", "59", "TC")
            .list()
            .ofMaxSize(ClaimLine.MAX_MODIFIERS);
    Arbitrary<String> space = Arbitraries.of(" ", "  ", "\t", "\u00a0", " \t ");
    Arbitrary<Optional<String>> units = Arbitraries.of("x2", "x10", "7min").optional(0.3);
    Arbitrary<Optional<BigDecimal>> charges =
        Arbitraries.longs().between(0, 10_000_000).map(c -> BigDecimal.valueOf(c, 2)).optional();
    Arbitrary<Optional<LocalDate>> dates =
        Arbitraries.integers().between(18_000, 22_000).map(LocalDate::ofEpochDay).optional();
    Arbitrary<Optional<Npi>> providers = NpiProperties.npis().map(Npi::parse).optional();
    Arbitrary<List<String>> spaces = space.list().ofSize(8);
    return Combinators.combine(
            CodeArbitraries.procedureCodes(), modifiers, units, charges, dates, providers, spaces)
        .as(
            (code, mods, unit, charge, date, provider, sp) -> {
              StringBuilder text = new StringBuilder(code.toString());
              for (int i = 0; i < mods.size(); i++) {
                text.append(sp.get(i)).append(mods.get(i));
              }
              unit.ifPresent(u -> text.append(sp.get(4)).append(u));
              String line = text.toString();
              charge.ifPresent(c -> text.append(sp.get(5)).append('$').append(c.toPlainString()));
              date.ifPresent(d -> text.append(sp.get(6)).append("on ").append(d));
              provider.ifPresent(n -> text.append(sp.get(7)).append("by ").append(n));
              ClaimLine claimLine = ClaimLine.parse(line);
              BilledLine billed =
                  charge.map(c -> BilledLine.of(claimLine, c)).orElse(BilledLine.of(claimLine));
              billed = date.map(billed::withDateOfService).orElse(billed);
              billed = provider.map(billed::withRenderingProvider).orElse(billed);
              return Tuple.of(billed, text.toString());
            });
  }

  /**
   * The two readers of a charge from text, {@link BilledLine#parse} after its "$" and {@link
   * Claim.Builder#add(CharSequence, String)}, take the same texts, with the same white space around
   * them, and refuse the same with the same message: a charge is ASCII digits with at most one
   * point, after an optional minus sign. They once differed (trim() against the claim line's white
   * space), and both took Arabic-Indic and full-width digits and exponents.
   */
  @Property(tries = 2000)
  void bothChargeReadersTakeAsciiDecimalsAlike(@ForAll("chargeTexts") String charge) {
    String shown = CodeFormatException.quote(charge);
    boolean decimal = WhiteSpace.strip(charge).matches("-?([0-9]+\\.?[0-9]*|\\.[0-9]+)");
    BilledLine parsed = null;
    String parseError = null;
    try {
      parsed = BilledLine.parse("99213 $" + charge);
    } catch (IllegalArgumentException e) {
      parseError = e.getMessage();
    }
    try {
      BilledLine added = Claim.builder().add("99213", charge).build().line(0);
      assertEquals(parsed, added, shown);
      assertTrue(decimal, shown);
    } catch (NumberFormatException e) {
      assertFalse(decimal, shown);
      assertEquals(parseError + " (line '99213')", e.getMessage());
      assertTrue(parseError.startsWith("a billed charge is a decimal number"), parseError);
    } catch (IllegalArgumentException e) {
      // Well-formed, refused as a value: negative, fractions of a cent.
      assertTrue(decimal, shown);
      assertEquals(parseError, e.getMessage());
    }
  }

  @Provide
  Arbitrary<String> chargeTexts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789.-").ofMaxLength(8),
        Arbitraries.strings()
            .withChars("0123456789.-+eE,$ \t\u00a0\u2003\n\u0000\u0660\u0669\uff10\uff19")
            .ofMaxLength(8));
  }
}
