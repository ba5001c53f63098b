package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code add-on} step beside primaries a claim edit denied, and the add-ons whose primaries CMS
 * names (G2211, G2212, G0316, G0545, G0279, 77063) beside them ({@link NamedAddOns}), on a small
 * table at 25 dollars per RVU.
 */
class AddOnPrimaryTest {

  private static final MedicareFeeSchedule SCHEDULE =
      ClaimTables.scheduleBuilderSince2015()
          .rvus(
              RvuTable.of(
                  List.of(
                      row("99213", "2.00", "1.60", "0.40").build(), // 100.00
                      row("99215", "4.00", "3.20", "0.80").build(), // 200.00
                      row("99232", "2.00", "1.60", "0.40").build(), // 100.00
                      row("99233", "3.00", "2.40", "0.60").build(), // 150.00
                      row("G0316", "0.80", "0.40", "0.00").global("ZZZ").build(), // 30.00
                      row("G0545", "0.80", "0.40", "0.00").global("ZZZ").build(), // 30.00
                      row("G0279", "0.80", "0.40", "0.00").global("ZZZ").build(), // 30.00
                      row("77063", "0.80", "0.40", "0.00").global("ZZZ").build(), // 30.00
                      row("77066", "2.00", "1.60", "0.40").build(), // 100.00
                      row("77067", "2.00", "1.60", "0.40").build(), // 100.00
                      row("G0439", "2.00", "1.60", "0.40").build(), // 100.00
                      row("G0444", "0.40", "0.20", "0.00").build(), // 15.00
                      row("G2211", "0.40", "0.20", "0.00").global("ZZZ").build(), // 15.00
                      row("G2212", "0.80", "0.40", "0.00").build(), // 30.00
                      row("20610", "2.00", "1.60", "0.40").global("000").mult('2').build(),
                      row("64483", "5.00", "4.00", "1.00").global("000").mult('2').build(),
                      row("64484", "2.00", "1.60", "0.40").global("ZZZ").build()))) // 100.00
          .build();

  /** A payer's edit denying every line of {@code code}. */
  private static ClaimEdit denying(String code) {
    return new ClaimEdit() {
      @Override
      public String name() {
        return "payer-policy";
      }

      @Override
      public List<EditFinding> check(Claim claim, PricingContext context) {
        List<EditFinding> found = new ArrayList<>();
        for (int i = 0; i < claim.size(); i++) {
          if (claim.line(i).line().code().toString().equals(code)) {
            found.add(
                EditFinding.builder()
                    .edit(name())
                    .line(i)
                    .action(EditAction.DENY_LINE)
                    .deniedUnits(1)
                    .reason(UnpricedReason.EDIT_DENIED)
                    .message(code + " by payer policy")
                    .build());
          }
        }
        return found;
      }
    };
  }

  private static PricedClaim price(MedicareClaimPricer pricer, LocalDate date, String... lines) {
    return pricer.price(
        ClaimTables.claimOf(lines),
        PricingContext.of(date, ClaimTables.TEST_LOCALITY, Setting.NON_FACILITY));
  }

  private static PricedClaim price(String... lines) {
    return price(MedicareClaimPricer.of(SCHEDULE), LocalDate.of(2025, 6, 2), lines);
  }

  private static void assertRefused(PricedClaim claim, int line, String detail) {
    PricedLine priced = claim.line(line);
    assertEquals(
        Optional.of(UnpricedReason.NOT_PAYABLE_ON_CLAIM), priced.reason(), claim::toString);
    assertEquals(Optional.of(ClaimRule.ADD_ON.id()), priced.refusedBy(), claim::toString);
    assertTrue(priced.detail().contains(detail), priced::toString);
  }

  private static boolean warnsOfNoPrimary(PricedLine line) {
    return line.warnings().stream()
        .anyMatch(w -> w.kind() == ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY);
  }

  @Test
  void anAddOnWhosePrimaryAnEditDeniedIsDenied() {
    MedicareClaimPricer payer =
        MedicareClaimPricer.builder(SCHEDULE).addEdit(denying("64483")).build();
    PricedClaim claim = price(payer, LocalDate.of(2025, 6, 2), "64483", "64484");
    assertRefused(claim, 1, "64483 (line 1) is not paid (edit denied)");
    assertFalse(warnsOfNoPrimary(claim.line(1)), claim::toString);
    assertEquals(new BigDecimal("0.00"), claim.total(), claim::toString);
    // With a payable primary beside it, or without the edit, it is paid.
    assertEquals(
        new BigDecimal("100.00"),
        price(payer, LocalDate.of(2025, 6, 2), "64483", "20610", "64484").line(2).amountOrThrow());
    assertEquals(new BigDecimal("100.00"), price("64483", "64484").line(1).amountOrThrow());
    // Alone, it is priced and warned of, as before: its primary may be on another claim.
    PricedClaim alone = price(payer, LocalDate.of(2025, 6, 2), "64484");
    assertEquals(new BigDecimal("100.00"), alone.line(0).amountOrThrow());
    assertTrue(warnsOfNoPrimary(alone.line(0)));
  }

  @Test
  void aDeniedAddOnIsNoPrimaryOfAnother() {
    MedicareClaimPricer payer =
        MedicareClaimPricer.builder(SCHEDULE).addEdit(denying("G2212")).build();
    PricedClaim claim = price(payer, LocalDate.of(2025, 6, 2), "G2212", "64484");
    assertEquals(new BigDecimal("100.00"), claim.line(1).amountOrThrow(), claim::toString);
    assertTrue(warnsOfNoPrimary(claim.line(1)), claim::toString);
  }

