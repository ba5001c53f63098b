package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.base.Splitter;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.data.CmsDirectory;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.ClaimRule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The anesthesia loaders, the bundled anesthesia tables, and anesthesia in the claim pricer. */
class AnesthesiaFilesTest {

  static final Locality REST_OF_NY = Locality.parse("13282-99");
  static final PricingContext ROCHESTER =
      PricingContext.of(LocalDate.of(2025, 6, 2), REST_OF_NY, Setting.FACILITY);

  @Test
  void bundledBaseUnitsAreTheCy2022Edition() {
    AnesthesiaBaseUnits units = BundledData.anesthesiaBaseUnits();
    assertEquals("CY 2022", units.edition());
    assertEquals(276, units.size());
    assertEquals(7, units.find(CptCode.parse("00790")).getAsInt());
    assertEquals(3, units.find(CptCode.parse("01996")).getAsInt());
    assertEquals(0, units.find(CptCode.parse("01999")).getAsInt());
  }

  @Test
  void bundledConversionFactorsAreAnes2025() {
    AnesthesiaConversionFactors cf = BundledData.anesthesiaConversionFactors();
    assertEquals("ANES2025", cf.name());
    assertEquals(109, cf.size());
    assertEquals(new BigDecimal("19.79"), cf.find(REST_OF_NY).orElseThrow());
    assertEquals(new BigDecimal("22.76"), cf.find(Locality.parse("13202-01")).orElseThrow());
    assertEquals(new BigDecimal("27.86"), cf.find(Locality.parse("02102-01")).orElseThrow());
  }

  /**
   * The header states the national factor the localities' come from, which tells a year's files
   * apart and is checked against the factor in force when pricing; a header without a figure states
   * none.
   */
  @Test
  void theHeaderStatesTheNationalFactor() throws IOException {
    assertEquals(
        Optional.of(new BigDecimal("20.3178")),
        BundledData.anesthesiaConversionFactors().nationalFactor());
    assertEquals(
        "ANES2025 (109 localities, national 20.3178)",
        BundledData.anesthesiaConversionFactors().toString());
    String file =
        CmsSubset.MARKER
            + "\r\nContractor,Locality,Locality Name,National Anes CF of 20.3178\r\n"
            + "10112 ,00 ,A LOCALITY,19.31 \r\n";
    for (String header :
        new String[] {"National Anes CF", "National Anes CF of TBD", "National Anes CF 2026"}) {
      AnesthesiaConversionFactors none =
          AnesthesiaConversionFactorFile.read(
              stream(file.replace("National Anes CF of 20.3178", header)), "ANES2025.csv");
      assertEquals(Optional.empty(), none.nationalFactor(), header);
      assertEquals(new BigDecimal("19.31"), none.find(Locality.parse("10112-00")).orElseThrow());
    }
    // Worded otherwise, the figure is still the one stated: a file read as stating none would
    // price qualifying APM participants and other providers alike.
    for (String header :
        new String[] {
          "National Anes CF of $20.5998 (QP)",
          "QP National Anes CF of  20.5998 ",
          "ANES CF 20.5998",
          "National Anes CF for CY 2026 of 20.5998",
          "National Anes CF (2026 QP) of 20.5998",
          "National Anes CF 2026: 20.5998",
          "National Anes CF of 20.5998 for 2026",
          // Zeros after the last decimal change no figure, as in a locality's factor.
          "National Anes CF of 20.599800"
        }) {
      AnesthesiaConversionFactors stated =
          AnesthesiaConversionFactorFile.read(
              stream(file.replace("National Anes CF of 20.3178", header)), "ANES2026_QPP.csv");
      assertEquals(Optional.of(new BigDecimal("20.5998")), stated.nationalFactor(), header);
    }
    // A figure read in part would state a wrong factor: a sign, a comma, too many digits.
    for (String figure : new String[] {"20.59981", "1000.5", "0.0", "-20.5998", "20,5998"}) {
      DataLoadException e =
          assertThrows(
              DataLoadException.class,
              () ->
                  AnesthesiaConversionFactorFile.read(
                      stream(
                          file.replace(
                              "National Anes CF of 20.3178",
                              "\"National Anes CF of " + figure + "\"")),
                      "ANES2026.csv"));
      assertEquals(
          "ANES2026.csv, line 2, column 4: NATIONAL ANES CF OF "
              + figure
              + ": the national anesthesia factor the header states, "
              + figure
              + ", is not above 0 with at most three digits before the point and four after",
          e.getMessage());
    }
  }

