package io.github.cpt4j.edit.ncci;

import static io.github.cpt4j.edit.ncci.NcciFixtures.claim;
import static io.github.cpt4j.edit.ncci.NcciFixtures.mue;
import static io.github.cpt4j.edit.ncci.NcciFixtures.on;
import static io.github.cpt4j.edit.ncci.NcciFixtures.ptp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.ClaimScrubber;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PricingContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NcciEditsTest {

  private static final PtpTable PTP =
      PtpTable.builder().add(ptp("27447", "20610", "2002-01-01", null, '1')).build();
  private static final MueTable MUE =
      MueTable.builder().add(mue("20610", 1, '3')).add(mue("27447", 1, '1')).build();

  @Test
  void bothEditsInLineOrderPtpFirst() {
    NcciEdits ncci = NcciEdits.of(PTP, MUE);
    List<EditFinding> found = ncci.check(claim("20610 x2", "27447 x2"), on("2025-06-02"));
    assertEquals(
        List.of("0 ncci-ptp", "0 ncci-mue", "1 ncci-mue"),
        found.stream().map(f -> f.line() + " " + f.edit()).toList());
    assertEquals("ncci", ncci.name());
    assertEquals(
        List.of("ncci-ptp", "ncci-mue"), ncci.edits().stream().map(ClaimEdit::name).toList());
    // Its findings keep their parts' names, which a scrubber takes from it.
    assertEquals(List.of("ncci-ptp", "ncci-mue"), ncci.findingNames());
    assertEquals(List.of("ncci-mue"), NcciEdits.ofMue(MUE).findingNames());
    assertEquals(
        found, ClaimScrubber.of(ncci).scrub(claim("20610 x2", "27447 x2"), on("2025-06-02")));
  }

  @Test
  void eitherAlone() {
    assertEquals(
        1, NcciEdits.ofPtp(PTP).check(claim("20610 x2", "27447"), on("2025-06-02")).size());
    assertEquals(
        1, NcciEdits.ofMue(MUE).check(claim("20610 x2", "27447"), on("2025-06-02")).size());
    assertSame(List.of(), NcciEdits.of(PTP, MUE).check(claim("27447", "99213"), on("2025-06-02")));
    assertEquals(1, NcciEdits.ofMue(MUE).edits().size());
  }

  @Test
  void tablesOfDifferentQuartersAreRefusedAndAnUnknownQuarterCombinesWithAny() {
    PtpTable july = PTP.withEffective(LocalDate.of(2026, 7, 1));
    MueTable october = MUE.withEffective(LocalDate.of(2026, 10, 1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NcciEdits.of(july, october));
    assertEquals(
        "the PTP table is of 2026-Q3 (effective 2026-07-01) but the MUE table of 2026-Q4"
            + " (effective 2026-10-01): give a PTP table of the MUE table's quarter or a later one",
        e.getMessage());
    // A year apart is as wrong as a quarter apart.
    assertThrows(
        IllegalArgumentException.class,
        () -> NcciEdits.of(july, MUE.withEffective(LocalDate.of(2027, 7, 1))));
    // A newer PTP table with a past quarter's MUE table re-checks that quarter's claims: its rows'
    // dates say which pairs were in force then.
    NcciEdits past = NcciEdits.of(july, MUE.withEffective(LocalDate.of(2025, 7, 1)));
    assertEquals(2, past.edits().size());
    assertEquals(
        NcciEdits.of(PTP, MUE.withEffective(LocalDate.of(2025, 7, 1)))
            .check(claim("20610 x2", "27447"), on("2025-08-04")),
        past.check(claim("20610 x2", "27447"), on("2025-08-04")));
    // One quarter, whatever day of it each table is effective from; or a quarter one does not know.
    NcciEdits one = NcciEdits.of(july, MUE.withEffective(LocalDate.of(2026, 8, 15)));
    assertEquals(
        Optional.of(LocalDate.of(2026, 7, 1)), one.ptp().orElseThrow().table().effective());
    assertEquals(2, NcciEdits.of(PTP, october).edits().size());
    assertEquals(2, NcciEdits.of(july, MUE).edits().size());
    assertEquals(2, NcciEdits.of(PTP, MUE).edits().size());
  }

  /**
   * Lines of several dates, checked directly or through a scrubber: pairs and sums are of one date,
   * and messages and data number the claim's own lines.
   */
  @Test
  void linesOfSeveralDatesArePairedAndSummedPerDateAndNumberedAsTheClaimNumbersThem() {
    NcciEdits ncci = NcciEdits.of(PTP, MUE);
    Claim claim =
        Claim.of(
            BilledLine.parse("27447 on 2025-06-01"),
            BilledLine.parse("99213 on 2025-06-01"),
            BilledLine.parse("20610 on 2025-06-02"),
            BilledLine.parse("27447 on 2025-06-02"),
            BilledLine.parse("20610 on 2025-06-02"));
    PricingContext context = on("2025-06-01");
    List<EditFinding> direct = ncci.check(claim, context);
    assertEquals(direct, ClaimScrubber.of(ncci).scrub(claim, context));
    assertEquals(direct, ClaimScrubber.of(ncci.edits()).scrub(claim, context));
    // 27447 twice, but one a day: within its MUE of 1 (MAI 1 is per line anyway). 20610 on
    // 2025-06-02: column 2 of that day's 27447 (line 4), twice, and 2 units over its MUE of 1.
    assertEquals(
        List.of("2 ncci-ptp", "2 ncci-mue", "4 ncci-ptp", "4 ncci-mue"),
        direct.stream().map(f -> f.line() + " " + f.edit()).toList());
    EditFinding pair = direct.get(0);
    assertEquals("4", pair.data().get("column1Line"));
    assertTrue(
        pair.message().startsWith("20610 (line 3) is column 2 of 27447 (line 4) on 2025-06-02"),
        pair.message());
    EditFinding units = direct.get(1);
    assertEquals("3,5", units.data().get("lines"));
    assertTrue(
        units.message().startsWith("20610: 2 units on 2025-06-02 (lines 3,5)"), units.message());
  }

  /**
   * A claim with line numbers of its own (lines left out before pricing): a finding's {@code
   * toString} names the line as its message does, checked directly, through a scrubber, and on
   * lines of several dates.
   */
  @Test
  void aFindingNamesItsLineAsTheClaimNumbersItInToStringAndMessage() {
    NcciEdits ncci = NcciEdits.of(PTP, MUE);
    // The biller's lines 2, 4 and 7: 1, 3, 5 and 6 were left out.
    Claim claim =
        Claim.of(
                BilledLine.parse("27447 on 2025-06-01"),
                BilledLine.parse("20610 on 2025-06-01"),
                BilledLine.parse("20610 x2 on 2025-06-02"))
            .withLineNumbers(2, 4, 7);
    PricingContext context = on("2025-06-01");
    List<EditFinding> direct = ncci.check(claim, context);
    assertEquals(direct, ClaimScrubber.of(ncci).scrub(claim, context));
    assertEquals(2, direct.size());
    assertTrue(
        direct
            .get(0)
            .toString()
            .startsWith("ncci-ptp line 4 DENY_LINE: 20610 (line 4) is column 2 of 27447 (line 2)"),
        direct.get(0)::toString);
    assertTrue(
        direct
            .get(1)
            .toString()
            .startsWith("ncci-mue line 7 DENY_LINE: 20610: 2 units on 2025-06-02 (line 7)"),
        direct.get(1)::toString);
    assertEquals(List.of(1, 2), direct.stream().map(EditFinding::line).toList());
  }

  /** An edit of the user's, built without line numbers: the scrubber names its lines. */
  @Test
  void aScrubberNamesTheLinesOfAnEditThatDoesNotNumberThem() {
    ClaimEdit everyLine =
        new ClaimEdit() {
          @Override
          public String name() {
            return "payer-every-line";
          }

          @Override
          public List<EditFinding> check(Claim claim, PricingContext context) {
            List<EditFinding> found = new java.util.ArrayList<>();
            for (int i = 0; i < claim.size(); i++) {
              found.add(EditFinding.flag(name(), i, "line " + claim.lineNumber(i) + " looked at"));
            }
            return found;
          }

          @Override
          public boolean perProviderDay() {
            return true;
          }
        };
    Claim claim =
        Claim.of(
                BilledLine.parse("27447 on 2025-06-01"),
                BilledLine.parse("20610 on 2025-06-02"),
                BilledLine.parse("99213 on 2025-06-01"))
            .withLineNumbers(3, 5, 6);
    assertEquals(
        List.of(
            "payer-every-line line 3 FLAG: line 3 looked at",
            "payer-every-line line 5 FLAG: line 5 looked at",
            "payer-every-line line 6 FLAG: line 6 looked at"),
        ClaimScrubber.of(everyLine).scrub(claim, on("2025-06-01")).stream()
            .map(EditFinding::toString)
            .toList());
  }
}
