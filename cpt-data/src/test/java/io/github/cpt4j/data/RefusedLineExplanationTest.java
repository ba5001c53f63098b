package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A line a claim rule leaves without an amount says so in its own explanation, as a line a claim
 * edit denies does: the explanation names the rule ({@code PricedLine.refusedBy()}), the reason and
 * the detail, on the bundled 2025 data in 13282-99. It once ended at the posted fee, as if the line
 * had been paid it.
 */
class RefusedLineExplanationTest {

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
  private static final PricingContext FACILITY =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "10060-62                  | 1 | co-surgery                 | modifier not allowed",
        "27447-66                  | 1 | team-surgery               | modifier not allowed",
        "27447-22                  | 1 | increased-reduced-services | carrier priced",
        "27447-50 27447-RT         | 2 | bilateral                  | modifier not allowed",
        "10060-LT 10060-RT-22      | 2 | increased-reduced-services | carrier priced",
        "00790-AA~60min 00840-AA~45min | 2 | anesthesia              | not payable on claim",
      })
  void theRefusingRuleIsTheLastStepWithTheReasonAndDetail(
      String lines, int number, String rule, String reason) {
    ClaimLine[] billed =
        Arrays.stream(lines.split(" "))
            .map(text -> ClaimLine.parse(text.replace('~', ' ')))
            .toArray(ClaimLine[]::new);
    PricedClaim claim = PRICER.price(Claim.ofLines(billed), FACILITY);
    PricedLine line = claim.line(number - 1);
    assertFalse(line.amount().isPresent(), line::toString);
    assertEquals(rule, line.refusedBy().orElseThrow(), line::toString);
    Explanation explanation = line.result().explanation();
    PricingStep last = explanation.steps().get(explanation.steps().size() - 1);
    assertEquals(rule, last.rule(), explanation::toString);
    assertEquals("unpriced, " + reason + ": " + line.detail(), last.description());
    assertTrue(last.amountAfter().isEmpty(), last::toString);
    // The line's one-line form states the detail once, the step cut to its head.
    assertTrue(line.toString().endsWith("; " + rule + ": unpriced, " + reason), line::toString);
  }
}
