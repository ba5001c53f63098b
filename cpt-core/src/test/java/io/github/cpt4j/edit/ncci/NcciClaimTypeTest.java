package io.github.cpt4j.edit.ncci;

import static io.github.cpt4j.edit.ncci.NcciFixtures.claim;
import static io.github.cpt4j.edit.ncci.NcciFixtures.code;
import static io.github.cpt4j.edit.ncci.NcciFixtures.mue;
import static io.github.cpt4j.edit.ncci.NcciFixtures.on;
import static io.github.cpt4j.edit.ncci.NcciFixtures.ptp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.edit.EditFinding;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which kind of claims a PTP or MUE table is for, and tables of two kinds refused together. */
class NcciClaimTypeTest {

  private static final PtpTable PTP =
      PtpTable.builder().add(ptp("27447", "20610", "2002-01-01", null, '1')).build();
  private static final MueTable MUE =
      MueTable.builder().add(mue("20610", 1, '3')).add(mue("27447", 1, '1')).build();

  @Test
  void aTableBuiltByHandDoesNotSayItsKind() {
    // Unstated, not assumed practitioner: a wrong kind would pass a check meant to catch it.
    assertEquals(Optional.empty(), MUE.claimType());
    assertEquals(Optional.empty(), PTP.claimType());
    assertEquals("MueTable[2 codes]", MUE.toString());
    assertEquals("PtpTable[1 rows, 1 column 1 codes]", PTP.toString());
  }

  @Test
  void anMueTableKeepsItsKindAndItsQuarterTogether() {
    MueTable hospital = MUE.withClaimType(NcciClaimType.OUTPATIENT_HOSPITAL);
    assertEquals(Optional.of(NcciClaimType.OUTPATIENT_HOSPITAL), hospital.claimType());
    assertEquals(Optional.empty(), hospital.effective());
    MueTable july = hospital.withEffective(LocalDate.of(2026, 7, 1));
    assertEquals(Optional.of(NcciClaimType.OUTPATIENT_HOSPITAL), july.claimType());
    assertEquals(Optional.of(LocalDate.of(2026, 9, 30)), july.lastDay());
    MueTable dme = july.withClaimType(NcciClaimType.DME_SUPPLIER);
    assertEquals(Optional.of(LocalDate.of(2026, 7, 1)), dme.effective());
    assertEquals(Optional.of(LocalDate.of(2026, 9, 30)), dme.lastDay());
    assertEquals(
        "MueTable[2 codes of DME supplier services, 2026-07-01 to 2026-09-30]", dme.toString());
    // The edits are the same table's.
    assertEquals(MUE.find(code("20610")), dme.find(code("20610")));
    assertEquals(2, dme.size());
    assertThrows(NullPointerException.class, () -> MUE.withClaimType(null));
    // A quarter is of years 1-9999: a date outside them is refused, saying so.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> MUE.withEffective(LocalDate.of(0, 7, 1)));
    assertEquals(
        "an MUE table's effective date is of a year 1-9999, not 0000-07-01", e.getMessage());
  }

  @Test
  void aPtpTableKeepsItsRowsWithItsKind() {
    PtpTable hospital = PTP.withClaimType(NcciClaimType.OUTPATIENT_HOSPITAL);
    assertEquals(Optional.of(NcciClaimType.OUTPATIENT_HOSPITAL), hospital.claimType());
    assertEquals(
        "PtpTable[1 rows of outpatient hospital services, 1 column 1 codes]", hospital.toString());
    assertEquals(
        PTP.find(code("27447"), code("20610"), LocalDate.of(2025, 6, 2)),
        hospital.find(code("27447"), code("20610"), LocalDate.of(2025, 6, 2)));
    assertTrue(hospital.find(code("27447"), code("20610"), LocalDate.of(2025, 6, 2)).isPresent());
    assertEquals(
        Optional.of(NcciClaimType.PRACTITIONER),
        hospital.withClaimType(NcciClaimType.PRACTITIONER).claimType());
    // CMS publishes MUEs for DME suppliers, but no procedure-to-procedure table.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PTP.withClaimType(NcciClaimType.DME_SUPPLIER));
    assertEquals(
        "CMS publishes no procedure-to-procedure edits for DME supplier services: only for"
            + " practitioner and outpatient hospital services",
        e.getMessage());
    assertThrows(NullPointerException.class, () -> PTP.withClaimType(null));
  }

