package io.github.cpt4j.fee.medicare.pfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBPayer;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fee.medicare.release.MedicareRelease;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
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

  /**
   * Two releases of different ids that start on the same day: the latest-starting release is in
   * force, and of these two neither is later, so the list's order decided, in silence, and one of
   * them priced no date at all. CMS names a correction of 25A "RVU25AR": given that id, the
   * uncorrected 25A listed after it priced the quarter.
   */
  @Test
  void twoReleasesOfDifferentIdsStartingOnTheSameDayAreRefused() {
    MedicareRelease a =
        MedicareRelease.of("2025A", schedule("a", "2025-01-01", "2025-03-31", false));
    MedicareRelease ar =
        MedicareRelease.of("2025AR", schedule("ar", "2025-01-01", "2025-02-28", true));
    String expected =
        "releases 2025AR and 2025A both start on 2025-01-01: which of them is in force from that"
            + " day cannot be told (the latest-starting release is); give a correction the id of"
            + " the release it corrects, which it then replaces";
    assertEquals(
        expected,
        assertThrows(IllegalArgumentException.class, () -> MedicareReleases.of(List.of(ar, a)))
            .getMessage());
    assertEquals(
        expected.replace("2025AR and 2025A", "2025A and 2025AR"),
        assertThrows(IllegalArgumentException.class, () -> MedicareReleases.of(List.of(a, ar)))
            .getMessage());
    // Under the id of the release it corrects, the correction replaces it, in either place.
    MedicareRelease corrected =
        MedicareRelease.of("2025A", schedule("ar", "2025-01-01", "2025-03-31", true));
    assertEquals(List.of(corrected), MedicareReleases.of(List.of(a, corrected)).releases());
    // A release starting later, inside another's period, is still in force from its first day.
    MedicareRelease mid =
        MedicareRelease.of("2025M", schedule("m", "2025-02-01", "2025-02-28", true));
    MedicareReleases nested = MedicareReleases.of(List.of(a, mid));
    assertEquals(Optional.of(a), nested.releaseOn(LocalDate.of(2025, 1, 31)));
    assertEquals(Optional.of(mid), nested.releaseOn(LocalDate.of(2025, 2, 1)));
    assertEquals(Optional.of(a), nested.releaseOn(LocalDate.of(2025, 3, 1)));
  }

  /** A release's id names it in messages and explanations: one line, as a schedule's name. */
  @Test
  void aReleasesIdIsOneLine() {
    MedicareFeeSchedule schedule = schedule("a", "2025-01-01", "2025-03-31", false);
    assertEquals(
        "a release's id contains control character U+0009 at index 4",
        assertThrows(IllegalArgumentException.class, () -> MedicareRelease.of("2025\tA", schedule))
            .getMessage());
    assertEquals(
        "a release's id contains line separator U+2028 at index 4",
        assertThrows(
                IllegalArgumentException.class, () -> MedicareRelease.of("2025\u2028A", schedule))
            .getMessage());
    assertEquals("2025A", MedicareRelease.of("2025A", schedule).id());
  }

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
    PricedClaim viaPartB = PART_B.price(overTwo, OFFICE);
    assertEquals(
        Optional.of(UnpricedReason.GLOBAL_SURGERY),
        viaPartB.line(2).result().reason(),
        viaPartB::toString);
  }

  private static final PartBClaimPricer PART_B = partB(builder -> builder);

  private static PartBClaimPricer partB(UnaryOperator<MedicareClaimPricer.Builder> pipeline) {
    return PartBClaimPricer.of(
        PartBFeeSchedule.builder().physicianFeeSchedule(RELEASES).build(), RELEASES, pipeline);
  }

  /**
   * A Part B schedule over the releases prices each line with the release of its date, as the
   * releases do, with that release's explanation alone: not each release asked in turn, whose
   * explanation named every earlier one that did not cover the date. A code only the later release
   * lists goes to the Physician Fee Schedule on every date.
   */
  @Test
  void aPartBScheduleOverTheReleasesPricesEachDateWithItsOwnRelease() {
    PartBFeeSchedule partB = PartBFeeSchedule.builder().physicianFeeSchedule(RELEASES).build();
    assertEquals(PartBPayer.PHYSICIAN_FEE_SCHEDULE, partB.payerOf(CptCode.parse("11055")));
    for (String date : List.of("2025-03-31", "2025-04-01", "2025-12-31", "2026-01-05")) {
      PricingContext context =
          PricingContext.of(LocalDate.parse(date), Fixtures.REST_OF_NEW_YORK, Setting.NON_FACILITY);
      for (String code : List.of("11055", "99213")) {
        FeeResult byReleases = RELEASES.price(ClaimLine.parse(code), context);
        FeeResult viaPartB = partB.price(ClaimLine.parse(code), context);
        String what = code + " on " + date + ": " + viaPartB;
        assertEquals(byReleases.amount(), viaPartB.amount(), what);
        assertEquals(byReleases.reason(), viaPartB.reason(), what);
        assertEquals(
            byReleases.explanation().steps(),
            viaPartB.explanation().steps().subList(0, byReleases.explanation().steps().size()),
            what);
      }
    }
    // 11055 on a date of the release that lacks it is that release's answer.
    assertFalse(partB.price(ClaimLine.parse("11055"), MARCH).isPriced());
    assertTrue(partB.price(ClaimLine.parse("11055"), OFFICE).isPriced());
  }

  private static final PricingContext MARCH =
      PricingContext.of(LocalDate.of(2025, 3, 31), Fixtures.REST_OF_NEW_YORK, Setting.NON_FACILITY);

  private static List<Optional<UnpricedReason>> reasons(PricedClaim claim) {
    return claim.lines().stream().map(line -> line.result().reason()).toList();
  }

  /**
   * A line on a date no release covers is {@code DATE_NOT_COVERED} in the Part B pricer as in the
   * releases' own: the Part B pricer judged it with another release's edits and let a denial win,
   * so 99213 on 27447's day in 2026 was {@code GLOBAL_SURGERY}, by 2025's global period.
   */
  @Test
  void aLineOnADateNoReleaseCoversIsNotCoveredWhateverTheEditsFind() {
    Claim uncovered =
        Claim.of(BilledLine.parse("99213 on 2026-01-05"), BilledLine.parse("27447 on 2026-01-05"));
    Claim mixed =
        Claim.of(
            BilledLine.parse("99213 on 2026-01-05"),
            BilledLine.parse("27447 on 2026-01-05"),
            BilledLine.parse("90834 on 2025-06-02"));
    Optional<UnpricedReason> notCovered = Optional.of(UnpricedReason.DATE_NOT_COVERED);
    assertEquals(Optional.empty(), RELEASES.price(uncovered, OFFICE));
    PricedClaim viaPartB = PART_B.price(uncovered, OFFICE);
    assertEquals(List.of(notCovered, notCovered), reasons(viaPartB), viaPartB::toString);
    PricedClaim byReleases = RELEASES.price(mixed, OFFICE).orElseThrow();
    viaPartB = PART_B.price(mixed, OFFICE);
    assertEquals(
        List.of(notCovered, notCovered, Optional.empty()),
        reasons(byReleases),
        byReleases::toString);
    assertEquals(reasons(byReleases), reasons(viaPartB), viaPartB::toString);
    assertEquals(byReleases.line(2).amount(), viaPartB.line(2).amount());
    for (PricedLine line : viaPartB.lines()) {
      assertEquals(List.of(), line.warnings(), viaPartB::toString);
    }
  }

  /**
   * The findings of edits that do not depend on the release (a broken modifier rule; NCCI's tables,
   * here an edit of the pipeline that flags every line and denies 99213) are left off a line no
   * release covers, as the releases' own pricer leaves them: no warning, and not covered rather
   * than denied. The covered line keeps them.
   */
  @Test
  void theFindingsOfEditsOfNoReleaseAreLeftOffALineNoReleaseCovers() {
    Claim claim =
        Claim.of(
            BilledLine.parse("99213-25-59 on 2026-01-05"),
            BilledLine.parse("99213-25-59 on 2025-06-02"));
    PricedClaim byReleases = RELEASES.price(claim, OFFICE).orElseThrow();
    PricedClaim viaPartB = PART_B.price(claim, OFFICE);
    assertEquals(reasons(byReleases), reasons(viaPartB), viaPartB::toString);
    assertEquals(Optional.of(UnpricedReason.DATE_NOT_COVERED), viaPartB.line(0).result().reason());
    assertEquals(List.of(), viaPartB.line(0).warnings(), viaPartB::toString);
    assertEquals(byReleases.line(1).warnings(), viaPartB.line(1).warnings());
    assertEquals(1, viaPartB.line(1).warnings().size(), viaPartB::toString);

    ClaimEdit payer =
        new ClaimEdit() {
          @Override
          public String name() {
            return "payer";
          }

          @Override
          public List<EditFinding> check(Claim c, PricingContext context) {
            List<EditFinding> found = new ArrayList<>();
            for (int i = 0; i < c.size(); i++) {
              found.add(
                  c.line(i).line().code().equals(CptCode.parse("99213"))
                      ? EditFinding.denyLine("payer", i, c.line(i).line().units(), "denied")
                      : EditFinding.flag("payer", i, "flagged"));
            }
            return found;
          }
        };
    PricedClaim withPayer =
        partB(builder -> builder.addEdit(payer))
            .price(
                Claim.of(
                    BilledLine.parse("99213 on 2026-01-05"),
                    BilledLine.parse("90834 on 2026-01-05"),
                    BilledLine.parse("99213 on 2025-06-02"),
                    BilledLine.parse("90834 on 2025-06-02")),
                OFFICE);
    Optional<UnpricedReason> notCovered = Optional.of(UnpricedReason.DATE_NOT_COVERED);
    assertEquals(
        List.of(notCovered, notCovered, Optional.of(UnpricedReason.EDIT_DENIED), Optional.empty()),
        reasons(withPayer),
        withPayer::toString);
    assertEquals(List.of(), withPayer.line(1).warnings(), withPayer::toString);
    assertEquals(1, withPayer.line(3).warnings().size(), withPayer::toString);
  }

  /**
   * A covered visit in the postoperative days of a surgery on a date no release covers is judged by
   * its own date's release, the global period that release gives the surgery, as a visit after a
   * surgery of another covered release is: 27447 on 2024-12-20, before the first release, holds the
   * visit of 2025-01-06 in its 090 days (Claims Processing Manual ch. 12 §40.1.A), in both pricers.
   */
  @Test
  void aCoveredVisitAfterASurgeryNoReleaseCoversIsJudgedByItsOwnRelease() {
    Claim claim =
        Claim.of(BilledLine.parse("27447 on 2024-12-20"), BilledLine.parse("99213 on 2025-01-06"));
    List<Optional<UnpricedReason>> expected =
        List.of(
            Optional.of(UnpricedReason.DATE_NOT_COVERED),
            Optional.of(UnpricedReason.GLOBAL_SURGERY));
    PricedClaim byReleases = RELEASES.price(claim, OFFICE).orElseThrow();
    assertEquals(expected, reasons(byReleases), byReleases::toString);
    PricedClaim viaPartB = PART_B.price(claim, OFFICE);
    assertEquals(expected, reasons(viaPartB), viaPartB::toString);
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
