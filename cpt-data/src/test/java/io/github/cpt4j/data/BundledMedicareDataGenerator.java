package io.github.cpt4j.data;

import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.data.medicare.CmsSubset;
import io.github.cpt4j.data.medicare.Zip5File;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Regenerates the Medicare data bundled in cpt-data from the full CMS files: the RVU rows of the
 * sample codes (every row of each: global, 26, TC, 53) with the DESCRIPTION column emptied, the
 * full GPCI table, the OPPS caps of the sample codes and the ZIP-to-locality table as ranges. The
 * conversion factor history is maintained by hand.
 *
 * <p>Run it after changing the sample code list or moving to a new CMS release, from the repository
 * root, with the CMS directory (holding {@code 2025/PPRRVU2025_Oct.csv}...):
 *
 * <pre>
 * CPT4J_CMS_DIR=/path/to/cms CPT4J_REGENERATE_BUNDLED_DATA=true \
 *   mvn -B -ntp -q test -pl cpt-core,cpt-data -Dtest=BundledMedicareDataTest \
 *   -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>or call {@link #main} with the CMS directory and the output directory. {@code
 * BundledMedicareDataTest} then checks, whenever {@code CPT4J_CMS_DIR} is set, that the bundled
 * rows still equal the full files' rows.
 */
public final class BundledMedicareDataGenerator {

  /** The first line of every bundled subset: the loaders accept its few rows (see CmsSubset). */
  static final String SUBSET_LINE = CmsSubset.MARKER + ": the rows of the bundled sample codes\n";

  static final String RVU_SOURCE = "2025/PPRRVU2025_Oct.csv";
  static final String GPCI_SOURCE = "2025/GPCI2025.csv";
  static final String OPPS_CAP_SOURCE = "2025/OPPSCAP_Oct.csv";
  static final String ZIP_SOURCE = "2025/ZIP5_OCT2025.txt";

  private BundledMedicareDataGenerator() {}

