package io.github.cpt4j.benchmarks;

import io.github.cpt4j.benchmarks.baseline.CsvRvuLoader;
import io.github.cpt4j.data.medicare.RvuFile;
import java.io.IOException;
import java.nio.file.Path;
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
 * Loading the full 2025 CMS relative value file (19,090 rows, 31 columns) into an indexed table, on
 * one thread, from the operating system's file cache. Target: at most 250 ms. Needs the CMS files
 * ({@link CmsFiles}); {@code run.sh} skips it without them.
 *
 * <p>cpt4j's {@code RvuFile} finds columns by header name, validates every field of every row,
 * rejects duplicates with the line numbers, and builds the packed index. The baselines read fixed
 * column positions into {@code BigDecimal}s and a map keyed by text, validating nothing. The
 * retained size of the result is measured by {@link FootprintReport}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
@State(Scope.Thread)
public class LoadBenchmark {

  /** Which implementation this fork measures. */
  @Param({Implementation.CPT4J, Implementation.REGEX_HASHMAP, Implementation.GUAVA_IMMUTABLEMAP})
  public String impl;

  private Path file;

  /** Finds the file. */
  @Setup
  public void setUp() {
    Implementation.check(impl);
    file = CmsFiles.rvu2025();
  }

  /** Reads and indexes the whole file (the 250 ms target). */
  @Benchmark
  public Object loadRvuFile() throws IOException {
    switch (impl) {
      case Implementation.CPT4J:
        return RvuFile.read(file);
      case Implementation.REGEX_HASHMAP:
        return CsvRvuLoader.intoHashMap(file);
      default:
        return CsvRvuLoader.intoImmutableMap(file);
    }
  }
}
