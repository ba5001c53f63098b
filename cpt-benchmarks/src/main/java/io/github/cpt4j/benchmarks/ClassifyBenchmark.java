package io.github.cpt4j.benchmarks;

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
 * Classifying codes: CPT kind, category and section from text (parse, then classify), and category
 * and section of an already parsed code object. The baselines validate, then look at characters and
 * compare the number with the code book's section ranges.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class ClassifyBenchmark {

  /** Which implementation this fork measures. */
  @Param({Implementation.CPT4J, Implementation.REGEX_HASHMAP, Implementation.GUAVA_IMMUTABLEMAP})
  public String impl;

  private CodeSyntax syntax;
  private String[] valid;
  private Object[] codes;
  private int cursor;

  /** Draws well-formed keys and parses them once into the implementation's code objects. */
  @Setup
  public void setUp() {
    syntax = CodeSyntax.of(impl);
    valid = KeyMix.valid(CodeSamples.COMMON, CodeSamples.rare(2_000, 11), 2);
    codes = new Object[valid.length];
    for (int i = 0; i < valid.length; i++) {
      codes[i] = syntax.parse(valid[i]);
    }
  }

  /** Text to CPT kind (standard, vaccine administration, MAAA, PLA, Category II, III). */
  @Benchmark
  public Object kindOfText() {
    return syntax.kindOf(valid[cursor++ & KeyMix.MASK]);
  }

  /** Text to CPT category. */
  @Benchmark
  public Object categoryOfText() {
    return syntax.categoryOf(valid[cursor++ & KeyMix.MASK]);
  }

  /** Parsed code to CPT category. */
  @Benchmark
  public Object categoryOfCode() {
    return syntax.categoryOfCode(codes[cursor++ & KeyMix.MASK]);
  }

  /** Text to CPT section (the six sections, Category II and III, or unassigned). */
  @Benchmark
  public Object sectionOfText() {
    return syntax.sectionOf(valid[cursor++ & KeyMix.MASK]);
  }

  /** Parsed code to CPT section. */
  @Benchmark
  public Object sectionOfCode() {
    return syntax.sectionOfCode(codes[cursor++ & KeyMix.MASK]);
  }
}
