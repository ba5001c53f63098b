package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.code.CodeArbitraries;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The add-ons whose primaries CMS names, over random one-day claims of visits, procedures and
 * add-ons: such an add-on is paid only beside a paid line of one of its primaries, and, beside
 * other lines without one, is refused by the add-on rule. The primaries are written here again,
 * from the sources {@link NamedAddOns} cites, so that a slip in its table fails the property, and
 * the primaries in words that explanations give are checked against them.
 */
class NamedAddOnsProperties {

  /** Each listed add-on (not G2211, whose rule on 25 is its own) and its primaries. */
  private static final Map<String, Set<String>> PRIMARIES =
      Map.ofEntries(
          Map.entry("G2212", Set.of("99205", "99215", "99483")),
          Map.entry("G0316", Set.of("99223", "99233", "99236")),
          Map.entry("G0317", Set.of("99306", "99310")),
          Map.entry("G0318", Set.of("99345", "99350")),
          Map.entry(
              "G0545",
              Set.of(
                  "99221", "99222", "99223", "99231", "99232", "99233", "99234", "99235", "99236",
                  "99238", "99239")),
          Map.entry("G0279", Set.of("77065", "77066")),
          Map.entry("77063", Set.of("77067")),
          // Care management: each further time's add-on beside the code of its first time.
          Map.entry("99439", Set.of("99490")),
          Map.entry("99437", Set.of("99491")),
          Map.entry("99489", Set.of("99487")),
          Map.entry("99425", Set.of("99424")),
          Map.entry("99427", Set.of("99426")),
          Map.entry("99458", Set.of("99457")));

  private static final List<String> CODES =
      List.of(
          "99213", "99215", "99222", "99223", "99232", "99233", "99239", "99306", "99309", "99350",
          "99483", "20610", "64483", "64484", "77066", "77067", "G2212", "G0316", "G0317", "G0318",
          "G0545", "G0279", "77063", "99490", "99439", "99491", "99437", "99487", "99489", "99424",
          "99425", "99426", "99427", "99457", "99458");

  private static final MedicareFeeSchedule SCHEDULE =
      ClaimTables.scheduleBuilderSince2015()
          .rvus(
              RvuTable.of(
                  CODES.stream()
                      .map(
                          code ->
                              switch (code) {
                                case "20610", "64483" ->
                                    row(code, "2.00", "1.60", "0.40").global("000").mult('2');
                                case "64484",
                                    "G0316",
                                    "G0317",
                                    "G0318",
                                    "G0545",
                                    "G0279",
                                    "77063",
                                    "99439",
                                    "99437",
                                    "99489",
                                    "99425",
                                    "99427",
                                    "99458" ->
                                    row(code, "0.80", "0.40", "0.00").global("ZZZ");
                                default -> row(code, "2.00", "1.60", "0.40");
                              })
                      .map(ClaimTables.Row::build)
                      .toList()))
          .build();

  private static final Set<UnpricedReason> EDIT_REASONS =
      Set.of(UnpricedReason.EDIT_DENIED, UnpricedReason.GLOBAL_SURGERY);

  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(SCHEDULE);

  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 6, 2), ClaimTables.TEST_LOCALITY, Setting.FACILITY);

  @Provide
  Arbitrary<Claim> claims() {
    Arbitrary<BilledLine> lines =
        Arbitraries.of(CODES)
            .flatMap(
                code ->
                    Arbitraries.of("", "-25", "-57", " x2")
                        .map(suffix -> BilledLine.parse(code + suffix)));
    return lines.list().ofMinSize(1).ofMaxSize(5).map(Claim::of);
  }

  /** Five-digit codes in words, alone or as the first and last of a range ("99221-99223"). */
  private static final Pattern CODE_OR_RANGE = Pattern.compile("\\b(\\d{5})(?:-(\\d{5}))?\\b");

  /** The codes the words name, each code of a range included. */
  private static Set<String> codesIn(String words) {
    Set<String> codes = new TreeSet<>();
    Matcher matcher = CODE_OR_RANGE.matcher(words);
    while (matcher.find()) {
      int first = Integer.parseInt(matcher.group(1));
      int last = matcher.group(2) == null ? first : Integer.parseInt(matcher.group(2));
      for (int code = first; code <= last; code++) {
        codes.add(String.valueOf(code));
      }
    }
    return codes;
  }

  @Example
  void theWordsOfEachAddOnsPrimariesNameExactlyItsPrimaries() {
    // The words explanations give are written beside the codes in the table: a slip in them
    // would tell a user to bill the wrong visit.
    Map<String, Set<String>> all = new HashMap<>(PRIMARIES);
    all.put("G2211", codesIn("99202-99205 99211-99215"));
    for (Map.Entry<String, Set<String>> addOn : all.entrySet()) {
      int packed = ProcedureCode.parse(addOn.getKey()).packed();
      assertTrue(NamedAddOns.isNamedAddOn(packed), addOn.getKey());
      String words = NamedAddOns.primaries(packed);
      assertEquals(new TreeSet<>(addOn.getValue()), codesIn(words), addOn.getKey() + ": " + words);
    }
  }

  @Property(tries = 5000)
  void aCodeIsANamedAddOnExactlyWhenTheTableListsIt(@ForAll("anyCodes") ProcedureCode code) {
    // Any code, not only those of the claims above: a code the lookup wrongly takes for a named
    // add-on would be refused beside every line that is not its primary.
    String text = code.toString();
    assertEquals(
        PRIMARIES.containsKey(text) || text.equals("G2211"),
        NamedAddOns.isNamedAddOn(code.packed()),
        text);
  }

  @Provide
  Arbitrary<ProcedureCode> anyCodes() {
    return Arbitraries.oneOf(
        CodeArbitraries.procedureCodes(),
        Arbitraries.of(PRIMARIES.keySet()).map(ProcedureCode::parse),
        Arbitraries.of(codesIn("99202-99205 99211-99215")).map(ProcedureCode::parse),
        Arbitraries.of("G2210", "G2211", "G2213", "G0319", "99438").map(ProcedureCode::parse));
  }

  @Property(tries = 1000)
  void aListedVisitAddOnIsPaidOnlyBesideAPaidPrimary(@ForAll("claims") Claim claim) {
    PricedClaim priced = PRICER.price(claim, CONTEXT);
    for (int i = 0; i < claim.size(); i++) {
      String code = claim.line(i).line().code().toString();
      Set<String> primaries = PRIMARIES.get(code);
      if (primaries == null) {
        continue;
      }
      boolean primaryPaid = false;
      boolean primaryBilled = false;
      boolean otherLines = false;
      for (int j = 0; j < claim.size(); j++) {
        String other = claim.line(j).line().code().toString();
        primaryBilled |= primaries.contains(other);
        primaryPaid |= primaries.contains(other) && priced.line(j).isPriced();
        otherLines |= !PRIMARIES.containsKey(other);
      }
      PricedLine line = priced.line(i);
      if (line.isPriced()) {
        assertTrue(primaryPaid || !otherLines, () -> "paid without a paid primary:\n" + priced);
      }
      if (!primaryBilled && otherLines) {
        // Refused by the add-on rule, unless a claim edit denied the line first (a duplicate, a
        // visit add-on in a global package).
        UnpricedReason reason = line.reason().orElseThrow(() -> new AssertionError(priced));
        assertTrue(
            EDIT_REASONS.contains(reason)
                || reason == UnpricedReason.NOT_PAYABLE_ON_CLAIM
                    && line.refusedBy().equals(Optional.of("add-on")),
            priced::toString);
      }
    }
  }
}
