package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.modifier.Modifier;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The laws of the critical care edit on random days of one provider: critical care, its included
 * services, visits of the kinds it judges and of others, with and without 25, of one to three
 * units.
 */
class CriticalCareProperties {

  private static final CriticalCareEdit EDIT = CriticalCareEdit.standard();

  @Provide
  Arbitrary<List<BilledLine>> days() {
    Arbitrary<String> codes =
        Arbitraries.of(
            "99291",
            "99291",
            "99292",
            "99285",
            "99283",
            "99214",
            "99203",
            "99223",
            "99233",
            "99236",
            "99238",
            "99309",
            "36600",
            "71046-26",
            "71046-TC",
            "27447",
            "G0438");
    Arbitrary<BilledLine> line =
        Combinators.combine(codes, Arbitraries.of("", "-25"), Arbitraries.integers().between(1, 3))
            .as(
                (code, modifier, units) ->
                    BilledLine.parse(
                        code
                            + (code.contains("-") ? "" : modifier)
                            + (units > 1 ? " x" + units : "")));
    return line.list().ofMinSize(1).ofMaxSize(6);
  }

  private static boolean is(ClaimLine line, String code) {
    return line.code().toString().equals(code);
  }

  /** The units of {@code line} a finding of the edit leaves paid. */
  private static int unitsLeft(List<EditFinding> found, int line, int units) {
    int left = units;
    for (EditFinding finding : found) {
      if (finding.line() == line && finding.action() != EditAction.FLAG) {
        left = Math.min(left, Math.max(0, units - finding.deniedUnits()));
      }
    }
    return left;
  }

  @Property
  void aDayWith99291PaysOneUnitOfIt(@ForAll("days") List<BilledLine> lines) {
    Claim claim = Claim.of(lines);
    List<EditFinding> found = EDIT.check(claim, CONTEXT);
    int paid = 0;
    for (int i = 0; i < claim.size(); i++) {
      ClaimLine line = claim.line(i).line();
      if (is(line, "99291")) {
        paid += unitsLeft(found, i, line.units());
      }
    }
    boolean any = lines.stream().anyMatch(l -> is(l.line(), "99291"));
    assertEquals(any ? 1 : 0, paid, found::toString);
  }

  @Property
  void aFindingNeedsCriticalCareAndNamesALineItJudges(@ForAll("days") List<BilledLine> lines) {
    Claim claim = Claim.of(lines);
    List<EditFinding> found = EDIT.check(claim, CONTEXT);
    boolean care = lines.stream().anyMatch(l -> CriticalCareEdit.isCriticalCare(l.line().code()));
    assertTrue(care || found.isEmpty(), found::toString);
    for (EditFinding finding : found) {
      ClaimLine line = claim.line(finding.line()).line();
      assertTrue(
          CriticalCareEdit.isIncludedInCriticalCare(line)
              || CriticalCareEdit.isVisitBesideCriticalCare(line.code())
              || is(line, "99291"),
          finding::toString);
      assertEquals(CriticalCareEdit.NAME, finding.edit());
    }
  }

  @Property
  void twentyFiveOnTheCriticalCareLetsEveryVisitThrough(@ForAll("days") List<BilledLine> lines) {
    List<BilledLine> with =
        lines.stream()
            .map(
                l ->
                    CriticalCareEdit.isCriticalCare(l.line().code())
                            && !l.line().hasModifier(Modifier.SEPARATE_EM)
                        ? BilledLine.parse(l.line().code() + "-25 x" + l.line().units())
                        : l)
            .toList();
    Claim claim = Claim.of(with);
    for (EditFinding finding : EDIT.check(claim, CONTEXT)) {
      ClaimLine line = claim.line(finding.line()).line();
      assertTrue(!CriticalCareEdit.isVisitBesideCriticalCare(line.code()), finding::toString);
    }
  }
}
