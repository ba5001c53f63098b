package io.github.cpt4j.benchmarks;

import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
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
 * ZIP code to Medicare payment locality with the bundled 2025 table: cpt4j's binary search over a
 * few thousand ranges against a map holding every ZIP code as a key. Keys: the first ZIP code of
 * each range as the common population, every ZIP code as the rare one, and malformed text.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class LocalityBenchmark {

  /** Malformed ZIP codes: short, long, letters, blank. */
  static final List<String> INVALID_ZIPS =
      List.of("", "1000", "100011", "1000A", "ABCDE", " 10001", "10 01");

  /** Which implementation this fork measures. */
  @Param({Implementation.CPT4J, Implementation.REGEX_HASHMAP, Implementation.GUAVA_IMMUTABLEMAP})
  public String impl;

  private ZipLookup lookup;
  private String[] zips;
  private int cursor;

  /** Builds the implementation's table and draws the keys. */
  @Setup
  public void setUp() {
    ZipLocalityTable table = BundledData.zipLocalities();
    lookup = ZipLookup.of(impl, table);
    zips =
        KeyMix.mixed(ZipLookup.firstZipOfEachRange(table), ZipLookup.zips(table), INVALID_ZIPS, 41);
  }

  /** ZIP code text to locality. */
  @Benchmark
  public Object zipToLocality() {
    return lookup.find(zips[cursor++ & KeyMix.MASK]);
  }
}
