package io.github.cpt4j.benchmarks;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic stream of benchmark keys, drawn once before measurement: mostly common codes with a
 * skewed (Zipf, exponent 1) distribution over their rank, some rare codes drawn uniformly, and a
 * few malformed ones, shuffled.
 *
 * <p>The arrays have {@link #SIZE} entries, a power of two, so that a benchmark advances with
 * {@code keys[cursor++ & MASK]}: one increment, one mask, one load, and no allocation in the
 * harness. Each slot holds its own {@code String} instance, as text from a parser would, rather
 * than many references to one shared string.
 */
public final class KeyMix {

  /** Keys per array: large enough to defeat branch-pattern learning, small enough for L2. */
  public static final int SIZE = 1 << 12;

  /** {@code SIZE - 1}, for advancing a cursor without a bounds branch. */
  public static final int MASK = SIZE - 1;

  /** Share of rare (uniformly drawn) codes in a mix. */
  public static final double RARE_SHARE = 0.12;

  /** Share of malformed input in a mixed stream. */
  public static final double INVALID_SHARE = 0.03;

  private KeyMix() {}

  /** Common, rare and malformed keys in the documented shares. */
  public static String[] mixed(
      List<String> common, List<String> rare, List<String> invalid, long seed) {
    return draw(common, rare, invalid, RARE_SHARE, INVALID_SHARE, seed);
  }

  /** Common and rare keys only, every one well-formed, in the documented ratio. */
  public static String[] valid(List<String> common, List<String> rare, long seed) {
    return draw(common, rare, List.of(), RARE_SHARE / (1 - INVALID_SHARE), 0, seed);
  }

  /** Malformed keys only, drawn uniformly. */
  public static String[] invalid(List<String> invalid, long seed) {
    return draw(List.of(), List.of(), invalid, 0, 1, seed);
  }

  private static String[] draw(
      List<String> common,
      List<String> rare,
      List<String> invalid,
      double rareShare,
      double invalidShare,
      long seed) {
    requireNonNull(common, "common");
    requireNonNull(rare, "rare");
    requireNonNull(invalid, "invalid");
    int invalidCount = (int) Math.round(SIZE * invalidShare);
    int rareCount = (int) Math.round(SIZE * rareShare);
    int commonCount = SIZE - invalidCount - rareCount;
    if (commonCount > 0 && common.isEmpty()
        || rareCount > 0 && rare.isEmpty()
        || invalidCount > 0 && invalid.isEmpty()) {
      throw new IllegalArgumentException("a population with a non-zero share is empty");
    }
    SplittableRandom random = new SplittableRandom(seed);
    String[] keys = new String[SIZE];
    double[] zipf = zipfCumulative(common.size());
    int k = 0;
    for (int i = 0; i < commonCount; i++) {
      keys[k++] = common.get(rank(zipf, random.nextDouble()));
    }
    for (int i = 0; i < rareCount; i++) {
      keys[k++] = rare.get(random.nextInt(rare.size()));
    }
    for (int i = 0; i < invalidCount; i++) {
      keys[k++] = invalid.get(random.nextInt(invalid.size()));
    }
    for (int i = SIZE - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String swap = keys[i];
      keys[i] = keys[j];
      keys[j] = swap;
    }
    for (int i = 0; i < SIZE; i++) {
      keys[i] = new String(keys[i].toCharArray());
    }
    return keys;
  }

  private static double[] zipfCumulative(int n) {
    double[] cumulative = new double[n];
    double sum = 0;
    for (int rank = 0; rank < n; rank++) {
      sum += 1.0 / (rank + 1);
      cumulative[rank] = sum;
    }
    for (int rank = 0; rank < n; rank++) {
      cumulative[rank] /= sum;
    }
    return cumulative;
  }

  private static int rank(double[] cumulative, double u) {
    int i = Arrays.binarySearch(cumulative, u);
    return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
  }
}
