package io.github.cpt4j.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** What the module writes, it reads back equal: as text and as UTF-8 bytes. */
class RoundTripProperties {

  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new CptModule());

  private static <T> void roundTrips(T value, Class<T> type) throws Exception {
    assertEquals(value, MAPPER.readValue(MAPPER.writeValueAsString(value), type));
    assertEquals(value, MAPPER.readValue(MAPPER.writeValueAsBytes(value), type));
  }

  @Property(tries = 300)
  void claimsRoundTrip(@ForAll("claims") Claim claim) throws Exception {
    roundTrips(claim, Claim.class);
  }

  @Property(tries = 300)
  void feeResultsRoundTrip(@ForAll("results") FeeResult result) throws Exception {
    roundTrips(result, FeeResult.class);
  }

  @Property(tries = 300)
  void editFindingsRoundTrip(@ForAll("findings") EditFinding finding) throws Exception {
    roundTrips(finding, EditFinding.class);
  }

  /**
   * A context is written, not read (a priced claim's parts are read back, not the claim): its
   * rendering providers' types, the one part of it that is a map, read back equal through the
   * module's {@code Npi} keys, and the rest of it is written exactly as the same context without
   * them, with {@code "practitioners"} right after {@code "practitioner"} and only when given.
   * Equal contexts, their providers given in another order, are written alike.
   */
  @Property(tries = 300)
  void contextsWriteTheirPractitionersAndNothingElseChanges(
      @ForAll("contexts") PricingContext base,
      @ForAll("practitionerMaps") List<Map.Entry<Npi, PractitionerType>> entries)
      throws Exception {
    PricingContext context = base;
    PricingContext reversed = base;
    for (int i = 0; i < entries.size(); i++) {
      context = context.withPractitioner(entries.get(i).getKey(), entries.get(i).getValue());
      Map.Entry<Npi, PractitionerType> last = entries.get(entries.size() - 1 - i);
      reversed = reversed.withPractitioner(last.getKey(), last.getValue());
    }
    String json = MAPPER.writeValueAsString(context);
    assertEquals(json, new String(MAPPER.writeValueAsBytes(context), StandardCharsets.UTF_8));
    assertEquals(context, reversed);
    assertEquals(json, MAPPER.writeValueAsString(reversed));

    ObjectNode tree = (ObjectNode) MAPPER.readTree(json);
    List<String> names = new ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    JsonNode practitioners = tree.remove("practitioners");
    if (context.practitioners().isEmpty()) {
      assertNull(practitioners, json);
    } else {
      assertEquals(names.indexOf("practitioner") + 1, names.indexOf("practitioners"), json);
      Map<Npi, PractitionerType> read =
          MAPPER.readValue(
              MAPPER.treeAsTokens(practitioners),
              new TypeReference<Map<Npi, PractitionerType>>() {});
      assertEquals(context.practitioners(), read);
    }
    assertEquals(MAPPER.writeValueAsString(base), MAPPER.writeValueAsString(tree));
  }

  @Provide
  Arbitrary<PricingContext> contexts() {
    Arbitrary<PricingContext> located =
        Combinators.combine(
                Arbitraries.integers().between(0, 40_000).map(LocalDate::ofEpochDay),
                Arbitraries.of("13282-99", "01112-05", "13202-01"),
                Arbitraries.of(Setting.class))
            .as((date, area, setting) -> PricingContext.of(date, Locality.parse(area), setting));
    Arbitrary<PricingContext> unlocated =
        Combinators.combine(
                Arbitraries.integers().between(0, 40_000).map(LocalDate::ofEpochDay),
                Arbitraries.of(Setting.class))
            .as(PricingContext::withoutArea);
    return Combinators.combine(
            Arbitraries.oneOf(located, unlocated),
            Arbitraries.of(PractitionerType.class),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.of(11, 22, 24, 31).injectNull(0.5),
            Arbitraries.of("10001", "14604").injectNull(0.5),
            Arbitraries.of(true, false))
        .as(
            (context, type, participating, qp, place, zip, present) -> {
              PricingContext c =
                  context
                      .withPractitioner(type)
                      .withParticipating(participating)
                      .withQualifyingApmParticipant(qp)
                      .withSupervisorPresentAtInduction(present);
              c = place == null ? c : c.withPlaceOfService(PlaceOfService.of(place));
              return zip == null ? c : c.withBeneficiaryZip(zip);
            });
  }

  /**
   * From 0 to 2 rendering providers of distinct NPIs and their types: of one NPI given twice {@link
   * PricingContext#withPractitioner(Npi, PractitionerType)} keeps the last type, which the reversed
   * order would change.
   */
  @Provide
  Arbitrary<List<Map.Entry<Npi, PractitionerType>>> practitionerMaps() {
    return Combinators.combine(npis(), Arbitraries.of(PractitionerType.class))
        .as(Map::entry)
        .list()
        .ofMaxSize(2)
        .uniqueElements(Map.Entry::getKey);
  }

  /** Any text, surrogates and control characters among it. */
  private static Arbitrary<String> text() {
    return Arbitraries.strings().all().ofMaxLength(20);
  }

  private static Arbitrary<String> rule() {
    return Arbitraries.strings()
        .withCharRange('!', '~')
        .excludeChars(';', ':')
        .ofMinLength(1)
        .ofMaxLength(10);
  }

  /** A quadrillion dollars: the least amount a fee, or a step's amount after, cannot be. */
  private static final BigDecimal QUADRILLION = BigDecimal.TEN.pow(15);

  /**
   * Any amount of a fee from 0 to 999999999999999 dollars, of up to 100 decimal places (the most
   * the module reads), and zero of any exponent up to that: the range {@link FeeResult#priced} and
   * {@link PricingStep#of} take.
   */
  private static Arbitrary<BigDecimal> amount() {
    Arbitrary<BigDecimal> nonZero =
        Arbitraries.integers()
            .between(-14, JsonFields.MAX_AMOUNT_SCALE)
            .flatMap(
                scale ->
                    Arbitraries.bigIntegers()
                        .between(
                            BigInteger.ONE, BigInteger.TEN.pow(15 + scale).subtract(BigInteger.ONE))
                        .map(u -> new BigDecimal(u, scale)));
    Arbitrary<BigDecimal> zero =
        Arbitraries.integers()
            .between(Integer.MIN_VALUE, JsonFields.MAX_AMOUNT_SCALE)
            .map(scale -> new BigDecimal(BigInteger.ZERO, scale));
    return Arbitraries.frequencyOf(Tuple.of(9, nonZero), Tuple.of(1, zero));
  }

  /**
   * Any decimal of up to 21 digits and from -1000 to 1000 places, and zero of any scale: negative
   * ones, huge ones and ones of more places than the module reads too.
   */
  @Provide
  Arbitrary<BigDecimal> anyDecimals() {
    BigInteger most = BigInteger.TEN.pow(21);
    Arbitrary<BigDecimal> any =
        Combinators.combine(
                Arbitraries.bigIntegers().between(most.negate(), most),
                Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.integers().between(-20, JsonFields.MAX_AMOUNT_SCALE)),
                    Tuple.of(1, Arbitraries.integers().between(-1000, 1000))))
            .as(BigDecimal::new);
    Arbitrary<BigDecimal> zero =
        Arbitraries.integers()
            .between(Integer.MIN_VALUE, Integer.MAX_VALUE)
            .map(scale -> new BigDecimal(BigInteger.ZERO, scale));
    return Arbitraries.frequencyOf(Tuple.of(6, any), Tuple.of(3, amount()), Tuple.of(1, zero));
  }

  /** Tells whether {@code amount} is one no fee can be: negative, too large or too long. */
  private static boolean noFee(BigDecimal amount) {
    return amount.signum() < 0
        || amount.compareTo(QUADRILLION) >= 0
        || amount.scale() > FeeResult.MAX_SCALE;
  }

  /**
   * Every step that {@link PricingStep#of} makes, every result {@link FeeResult#priced} makes, and
   * every product {@link FeeResult#multipliedBy} gives, reads back equal, whatever the amount's
   * scale; each refuses only what is no fee. A negative amount, one of a quadrillion dollars and
   * one of more than 100 decimal places (1E-101) were once made, written, and refused when read;
   * 0E-999999999 was written as a gigabyte of zeros.
   */
  @Property(tries = 500)
  void everyAmountAcceptedRoundTrips(
      @ForAll("anyDecimals") BigDecimal amount, @ForAll boolean settingNotAvailable)
      throws Exception {
    Explanation why = Explanation.of(PricingStep.note("row", "a row"));
    FeeResult result;
    try {
      result =
          settingNotAvailable
              ? FeeResult.pricedSettingNotAvailable(amount, why)
              : FeeResult.priced(amount, why);
    } catch (IllegalArgumentException refused) {
      assertTrue(noFee(amount), refused::getMessage);
      assertThrows(
          IllegalArgumentException.class, () -> PricingStep.of("cap", "the payer's cap", amount));
      return;
    }
    assertFalse(noFee(amount), amount::toString);
    roundTrips(result, FeeResult.class);
    PricingStep step = PricingStep.of("cap", "the payer's cap", amount);
    roundTrips(step, PricingStep.class);
    roundTrips(Explanation.of(PricingStep.note("row", "a row"), step), Explanation.class);
    // As a factor of a fee of nine places: the product's places are both's.
    FeeResult fee = FeeResult.priced(new BigDecimal("1.000000001"), why);
    FeeResult product;
    try {
      product = fee.multipliedBy(amount, "factor", "x " + amount);
    } catch (IllegalArgumentException refused) {
      assertTrue(noFee(new BigDecimal("1.000000001").multiply(amount)), refused::getMessage);
      return;
    }
    roundTrips(product, FeeResult.class);
  }

  /**
   * Any NPI: nine digits after a 1 or a 2, and the one check digit of the ten that {@link
   * Npi#parse} takes.
   */
  private static Arbitrary<Npi> npis() {
    return Combinators.combine(
            Arbitraries.of('1', '2'), Arbitraries.strings().numeric().ofLength(8))
        .as((first, rest) -> first + rest)
        .map(
            nine -> {
              for (char check = '0'; check <= '9'; check++) {
                Optional<Npi> npi = Npi.tryParse(nine + check);
                if (npi.isPresent()) {
                  return npi.get();
                }
              }
              throw new AssertionError("no check digit for " + nine);
            });
  }

  /** A billed line's text, as {@link BilledLine#toString()} writes it, is read as the line. */
  @Property(tries = 200)
  void billedLinesAreReadFromTheirText(@ForAll("claims") Claim claim) throws Exception {
    for (BilledLine line : claim.lines()) {
      assertEquals(
          line, MAPPER.readValue(MAPPER.writeValueAsString(line.toString()), BilledLine.class));
    }
  }

  @Property(tries = 100)
  void placesOfServiceAndQuartersRoundTrip(
      @ForAll @IntRange(min = 1, max = 99) int place,
      @ForAll @IntRange(min = 1, max = 9999) int year,
      @ForAll @IntRange(min = 1, max = 4) int quarter)
      throws Exception {
    roundTrips(PlaceOfService.of(place), PlaceOfService.class);
    roundTrips(Quarter.of(year, quarter), Quarter.class);
  }

  @Property(tries = 100)
  void npisRoundTrip(@ForAll("anyNpi") Npi npi) throws Exception {
    roundTrips(npi, Npi.class);
  }

  @Provide
  Arbitrary<Npi> anyNpi() {
    return npis();
  }

  /**
   * Every code of every shape (five digits, four and a letter, a letter and four digits) is written
   * as its canonical text and read back equal as a {@link ProcedureCode}, as its own level's type
   * and as a map key.
   */
  @Property(tries = 300)
  void codesRoundTripAsValuesAndMapKeys(@ForAll("anyCode") ProcedureCode code) throws Exception {
    roundTrips(code, ProcedureCode.class);
    if (code instanceof CptCode cpt) {
      roundTrips(cpt, CptCode.class);
    } else {
      roundTrips((HcpcsCode) code, HcpcsCode.class);
    }
    keysRoundTrip(Map.of(code, 1), new TypeReference<Map<ProcedureCode, Integer>>() {});
  }

  /** Every one of the 1,296 modifiers, and every locality, as a value and as a map key. */
  @Property(tries = 300)
  void modifiersAndLocalitiesRoundTripAsValuesAndMapKeys(
      @ForAll @IntRange(min = 0, max = Modifier.COUNT - 1) int ordinal,
      @ForAll @IntRange(min = 0, max = 9_999_999) int packedLocality)
      throws Exception {
    Modifier modifier = Modifier.ofOrdinal(ordinal);
    roundTrips(modifier, Modifier.class);
    keysRoundTrip(Map.of(modifier, 1), new TypeReference<Map<Modifier, Integer>>() {});
    Locality locality = Locality.ofPacked(packedLocality);
    roundTrips(locality, Locality.class);
    keysRoundTrip(Map.of(locality, 1), new TypeReference<Map<Locality, Integer>>() {});
  }

  /** The places of service, quarters and NPIs of the properties above, as map keys. */
  @Property(tries = 100)
  void placesQuartersAndNpisRoundTripAsMapKeys(
      @ForAll @IntRange(min = 1, max = 99) int place,
      @ForAll @IntRange(min = 1, max = 9999) int year,
      @ForAll @IntRange(min = 1, max = 4) int quarter,
      @ForAll("anyNpi") Npi npi)
      throws Exception {
    keysRoundTrip(
        Map.of(PlaceOfService.of(place), 1), new TypeReference<Map<PlaceOfService, Integer>>() {});
    keysRoundTrip(
        Map.of(Quarter.of(year, quarter), 1), new TypeReference<Map<Quarter, Integer>>() {});
    keysRoundTrip(Map.of(npi, 1), new TypeReference<Map<Npi, Integer>>() {});
  }

  /**
   * A claim line and a billed line, each on its own rather than inside a claim, read back equal
   * from their objects, and a claim line from its text too; an explanation on its own as well.
   */
  @Property(tries = 300)
  void linesAndExplanationsRoundTripOnTheirOwn(
      @ForAll("claims") Claim claim, @ForAll("anyExplanation") Explanation explanation)
      throws Exception {
    for (BilledLine billed : claim.lines()) {
      roundTrips(billed, BilledLine.class);
      roundTrips(billed.line(), ClaimLine.class);
      assertEquals(
          billed.line(),
          MAPPER.readValue(MAPPER.writeValueAsString(billed.line().toString()), ClaimLine.class));
    }
    roundTrips(explanation, Explanation.class);
    for (PricingStep step : explanation.steps()) {
      roundTrips(step, PricingStep.class);
    }
  }

  private static <K> void keysRoundTrip(Map<K, Integer> map, TypeReference<Map<K, Integer>> type)
      throws Exception {
    assertEquals(map, MAPPER.readValue(MAPPER.writeValueAsString(map), type));
    assertEquals(map, MAPPER.readValue(MAPPER.writeValueAsBytes(map), type));
  }

  /**
   * Any valid code: five characters of digits and upper-case letters, kept when {@link
   * ProcedureCode#tryParse} takes them, drawn by shape so that every level comes up often.
   */
  @Provide
  Arbitrary<ProcedureCode> anyCode() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(4);
    Arbitrary<Character> letter = Arbitraries.chars().range('A', 'Z');
    Arbitrary<String> cptI =
        Combinators.combine(Arbitraries.chars().numeric(), digits).as((d, r) -> d + r);
    Arbitrary<String> cptOther = Combinators.combine(digits, letter).as((r, l) -> r + l);
    Arbitrary<String> hcpcs = Combinators.combine(letter, digits).as((l, r) -> l + r);
    return Arbitraries.oneOf(cptI, cptOther, hcpcs)
        .filter(ProcedureCode::isValid)
        .map(ProcedureCode::parse);
  }

  @Provide
  Arbitrary<Explanation> anyExplanation() {
    return explanations();
  }

  @Provide
  Arbitrary<Claim> claims() {
    Arbitrary<ProcedureCode> codes =
        Arbitraries.of("99213", "0001F", "0042T", "0001U", "J1100", "00790", "71046", "G0438")
            .map(ProcedureCode::parse);
    Arbitrary<List<Modifier>> modifiers =
        Arbitraries.of("26", "TC", "59", "AA", "QK", "XU", "LT", "RT")
            .map(Modifier::parse)
            .list()
            .ofMaxSize(ClaimLine.MAX_MODIFIERS);
    Arbitrary<ClaimLine> lines =
        Combinators.combine(
                codes,
                modifiers,
                Arbitraries.integers().between(1, ClaimLine.MAX_UNITS),
                Arbitraries.integers().between(1, ClaimLine.MAX_MINUTES).injectNull(0.5))
            .as(
                (code, mods, units, minutes) -> {
                  ClaimLine line = ClaimLine.of(code, mods, units);
                  return minutes == null ? line : line.withMinutes(minutes);
                });
    Arbitrary<BigDecimal> charges =
        Combinators.combine(
                Arbitraries.longs().between(0, 999_999_999_999_99L),
                Arbitraries.integers().between(0, 2))
            .as(BigDecimal::valueOf)
            .filter(c -> (long) c.precision() - c.scale() <= 12);
    Arbitrary<BilledLine> billed =
        Combinators.combine(
                lines,
                charges.injectNull(0.3),
                // Dates of every four-digit year, the dates a date of service is written with: a
                // signed or longer year is refused (CptModuleTest).
                Arbitraries.integers()
                    .between(
                        (int) LocalDate.of(0, 1, 1).toEpochDay(),
                        (int) LocalDate.of(9999, 12, 31).toEpochDay())
                    .injectNull(0.5),
                npis().injectNull(0.5))
            .as(
                (line, charge, day, npi) -> {
                  BilledLine b = charge == null ? BilledLine.of(line) : BilledLine.of(line, charge);
                  b = day == null ? b : b.withDateOfService(LocalDate.ofEpochDay(day));
                  return npi == null ? b : b.withRenderingProvider(npi);
                });
    return billed
        .list()
        .ofMaxSize(5)
        .flatMap(
            list ->
                Arbitraries.integers()
                    .between(0, 3)
                    .map(
                        gap -> {
                          Claim claim = Claim.of(list);
                          if (gap == 0 || list.isEmpty()) {
                            return claim;
                          }
                          int[] numbers = new int[list.size()];
                          for (int i = 0; i < numbers.length; i++) {
                            numbers[i] = (i + 1) * gap + 1;
                          }
                          return claim.withLineNumbers(numbers);
                        }));
  }

  private static Arbitrary<Explanation> explanations() {
    Arbitrary<PricingStep> steps =
        Combinators.combine(rule(), text(), amount().injectNull(0.4))
            .as((r, d, a) -> a == null ? PricingStep.note(r, d) : PricingStep.of(r, d, a));
    return steps.list().ofMaxSize(4).map(Explanation::of);
  }

  @Provide
  Arbitrary<FeeResult> results() {
    Arbitrary<FeeResult> priced =
        Combinators.combine(amount(), explanations(), Arbitraries.of(true, false))
            .as(
                (a, e, na) ->
                    na ? FeeResult.pricedSettingNotAvailable(a, e) : FeeResult.priced(a, e));
    Arbitrary<FeeResult> unpriced =
        Combinators.combine(Arbitraries.of(UnpricedReason.class), text(), explanations())
            .as(FeeResult::unpriced);
    return Arbitraries.oneOf(priced, unpriced);
  }

  @Provide
  Arbitrary<EditFinding> findings() {
    return Combinators.combine(
            rule(),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.integers().between(1, 2000).injectNull(0.3),
            Arbitraries.of(EditAction.class),
            Arbitraries.integers().between(1, 50),
            Arbitraries.of(UnpricedReason.class),
            text(),
            // Keys without surrogates: Jackson's UTF-8 parser refuses the escaped lone surrogate
            // its
            // generator writes in a field name, its own asymmetry, not the module's.
            Arbitraries.maps(
                    Arbitraries.strings().withCharRange('\u0000', '\ud7ff').ofMaxLength(10), text())
                .ofMaxSize(3))
        .as(
            (edit, line, number, action, units, reason, message, data) -> {
              var b =
                  EditFinding.builder()
                      .edit(edit)
                      .line(line)
                      .action(action)
                      .deniedUnits(action == EditAction.FLAG ? 0 : units)
                      .reason(reason)
                      .message(message)
                      .putAllData(data);
              if (number != null) {
                b.lineNumber(number);
              }
              return b.build();
            });
  }
}
