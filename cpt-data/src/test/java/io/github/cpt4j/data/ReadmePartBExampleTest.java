package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's Part B section honest: its Java block is exactly the code between the markers
 * below, run on the bundled 2025 data, and the text block after it is exactly what that code
 * prints.
 */
class ReadmePartBExampleTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path SELF =
      Path.of(
          "src", "test", "java", "io", "github", "cpt4j", "data", "ReadmePartBExampleTest.java");
  private static final String HEADING = "## Part B: laboratory tests, equipment and drugs";

  private static String example() {
    StringBuilder out = new StringBuilder();
    // README:begin
    PartBFeeSchedule partB =
        PartBFeeSchedule.builder()
            .physicianFeeSchedule(BundledData.medicareReleases())
            .clinicalLaboratory(BundledData.clinicalLabFeeSchedule())
            .dmepos(BundledData.dmeposFeeSchedule())
            .drugs(BundledData.aspFeeSchedule())
            .build();
    Locality manhattan = BundledData.zipLocalities().find("10001").orElseThrow(); // 13202-01
    PricingContext office =
        PricingContext.of(LocalDate.of(2025, 3, 14), manhattan, Setting.NON_FACILITY)
            .withBeneficiaryZip("10001"); // where the patient lives: DMEPOS prices by it
    for (String text : List.of("99213-25", "36415", "80053", "96372", "J1100 x8", "E0114-NU")) {
      ClaimLine line = ClaimLine.parse(text);
      FeeResult fee = partB.price(line, office);
      out.append(text + ": " + fee.amountOrThrow() + " from " + partB.payerOf(line.code()) + "\n");
    }
    // README:end
    return out.toString();
  }

  @Test
  void theExamplePricesEveryLineFromItsSchedule() {
    assertEquals(
        List.of(
            "99213-25: 101.06 from PHYSICIAN_FEE_SCHEDULE",
            "36415: 9.09 from CLINICAL_LABORATORY",
            "80053: 10.56 from CLINICAL_LABORATORY",
            "96372: 15.82 from PHYSICIAN_FEE_SCHEDULE",
            "J1100 x8: 0.86 from DRUGS",
            "E0114-NU: 61.45 from DMEPOS"),
        Arrays.asList(example().split("\n")));
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
        "the README's Part B example differs from this test; copy one to the other");
  }

  @Test
  void readmeShowsExactlyWhatTheCodePrints() throws IOException {
    List<String> printed = Arrays.asList(example().split("\n"));
    assertEquals(
        printed,
        block(Files.readAllLines(README), "```text"),
        "the README's Part B output differs from what the example prints");
  }

  /** Returns the lines of the first block opened by {@code fence} in the Part B section. */
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
