package io.github.cpt4j.benchmarks.batch;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates the batch-pricing input of the whole-process comparison: claim lines over the full CMS
 * relative value file, reproducibly (a fixed seed), in the columns {@code cpt price --input} reads.
 *
 * <p>About three lines per claim (one to five), six localities, both settings, dates of October to
 * December 2025 (the quarter of the October release the input is priced with). 70% of the lines are
 * common office, therapy-free and imaging-free codes, 30% any code the generator can price
 * identically in plain SQL: status A or R, a global row, no add-on (ZZZ) and multiple procedure
 * indicator 0, 2 or 9 (indicators 1 and 3 to 7 and add-on codes need claim rules a one-statement
 * peer does not have). Modifiers: 26 or TC on split diagnostic tests, 50 on bilateral-eligible
 * surgery, 59 or 25 (no effect on the amount), and 25 on every visit in a claim with a procedure
 * that has a global period, as billing requires. A code appears at most once per claim, so no line
 * pairs up with another as a bilateral pair, and a claim has at most one visit: two visits of one
 * day meet the same-day visit rules (the office visit paid more, an office or emergency visit
 * folded into a hospital admission), which no one-statement peer has. Critical care (99291, 99292),
 * which includes other services of its day, and the visit add-ons G2211 and G2212, paid only beside
 * certain visits, are left out for the same reason. The ranking of modifier 51 (indicator 2: 100%
 * for the highest, 50% for the others) does apply, and both pricers do it.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.cpt4j.benchmarks.batch.BatchInput RVU.csv LINES OUT.csv
 * </pre>
 */
public final class BatchInput {

  /** The localities, {@code MAC-LOC}, all in the 2025 GPCI file. */
  static final List<String> LOCALITIES =
      List.of("13282-99", "13202-01", "01182-18", "10112-00", "04412-18", "02402-02");

  /** High-volume codes: visits, psychotherapy, an injection into a joint, nail and wart care. */
  static final List<String> COMMON =
      List.of(
          "99213", "99214", "99212", "99215", "99203", "99204", "99232", "99233", "90834", "90837",
          "90791", "99211", "99283", "20610", "11721", "17110", "99223", "99308");

  /**
   * Codes of status A, global XXX, that the claim rules price by what else the claim holds:
   * critical care, which includes other services of its day, and the visit add-ons, paid only
   * beside certain visits.
   */
  static final Set<String> NEEDS_CLAIM_RULES = Set.of("99291", "99292", "G2211", "G2212");

  private final List<Code> common = new ArrayList<>();
  private final List<Code> any = new ArrayList<>();

  /**
   * A code the generator may bill.
   *
   * @param surgery a global period of 000, 010 or 090: a visit on its day needs modifier 25
   */
  private record Code(String code, boolean pcTc, boolean bilateral, boolean surgery) {

    /**
     * A visit the global surgery rule reads (cpt4j's {@code Visits.isVisit}): an E/M code
     * (99202-99499) or an eye exam (92002-92014), as the pricer counts them.
     */
    boolean visit() {
      return code.compareTo("99202") >= 0 && code.compareTo("99499") <= 0
          || code.compareTo("92002") >= 0 && code.compareTo("92014") <= 0;
    }
  }

  /** Reads the codes the generator may bill from {@code rvuFile}. */
  BatchInput(Path rvuFile) throws IOException {
    Set<String> commonCodes = new HashSet<>(COMMON);
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(rvuFile)) {
      for (CsvRecord row : reader) {
        if (row.getFieldCount() < 25 || !row.getField(1).isEmpty()) {
          continue;
        }
        String code = row.getField(0);
        if (NEEDS_CLAIM_RULES.contains(code)) {
          continue;
        }
        String status = row.getField(3);
        String pcTc = row.getField(13);
        String global = row.getField(14);
        String mult = row.getField(18);
        String bilat = row.getField(19);
        if (code.length() != 5
            || !(status.equals("A") || status.equals("R"))
            || global.equals("ZZZ")
            || global.equals("YYY")
            || !(mult.equals("0") || mult.equals("2") || mult.equals("9"))) {
          continue;
        }
        // Split tests only where they rank with nothing (indicator 0): 26 and TC rows exist.
        boolean split = pcTc.equals("1") && mult.equals("0");
        if (!(split || pcTc.equals("0") || pcTc.equals("9"))) {
          continue;
        }
        boolean surgery = global.equals("000") || global.equals("010") || global.equals("090");
        Code c = new Code(code, split, bilat.equals("1") && mult.equals("2"), surgery);
        any.add(c);
        if (commonCodes.contains(code)) {
          common.add(c);
        }
      }
    }
    if (common.size() != COMMON.size()) {
      throw new IllegalStateException(
          "expected " + COMMON.size() + " common codes in " + rvuFile + ", found " + common);
    }
  }

  /**
   * Writes the lines.
   *
   * @param args the relative value file, the number of lines, the output file
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: BatchInput PPRRVU2025_Oct.csv LINES OUT.csv");
      System.exit(2);
    }
    new BatchInput(Path.of(args[0])).write(Long.parseLong(args[1]), Path.of(args[2]));
  }

  /** Writes {@code lines} lines to {@code out}, the same lines for the same number every time. */
  void write(long lines, Path out) throws IOException {
    Random random = new Random(20_250_601L);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("claim,code,modifiers,units,locality,setting,date\n");
      long written = 0;
      int claim = 0;
      Set<String> inClaim = new HashSet<>();
      List<Code> codes = new ArrayList<>();
      StringBuilder line = new StringBuilder(64);
      while (written < lines) {
        claim++;
        int size = (int) Math.min(lines - written, 1 + random.nextInt(5));
        String locality = LOCALITIES.get(random.nextInt(LOCALITIES.size()));
        String setting = random.nextInt(3) == 0 ? "facility" : "non-facility";
        String date =
            String.format(
                Locale.ROOT, "2025-%02d-%02d", 10 + random.nextInt(3), 1 + random.nextInt(28));
        inClaim.clear();
        codes.clear();
        boolean surgeryDay = false;
        boolean visit = false;
        for (int i = 0; i < size; i++) {
          Code c;
          do {
            c = random.nextInt(10) < 7 ? pick(common, random) : pick(any, random);
          } while (inClaim.contains(c.code()) || visit && c.visit());
          inClaim.add(c.code());
          codes.add(c);
          surgeryDay |= c.surgery();
          visit |= c.visit();
        }
        for (Code c : codes) {
          String modifiers = "";
          int m = random.nextInt(10);
          if (c.pcTc() && m < 6) {
            modifiers = m < 3 ? "26" : "TC";
          } else if (c.bilateral() && m < 2) {
            modifiers = "50";
          } else if (c.visit() && surgeryDay) {
            // As a real claim bills it: a visit on the day of a procedure with a global period is
            // denied without 25 (Claims Processing Manual ch. 12 §40.1), which no SQL peer models.
            modifiers = "25";
          } else if (m == 9) {
            modifiers = c.code().startsWith("99") ? "25" : "59";
          }
          line.setLength(0);
          line.append('C')
              .append(claim)
              .append(',')
              .append(c.code())
              .append(',')
              .append(modifiers)
              .append(",1,")
              .append(locality)
              .append(',')
              .append(setting)
              .append(',')
              .append(date)
              .append('\n');
          w.append(line);
          written++;
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Code pick(List<Code> codes, Random random) {
    return codes.get(random.nextInt(codes.size()));
  }
}
