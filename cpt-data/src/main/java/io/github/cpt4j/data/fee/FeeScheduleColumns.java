package io.github.cpt4j.data.fee;

import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Header;
import java.util.List;
import java.util.Locale;

/**
 * The columns a flat fee schedule's header names: the code ({@code code}, or CMS's {@code HCPCS}),
 * the amount ({@code amount}) and, optionally, the modifier ({@code modifier}, or CMS's {@code
 * MOD}). Any other column is ignored, unless its name looks like one of these: a modifier column
 * that is not read leaves its rows priced as their codes without a modifier, so a column named like
 * one, or a second column of a kind, is refused with its place rather than ignored.
 */
final class FeeScheduleColumns {

  /** The names of the code column: CMS's files (RVU, CLFS, DMEPOS) head it HCPCS. */
  private static final List<String> CODE = List.of("CODE", "HCPCS");

  /** The names of the modifier column: CMS's files (RVU, OPPS cap, DMEPOS) head it MOD. */
  private static final List<String> MODIFIER = List.of("MODIFIER", "MOD");

  /**
   * Words that say that a column describes or sorts codes, modifiers or amounts rather than holds
   * one ({@code CPT Description}, {@code Modifier Description}, {@code Fee Notes}, {@code Rate
   * Type}), looked for in its {@link #squeezed} name: such a column is ignored as any other.
   */
  private static final List<String> DESCRIBING =
      List.of(
          "desc",
          "note",
          "comment",
          "remark",
          "text",
          "label",
          "meaning",
          "name",
          "type",
          "status",
          "indicator",
          "flag");

  /**
   * Other names of a modifier column, {@link #squeezed}: a plural and the short forms of exports.
   */
  private static final List<String> MODIFIER_LIKE = List.of("mods", "modcd", "modcode", "modcodes");

  /** Other names of a code column, {@link #squeezed}, besides those that hold "cpt" or "hcpc". */
  private static final List<String> CODE_LIKE =
      List.of(
          "codes",
          "proccode",
          "proccd",
          "procedure",
          "procedurecode",
          "procedurecd",
          "servicecode",
          "svccode",
          "billingcode");

  /** Parts of the names of amount columns, {@link #squeezed}. */
  private static final List<String> AMOUNT_PARTS =
      List.of("amount", "amt", "fee", "price", "allow", "payment", "reimb", "dollar");

  /**
   * Words that name an amount column as whole words only: their letters are parts of unrelated
   * words ({@code separate}, {@code corporate}).
   */
  private static final List<String> AMOUNT_WORDS = List.of("rate", "rates", "pmt", "pymt");

  private final int code;
  private final int amount;
  private final int modifier;

  private FeeScheduleColumns(int code, int amount, int modifier) {
    this.code = code;
    this.amount = amount;
    this.modifier = modifier;
  }

  /**
   * Finds the columns of {@code header}, read from {@code source}.
   *
   * @throws DataLoadException if the code or the amount column is missing, if two columns are the
   *     code or the modifier column, or if a column that is not read looks like one of the three,
   *     each with the header's line and the column
   */
  static FeeScheduleColumns of(String source, Header header) throws DataLoadException {
    int code = header.find(CODE::contains, "the code column");
    if (code < 0) {
      throw header.missing("\"CODE\" or \"HCPCS\"");
    }
    int amount = header.require("amount");
    int modifier = header.find(MODIFIER::contains, "the modifier column");
    for (int column = 0; column < header.size(); column++) {
      if (column != code && column != amount && column != modifier) {
        refuseLookalike(source, header, column, code, amount, modifier);
      }
    }
    return new FeeScheduleColumns(code, amount, modifier);
  }

  /** The 0-based column of the code. */
  int code() {
    return code;
  }

  /** The 0-based column of the amount. */
  int amount() {
    return amount;
  }

  /** The 0-based column of the modifier, or -1 when the header has none. */
  int modifier() {
    return modifier;
  }

