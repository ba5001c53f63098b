package io.github.cpt4j.fee.medicare.pfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.release.MedicareRelease;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A claim over two releases: each line is judged by the edits of its own date's release. Release A
 * lacks 11055 (a procedure with a 000 global period), as a quarter lacks a code the next one adds;
 * the visit on 11055's day, in release B, is part of its package whatever release the claim's first
 * line is in.
 */
class ClaimOverReleasesTest {

  private static MedicareFeeSchedule schedule(String name, String from, String to, boolean all) {
    List<RvuEntry> rows =
        Fixtures.rvuEntries().stream()
            .filter(e -> all || !e.code().equals(CptCode.parse("11055")))
            .toList();
    return MedicareFeeSchedule.builder()
        .name(name)
        .rvus(RvuTable.of(rows))
        .gpcis(Fixtures.gpcis())
        .conversionFactors(Fixtures.conversionFactors())
        .effective(LocalDate.parse(from), LocalDate.parse(to))
        .build();
  }

  private static final MedicareReleases RELEASES =
      MedicareReleases.of(
          List.of(
              MedicareRelease.of("2025A", schedule("a", "2025-01-01", "2025-03-31", false)),
              MedicareRelease.of("2025B", schedule("b", "2025-04-01", "2025-12-31", true))));

  private static final PricingContext OFFICE =
      PricingContext.of(LocalDate.of(2025, 4, 2), Fixtures.REST_OF_NEW_YORK, Setting.NON_FACILITY);

  @Test
  void theVisitIsJudgedByTheReleaseOfItsOwnDateNotTheClaimsFirstLine() {
    Claim sameRelease =
        Claim.of(BilledLine.parse("11055 on 2025-04-02"), BilledLine.parse("99213 on 2025-04-02"));
    Claim overTwo =
        Claim.of(
            BilledLine.parse("99213 on 2025-03-31"),
            BilledLine.parse("11055 on 2025-04-02"),
            BilledLine.parse("99213 on 2025-04-02"));
    PricedClaim one = RELEASES.price(sameRelease, OFFICE).orElseThrow();
    assertEquals(Optional.of(UnpricedReason.GLOBAL_SURGERY), one.line(1).result().reason());
    PricedClaim two = RELEASES.price(overTwo, OFFICE).orElseThrow();
    assertTrue(two.line(0).isPriced(), two::toString);
    assertEquals(
        Optional.of(UnpricedReason.GLOBAL_SURGERY), two.line(2).result().reason(), two::toString);
    // The Part B pricer over the same releases judges it the same way.
    PartBClaimPricer partB =
        PartBClaimPricer.of(
            PartBFeeSchedule.builder()
                .physicianFeeSchedule(RELEASES.releases().get(0).schedule())
                .physicianFeeSchedule(RELEASES.releases().get(1).schedule())
                .build(),
            RELEASES,
            builder -> builder);
    PricedClaim viaPartB = partB.price(overTwo, OFFICE);
    assertEquals(
        Optional.of(UnpricedReason.GLOBAL_SURGERY),
        viaPartB.line(2).result().reason(),
        viaPartB::toString);
  }

  /**
   * A claim without lines (an empty batch group, a FHIR claim whose items were all refused) is
   * priced as the release of the context's date prices it: no lines, as a single release's claim
   * pricer answers; on a date no release covers, no answer, as for any other claim. It threw a
   * NullPointerException from deep inside, looking for the release of a first line it did not have.
   */
  @Test
  void aClaimWithoutLinesIsAnsweredNotAnError() {
    PricedClaim none = RELEASES.price(Claim.of(List.of()), OFFICE).orElseThrow();
    assertEquals(0, none.lines().size());
    assertEquals(
        Optional.empty(),
        RELEASES.price(Claim.of(List.of()), OFFICE.withDateOfService(LocalDate.of(2026, 1, 2))));
  }
}
