package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.code.Subsection;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.FeeSchedule;
import io.github.cpt4j.fee.FlatFeeSchedule;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactors;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.LimitingCharge;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.modifier.Modifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Keeps the Javadoc examples of the main entry points honest: each test runs an example on the
 * bundled data and checks that the Javadoc shows its code and states, in the comment after it,
 * exactly what the code gives. An example whose stated result drifts from the code fails here.
 */
class JavadocExamplesTest {

  private static final Path CORE = Path.of("..", "cpt-core", "src", "main", "java");

  private static final PricingContext ROCHESTER_OUTPATIENT =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  private static Claim kneeClaim() {
    return Claim.builder()
        .add("29880-RT", "2400.00")
        .add("20610-LT", "310.00")
        .add("99213-25", "180.00")
        .build();
  }

  @Test
  void medicareFeeScheduleManhattanVisit() {
    MedicareFeeSchedule medicare = BundledData.medicareFeeSchedule();
    Locality locality = BundledData.zipLocalities().find("10001").orElseThrow();
    PricingContext office =
        PricingContext.of(LocalDate.of(2025, 6, 2), locality, Setting.NON_FACILITY);
    FeeResult fee = medicare.price(ClaimLine.parse("99213"), office);
    String file = "io/github/cpt4j/fee/medicare/pfs/MedicareFeeSchedule.java";
    assertStated(file, "find(\"10001\").orElseThrow();", locality);
    assertStated(file, "fee.amountOrThrow();", fee.amountOrThrow());
  }

