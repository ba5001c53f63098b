package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.data.fee.FlatFeeScheduleCsv;
import io.github.cpt4j.data.medicare.GpciFile;
import io.github.cpt4j.data.medicare.OppsCapFile;
import io.github.cpt4j.data.medicare.RvuFile;
import io.github.cpt4j.data.medicare.Zip5File;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.FeeSchedule;
import io.github.cpt4j.fee.FlatFeeSchedule;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's pricing examples, as written there. */
class ReadmeExamplesTest {

  private static final Path README = Path.of("..", "README.md");

  /** Pays a fixed amount per unit for every code of one HCPCS letter, refuses the rest. */
  static final class DmeRental implements FeeSchedule {
    @Override
    public FeeResult price(ClaimLine line, PricingContext context) {
      if (!line.code().toString().startsWith("E")) {
        return FeeResult.unpriced(
            UnpricedReason.NOT_IN_SCHEDULE, "only E codes", Explanation.empty());
      }
      BigDecimal amount = new BigDecimal("25.00").multiply(BigDecimal.valueOf(line.units()));
      return FeeResult.priced(
          amount, Explanation.of(PricingStep.of("dme-rental", "25.00 per unit", amount)));
    }

    @Override
    public String name() {
      return "dme-rental";
    }
  }

  @Test
  void contractsChainATableAndAPercentageOfMedicare(@TempDir Path dir) throws Exception {
    MedicareFeeSchedule medicare = BundledData.medicareFeeSchedule();
    Locality locality = BundledData.zipLocalities().find("10001").orElseThrow();
    PricingContext office =
        PricingContext.of(LocalDate.of(2025, 3, 14), locality, Setting.NON_FACILITY);
    Files.writeString(dir.resolve("acme-2025.csv"), "code,modifier,amount\n99213,,95.00\n");
    FlatFeeSchedule acme = FlatFeeScheduleCsv.read(dir.resolve("acme-2025.csv"));
    FeeSchedule contract =
        FeeSchedule.firstThatPrices(acme, FeeSchedule.percentOf(new BigDecimal("120"), medicare));
    assertEquals(
        new BigDecimal("95.00"), contract.price(ClaimLine.parse("99213"), office).amountOrThrow());
    // 71046-26 in 13202-01: the posted 11.13 (11.13172451 rounded) x 1.2 = 13.356 -> 13.36
    FeeResult percent = contract.price(ClaimLine.parse("71046-26"), office);
    assertEquals(new BigDecimal("13.36"), percent.amountOrThrow());
    assertEquals(0, new BigDecimal("13.356").compareTo(percent.exactAmount().orElseThrow()));
    // README: a row without a modifier prices 71046-26 too, at the global amount, before the
    // fallback is asked.
    Files.writeString(dir.resolve("globals.csv"), "code,modifier,amount\n71046,,40.00\n");
    FeeSchedule globals =
        FeeSchedule.firstThatPrices(
            FlatFeeScheduleCsv.read(dir.resolve("globals.csv")),
            FeeSchedule.percentOf(new BigDecimal("120"), medicare));
    assertEquals(
        new BigDecimal("40.00"),
        globals.price(ClaimLine.parse("71046-26"), office).amountOrThrow());
    FeeSchedule dme = new DmeRental();
    assertEquals(
        new BigDecimal("75.00"), dme.price(ClaimLine.parse("E0601 x3"), office).amountOrThrow());
    assertEquals(
        Optional.of(UnpricedReason.NOT_IN_SCHEDULE),
        dme.price(ClaimLine.parse("99213"), office).reason());
  }

