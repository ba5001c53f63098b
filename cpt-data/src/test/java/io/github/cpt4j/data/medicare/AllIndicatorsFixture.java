package io.github.cpt4j.data.medicare;

import io.github.cpt4j.fee.medicare.pfs.AssistantAtSurgery;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.PcTcIndicator;
import io.github.cpt4j.fee.medicare.pfs.SurgeonsPermission;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Made-up relative value rows with every value of every field the loaders read: each payment
 * status, each value of each indicator, the row modifiers, the flags, stated OPPS amounts. Without
 * the CMS files, the small hand-written fixtures hold only a few of them, so a fast path that maps
 * one value wrongly would pass. Numbers and codes only; every description is "X".
 *
 * <p>The rows are a base row, then one row per value of each column with only that column changed
 * (so a cache keyed by too few of a row's bytes hands a later row an earlier row's values), then
 * rows where all columns vary together.
 */
final class AllIndicatorsFixture {

  private AllIndicatorsFixture() {}

  // The 2025 layout's columns (LoaderFixtures.RVU_2025_HEADER).
  private static final int MOD = 1;
  private static final int STATUS = 3;
  private static final int NOT_USED = 4;
  private static final int WORK = 5;
  private static final int PE_NON_FACILITY = 6;
  private static final int NA_NON_FACILITY = 7;
  private static final int PE_FACILITY = 8;
  private static final int NA_FACILITY = 9;
  private static final int MP = 10;
  private static final int TOTAL_NON_FACILITY = 11;
  private static final int TOTAL_FACILITY = 12;
  private static final int PC_TC = 13;
  private static final int GLOBAL = 14;
  private static final int PRE_OP = 15;
  private static final int INTRA_OP = 16;
  private static final int POST_OP = 17;
  private static final int MULT = 18;
  private static final int BILATERAL = 19;
  private static final int ASSISTANT = 20;
  private static final int CO_SURGEONS = 21;
  private static final int TEAM = 22;
  private static final int ENDO_BASE = 23;
  private static final int SUPERVISION = 25;
  private static final int FAMILY = 27;
  private static final int OPPS_PE_NON_FACILITY = 28;
  private static final int OPPS_PE_FACILITY = 29;
  private static final int OPPS_MP = 30;

  /** The 2026 layout's extra column, the pricing indicator, comes after TEAM. */
  private static final int PRICING_2026 = TEAM + 1;

  private static final String[] BASE = {
    "", "", "X", "A", "", "1.00", "1.00", "", "0.50", "", "0.10", "2.10", "1.60", "0", "000",
    "0.10", "0.80", "0.10", "2", "1", "1", "0", "0", "", "32.3465", "09", "0", "99", "0.00", "0.00",
    "0.00"
  };

  /** Each column's values, every one of them for the indicators. */
  private static List<Variation> variations() {
    List<Variation> v = new ArrayList<>();
    v.add(new Variation(MOD, "", "26", "TC", "53"));
    v.add(
        new Variation(
            STATUS,
            Arrays.stream(PaymentStatus.values())
                .map(s -> String.valueOf(s.code()))
                .toArray(String[]::new)));
    v.add(new Variation(NOT_USED, "", "+"));
    v.add(new Variation(WORK, "0.00", "1.00", "12.5", "3", "0.4500"));
    v.add(new Variation(PE_NON_FACILITY, "0.00", "7.19", "103.02"));
    v.add(new Variation(NA_NON_FACILITY, "", "NA"));
    v.add(new Variation(PE_FACILITY, "0.00", "0.33", "9.3"));
    v.add(new Variation(NA_FACILITY, "", "NA"));
    v.add(new Variation(MP, "0.00", "0.01", "1.40"));
    v.add(
        new Variation(
            PC_TC,
            Arrays.stream(PcTcIndicator.values())
                .map(s -> String.valueOf(s.code()))
                .toArray(String[]::new)));
    v.add(
        new Variation(
            GLOBAL,
            Arrays.stream(GlobalPeriod.values()).map(GlobalPeriod::code).toArray(String[]::new)));
    // The three shares vary together: the loader refuses shares that do not make 1.00 (or 0.00).
    v.add(
        new Variation(
            PRE_OP,
            "0.00,0.00,0.00",
            "0.10,0.80,0.10",
            "0.09,0.84,0.07",
            "1.00,0,0.0",
            "0,1,0.00",
            "0.0,0.00,1.0",
            "0.17,0.83,0"));
    v.add(
        new Variation(
            MULT,
            Arrays.stream(MultipleProcedureRule.values())
                .map(s -> String.valueOf(s.code()))
                .toArray(String[]::new)));
    v.add(
        new Variation(
            BILATERAL,
            Arrays.stream(BilateralRule.values())
                .map(s -> String.valueOf(s.code()))
                .toArray(String[]::new)));
    v.add(
        new Variation(
            ASSISTANT,
            Arrays.stream(AssistantAtSurgery.values())
                .map(s -> String.valueOf(s.code()))
                .toArray(String[]::new)));
    String[] permissions =
        Arrays.stream(SurgeonsPermission.values())
            .map(s -> String.valueOf(s.code()))
            .toArray(String[]::new);
    v.add(new Variation(CO_SURGEONS, permissions));
    v.add(new Variation(TEAM, permissions));
    v.add(new Variation(ENDO_BASE, "", "29870", "43235", "0001T"));
    v.add(new Variation(SUPERVISION, "09", "01", "02", "2A", "6A", "TC"));
    v.add(new Variation(FAMILY, "99", "01", "1", "88", "00"));
    v.add(new Variation(OPPS_PE_NON_FACILITY, "0.00", "2.76", "0.4"));
    v.add(new Variation(OPPS_PE_FACILITY, "0.00", "2.68", "11.1"));
    v.add(new Variation(OPPS_MP, "0.00", "0.05", "1"));
    return v;
  }