  @Test
  void pricedClaimAndItsLines() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
    PricedClaim pricing = pricer.price(kneeClaim(), ROCHESTER_OUTPATIENT);
    assertStated("io/github/cpt4j/fee/PricedClaim.java", "pricing.total();", pricing.total());
    assertStated(
        "io/github/cpt4j/fee/PricedClaim.java",
        "pricing.lines().get(1).amount();",
        pricing.lines().get(1).amount());
    assertStated("io/github/cpt4j/fee/PricedLine.java", "knee.amount();", pricing.line(0).amount());
    assertTrue(pricing.line(0).explanation().has("multiple-procedure"));
    PricedClaim limits = pricer.limitingCharges(kneeClaim(), ROCHESTER_OUTPATIENT);
    String file = "io/github/cpt4j/fee/medicare/pfs/claim/MedicareClaimPricer.java";
    assertStated(file, "limits.line(1).amount();", limits.line(1).amount());
    assertStated(file, "limits.pricedTotal();", limits.pricedTotal());
  }

  @Test
  void explanationOfAVisitInRochester() {
    PricingContext office =
        PricingContext.of(
            LocalDate.of(2025, 3, 14), Locality.parse("13282-99"), Setting.NON_FACILITY);
    FeeResult result = BundledData.medicareFeeSchedule().price(ClaimLine.parse("99213"), office);
    String file = "io/github/cpt4j/fee/Explanation.java";
    String shown = comment(file, "// medicare: ");
    assertTrue(
        result.explanation().toString().startsWith(shown.substring(0, shown.indexOf(';'))),
        () -> file + " shows " + shown + ", the code gives " + result.explanation());
    // result.toString() is stated on the line after it: the amount, then the explanation.
    String amount = result.amountOrThrow().toString();
    comment(file, "// " + amount + " | medicare: ");
    assertTrue(source(file).contains("round: half-up to cents = " + amount));
    assertTrue(result.toString().startsWith(amount + " | medicare: "));
  }

  @Test
  void limitingChargeNamesTheContextOfItsAmounts() {
    // The example states amounts of one date, locality and setting: it must say which.
    String file = "io/github/cpt4j/fee/medicare/pfs/LimitingCharge.java";
    assertShows(
        file,
        "MedicareFeeSchedule schedule = BundledData.medicareFeeSchedule();",
        "PricingContext office = PricingContext.of(LocalDate.of(2025, 3, 14),",
        "Locality.parse(\"13282-99\"), Setting.NON_FACILITY);");
    MedicareFeeSchedule schedule = BundledData.medicareFeeSchedule();
    PricingContext office =
        PricingContext.of(
            LocalDate.of(2025, 3, 14), Locality.parse("13282-99"), Setting.NON_FACILITY);
    FeeResult participating = schedule.price(ClaimLine.parse("90834"), office);
    assertStated(file, "FeeResult participating = ", participating.amountOrThrow());
    assertStated(
        file,
        "LimitingCharge.of(participating).amountOrThrow();",
        LimitingCharge.of(participating).amountOrThrow());
  }

  @Test
  void conversionFactorsAreFoundAsOptionals() {
    ConversionFactors history = BundledData.conversionFactors();
    String file = "io/github/cpt4j/fee/medicare/pfs/ConversionFactors.java";
    assertStated(
        file,
        "history.find(LocalDate.of(2024, 3, 9), false);",
        history.find(LocalDate.of(2024, 3, 9), false));
    assertStated(
        file,
        "history.find(LocalDate.of(2026, 5, 1), true);",
        history.find(LocalDate.of(2026, 5, 1), true));
  }

  @Test
  void partBRoutesAPanelToTheLabScheduleOfItsQuarter() {
    // The bundled CLFS sample is of 2025-Q1: the example's context must be of that quarter.
    String file = "io/github/cpt4j/fee/medicare/partb/PartBFeeSchedule.java";
    assertShows(
        file,
        "PricingContext context = PricingContext.of(LocalDate.of(2025, 2, 3),",
        "Locality.parse(\"13282-99\"), Setting.NON_FACILITY);");
    PartBFeeSchedule partB =
        PartBFeeSchedule.builder()
            .physicianFeeSchedule(BundledData.medicareReleases())
            .clinicalLaboratory(BundledData.clinicalLabFeeSchedule())
            .dmepos(BundledData.dmeposFeeSchedule())
            .drugs(BundledData.aspFeeSchedule())
            .build();
    PricingContext context =
        PricingContext.of(
            LocalDate.of(2025, 2, 3), Locality.parse("13282-99"), Setting.NON_FACILITY);
    assertStated(
        file,
        "partB.payerOf(ProcedureCode.parse(\"80053\"));",
        partB.payerOf(ProcedureCode.parse("80053")));
    assertStated(
        file,
        "FeeResult panel = partB.price(",
        partB.price(ClaimLine.parse("80053"), context).amountOrThrow());
    FeeResult june =
        partB.price(ClaimLine.parse("80053"), context.withDateOfService(LocalDate.of(2025, 6, 2)));
    assertEquals(Optional.of(UnpricedReason.DATE_NOT_COVERED), june.reason(), june::toString);
  }

  @Test
  void anesthesiaOfAKneeInRochester() {
    AnesthesiaFeeSchedule anesthesia =
        AnesthesiaFeeSchedule.builder()
            .baseUnits(BundledData.anesthesiaBaseUnits())
            .conversionFactors(BundledData.anesthesiaConversionFactors())
            .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
            .build();
    FeeResult fee = anesthesia.price(ClaimLine.parse("00790-AA 95min"), ROCHESTER_OUTPATIENT);
    String file = "io/github/cpt4j/fee/medicare/anesthesia/AnesthesiaFeeSchedule.java";
    String shown = comment(file, "// " + fee.amountOrThrow() + " | ");
    String step = shown.substring(shown.indexOf("7.0 base"), shown.indexOf(" ...", 10));
    assertTrue(fee.toString().contains(step), () -> file + " shows " + step + ", not in " + fee);
  }

  @Test
  void quarterlyPartBSchedulesOfTheFirstQuarterOf2025() {
    // The bundled samples are rows of the files these examples read: ASP_2025_JAN.csv,
    // CLFS_2025_Q1V1.csv, DMEPOS_2025_JAN.csv, all of 2025-Q1. Each example defines the context
    // it prices in, of that quarter (another quarter's date is DATE_NOT_COVERED).
    for (String schedule :
        List.of(
            "asp/AspFeeSchedule.java",
            "clfs/ClfsFeeSchedule.java",
            "dmepos/DmeposFeeSchedule.java")) {
      assertShows(
          "io/github/cpt4j/fee/medicare/" + schedule,
          "PricingContext context = PricingContext.of(LocalDate.of(2025, 2, 3),",
          "Locality.parse(\"13282-99\"), Setting.NON_FACILITY);");
    }
    PricingContext context =
        PricingContext.of(
            LocalDate.of(2025, 2, 3), Locality.parse("13282-99"), Setting.NON_FACILITY);
    FeeResult drug = BundledData.aspFeeSchedule().price(ClaimLine.parse("J1100 x8"), context);
    assertStated(
        "io/github/cpt4j/fee/medicare/asp/AspFeeSchedule.java",
        "FeeResult dexamethasone = ",
        "8 x 0.108 = " + drug.amountOrThrow());
    FeeResult panel =
        BundledData.clinicalLabFeeSchedule().price(ClaimLine.parse("80053-QW"), context);
    assertStated(
        "io/github/cpt4j/fee/medicare/clfs/ClfsFeeSchedule.java",
        "FeeResult panel = clfs.price(",
        panel.amountOrThrow());
    FeeResult crutches =
        BundledData.dmeposFeeSchedule()
            .price(ClaimLine.parse("E0114-NU"), context.withBeneficiaryZip("10001"));
    assertStated(
        "io/github/cpt4j/fee/medicare/dmepos/DmeposFeeSchedule.java",
        "FeeResult crutches = ",
        "NY non-rural: " + crutches.amountOrThrow());
  }

  @Test
  void lookupsOfTheBundledTables() {
    assertStated(
        "io/github/cpt4j/fee/medicare/ZipLocalityTable.java",
        "zips.find(\"10001\");",
        BundledData.zipLocalities().find("10001"));
    String dme = "io/github/cpt4j/fee/medicare/dmepos/DmeposZipTable.java";
    assertStated(dme, "zips.find(\"10001\");", BundledData.dmeposZips().find("10001"));
    assertStated(dme, "zips.find(\"04462\");", BundledData.dmeposZips().find("04462"));
    assertStated(
        "io/github/cpt4j/fee/medicare/release/MedicareReleases.java",
        "releases.releaseOn(LocalDate.of(2025, 5, 1));",
        BundledData.medicareReleases().releaseOn(LocalDate.of(2025, 5, 1)));
  }

  @Test
  void coreExamplesThatPriceOnTheBundledSample() {
    // FeeResult: 99213 in 2025, Manhattan (13202-01), non-facility.
    PricingContext manhattan =
        PricingContext.of(
            LocalDate.of(2025, 6, 2), Locality.parse("13202-01"), Setting.NON_FACILITY);
    FeeResult result = BundledData.medicareFeeSchedule().price(ClaimLine.parse("99213"), manhattan);
    assertTrue(result instanceof FeeResult.Priced, result::toString);
    assertStated(
        "io/github/cpt4j/fee/FeeResult.java",
        "BigDecimal dollars = priced.roundedAmount();",
        ((FeeResult.Priced) result).roundedAmount());

    // FeeSchedule: the contract's row answers before 120% of Medicare.
    FeeSchedule medicare = BundledData.medicareFeeSchedule();
    FeeSchedule contract =
        FeeSchedule.firstThatPrices(
            FlatFeeSchedule.builder()
                .put(ProcedureCode.parse("99213"), new BigDecimal("95.00"))
                .build(),
            FeeSchedule.percentOf(new BigDecimal("120"), medicare));
    FeeResult fee = contract.price(ClaimLine.parse("99213"), manhattan);
    assertStated(
        "io/github/cpt4j/fee/FeeSchedule.java",
        "FeeResult fee = contract.price(ClaimLine.parse(\"99213\"), context);",
        fee.amountOrThrow());

    // CodeSet: the bundled sample's lookups.
    String file = "io/github/cpt4j/codeset/CodeSet.java";
    CodeSet sample = BundledData.codeSet();
    assertStated(
        file,
        "sample.find(ProcedureCode.parse(\"99201\"), LocalDate.of(2024, 5, 1));",
        sample.find(ProcedureCode.parse("99201"), LocalDate.of(2024, 5, 1)).isEmpty()
            ? "empty"
            : "present");
    List<CodeEntry> family = sample.between(CptCode.of(99202), CptCode.of(99215));
    assertTrue(!family.isEmpty() && family.get(0).code().equals(CptCode.of(99202)));
    List<CodeEntry> musculoskeletal = sample.inSubsection(Subsection.MUSCULOSKELETAL);
    assertTrue(
        musculoskeletal.stream()
            .allMatch(
                e ->
                    e.code().compareTo(CptCode.of(20100)) >= 0
                        && e.code().compareTo(CptCode.of(29999)) <= 0),
        musculoskeletal::toString);

    // The relative value file's rows and the GPCI of Rochester's locality.
    MedicareFeeSchedule schedule = BundledData.medicareFeeSchedule();
    Gpci restOfNewYork = schedule.gpci(Locality.parse("13282-99")).orElseThrow();
    assertStated(
        "io/github/cpt4j/fee/medicare/pfs/Gpci.java",
        "restOfNewYork.work();",
        restOfNewYork.work());
    assertStated(
        "io/github/cpt4j/fee/medicare/pfs/Gpci.java",
        "restOfNewYork.name();",
        "\"" + restOfNewYork.name() + "\"");
    PaymentIndicators i =
        schedule
            .rvuEntry(ProcedureCode.parse("29881"), Optional.empty())
            .orElseThrow()
            .indicators();
    file = "io/github/cpt4j/fee/medicare/pfs/PaymentIndicators.java";
    assertStated(file, "i.multipleProcedure();", i.multipleProcedure());
    assertStated(file, "i.endoscopicBase();", i.endoscopicBase());
    RvuEntry pc =
        schedule
            .rvuEntry(ProcedureCode.parse("71046"), Optional.of(Modifier.PROFESSIONAL_COMPONENT))
            .orElseThrow();
    file = "io/github/cpt4j/fee/medicare/pfs/RvuEntry.java";
    assertStated(file, "pc.workRvu();", pc.workRvu());
    assertStated(file, "pc.indicators().pcTc();", pc.indicators().pcTc());

    // PartBClaimPricer: the drug line goes to the ASP schedule.
    PricingContext office =
        PricingContext.of(
            LocalDate.of(2025, 3, 14), Locality.parse("13282-99"), Setting.NON_FACILITY);
    PartBClaimPricer pricer =
        PartBClaimPricer.of(
            BundledData.partBFeeSchedule(),
            MedicareClaimPricer.builder(BundledData.medicareFeeSchedule()).build());
    PricedClaim claim =
        pricer.price(
            Claim.builder().add("99213-25").add("J1100 x8").build(),
            office.withBeneficiaryZip("10001"));
    assertStated(
        "io/github/cpt4j/fee/medicare/partb/PartBClaimPricer.java",
        "pricer.payerOf(claim.line(1));",
        pricer.payerOf(claim.line(1)));
  }

  /**
   * Checks that a Javadoc line of {@code file} holds {@code code} and that its comment states
   * {@code actual} (or, when the line has no comment, that the next line's comment does): exactly,
   * or followed by an explanation after a comma, colon, space or semicolon.
   */
  private static void assertStated(String file, String code, Object actual) {
    String want = String.valueOf(actual);
    List<String> lines = source(file).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int at = line.indexOf(code);
      if (at < 0 || !line.strip().startsWith("*")) {
        continue;
      }
      int comment = line.indexOf("// ", at);
      if (comment < 0 && i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("* // ")) {
        // A result too long for the code's line is stated on the next one.
        line = lines.get(i + 1);
        comment = line.indexOf("// ");
      }
      if (comment > 0) {
        String stated = line.substring(comment + 3).strip();
        boolean same =
            stated.equals(want)
                || (stated.startsWith(want) && ",:; ".indexOf(stated.charAt(want.length())) >= 0);
        assertTrue(
            same, () -> file + ": the example '" + code + "' states " + stated + ", not " + want);
        return;
      }
    }
    fail(file + ": no Javadoc example line with '" + code + "' and a stated result");
  }

  /**
   * Checks that the Javadoc of {@code file} shows {@code lines}, in order, each on its own line.
   */
  private static void assertShows(String file, String... lines) {
    List<String> body =
        source(file).lines().map(l -> l.strip().replaceFirst("^\\* ?", "").strip()).toList();
    int from = 0;
    for (String want : lines) {
      int found = body.subList(from, body.size()).indexOf(want);
      assertTrue(found >= 0, () -> file + ": the example does not show '" + want + "'");
      from += found + 1;
    }
  }

  /** The rest of the first Javadoc line of {@code file} that holds {@code start}, from it on. */
  private static String comment(String file, String start) {
    for (String line : source(file).lines().toList()) {
      int at = line.indexOf(start);
      if (at >= 0 && line.strip().startsWith("*")) {
        return line.substring(at + 3).strip();
      }
    }
    return fail(file + ": no Javadoc line with '" + start + "'");
  }

  private static String source(String file) {
    try {
      return Files.readString(CORE.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theSourcesAreWhereTheTestLooks() {
    assertEquals(true, Files.isDirectory(CORE), "run from cpt-data: " + CORE.toAbsolutePath());
  }
}
