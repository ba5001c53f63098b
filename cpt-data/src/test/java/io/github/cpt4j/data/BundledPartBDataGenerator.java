package io.github.cpt4j.data;

import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.medicare.DmeposRuralZipFile;
import io.github.cpt4j.data.medicare.Zip5File;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Regenerates the Part B data bundled in cpt-data from CMS's files: the Clinical Laboratory, DMEPOS
 * and ASP rows of the sample codes, numbers only (no descriptor or description column is copied),
 * the ZIP-code-to-state table and the DMEPOS rural ZIP codes. Run like {@link
 * BundledMedicareDataGenerator}, with {@code -Dtest=BundledPartBDataTest}; {@code
 * BundledPartBDataTest} checks the bundled rows against the files whenever {@code CPT4J_CMS_DIR} is
 * set.
 */
public final class BundledPartBDataGenerator {

  static final String CLFS_SOURCE = "clfs/CLFS_2025_Q1V1.csv";
  static final String DMEPOS_SOURCE = "dmepos/DMEPOS_2025_JAN.csv";
  static final String RURAL_SOURCE = "dmepos/DME_Rural_ZIP_2025_Q1.csv";
  static final String ASP_SOURCE = "asp/ASP_2025_JAN.csv";

  private BundledPartBDataGenerator() {}

  static void generate(Path cms, Path out) throws IOException {
    Set<ProcedureCode> sample = BundledMedicareDataGenerator.sampleCodes();
    copyColumns(
        cms.resolve(CLFS_SOURCE),
        out.resolve(BundledPartB.CLFS),
        sample,
        List.of("YEAR", "HCPCS", "MOD", "EFF_DATE", "INDICATOR", "RATE"),
        "HCPCS");
    copyColumns(
        cms.resolve(DMEPOS_SOURCE), out.resolve(BundledPartB.DMEPOS), sample, null, "HCPCS");
    copyColumns(
        cms.resolve(ASP_SOURCE),
        out.resolve(BundledPartB.ASP),
        sample,
        List.of("HCPCS Code", "HCPCS Code Dosage", "Payment Limit", "Co-insurance Percentage"),
        "HCPCS Code");
    DmeposZipTable states =
        Zip5File.readStates(cms.resolve(BundledMedicareDataGenerator.ZIP_SOURCE));
    writeStates(states, out.resolve(BundledPartB.ZIP_STATES));
    writeRural(
        DmeposRuralZipFile.read(cms.resolve(RURAL_SOURCE), states),
        out.resolve(BundledPartB.RURAL_ZIPS));
  }

  /**
   * Copies the header row and the rows of the sample codes of a CSV file with a preamble, keeping
   * {@code columns} (or, when null, every column except the description), under a one-line note.
   */
  private static void copyColumns(
      Path source, Path target, Set<ProcedureCode> sample, List<String> columns, String first)
      throws IOException {
    List<CsvRecord> records = CsvTable.read(source).records();
    int headerRow = 0;
    while (records.get(headerRow).getFields().stream()
        .noneMatch(f -> Header.normalize(f).equals(Header.normalize(first)))) {
      headerRow++;
    }
    Header header =
        Header.of(source.getFileName().toString(), records.subList(headerRow, headerRow + 1));
    int code = header.require(first);
    List<Integer> keep = new ArrayList<>();
    if (columns == null) {
      for (int c = 0; c < header.size(); c++) {
        if (!header.name(c).contains("DESC") && !header.name(c).isEmpty()) {
          keep.add(c);
        }
      }
    } else {
      for (String column : columns) {
        keep.add(header.require(column));
      }
    }
    try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.ISO_8859_1);
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(writer)) {
      writer.write(BundledMedicareDataGenerator.SUBSET_LINE);
      csv.writeRecord(
          "cpt4j: the rows of the cpt4j sample codes from CMS's "
              + source.getFileName()
              + ", numbers only: no descriptor or description column is copied."
              + " Regenerate with BundledPartBDataGenerator.");
      csv.writeRecord(select(records.get(headerRow), keep));
      int rows = 0;
      for (CsvRecord record : records.subList(headerRow + 1, records.size())) {
        if (!CsvTable.isBlank(record)
            && sample.contains(ProcedureCode.parse(record.getField(code).trim()))) {
          csv.writeRecord(select(record, keep));
          rows++;
        }
      }
      if (rows == 0) {
        throw new IllegalStateException("no sample code in " + source);
      }
    }
  }

  private static List<String> select(CsvRecord record, List<Integer> columns) {
    List<String> fields = new ArrayList<>(columns.size());
    for (int c : columns) {
      fields.add(record.getField(c).trim());
    }
    return fields;
  }

  private static void writeStates(DmeposZipTable table, Path target) throws IOException {
    Map<String, StringBuilder> lines = new TreeMap<>();
    int z = 0;
    while (z < 100_000) {
      int state = table.stateIndex(z);
      if (state < 0) {
        z++;
        continue;
      }
      int last = z;
      while (last + 1 < 100_000 && table.stateIndex(last + 1) == state) {
        last++;
      }
      StringBuilder line =
          lines.computeIfAbsent(table.states().get(state), s -> new StringBuilder(s));
      line.append(' ').append(zip(z));
      if (last != z) {
        line.append('-').append(zip(last));
      }
      z = last + 1;
    }
    write(target, BundledPartB.ZIP_STATES_HEADER.replace("%s", "ZIP5_OCT2025.txt"), lines);
  }

  private static void writeRural(DmeposZipTable table, Path target) throws IOException {
    Map<String, StringBuilder> lines = new TreeMap<>();
    for (int z = 0; z < 100_000; z++) {
      if (table.isRural(z)) {
        lines
            .computeIfAbsent(table.states().get(table.stateIndex(z)), s -> new StringBuilder(s))
            .append(' ')
            .append(zip(z));
      }
    }
    write(target, BundledPartB.RURAL_ZIPS_HEADER.replace("%s", "DME_Rural_ZIP_2025_Q1.csv"), lines);
  }

  private static String zip(int z) {
    return String.format(Locale.ROOT, "%05d", z);
  }

  private static void write(Path target, String header, Map<String, StringBuilder> lines)
      throws IOException {
    try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.US_ASCII)) {
      writer.write(header);
      for (StringBuilder line : lines.values()) {
        writer.write(line.append('\n').toString());
      }
    }
  }
}
