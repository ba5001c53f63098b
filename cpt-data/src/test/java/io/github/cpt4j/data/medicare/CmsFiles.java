package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cpt4j.fee.medicare.pfs.ConversionFactors;
import io.github.cpt4j.fee.medicare.pfs.GpciTable;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.OppsCapTable;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The real CMS files, when the environment variable {@code CPT4J_CMS_DIR} names the directory that
 * holds them ({@code $CPT4J_CMS_DIR/2025/PPRRVU2025_Oct.csv}...). Tests that use them are skipped,
 * visibly, when it is unset. Loaded once per test run.
 */
final class CmsFiles {

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

  static Path file(String relative) {
    Path path = dir().resolve(relative);
    assumeTrue(Files.isRegularFile(path), "missing CMS file " + relative);
    return path;
  }

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
                .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
                .build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schedule2025;
  }
}
