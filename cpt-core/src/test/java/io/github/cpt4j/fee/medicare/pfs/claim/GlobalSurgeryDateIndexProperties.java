package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.DATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.modifier.Modifier;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The global-surgery edit's date index against the plain search through every procedure in claim
 * order: the same findings, in the same order, naming the same procedure, on random claims of
 * visits and procedures of each global period spread over a few months.
 */
class GlobalSurgeryDateIndexProperties {

  private static final GlobalSurgeryEdit EDIT = GlobalSurgeryEdit.of(ClaimTables.schedule());

  /** Office and outpatient visits, new and established patients. */
  private static final List<String> VISITS =
      List.of("99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215");

  /**
   * Procedures of {@link ClaimTables}: 000 (20610, 64483, 45378, 45380), 010 (10060, 12001, 12002),
   * 090 (27447, 29870, 29880), and lines whose package holds nothing: an add-on (ZZZ), a
   * contractor-priced code (YYY), a code without a row.
   */
  private static final List<String> PROCEDURES =
      List.of(
          "20610", "64483", "45378", "45380", "10060", "12001", "12002", "27447", "29870", "29880",
          "64484", "17999", "12345");

  private static final List<Modifier> VISIT_MODIFIERS =
      List.of(Modifier.SEPARATE_EM, Modifier.parse("24"), Modifier.parse("57"));

  private static final List<Modifier> PROCEDURE_MODIFIERS =
      List.of(
          Modifier.POSTOPERATIVE_CARE_ONLY,
          Modifier.SURGICAL_CARE_ONLY,
          Modifier.PREOPERATIVE_CARE_ONLY,
          Modifier.LEFT_SIDE);

  @Provide
  Arbitrary<BilledLine> lines() {
    Arbitrary<ClaimLine> visits =
        Combinators.combine(
                Arbitraries.of(VISITS),
                Arbitraries.of(VISIT_MODIFIERS).list().ofMaxSize(2).uniqueElements())
            .as((code, modifiers) -> ClaimLine.of(ProcedureCode.parse(code), modifiers, 1));
    Arbitrary<ClaimLine> procedures =
        Combinators.combine(
                Arbitraries.of(PROCEDURES),
                Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.just(List.<Modifier>of())),
                    Tuple.of(
                        1,
                        Arbitraries.of(PROCEDURE_MODIFIERS)
                            .list()
                            .ofMinSize(1)
                            .ofMaxSize(2)
                            .uniqueElements())))
            .as((code, modifiers) -> ClaimLine.of(ProcedureCode.parse(code), modifiers, 1));
    Arbitrary<ClaimLine> lines =
        Arbitraries.frequencyOf(Tuple.of(3, visits), Tuple.of(2, procedures));
    // Within four months of the claim's date, both ways: past a 090 package's 90 days, and the
    // day before. An undated line is on the claim's date.
    Arbitrary<Optional<Integer>> days =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(Optional.<Integer>empty())),
            Tuple.of(6, Arbitraries.integers().between(-120, 120).map(Optional::of)),
            Tuple.of(3, Arbitraries.integers().between(-2, 12).map(Optional::of)));
    return Combinators.combine(lines, days)
        .as(
            (line, day) ->
                day.isPresent()
                    ? BilledLine.of(line).withDateOfService(DATE.plusDays(day.get()))
                    : BilledLine.of(line));
  }

  @Provide
  Arbitrary<Claim> claims() {
    return lines().list().ofMinSize(1).ofMaxSize(40).map(Claim::of);
  }

  @Provide
  Arbitrary<Claim> longClaims() {
    return lines()
        .list()
        .ofMinSize(GlobalSurgeryEdit.INDEX_FROM_LINES + 1)
        .ofMaxSize(120)
        .map(Claim::of);
  }

  @Property(tries = 3000)
  void dateIndexFindsWhatTheClaimOrderSearchFinds(@ForAll("claims") Claim claim) {
    List<EditFinding> plain = EDIT.check(claim, CONTEXT, false, false);
    assertEquals(plain, EDIT.check(claim, CONTEXT, false, true), claim.toString());
    assertEquals(plain, EDIT.check(claim, CONTEXT), claim.toString());
  }

  /**
   * A claim of visits alone gets the one instance of no procedures that every thread shares: the
   * date index must never be built in it, as two threads building it at once could each see it half
   * built (a NullPointerException out of the claim pricer).
   */
  @Test
  void theSharedInstanceOfNoProceduresIsNeverIndexed() throws ReflectiveOperationException {
    List<BilledLine> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      lines.add(BilledLine.parse("99213").withDateOfService(DATE.plusDays(i % 28)));
    }
    Claim claim = Claim.of(lines);
    assertEquals(List.of(), EDIT.check(claim, CONTEXT, true, true));
    assertEquals(List.of(), EDIT.check(claim, CONTEXT));
    Class<?> procedures =
        Class.forName(
            GlobalSurgeryEdit.class.getName() + "$Procedures", true, getClass().getClassLoader());
    Field none = procedures.getDeclaredField("NONE");
    none.setAccessible(true);
    Object shared = none.get(null);
    for (String index : List.of("sameDay", "minor", "major")) {
      Field field = procedures.getDeclaredField(index);
      field.setAccessible(true);
      assertNull(field.get(shared), index);
    }
  }

  /**
   * The claim-order rule the index must keep when several packages hold a visit: the finding names
   * the first procedure in the claim, not the nearest or the earliest.
   */
  @Test
  void findingNamesTheFirstProcedureInClaimOrderThatHoldsTheVisit() {
    List<BilledLine> lines = new ArrayList<>();
    lines.add(BilledLine.parse("12001").withDateOfService(DATE.minusDays(3))); // 010, day 3
    lines.add(BilledLine.parse("27447").withDateOfService(DATE.minusDays(80))); // 090, day 80
    lines.add(BilledLine.parse("20610").withDateOfService(DATE)); // 000, the day
    lines.add(BilledLine.parse("99213").withDateOfService(DATE));
    Claim claim = Claim.of(lines);
    // The date index, which a claim this short does not use unasked.
    List<EditFinding> found = EDIT.check(claim, CONTEXT, true, true);
    assertEquals(1, found.size());
    assertEquals("1", found.get(0).data().get("procedureLine"));
    assertEquals(GlobalPeriod.DAYS_10.code(), found.get(0).data().get("globalPeriod"));
    assertEquals(EDIT.check(claim, CONTEXT, false, false), found);
    assertEquals(EDIT.check(claim, CONTEXT), found);
  }

  /** A claim longer than {@link GlobalSurgeryEdit#INDEX_FROM_LINES} lines searches by date. */
  @Property(tries = 200)
  void longClaimsTakeTheDateIndexAndFindTheSame(@ForAll("longClaims") Claim claim) {
    assertEquals(EDIT.check(claim, CONTEXT, false, false), EDIT.check(claim, CONTEXT));
  }
}
