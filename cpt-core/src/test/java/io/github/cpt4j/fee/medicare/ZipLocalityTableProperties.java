package io.github.cpt4j.fee.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The builder's fast path (ranges in ascending order kept as ranges) against its general path (one
 * entry per ZIP code, sorted): the same ranges, in their order and one ZIP code at a time from the
 * last, build the same table, or are both refused.
 */
class ZipLocalityTableProperties {

  private static final Locality[] LOCALITIES = {
    Locality.parse("13202-01"), Locality.parse("13282-99"), Locality.parse("01112-05")
  };

  /** A range: first ZIP code, length, locality, ZIP+4 flag. */
  record Range(int first, int length, int locality, boolean plusFour) {
    int last() {
      return first + length - 1;
    }
  }

  @Provide
  Arbitrary<List<Range>> anyRanges() {
    return range(Arbitraries.integers().between(0, 300)).list().ofMaxSize(12);
  }

  /** Disjoint ranges in ascending order, some adjacent: the fast path's shape. */
  @Provide
  Arbitrary<List<Range>> ascendingRanges() {
    return range(Arbitraries.integers().between(0, 3))
        .list()
        .ofMaxSize(12)
        .map(
            gaps -> {
              List<Range> ranges = new ArrayList<>();
              int next = 0;
              for (Range gap : gaps) {
                Range r =
                    new Range(next + gap.first(), gap.length(), gap.locality(), gap.plusFour());
                ranges.add(r);
                next = r.last() + 1;
              }
              return ranges;
            });
  }

  private static Arbitrary<Range> range(Arbitrary<Integer> first) {
    return Combinators.combine(
            first,
            Arbitraries.integers().between(1, 6),
            Arbitraries.integers().between(0, LOCALITIES.length - 1),
            Arbitraries.of(false, false, false, true))
        .as(Range::new);
  }

  /**
   * Where the ranges start: at 00000, in the middle, or so that they reach 99999. Ranges near 00000
   * alone left the first two digits of every ZIP code 0, and a parser that weighed the first digit
   * wrong passed.
   */
  @Provide
  Arbitrary<Integer> bases() {
    return Arbitraries.oneOf(
        Arbitraries.of(0, 10_000, 99_999 - SPAN), Arbitraries.integers().between(0, 99_999 - SPAN));
  }

  /** The ZIP codes a list of ranges may reach above its base. */
  private static final int SPAN = 320;

  @Property(tries = 400)
  void rangesInAnyOrderBuildWhatSingleCodesBuild(
      @ForAll("anyRanges") List<Range> ranges, @ForAll("bases") int base) {
    check(shift(ranges, base), base);
  }

  @Property(tries = 400)
  void ascendingRangesBuildWhatSingleCodesBuild(
      @ForAll("ascendingRanges") List<Range> ranges, @ForAll("bases") int base) {
    check(shift(ranges, base), base);
  }

  private static List<Range> shift(List<Range> ranges, int base) {
    return ranges.stream()
        .map(r -> new Range(base + r.first(), r.length(), r.locality(), r.plusFour()))
        .toList();
  }

  private static void check(List<Range> ranges, int base) {
    ZipLocalityTable.Builder byRange = ZipLocalityTable.builder();
    ZipLocalityTable.Builder byCode = ZipLocalityTable.builder();
    for (Range r : ranges) {
      byRange.addRange(r.first(), r.last(), LOCALITIES[r.locality()], r.plusFour());
    }
    // From the last ZIP code down: every code after the first is out of order.
    for (int i = ranges.size() - 1; i >= 0; i--) {
      Range r = ranges.get(i);
      for (int zip = r.last(); zip >= r.first(); zip--) {
        byCode.add(zip, LOCALITIES[r.locality()], r.plusFour());
      }
    }
    if (givesACodeTwice(ranges)) {
      assertThrows(IllegalArgumentException.class, byRange::build);
      assertThrows(IllegalArgumentException.class, byCode::build);
      return;
    }
    ZipLocalityTable fast = byRange.build();
    ZipLocalityTable general = byCode.build();
    assertEquals(general.toString(), fast.toString());
    assertEquals(general.size(), fast.size());
    assertEquals(general.rangeCount(), fast.rangeCount());
    for (int i = 0; i < general.rangeCount(); i++) {
      assertEquals(general.rangeStart(i), fast.rangeStart(i));
      assertEquals(general.rangeEnd(i), fast.rangeEnd(i));
      assertEquals(general.rangeLocality(i), fast.rangeLocality(i));
      assertEquals(general.rangeSplitByPlusFour(i), fast.rangeSplitByPlusFour(i));
    }
    for (int zip = base; zip <= base + SPAN; zip++) {
      String five = String.format("%05d", zip);
      assertEquals(localityOf(ranges, zip), fast.find(five), five);
      assertEquals(general.find(five), fast.find(five), five);
      assertEquals(splitOf(ranges, zip), fast.isSplitByPlusFour(five), five);
      assertEquals(general.isSplitByPlusFour(five), fast.isSplitByPlusFour(five), five);
      // A ZIP+4 is looked up by its first five digits.
      String nine = five + "-" + String.format("%04d", zip % 10_000);
      assertEquals(localityOf(ranges, zip), fast.find(nine), nine);
      assertEquals(splitOf(ranges, zip), fast.isSplitByPlusFour(nine), nine);
    }
  }

  /** The locality the ranges give {@code zip}, from the ranges themselves. */
  private static Optional<Locality> localityOf(List<Range> ranges, int zip) {
    for (Range r : ranges) {
      if (zip >= r.first() && zip <= r.last()) {
        return Optional.of(LOCALITIES[r.locality()]);
      }
    }
    return Optional.empty();
  }

  /** Whether the ranges flag {@code zip} as split by ZIP+4, from the ranges themselves. */
  private static boolean splitOf(List<Range> ranges, int zip) {
    for (Range r : ranges) {
      if (zip >= r.first() && zip <= r.last()) {
        return r.plusFour();
      }
    }
    return false;
  }

  private static boolean givesACodeTwice(List<Range> ranges) {
    boolean[] seen = new boolean[100_000];
    for (Range r : ranges) {
      for (int zip = r.first(); zip <= r.last(); zip++) {
        if (seen[zip]) {
          return true;
        }
        seen[zip] = true;
      }
    }
    return false;
  }
}
