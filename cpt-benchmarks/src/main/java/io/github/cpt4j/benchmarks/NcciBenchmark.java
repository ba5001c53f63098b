package io.github.cpt4j.benchmarks;

import io.github.cpt4j.benchmarks.baseline.MapPtpEdits;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.data.ncci.PtpFile;
import io.github.cpt4j.edit.ncci.PtpClaimEdit;
import io.github.cpt4j.edit.ncci.PtpTable;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Checking a claim against the NCCI procedure-to-procedure edits of a full-size practitioner table
 * ({@link PtpFileGenerator}, two million rows). Target: a clean ten-line claim (45 pairs, each
 * looked up both ways) in at most 2 us, allocating nothing.
 *
 * <p>cpt4j's {@link PtpClaimEdit} over a {@link PtpTable} against {@link MapPtpEdits}, a {@code
 * HashMap<String, List<Row>>} keyed by the pair's text; both loaded from the same generated file.
 * The claim's codes are column 1 codes of the table (each lookup searches a run of rows), none an
 * active pair of another on the date.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = "-Xmx3g")
@State(Scope.Thread)
public class NcciBenchmark {

  /** Which implementation this fork measures. */
  @Param({Implementation.CPT4J, Implementation.REGEX_HASHMAP})
  public String impl;

  /** Rows in the generated table. */
  @Param({"2000000"})
  public int rows;

  private static final LocalDate DATE = LocalDate.of(2025, 6, 2);

  private PtpClaimEdit edit;
  private MapPtpEdits baseline;
  private PricingContext context;
  private Claim clean;
  private Claim withDenial;

  /** Generates and loads the table, and finds the claims' codes. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Implementation.check(impl);
    Path file = Files.createTempFile("ptp-", ".txt");
    try {
      List<String> column1 = PtpFileGenerator.write(file, rows, 12);
      // Both are loaded: the claims are chosen with cpt4j's table, and must agree.
      PtpTable table = PtpFile.read(file);
      edit = PtpClaimEdit.of(table);
      baseline = impl.equals(Implementation.CPT4J) ? null : MapPtpEdits.load(List.of(file));
      context = PricingContext.withoutArea(DATE, Setting.NON_FACILITY);
      clean = cleanClaim(column1);
      withDenial = withDenial(clean);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Ten column 1 codes with runs of rows, no two an active pair on the date. */
  private Claim cleanClaim(List<String> column1) {
    List<String> chosen = new ArrayList<>();
    int step = Math.max(1, column1.size() / 60);
    for (int i = column1.size() / 3; i < column1.size() && chosen.size() < 10; i += step) {
      String candidate = column1.get(i);
      Claim trial = claimOf(chosen, candidate);
      if (!chosen.contains(candidate) && edit.check(trial, context).isEmpty()) {
        chosen.add(candidate);
      }
    }
    if (chosen.size() < 10) {
      throw new IllegalStateException("the generated table is too small for a ten-line claim");
    }
    return claimOf(chosen, null);
  }

  /** The clean claim with its last line replaced by a code its first line's code denies. */
  private Claim withDenial(Claim claim) {
    List<String> codes = new ArrayList<>();
    claim.lines().forEach(l -> codes.add(l.line().code().toString()));
    codes.remove(9);
    for (int index = 0; index < 100_000; index++) {
      String candidate = PtpFileGenerator.codeText(index);
      Claim trial = claimOf(codes, candidate);
      if (edit.check(trial, context).size() == 1) {
        return trial;
      }
    }
    throw new IllegalStateException("no column 2 code found for the claim with a denial");
  }

  private static Claim claimOf(List<String> codes, String more) {
    Claim.Builder claim = Claim.builder();
    codes.forEach(claim::add);
    if (more != null) {
      claim.add(more);
    }
    return claim.build();
  }

  /** Releases the tables. */
  @TearDown(Level.Trial)
  public void tearDown() {
    edit = null;
    baseline = null;
  }

  /** A clean ten-line claim: 45 pairs, 90 lookups, no finding (the 2 us, 0 B target). */
  @Benchmark
  public Object checkCleanClaim() {
    return impl.equals(Implementation.CPT4J)
        ? edit.check(clean, context)
        : baseline.check(clean, DATE);
  }

  /** The same claim with one line denied: the finding, its message and data are built. */
  @Benchmark
  public Object checkClaimWithDenial() {
    return impl.equals(Implementation.CPT4J)
        ? edit.check(withDenial, context)
        : baseline.check(withDenial, DATE);
  }

  /** Fails unless both implementations find what they should; for the smoke test. */
  void verify() {
    if (!edit.check(clean, context).isEmpty() || edit.check(withDenial, context).size() != 1) {
      throw new AssertionError("cpt4j disagrees with the claims chosen");
    }
    if (baseline != null
        && (!baseline.check(clean, DATE).isEmpty()
            || baseline.check(withDenial, DATE).size() != 1)) {
      throw new AssertionError("the baseline disagrees with cpt4j");
    }
  }
}
