package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.DATE;
import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.ClaimScrubber;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.LiabilityModifiersEdit;
import io.github.cpt4j.edit.ModifierRulesEdit;
import io.github.cpt4j.edit.ProviderDay;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Issue 18: the standard edits called directly ({@link StandardEdits}) find on a claim of one
 * provider's day exactly what the scrubber finds, in its order, on random claims built to give
 * every standard edit something to judge: visits of every kind the same-day and new-patient rules
 * read, critical care and the services it includes, anesthesia with minutes, GZ and GY, procedures
 * with global periods, modifiers the modifier rules refuse.
 */
class StandardEditsProperties {

  private static final MedicareFeeSchedule SCHEDULE = schedule();
  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(SCHEDULE);
  private static final StandardEdits DIRECT = StandardEdits.of(PRICER.edits());

  /** The scrubber over the same edits: the general path the direct one must agree with. */
  private static final ClaimScrubber SCRUBBER = ClaimScrubber.of(PRICER.edits());

  private static final List<String> CODES;

  static {
    TreeSet<String> codes = new TreeSet<>();
    for (RvuEntry row : ClaimTables.rows()) {
      codes.add(row.code().toString());
    }
    // Visits of each kind, critical care and services it includes, anesthesia.
    codes.addAll(
        List.of(
            "99202", "99203", "99204", "99212", "99214", "99215", "99221", "99222", "99231",
            "99232", "99233", "99238", "99239", "99281", "99285", "99309", "99291", "99292",
            "36556", "43752", "71045", "92953", "94002", "94760", "00790", "01402", "G2211",
            "G2212"));
    CODES = List.copyOf(codes);
  }

  private static final List<Modifier> MODIFIERS =
      List.of(
          Modifier.SEPARATE_EM,
          Modifier.parse("57"),
          Modifier.parse("24"),
          Modifier.parse("GZ"),
          Modifier.parse("GY"),
          Modifier.parse("GA"),
          Modifier.parse("FT"),
          Modifier.parse("AA"),
          Modifier.PROFESSIONAL_COMPONENT,
          Modifier.TECHNICAL_COMPONENT,
          Modifier.BILATERAL,
          Modifier.LEFT_SIDE,
          Modifier.RIGHT_SIDE,
          Modifier.DISTINCT_SERVICE,
          Modifier.parse("76"),
          Modifier.ASSISTANT_SURGEON,
          Modifier.POSTOPERATIVE_CARE_ONLY,
          Modifier.PHYSICAL_THERAPY_ASSISTANT);

  /** {@link ClaimTables}' rows and rows for the visits and critical care the edits price. */
  private static MedicareFeeSchedule schedule() {
    List<RvuEntry> rows = new ArrayList<>(ClaimTables.rows());
    String[][] more = {
      {"99202", "1.00"}, {"99203", "1.60"}, {"99204", "2.60"}, {"99212", "0.70"},
      {"99214", "1.92"}, {"99215", "2.80"}, {"99221", "1.63"}, {"99222", "2.60"},
      {"99231", "1.00"}, {"99232", "1.59"}, {"99233", "2.40"}, {"99238", "1.50"},
      {"99239", "2.15"}, {"99281", "0.25"}, {"99285", "4.00"}, {"99309", "1.92"},
      {"99291", "4.50"}, {"99292", "2.25"}, {"43752", "0.81"}, {"71045", "0.18"},
      {"G2211", "0.33"}
    };
    for (String[] r : more) {
      rows.add(row(r[0], r[1], "1.00", "0.10").build());
    }
    return ClaimTables.scheduleBuilder().rvus(RvuTable.of(rows)).build();
  }