  /**
   * Refuses the column {@code column}, which is not read, if its name looks like that of a column
   * that is: a modifier column first ({@code HCPCS_1ST_MDFR_CD} is one, not a code column), then an
   * amount column ({@code CPT Fee}), then a code column.
   */
  private static void refuseLookalike(
      String source, Header header, int column, int code, int amount, int modifier)
      throws DataLoadException {
    String squeezed = squeezed(header.name(column));
    if (squeezed.isEmpty() || DESCRIBING.stream().anyMatch(squeezed::contains)) {
      return;
    }
    String stem = withoutNumber(squeezed);
    if (looksLikeModifier(squeezed, stem)) {
      throw lookalike(source, header, column, "a modifier column", "modifier", modifier, MODIFIER);
    }
    if (looksLikeAmount(header.name(column), squeezed, stem)) {
      throw lookalike(source, header, column, "an amount column", "amount", amount, List.of());
    }
    if (looksLikeCode(squeezed, stem)) {
      throw lookalike(source, header, column, "a code column", "code", code, List.of());
    }
  }

  /**
   * A modifier column by its name: {@code modifiers}, {@code Modifier 1}, {@code mod2}, {@code CPT
   * Modifier}, the claim extracts' {@code HCPCS_1ST_MDFR_CD}, or {@code modifier} misspelled by up
   * to two letters ({@code modifer}).
   */
  private static boolean looksLikeModifier(String squeezed, String stem) {
    // Not modified, a column of the date or the fact of a change.
    if (stem.startsWith("modified")) {
      return false;
    }
    return squeezed.contains("modifier")
        || squeezed.contains("mdfr")
        || stem.equals("mod")
        || MODIFIER_LIKE.contains(stem)
        || distance(stem, "modifier") <= 2;
  }

  /**
   * An amount column by its name: one holding {@code amount}, {@code amt}, {@code fee}, {@code
   * price}, {@code allowed} or {@code payment} ({@code Allowed Amount}, {@code Facility Fee}), one
   * with the word {@code rate}, or {@code amount} misspelled by a letter ({@code ammount}).
   */
  private static boolean looksLikeAmount(String name, String squeezed, String stem) {
    if (AMOUNT_PARTS.stream().anyMatch(squeezed::contains)) {
      return true;
    }
    for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (AMOUNT_WORDS.contains(word)) {
        return true;
      }
    }
    return stem.length() > 1 && stem.charAt(0) == 'a' && distance(stem, "amount") <= 1;
  }

  /**
   * A code column by its name: one holding {@code cpt} or {@code hcpc} ({@code CPT Code}, {@code
   * HCPCS_CD}), {@code code2}, {@code Procedure Code}, or {@code code} misspelled by a letter that
   * keeps its first ({@code cdoe}).
   */
  private static boolean looksLikeCode(String squeezed, String stem) {
    return squeezed.contains("cpt")
        || squeezed.contains("hcpc")
        || stem.equals("code")
        || CODE_LIKE.contains(stem)
        || stem.length() > 1 && stem.charAt(0) == 'c' && distance(stem, "code") <= 1;
  }

  /**
   * The error for a column that is not read but looks like the {@code kind} column, whose 0-based
   * index is {@code read} (-1 when the header has none; then it is named one of {@code names}).
   */
  private static DataLoadException lookalike(
      String source,
      Header header,
      int column,
      String kind,
      String role,
      int read,
      List<String> names) {
    String problem =
        "\"" + header.name(column) + "\" looks like " + kind + " but is not read: a row's " + role;
    if (read >= 0) {
      problem +=
          " is read from \""
              + header.name(read)
              + "\" (column "
              + (read + 1)
              + ") alone; rename or remove the other";
    } else {
      // Only the modifier column may be missing: the code and the amount are required.
      problem +=
          " is read from a column named \""
              + names.get(0).toLowerCase(Locale.ROOT)
              + "\" or \""
              + names.get(1).toLowerCase(Locale.ROOT)
              + "\", and the header has none";
    }
    return new DataLoadException(source, header.line(column), column + 1, problem);
  }

  /** {@code squeezed} without the number at its end: {@code mod1} is {@code mod}. */
  private static String withoutNumber(String squeezed) {
    int end = squeezed.length();
    while (end > 0 && Character.isDigit(squeezed.charAt(end - 1))) {
      end--;
    }
    return end == 0 ? squeezed : squeezed.substring(0, end);
  }

  /**
   * A name of its letters and digits alone, in lower case: {@code HCPCS_1ST_MDFR_CD} is {@code
   * hcpcs1stmdfrcd}, {@code Modifier 1} is {@code modifier1}.
   */
  private static String squeezed(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  /**
   * The number of edits that turn {@code a} into {@code b}: letters added, dropped or changed, and
   * neighbours swapped (the optimal string alignment distance). Names far longer than {@code b} are
   * not compared: a header cell can be a megabyte of junk.
   */
  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) {
      return Integer.MAX_VALUE;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