  @Test
  void g2211IsNotPaidBesideAVisitOfModifier25ButForAPreventiveServiceFrom2025() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(SCHEDULE);
    LocalDate in2024 = LocalDate.of(2024, 6, 3);
    LocalDate in2025 = LocalDate.of(2025, 1, 1);
    assertRefused(
        price(pricer, in2024, "G0439", "99213-25", "G2211"), 2, "billed with modifier 25");
    PricedClaim paid = price(pricer, in2025, "G0439", "99213-25", "G2211");
    assertEquals(new BigDecimal("15.00"), paid.line(2).amountOrThrow(), paid::toString);
    assertTrue(paid.line(2).explanation().toString().contains("G0439 (line 1)"), paid::toString);
    assertRefused(price(pricer, in2025, "20610", "99213-25", "G2211"), 2, "20610 (line 1)");
    // A Part B preventive screening is such a service too, from 2025 alone.
    PricedClaim screening = price(pricer, in2025, "G0444", "99213-25", "G2211");
    assertEquals(new BigDecimal("15.00"), screening.line(2).amountOrThrow(), screening::toString);
    assertRefused(
        price(pricer, in2024, "G0444", "99213-25", "G2211"), 2, "billed with modifier 25");
    // A visit without 25 beside the one with it is the primary.
    PricedClaim plain = price(pricer, in2024, "99213-25", "99215", "G2211");
    assertEquals(new BigDecimal("15.00"), plain.line(2).amountOrThrow(), plain::toString);
  }

  @Test
  void g2211IsPaidOnceAVisitWhateverTheOrderOfTheLines() {
    PricedClaim units = price("99213", "G2211 x3");
    assertEquals(new BigDecimal("15.00"), units.line(1).amountOrThrow(), units::toString);
    assertTrue(
        units.line(1).warnings().stream().anyMatch(w -> w.kind() == ClaimWarning.Kind.UNITS_DENIED),
        units::toString);
    PricedClaim lines = price("G2211 x2", "99213", "G2211");
    // The 1-unit line comes first in the stable order: it is the one paid.
    assertRefused(lines, 0, "line 3 bills it already");
    assertEquals(new BigDecimal("15.00"), lines.line(2).amountOrThrow(), lines::toString);
    PricedClaim reordered = price("G2211", "99213", "G2211 x2");
    assertEquals(new BigDecimal("15.00"), reordered.line(0).amountOrThrow(), reordered::toString);
    assertRefused(reordered, 2, "line 1 bills it already");
  }

  @Test
  void namedAddOnsAddOnlyToTheirPrimaries() {
    assertRefused(price("99232", "G2211"), 1, "99202-99205, 99211-99215");
    assertRefused(price("99213", "G2212"), 1, "99205, 99215 or 99483");
    assertEquals(new BigDecimal("60.00"), price("99215", "G2212 x2").line(1).amountOrThrow());
    assertEquals(new BigDecimal("15.00"), price("99215", "G2211").line(1).amountOrThrow());
    assertRefused(price("99232", "G0316"), 1, "(99223, 99233 or 99236)");
    assertEquals(new BigDecimal("30.00"), price("99233", "G0316").line(1).amountOrThrow());
    assertRefused(price("64483", "G0316"), 1, "none is billed with it");
    // G0545 adds to hospital care of any level, not to an office visit.
    assertEquals(new BigDecimal("30.00"), price("99232", "G0545").line(1).amountOrThrow());
    assertRefused(price("99213", "G0545"), 1, "(99221-99223, 99231-99236, 99238 or 99239)");
    // G0279 adds to a diagnostic mammogram, not to a screening one.
    assertEquals(new BigDecimal("30.00"), price("77066", "G0279").line(1).amountOrThrow());
    assertRefused(price("77067", "G0279"), 1, "a diagnostic mammogram (77065 or 77066)");
    // 77063 adds to a screening mammogram, not to a diagnostic one.
    assertEquals(new BigDecimal("30.00"), price("77067", "77063").line(1).amountOrThrow());
    assertRefused(price("77066", "77063"), 1, "a screening mammogram (77067)");
    // A visit add-on is no primary of a ZZZ code, nor a ZZZ code the visit of one.
    PricedClaim claim = price("G2212", "64484");
    assertRefused(claim, 0, "none is billed with it");
    assertTrue(warnsOfNoPrimary(claim.line(1)), claim::toString);
  }

  /** The message of the line's warning that no primary is billed beside it. */
  private static String noPrimaryMessage(PricedLine line) {
    return line.warnings().stream()
        .filter(w -> w.kind() == ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY)
        .findFirst()
        .orElseThrow()
        .message();
  }

  @Test
  void anAddOnWhosePrimaryIsOnAnotherDayIsNotSaidToHaveNoneOnTheClaim() {
    // The primary is on the claim, a day later: the add-on has none on its own day. The warning
    // said "without a primary service on the claim", which the claim's next line contradicted.
    for (String[] lines :
        new String[][] {{"64483 on 2025-06-03", "64484"}, {"99213 on 2025-06-03", "G2211"}}) {
      PricedClaim claim =
          MedicareClaimPricer.of(SCHEDULE)
              .price(
                  Claim.of(List.of(BilledLine.parse(lines[0]), BilledLine.parse(lines[1]))),
                  PricingContext.of(
                      LocalDate.of(2025, 6, 2), ClaimTables.TEST_LOCALITY, Setting.NON_FACILITY));
      String message = noPrimaryMessage(claim.line(1));
      assertFalse(message.contains("on the claim"), message);
      assertTrue(message.contains("of the same provider and date"), message);
    }
  }
}
