package io.github.cpt4j.benchmarks;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The populations of code text that the key mixes draw from: the codes billed most often, rare but
 * well-formed codes, and the malformed input that real feeds contain.
 */
public final class CodeSamples {

  /**
   * Codes that dominate Medicare Part B claim volume: office and hospital visits, venipuncture and
   * routine laboratory panels, common imaging, therapy, injections and drugs. Ordered roughly by
   * volume; only the order matters, as the rank of the skewed draw. Code numbers only.
   */
  public static final ImmutableList<String> COMMON =
      ImmutableList.of(
          "99213", "99214", "36415", "85025", "80053", "99232", "80061", "99233", "99212", "97110",
          "84443", "83036", "99215", "99204", "97140", "99203", "93000", "99231", "71046", "82306",
          "80048", "97530", "G2211", "99223", "99222", "99308", "81001", "99309", "20610", "97112",
          "11721", "96372", "99283", "99284", "99285", "99291", "99238", "99239", "G0439", "G0438",
          "85610", "84153", "87086", "82947", "84439", "93306", "93880", "71045", "70450", "74177",
          "71250", "72148", "73721", "76700", "77067", "78452", "88305", "J3420", "J1100", "J0897",
          "J2778", "J1885", "J0178", "92014", "92012", "92134", "67028", "66984", "17000", "17003",
          "11042", "98941", "98940", "97116", "97161", "97162", "97035", "99307", "99310", "99306",
          "99211", "99205", "99202", "99221", "99497", "99490", "99495", "99496", "G0008", "90471",
          "90686", "90662", "96413", "96365", "96375", "93010", "93005", "94010", "76856", "77080",
          "73030", "73562", "72100", "74018", "27447", "27130", "29881", "45378", "45385", "43239",
          "64483", "62323", "20550", "A0425", "A0427", "Q2035", "G0283", "3074F", "1036F", "0042T");

  /**
   * Malformed input of the kinds that reach a parser: wrong length, stray white space, lower case,
   * unknown suffixes and letters, modifiers glued on, and digits that are not ASCII. Every
   * implementation benchmarked rejects all of them. (None starts with the letters {@code I} or
   * {@code O}: the baselines accepted those until 2026-11-30, and the list is kept as it was so
   * that figures before and after that change use the same keys.)
   */
  public static final ImmutableList<String> INVALID =
      ImmutableList.of(
          "",
          "9921",
          "992134",
          "99213 ",
          " 99213",
          "99213\n",
          "0001f",
          "g0438",
          "1234X",
          "W1234",
          "Z9999",
          "99213-25",
          "CPT 99213",
          "ABCDE",
          "12.34",
          "J11OO",
          "99 13",
          "\u0669\u0669\u0662\u0661\u0663",
          "99\uff1213",
          "\u00a099213");

  private CodeSamples() {}

  /**
   * Returns {@code count} distinct well-formed codes outside {@link #COMMON}, in shares like those
   * of the 2025 Medicare relative value file (mostly five-digit CPT codes, a third Level II, a few
   * Category II and III and laboratory codes). The same seed gives the same codes.
   */
  public static ImmutableList<String> rare(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<String> common = Set.copyOf(COMMON);
    Set<String> codes = new LinkedHashSet<>();
    while (codes.size() < count) {
      String code = randomCode(random);
      if (!common.contains(code)) {
        codes.add(code);
      }
    }
    return ImmutableList.copyOf(codes);
  }

  private static String randomCode(SplittableRandom random) {
    int shape = random.nextInt(100);
    if (shape < 58) {
      return String.format(Locale.ROOT, "%05d", 100 + random.nextInt(99_508));
    }
    if (shape < 88) {
      String letters = "ABCEGHJKLMPQRSTV";
      return letters.charAt(random.nextInt(letters.length()))
          + String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
    }
    String suffixes = "FFFFTTTTUUMA";
    char suffix = suffixes.charAt(random.nextInt(suffixes.length()));
    return String.format(Locale.ROOT, "%04d", random.nextInt(10_000)) + suffix;
  }
}
