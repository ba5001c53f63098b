package io.github.cpt4j.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * Writes a made-up NCCI practitioner PTP file of full size (two million rows by default), in the
 * exact layout CMS publishes (a copyright line, a title, the header wrapped over four rows, tab
 * separated, CRLF), for the load and check benchmarks: the real files are licensed and not
 * available to every run.
 *
 * <p>The shape follows the real table: about 16,000 column 1 codes (five-digit CPT and Level II G
 * and J codes), each with a sorted run of distinct column 2 codes (from 1 to about 250, 125 on
 * average), effective dates on quarter starts since 1996, about 40% of edits deleted on a quarter
 * end, 5% withdrawn (deleted on the effective date, indicator 9), 3% of pairs deleted and added
 * again, indicator 0 on about 15% of the rest. The rationales are made-up texts of the real ones'
 * length. Deterministic for a given seed.
 *
 * <pre>{@code
 * java -cp cpt-benchmarks/target/benchmarks.jar io.github.cpt4j.benchmarks.PtpFileGenerator \
 *     ptp-2m.txt 2000000
 * }</pre>
 */
public final class PtpFileGenerator {

  /** The rows of a quarter's practitioner table, order of magnitude. */
  public static final int FULL_SIZE = 2_000_000;

  private static final String[] RATIONALES = {
    "Generated rationale: one service includes the other",
    "Generated rationale: services exclude each other",
    "Generated rationale: coding manual instruction",
    "Generated rationale: standard of practice",
    "Generated rationale: misuse of the column two code",
    "Generated rationale: more extensive procedure",
    "Generated rationale: anesthesia service included",
    "Generated rationale: laboratory panel",
  };

  /** The code universe: five-digit numbers 00100-99499, then G0000-G9999 and J0000-J9999. */
  private static final int FIVE_DIGIT_FROM = 100;

  private static final int FIVE_DIGIT_TO = 99_499;
  private static final int UNIVERSE = FIVE_DIGIT_TO - FIVE_DIGIT_FROM + 1 + 20_000;

  private PtpFileGenerator() {}

