package io.github.cpt4j.benchmarks.baseline;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.modifier.Modifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * NCCI procedure-to-procedure edits as users write them: the tab file read line by line with {@code
 * split}, a regular expression for the codes, and a {@code HashMap<String, List<Row>>} keyed by the
 * two codes' text, each row with its {@link LocalDate}s. Checking a claim looks up every ordered
 * pair of lines by a key built from their texts. The rules are cpt4j's (dates, withdrawn edits,
 * modifier indicator, the NCCI-associated modifiers), so both answer alike.
 */
public final class MapPtpEdits {

  private static final Pattern CODE = Pattern.compile("[0-9]{4}[0-9AFMTU]|[A-HJ-NP-V][0-9]{4}");
  private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
  private static final Set<String> BYPASS =
      Set.of(
          "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "TA",
          "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "LM", "RC",
          "RI", "24", "25", "57", "58", "78", "79", "27", "59", "91", "XE", "XS", "XP", "XU");

  /** One row: dates ({@code null} deletion for none), indicator, rationale. */
  record Row(LocalDate effective, LocalDate deletion, char indicator, String rationale) {}

  private final Map<String, List<Row>> rows;

  private MapPtpEdits(Map<String, List<Row>> rows) {
    this.rows = rows;
  }

  /** Returns the number of pairs. */
  public int pairs() {
    return rows.size();
  }

  /** Loads the files. */
  public static MapPtpEdits load(List<Path> files) throws IOException {
    Map<String, List<Row>> rows = new HashMap<>();
    for (Path file : files) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
        String line;
        while ((line = in.readLine()) != null) {
          String[] f = line.split("\t", -1);
          if (f.length < 7 || !CODE.matcher(f[0]).matches() || !CODE.matcher(f[1]).matches()) {
            continue; // the header and blank lines
          }
          LocalDate effective = LocalDate.parse(f[3], YYYYMMDD);
          LocalDate deletion = f[4].equals("*") ? null : LocalDate.parse(f[4], YYYYMMDD);
          rows.computeIfAbsent(f[0] + f[1], k -> new ArrayList<>(1))
              .add(new Row(effective, deletion, f[5].charAt(0), f[6]));
        }
      }
    }
    return new MapPtpEdits(rows);
  }

  /** Returns a message per denied column 2 line, in the order found. */
  public List<String> check(Claim claim, LocalDate date) {
    List<String> denied = new ArrayList<>();
    int n = claim.size();
    for (int i = 0; i < n; i++) {
      ClaimLine first = claim.line(i).line();
      for (int j = 0; j < n; j++) {
        ClaimLine second = claim.line(j).line();
        if (i == j || first.code().equals(second.code())) {
          continue;
        }
        List<Row> pair = rows.get(first.code().toString() + second.code().toString());
        if (pair == null) {
          continue;
        }
        for (Row row : pair) {
          boolean active =
              row.indicator != '9'
                  && !row.effective.equals(row.deletion)
                  && !date.isBefore(row.effective)
                  && (row.deletion == null || !date.isAfter(row.deletion));
          if (active && !(row.indicator == '1' && (bypass(first) || bypass(second)))) {
            denied.add(second.code() + " denied by " + first.code() + ": " + row.rationale);
            break;
          }
        }
      }
    }
    return denied;
  }

  private static boolean bypass(ClaimLine line) {
    for (Modifier modifier : line.modifiers()) {
      if (BYPASS.contains(modifier.toString())) {
        return true;
      }
    }
    return false;
  }
}