  /**
   * A header that says how the factor changed states the factor, not the change: {@code up 2.5%}
   * was read as the factor 2.5, which no date's factor is, so every anesthesia line was refused
   * later, at pricing, as a conversion factor mismatch. A percentage is never the factor, nor is
   * the figure it changed from ({@code from 20.0000}); a header left with two figures that differ
   * says which it is no more than a reader can, and is refused.
   */
  @Test
  void aChangeTheHeaderStatesIsNoFactor() throws IOException {
    String file =
        CmsSubset.MARKER
            + "\r\nContractor,Locality,Locality Name,National Anes CF of 20.3178\r\n"
            + "10112 ,00 ,A LOCALITY,19.31 \r\n";
    for (String header :
        new String[] {
          "\"National Anes CF of 20.3178, up 2.5%\"",
          "\"National Anes CF of 20.3178, up 2.5 %\"",
          "National Anes CF of $20.3178 (2.5% increase)",
          "National Anes CF of 20.3178 (+2.5%)",
          "National Anes CF of 20.3178 (-0.58%)",
          "\"National Anes CF of 20.3178 (-1,5%)\"",
          "National Anes CF of 20.3178 up 2.5 percent",
          "National Anes CF 2025 of 20.3178: 2.5% above 2024",
          "National Anes CF up from 20.0000 to 20.3178",
          "National Anes CF up from $20.0000 to $20.3178 (1.59%)",
          "\"National Anes CF of 20.3178, down from 20.4349\"",
          "National Anes CF of 20.3178 (From 20.4349)",
          // Said twice, it is one figure.
          "National Anes CF of 20.3178 (20.31780)"
        }) {
      AnesthesiaConversionFactors stated =
          AnesthesiaConversionFactorFile.read(
              stream(file.replace("National Anes CF of 20.3178", header)), "ANES2025.csv");
      assertEquals(Optional.of(new BigDecimal("20.3178")), stated.nationalFactor(), header);
    }
    // A change alone states no factor, as a header without a figure states none.
    AnesthesiaConversionFactors change =
        AnesthesiaConversionFactorFile.read(
            stream(file.replace("National Anes CF of 20.3178", "National Anes CF up 2.5%")),
            "ANES2025.csv");
    assertEquals(Optional.empty(), change.nationalFactor());
    // Two figures left that differ: which one the file's localities come from, the header does
    // not say. Read as the last, a file stating the previous year's factor would price its dates.
    for (String[] header :
        new String[][] {
          {"National Anes CF of 20.3178 (was 20.4349)", "20.3178 and 20.4349"},
          {"National Anes CF of 20.3178 or 20.5998 (QP)", "20.3178 and 20.5998"},
          {"National Anes CF of 20.4349 to 20.3178", "20.4349 and 20.3178"},
          {"National Anes CF of 21 (QP 2)", "21 and 2"}
        }) {
      DataLoadException e =
          assertThrows(
              DataLoadException.class,
              () ->
                  AnesthesiaConversionFactorFile.read(
                      stream(file.replace("National Anes CF of 20.3178", header[0])),
                      "ANES2025.csv"));
      assertEquals(
          "ANES2025.csv, line 2, column 4: "
              + header[0].toUpperCase(java.util.Locale.ROOT)
              + ": the header states more than one figure that could be the national anesthesia"
              + " factor, "
              + header[1]
              + ": expected one (a percentage, a year, and a figure after \"from\", the factor"
              + " changed from, are left aside)",
          e.getMessage());
    }
  }

  @Test
  void theRealFilesEqualTheBundledOnes() throws IOException {
    AnesthesiaBaseUnits units =
        AnesthesiaBaseUnitFile.read(CmsFiles.file("anesthesia/CY2022_Anesthesia_Base_Units.txt"));
    AnesthesiaBaseUnits bundled = BundledData.anesthesiaBaseUnits();
    assertEquals(bundled.size(), units.size());
    for (int n = AnesthesiaBaseUnits.FIRST_CODE; n <= AnesthesiaBaseUnits.LAST_CODE; n++) {
      CptCode code = CptCode.of(n);
      assertEquals(bundled.find(code), units.find(code), code::toString);
    }
    AnesthesiaConversionFactors cf =
        AnesthesiaConversionFactorFile.read(CmsFiles.file("2025/ANES2025.csv"));
    assertEquals(BundledData.anesthesiaConversionFactors().asMap(), cf.asMap());
  }

  @Test
  void theMedicareScheduleHandsAnesthesiaToItsAnesthesiaSchedule() {
    MedicareFeeSchedule medicare = BundledData.medicareFeeSchedule();
    // (7 + 95 / 15 = 6.3) x 19.79 = 263.207
    FeeResult fee = medicare.price(ClaimLine.parse("00790-AA 95min"), ROCHESTER);
    assertEquals(new BigDecimal("263.21"), fee.amountOrThrow());
    assertTrue(
        fee.toString().contains("7.0 base + 6.3 time units x 19.79 (13282-99 anesthesia CF)"),
        fee::toString);
    assertEquals(
        UnpricedReason.NO_ANESTHESIA_TIME,
        medicare.price(ClaimLine.parse("00790-AA"), ROCHESTER).reason().orElseThrow());
    assertEquals(
        UnpricedReason.STATUS_NOT_PAYABLE,
        medicare.price(ClaimLine.parse("99140"), ROCHESTER).reason().orElseThrow());
    // 01999 has 0 base units in CMS's file: the contractor values the unlisted procedure.
    assertEquals(
        UnpricedReason.CARRIER_PRICED,
        medicare.price(ClaimLine.parse("01999-AA 60min"), ROCHESTER).reason().orElseThrow());
  }