  /**
   * The example of "The full CMS files": a schedule over the October relative value file prices
   * only the October release's quarter, so the period the README gives its builder must be that
   * quarter, or the example's schedule silently refuses most of the dates it seems to cover.
   */
  @Test
  void fullCmsFilesExamplePricesEveryDateOfItsPeriod() throws Exception {
    LocalDate from = LocalDate.of(2025, 10, 1);
    LocalDate to = LocalDate.of(2025, 12, 31);
    String effective =
        String.format(
            ".effective(LocalDate.of(%d, %d, %d), LocalDate.of(%d, %d, %d))",
            from.getYear(),
            from.getMonthValue(),
            from.getDayOfMonth(),
            to.getYear(),
            to.getMonthValue(),
            to.getDayOfMonth());
    List<String> readme = Files.readAllLines(README);
    int section = readme.indexOf("### The full CMS files");
    assertTrue(section >= 0, "no section 'The full CMS files' in the README");
    assertTrue(
        readme.subList(section, section + 30).stream()
            .anyMatch(line -> line.strip().startsWith(effective)),
        () -> "the README's full-files example does not call " + effective);

    String dir = System.getenv("CPT4J_CMS_DIR");
    assumeTrue(
        dir != null && !dir.isBlank(),
        "CPT4J_CMS_DIR is not set: the full-files example is not run");
    Path cms = Path.of(dir, "2025");
    MedicareFeeSchedule pfs2025 =
        MedicareFeeSchedule.builder()
            .name("medicare-pfs-2025-oct")
            .rvus(RvuFile.read(cms.resolve("PPRRVU2025_Oct.csv")))
            .gpcis(GpciFile.read(cms.resolve("GPCI2025.csv"), GpciFile.WorkGpci.WITH_FLOOR))
            .oppsCaps(OppsCapFile.read(cms.resolve("OPPSCAP_Oct.csv")))
            .conversionFactors(BundledData.conversionFactors())
            .effective(from, to)
            .build();
    ZipLocalityTable zips = Zip5File.read(cms.resolve("ZIP5_OCT2025.txt"));
    Locality manhattan = zips.find("10001").orElseThrow();
    // Every date of the period the example gives is priced: the schedule does not narrow it.
    for (LocalDate date : List.of(from, LocalDate.of(2025, 11, 3), to)) {
      PricingContext office = PricingContext.of(date, manhattan, Setting.NON_FACILITY);
      assertEquals(
          new BigDecimal("101.06"),
          pfs2025.price(ClaimLine.parse("99213"), office).amountOrThrow(),
          date::toString);
    }
  }

  /**
   * "Medicare, with zero configuration": the example shows the code that runs here, prints the
   * amount its comment says, and the block after it is {@code fee.toString()}, wrapped at spaces.
   */
  @Test
  void zeroConfigurationExamplePrintsTheAuditLineShown() throws IOException {
    List<String> readme = Files.readAllLines(README);
    int section = indexOf(readme, "### Medicare, with zero configuration", 0);
    List<String> snippet = block(readme, indexOf(readme, "```java", section));
    List<String> code =
        List.of(
            "MedicareFeeSchedule medicare = BundledData.medicareFeeSchedule();",
            "Locality locality = BundledData.zipLocalities().find(\"10001\").orElseThrow();",
            "PricingContext office = PricingContext.of(LocalDate.of(2025, 3, 14), locality,"
                + " Setting.NON_FACILITY);",
            "FeeResult fee = medicare.price(ClaimLine.parse(\"99213\"), office);",
            "System.out.println(fee.amountOrThrow());");
    for (String statement : code) {
      assertTrue(
          snippet.stream().anyMatch(line -> line.startsWith(statement)),
          () -> "the README's zero-configuration example no longer runs " + statement);
    }
    MedicareFeeSchedule medicare = BundledData.medicareFeeSchedule();
    Locality locality = BundledData.zipLocalities().find("10001").orElseThrow();
    PricingContext office =
        PricingContext.of(LocalDate.of(2025, 3, 14), locality, Setting.NON_FACILITY);
    FeeResult fee = medicare.price(ClaimLine.parse("99213"), office);

    assertEquals(comment(snippet, "Locality locality ="), locality.toString());
    assertEquals(comment(snippet, "System.out.println"), fee.amountOrThrow().toString());
    int audit = indexOf(readme, "`fee.toString()` is the audit line:", section);
    assertEquals(
        String.join(" ", block(readme, indexOf(readme, "```", audit))),
        fee.toString(),
        "the README's audit line differs from what the example prints");
  }

