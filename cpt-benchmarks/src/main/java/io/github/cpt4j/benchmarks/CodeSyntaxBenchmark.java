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
 * Validating and parsing code text: cpt4j's scanner against a regular expression and against Guava
 * {@code CharMatcher}s.
 *
 * <p>Targets: validating or parsing a valid code in at most 10 ns, validation with no allocation.
 * The syntax of a code does not depend on any data set, so these keys come from {@link CodeSamples}
 * alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class CodeSyntaxBenchmark {

  /** Which implementation this fork measures. */
  @Param({Implementation.CPT4J, Implementation.REGEX_HASHMAP, Implementation.GUAVA_IMMUTABLEMAP})
  public String impl;

  private CodeSyntax syntax;
  private String[] mixed;
  private String[] valid;
  private String[] invalid;
  private int cursor;

  /** Draws the key arrays; the same seeds for every implementation. */
  @Setup
  public void setUp() {
    syntax = CodeSyntax.of(impl);
    var rare = CodeSamples.rare(2_000, 11);
    mixed = KeyMix.mixed(CodeSamples.COMMON, rare, CodeSamples.INVALID, 1);
    valid = KeyMix.valid(CodeSamples.COMMON, rare, 2);
    invalid = KeyMix.invalid(CodeSamples.INVALID, 3);
  }

  /** Validates the realistic mix: mostly valid, a few malformed keys. */
  @Benchmark
  public boolean validateMixed() {
    return syntax.isValid(mixed[cursor++ & KeyMix.MASK]);
  }

  /** Validates well-formed codes only (the 10 ns, 0 B/op target). */
  @Benchmark
  public boolean validateValid() {
    return syntax.isValid(valid[cursor++ & KeyMix.MASK]);
  }

  /** Validates malformed input only. */
  @Benchmark
  public boolean validateInvalid() {
    return syntax.isValid(invalid[cursor++ & KeyMix.MASK]);
  }

  /** Parses well-formed codes into the implementation's code object (the 10 ns target). */
  @Benchmark
  public Object parseValid() {
    return syntax.parse(valid[cursor++ & KeyMix.MASK]);
  }

  /** Parses the realistic mix without exceptions: a code object, or null when malformed. */
  @Benchmark
  public Object tryParseMixed() {
    return syntax.tryParse(mixed[cursor++ & KeyMix.MASK]);
  }
}
