package io.github.cpt4j.benchmarks;

import io.github.cpt4j.codeset.CodeSet;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The text paths of {@link CodeSyntaxBenchmark}, {@link ClassifyBenchmark} and {@link
 * LookupBenchmark} (over the sample), cpt4j and the Guava baseline interleaved in one JVM and timed
 * by the thread's CPU time: a check of their ratios that a busy machine disturbs less than JMH's
 * wall-clock times. Not a replacement for JMH on a quiet machine.
 *
 * <p>The same keys as the JMH benchmarks (the same seeds). Each pair of loops runs in short rounds,
 * cpt4j and Guava alternating, and the fastest round of each after a warm-up quarter is kept: a
 * round that another process disturbed is slower, never faster. Each (operation, implementation)
 * has its own loop method, so that the JIT profiles one receiver type per call site, as a JMH fork
 * does. The result of every call is compared with a marker object, or for an enum its ordinal is
 * added up, so that it must be computed.
 *
 * <pre>
 * java -cp cpt-benchmarks/target/benchmarks.jar io.github.cpt4j.benchmarks.TextCpuTime \
 *     [ROUNDS [CALLS PER ROUND]]
 * </pre>
 */
public final class TextCpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Object MARKER = new Object();
  private static int hits;

  private TextCpuTime() {}

  /** One timed loop: thread CPU nanoseconds for {@code calls} calls over {@code keys}. */
  private interface Loop {
    long run(String[] keys, int calls);
  }

  /**
   * Prints, per operation, the fastest round's time per call of each implementation and the ratio.
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1 << 18;
    List<String> rare = CodeSamples.rare(2_000, 11);
    String[] mixed = KeyMix.mixed(CodeSamples.COMMON, rare, CodeSamples.INVALID, 1);
    String[] valid = KeyMix.valid(CodeSamples.COMMON, rare, 2);
    CodeSet set = DataSets.codeSet(DataSets.SAMPLE);
    String[] lookupKeys =
        KeyMix.mixed(DataSets.commonIn(set), DataSets.rareIn(set), CodeSamples.INVALID, 21);
    CodeSyntax.Cpt4j cpt4j = new CodeSyntax.Cpt4j();
    CodeSyntax.Guava guava = new CodeSyntax.Guava();
    CodeLookup cpt4jLookup = CodeLookup.of(Implementation.CPT4J, set);
    CodeLookup guavaLookup = CodeLookup.of(Implementation.GUAVA_IMMUTABLEMAP, set);

    compare(
        "validateValid",
        valid,
        rounds,
        calls,
        (k, n) -> isValid(cpt4j, k, n),
        (k, n) -> isValid(guava, k, n));
    compare(
        "parseValid",
        valid,
        rounds,
        calls,
        (k, n) -> parse(cpt4j, k, n),
        (k, n) -> parse(guava, k, n));
    compare(
        "tryParseMixed",
        mixed,
        rounds,
        calls,
        (k, n) -> tryParse(cpt4j, k, n),
        (k, n) -> tryParse(guava, k, n));
    compare(
        "kindOfText",
        valid,
        rounds,
        calls,
        (k, n) -> kindOf(cpt4j, k, n),
        (k, n) -> kindOf(guava, k, n));
    compare(
        "categoryOfText",
        valid,
        rounds,
        calls,
        (k, n) -> categoryOf(cpt4j, k, n),
        (k, n) -> categoryOf(guava, k, n));
    compare(
        "lookupByText (sample)",
        lookupKeys,
        rounds,
        calls,
        (k, n) -> lookupCpt4j(cpt4jLookup, k, n),
        (k, n) -> lookupGuava(guavaLookup, k, n));
    if (hits != 0) {
      System.out.println("(a result matched the marker: " + hits + ")");
    }
  }

  private static void compare(
      String name, String[] keys, int rounds, int calls, Loop cpt4j, Loop guava) {
    long[] cpt4jTimes = new long[rounds];
    long[] guavaTimes = new long[rounds];
    for (int round = 0; round < rounds; round++) {
      cpt4jTimes[round] = cpt4j.run(keys, calls);
      guavaTimes[round] = guava.run(keys, calls);
    }
    double ours = fastest(cpt4jTimes) / (double) calls;
    double theirs = fastest(guavaTimes) / (double) calls;
    System.out.printf(
        Locale.ROOT,
        "%-22s cpt4j %5.2f ns  guava %5.2f ns  ratio (guava / cpt4j) %.2f%n",
        name,
        ours,
        theirs,
        theirs / ours);
  }

  private static long fastest(long[] times) {
    return Arrays.stream(times, times.length / 4, times.length).min().orElseThrow();
  }

  // One method per (operation, implementation): see the class comment.

  private static long isValid(CodeSyntax.Cpt4j syntax, String[] keys, int calls) {
    long start = THREADS.getCurrentThreadCpuTime();
    int count = 0;
    for (int i = 0; i < calls; i++) {
      count += syntax.isValid(keys[i & KeyMix.MASK]) ? 1 : 0;
    }
    hits += count == -1 ? 1 : 0;
    return THREADS.getCurrentThreadCpuTime() - start;
  }

  private static long isValid(CodeSyntax.Guava syntax, String[] keys, int calls) {
    long start = THREADS.getCurrentThreadCpuTime();
    int count = 0;
    for (int i = 0; i < calls; i++) {
      count += syntax.isValid(keys[i & KeyMix.MASK]) ? 1 : 0;
    }
    hits += count == -1 ? 1 : 0;
    return THREADS.getCurrentThreadCpuTime() - start;
  }

  private static long parse(CodeSyntax.Cpt4j syntax, String[] keys, int calls) {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      Object result = syntax.parse(keys[i & KeyMix.MASK]);
      hits += result == MARKER ? 1 : 0;
    }
    return THREADS.getCurrentThreadCpuTime() - start;
  }

  private static long parse(CodeSyntax.Guava syntax, String[] keys, int calls) {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      Object result = syntax.parse(keys[i & KeyMix.MASK]);
      hits += result == MARKER ? 1 : 0;
    }
    return THREADS.getCurrentThreadCpuTime() - start;
  }

  private static long tryParse(CodeSyntax.Cpt4j syntax, String[] keys, int calls) {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      Object result = syntax.tryParse(keys[i & KeyMix.MASK]);
      hits += result == MARKER ? 1 : 0;
    }
    return THREADS.getCurrentThreadCpuTime() - start;
  }

  private static long tryParse(CodeSyntax.Guava syntax, String[] keys, int calls) {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      Object result = syntax.tryParse(keys[i & KeyMix.MASK]);
      hits += result == MARKER ? 1 : 0;
    }
    return THREADS.getCurrentThreadCpuTime() - start;
  }

  private static long kindOf(CodeSyntax.Cpt4j syntax, String[] keys, int calls) {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      hits += ordinal(syntax.kindOf(keys[i & KeyMix.MASK]));
    }
    return THREADS.getCurrentThreadCpuTime() - start;
  }

  private static long kindOf(CodeSyntax.Guava syntax, String[] keys, int calls) {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      hits += ordinal(syntax.kindOf(keys[i & KeyMix.MASK]));
    }
    return THREADS.getCurrentThreadCpuTime() - start;
  }

  /**
   * The enum's ordinal, or -1 for null: a value the loop must compute. Comparing an enum constant
   * with the marker does not do: both are constants to the JIT, which then drops the choice of
   * constant, and with it the classification being timed.
   */
  private static int ordinal(Enum<?> result) {
    return result == null ? -1 : result.ordinal();
  }

  private static long categoryOf(CodeSyntax.Cpt4j syntax, String[] keys, int calls) {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      hits += ordinal(syntax.categoryOf(keys[i & KeyMix.MASK]));
    }
    return THREADS.getCurrentThreadCpuTime() - start;
  }

  private static long categoryOf(CodeSyntax.Guava syntax, String[] keys, int calls) {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      hits += ordinal(syntax.categoryOf(keys[i & KeyMix.MASK]));
    }
    return THREADS.getCurrentThreadCpuTime() - start;
  }

  private static long lookupCpt4j(CodeLookup lookup, String[] keys, int calls) {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      Object result = lookup.byText(keys[i & KeyMix.MASK]);
      hits += result == MARKER ? 1 : 0;
    }
    return THREADS.getCurrentThreadCpuTime() - start;
  }

  private static long lookupGuava(CodeLookup lookup, String[] keys, int calls) {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      Object result = lookup.byText(keys[i & KeyMix.MASK]);
      hits += result == MARKER ? 1 : 0;
    }
    return THREADS.getCurrentThreadCpuTime() - start;
  }
}
