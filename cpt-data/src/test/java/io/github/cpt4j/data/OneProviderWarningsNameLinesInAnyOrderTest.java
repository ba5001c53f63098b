package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An assistant's (80) or a co-surgeon's (62) line beside another line of its code, all of one
 * provider, is warned of naming that other line. With two such lines to name, the warning named the
 * first in claim order, so its text depended on the order of the lines (found by {@code
 * ClaimPricingLawsProperties}); it now names the same line in any order: the one the claim rules
 * rank first among lines alike (no charge before a charge).
 */
class OneProviderWarningsNameLinesInAnyOrderTest {

  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(BundledData.medicareFeeSchedule());

  @Test
  void theAssistantsWarningNamesOneSurgeonsLineInEitherOrder() {
    PricedClaim one = price("63047 $1.00", "63047", "63047-80");
    PricedClaim other = price("63047-80", "63047", "63047 $1.00");
    assertEquals(
        List.of("63047-80 and 63047 (line 2) are one provider's lines"),
        warnings(one.line(2), ClaimWarning.Kind.SURGEON_AND_ASSISTANT_AS_ONE),
        one::toString);
    assertEquals(
        List.of("63047-80 and 63047 (line 2) are one provider's lines"),
        warnings(other.line(0), ClaimWarning.Kind.SURGEON_AND_ASSISTANT_AS_ONE),
        other::toString);
  }

  @Test
  void theCoSurgeonsWarningNamesOneLineInEitherOrder() {
    PricedClaim one = price("63047-62 $2.00", "63047-62 $1.00", "63047-62");
    PricedClaim other = price("63047-62", "63047-62 $1.00", "63047-62 $2.00");
    // The line of $2.00 names the line without a charge, line 3 or line 1.
    assertEquals(
        List.of("63047-62 and 63047-62 (line 3) are one provider's lines"),
        warnings(one.line(0), ClaimWarning.Kind.CO_SURGEONS_AS_ONE),
        one::toString);
    assertEquals(
        List.of("63047-62 and 63047-62 (line 1) are one provider's lines"),
        warnings(other.line(2), ClaimWarning.Kind.CO_SURGEONS_AS_ONE),
        other::toString);
  }

  private static PricedClaim price(String... lines) {
    Claim.Builder claim = Claim.builder();
    for (String line : lines) {
      claim.add(BilledLine.parse(line));
    }
    return PRICER.price(claim.build(), CONTEXT);
  }

  /** The start of each warning of {@code kind} on the line, up to "lines". */
  private static List<String> warnings(PricedLine line, ClaimWarning.Kind kind) {
    return line.warnings().stream()
        .filter(w -> w.kind() == kind)
        .map(w -> w.message().substring(0, w.message().indexOf(" lines") + " lines".length()))
        .toList();
  }
}
