package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's claim-pricing section honest: its Java block is exactly the code between the
 * markers below, run on the bundled 2025 data, and the text block after it is exactly what that
 * code prints.
 */
class ReadmeClaimPricingExampleTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path SELF =
      Path.of(
          "src",
          "test",
          "java",
          "io",
          "github",
          "cpt4j",
          "data",
          "ReadmeClaimPricingExampleTest.java");
  private static final String HEADING = "## Claim pricing";

  private static PricedClaim example() {
    // README:begin
    MedicareClaimPricer pricer = MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
    Locality rochester = BundledData.zipLocalities().find("14620").orElseThrow(); // 13282-99
    PricingContext outpatient =
        PricingContext.of(LocalDate.of(2025, 6, 2), rochester, Setting.FACILITY);
    Claim claim =
        Claim.builder()
            .add("29880-RT", "2400.00") // knee arthroscopy trimming both menisci, right
            .add("20610-LT", "310.00") // knee joint injection, left
            .add("99213-25", "180.00") // visit for another problem, same day
            .build();
    PricedClaim pricing = pricer.price(claim, outpatient);
    System.out.println(pricing); // the total, then one audit line per claim line
    // README:end
    return pricing;
  }

  @Test
  void theExamplePricesTheClaim() {
    PricedClaim pricing = example();
    assertEquals(new BigDecimal("614.69"), pricing.total());
    assertEquals(new BigDecimal("531.70"), pricing.line(0).amountOrThrow());
    assertEquals(new BigDecimal("21.07"), pricing.line(1).amountOrThrow()); // 50%: ranked 2nd
    assertEquals(new BigDecimal("61.92"), pricing.line(2).amountOrThrow());
    assertTrue(pricing.isFullyPriced());
  }

  @Test
  void aVisitOnTheDayOfAnInjectionIsInItsGlobalPackage() {
    // README, "Visits on the day of surgery": 20610 (global 000) in 13282-99, facility, 2025:
    // (0.79 + 0.44 x 0.949 + 0.13 x 0.732) x 32.3465 = 42.13843248 = 42.14; the visit 61.92 only
    // with 25.
    MedicareClaimPricer pricer = MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
    PricingContext outpatient =
        PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);
    PricedClaim bundled =
        pricer.price(Claim.builder().add("20610").add("99213").build(), outpatient);
    assertEquals(new BigDecimal("42.14"), bundled.total());
    assertEquals(UnpricedReason.GLOBAL_SURGERY, bundled.line(1).reason().orElseThrow());
    assertTrue(
        bundled
            .line(1)
            .detail()
            .startsWith(
                "99213 on the day of 20610 (line 1, global period 000) is part of its global"
                    + " surgical package: add 25 if"),
        bundled.line(1)::toString);
    PricedClaim separate =
        pricer.price(Claim.builder().add("20610").add("99213-25").build(), outpatient);
    assertEquals(new BigDecimal("104.06"), separate.total());
    assertEquals(new BigDecimal("61.92"), separate.line(1).amountOrThrow());
  }

  @Test
  void readmeShowsExactlyTheCodeThatRuns() throws IOException {
    List<String> source = Files.readAllLines(SELF);
    List<String> expected =
        dedent(
            source.subList(
                indexOf(source, "// README:begin", 0) + 1, indexOf(source, "// README:end", 0)));
    assertEquals(
        expected,
        block(Files.readAllLines(README), "```java"),
        "the README's claim-pricing example differs from this test; copy one to the other");
  }

  @Test
  void readmeShowsExactlyWhatTheCodePrints() throws IOException {
    List<String> printed = Arrays.asList(example().toString().split("\n"));
    assertEquals(
        printed,
        block(Files.readAllLines(README), "```text"),
        "the README's claim-pricing output differs from what the example prints");
  }

  /** Returns the lines of the first block opened by {@code fence} in the claim-pricing section. */
  private static List<String> block(List<String> readme, String fence) {
    int heading = indexOf(readme, HEADING, 0);
    int open = indexOf(readme, fence, heading);
    int close = indexOf(readme, "```", open + 1);
    return readme.subList(afterImports(readme, open + 1, close), close);
  }

  /** Skips the import lines a README snippet starts with, and the blank line after them. */
  private static int afterImports(List<String> readme, int first, int close) {
    int code = first;
    while (code < close && readme.get(code).startsWith("import ")) {
      code++;
    }
    if (code > first && code < close && readme.get(code).isEmpty()) {
      code++;
    }
    return code;
  }

  private static int indexOf(List<String> lines, String marker, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).trim().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("marker not found: " + marker);
  }

  private static List<String> dedent(List<String> lines) {
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    List<String> result = new ArrayList<>();
    for (String line : lines) {
      result.add(line.isBlank() ? "" : line.substring(indent));
    }
    return result;
  }
}