  @Provide
  Arbitrary<Claim> oneDayClaims() {
    Arbitrary<ProcedureCode> codes =
        Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of("99213", "99214", "99203", "99291", "99221")),
                Tuple.of(5, Arbitraries.of(CODES)))
            .map(ProcedureCode::parse);
    Arbitrary<List<Modifier>> modifiers =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(List.<Modifier>of())),
            Tuple.of(
                3, Arbitraries.of(MODIFIERS).list().ofMinSize(1).ofMaxSize(3).uniqueElements()));
    Arbitrary<Integer> units =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(1)),
            Tuple.of(1, Arbitraries.just(2)),
            Tuple.of(1, Arbitraries.integers().between(15, 90)));
    // Minutes on some lines: anesthesia is paid by them, any other code ignores them.
    Arbitrary<Integer> minutes =
        Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 95)));
    Arbitrary<Claim> lines =
        Combinators.combine(codes, modifiers, units, minutes)
            .as(
                (code, mods, n, min) -> {
                  ClaimLine line = ClaimLine.of(code, mods, n);
                  return BilledLine.of(min == 0 ? line : line.withMinutes(min));
                })
            .list()
            .ofMinSize(1)
            .ofMaxSize(8)
            .map(Claim::of);
    // The lines of one day as the pricer sees one: no date or provider of their own, or all the
    // same, or a provider named on some and none on the others.
    Arbitrary<Integer> shape = Arbitraries.integers().between(0, 3);
    return Combinators.combine(lines, shape).as(StandardEditsProperties::shaped);
  }

  private static Claim shaped(Claim claim, int shape) {
    Npi npi = Npi.parse("1234567893");
    LocalDate date = DATE.plusDays(3);
    List<BilledLine> lines = new ArrayList<>();
    for (int i = 0; i < claim.size(); i++) {
      BilledLine line = claim.line(i);
      lines.add(
          switch (shape) {
            case 1 -> line.withDateOfService(date);
            case 2 -> line.withRenderingProvider(npi);
            case 3 -> i % 2 == 0 ? line.withRenderingProvider(npi) : line;
            default -> line;
          });
    }
    return Claim.of(lines);
  }

  @Property(tries = 3000)
  void standardEditsFindWhatTheScrubberFinds(@ForAll("oneDayClaims") Claim claim) {
    PricingContext oneDay = ProviderDay.singleContext(claim, CONTEXT);
    assertNotNull(oneDay, claim.toString());
    List<EditFinding> general = SCRUBBER.scrub(claim, CONTEXT);
    assertEquals(general, DIRECT.scrub(claim, CONTEXT, oneDay), claim.toString());
    // The pricer's own scrub takes the direct path too (a Part B pricer scrubs through it).
    assertEquals(general, PRICER.scrub(claim, CONTEXT));
    // The pricer takes the direct path: the claim priced with the scrubber's findings given
    // is the claim it prices.
    assertEquals(PRICER.price(claim, CONTEXT, general), PRICER.price(claim, CONTEXT));
  }

  /** The findings of several edits on one line come in the order of the edit list. */
  @Example
  void findingsOfOneLineFollowTheEditList() {
    // 43752 beside critical care (critical-care) billed with GZ (liability-modifiers), and 25 on
    // a code that is no visit (modifier-rules): three edits' findings on one line.
    Claim claim = ClaimTables.claimOf("99291", "43752-GZ-25");
    List<EditFinding> direct = DIRECT.scrub(claim, CONTEXT, CONTEXT);
    assertEquals(SCRUBBER.scrub(claim, CONTEXT), direct);
    List<String> edits = direct.stream().map(EditFinding::edit).toList();
    assertEquals(List.of("modifier-rules", "critical-care", "liability-modifiers"), edits);
  }

  /**
   * A critical care line that the global surgery edit, judging after it, denies includes nothing:
   * the edits judge again, each told the other's denials. 99291 beside 20610 (global 000) without
   * 25 is its same-day visit; 43752 was denied as included in it, though it was not paid.
   */
  @Example
  void aCriticalCareLineInAGlobalPackageIncludesNothing() {
    Claim claim = ClaimTables.claimOf("20610", "99291", "43752");
    List<EditFinding> found = SCRUBBER.scrub(claim, CONTEXT);
    assertEquals(found, DIRECT.scrub(claim, CONTEXT, CONTEXT));
    assertEquals(
        List.of("global-surgery line 2"),
        found.stream().map(f -> f.edit() + " line " + f.lineNumber()).toList());
    PricedClaim priced = PRICER.price(claim, CONTEXT);
    assertEquals(
        List.of(true, false, true), priced.lines().stream().map(l -> l.isPriced()).toList());
    // With 25 on the critical care, it is paid and includes 43752, as before.
    assertEquals(
        List.of("critical-care line 3"),
        SCRUBBER.scrub(ClaimTables.claimOf("20610", "99291-25", "43752"), CONTEXT).stream()
            .map(f -> f.edit() + " line " + f.lineNumber())
            .toList());
    // In a major surgery's postoperative days, the chest X-ray read on the day of critical care
    // denied as a postoperative visit (no FT) is paid.
    Claim later =
        Claim.of(
            List.of(
                BilledLine.parse("27447 on " + DATE),
                BilledLine.parse("99291 on " + DATE.plusDays(13)),
                BilledLine.parse("71045-26 on " + DATE.plusDays(13))));
    assertEquals(
        List.of("global-surgery line 2"),
        SCRUBBER.scrub(later, CONTEXT).stream()
            .map(f -> f.edit() + " line " + f.lineNumber())
            .toList());
  }

  @Example
  void onlyTheStandardListTakesTheDirectPath() {
    assertNotNull(DIRECT);
    List<ClaimEdit> standard = PRICER.edits();
    List<ClaimEdit> reordered = new ArrayList<>(standard);
    reordered.set(2, standard.get(3));
    reordered.set(3, standard.get(2));
    assertNull(StandardEdits.of(reordered));
    assertNull(StandardEdits.of(standard.subList(0, 6)));
    List<ClaimEdit> payers = new ArrayList<>(standard);
    payers.set(0, ModifierRulesEdit.of(ModifierRules.standard()));
    assertNull(StandardEdits.of(payers));
    List<ClaimEdit> more = new ArrayList<>(standard);
    more.add(LiabilityModifiersEdit.standard());
    assertNull(StandardEdits.of(more));
    assertNotNull(StandardEdits.of(List.copyOf(standard)), "a copy of the standard list");
  }
}
