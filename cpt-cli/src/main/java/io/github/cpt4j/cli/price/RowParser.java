package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.text.Blanks;
import io.github.cpt4j.text.IsoDate;
import io.github.cpt4j.text.WhiteSpace;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns the fields of one batch row into a {@link LineRequest}, applying the defaults, or into the
 * {@link Outcome} that says what is wrong with it. Every problem names its column.
 *
 * <p>Reason codes: {@code invalid_code}, {@code invalid_modifiers}, {@code invalid_units}, {@code
 * invalid_minutes}, {@code invalid_locality}, {@code unknown_locality} (well-formed, but not a
 * payment locality), {@code invalid_zip}, {@code unknown_zip} (well-formed, but in no locality),
 * {@code invalid_setting}, {@code invalid_pos}, {@code invalid_date}, {@code invalid_practitioner}
 * (not a {@link PractitionerType} id such as {@code np}, nor a taxonomy code of one), {@code
 * invalid_qualifying_apm} (not yes or no), {@code invalid_present_at_induction} (not yes or no),
 * {@code invalid_rendering_provider} (not an {@link Npi}: ten digits with their check digit),
 * {@code invalid_charge} (not plain dollars and cents, not negative: see {@link #charge}), {@code
 * conflicting_setting} (both {@code setting} and {@code pos}), {@code missing_location} (neither,
 * and no default), {@code malformed_row} (a field count other than the header's, or a record that
 * is not valid CSV). A {@code zip} is where the patient lives, for the DMEPOS fee schedule; without
 * a {@code locality}, in the row or given as such in the defaults, it also gives the locality.
 */
public final class RowParser {

  private final BatchHeader header;
  private final PricingDefaults defaults;
  private final BiFunction<ZipCode, LocalDate, Optional<Locality>> zips;
  private final Predicate<Locality> knownLocality;
  private final int code;
  private final int modifiers;
  private final int units;
  private final int minutes;
  private final int locality;
  private final int zip;
  private final int setting;
  private final int pos;
  private final int date;
  private final int claim;
  private final int practitioner;
  private final int qualifyingApm;
  private final int presentAtInduction;
  private final int renderingProvider;
  private final int charge;

  // Batch files repeat the same context over many rows: remember the last text of each context
  // column and what it meant, so that it is parsed and looked up once per change.
  private String lastLocalityText;
  private Locality lastLocality;
  private String lastZipText;
  private LocalDate lastZipDate;
  private Optional<Locality> lastZipLocality;
  private String lastDateText;
  private LocalDate lastDate;
  private Locality lastKnownLocality;
  private String lastSettingText;
  private Setting lastSetting;
  // The rows of a claim mostly repeat one NPI: one Optional for them all.
  private String lastProviderText;
  private Optional<Npi> lastProvider;

  /**
   * The modifier cells read so far and their modifiers, immutable, which {@link ClaimLine#of} keeps
   * without copying: a batch has few distinct modifier cells. Bounded, for a file that has many.
   */
  private final Map<String, List<Modifier>> modifierCells = new HashMap<>();

  private static final int MODIFIER_CELLS = 256;

  /**
   * Creates a parser for rows under {@code header}.
   *
   * @param zips the locality of a ZIP code, empty when unknown
   */
  public RowParser(
      BatchHeader header, PricingDefaults defaults, Function<ZipCode, Optional<Locality>> zips) {
    this(header, defaults, zips, locality -> true);
  }

  /**
   * Creates a parser for rows under {@code header} that refuses a {@code locality} cell naming a
   * locality {@code knownLocality} does not know ({@code unknown_locality}), as it refuses a ZIP
   * code in no locality.
   *
   * @param zips the locality of a ZIP code, empty when unknown
   * @param knownLocality whether a well-formed locality is a Medicare payment locality
   */
  public RowParser(
      BatchHeader header,
      PricingDefaults defaults,
      Function<ZipCode, Optional<Locality>> zips,
      Predicate<Locality> knownLocality) {
    this(header, defaults, BatchPricing.undated(zips), knownLocality);
  }

  /**
   * Creates a parser like {@link #RowParser(BatchHeader, PricingDefaults, Function, Predicate)}
   * that places a row by its ZIP code in the table in force on the row's date of service.
   *
   * @param zips the locality of a ZIP code on a date of service, empty when unknown then
   */
  RowParser(
      BatchHeader header,
      PricingDefaults defaults,
      BiFunction<ZipCode, LocalDate, Optional<Locality>> zips,
      Predicate<Locality> knownLocality) {
    this.header = requireNonNull(header, "header");
    this.defaults = requireNonNull(defaults, "defaults");
    this.zips = requireNonNull(zips, "zips");
    this.knownLocality = requireNonNull(knownLocality, "knownLocality");
    this.code = header.indexOf("code");
    this.modifiers = header.indexOf("modifiers");
    this.units = header.indexOf("units");
    this.minutes = header.indexOf("minutes");
    this.locality = header.indexOf("locality");
    this.zip = header.indexOf("zip");
    this.setting = header.indexOf("setting");
    this.pos = header.indexOf("pos");
    this.date = header.indexOf("date");
    this.claim = header.indexOf("claim");
    this.practitioner = header.indexOf("practitioner");
    this.qualifyingApm = header.indexOf("qualifying_apm");
    this.presentAtInduction = header.indexOf("present_at_induction");
    this.renderingProvider = header.indexOf("rendering_provider");
    this.charge = header.indexOf("charge");
  }

  /**
   * Counts the valid rows whose date cell was blank and took the default date, when a batch wants
   * to know (null otherwise): shared by the parsers of a run's threads.
   */
  LongAdder undated;

  /**
   * Tells whether CMS prices a ZIP code by its ZIP+4, as it straddles localities, when a batch
   * wants to count the rows placed by such a ZIP code (null otherwise): such a row is marked
   * ({@link Row#placedBySplitZip()}), and the batch counts it once it is priced in its locality
   * ({@link BatchPricing}), as a row not priced, or priced by a schedule that has no localities,
   * took nothing from the locality.
   */
  BiPredicate<ZipCode, LocalDate> splitZip;

  /**
   * Marks the valid rows placed by a ZIP code that {@code splitZip} says CMS prices by its ZIP+4 on
   * the row's date ({@link Row#placedBySplitZip()}), for a batch that prices rows through this
   * parser alone, as the Spark job does, to count them as {@link BatchPricing} counts its own.
   */
  public void markSplitZips(BiPredicate<ZipCode, LocalDate> splitZip) {
    this.splitZip = requireNonNull(splitZip, "splitZip");
  }

  /**
   * The digits of the ZIP code that places the rows without a locality or zip cell, on each row's
   * date (see {@link BatchPricing#placingByDefaultZip}); null when they take the defaults'
   * locality.
   */
  private String defaultZip;

  /** Places the rows without a locality or zip cell by {@code zip}, on each row's date. */
  void defaultZip(ZipCode zip) {
    this.defaultZip = zip.digits();
  }

  /** Tells whether rows without a locality or zip cell are placed by a default ZIP code. */
  boolean placesByDefaultZip() {
    return defaultZip != null;
  }

  /**
   * The locality of the default ZIP code on {@code date}, or null when it is in none then: for the
   * fast path, which leaves such a row to this parser.
   */
  Locality defaultZipLocality(LocalDate date) {
    return zipLocality(defaultZip, date).orElse(null);
  }

  /** Whether {@link #lastZipText} straddles localities, as {@link #splitZip} tells. */
  private boolean lastZipSplit;

  /**
   * Tells whether the default ZIP code, by which the fast path has just placed a row ({@link
   * #defaultZipLocality}), straddles localities on that date, as {@link #parse} marks the rows it
   * places.
   */
  boolean defaultZipSplit() {
    return lastZipSplit;
  }

  /**
   * The NPIs of {@code --practitioner NPI=TYPE} that a valid row has named, when a batch wants to
   * know (null otherwise): shared by the parsers of a run's threads.
   */
  Set<Npi> providersNamed;

  /**
   * Notes each NPI of {@code --practitioner NPI=TYPE} that a valid row this parser reads names into
   * {@code named} ({@link #noteProvider}), for a batch that prices rows through this parser alone,
   * as the Spark job does, to warn of an NPI no row is by as {@code cpt price} warns of it.
   */
  public void noteProvidersInto(Set<Npi> named) {
    this.providersNamed = requireNonNull(named, "named");
  }

  /**
   * Notes that a valid row named {@code provider}, when it is one the defaults give a type and
   * someone wants to know: a rare write, as each such NPI is noted once.
   */
  void noteProvider(Optional<Npi> provider) {
    if (providersNamed != null
        && provider.isPresent()
        && defaults.providers().containsKey(provider.get())
        && !providersNamed.contains(provider.get())) {
      providersNamed.add(provider.get());
    }
  }

  /** Counts a row that took the default date, if someone counts. */
  void countUndated() {
    if (undated != null) {
      undated.increment();
    }
  }

  /** What one row became: a request or the reason it is not one, and its claim. */
  public static final class Row {
    private final LineRequest request;
    private final Outcome problem;
    private final String claim;
    private final boolean placedBySplitZip;

    private Row(LineRequest request, Outcome problem, String claim, boolean placedBySplitZip) {
      this.request = request;
      this.problem = problem;
      this.claim = claim;
      this.placedBySplitZip = placedBySplitZip;
    }

    /** Returns the request, if the row is valid. */
    public Optional<LineRequest> request() {
      return Optional.ofNullable(request);
    }

    /** Returns what is wrong with the row, if anything. */
    public Optional<Outcome> problem() {
      return Optional.ofNullable(problem);
    }

    /** Returns the row's claim, blank when it stands alone. */
    public String claim() {
      return claim;
    }

    /**
     * Tells whether the row's locality came from a ZIP code that CMS prices by its ZIP+4, when the
     * parser was asked to tell ({@link RowParser#markSplitZips}); false otherwise.
     */
    public boolean placedBySplitZip() {
      return placedBySplitZip;
    }
  }

  /**
   * Returns the row of a valid request, for the fast path of plain lines ({@link PlainRows}),
   * placed by a ZIP code that CMS prices by its ZIP+4 when {@code placedBySplitZip}.
   */
  static Row valid(LineRequest request, String claim, boolean placedBySplitZip) {
    return new Row(
        requireNonNull(request, "request"), null, requireNonNull(claim, "claim"), placedBySplitZip);
  }

  /** Returns the row of a record that could not be read as CSV, standing alone. */
  public static Row malformed(String detail) {
    return problem("malformed_row", detail, "");
  }

  /**
   * Says that a row has {@code fields} cells where the header has {@code expected}; cells past the
   * header's are not written out (no column would hold them), and the message says so.
   */
  public static String wrongFieldCount(int fields, int expected) {
    return fieldCount(fields, expected)
        + (fields > expected ? " (the cells past the header's columns are not written)" : "");
  }

  /**
   * Says that a row has {@code fields} cells where the header has {@code expected}, and nothing
   * more: for a command that writes no cells ({@code validate}), where {@link #wrongFieldCount}'s
   * note about unwritten cells would be untrue.
   */
  public static String fieldCount(int fields, int expected) {
    return "the row has "
        + fields
        + (fields == 1 ? " field" : " fields")
        + " where the header has "
        + expected;
  }

  /**
   * Says that {@code text}, without the blanks around it, is not a date, as {@code cpt price
   * --date} says it: the text quoted, what is wrong at which index of it ({@code error}'s message,
   * {@link IsoDate}'s words), and the form expected, {@code '2025-13-01' is not a date: month 13 at
   * index 5 is not 01 to 12; expected YYYY-MM-DD, such as 2025-06-01}.
   */
  public static String notADate(String text, DateTimeParseException error) {
    return CodeFormatException.quote(text)
        + " is not a date: "
        + error.getMessage()
        + "; expected YYYY-MM-DD, such as 2025-06-01";
  }

  /** Parses one row's fields; never throws for any content. */
  public Row parse(List<String> fields) {
    return parse(fields, 0);
  }

  /**
   * Parses the fields of the row that starts on line {@code lineNumber} of its file (0 when
   * unknown), which the message of a row with the wrong number of fields names; never throws.
   */
  public Row parse(List<String> fields, long lineNumber) {
    String claimValue = ClaimKey.of(field(fields, claim));
    if (fields.size() != header.size()) {
      String count = wrongFieldCount(fields.size(), header.size());
      return problem(
          "malformed_row",
          lineNumber > 0 ? "file line " + lineNumber + ": " + count : count,
          claimValue);
    }
    ProcedureCode procedure;
    try {
      procedure = ProcedureCode.parseLenient(field(fields, code));
    } catch (CodeFormatException e) {
      return problem("invalid_code", "code: " + e.getMessage(), claimValue);
    }
    List<Modifier> modifierList;
    try {
      modifierList = modifierCell(field(fields, modifiers));
    } catch (CodeFormatException e) {
      return problem("invalid_modifiers", "modifiers: " + e.getMessage(), claimValue);
    }
    int unitCount;
    try {
      unitCount = units(field(fields, units));
    } catch (IllegalArgumentException e) {
      return problem("invalid_units", "units: " + e.getMessage(), claimValue);
    }
    ClaimLine line = ClaimLine.of(procedure, modifierList, unitCount);
    String minutesText = WhiteSpace.strip(field(fields, minutes));
    if (!minutesText.isEmpty()) {
      try {
        line = line.withMinutes(minutes(minutesText));
      } catch (IllegalArgumentException e) {
        return problem("invalid_minutes", "minutes: " + e.getMessage(), claimValue);
      }
    }

    String localityText = field(fields, locality);
    String zipText = field(fields, zip);
    Locality place;
    boolean placedBySplitZip = false;
    // The ZIP code to place the row by, once its date is known: its zip cell's, or --zip's.
    String placingZip = null;
    boolean ownZip = false;
    // The zip column is also where the patient lives, which the DMEPOS fee schedule prices by;
    // with a locality beside it, in the row or from --locality, it is that alone.
    Optional<String> beneficiaryZip = defaults.beneficiaryZip();
    if (!WhiteSpace.isBlank(zipText)) {
      try {
        beneficiaryZip = Optional.of(ZipCode.parse(zipText).digits());
      } catch (IllegalArgumentException e) {
        return problem("invalid_zip", "zip: " + e.getMessage(), claimValue);
      }
    }
    if (!WhiteSpace.isBlank(localityText)) {
      try {
        place = locality(localityText);
      } catch (IllegalArgumentException e) {
        return problem("invalid_locality", "locality: " + e.getMessage(), claimValue);
      }
      if (place != lastKnownLocality && !knownLocality.test(place)) {
        return problem(
            "unknown_locality",
            "locality: '" + place + "' is not a Medicare payment locality; see cpt localities",
            claimValue);
      }
      lastKnownLocality = place;
    } else if (!WhiteSpace.isBlank(zipText)
        && (defaults.locality().isEmpty() || defaults.localityFromZip())) {
      // Looked up below, once the row's date is known: CMS's ZIP code file changes by quarter.
      // The cell is a ZIP code: it was read as the beneficiary's above. It places the row in
      // place of --zip, not of --locality, which says where the service was performed (the
      // options are the defaults for blank cells, and the locality cell is blank).
      place = null;
      placingZip = zipText;
      ownZip = true;
    } else if (defaultZip != null) {
      place = null;
      placingZip = defaultZip;
    } else if (defaults.locality().isPresent()) {
      place = defaults.locality().get();
    } else {
      return problem(
          "missing_location",
          "no locality or zip in the row, and neither " + "--locality nor --zip was given",
          claimValue);
    }

    String settingText = field(fields, setting);
    String posText = field(fields, pos);
    Setting choice;
    Optional<PlaceOfService> placeOfService = Optional.empty();
    if (!WhiteSpace.isBlank(settingText) && !WhiteSpace.isBlank(posText)) {
      return problem(
          "conflicting_setting", "give a setting or a place of service, not both", claimValue);
    } else if (!WhiteSpace.isBlank(settingText)) {
      try {
        choice = setting(settingText);
      } catch (IllegalArgumentException e) {
        return problem("invalid_setting", "setting: " + e.getMessage(), claimValue);
      }
    } else if (!WhiteSpace.isBlank(posText)) {
      try {
        placeOfService = Optional.of(PlaceOfService.parse(posText));
        choice = placeOfService.get().setting();
      } catch (IllegalArgumentException e) {
        return problem("invalid_pos", "pos: " + e.getMessage(), claimValue);
      }
    } else {
      choice = defaults.setting();
      placeOfService = defaults.place();
    }

    String dateText = field(fields, date);
    LocalDate serviceDate;
    boolean undatedRow = isUndated(fields);
    if (undatedRow) {
      serviceDate = defaults.date();
    } else {
      try {
        serviceDate = date(dateText);
      } catch (DateTimeParseException e) {
        // The cell without its blanks, which the index counts in.
        return problem(
            "invalid_date", "date: " + notADate(WhiteSpace.strip(dateText), e), claimValue);
      }
    }
    if (placingZip != null) {
      Optional<Locality> found = zipLocality(placingZip, serviceDate);
      if (found.isEmpty()) {
        return problem(
            "unknown_zip",
            (ownZip
                    ? "zip: " + CodeFormatException.quote(WhiteSpace.strip(zipText))
                    : "ZIP code " + placingZip + " of --zip")
                + " is in no Medicare payment locality on "
                + serviceDate,
            claimValue);
      }
      place = found.get();
      // A row placed by --zip is counted too: it is looked up on the row's date, whose ZIP code
      // file may split it where that of --date does not.
      placedBySplitZip = lastZipSplit;
    }
    String practitionerText = field(fields, practitioner);
    // Null for a blank cell: the default is the rendering provider's, read below.
    PractitionerType type = null;
    if (!WhiteSpace.isBlank(practitionerText)) {
      try {
        type = Practitioners.parse(practitionerText);
      } catch (IllegalArgumentException e) {
        return problem("invalid_practitioner", "practitioner: " + e.getMessage(), claimValue);
      }
    }
    String apmText = WhiteSpace.strip(field(fields, qualifyingApm));
    boolean apm = defaults.qualifyingApm();
    if (!apmText.isEmpty()) {
      Optional<Boolean> flag = yesOrNo(apmText);
      if (flag.isEmpty()) {
        return problem(
            "invalid_qualifying_apm",
            "qualifying_apm: "
                + CodeFormatException.quote(apmText)
                + " is not yes or no: expected true, false, yes, no, y, n, 1 or 0",
            claimValue);
      }
      apm = flag.get();
    }
    // Whether the AD supervisor was present at the induction of the claim's session (Claims
    // Processing Manual ch. 12 section 50.D): said per row, and the claim has it when any of its
    // rows says so (LineRequest.anyPresentAtInduction), so that a file marks only the AD row.
    String inductionText = WhiteSpace.strip(field(fields, presentAtInduction));
    boolean induction = defaults.presentAtInduction();
    if (!inductionText.isEmpty()) {
      Optional<Boolean> flag = yesOrNo(inductionText);
      if (flag.isEmpty()) {
        return problem(
            "invalid_present_at_induction",
            "present_at_induction: "
                + CodeFormatException.quote(inductionText)
                + " is not yes or no: expected true, false, yes, no, y, n, 1 or 0",
            claimValue);
      }
      induction = flag.get();
    }
    // Who furnished the line: the claim pricer applies its same-day rules to each practitioner's
    // lines apart. A blank cell is no provider, the claim's one.
    String providerText = WhiteSpace.strip(field(fields, renderingProvider));
    Optional<Npi> provider = Optional.empty();
    if (!providerText.isEmpty()) {
      try {
        provider = provider(providerText);
      } catch (CodeFormatException e) {
        return problem(
            "invalid_rendering_provider", "rendering_provider: " + e.getMessage(), claimValue);
      }
    }
    // The billed charge, which the claim pricer's billed-charge step pays the lower of with the
    // fee; read only when the header has the column, so a file without it costs nothing more.
    Optional<BigDecimal> billedCharge = Optional.empty();
    if (charge >= 0) {
      String chargeText = WhiteSpace.strip(field(fields, charge));
      if (!chargeText.isEmpty()) {
        try {
          billedCharge = Optional.of(charge(chargeText));
        } catch (IllegalArgumentException e) {
          return problem("invalid_charge", "charge: " + e.getMessage(), claimValue);
        }
      }
    }
    if (type == null) {
      type = defaults.practitionerOf(provider);
    }
    noteProvider(provider);
    if (undatedRow) {
      countUndated();
    }
    return new Row(
        new LineRequest(
            line,
            place,
            choice,
            serviceDate,
            beneficiaryZip,
            type,
            apm,
            placeOfService,
            induction,
            provider,
            billedCharge),
        null,
        claimValue,
        placedBySplitZip);
  }

  private Locality locality(String text) {
    if (!text.equals(lastLocalityText)) {
      lastLocality = Locality.parse(text);
      lastLocalityText = text;
    }
    return lastLocality;
  }

  /**
   * Reads a rendering provider cell without the blanks around it, remembering it.
   *
   * @throws CodeFormatException if it is not an NPI
   */
  private Optional<Npi> provider(String text) {
    if (!text.equals(lastProviderText)) {
      lastProvider = Optional.of(Npi.parse(text));
      lastProviderText = text;
    }
    return lastProvider;
  }

  private Setting setting(String text) {
    if (!text.equals(lastSettingText)) {
      lastSetting = Settings.parse(text);
      lastSettingText = text;
    }
    return lastSetting;
  }

  /**
   * Reads a modifier cell, remembering it.
   *
   * @throws CodeFormatException for a malformed modifier or more than four
   */
  List<Modifier> modifierCell(String text) {
    if (text.isEmpty()) {
      return ImmutableList.of();
    }
    List<Modifier> known = modifierCells.get(text);
    if (known == null) {
      known = ImmutableList.copyOf(modifiers(text));
      if (modifierCells.size() < MODIFIER_CELLS) {
        modifierCells.put(text, known);
      }
    }
    return known;
  }

  private Optional<Locality> zipLocality(String text, LocalDate on) {
    if (!text.equals(lastZipText) || !on.equals(lastZipDate)) {
      ZipCode zipCode = ZipCode.parse(text);
      lastZipLocality = zips.apply(zipCode, on);
      lastZipSplit = splitZip != null && splitZip.test(zipCode, on);
      lastZipText = text;
      lastZipDate = on;
    }
    return lastZipLocality;
  }

  private LocalDate date(String text) {
    if (!text.equals(lastDateText)) {
      lastDate = IsoDate.parse(WhiteSpace.strip(text));
      lastDateText = text;
    }
    return lastDate;
  }

  /** Reads a yes-or-no cell: true, false, yes, no, y, n, 1 or 0, ignoring case. */
  static Optional<Boolean> yesOrNo(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "y", "1" -> Optional.of(true);
      case "false", "no", "n", "0" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static Row problem(String reason, String explanation, String claim) {
    return new Row(null, Outcome.notPriced(reason, explanation), claim, false);
  }

  /**
   * Tells whether the row of {@code fields} has no date of its own (a blank date cell, or no date
   * column), so that, when valid, it takes the defaults' date: the rows a batch counts to tell
   * whether the user gave the dates of service.
   */
  public boolean isUndated(List<String> fields) {
    return WhiteSpace.isBlank(field(fields, date));
  }

  /**
   * The cell at {@code index}, empty if the row has none. Cells the library parses are read without
   * the library's white space around them ({@link WhiteSpace}: line breaks and every Unicode space,
   * no-break spaces included), so a cell a spreadsheet fills with a no-break space is empty; the
   * claim column too, so that {@code A} and {@code A} with a no-break space are one claim, here and
   * in the Spark job's grouping key.
   */
  private static String field(List<String> fields, int index) {
    return index < 0 || index >= fields.size() ? "" : fields.get(index);
  }

  /**
   * Reads modifiers separated by blanks or hyphens, such as {@code 26}, {@code 25 59} or {@code
   * RT-59}; letters may be lower case.
   *
   * @throws CodeFormatException for a malformed modifier or more than four
   */
  static List<Modifier> modifiers(String text) {
    List<Modifier> list = new ArrayList<>(ClaimLine.MAX_MODIFIERS);
    int n = text.length();
    int i = 0;
    while (true) {
      while (i < n && isSeparator(text.charAt(i))) {
        i++;
      }
      if (i == n) {
        return list;
      }
      int end = i;
      while (end < n && !isSeparator(text.charAt(end))) {
        end++;
      }
      if (list.size() == ClaimLine.MAX_MODIFIERS) {
        throw new CodeFormatException(
            "a claim line has at most four modifiers",
            text,
            i,
            CodeFormatException.ErrorType.TOO_MANY_MODIFIERS);
      }
      list.add(Modifier.parseLenient(text, i, end));
      i = end;
    }
  }

  /**
   * A hyphen or a blank on one line: a space, a tab or another Unicode space (a no-break space),
   * the library's {@link Blanks}. Not a line break, which only a quoted cell can hold: "25" and
   * "GT" on two lines of one cell is no way to write two modifiers, and read as one it passed as
   * 25-GT.
   */
  private static boolean isSeparator(char c) {
    return c == '-' || Blanks.isBlank(c);
  }

  /** The most digits a charge has before its point: it is less than a trillion dollars. */
  private static final int MAX_CHARGE_DIGITS = 12;

  /**
   * Reads a billed charge cell without the blanks around it: plain dollars, ASCII digits with at
   * most one decimal point and at most two decimal places ({@code 180}, {@code 180.00}, {@code
   * .50}), less than a trillion dollars, as {@code BilledLine} takes a charge, with or without the
   * {@code $} that {@code BilledLine}'s own text form writes before it ({@code $180.00}). Not
   * thousands separators, which no other batch column allows either (a unit count is digits alone):
   * {@code 1,200.00} is more likely a misread cell than a charge, and a comma is the library's
   * error too. Zero is a charge, paid nothing.
   *
   * @throws IllegalArgumentException saying what is wrong and at which index of the text
   */
  static BigDecimal charge(String text) {
    int n = text.length();
    int point = -1;
    int digits = 0;
    boolean negative = false;
    // Where the amount starts: after a leading '-' (refused once the rest is read) and a '$'.
    int start = 0;
    boolean dollar = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '$' && !dollar && i == start) {
        dollar = true;
        start = i + 1;
      } else if (c >= '0' && c <= '9') {
        // Leading zeros do not count towards the trillion: 0001.00 is a dollar.
        digits += point < 0 && (digits > 0 || c != '0') ? 1 : 0;
      } else if (c == '.' && point < 0) {
        point = i;
      } else if (c == '-' && i == 0) {
        negative = true; // said once the rest is read: "-x5" names its 'x' first
        start = 1;
      } else {
        throw notACharge(
            text,
            CodeFormatException.quote(String.valueOf(c))
                + " at index "
                + i
                + (c == '.' ? " is a second decimal point" : " is not a digit 0-9 or a point")
                + "; expected dollars and cents without commas, such as 2400.00");
      }
    }
    if (n == (point < 0 ? 0 : 1) + start) {
      throw notACharge(text, "it has no digits; expected dollars and cents, such as 2400.00");
    }
    if (negative) {
      throw notACharge(text, "a billed charge is never negative");
    }
    if (point >= 0 && n - point - 1 > 2) {
      throw notACharge(
          text, "it has " + (n - point - 1) + " decimal places, a charge is whole cents");
    }
    if (digits > MAX_CHARGE_DIGITS) {
      throw notACharge(text, "a billed charge is less than a trillion dollars");
    }
    return new BigDecimal(text.substring(start)).setScale(2);
  }

  private static IllegalArgumentException notACharge(String text, String why) {
    return new IllegalArgumentException(
        CodeFormatException.quote(text) + " is not a charge: " + why);
  }

  /**
   * Reads anesthesia minutes: a whole number from 1 to {@value ClaimLine#MAX_MINUTES}.
   *
   * @throws IllegalArgumentException otherwise
   */
  static int minutes(String text) {
    boolean ok = !text.isEmpty() && text.length() <= 4;
    int value = 0;
    for (int i = 0; ok && i < text.length(); i++) {
      char c = text.charAt(i);
      ok = c >= '0' && c <= '9';
      value = value * 10 + c - '0';
    }
    if (!ok || value < 1) {
      throw new IllegalArgumentException(
          CodeFormatException.quote(text)
              + " is not a number of minutes: expected a whole number from 1 to "
              + ClaimLine.MAX_MINUTES);
    }
    return value;
  }

  /**
   * Reads units: blank for 1, else a whole number from 1 to {@value ClaimLine#MAX_UNITS}.
   *
   * @throws IllegalArgumentException otherwise
   */
  static int units(String text) {
    String s = WhiteSpace.strip(text);
    if (s.isEmpty()) {
      return 1;
    }
    int value = 0;
    boolean ok = s.length() <= 5;
    for (int i = 0; ok && i < s.length(); i++) {
      char c = s.charAt(i);
      ok = c >= '0' && c <= '9';
      value = value * 10 + c - '0';
    }
    if (!ok || value < 1) {
      throw new IllegalArgumentException(
          CodeFormatException.quote(text)
              + " is not a number of units: expected a whole number from 1 to "
              + ClaimLine.MAX_UNITS);
    }
    return value;
  }
}
