package io.github.cpt4j.benchmarks.baseline;

import com.google.common.collect.ImmutableMap;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.github.cpt4j.benchmarks.baseline.NaiveMedicarePricer.Row;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Loading the relative value file as users write it: FastCSV, skip to the header row, column
 * positions read off the 2025 layout, a {@link BigDecimal} per number, rows keyed by {@code
 * "99213"} or {@code "71046-26"}. Fast and unforgiving: no check of the header, a bad number fails
 * with whatever {@code BigDecimal} says. (cpt4j finds columns by name, checks every field and names
 * file, line and column on errors.)
 */
public final class CsvRvuLoader {

  private CsvRvuLoader() {}

  /** Loads the rows into a {@link HashMap}. */
  public static Map<String, Row> intoHashMap(Path file) throws IOException {
    Map<String, Row> rows = new HashMap<>();
    read(file, rows::put);
    return rows;
  }

  /** Loads the rows into an {@link ImmutableMap}. */
  public static ImmutableMap<String, Row> intoImmutableMap(Path file) throws IOException {
    ImmutableMap.Builder<String, Row> rows = ImmutableMap.builder();
    read(file, rows::put);
    return rows.buildOrThrow();
  }

  /** Receives each row. */
  private interface Sink {
    void put(String key, Row row);
  }

  private static void read(Path file, Sink sink) throws IOException {
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .ofCsvRecord(file, StandardCharsets.ISO_8859_1)) {
      boolean header = false;
      for (CsvRecord r : csv) {
        String code = r.getField(0);
        if (!header) {
          header = code.equals("HCPCS");
          continue;
        }
        if (code.isBlank()) {
          continue;
        }
        String modifier = r.getField(1).trim();
        String key = modifier.isEmpty() ? code : code + "-" + modifier;
        sink.put(
            key,
            new Row(
                r.getField(3).charAt(0),
                new BigDecimal(r.getField(5)),
                new BigDecimal(r.getField(6)),
                new BigDecimal(r.getField(8)),
                new BigDecimal(r.getField(10)),
                r.getField(7).equals("NA"),
                r.getField(9).equals("NA")));
      }
    }
  }
}