  /** Writes {@code rows} rows to {@code file} (arguments: file, then rows). */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : FULL_SIZE;
    List<String> column1 = write(file, rows, 12);
    System.out.println(file + ": " + rows + " rows, " + column1.size() + " column 1 codes");
  }

  /**
   * Writes {@code rows} rows to {@code file} and returns the column 1 codes, in order.
   *
   * @throws IOException if the file cannot be written
   */
  public static List<String> write(Path file, int rows, long seed) throws IOException {
    try (Writer out =
        new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1), 1 << 16)) {
      return write(out, rows, seed);
    }
  }

  /** Writes {@code rows} rows to {@code out} and returns the column 1 codes, in order. */
  public static List<String> write(Writer out, int rows, long seed) throws IOException {
    Random random = new Random(seed);
    out.write("Generated test data, not CMS's: a made-up table in the PTP layout.\t\t\t\t\t\t\r\n");
    out.write("Column1/Column2 Edits\t\t\t\t\t\t\r\n");
    out.write(
        "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\r\n");
    out.write("\t\tprior to 1996\tDate\tDate\t0=not allowed\t\r\n");
    out.write("\t\t\t\t*=no data\t1=allowed\t\r\n");
    out.write("\t\t\t\t\t9=not applicable\t\r\n");
    List<String> column1Codes = new ArrayList<>();
    int written = 0;
    // Column 1 codes are spread over the universe in order, so the file is sorted as CMS's is.
    int code = 0;
    int meanStep = Math.max(1, UNIVERSE / Math.max(1, rows / 125));
    StringBuilder line = new StringBuilder(128);
    // A column 1 code is written once: a second pass over one would repeat its pairs, on
    // overlapping dates, which PtpFile refuses as duplicated rows.
    BitSet used = new BitSet(UNIVERSE);
    while (written < rows) {
      code += 1 + random.nextInt(2 * meanStep - 1);
      if (code >= UNIVERSE) {
        code = random.nextInt(UNIVERSE / 4); // wrap: a second pass (unsorted, as a later part)
      }
      code = used.nextClearBit(code);
      if (code >= UNIVERSE) {
        code = used.nextClearBit(0);
        if (code >= UNIVERSE) {
          throw new IllegalArgumentException(rows + " rows: more than the code universe holds");
        }
      }
      used.set(code);
      String first = codeText(code);
      column1Codes.add(first);
      int runLength = Math.min(rows - written, 1 + random.nextInt(249));
      int step = Math.max(1, UNIVERSE / runLength);
      int second = random.nextInt(step);
      for (int i = 0; i < runLength && written < rows; i++) {
        second += 1 + random.nextInt(step);
        if (second >= UNIVERSE || second == code) {
          continue;
        }
        written += row(out, line, random, first, codeText(second), rows - written);
      }
    }
    return column1Codes;
  }

  /** Writes one pair (two rows when it was deleted and added again); returns the rows written. */
  private static int row(
      Writer out, StringBuilder line, Random random, String first, String second, int room)
      throws IOException {
    LocalDate effective = quarterStart(random, 1996, 2025);
    int kind = random.nextInt(100);
    if (kind < 3 && room >= 2) {
      LocalDate deleted = quarterEnd(random, effective);
      write(out, line, random, first, second, effective, deleted, '1');
      write(out, line, random, first, second, deleted.plusDays(1), null, '0');
      return 2;
    }
    if (kind < 8) {
      write(out, line, random, first, second, effective, effective, '9');
    } else if (kind < 48) {
      write(
          out,
          line,
          random,
          first,
          second,
          effective,
          quarterEnd(random, effective),
          random.nextInt(100) < 15 ? '0' : '1');
    } else {
      write(
          out, line, random, first, second, effective, null, random.nextInt(100) < 15 ? '0' : '1');
    }
    return 1;
  }

  private static void write(
      Writer out,
      StringBuilder line,
      Random random,
      String first,
      String second,
      LocalDate effective,
      LocalDate deletion,
      char indicator)
      throws IOException {
    line.setLength(0);
    line.append(first).append('\t').append(second).append('\t');
    if (effective.getYear() == 1996 && random.nextInt(10) == 0) {
      line.append('*');
    }
    line.append('\t');
    yyyymmdd(line, effective);
    line.append('\t');
    if (deletion == null) {
      line.append('*');
    } else {
      yyyymmdd(line, deletion);
    }
    line.append('\t').append(indicator).append('\t');
    line.append(RATIONALES[random.nextInt(RATIONALES.length)]).append("\r\n");
    out.append(line);
  }

  private static void yyyymmdd(StringBuilder line, LocalDate date) {
    line.append(date.getYear());
    if (date.getMonthValue() < 10) {
      line.append('0');
    }
    line.append(date.getMonthValue());
    if (date.getDayOfMonth() < 10) {
      line.append('0');
    }
    line.append(date.getDayOfMonth());
  }

  private static LocalDate quarterStart(Random random, int fromYear, int toYear) {
    return LocalDate.of(
        fromYear + random.nextInt(toYear - fromYear + 1), 1 + 3 * random.nextInt(4), 1);
  }

  /** A quarter's last day, on or after {@code effective}, within 12 years. */
  private static LocalDate quarterEnd(Random random, LocalDate effective) {
    return effective.plusMonths(3L * (1 + random.nextInt(48))).minusDays(1);
  }

  /** The text of code number {@code index} of the universe. */
  static String codeText(int index) {
    int fiveDigit = FIVE_DIGIT_TO - FIVE_DIGIT_FROM + 1;
    if (index < fiveDigit) {
      String digits = Integer.toString(FIVE_DIGIT_FROM + index);
      return "0".repeat(5 - digits.length()) + digits;
    }
    int rest = index - fiveDigit;
    char letter = rest < 10_000 ? 'G' : 'J';
    String digits = Integer.toString(rest % 10_000);
    return letter + "0".repeat(4 - digits.length()) + digits;
  }
}