  /**
   * One column and its values (a list: a record's array component would compare by identity). A
   * value of {@link #PRE_OP} is the three shares, pre-, intra- and post-operative, with commas.
   */
  private record Variation(int column, List<String> values) {
    Variation(int column, String... values) {
      this(column, List.of(values));
    }

    void set(String[] row, String value) {
      if (column == PRE_OP) {
        String[] shares = value.split(",", -1);
        row[PRE_OP] = shares[0];
        row[INTRA_OP] = shares[1];
        row[POST_OP] = shares[2];
      } else {
        row[column] = value;
      }
    }
  }

  /** Sets the row's two totals to its RVUs added up, as CMS's are (the loader checks them). */
  private static void addUpTotals(String[] row) {
    BigDecimal workAndMp = new BigDecimal(row[WORK]).add(new BigDecimal(row[MP]));
    row[TOTAL_NON_FACILITY] = workAndMp.add(new BigDecimal(row[PE_NON_FACILITY])).toPlainString();
    row[TOTAL_FACILITY] = workAndMp.add(new BigDecimal(row[PE_FACILITY])).toPlainString();
  }

  /**
   * Zeroes a 26 or 53 row's OPPS columns, as CMS's files have them (the cap limits the technical
   * component only; the loader refuses them on such a row).
   */
  private static void noOppsColumnsOnProfessionalRows(String[] row) {
    if (row[MOD].equals("26") || row[MOD].equals("53")) {
      row[OPPS_PE_NON_FACILITY] = "0.00";
      row[OPPS_PE_FACILITY] = "0.00";
      row[OPPS_MP] = "0.00";
    }
  }

  /** The rows in the 2025 layout (31 columns), each with its own code. */
  static List<String[]> rows2025() {
    List<String[]> rows = new ArrayList<>();
    rows.add(BASE.clone());
    List<Variation> variations = variations();
    for (Variation v : variations) {
      for (String value : v.values()) {
        String[] row = BASE.clone();
        v.set(row, value);
        rows.add(row);
      }
    }
    // Every column varying at once, each cycling through its own values.
    for (int i = 0; i < 48; i++) {
      String[] row = BASE.clone();
      for (Variation v : variations) {
        v.set(row, v.values().get((i + v.column()) % v.values().size()));
      }
      rows.add(row);
    }
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i)[0] = String.valueOf(10_000 + i);
      addUpTotals(rows.get(i));
      noOppsColumnsOnProfessionalRows(rows.get(i));
    }
    return rows;
  }

  /** The rows in the 2026 layout (32 columns): the 2025 rows with a pricing indicator. */
  static List<String[]> rows2026() {
    List<String[]> rows2025 = rows2025();
    String[] pricing = {"", "1", "2", "3"};
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < rows2025.size(); i++) {
      String[] old = rows2025.get(i);
      String[] row = new String[old.length + 1];
      System.arraycopy(old, 0, row, 0, PRICING_2026);
      row[PRICING_2026] = pricing[i % pricing.length];
      System.arraycopy(old, PRICING_2026, row, PRICING_2026 + 1, old.length - PRICING_2026);
      rows.add(row);
    }
    return rows;
  }

  /** A marked-subset file in the 2025 layout with {@code rows}. */
  static String file2025(List<String[]> rows) {
    return LoaderFixtures.SUBSET + LoaderFixtures.RVU_2025_HEADER + "\n" + lines(rows);
  }

  /** A marked-subset file in the 2026 layout with {@code rows}. */
  static String file2026(List<String[]> rows) {
    String rvu2026 = LoaderFixtures.rvu2026();
    int headerEnd = rvu2026.indexOf('\n', rvu2026.indexOf("\nHCPCS,") + 1) + 1;
    return rvu2026.substring(0, headerEnd) + lines(rows);
  }

  private static String lines(List<String[]> rows) {
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      out.append(String.join(",", row)).append('\n');
    }
    return out.toString();
  }
}
