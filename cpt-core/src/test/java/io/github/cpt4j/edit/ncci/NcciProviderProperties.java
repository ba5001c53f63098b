package io.github.cpt4j.edit.ncci;

import static io.github.cpt4j.edit.ncci.NcciFixtures.mue;
import static io.github.cpt4j.edit.ncci.NcciFixtures.on;
import static io.github.cpt4j.edit.ncci.NcciFixtures.ptp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.RenderingProviders;
import io.github.cpt4j.fee.PricingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * NCCI's edits judge "the same provider, the same beneficiary, the same date of service": on a
 * group's claim, what they find is what they find on each rendering provider's lines alone, the
 * lines naming none being the provider {@link RenderingProviders} says.
 */
class NcciProviderProperties {

  private static final List<ClaimEdit> EDITS =
      List.of(
          PtpClaimEdit.of(
              PtpTable.builder()
                  .add(ptp("27447", "20610", "2002-01-01", null, '1'))
                  .add(ptp("29880", "29877", "2003-01-01", null, '0'))
                  .add(ptp("20610", "99213", "2010-01-01", null, '1'))
                  .build()),
          MueClaimEdit.of(
              MueTable.builder()
                  .add(mue("27447", 1, '2'))
                  .add(mue("20610", 2, '3'))
                  .add(mue("29877", 1, '1'))
                  .build()));

  private static final String[] LINES = {
    "27447", "27447-RT", "20610", "20610-RT", "20610 x2", "29880", "29877", "99213", "99213-25"
  };
  private static final String[] DAYS = {"", " on 2025-06-03"};
  private static final List<Optional<Npi>> PROVIDERS =
      List.of(
          Optional.empty(),
          Optional.of(Npi.parse("1234567893")),
          Optional.of(Npi.parse("2000000002")));

  @Property(tries = 300)
  void aGroupsClaimIsJudgedAsEachProvidersLinesAlone(
      @ForAll @IntRange(min = 0, max = 12) int size, @ForAll Random random) {
    List<BilledLine> lines = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      BilledLine line =
          BilledLine.parse(LINES[random.nextInt(LINES.length)] + DAYS[random.nextInt(2)]);
      Optional<Npi> provider = PROVIDERS.get(random.nextInt(PROVIDERS.size()));
      lines.add(provider.map(line::withRenderingProvider).orElse(line));
    }
    Claim claim = Claim.of(lines);
    PricingContext context = on("2025-06-02");
    RenderingProviders whose = RenderingProviders.of(claim, context);
    for (ClaimEdit edit : EDITS) {
      List<String> whole = new ArrayList<>();
      for (EditFinding finding : edit.check(claim, context)) {
        whole.add(seen(finding, finding.line()));
      }
      List<String> apart = new ArrayList<>();
      for (Optional<Npi> provider : PROVIDERS) {
        List<Integer> indexes = new ArrayList<>();
        List<BilledLine> own = new ArrayList<>();
        for (int i = 0; i < claim.size(); i++) {
          if (whose.of(claim.line(i)).equals(provider)) {
            indexes.add(i);
            own.add(claim.line(i));
          }
        }
        int[] numbers = indexes.stream().mapToInt(i -> i + 1).toArray();
        for (EditFinding finding : edit.check(Claim.of(own).withLineNumbers(numbers), context)) {
          apart.add(seen(finding, indexes.get(finding.line())));
        }
      }
      whole.sort(null);
      apart.sort(null);
      assertEquals(apart, whole, edit.name() + " on " + claim);
    }
  }

  /** What a finding says, with the line it is on in the whole claim. */
  private static String seen(EditFinding finding, int line) {
    return line
        + " "
        + finding.lineNumber()
        + " "
        + finding.action()
        + " "
        + finding.deniedUnits()
        + " "
        + finding.reason()
        + " "
        + finding.message()
        + " "
        + finding.data();
  }
}
