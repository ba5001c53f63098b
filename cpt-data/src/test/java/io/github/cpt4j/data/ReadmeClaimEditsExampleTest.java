package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.ClaimState;
import io.github.cpt4j.fee.medicare.pfs.claim.ClaimStep;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's "Claim edits, scrubbing and your own rules" honest: its Java block is exactly
 * the code between the markers below (the classes, then the statements), and it compiles and runs
 * as the section says. The block used to show only the statements, with neither imports nor the two
 * classes it names, so a reader could not compile it.
 */
class ReadmeClaimEditsExampleTest {

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
          "ReadmeClaimEditsExampleTest.java");
  private static final String HEADING = "### Claim edits, scrubbing and your own rules";

  // README:classes:begin
  /** The payer's edit: every line of a code its plan does not cover is denied. */
  static final class NotCovered implements ClaimEdit {
    private final String code;

    NotCovered(String code) {
      this.code = code;
    }

    @Override
    public String name() {
      return "payer-not-covered"; // a rule id: no spaces, ';' or ':'
    }

    @Override
    public List<EditFinding> check(Claim claim, PricingContext context) {
      List<EditFinding> found = new ArrayList<>();
      for (int i = 0; i < claim.size(); i++) {
        if (claim.line(i).line().code().toString().equals(code)) {
          found.add(
              EditFinding.denyLine(
                  name(), i, claim.line(i).line().units(), code + " is not covered by the plan"));
        }
      }
      return found;
    }
  }

  /** The payer's step: no line is paid more than a cap. */
  static final class LineCap implements ClaimStep {
    private final BigDecimal cap;

    LineCap(BigDecimal cap) {
      this.cap = cap;
    }

    @Override
    public String name() {
      return "payer-line-cap";
    }

    @Override
    public void apply(ClaimState claim) {
      for (int i = 0; i < claim.size(); i++) {
        if (claim.isPriced(i) && claim.exactAmount(i).compareTo(cap) > 0) {
          claim.setAmount(i, cap, name(), () -> "the plan pays at most " + cap + " a line");
        }
      }
    }
  }

  // README:classes:end

  /** What the statements make, for the assertions. */
  private record Example(List<EditFinding> findings, PricedClaim priced) {}

  private static Example example(Claim claim, PricingContext outpatient) {
    // README:statements:begin
    MedicareClaimPricer payer =
        MedicareClaimPricer.builder(BundledData.medicareFeeSchedule())
            .addEdit(new NotCovered("15780")) // a ClaimEdit: deny a code
            .addStepBefore("billed-charge", new LineCap(new BigDecimal("500.00"))) // a ClaimStep
            .removeStep("status-t")
            .build();
    List<EditFinding> findings = payer.scrub(claim, outpatient); // the edits alone
    PricedClaim priced = payer.price(claim, outpatient);
    // README:statements:end
    return new Example(findings, priced);
  }

  /** The claim and context of the README's claim-pricing example, with a line 15780 added. */
  private static Example onTheReadmeClaim() {
    Locality rochester = BundledData.zipLocalities().find("14620").orElseThrow();
    PricingContext outpatient =
        PricingContext.of(LocalDate.of(2025, 6, 2), rochester, Setting.FACILITY);
    Claim claim =
        Claim.builder()
            .add("29880-RT", "2400.00")
            .add("20610-LT", "310.00")
            .add("99213-25", "180.00")
            .add(BilledLine.parse("15780 $900.00"))
            .build();
    return example(claim, outpatient);
  }

  @Test
  void theEditDeniesTheCodeAndTheStepCapsTheLine() {
    Example example = onTheReadmeClaim();
    assertEquals(1, example.findings().size(), example.findings()::toString);
    EditFinding finding = example.findings().get(0);
    assertEquals("payer-not-covered", finding.edit());
    assertEquals(3, finding.line());
    assertEquals(EditAction.DENY_LINE, finding.action());
    PricedClaim priced = example.priced();
    // 29880-RT: 531.70 by Medicare's rules (README, "Claim pricing"), capped before billed-charge.
    assertEquals(new BigDecimal("500.00"), priced.line(0).amountOrThrow());
    List<String> rules =
        priced.line(0).explanation().steps().stream().map(PricingStep::rule).toList();
    assertEquals(
        List.of("payer-line-cap", "billed-charge"),
        rules.subList(rules.size() - 2, rules.size()),
        rules::toString);
    assertEquals(new BigDecimal("21.07"), priced.line(1).amountOrThrow());
    assertEquals(new BigDecimal("61.92"), priced.line(2).amountOrThrow());
    assertEquals(Optional.of(UnpricedReason.EDIT_DENIED), priced.line(3).reason());
    assertEquals(Optional.of("payer-not-covered"), priced.line(3).refusedBy());
    assertEquals(new BigDecimal("582.99"), priced.total());
  }

  @Test
  void theStepCapsAnAnesthesiaLineToo() {
    Locality rochester = BundledData.zipLocalities().find("14620").orElseThrow();
    PricingContext outpatient =
        PricingContext.of(LocalDate.of(2025, 6, 2), rochester, Setting.FACILITY);
    Claim claim =
        Claim.builder()
            .add(BilledLine.parse("00790-AA 600min $5000.00"))
            .add("99213", "180.00")
            .build();
    PricedClaim priced = example(claim, outpatient).priced();
    // The session is 930.13 by Medicare's anesthesia schedule; the anesthesia line once got its
    // amount only in the last step, after the cap, which saw no amount and left it at 930.13.
    assertEquals(new BigDecimal("500.00"), priced.line(0).amountOrThrow(), priced::toString);
    assertTrue(priced.line(0).explanation().has("payer-line-cap"), priced::toString);
    assertEquals(new BigDecimal("61.92"), priced.line(1).amountOrThrow());
    assertEquals(new BigDecimal("561.92"), priced.total());
  }

  @Test
  void readmeShowsExactlyTheCodeThatRuns() throws IOException {
    List<String> source = Files.readAllLines(SELF);
    List<String> expected = new ArrayList<>();
    for (String line :
        dedent(between(source, "// README:classes:begin", "// README:classes:end"))) {
      // Nested here, top-level in a reader's file.
      expected.add(line.startsWith("static final class ") ? line.substring(7) : line);
    }
    expected.addAll(
        dedent(between(source, "// README:statements:begin", "// README:statements:end")));
    assertEquals(
        expected,
        javaBlock(Files.readAllLines(README)),
        "the README's claim-edits example differs from this test; copy one to the other");
  }

  private static List<String> between(List<String> lines, String begin, String end) {
    return lines.subList(indexOf(lines, begin, 0) + 1, indexOf(lines, end, 0));
  }

  /** Returns the lines of the section's Java block after its imports and the blank line. */
  private static List<String> javaBlock(List<String> readme) {
    int heading = indexOf(readme, HEADING, 0);
    int open = indexOf(readme, "```java", heading);
    int close = indexOf(readme, "```", open + 1);
    int code = open + 1;
    while (code < close && readme.get(code).startsWith("import ")) {
      code++;
    }
    if (code > open + 1 && readme.get(code).isEmpty()) {
      code++;
    }
    return readme.subList(code, close);
  }

  private static int indexOf(List<String> lines, String marker, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("no line " + marker + " after line " + from);
  }

  private static List<String> dedent(List<String> lines) {
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.add(line.isBlank() ? "" : line.substring(indent));
    }
    return out;
  }
}