  /** The class example of AnesthesiaFeeSchedule, as its comment shows it (it once said 263.71). */
  @Test
  void theAnesthesiaScheduleExampleShowsWhatItPrices() throws IOException {
    AnesthesiaFeeSchedule anesthesia =
        AnesthesiaFeeSchedule.builder()
            .baseUnits(BundledData.anesthesiaBaseUnits())
            .conversionFactors(BundledData.anesthesiaConversionFactors())
            .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
            .build();
    FeeResult fee = anesthesia.price(ClaimLine.parse("00790-AA 95min"), ROCHESTER);
    List<String> source =
        Files.readAllLines(
            Path.of(
                "..",
                "cpt-core/src/main/java/io/github/cpt4j/fee/medicare/anesthesia",
                "AnesthesiaFeeSchedule.java"));
    String comment = null;
    for (int i = 0; i + 1 < source.size(); i++) {
      if (source.get(i).contains("anesthesia.price(")) {
        comment = source.get(i + 1).substring(source.get(i + 1).indexOf("// ") + 3);
      }
    }
    // The comment elides with "...": every shown piece is in the output, the first at its start.
    List<String> pieces = Splitter.on("...").splitToList(String.valueOf(comment));
    assertTrue(fee.toString().startsWith(pieces.get(0)), comment + " | " + fee);
    for (String piece : pieces) {
      assertTrue(fee.toString().contains(piece.strip()), comment + " | " + fee);
    }
  }