  /**
   * Generates the resources.
   *
   * @param args the CMS directory, then the output directory (by default {@code
   *     cpt-data/src/main/resources/io/github/cpt4j/data/medicare})
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: BundledMedicareDataGenerator CMS_DIR [OUT_DIR]");
    }
    Path cms = Path.of(args[0]);
    Path out =
        args.length > 1
            ? Path.of(args[1])
            : Path.of("cpt-data/src/main/resources/io/github/cpt4j/data/medicare");
    generate(cms, out);
  }

  static void generate(Path cms, Path out) throws IOException {
    Files.createDirectories(out);
    Set<ProcedureCode> sample = sampleCodes();
    writeRvus(
        cms.resolve(RVU_SOURCE),
        out.resolve(BundledMedicare.RVUS),
        sample,
        "CY2025 relative value file, October release");
    writeRvus(
        cms.resolve("2025/quarterly/PPRRVU25_JAN.csv"),
        out.resolve(BundledMedicare.RVUS_25A),
        sample,
        "CY2025 relative value file, January release as corrected");
    writeRvus(
        cms.resolve("2025/quarterly/PPRRVU25_APR.csv"),
        out.resolve(BundledMedicare.RVUS_25B),
        sample,
        "CY2025 relative value file, April release");
    writeRvus(
        cms.resolve("2025/quarterly/PPRRVU2025_Jul.csv"),
        out.resolve(BundledMedicare.RVUS_25C),
        sample,
        "CY2025 relative value file, July release");
    writeRvus(
        cms.resolve("2026/PPRRVU2026_Jan_nonQPP-subset.csv"),
        out.resolve(BundledMedicare.RVUS_26A),
        sample,
        "CY2026 relative value file, January release, non-QPP: the rows available");
    writeRvus(
        cms.resolve("2026/PPRRVU2026_Jan_QPP-subset.csv"),
        out.resolve(BundledMedicare.RVUS_26A_QPP),
        sample,
        "CY2026 relative value file, January release, QPP: the rows available");
    writeOppsCaps(
        cms.resolve("2025/quarterly/OPPSCAP_JAN.csv"),
        out.resolve(BundledMedicare.OPPS_CAPS_25A),
        sample);
    writeOppsCaps(
        cms.resolve("2025/quarterly/OPPSCAP_JUL.csv"),
        out.resolve(BundledMedicare.OPPS_CAPS_25C),
        sample);
    Files.write(
        out.resolve(BundledMedicare.GPCIS_2026),
        (SUBSET_LINE
                + Files.readString(
                    cms.resolve("2026/GPCI2026_Jan-subset.csv"), StandardCharsets.ISO_8859_1))
            .getBytes(StandardCharsets.ISO_8859_1));
    // The whole GPCI file: numbers and locality names, nothing else.
    Files.write(out.resolve(BundledMedicare.GPCIS), Files.readAllBytes(cms.resolve(GPCI_SOURCE)));
    writeOppsCaps(cms.resolve(OPPS_CAP_SOURCE), out.resolve(BundledMedicare.OPPS_CAPS), sample);
    writeZips(Zip5File.read(cms.resolve(ZIP_SOURCE)), out.resolve(BundledMedicare.ZIPS));
  }

  static Set<ProcedureCode> sampleCodes() {
    return BundledData.codeSet().stream().map(CodeEntry::code).collect(Collectors.toSet());
  }

  private static void writeRvus(Path source, Path target, Set<ProcedureCode> sample, String edition)
      throws IOException {
    List<CsvRecord> records = CsvTable.read(source).records();
    int headerRow = 0;
    while (!records.get(headerRow).getField(0).trim().equalsIgnoreCase("HCPCS")) {
      headerRow++;
    }
    int width = records.get(headerRow).getFieldCount();
    int description =
        Header.of(source.getFileName().toString(), records.subList(headerRow, headerRow + 1))
            .require("DESCRIPTION");
    try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.ISO_8859_1);
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(writer)) {
      writer.write(SUBSET_LINE); // before anything the CSV writer buffers
      csv.writeRecord(
          preamble(
              width,
              "cpt4j: the rows of the cpt4j sample codes from CMS's "
                  + source.getFileName()
                  + " ("
                  + edition
                  + ")"));
      csv.writeRecord(
          preamble(
              width,
              "Numbers only: the DESCRIPTION column is left empty."
                  + " Regenerate with BundledMedicareDataGenerator."));
      csv.writeRecord(preamble(width, ""));
      // The header rows, composed into column names by RvuFile: CMS's own layout.
      int top = headerRow;
      while (top > 0
          && Arrays.stream(records.get(top - 1).getFields().toArray(new String[0]))
              .skip(3)
              .anyMatch(f -> !f.isBlank())) {
        top--;
      }
      for (CsvRecord record : records.subList(top, headerRow + 1)) {
        csv.writeRecord(record.getFields());
      }
      for (CsvRecord record : records.subList(headerRow + 1, records.size())) {
        if (CsvTable.isBlank(record)
            || !sample.contains(ProcedureCode.parse(record.getField(0).trim()))) {
          continue;
        }
        List<String> fields = new ArrayList<>(record.getFields());
        fields.set(description, "");
        csv.writeRecord(fields);
      }
    }
  }

  private static List<String> preamble(int width, String text) {
    List<String> fields = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      fields.add(i == 2 ? text : "");
    }
    return fields;
  }

  private static void writeOppsCaps(Path source, Path target, Set<ProcedureCode> sample)
      throws IOException {
    List<CsvRecord> records = CsvTable.read(source).records();
    try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.ISO_8859_1);
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(writer)) {
      writer.write(SUBSET_LINE); // before anything the CSV writer buffers
      csv.writeRecord(records.get(0).getFields());
      for (CsvRecord record : records.subList(1, records.size())) {
        if (!CsvTable.isBlank(record)
            && sample.contains(ProcedureCode.parse(record.getField(0).trim()))) {
          csv.writeRecord(record.getFields());
        }
      }
    }
  }

  private static void writeZips(ZipLocalityTable table, Path target) throws IOException {
    try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.US_ASCII)) {
      writer.write(BundledMedicare.ZIP_HEADER.replace("%s", "ZIP5_OCT2025.txt"));
      String current = null;
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < table.rangeCount(); i++) {
        String locality = table.rangeLocality(i).toString();
        if (!locality.equals(current)) {
          if (current != null) {
            writer.write(line.append('\n').toString());
          }
          line.setLength(0);
          line.append(locality);
          current = locality;
        }
        line.append(' ').append(String.format("%05d", table.rangeStart(i)));
        if (table.rangeEnd(i) != table.rangeStart(i)) {
          line.append('-').append(String.format("%05d", table.rangeEnd(i)));
        }
        if (table.rangeSplitByPlusFour(i)) {
          line.append('+');
        }
      }
      writer.write(line.append('\n').toString());
    }
  }
}
