package io.github.cpt4j.benchmarks;

import io.github.cpt4j.codeset.CodeSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Looking up a code's entry: by a parsed code object, and straight from text (parse + lookup), in
 * the bundled sample and in every code of the 2025 CMS file.
 *
 * <p>Targets: by code object at most 5 ns and no allocation; from text at least 3x faster than the
 * regex + {@code HashMap} baseline. The text keys are the realistic mix of {@link KeyMix#mixed}:
 * common codes of the data set, rare ones, a few malformed. The baselines' keys are {@code String}s
 * whose hash codes are cached after the first pass over the array, which favours them: text fresh
 * from a file has no cached hash.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class LookupBenchmark {

  /** Which implementation this fork measures. */
  @Param({Implementation.CPT4J, Implementation.REGEX_HASHMAP, Implementation.GUAVA_IMMUTABLEMAP})
  public String impl;

  /** Which code set: the bundled sample or all codes of the 2025 CMS file. */
  @Param({DataSets.SAMPLE, DataSets.CMS_2025})
  public String dataset;

  private CodeLookup lookup;
  private String[] texts;
  private Object[] codes;
  private int cursor;

  /** Loads the data set, builds the implementation's index and draws the keys. */
  @Setup
  public void setUp() {
    CodeSet set = DataSets.codeSet(dataset);
    lookup = CodeLookup.of(impl, set);
    List<String> common = DataSets.commonIn(set);
    List<String> rare = DataSets.rareIn(set);
    texts = KeyMix.mixed(common, rare, CodeSamples.INVALID, 21);
    String[] valid = KeyMix.valid(common, rare, 22);
    codes = new Object[valid.length];
    for (int i = 0; i < valid.length; i++) {
      codes[i] = lookup.toCode(valid[i]);
    }
  }

  /** Code object to entry (the 5 ns, 0 B/op target). */
  @Benchmark
  public Object lookupByCode() {
    return lookup.byCode(codes[cursor++ & KeyMix.MASK]);
  }

  /** Text to entry, malformed text included (the 3x regex + HashMap target). */
  @Benchmark
  public Object lookupByText() {
    return lookup.byText(texts[cursor++ & KeyMix.MASK]);
  }
}
