package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bundled releases: every 2025 release of the sample codes, and the 2026 rows available. */
class BundledReleasesTest {

  static final MedicareReleases RELEASES = BundledData.medicareReleases();
  static final Locality MANHATTAN = Locality.parse("13202-01");
  static final Locality LOS_ANGELES = Locality.parse("01182-18");

  static FeeResult price(String line, String date, Locality locality) {
    return RELEASES.price(
        ClaimLine.parse(line),
        PricingContext.of(LocalDate.parse(date), locality, Setting.NON_FACILITY));
  }

  @Test
  void coversEvery2025ReleaseAnd2026() {
    assertEquals(
        "2025-01-01 to 2026-12-31 (releases 2025A, 2025B, 2025C, 2025D, 2026A)",
        RELEASES.coverage());
    assertEquals("2025C", RELEASES.releaseOn(LocalDate.of(2025, 8, 15)).orElseThrow().id());
    String described = BundledData.describeMedicareReleases();
    assertTrue(described.contains("2026A  2026-01-01 to 2026-12-31"), described);
    // The same line as a directory's release gives (cpt data --cms-dir), OPPS cap included.
    assertTrue(
        described
            .lines()
            .anyMatch(l -> l.startsWith("2025C  ") && l.endsWith("OPPS cap, anesthesia")),
        described);
    // 25B has no cap file: its caps come from its own relative values' OPPS columns.
    assertTrue(
        described
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("2025B  ") && l.endsWith("OPPS cap from RVU columns, anesthesia")),
        described);
    // The lab, equipment and drug quarters, whose dates are narrower than the releases'.
    assertTrue(
        described.endsWith(
            "Part B: clinical lab clfs-2025-Q1-sample, DMEPOS dmepos-2025-Q1-sample, drugs (ASP)"
                + " asp-2025-Q1-sample: 2025-01-01 to 2025-03-31\n"),
        described);
  }

  @Test
  void each2025DateIsPricedByItsRelease() {
    // 99213 in Manhattan: (1.30 x 1.065 + 1.35 x 1.166 + 0.10 x 1.656) x 32.3465 = 101.0569
    for (String date : new String[] {"2025-01-02", "2025-05-05", "2025-08-08", "2025-11-11"}) {
      FeeResult fee = price("99213", date, MANHATTAN);
      assertEquals(new BigDecimal("101.06"), fee.amountOrThrow(), date);
    }
    assertTrue(
        price("99213", "2025-08-08", MANHATTAN).toString().contains("medicare-pfs-2025C-sample"));
  }

  @Test
  void the2026RowsUseThe2026FactorAndThe2026Gpcis() {
    // 99213 in Los Angeles, 2026 non-QP: CF 33.4009, 2026 GPCIs work 1.041, PE 1.183, MP 0.664
    FeeResult fee = price("99213", "2026-03-02", LOS_ANGELES);
    assertTrue(fee.isPriced(), fee::toString);
    assertTrue(fee.toString().contains("CF 33.4009"), fee::toString);
    assertTrue(fee.toString().contains("x 1.041"), fee::toString);
    // Manhattan has no 2026 GPCIs in the bundled data: never the 2025 ones.
    FeeResult manhattan = price("99213", "2026-03-02", MANHATTAN);
    assertEquals(UnpricedReason.NO_GPCI_FOR_LOCALITY, manhattan.reason().orElseThrow());
    // Beyond the data, the answer says which dates it covers.
    FeeResult later = price("99213", "2027-01-04", MANHATTAN);
    assertEquals(UnpricedReason.DATE_NOT_COVERED, later.reason().orElseThrow());
    assertTrue(later.detail().contains("covers 2025-01-01 to 2026-12-31"), later::detail);
  }

  /**
   * 2026A has no OPPS cap file, yet caps imaging: from its rows' own OPPS columns, as 25B does.
   * 71046 in Los Angeles, 2026 non-QP: (0.21 x 1.041 + 2.70 x 1.183 + 0.05 x 0.664) x 33.4009 =
   * 115.10, above the fee schedule amount, so the cap does not lower it.
   */
  @Test
  void the2026RowsAreCappedFromTheirOwnOppsColumns() {
    String described = BundledData.describeMedicareReleases();
    assertTrue(
        described
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("2026A  ")
                        && l.endsWith("OPPS cap from RVU columns, no anesthesia")),
        described);
    FeeResult fee = price("71046", "2026-03-02", LOS_ANGELES);
    assertTrue(fee.toString().contains("OPPS imaging cap 115.10 is not lower"), fee::toString);
  }

  @Test
  void aClaimOfTwoReleasesPricesEachLineWithItsDatesRelease() {
    // 0446T's non-facility practice expense is 90.47 RVUs in 2025A and 179.53 from 2025B.
    BigDecimal january = price("0446T", "2025-03-03", MANHATTAN).amountOrThrow();
    BigDecimal april = price("0446T", "2025-05-05", MANHATTAN).amountOrThrow();
    assertTrue(april.compareTo(january) > 0, april + " " + january);
    Claim claim =
        Claim.of(
            BilledLine.parse("0446T"),
            BilledLine.parse("0446T on 2025-05-05"),
            BilledLine.parse("0446T-59 on 2025-05-05"),
            BilledLine.parse("99213 on 2027-01-04"),
            BilledLine.parse("19120-LT on 2025-05-05"),
            BilledLine.parse("19120-RT on 2025-05-05"));
    PricedClaim priced =
        RELEASES
            .price(
                claim, PricingContext.of(LocalDate.of(2025, 3, 3), MANHATTAN, Setting.NON_FACILITY))
            .orElseThrow();
    assertEquals(january, priced.line(0).amountOrThrow());
    assertEquals(april, priced.line(1).amountOrThrow());
    assertEquals(claim.line(2), priced.line(2).billed());
    assertEquals(Optional.of(UnpricedReason.DATE_NOT_COVERED), priced.line(3).reason());
    assertTrue(priced.line(3).detail().contains("not 2027-01-04"), priced.line(3)::detail);
    // Each line keeps its number in the whole claim, in its explanation too.
    String pair = priced.line(5).explanation().toString();
    assertTrue(pair.contains("LT and RT on line 5 and line 6"), pair);
    assertEquals(5, priced.line(5).index());
  }
}
