package io.github.cpt4j.spark;

import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.data.BundledData;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generates batch files of claim lines, reproducibly from a seed: claims of one to six lines over
 * six localities and 2025 dates, a tenth of the lines without a claim key, codes of the bundled
 * sample with modifiers, and about 3% bad rows of every kind the batch reports. Rows of a claim are
 * adjacent (as the command line needs them) unless shuffled.
 *
 * <p>From the command line: {@code LineGenerator FILE LINES [SEED] [shuffled]}.
 */
public final class LineGenerator {

  /** The header of every generated file. */
  public static final String HEADER = "id,claim,code,modifiers,units,locality,zip,setting,pos,date";

  private static final String[] LOCALITIES = {
    "13282-99", "01112-05", "05102-00", "13202-01", "", ""
  };
  private static final String[] ZIPS = {"10001", "60601", "94105", "14620"};
  private static final String[] MODIFIERS = {
    "", "", "", "", "", "", "26", "TC", "50", "RT", "LT", "25", "59", "51", "80", "62", "22", "GT"
  };
  private static final String[] SETTINGS = {"facility", "non-facility", ""};
  private static final String[] POS = {"11", "22", "21", "24"};

  private final Random random;
  private final List<String> codes = new ArrayList<>();
  private final List<String> common = new ArrayList<>();

  /** Creates a generator seeded with {@code seed}. */
  public LineGenerator(long seed) {
    this.random = new Random(seed);
    for (CodeEntry entry : BundledData.codeSet()) {
      codes.add(entry.code().toString());
    }
    for (String code : List.of("99213", "99214", "99203", "71046", "93000", "20610", "29880")) {
      common.add(code);
    }
  }

  /** Returns about {@code lines} rows (whole claims), without the header. */
  public List<String> rows(int lines) {
    List<String> rows = new ArrayList<>(lines + 8);
    int claim = 0;
    while (rows.size() < lines) {
      boolean alone = random.nextInt(10) == 0;
      int size = alone ? 1 : 1 + random.nextInt(6);
      String key = alone ? "" : "C" + claim++;
      String place = place();
      String setting = setting();
      String date = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365)).toString();
      for (int i = 0; i < size; i++) {
        // A line of another date is priced on its own date; another place is a mixed context.
        String lineDate = random.nextInt(100) == 0 ? "2025-12-31" : date;
        String linePlace = random.nextInt(200) == 0 ? place() : place;
        rows.add(row(rows.size(), key, linePlace, setting, lineDate));
      }
    }
    return rows;
  }

  private String place() {
    return random.nextInt(4) == 0
        ? "," + ZIPS[random.nextInt(ZIPS.length)]
        : LOCALITIES[random.nextInt(LOCALITIES.length)] + ",";
  }

  private String setting() {
    return random.nextInt(3) == 0
        ? "," + POS[random.nextInt(POS.length)]
        : SETTINGS[random.nextInt(SETTINGS.length)] + ",";
  }

  private String row(int id, String claim, String place, String setting, String date) {
    String code =
        random.nextInt(10) < 7
            ? common.get(random.nextInt(common.size()))
            : codes.get(random.nextInt(codes.size()));
    String modifiers = MODIFIERS[random.nextInt(MODIFIERS.length)];
    String units = random.nextInt(8) == 0 ? String.valueOf(1 + random.nextInt(3)) : "";
    if (random.nextInt(100) < 3) {
      switch (random.nextInt(10)) {
        case 0 -> code = "9921";
        case 1 -> code = " 99213 x";
        case 2 -> modifiers = "Z!";
        case 3 -> units = "0";
        case 4 -> place = "99999-9,";
        case 5 -> place = ",00000";
        case 6 -> setting = "sometimes,";
        case 7 -> date = "2025-02-30";
        case 8 -> place = "99999-99,"; // well-formed, but no Medicare locality
        default -> setting = "facility,22";
      }
    }
    return id + "," + claim + "," + code + "," + modifiers + "," + units + "," + place + ","
        + setting + "," + date;
  }

  /** Writes the header and {@code rows} to {@code file}. */
  public static void write(Path file, List<String> rows) throws IOException {
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      out.write(HEADER);
      out.write('\n');
      for (String row : rows) {
        out.write(row);
        out.write('\n');
      }
    }
  }

  /** Returns {@code rows} in an order shuffled with {@code seed}: claims no longer adjacent. */
  public static List<String> shuffled(List<String> rows, long seed) {
    List<String> copy = new ArrayList<>(rows);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }

  /**
   * Returns {@code rows} with the claims scattered over the whole list, each claim's lines still in
   * their order: the rows are shuffled, then the places a claim's rows took are given back to its
   * rows in their first order. Lines without a claim key move freely.
   */
  public static List<String> interleaved(List<String> rows, long seed) {
    List<String> shuffled = shuffled(rows, seed);
    java.util.Map<String, java.util.ArrayDeque<String>> byClaim = new java.util.HashMap<>();
    for (String row : rows) {
      byClaim.computeIfAbsent(claim(row), k -> new java.util.ArrayDeque<>()).add(row);
    }
    List<String> result = new ArrayList<>(rows.size());
    for (String row : shuffled) {
      String claim = claim(row);
      result.add(claim.isEmpty() ? row : byClaim.get(claim).poll());
    }
    return result;
  }

  private static String claim(String row) {
    int start = row.indexOf(',') + 1;
    return row.substring(start, row.indexOf(',', start));
  }

  /** Writes a file: {@code FILE LINES [SEED] [shuffled]}. */
  public static void main(String[] args) throws IOException {
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    List<String> rows = new LineGenerator(seed).rows(Integer.parseInt(args[1]));
    if (args.length > 3 && args[3].equals("shuffled")) {
      rows = interleaved(rows, seed);
    }
    write(Path.of(args[0]), rows);
  }
}
