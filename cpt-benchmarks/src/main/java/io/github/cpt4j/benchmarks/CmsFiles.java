package io.github.cpt4j.benchmarks;

import com.google.common.collect.ImmutableList;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.github.cpt4j.code.ProcedureCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where the benchmarks find the full CMS files, which the project does not ship: the directory in
 * the system property {@value #PROPERTY} or else the environment variable {@value #ENV}, with the
 * files at {@code <dir>/2025/PPRRVU2025_Oct.csv} and so on. {@code run.sh} skips the benchmarks
 * that need them when neither is set.
 */
public final class CmsFiles {

  /** The environment variable naming the CMS directory. */
  public static final String ENV = "CPT4J_CMS_DIR";

  /** The system property naming the CMS directory; wins over {@link #ENV}. */
  public static final String PROPERTY = "cpt4j.cms.dir";

  /** The 2025 relative value file, relative to the CMS directory. */
  public static final String RVU_2025 = "2025/PPRRVU2025_Oct.csv";

  private CmsFiles() {}

  /** Returns the CMS directory if one is configured. */
  public static Optional<Path> directory() {
    String dir = System.getProperty(PROPERTY);
    if (dir == null || dir.isBlank()) {
      dir = System.getenv(ENV);
    }
    return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
  }

  /** Tells whether the 2025 relative value file is available. */
  public static boolean hasRvu2025() {
    return directory().map(d -> Files.isRegularFile(d.resolve(RVU_2025))).orElse(false);
  }

  /**
   * Returns the 2025 relative value file.
   *
   * @throws IllegalStateException saying how to configure it, if it is not available
   */
  public static Path rvu2025() {
    Path dir =
        directory()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the cms-2025 data set needs the CMS files: set "
                            + ENV
                            + " (or -D"
                            + PROPERTY
                            + ") to the directory holding "
                            + RVU_2025
                            + "; run.sh skips it when unset"));
    Path file = dir.resolve(RVU_2025);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no " + RVU_2025 + " under " + ENV + "=" + dir);
    }
    return file;
  }

  /**
   * Returns the distinct codes of the 2025 relative value file in file order: the HCPCS column of
   * every row after the header (a code has several rows when it has 26, TC or 53 rows). Reads
   * nothing else, in particular none of the descriptor text.
   *
   * @throws IllegalStateException if the file is missing or has a row that is not a code
   */
  public static ImmutableList<String> codes2025() {
    Path file = rvu2025();
    Set<String> codes = new LinkedHashSet<>();
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .ofCsvRecord(file, StandardCharsets.ISO_8859_1)) {
      boolean header = false;
      for (CsvRecord row : csv) {
        String first = row.getField(0).trim();
        if (!header) {
          header = first.equals("HCPCS");
          continue;
        }
        if (first.isEmpty()) {
          continue;
        }
        if (!ProcedureCode.isValid(first)) {
          throw new IllegalStateException(
              file + ", line " + row.getStartingLineNumber() + ": not a code in the HCPCS column");
        }
        codes.add(first);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (codes.isEmpty()) {
      throw new IllegalStateException(file + " has no HCPCS header row or no codes");
    }
    return ImmutableList.copyOf(codes);
  }
}