  @Test
  void tablesOfTwoKindsAreNotCombined() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                NcciEdits.of(
                    PTP.withClaimType(NcciClaimType.PRACTITIONER),
                    MUE.withClaimType(NcciClaimType.OUTPATIENT_HOSPITAL)));
    assertEquals(
        "the PTP table is for practitioner services but the MUE table for outpatient hospital"
            + " services: give the tables of one claim type",
        e.getMessage());
    // One kind, or a table that does not say: combined as before.
    NcciEdits same =
        NcciEdits.of(
            PTP.withClaimType(NcciClaimType.PRACTITIONER),
            MUE.withClaimType(NcciClaimType.PRACTITIONER));
    assertEquals(3, same.check(claim("20610 x2", "27447 x2"), on("2025-06-02")).size());
    assertEquals(
        2, NcciEdits.of(PTP, MUE.withClaimType(NcciClaimType.PRACTITIONER)).edits().size());
    assertEquals(
        2, NcciEdits.of(PTP.withClaimType(NcciClaimType.OUTPATIENT_HOSPITAL), MUE).edits().size());
  }

  @Test
  void aTableThatDoesNotSayItsKindTakesTheOthers() {
    // Two physicians on one hospital claim: the hospital's MUE adds their units of J1100, and its
    // PTP edit pairs their lines, as the PTP table that does not say its kind must too.
    PtpTable pairs = PtpTable.builder().add(ptp("27447", "20610", "2002-01-01", null, '1')).build();
    MueTable units = MueTable.builder().add(mue("J1100", 10, '3')).build();
    Claim claim =
        Claim.of(
            BilledLine.parse("27447 by 1234567893"),
            BilledLine.parse("20610 by 2000000002"),
            BilledLine.parse("J1100 x6 by 1234567893"),
            BilledLine.parse("J1100 x6 by 2000000002"));
    NcciEdits hospital =
        NcciEdits.of(pairs, units.withClaimType(NcciClaimType.OUTPATIENT_HOSPITAL));
    assertEquals(
        Optional.of(NcciClaimType.OUTPATIENT_HOSPITAL),
        hospital.ptp().orElseThrow().table().claimType());
    List<EditFinding> found = hospital.check(claim, on("2025-06-02"));
    assertEquals(
        List.of("ncci-ptp 1", "ncci-mue 2", "ncci-mue 3"),
        found.stream().map(f -> f.edit() + " " + f.line()).toList(),
        found::toString);
    // And the other way: a practitioner PTP table gives an MUE table that does not say its kind
    // the practitioner's count, one physician's units apart from the other's.
    NcciEdits practitioner = NcciEdits.of(pairs.withClaimType(NcciClaimType.PRACTITIONER), units);
    assertEquals(
        Optional.of(NcciClaimType.PRACTITIONER),
        practitioner.mue().orElseThrow().table().claimType());
    assertEquals(List.of(), practitioner.check(claim, on("2025-06-02")));
    NcciEdits hospitalPairs =
        NcciEdits.of(pairs.withClaimType(NcciClaimType.OUTPATIENT_HOSPITAL), units);
    assertEquals(3, hospitalPairs.check(claim, on("2025-06-02")).size());
  }

  @Test
  void dmeUnitLimitsTakeNoPtpTable() {
    // CMS publishes no PTP edits for DME supplier claims: a PTP table beside their MUEs, even
    // one that does not say its kind, is some other claims' pairs.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> NcciEdits.of(PTP, MUE.withClaimType(NcciClaimType.DME_SUPPLIER)));
    assertEquals(
        "the MUE table is for DME supplier services, which CMS publishes no PTP edits for: use"
            + " NcciEdits.ofMue(mue) for their units alone",
        e.getMessage());
    assertEquals(1, NcciEdits.ofMue(MUE.withClaimType(NcciClaimType.DME_SUPPLIER)).edits().size());
  }

  @Test
  void theKindsInCmsWords() {
    assertEquals("practitioner services", NcciClaimType.PRACTITIONER.words());
    assertEquals("outpatient hospital services", NcciClaimType.OUTPATIENT_HOSPITAL.words());
    assertEquals("DME supplier services", NcciClaimType.DME_SUPPLIER.words());
    assertTrue(NcciClaimType.PRACTITIONER.hasPtpEdits());
    assertTrue(NcciClaimType.OUTPATIENT_HOSPITAL.hasPtpEdits());
    assertTrue(!NcciClaimType.DME_SUPPLIER.hasPtpEdits());
  }
}
