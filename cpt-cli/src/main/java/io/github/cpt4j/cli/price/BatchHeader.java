package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.cli.input.CsvRecordReader;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.text.WhiteSpace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The header row of a batch file: which column holds what. Names are matched ignoring case and the
 * white space around them, as cells are read ({@link WhiteSpace}: no-break spaces too); columns
 * with other names are carried through to the output unchanged.
 */
public final class BatchHeader {

  /** The column every batch file must have. */
  static final String CODE = "code";

  /** The columns a batch file may have, besides {@link #CODE}. */
  static final List<String> OPTIONAL =
      List.of(
          "modifiers",
          "units",
          "minutes",
          "locality",
          "zip",
          "setting",
          "pos",
          "date",
          "claim",
          "practitioner",
          "qualifying_apm",
          "present_at_induction",
          "rendering_provider",
          "charge");

  /** The columns the output adds after the input's. */
  public static final List<String> ADDED = List.of("amount", "result", "explanation");

  /**
   * The columns the output adds after the input's with {@code --limiting-charge}: the line's
   * Medicare limiting charge beside its amount.
   */
  public static final List<String> ADDED_WITH_LIMITING_CHARGE =
      List.of("amount", "limiting_charge", "result", "explanation");

  /**
   * Other names that exports give the known columns, in {@link #squeezed} form: a column of one of
   * these names is meant as the known column, and is far from it by spelling. Besides the plain
   * words, the names of the claim forms and of CMS's claim files: the CMS-1500's item 24 (24B
   * "Place of Service", 24D's modifiers, 24F "$ Charges", 24G "Days or Units", 24J "Rendering
   * Provider ID"), and the Medicare claim extracts' line fields ({@code LINE_SRVC_CNT}, {@code
   * LINE_SBMTD_CHRG_AMT}, {@code HCPCS_1ST_MDFR_CD}, {@code CARR_LINE_PRCNG_LCLTY_CD}, {@code
   * LINE_PLACE_OF_SRVC_CD}, {@code PRF_PHYSN_NPI}, {@code CLM_ID}; CCLF's {@code
   * CLM_LINE_SRVC_UNIT_QTY}, {@code RNDRG_PRVDR_NPI_NUM}, {@code CUR_CLM_UNIQ_ID}). A date column
   * is found by {@link #isDateOfService} rather than listed.
   */
  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("qty", "units"),
          Map.entry("quantity", "units"),
          Map.entry("unitsofservice", "units"),
          Map.entry("serviceunits", "units"),
          Map.entry("svcunits", "units"),
          Map.entry("billedunits", "units"),
          Map.entry("unitsbilled", "units"),
          Map.entry("unitcount", "units"),
          Map.entry("numunits", "units"),
          Map.entry("numberofunits", "units"),
          Map.entry("daysorunits", "units"),
          Map.entry("unitsordays", "units"),
          Map.entry("billedqty", "units"),
          Map.entry("billedquantity", "units"),
          Map.entry("serviceqty", "units"),
          Map.entry("servicequantity", "units"),
          Map.entry("srvccnt", "units"),
          Map.entry("linesrvccnt", "units"),
          Map.entry("clmlinesrvcunitqty", "units"),
          Map.entry("mod", "modifiers"),
          Map.entry("mods", "modifiers"),
          Map.entry("modcd", "modifiers"),
          Map.entry("modcode", "modifiers"),
          Map.entry("modcodes", "modifiers"),
          Map.entry("anesthesiaminutes", "minutes"),
          Map.entry("anesminutes", "minutes"),
          Map.entry("anesthesiamins", "minutes"),
          Map.entry("anesthesiatime", "minutes"),
          Map.entry("anestime", "minutes"),
          Map.entry("mins", "minutes"),
          Map.entry("localitycode", "locality"),
          Map.entry("localitycd", "locality"),
          Map.entry("maclocality", "locality"),
          Map.entry("carrierlocality", "locality"),
          Map.entry("pricinglocality", "locality"),
          Map.entry("pfslocality", "locality"),
          Map.entry("medicarelocality", "locality"),
          Map.entry("lcltycd", "locality"),
          Map.entry("prcnglcltycd", "locality"),
          Map.entry("carrlineprcnglcltycd", "locality"),
          Map.entry("placeofservice", "pos"),
          Map.entry("placeofservicecode", "pos"),
          Map.entry("placeofsvc", "pos"),
          Map.entry("poscode", "pos"),
          Map.entry("poscd", "pos"),
          Map.entry("placeofsrvccd", "pos"),
          Map.entry("lineplaceofsrvccd", "pos"),
          Map.entry("clmposcd", "pos"),
          Map.entry("zipcode", "zip"),
          Map.entry("zipcd", "zip"),
          Map.entry("postalcode", "zip"),
          Map.entry("postcode", "zip"),
          Map.entry("patientzip", "zip"),
          Map.entry("patientzipcode", "zip"),
          Map.entry("memberzip", "zip"),
          Map.entry("memberzipcode", "zip"),
          Map.entry("beneficiaryzip", "zip"),
          Map.entry("beneficiaryzipcode", "zip"),
          Map.entry("benezip", "zip"),
          Map.entry("benezipcd", "zip"),
          Map.entry("claimid", "claim"),
          Map.entry("claimnumber", "claim"),
          Map.entry("claimno", "claim"),
          Map.entry("claimnum", "claim"),
          Map.entry("claimnbr", "claim"),
          Map.entry("clmid", "claim"),
          Map.entry("clmno", "claim"),
          Map.entry("clmnum", "claim"),
          Map.entry("claimcontrolnumber", "claim"),
          Map.entry("curclmuniqid", "claim"),
          Map.entry("npi", "rendering_provider"),
          Map.entry("npinumber", "rendering_provider"),
          Map.entry("renderingnpi", "rendering_provider"),
          Map.entry("renderingprovider", "rendering_provider"),
          Map.entry("renderingproviderid", "rendering_provider"),
          Map.entry("renderingprovidernpi", "rendering_provider"),
          Map.entry("renderingphysiciannpi", "rendering_provider"),
          Map.entry("providernpi", "rendering_provider"),
          Map.entry("performingnpi", "rendering_provider"),
          Map.entry("performingprovidernpi", "rendering_provider"),
          Map.entry("servicingnpi", "rendering_provider"),
          Map.entry("servicingprovidernpi", "rendering_provider"),
          Map.entry("prfphysnnpi", "rendering_provider"),
          Map.entry("rndrgprvdrnpinum", "rendering_provider"),
          Map.entry("taxonomy", "practitioner"),
          Map.entry("taxonomycode", "practitioner"),
          Map.entry("providertaxonomy", "practitioner"),
          Map.entry("renderingtaxonomy", "practitioner"),
          Map.entry("renderingprovidertaxonomy", "practitioner"),
          Map.entry("providertype", "practitioner"),
          Map.entry("billedcharge", "charge"),
          Map.entry("billedcharges", "charge"),
          Map.entry("chargeamount", "charge"),
          Map.entry("chargeamt", "charge"),
          Map.entry("billedamount", "charge"),
          Map.entry("submittedcharge", "charge"),
          Map.entry("linechargeamount", "charge"),
          Map.entry("sbmtdchrgamt", "charge"),
          Map.entry("linesbmtdchrgamt", "charge"));

  /**
   * Parts of words that say a column's dates are not the line's date of service (a birth, a
   * payment, the claim's receipt, a stay's admission, the record's own upkeep...), or that hold the
   * letters "date" without being one ({@code update}, {@code candidate}), in lower case: a column
   * with a {@link #words word} that holds one ({@code readmission}, {@code preauth}, and names
   * written as one word, {@code dateofbirth}, {@code CLMPAIDDT}) is carried through without a
   * warning, a date column or not. Looked for within each word, not across the whole name, since
   * the letters of two words can spell one of these: {@code Expense Date} holds "sedate", {@code
   * Dispense Date} too.
   */
  private static final List<String> NOT_DATE_OF_SERVICE =
      List.of(
          "birth",
          "dob",
          "death",
          "paid",
          "pay",
          "pmt",
          "receiv",
          "receipt",
          "rcvd",
          "admi",
          "discharg",
          "process",
          "adjud",
          "check",
          "posted",
          "posting",
          "submi",
          "created",
          "creation",
          "update",
          "modified",
          "load",
          "entry",
          "entered",
          "effective",
          "efctv",
          "eff",
          "expir",
          "termin",
          "enroll",
          "elig",
          "coverage",
          "policy",
          "report",
          "export",
          "import",
          "extract",
          "print",
          "due",
          "onset",
          "injur",
          "accident",
          "hire",
          "order",
          "referr",
          "auth",
          "run",
          "file",
          "batch",
          "bill",
          "candidat",
          "validat",
          "mandat",
          "consolidat",
          "accommodat",
          "liquidat",
          "sedate");

  /**
   * The first words starting "dos" that are words of their own: a drug's dosage, a dossier, not a
   * date of service ({@code DOS_START} and {@code DOS (Service)} are).
   */
  private static final List<String> NOT_DOS = List.of("dosag", "dosim", "dosing", "dossier");

  /**
   * A column that the batch does not read (it is carried through) whose name looks like that of a
   * known column the header lacks, so that the rows are likely read without what it holds.
   *
   * @param column the column's name as read, without the white space around it
   * @param known the name of the known column it looks like
   */
  public record Lookalike(String column, String known) {

    /** Checks that both names are given. */
    public Lookalike {
      requireNonNull(column, "column");
      requireNonNull(known, "known");
    }

    /** Returns the warning: {@code column 'unit' is not read: did you mean 'units'?}. */
    public String message() {
      return "column "
          + CodeFormatException.quote(column)
          + " is not read: did you mean "
          + CodeFormatException.quote(known)
          + "?";
    }
  }

  private final List<String> names;
  private final Map<String, Integer> index;
  private final List<Lookalike> lookalikes;
  private final List<String> added;

  private BatchHeader(
      List<String> names,
      Map<String, Integer> index,
      List<Lookalike> lookalikes,
      List<String> added) {
    this.names = names;
    this.index = index;
    this.lookalikes = lookalikes;
    this.added = added;
  }

  /**
   * Reads a batch file's header row, its first record, for {@code cpt price --input} and {@code cpt
   * scrub}, whose output adds the columns {@code added}: an empty input and a header that is not
   * valid CSV or not usable are refused before any output is opened, as {@link #readRow} refuses
   * them, with the header's file line.
   *
   * @throws IllegalArgumentException if the input is empty, its first record is malformed, or
   *     {@link #of(List, boolean, List)} refuses its names
   */
  static BatchHeader read(CsvRecordReader records, boolean uniqueNames, List<String> added)
      throws IOException {
    return readRow(
        records,
        "it needs a header row with at least a 'code' column",
        names -> of(names, uniqueNames, added));
  }

  /**
   * Reads the header row of a CSV input, its first record, and returns what {@code reader} reads of
   * its names: the batch's columns, or the one column {@code cpt validate --column} checks. Every
   * refusal of a header says its file line, as {@code file line 3, the header ...}, since blank
   * lines may come before it: a header that is not valid CSV ({@code file line 3, the header: ...})
   * and whatever {@code reader} refuses. An empty input has no such line: {@code the input is
   * empty; } and what it {@code needs}.
   *
   * @param needs what an empty input lacks, as {@code "it needs a header row with at least a 'code'
   *     column"}
   * @param reader reads the names, or refuses them with an {@link IllegalArgumentException} whose
   *     message follows the line, as {@code "the header names column 'code' twice (columns 1 and
   *     2)"}
   * @throws IllegalArgumentException if the input is empty, its first record is malformed, or
   *     {@code reader} refuses its names
   * @throws IOException if reading fails
   */
  public static <T> T readRow(
      CsvRecordReader records, String needs, Function<List<String>, T> reader) throws IOException {
    requireNonNull(needs, "needs");
    requireNonNull(reader, "reader");
    CsvRecordReader.Record first = records.next();
    if (first == null) {
      throw new IllegalArgumentException("the input is empty; " + needs);
    }
    if (first.problem().isPresent()) {
      throw new IllegalArgumentException(
          "file line " + first.line() + ", the header: " + first.problem().get());
    }
    try {
      return reader.apply(first.fields());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("file line " + first.line() + ", " + e.getMessage(), e);
    }
  }

  /**
   * Reads the header row of a file for {@code cpt price --input}, whose output adds {@link #ADDED}.
   *
   * @param names the header fields as read
   * @param uniqueNames whether every column with a name needs a name of its own (JSON keys do; see
   *     {@link #of(List, boolean, List)})
   * @throws IllegalArgumentException if there is no {@code code} column, if a known column appears
   *     twice, if {@code uniqueNames} and a name that is not blank appears twice, or if a column
   *     has the name of one the output adds
   */
  public static BatchHeader of(List<String> names, boolean uniqueNames) {
    return of(names, uniqueNames, ADDED);
  }

  /**
   * Reads a header row for an output that adds the columns {@code added} (in lower case) after the
   * input's: {@code cpt scrub} adds {@code edits} alone, and carries price's columns through.
   *
   * @param names the header fields as read
   * @param uniqueNames whether every column with a name needs a name of its own, as the keys of
   *     JSON output do: they are the names exactly as read, so names that differ only in case or in
   *     the blanks around them are different keys, and a column with a blank name has no key (the
   *     JSON output leaves it out: {@link #isUnnamed}), so any number of them are allowed, as the
   *     empty names a spreadsheet's CSV export gives its trailing empty columns
   * @param added the columns the output adds, which no input column may be named
   * @throws IllegalArgumentException if there is no {@code code} column, if a known column appears
   *     twice, if {@code uniqueNames} and a name that is not blank appears twice, or if a column
   *     has the name of one the output adds
   */
  public static BatchHeader of(List<String> names, boolean uniqueNames, List<String> added) {
    requireNonNull(added, "added");
    List<String> copy = List.copyOf(requireNonNull(names, "names"));
    Map<String, Integer> index = new HashMap<>();
    // Each JSON key's first column: a map, since a line of up to 1 MiB holds some 200,000 names.
    Map<String, Integer> keys = new HashMap<>();
    for (int i = 0; i < copy.size(); i++) {
      String name = copy.get(i);
      String key = key(name);
      boolean known = key.equals(CODE) || OPTIONAL.contains(key);
      if (added.contains(key)) {
        throw new IllegalArgumentException(
            "the input has a column named "
                + CodeFormatException.quote(name)
                + ", which the output adds; rename it");
      }
      if (known) {
        // Matched ignoring case and blanks: two of them leave the column to read unsaid.
        Integer first = index.putIfAbsent(key, i);
        if (first != null) {
          throw twice(key, first, i);
        }
      } else if (uniqueNames && !isUnnamed(name)) {
        Integer first = keys.putIfAbsent(name, i);
        if (first != null) {
          throw twice(name, first, i);
        }
      }
    }
    if (!index.containsKey(CODE)) {
      throw new IllegalArgumentException(
          "the header has no 'code' column; it has "
              + (copy.isEmpty() ? "no columns" : names(copy))
              + separatorHint(copy));
    }
    return new BatchHeader(copy, Map.copyOf(index), lookalikes(copy, index), List.copyOf(added));
  }

  private static IllegalArgumentException twice(String name, int first, int second) {
    return new IllegalArgumentException(
        "the header names column "
            + CodeFormatException.quote(name)
            + " twice (columns "
            + (first + 1)
            + " and "
            + (second + 1)
            + ")");
  }

  /**
   * Tells whether a column's name is blank: such a column has no JSON key, and the JSON output
   * leaves it out (the CSV output keeps it, under its blank name).
   */
  static boolean isUnnamed(String name) {
    return WhiteSpace.isBlank(name);
  }

  /**
   * Returns what to add to the error of a header that lacks a column, when its one column of names
   * holds semicolons or tabs: {@code " (fields separated by tabs? the input must be
   * comma-separated)"}, else the empty string. One column of names and semicolons is a
   * spreadsheet's "CSV" in a locale with decimal commas, one of names and tabs a spreadsheet's or a
   * database's tab-separated export: say so, rather than leave the user to spot the separator.
   */
  public static String separatorHint(List<String> columns) {
    String separator = "";
    if (columns.size() == 1 && columns.get(0).indexOf(';') >= 0) {
      separator = "semicolons";
    } else if (columns.size() == 1 && columns.get(0).indexOf('\t') >= 0) {
      separator = "tabs";
    }
    return separator.isEmpty()
        ? ""
        : " (fields separated by " + separator + "? the input must be comma-separated)";
  }

  /**
   * The columns not read whose names look like a known column's that the header lacks (a known
   * column the header has is read; another column of a similar name is then data of its own).
   * Unknown columns are carried through by design, so a misspelled {@code unit} would otherwise
   * price every row as one unit without a word.
   */
  private static List<Lookalike> lookalikes(List<String> names, Map<String, Integer> index) {
    List<String> missing = new ArrayList<>();
    for (String known : OPTIONAL) {
      if (!index.containsKey(known)) {
        missing.add(known);
      }
    }
    List<Lookalike> found = new ArrayList<>();
    for (String name : names) {
      String key = key(name);
      if (key.equals(CODE) || OPTIONAL.contains(key)) {
        continue;
      }
      String stripped = WhiteSpace.strip(name);
      String known = lookalike(stripped, missing);
      if (known != null) {
        found.add(new Lookalike(stripped, known));
      }
    }
    return List.copyOf(found);
  }

  /**
   * The missing known column that the column {@code name} looks like, or null. It does when its
   * {@link #squeezed} form is one of the {@link #SYNONYMS}, or spelled like the known name within
   * one edit (a letter added, dropped or changed, or two neighbours swapped) that keeps the first
   * letter for names of four to six letters ({@code unit}, {@code cliam}), within two edits for
   * longer ones ({@code modifier}, {@code mintues}); names of three letters ({@code zip}, {@code
   * pos}) only by their synonyms. The short names are held closer because plain words lie near
   * them: {@code note} is two edits from {@code date}, {@code rate} one, {@code id} two from {@code
   * zip}. ({@code data} is a lookalike: it is the word for a date in several languages.) A known
   * name or a synonym followed by a number ({@code zip0}, {@code units2}, {@code mod1}) is a
   * lookalike at any length. Failing all these, a name that {@link #isDateOfService} looks like
   * {@code date}, and one holding {@code modifier} or {@code mdfr} like {@code modifiers}: exports
   * name those two in too many ways to list.
   */
  private static String lookalike(String name, List<String> missing) {
    String squeezed = squeezed(name);
    String synonym = SYNONYMS.get(squeezed);
    if (synonym != null) {
      return missing.contains(synonym) ? synonym : null;
    }
    // A known name and a number: how Spark's CSV reader renames a name the header repeats (zip,
    // zip becomes zip0, zip1), and how spreadsheets number columns (modifier1, modifier2).
    int digits = squeezed.length();
    while (digits > 0 && Character.isDigit(squeezed.charAt(digits - 1))) {
      digits--;
    }
    if (digits > 0 && digits < squeezed.length()) {
      String stem = squeezed.substring(0, digits);
      for (String known : missing) {
        if (squeezed(known).equals(stem) || known.equals(SYNONYMS.get(stem))) {
          return known; // mod1, mod2 too
        }
      }
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String known : missing) {
      String target = squeezed(known);
      int allowed = target.length() >= 7 ? 2 : target.length() >= 4 ? 1 : 0;
      // The lengths alone rule most names out, and bound the work for a header of long junk.
      if (Math.abs(target.length() - squeezed.length()) > allowed) {
        continue;
      }
      if (allowed == 1 && (squeezed.isEmpty() || squeezed.charAt(0) != target.charAt(0))) {
        continue; // rate is not date
      }
      int distance = distance(squeezed, target);
      if (distance <= allowed && distance < bestDistance) {
        best = known;
        bestDistance = distance;
      }
    }
    if (best == null && missing.contains("date") && isDateOfService(name)) {
      return "date";
    }
    // A modifier column of any export: modifier_1, CPT Modifier, HCPCS_1ST_MDFR_CD.
    if (best == null
        && missing.contains("modifiers")
        && (squeezed.contains("modifier") || squeezed.contains("mdfr"))) {
      return "modifiers";
    }
    return best;
  }

  /**
   * Tells whether a column named {@code name} is likely a line's date of service, which exports
   * name in more ways than a list holds: CMS-1500 item 24A is "Date(s) of Service From" and "To",
   * Medicare's claim files have {@code CLM_FROM_DT} and {@code LINE_1ST_EXPNS_DT}, and others write
   * {@code DOS_FROM}, {@code svc_dt} or {@code FromDate}. It is when the {@link #squeezed} name
   * holds "date", starts or ends with "dos", ends with "dt" or "dttm" or starts with "dtof", and no
   * {@link #words word} of the name holds one of the {@link #NOT_DATE_OF_SERVICE} words: {@code
   * date_of_birth}, {@code paid_date} and {@code last_update} are not, nor are {@code dose} and
   * {@code dosage}, but {@code Expense Date} is.
   */
  private static boolean isDateOfService(String name) {
    String squeezed = squeezed(name);
    List<String> words = words(name);
    String first = words.isEmpty() ? "" : words.get(0);
    boolean dateLike =
        squeezed.contains("date")
            || squeezed.startsWith("dos") && NOT_DOS.stream().noneMatch(first::startsWith)
            || squeezed.endsWith("dos")
            || squeezed.startsWith("dtof") // not dtl, a claim line's detail
            || squeezed.endsWith("dt")
            || squeezed.endsWith("dttm");
    if (!dateLike || first.startsWith("dose") && !first.startsWith("dosend")) {
      return false; // a dose, not the end of the dates of service
    }
    for (String word : words) {
      for (String other : NOT_DATE_OF_SERVICE) {
        if (word.contains(other)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The words of a column name, in lower case: its runs of letters and digits, split where a lower
   * case letter meets a capital ({@code FromDate}) and before the capital that starts a word after
   * an abbreviation ({@code DOSFrom}). {@code LINE_1ST_EXPNS_DT} is line, 1st, expns and dt; {@code
   * Date(s) of Service} date, s, of and service.
   */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        addWord(words, word);
        continue;
      }
      if (word.length() > 0 && Character.isUpperCase(c)) {
        char before = name.charAt(i - 1);
        boolean camel = Character.isLowerCase(before);
        boolean afterAbbreviation =
            Character.isUpperCase(before)
                && i + 1 < name.length()
                && Character.isLowerCase(name.charAt(i + 1));
        if (camel || afterAbbreviation) {
          addWord(words, word);
        }
      }
      word.append(Character.toLowerCase(c));
    }
    addWord(words, word);
    return words;
  }

  private static void addWord(List<String> words, StringBuilder word) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  /**
   * A name of its letters and digits alone, in lower case: without blanks, underscores, hyphens or
   * other punctuation, {@code Qualifying APM} is one, and CMS-1500's {@code Date(s) of Service} is
   * {@code datesofservice}.
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
   * neighbours swapped (the optimal string alignment distance).
   */
  static int distance(String a, String b) {
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

  /** The first few names, each quoted short: a header can be a megabyte of junk. */
  private static String names(List<String> names) {
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(names.size(), 10);
    for (int i = 0; i < shown; i++) {
      sb.append(i == 0 ? "" : ", ").append(CodeFormatException.quote(names.get(i)));
    }
    if (names.size() > shown) {
      sb.append(" and ").append(names.size() - shown).append(" more");
    }
    return sb.toString();
  }

  /**
   * A name as matched against the known columns: without the white space around it that a cell is
   * read without ({@link WhiteSpace}, no-break spaces included, as a spreadsheet may write), in
   * lower case.
   */
  private static String key(String name) {
    return WhiteSpace.strip(name).toLowerCase(Locale.ROOT);
  }

  /** Returns the columns the output adds after the input's, in order. */
  public List<String> added() {
    return added;
  }

  /** Tells whether the output adds the {@code limiting_charge} column. */
  boolean addsLimitingCharge() {
    return added.equals(ADDED_WITH_LIMITING_CHARGE);
  }

  /** Returns the header fields as read, in order. */
  public List<String> names() {
    return names;
  }

  /** Returns the number of columns. */
  public int size() {
    return names.size();
  }

  /**
   * Returns the columns not read whose names look like a known column's that the header lacks
   * ({@code unit} for {@code units}, {@code dos} for {@code date}), in the header's order: such a
   * column is carried through like any other, and the rows are read without it.
   */
  public List<Lookalike> lookalikes() {
    return lookalikes;
  }

  /** Returns the index of the known column {@code name}, or -1 if the file lacks it. */
  public int indexOf(String name) {
    return index.getOrDefault(name, -1);
  }
}
