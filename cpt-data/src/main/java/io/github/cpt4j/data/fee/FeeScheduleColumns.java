package io.github.cpt4j.data.fee;

import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Header;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns a flat fee schedule's header names: the code ({@code code}, or CMS's {@code HCPCS}),
 * the amount ({@code amount}) and, optionally, the modifier ({@code modifier}, or CMS's {@code
 * MOD}). Any other column is ignored, unless its name is a strong look-alike of one of these: a
 * modifier column that is not read leaves its rows priced as their codes without a modifier, so
 * such a column, or a second column of a kind, is refused with its place rather than ignored. Whole
 * names are compared, so that a column that merely holds such a word ({@code Fee Schedule ID},
 * {@code cpt_category}) loads as it always did; but for {@code modifier} itself, which a name holds
 * only to say it is the modifier ({@code Procedure Modifier}) or about it ({@code Modifier
 * Required}, which loads).
 */
final class FeeScheduleColumns {

  /** The names of the code column: CMS's files (RVU, CLFS, DMEPOS) head it HCPCS. */
  private static final List<String> CODE = List.of("CODE", "HCPCS");

  /** The names of the modifier column: CMS's files (RVU, OPPS cap, DMEPOS) head it MOD. */
  private static final List<String> MODIFIER = List.of("MODIFIER", "MOD");

  /**
   * The {@link #squeezed} names of a code column that is not read ({@code CPT Code}, {@code
   * HCPCS_CD}, {@code Procedure Code}), each also with a number after it ({@code cpt2}), besides
   * {@code code} with a number ({@code code2}). Only such strong look-alikes: a name that merely
   * holds "cpt" or "code" ({@code cpt_category}, {@code coder}) is ignored as any other column.
   */
  private static final Set<String> CODE_LIKE =
      Set.of(
          "cpt",
          "cptcode",
          "cptcd",
          "cpthcpcs",
          "cpthcpcscode",
          "hcpcscode",
          "hcpcscd",
          "procedurecode",
          "proccode",
          "proccd");

  /**
   * The {@link #squeezed} names of an amount column that is not read ({@code Fee}, {@code Allowed
   * Amount}, {@code Non-Facility Price}), each also with a number after it ({@code amount2}, {@code
   * fee 2025}). A name that merely holds "fee", "price" or "payment" ({@code Fee Schedule ID},
   * {@code Price List}, {@code Payment Policy}) is ignored as any other column.
   */
  private static final Set<String> AMOUNT_LIKE =
      Set.of(
          "amount",
          "amounts",
          "amt",
          "fee",
          "fees",
          "feeamount",
          "feeamt",
          "price",
          "prices",
          "rate",
          "rates",
          "allowed",
          "allowedamount",
          "allowedamt",
          "allowable",
          "payment",
          "paymentamount",
          "paymentamt",
          "pmt",
          "pymt",
          "facilityfee",
          "facilityamount",
          "facilityamt",
          "facilityprice",
          "facilityrate",
          "nonfacilityfee",
          "nonfacilityamount",
          "nonfacilityamt",
          "nonfacilityprice",
          "nonfacilityrate");