  /**
   * "Anesthesia": the example's amount and the parts of its explanation the comment shows (between
   * its "..."), for a 2025 date of service in Rochester (13282-99), the locality the comment names.
   */
  @Test
  void anesthesiaExampleShowsWhatItPrices() throws IOException {
    List<String> readme = Files.readAllLines(README);
    int section = indexOf(readme, "### Anesthesia", 0);
    List<String> snippet = block(readme, indexOf(readme, "```java", section));
    assertTrue(
        snippet.contains(
            "    .price(ClaimLine.parse(\"00790-AA 95min\"), PricingContext.of(date, rochester,"
                + " Setting.FACILITY));"),
        () -> "the README's anesthesia example no longer prices 00790-AA 95min: " + snippet);
    FeeResult fee =
        BundledData.medicareFeeSchedule()
            .price(
                ClaimLine.parse("00790-AA 95min"),
                PricingContext.of(
                    LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY));

    assertEquals(comment(snippet, "fee.amountOrThrow();"), fee.amountOrThrow().toString());
    String shown =
        String.join(
            " ",
            snippet.stream()
                .filter(line -> line.startsWith("// "))
                .map(line -> line.substring(3))
                .toList());
    List<String> parts =
        Arrays.stream(shown.split("\\.\\.\\."))
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .toList();
    assertFalse(parts.isEmpty(), shown);
    for (String part : parts) {
      assertTrue(
          fee.toString().contains(part),
          () -> "the README's anesthesia explanation shows '" + part + "', not in: " + fee);
    }
  }

  /**
   * "Claim pricing", the co-surgeons' lines without NPIs: two lines alike in every field are an
   * exact duplicate, the second denied before the co-surgery rule sees it, so the README's example
   * tells them apart by their charges (CoSurgeonsAsOneTest prices it on the full file).
   */
  @Test
  void coSurgeonsWithoutNpisAlikeInEveryFieldAreADuplicate() throws IOException {
    PricingContext facility =
        PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);
    PricedClaim alike =
        MedicareClaimPricer.of(BundledData.medicareFeeSchedule())
            .price(Claim.builder().add("27447-62").add("27447-62").build(), facility);
    assertEquals(Optional.of(UnpricedReason.EDIT_DENIED), alike.line(1).reason(), alike::toString);
    assertEquals("duplicate-lines", alike.line(1).refusedBy().orElseThrow(), alike::toString);
    String readme = String.join(" ", Files.readAllLines(README));
    assertTrue(
        readme.contains("`21344-62 $3000` and `21344-62 $3100` are ranked")
            && readme.contains("`27447-62 $3000` and `27447-62 $3100` paired"),
        "the README's co-surgeon example without NPIs must tell the lines apart by their charges");
  }

  /**
   * The lines of the block opened at {@code open}, without the imports and the blank after them.
   */
  private static List<String> block(List<String> readme, int open) {
    int close = indexOf(readme, "```", open + 1);
    int first = open + 1;
    while (first < close && readme.get(first).startsWith("import ")) {
      first++;
    }
    if (first > open + 1 && first < close && readme.get(first).isEmpty()) {
      first++;
    }
    return readme.subList(first, close);
  }

  /** The text after {@code //} on the snippet's line that starts with {@code start}. */
  private static String comment(List<String> snippet, String start) {
    String line =
        snippet.stream()
            .filter(l -> l.startsWith(start))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no line starting " + start + ": " + snippet));
    return line.substring(line.indexOf("//") + 2).strip();
  }

  private static int indexOf(List<String> lines, String marker, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("not found after line " + from + ": " + marker);
  }
}
