package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactors;
import io.github.cpt4j.fee.medicare.pfs.GpciTable;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.OppsCapTable;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real CMS files, when the environment variable {@code CPT4J_CMS_DIR} names the directory that
 * holds them ({@code $CPT4J_CMS_DIR/2025/PPRRVU2025_Oct.csv}...). Tests that use them are skipped,
 * visibly, when it is unset. Loaded once per test run.
 */
public final class CmsFiles {

  private static MedicareFeeSchedule schedule2025;

  private CmsFiles() {}

  /** Returns the directory, skipping the calling test when it is not configured. */
  static Path dir() {
    String dir = System.getenv("CPT4J_CMS_DIR");
    assumeTrue(
        dir != null && !dir.isBlank(),
        "CPT4J_CMS_DIR is not set: the tests against the full CMS files are skipped");
    Path path = Path.of(dir);
    assumeTrue(
        Files.isDirectory(path.resolve("2025")), "CPT4J_CMS_DIR has no 2025 directory: " + path);
    return path;
  }

  public static Path file(String relative) {
    Path path = dir().resolve(relative);
    assumeTrue(Files.isRegularFile(path), "missing CMS file " + relative);
    return path.getFileName().toString().contains("-subset") ? markedDir().resolve(relative) : path;
  }

  private static Path marked;

  /**
   * Returns a mirror of {@link #dir()} in which the subsets CMS's files are cut to for this project
   * ({@code *-subset.csv}) start with the {@link CmsSubset#MARKER}, as a user marks an extract;
   * every other file is a link to the original. Made once per test run.
   */
  public static synchronized Path markedDir() {
    Path source = dir();
    if (marked == null) {
      try {
        Path target = Files.createTempDirectory("cms-marked");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
          files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
          Path copy = target.resolve(source.relativize(file).toString());
          Files.createDirectories(copy.getParent());
          if (file.getFileName().toString().contains("-subset")) {
            byte[] marker = (CmsSubset.MARKER + "\n").getBytes(StandardCharsets.ISO_8859_1);
            byte[] body = Files.readAllBytes(file);
            byte[] all = Arrays.copyOf(marker, marker.length + body.length);
            System.arraycopy(body, 0, all, marker.length, body.length);
            Files.write(copy, all);
          } else {
            Files.createSymbolicLink(copy, file.toAbsolutePath());
          }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(target)));
        marked = target;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return marked;
  }

  private static void delete(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  /**
   * Prices {@code lines}, each read by {@code BilledLine.parse}, as one claim in {@code context}
   * with the standard claim pricer over {@link #schedule2025()}: the full-file claim tests' way to
   * price a claim (skipped without the files).
   */
  static PricedClaim priceClaim(PricingContext context, String... lines) {
    return priceClaim(MedicareClaimPricer.of(schedule2025()), context, lines);
  }

  /** {@link #priceClaim(PricingContext, String...)} with {@code pricer}. */
  static PricedClaim priceClaim(
      MedicareClaimPricer pricer, PricingContext context, String... lines) {
    List<BilledLine> billed = new ArrayList<>(lines.length);
    for (String line : lines) {
      billed.add(BilledLine.parse(line));
    }
    return pricer.price(Claim.of(billed), context);
  }

  /** The October 2025 release, in force for October to December 2025 (its quarter). */
  static synchronized MedicareFeeSchedule schedule2025() {
    if (schedule2025 == null) {
      try {
        RvuTable rvus = RvuFile.read(file("2025/PPRRVU2025_Oct.csv"));
        GpciTable gpcis = GpciFile.read(file("2025/GPCI2025.csv"));
        OppsCapTable caps = OppsCapFile.read(file("2025/OPPSCAP_Oct.csv"));
        ConversionFactors factors = ConversionFactorFile.read(file("conversion-factors.csv"));
        schedule2025 =
            MedicareFeeSchedule.builder()
                .name("medicare-pfs-2025-oct")
                .rvus(rvus)
                .gpcis(gpcis)
                .oppsCaps(caps)
                .conversionFactors(factors)
                .effective(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31))
                .build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schedule2025;
  }
}
