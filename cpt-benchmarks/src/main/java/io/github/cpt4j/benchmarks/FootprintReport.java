package io.github.cpt4j.benchmarks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.cpt4j.benchmarks.baseline.CsvRvuLoader;
import io.github.cpt4j.benchmarks.baseline.MapPtpEdits;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import io.github.cpt4j.data.medicare.RvuFile;
import io.github.cpt4j.data.ncci.PtpFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Prints, as a Markdown table, how much heap the lookup structures retain: cpt4j's code set against
 * a {@code HashMap} and an {@code ImmutableMap} keyed by code text, for each available data set
 * (the entries, shared, not counted), and the whole result of loading the full 2025 relative value
 * file (everything counted; target at most 4 MiB), and a loaded full-size NCCI PTP table
 * (generated, two million rows; target at most 48 MB). Run it in a JVM of its own:
 *
 * <pre>{@code
 * java -cp cpt-benchmarks/target/benchmarks.jar io.github.cpt4j.benchmarks.FootprintReport
 * }</pre>
 *
 * <p>For the code sets the entries are shared by every copy measured, so the numbers are the cost
 * of the index itself: for the maps, their nodes and tables and the key strings a user would hold.
 * A loaded relative value file shares nothing but interned constants and enums.
 */
public final class FootprintReport {

  private static final int COPIES = 8;

  private FootprintReport() {}

  /** Prints the table to standard output. */
  public static void main(String[] args) {
    System.out.print(render());
  }

  /** Measures every available data set and renders the table. */
  public static String render() {
    List<String> datasets = new ArrayList<>(List.of(DataSets.SAMPLE));
    if (CmsFiles.hasRvu2025()) {
      datasets.add(DataSets.CMS_2025);
    }
    StringBuilder out = new StringBuilder();
    out.append("| structure | data set | size | cpt4j | HashMap | ImmutableMap |\n");
    out.append("|---|---|---:|---:|---:|---:|\n");
    for (String dataset : datasets) {
      CodeSet set = DataSets.codeSet(dataset);
      ImmutableList<CodeEntry> entries = ImmutableList.copyOf(set);
      long ours = RetainedSize.of(() -> CodeSet.copyOf(entries), COPIES);
      long hashMap = RetainedSize.of(hashMap(entries), COPIES);
      long immutableMap = RetainedSize.of(immutableMap(entries), COPIES);
      out.append(
          String.format(
              Locale.ROOT,
              "| code set index (entries shared) | %s | %,d codes | %s | %s | %s |%n",
              dataset,
              entries.size(),
              bytes(ours, entries.size()),
              bytes(hashMap, entries.size()),
              bytes(immutableMap, entries.size())));
    }
    out.append(ptpTable(PtpFileGenerator.FULL_SIZE));
    if (!CmsFiles.hasRvu2025()) {
      out.append("\n(The full CMS data set is skipped: " + CmsFiles.ENV + " is not set.)\n");
      return out.toString();
    }
    Path file = CmsFiles.rvu2025();
    int rows = unchecked(() -> RvuFile.read(file)).size();
    long ours = RetainedSize.of(() -> unchecked(() -> RvuFile.read(file)), 4);
    long hashMap = RetainedSize.of(() -> unchecked(() -> CsvRvuLoader.intoHashMap(file)), 4);
    long immutableMap =
        RetainedSize.of(() -> unchecked(() -> CsvRvuLoader.intoImmutableMap(file)), 4);
    out.append(
        String.format(
            Locale.ROOT,
            "| full 2025 relative value file, loaded (target <= 4 MiB) | %s | %,d rows | %s | %s "
                + "| %s |%n",
            DataSets.CMS_2025,
            rows,
            bytes(ours, rows),
            bytes(hashMap, rows),
            bytes(immutableMap, rows)));
    return out.toString();
  }

  /**
   * The row of a loaded NCCI PTP table of {@code rows} generated rows (everything counted; target
   * at most 48 MB), against the {@code HashMap<String, List<Row>>} baseline.
   */
  static String ptpTable(int rows) {
    Path file = null;
    try {
      file = Files.createTempFile("ptp-", ".txt");
      PtpFileGenerator.write(file, rows, 12);
      Path path = file;
      long ours = RetainedSize.of(() -> unchecked(() -> PtpFile.read(path)), 2);
      long hashMap = RetainedSize.of(() -> unchecked(() -> MapPtpEdits.load(List.of(path))), 1);
      return String.format(
          Locale.ROOT,
          "| NCCI PTP table, loaded (target <= 48 MB = 45.8 MiB) | generated | %,d rows | %s | %s"
              + " | - |%n",
          rows,
          bytes(ours, rows),
          bytes(hashMap, rows));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        file.toFile().delete();
      }
    }
  }

  /** A load that throws only {@link IOException}. */
  private interface Load<T> {
    T run() throws IOException;
  }

  private static <T> T unchecked(Load<T> load) {
    try {
      return load.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Supplier<Map<String, CodeEntry>> hashMap(List<CodeEntry> entries) {
    return () -> {
      Map<String, CodeEntry> map = new HashMap<>();
      for (CodeEntry e : entries) {
        map.put(e.code().toString(), e);
      }
      return map;
    };
  }

  private static Supplier<Map<String, CodeEntry>> immutableMap(List<CodeEntry> entries) {
    return () -> {
      ImmutableMap.Builder<String, CodeEntry> builder = ImmutableMap.builder();
      for (CodeEntry e : entries) {
        builder.put(e.code().toString(), e);
      }
      return builder.buildOrThrow();
    };
  }

  private static String bytes(long bytes, int entries) {
    return String.format(
        Locale.ROOT, "%s (%d B each)", kib(bytes), entries == 0 ? 0 : bytes / entries);
  }

  private static String kib(long bytes) {
    return bytes >= 1 << 20
        ? String.format(Locale.ROOT, "%.2f MiB", bytes / (double) (1 << 20))
        : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }
}
