package io.github.cpt4j.benchmarks;

import io.github.cpt4j.data.CmsDirectory;
import io.github.cpt4j.data.medicare.RvuFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the four 2025 releases from a directory of CMS files (the four relative value files, the
 * GPCI and the anesthesia factors, as {@code CmsDirectory} finds them) against loading the one
 * October relative value file, in the same run. Target: the four releases in at most four times the
 * one file. Needs the CMS files ({@link CmsFiles}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Thread)
public class ReleaseLoadBenchmark {

  private Path oneFile;
  private Path directory;

  /** Links the 2025 files into a directory of their own, as a user would download them. */
  @Setup
  public void setUp() throws IOException {
    Path cms = CmsFiles.directory().orElseThrow(() -> new IllegalStateException(CmsFiles.ENV));
    oneFile = CmsFiles.rvu2025();
    directory = Files.createTempDirectory("cpt4j-releases");
    for (String name :
        new String[] {
          "2025/quarterly/PPRRVU25_JAN.csv",
          "2025/quarterly/PPRRVU25_APR.csv",
          "2025/quarterly/PPRRVU2025_Jul.csv",
          "2025/PPRRVU2025_Oct.csv",
          "2025/GPCI2025.csv",
          "2025/ANES2025.csv"
        }) {
      Path source = cms.resolve(name);
      Files.createSymbolicLink(directory.resolve(source.getFileName()), source.toAbsolutePath());
    }
  }

  /** Removes the links. */
  @TearDown
  public void tearDown() throws IOException {
    try (var files = Files.list(directory)) {
      files.forEach(
          f -> {
            try {
              Files.delete(f);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    Files.delete(directory);
  }

  /** The baseline: one relative value file. */
  @Benchmark
  public Object loadOneRvuFile() throws IOException {
    return RvuFile.read(oneFile);
  }

  /** Four releases with their GPCI and anesthesia files (target: at most 4x the baseline). */
  @Benchmark
  public Object loadFourReleases() throws IOException {
    return CmsDirectory.load(directory);
  }
}