  @Test
  void theClaimPricerPricesAnesthesiaBesideOtherServices() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
    Claim claim =
        Claim.builder()
            .add("00840-AA 45min", "900.00") // 6 base units: paid through 00790
            .add("00790-AA 60min", "1200.00") // 7 base units: (7 + 105 / 15 = 7.0) x 19.79
            .add("99100", "50.00") // a qualifying circumstance: not paid by Medicare
            .add("01996-AA", "40.00") // 3 base units, no time: 59.37, the charge 40.00 is lower
            .add("99213", "180.00")
            .build();
    PricedClaim priced = pricer.price(claim, ROCHESTER);
    assertEquals(UnpricedReason.NOT_PAYABLE_ON_CLAIM, priced.line(0).reason().orElseThrow());
    assertEquals(ClaimRule.ANESTHESIA.id(), priced.line(0).refusedBy().orElseThrow());
    assertEquals(new BigDecimal("277.06"), priced.line(1).amountOrThrow());
    assertEquals(UnpricedReason.STATUS_NOT_PAYABLE, priced.line(2).reason().orElseThrow());
    assertEquals(new BigDecimal("40.00"), priced.line(3).amountOrThrow());
    assertTrue(priced.line(3).toString().contains("billed-charge"), priced.line(3)::toString);
    assertTrue(priced.line(4).isPriced());
    assertFalse(priced.line(1).explanation().has("rvu"), priced.line(1)::toString);
    assertTrue(
        priced.line(1).result().toString().contains("7.0 base + 7.0 time units x 19.79"),
        () -> priced.line(1).result().toString());
  }

  /**
   * ANES2025.csv's factors, as the file prints them, reproduced to the cent across localities,
   * codes, times and payment modifiers; each amount is worked out by hand from the file's numbers
   * and the CY 2022 base units: (base + minutes / 15 to one decimal) x factor x share, rounded
   * half-up to cents once (Claims Processing Manual, chapter 12, sections 50.B-50.D and 50.G).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // locality | file's factor | line | amount
        // (7 + 95 / 15 = 6.33 -> 6.3) x 19.31 = 13.3 x 19.31 = 256.823
        "10112-00 | 19.31 | 00790-AA 95min  | 256.82",
        // (6 + 45 / 15 = 3.0) x 27.86 = 9.0 x 27.86 = 250.74
        "02102-01 | 27.86 | 00840-QZ 45min  | 250.74",
        // the quoted name "HAWAII, GUAM": (7 + 100 / 15 = 6.67 -> 6.7) x 20.24 x 50%
        // = 13.7 x 20.24 / 2 = 277.288 / 2 = 138.644
        "01212-01 | 20.24 | 01402-QK 100min | 138.64",
        // (4 + 23 / 15 = 1.53 -> 1.5) x 19.97 = 5.5 x 19.97 = 109.835, half-up
        "03602-21 | 19.97 | 00142-AA 23min  | 109.84",
        // (5 + 181 / 15 = 12.07 -> 12.1) x 22.76 x 50% = 17.1 x 22.76 / 2 = 389.196 / 2 = 194.598
        "13202-01 | 22.76 | 01967-QX 181min | 194.60",
        // (3 + 37 / 15 = 2.47 -> 2.5) x 21.09 x 50% = 5.5 x 21.09 / 2 = 115.995 / 2 = 57.9975
        "04412-18 | 21.09 | 01810-QY 37min  | 58.00",
        // AD: 3 base units, no time units, whatever the code's own (13): 3 x 21.22 = 63.66
        "01182-18 | 21.22 | 00670-AD 240min | 63.66",
        // 01996: base units only, no time units (section 50.G): 3 x 20.32 = 60.96
        "09202-50 | 20.32 | 01996-AA 30min  | 60.96",
        // the last locality of the file: (7 + 60 / 15 = 4.0) x 19.97 = 11.0 x 19.97 = 219.67
        "03602-21 | 19.97 | 00790-AA 60min  | 219.67",
      })
  void anes2025FiguresAreReproducedToTheCent(
      String locality, String factor, String line, String amount) {
    Locality area = Locality.parse(locality);
    assertEquals(
        new BigDecimal(factor), BundledData.anesthesiaConversionFactors().find(area).orElseThrow());
    PricingContext context = PricingContext.of(LocalDate.of(2025, 6, 2), area, Setting.FACILITY);
    FeeResult fee = BundledData.medicareFeeSchedule().price(ClaimLine.parse(line), context);
    assertEquals(new BigDecimal(amount), fee.amountOrThrow(), fee::toString);
  }

  /**
   * README's medical supervision example: AD pays 3 base units, 3 x 19.79 = 59.37 in 13282-99, and
   * one time unit more when the context says the supervising physician was present at induction, (3
   * + 1) x 19.79 = 79.16 (chapter 12, section 50.D): for a line priced alone, a claim of one line,
   * and a claim whose two AD lines are one session (paid once, on 00790's line).
   */
  @Test
  void theContextGivesAnAdClaimItsTimeUnitForPresenceAtInduction() {
    MedicareFeeSchedule medicare = BundledData.medicareFeeSchedule();
    MedicareClaimPricer pricer = MedicareClaimPricer.of(medicare);
    PricingContext present = ROCHESTER.withSupervisorPresentAtInduction(true);
    ClaimLine line = ClaimLine.parse("00790-AD 60min");
    assertEquals(new BigDecimal("59.37"), medicare.price(line, ROCHESTER).amountOrThrow());
    assertEquals(new BigDecimal("79.16"), medicare.price(line, present).amountOrThrow());
    Claim alone = Claim.builder().add("00790-AD 60min").build();
    assertEquals(new BigDecimal("59.37"), pricer.price(alone, ROCHESTER).total());
    PricedClaim alonePresent = pricer.price(alone, present);
    assertEquals(new BigDecimal("79.16"), alonePresent.total());
    String explained = alonePresent.line(0).result().toString();
    assertTrue(
        explained.contains(
            "no time units but one for presence at induction" + " (chapter 12, section 50.D)"),
        explained);
    assertTrue(explained.contains("3.0 base + 1.0 time units x 19.79"), explained);
    Claim session = Claim.builder().add("00790-AD 60min").add("00840-AD 45min").build();
    PricedClaim absent = pricer.price(session, ROCHESTER);
    assertEquals(new BigDecimal("59.37"), absent.line(0).amountOrThrow());
    assertEquals(new BigDecimal("59.37"), absent.total());
    PricedClaim paid = pricer.price(session, present);
    assertEquals(new BigDecimal("79.16"), paid.line(0).amountOrThrow());
    assertEquals(UnpricedReason.NOT_PAYABLE_ON_CLAIM, paid.line(1).reason().orElseThrow());
    assertEquals(new BigDecimal("79.16"), paid.total());
    // AD pays no time (section 50.D): neither line says the session's time was paid.
    for (int i = 0; i < 2; i++) {
      String why = paid.line(i).explanation().toString();
      assertFalse(why.contains("total time") || why.contains("this line's time"), why);
    }
    assertTrue(
        paid.line(0).explanation().toString().contains("paid once, billed AD: 3 base units"),
        paid.line(0)::toString);
    // The other payment modifiers are paid by their time, present or not: AA 217.69 in full,
    // QK, QX and QY 108.85 each half, QZ 217.69.
    for (String other : List.of("AA", "QK", "QX", "QY", "QZ")) {
      Claim claim = Claim.builder().add("00790-" + other + " 60min").build();
      assertEquals(
          pricer.price(claim, ROCHESTER).total(), pricer.price(claim, present).total(), other);
    }
  }

  /**
   * README's burn add-on example: 01953 is paid its base unit alone beside 01952, its time billed
   * on 01952 (CMS Transmittal B-03-017, CR 2539); minutes on it are flagged, not paid.
   */
  @Test
  void theBurnAddOnIsPaidItsBaseUnitWithoutMinutes() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
    // 01952 (5) 90 min: (5 + 6.0) x 19.79 = 217.69; 01953 (1): 1 x 19.79 = 19.79
    PricedClaim priced =
        pricer.price(Claim.builder().add("01952-AA 90min").add("01953-AA").build(), ROCHESTER);
    assertEquals(new BigDecimal("217.69"), priced.line(0).amountOrThrow());
    assertEquals(new BigDecimal("19.79"), priced.line(1).amountOrThrow(), priced::toString);
    assertEquals(new BigDecimal("237.48"), priced.total());
    PricedClaim timed =
        pricer.price(
            Claim.builder().add("01952-AA 90min").add("01953-AA 30min").build(), ROCHESTER);
    assertEquals(new BigDecimal("19.79"), timed.line(1).amountOrThrow(), timed::toString);
    assertEquals(
        ClaimWarning.Kind.MINUTES_IGNORED, timed.line(1).warnings().get(0).kind(), timed::toString);
  }

  /**
   * A line refused for its own modifier (47: no anesthesia fee for it) takes no part in the
   * session: 00840-AA is paid alone, (6 + 45 / 15 = 3.0) x 19.79 = 178.11, and no line is said to
   * be paid through 00790.
   */
  @Test
  void aLineRefusedForItsModifierLeavesTheSessionToTheOther() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
    PricedClaim priced =
        pricer.price(
            Claim.builder().add("00790-AA-47 60min").add("00840-AA 45min").build(), ROCHESTER);
    assertEquals(UnpricedReason.MODIFIER_NOT_ALLOWED, priced.line(0).reason().orElseThrow());
    assertEquals(new BigDecimal("178.11"), priced.line(1).amountOrThrow(), priced::toString);
    assertEquals(new BigDecimal("178.11"), priced.total());
    for (int i = 0; i < 2; i++) {
      String explained = priced.line(i).explanation().toString();
      assertFalse(explained.contains("paid through"), explained);
      assertFalse(explained.contains("paid with this line's time"), explained);
    }
  }

  /**
   * README's presence examples: the claim's session takes one time unit for presence at induction,
   * on one AD line, the primary beside its add-on, and 01995 and 01996 take none ("does not
   * recognize time units", chapter 12, section 50.G): 79.16 for the AD line with the unit, 3 x
   * 19.79 = 59.37 for the others, and 2 x 19.79 = 39.58 for the add-on 01968, of 2 base units.
   */
  @Test
  void presenceAtInductionIsPaidOnceForTheSession() {
    MedicareFeeSchedule medicare = BundledData.medicareFeeSchedule();
    MedicareClaimPricer pricer = MedicareClaimPricer.of(medicare);
    PricingContext present = ROCHESTER.withSupervisorPresentAtInduction(true);
    assertEquals(
        new BigDecimal("59.37"),
        medicare.price(ClaimLine.parse("01996-AD"), present).amountOrThrow());
    for (List<String> lines :
        List.of(
            List.of("01996-AD"),
            List.of("00790-AD 60min", "01996-AD"),
            List.of("01967-AD 120min", "01968-AD 60min"))) {
      Claim.Builder claim = Claim.builder();
      lines.forEach(claim::add);
      PricedClaim priced = pricer.price(claim.build(), present);
      String last = lines.get(lines.size() - 1).startsWith("01968") ? "39.58" : "59.37";
      assertEquals(
          lines.size() == 1
              ? new BigDecimal(last)
              : new BigDecimal("79.16").add(new BigDecimal(last)),
          priced.total(),
          priced::toString);
      assertEquals(
          new BigDecimal(last), priced.line(lines.size() - 1).amountOrThrow(), lines::toString);
    }
  }

  /**
   * README's medical direction example: 00790, 60 minutes, 13282-99, (7 + 4.0) x 19.79 = 217.69 in
   * full, 108.845 for each half, paid 108.85 to the physician (QK) and 108.85 to the nurse
   * anesthetist (QX), on one claim or two.
   */
  @Test
  void aMedicallyDirectedCaseIsPaidHalfToEachSideRoundedOnEachLine() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
    assertEquals(
        new BigDecimal("217.69"),
        pricer.price(Claim.builder().add("00790-AA 60min").build(), ROCHESTER).total());
    for (String line : List.of("00790-QK 60min", "00790-QX 60min")) {
      PricedClaim alone = pricer.price(Claim.builder().add(line).build(), ROCHESTER);
      assertEquals(new BigDecimal("108.85"), alone.total(), alone::toString);
    }
    PricedClaim both =
        pricer.price(
            Claim.builder().add("00790-QK 60min").add("00790-QX 60min").build(), ROCHESTER);
    assertEquals(new BigDecimal("108.85"), both.line(0).amountOrThrow());
    assertEquals(new BigDecimal("108.85"), both.line(1).amountOrThrow());
    assertEquals(new BigDecimal("217.70"), both.total());
  }

  @Test
  void malformedFilesAreRejectedWithLineAndColumn() {
    DataLoadException header =
        assertThrows(DataLoadException.class, () -> baseUnits("HCPCS\tBASE\r\n00100\t5\r\n"));
    assertEquals(1, header.line());
    StringBuilder text = new StringBuilder("CODE\t2025\r\n\tBASE\r\n\tUNIT\r\n");
    for (int n = 100; n < 300; n++) {
      text.append(String.format("%05d\t5\r\n", n));
    }
    assertEquals("CY 2025", assertLoads(text.toString()).edition());
    // A no-break space in the header, as a spreadsheet writes one, is a blank.
    assertEquals(
        "CY 2025",
        assertLoads(text.toString().replace("CODE\t2025", "CODE\u00A0\t2025\u00A0")).edition());
    DataLoadException units =
        assertThrows(DataLoadException.class, () -> baseUnits(text + "00300\tfive\r\n"));
    assertEquals(204, units.line());
    assertEquals(2, units.column());
    DataLoadException twice =
        assertThrows(DataLoadException.class, () -> baseUnits(text + "00100\t5\r\n"));
    assertTrue(twice.getMessage().contains("twice"), twice::getMessage);
    DataLoadException notAnesthesia =
        assertThrows(DataLoadException.class, () -> baseUnits(text + "99213\t5\r\n"));
    assertTrue(notAnesthesia.getMessage().contains("not an anesthesia code"));
    DataLoadException small =
        assertThrows(
            DataLoadException.class, () -> baseUnits("CODE\t2025\r\n\tBASE\r\n00100\t5\r\n"));
    assertTrue(small.getMessage().contains("only 1 code, "), small::getMessage);
    DataLoadException cf =
        assertThrows(
            DataLoadException.class,
            () ->
                AnesthesiaConversionFactorFile.read(
                    stream(
                        "Contractor,Locality,Locality Name,National Anes CF of 20.3178\r\n"
                            + "10112 ,00 ,ALABAMA,19.3x \r\n"),
                    "ANES2025.csv"));
    assertEquals(2, cf.line());
  }

  /**
   * A row of base units whose code is blank (the code cell cleared, or the row shifted) was taken
   * for one of the header's BASE and UNIT rows, whose first column is empty, and skipped: its code
   * went missing from the table in silence. Only those words are skipped now.
   */
  @Test
  void baseUnitsWithoutTheirCodeAreRefused() throws IOException {
    StringBuilder text = new StringBuilder("CODE\t2025\r\n\tBASE\r\n\tUNIT\r\n");
    for (int n = 100; n < 300; n++) {
      text.append(String.format("%05d\t5\r\n", n));
    }
    assertEquals(200, assertLoads(text.toString()).size());
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> baseUnits(text + " \t7\r\n" + "00300\t5\r\n"));
    assertEquals(
        "units.txt, line 204, column 1: base units without their code: expected an anesthesia"
            + " code such as 00790 before the tab, found ' \\u00097'",
        e.getMessage());
  }

  /**
   * A stray tab splitting 6 base units into 1 and 5 loaded 1 unit; a field after the units is
   * refused.
   */
  @Test
  void aFieldAfterTheBaseUnitsIsRefused() {
    StringBuilder text = new StringBuilder("CODE\t2025\r\n\tBASE\r\n\tUNIT\r\n");
    for (int n = 100; n < 300; n++) {
      text.append(String.format("%05d\t5\r\n", n));
    }
    assertEquals(201, assertLoads(text + "00300\t6\t\r\n").size());
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> baseUnits(text + "00300\t1\t5\r\n"));
    assertEquals(204, e.line());
    assertEquals(3, e.column());
    assertTrue(e.getMessage().contains("found 3 tab-separated fields"), e.getMessage());
  }

  /**
   * An anesthesia conversion factor far above any CMS publishes (CY2025's run from about 19 to 28
   * dollars a unit) is damage, refused as the PFS conversion factor over 999.9999 is: it loaded,
   * whatever its size, and priced every anesthesia unit with it.
   */
  @ParameterizedTest
  @CsvSource({"1000.00", "1931.00", "99999999999999.99"})
  void anAbsurdAnesthesiaConversionFactorIsRefused(String factor) throws IOException {
    String good =
        CmsSubset.MARKER
            + "\r\nContractor,Locality,Locality Name,National Anes CF of 20.3178\r\n"
            + "10112 ,00 ,A LOCALITY,19.31 \r\n";
    assertEquals(1, AnesthesiaConversionFactorFile.read(stream(good), "ANES2025.csv").size());
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () ->
                AnesthesiaConversionFactorFile.read(
                    stream(good.replace("19.31", factor)), "ANES2025.csv"));
    assertEquals(
        "ANES2025.csv, line 3, column 4: NATIONAL ANES CF OF 20.3178: expected a conversion"
            + " factor above 0 and at most 999.99 with at most 2 decimals, found '"
            + factor
            + " '",
        e.getMessage());
  }

  /** A UTF-8 byte order mark before the header is skipped, as the CSV loaders skip it. */
  @Test
  void aByteOrderMarkBeforeTheBaseUnitHeaderIsSkipped() throws IOException {
    StringBuilder text = new StringBuilder("CODE\t2025\r\n\tBASE\r\n\tUNIT\r\n");
    for (int n = 100; n < 300; n++) {
      text.append(String.format("%05d\t5\r\n", n));
    }
    byte[] plain = text.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] marked = new byte[plain.length + 3];
    marked[0] = (byte) 0xEF;
    marked[1] = (byte) 0xBB;
    marked[2] = (byte) 0xBF;
    System.arraycopy(plain, 0, marked, 3, plain.length);
    AnesthesiaBaseUnits units =
        AnesthesiaBaseUnitFile.read(new ByteArrayInputStream(marked), "units.txt");
    assertEquals("CY 2025", units.edition());
    DataLoadException bad =
        assertThrows(
            DataLoadException.class,
            () ->
                AnesthesiaBaseUnitFile.read(
                    new ByteArrayInputStream(
                        (new String(marked, StandardCharsets.ISO_8859_1) + "00300\tfive\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1)),
                    "units.txt"));
    assertEquals(
        "units.txt, line 204, column 2: expected base units, a whole number 0-99, not 'five'",
        bad.getMessage());
  }

  /**
   * A zipped edition was blamed on a last line "cut short", a PDF on a header not found: both are
   * refused at line 1, as the CSV loaders refuse them.
   */
  @Test
  void aZippedBaseUnitFileOrAPdfIsNamedSo() throws IOException {
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("units.txt"));
      zip.write(
          "CODE\t2025\r\n\tBASE\r\n\tUNIT\r\n00100\t5\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    DataLoadException archive =
        assertThrows(
            DataLoadException.class,
            () ->
                AnesthesiaBaseUnitFile.read(
                    new ByteArrayInputStream(zipped.toByteArray()), "units.zip"));
    assertEquals(
        "units.zip, line 1, column 1: the file is a ZIP archive (CMS's download, or a spreadsheet"
            + " workbook): expected CMS's anesthesia base unit file as text; unzip CMS's download"
            + " and give the file inside, or save the sheet as tab-separated text",
        archive.getMessage());
    DataLoadException pdf =
        assertThrows(
            DataLoadException.class,
            () ->
                AnesthesiaBaseUnitFile.read(
                    new ByteArrayInputStream(
                        "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1)),
                    "units.pdf"));
    assertTrue(
        pdf.getMessage().startsWith("units.pdf, line 1, column 1: the file is a PDF document"),
        pdf::getMessage);
  }

  /** A file saved as UTF-16 or UTF-32 is named as such at line 1, not quoted as a bad header. */
  @ParameterizedTest
  @CsvSource({
    "UTF-16, true, 'the file is UTF-16 (it starts with a UTF-16BE byte order mark)'",
    "UTF-16LE, false, 'the file starts with NUL bytes: expected CMS''s anesthesia base unit file"
        + " as text in a one-byte encoding (UTF-16LE without a byte order mark'",
    "UTF-32LE, false, 'the file starts with NUL bytes: expected CMS''s anesthesia base unit file"
        + " as text in a one-byte encoding (UTF-32LE without a byte order mark'",
  })
  void wideTextIsNamedNotQuotedAsABadHeader(String charset, boolean marked, String expected) {
    // Java's "UTF-16" writes a big-endian byte order mark; the others write none.
    byte[] bytes =
        "CODE\t2025\r\n\tBASE\r\n\tUNIT\r\n00100\t5\r\n".getBytes(Charset.forName(charset));
    assertEquals(marked, bytes[0] == (byte) 0xFE);
    DataLoadException bad =
        assertThrows(
            DataLoadException.class,
            () -> AnesthesiaBaseUnitFile.read(new ByteArrayInputStream(bytes), "units.txt"));
    assertTrue(
        bad.getMessage().startsWith("units.txt, line 1, column 1: " + expected), bad.getMessage());
  }

  /**
   * A DOS end-of-file mark after the last line ends the file, with or without a line break after
   * it: it was read as a row and refused ("expected a code, a tab and its base units, not
   * '\u001a'"). A mark with rows after it is refused at the mark.
   */
  @Test
  void aFinalEndOfFileMarkEndsTheBaseUnitFile() throws IOException {
    StringBuilder text = new StringBuilder("CODE\t2025\r\n\tBASE\r\n\tUNIT\r\n");
    for (int n = 100; n < 300; n++) {
      text.append(String.format("%05d\t5\r\n", n));
    }
    for (String end : new String[] {"\u001a", "\u001a\r\n", "\u001a\t\r\n\r\n", " \u001a \r\n"}) {
      assertEquals(200, baseUnits(text + end).size(), end);
    }
    DataLoadException rows =
        assertThrows(DataLoadException.class, () -> baseUnits(text + "\u001a\r\n\r\n00300\t5\r\n"));
    assertEquals(
        "units.txt, line 204, column 1: a DOS end-of-file mark (0x1A) with rows after it, the"
            + " first on line 206: expected the mark after the last row only",
        rows.getMessage());
  }

  /**
   * The mark right after the last row's units, no line break before it, was refused as a file that
   * looks cut short, and so was text after a mark on that line: named as the PTP and CSV loaders
   * name them.
   */
  @Test
  void aDosEndOfFileMarkOnTheLastRowsLineIsNamed() {
    StringBuilder text = new StringBuilder("CODE\t2025\r\n\tBASE\r\n\tUNIT\r\n");
    for (int n = 100; n < 300; n++) {
      text.append(String.format("%05d\t5\r\n", n));
    }
    DataLoadException before =
        assertThrows(DataLoadException.class, () -> baseUnits(text + "00300\t5\u001a"));
    assertEquals(
        "units.txt, line 204, column 2: the last line has no line ending before the DOS"
            + " end-of-file mark (0x1A) that ends the file: expected a line break after the last"
            + " row, the mark after it (every line of CMS's anesthesia base unit file ends with"
            + " one)",
        before.getMessage());
    DataLoadException after =
        assertThrows(DataLoadException.class, () -> baseUnits(text + "\u001aabc"));
    assertEquals(
        "units.txt, line 204, column 1: text after a DOS end-of-file mark (0x1A), which ends the"
            + " file: expected the mark after the last row only",
        after.getMessage());
  }

  @Test
  void aBadLineIsQuotedShortAndEscapedNotEchoedWhole() {
    String hostile = "\u001b[31m" + "x".repeat(200_000);
    for (String text :
        List.of(
            hostile + "\r\n",
            "CODE\t" + hostile + "\r\n",
            "CODE\t2025\r\n" + hostile + "\r\n",
            "CODE\t2025\r\n00100\t" + hostile + "\r\n")) {
      DataLoadException e = assertThrows(DataLoadException.class, () -> baseUnits(text));
      String message = e.getMessage();
      assertTrue(message.length() < 300, () -> "too long: " + message.length());
      assertTrue(message.chars().allMatch(c -> c >= 0x20 && c < 0x7f), message);
    }
  }

  /**
   * A directory without the ANES file of its relative value file's year refuses the anesthesia
   * codes, as documented; the refusal says which file is missing, and names the ANES files it has
   * of other years, rather than only that the schedule has no anesthesia factors.
   */
  @Test
  void aDirectoryWithoutItsYearsAnesFileSaysWhichFileIsMissing(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("PPRRVU25_JAN.csv"),
        LoaderFixtures.rvu2025()
            .replace(
                "Test relative value file in the CY2025 layout",
                "2025 National Physician Fee Schedule Relative Value File January Release"),
        StandardCharsets.ISO_8859_1);
    Files.writeString(dir.resolve("GPCI2025.csv"), LoaderFixtures.gpci2025());
    PricingContext february =
        PricingContext.of(LocalDate.of(2025, 2, 3), REST_OF_NY, Setting.FACILITY);
    FeeResult alone =
        CmsDirectory.load(dir).releases().price(ClaimLine.parse("00790-AA 60min"), february);
    assertEquals(UnpricedReason.NOT_IN_SCHEDULE, alone.reason().orElseThrow(), alone::toString);
    assertTrue(
        alone.detail().endsWith("has none: the directory has no ANES file of 2025 (ANES2025.csv)"),
        alone::detail);
    // An ANES file of another year is no stand-in, and the refusal names it.
    Files.writeString(
        dir.resolve("ANES2024.csv"),
        new String(
            BundledData.class
                .getResourceAsStream("/io/github/cpt4j/data/medicare/ANES2025.csv")
                .readAllBytes(),
            StandardCharsets.ISO_8859_1),
        StandardCharsets.ISO_8859_1);
    FeeResult other =
        CmsDirectory.load(dir).releases().price(ClaimLine.parse("00790-AA 60min"), february);
    assertEquals(UnpricedReason.NOT_IN_SCHEDULE, other.reason().orElseThrow(), other::toString);
    assertTrue(
        other
            .detail()
            .endsWith(
                "has none: the directory has no ANES file of 2025 (ANES2025.csv), only ANES2024.csv"
                    + ", of another year"),
        other::detail);
  }

  private static AnesthesiaBaseUnits assertLoads(String text) {
    try {
      return baseUnits(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static AnesthesiaBaseUnits baseUnits(String text) throws IOException {
    return AnesthesiaBaseUnitFile.read(stream(text), "units.txt");
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