  /**
   * A modifier column that is not read, by its {@link #squeezed} name: a plural or a short form
   * ({@code modifiers}, {@code mods}, {@code MDFR}, {@code Modif}, {@code mod cd}), one that says
   * whose ({@code CPT Modifier}), or one with a number or an ordinal, before or after ({@code
   * mod1}, {@code MOD_1ST}, {@code Modifier 2}, the claim extracts' {@code HCPCS_1ST_MDFR_CD}).
   */
  private static final Pattern MODIFIER_LIKE =
      Pattern.compile(
          "(cpt|hcpcs?)?"
              + "(?:(mod|modif|modifier|mdfr)(s|\\d{1,2}(st|nd|rd|th)?|first|second|third|fourth)?"
              + "|(\\d{1,2}(st|nd|rd|th)?|first|second|third|fourth)(mod|modif|modifier|mdfr))"
              + "(cd|code)?(\\d{1,2})?");

  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]");

  /**
   * Words that make a name holding {@code modifier} a column about the modifier, not the modifier
   * itself: its description or text, whether one is required or allowed, its type or status.
   */
  private static final List<String> ABOUT_A_MODIFIER =
      List.of(
          "desc",
          "text",
          "note",
          "comment",
          "remark",
          "label",
          "meaning",
          "name",
          "required",
          "allowed",
          "type",
          "status",
          "indicator",
          "flag",
          "count",
          "date");

  /**
   * Words a letter or two from {@code modifier} that are not slips of it: a {@code Modified} date
   * or a {@code Notifier} is a column of its own, ignored as any other.
   */
  private static final List<String> NEAR_MODIFIER =
      List.of("modified", "modifies", "notifier", "codifier", "codified", "mortifier", "mollifier");

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
   * Refuses the column {@code column}, which is not read, if its name is a strong look-alike of
   * that of a column that is: a modifier column first ({@code HCPCS_1ST_MDFR_CD} is one, not a code
   * column), then an amount column, then a code column. Any other name is ignored.
   */
  private static void refuseLookalike(
      String source, Header header, int column, int code, int amount, int modifier)
      throws DataLoadException {
    String squeezed = squeezed(header.name(column));
    if (squeezed.isEmpty()) {
      return;
    }
    if (looksLikeModifier(squeezed)) {
      throw lookalike(source, header, column, "a modifier column", "modifier", modifier, MODIFIER);
    }
    if (looksLikeAmount(squeezed)) {
      throw lookalike(source, header, column, "an amount column", "amount", amount, List.of());
    }
    if (looksLikeCode(squeezed)) {
      throw lookalike(source, header, column, "a code column", "code", code, List.of());
    }
  }

  /**
   * A modifier column by its name: one of {@link #MODIFIER_LIKE} (punctuation left out), a name
   * holding {@code modifier} or {@code mdfr} but for one {@link #ABOUT_A_MODIFIER}, or {@code
   * modifier} misspelled by a letter or two ({@code modifer}, {@code modifie}) in a name of at
   * least seven letters that is not nearer a word of its own ({@code modified}, {@code notifier}).
   */
  private static boolean looksLikeModifier(String squeezed) {
    // Punctuation too: Mod #, Modifier(s), CPT(R) Modifier.
    String alphanumeric = NOT_ALPHANUMERIC.matcher(squeezed).replaceAll("");
    if (MODIFIER_LIKE.matcher(alphanumeric).matches()) {
      return true;
    }
    // A name holding the word itself is the modifier column (Primary Modifier, Procedure Modifier,
    // Modifier Code 1) unless another word says it is about the modifier (Modifier Required).
    if ((alphanumeric.contains("modifier") || alphanumeric.contains("mdfr"))
        && ABOUT_A_MODIFIER.stream().noneMatch(alphanumeric::contains)) {
      return true;
    }
    if (squeezed.length() < 7) {
      return false;
    }
    int slip = distance(squeezed, "modifier");
    return slip <= 2 && NEAR_MODIFIER.stream().allMatch(word -> distance(squeezed, word) >= slip);
  }

  /**
   * An amount column by its name: one of {@link #AMOUNT_LIKE}, with or without a number after it,
   * or {@code amount} misspelled by a letter ({@code ammount}, {@code amout}).
   */
  private static boolean looksLikeAmount(String squeezed) {
    return AMOUNT_LIKE.contains(withoutNumber(squeezed))
        || !squeezed.equals("mount") && distance(squeezed, "amount") == 1;
  }

  /**
   * A code column by its name: one of {@link #CODE_LIKE}, with or without a number after it, or
   * {@code code} with a number ({@code code2}).
   */
  private static boolean looksLikeCode(String squeezed) {
    String stem = withoutNumber(squeezed);
    return CODE_LIKE.contains(stem) || stem.equals("code") && stem.length() < squeezed.length();
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
   * A name in lower case without its separators (blanks, {@code _}, {@code -}, {@code .} and {@code
   * /}): {@code HCPCS_1ST_MDFR_CD} is {@code hcpcs1stmdfrcd}, {@code Modifier 1} is {@code
   * modifier1}, {@code CPT/HCPCS Code} is {@code cpthcpcscode}.
   */
  private static String squeezed(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isWhitespace(c) && "_-./".indexOf(c) < 0) {
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
