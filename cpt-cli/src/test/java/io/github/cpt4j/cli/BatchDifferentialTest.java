package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.data.MedicareFiles;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fee.medicare.release.MedicareRelease;
import io.github.cpt4j.modifier.Modifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Differential tests of {@code cpt price --input}: many generated rows, with a fixed seed, priced
 * by the batch command and, row by row, by the public API ({@link ProcedureCode}, {@link Modifier},
 * {@link ClaimLine#parse}, {@link PartBClaimPricer} over the bundled releases) and by {@code cpt
 * price LINE...}. The batch must give the same amounts to the cent, the same results and
 * explanations, and one output row per input row, in order.
 */
class BatchDifferentialTest {

  /**
   * The columns of the generated files, in the order of the plain header. Written out as the README
   * names them, not taken from the command's own list, so that a renamed column fails here.
   */
  static final String[] COLUMNS = {
    "id",
    "claim",
    "code",
    "modifiers",
    "units",
    "minutes",
    "locality",
    "zip",
    "setting",
    "pos",
    "date",
    "practitioner",
    "qualifying_apm",
    "rendering_provider"
  };

  private static final String[] CODES = {
    "99213", "99214", "99203", "27447", "29880", "29881", "20610", "71046", "70450", "70496",
    "73721", "00100", "00840", "01967", "36415", "80053", "85025", "J3301", "J1100", "E0114",
    "G0439", "93000", "0001F", "99291", "99292", "64483", "64484", "11042", "11045", "17000",
    "17003", "77067", "88305", "97110", "97140", "98940", "43239", "45380", "45385", "47562",
    "49505", "66984", "76700", "93306", "95810", "G2211", "A0425", "0446T", "96372", "99497",
    "j3301", "e0114", "0446t"
  };

  private static final String[] BAD_CODES = {
    "9921",
    "ABCDE",
    "99213x",
    "992 13",
    "\uFF19\uFF19\uFF12\uFF11\uFF13",
    "99213-26",
    "00000",
    "=1+2",
    "D0120",
    "-99213",
    "99213.0",
    "\u00e99213"
  };

  private static final String[] MODIFIERS = {
    "26",
    "TC",
    "50",
    "51",
    "62",
    "80",
    "AS",
    "QK",
    "QX",
    "QY",
    "QZ",
    "AA",
    "CQ",
    "CO",
    "FX",
    "FY",
    "CT",
    "RT",
    "LT",
    "25",
    "59",
    "76",
    "rt",
    "lt",
    "26 59",
    "RT-59",
    " 26 ",
    "26-",
    "-26",
    "ZZ",
    "GT",
    "NU",
    "P1",
    "26 TC",
    "RT LT",
    "50 51",
    "tc",
    "26\t59",
    "26\u00a059",
    "XS XU"
  };

  private static final String[] BAD_MODIFIERS = {
    "2", "266", "26 TC 59 RT 76", "2*", "26,TC", "26\n59", "\u00e9T", "26;59", "=26"
  };

  private static final String[] UNITS = {"1", "2", "3", "10", " 2 ", "99999", "00002", "4"};

  private static final String[] BAD_UNITS = {
    "0", "-1", "1.5", "2.0", "100000", "x2", "1e3", "abc", "999999", "+2", "\u0662"
  };

  private static final String[] MINUTES = {"30", "60", "9999", "1", "45"};

  private static final String[] BAD_MINUTES = {"0", "10000", "60min", "-5", "1.5", "x"};

  private static final String[] LOCALITIES = {
    "13282-99",
    "01182-18",
    "01112-05",
    "10112-00",
    "02102-01",
    " 13282-99 ",
    "05102-99",
    "15202-01",
    "12502-01"
  };

  private static final String[] BAD_LOCALITIES = {
    "13282", "1328299", "99999-99", "13282-1", "13282-999", "ab-cd", "13282 99"
  };

  private static final String[] ZIPS = {
    "10001", "10001-1234", "100011234", "90210", " 10001 ", "60601", "99501", "33101", "02108"
  };

  private static final String[] BAD_ZIPS = {"1000", "ABCDE", "10001-", "1000112345", "10 001"};

  private static final String[] UNKNOWN_ZIPS = {"00000", "00001"};

  private static final String[] SETTINGS = {
    "facility", "non-facility", "Facility", "nonfacility", "FACILITY", " facility "
  };

  private static final String[] BAD_SETTINGS = {"office", "fac", "non facility"};

  private static final String[] POS = {"11", "22", "21", "19", "24", "02", "10", "12", "31"};

  private static final String[] BAD_POS = {"1", "ab", "111", "00"};

  private static final String[] DATES = {
    "2025-06-01",
    "2025-01-15",
    "2025-03-14",
    "2025-10-05",
    "2025-12-31",
    "2026-02-01",
    " 2025-06-02 ",
    "2025-04-01",
    "2025-07-01"
  };

  private static final String[] OUT_OF_DATA_DATES = {"2024-12-31", "2027-01-01", "1999-01-01"};

  private static final String[] BAD_DATES = {
    "2025-02-30", "2025/06/01", "06/01/2025", "2025-6-1", "20250601", "+2025-06-01", "2025-13-01"
  };

  private static final String[] PRACTITIONERS = {
    "np", "csw", "NP", "pa", "cns", "363LF0000X", "207Q00000X", "1041C0700X", "363l00000x"
  };

  /** The practitioner types of the taxonomy codes above, as the README's table gives them. */
  private static final Map<String, PractitionerType> TAXONOMY =
      Map.of(
          "363LF0000X", PractitionerType.NURSE_PRACTITIONER,
          "363L00000X", PractitionerType.NURSE_PRACTITIONER,
          "363A00000X", PractitionerType.PHYSICIAN_ASSISTANT,
          "207Q00000X", PractitionerType.PHYSICIAN,
          "1041C0700X", PractitionerType.CLINICAL_SOCIAL_WORKER);

  private static final String[] BAD_PRACTITIONERS = {
    "xx", "nurse", "n p", "163W00000X", "363L0000X", "363L-0000X"
  };

  private static final String[] APMS = {"yes", "no", "Y", "true", "0", "1", "N", "FALSE"};

  private static final String[] BAD_APMS = {"maybe", "2", "si"};

  /** NPIs of a group's practitioners, as a cell may hold them. */
  private static final String[] NPIS = {
    "1234567893", "1000000004", "1999999992", "2000000002", "2123456784", " 1234567893 "
  };

  /** Not NPIs: a wrong check digit, length, first digit or character. */
  private static final String[] BAD_NPIS = {
    "1234567890", "123456789", "12345678931", "0234567893", "12345a7893", "1234-67893", "x"
  };

  /** The run's defaults, as options of {@code cpt price}. */
  record Defaults(
      Optional<String> locality,
      Optional<String> zip,
      String date,
      Optional<String> setting,
      Optional<String> pos,
      Optional<String> practitioner,
      boolean apm,
      boolean nonParticipating,
      Map<String, String> providers) {

    /** Defaults without a type of its own for any rendering provider. */
    Defaults(
        Optional<String> locality,
        Optional<String> zip,
        String date,
        Optional<String> setting,
        Optional<String> pos,
        Optional<String> practitioner,
        boolean apm,
        boolean nonParticipating) {
      this(locality, zip, date, setting, pos, practitioner, apm, nonParticipating, Map.of());
    }

    /** These defaults with {@code --practitioner NPI=TYPE} for each of {@code types}. */
    Defaults withProviders(Map<String, String> types) {
      return new Defaults(
          locality, zip, date, setting, pos, practitioner, apm, nonParticipating, types);
    }

    List<String> options() {
      List<String> options = new ArrayList<>();
      locality.ifPresent(l -> options.addAll(List.of("--locality", l)));
      zip.ifPresent(z -> options.addAll(List.of("--zip", z)));
      options.addAll(List.of("--date", date));
      setting.ifPresent(s -> options.addAll(List.of("--setting", s)));
      pos.ifPresent(p -> options.addAll(List.of("--pos", p)));
      practitioner.ifPresent(p -> options.addAll(List.of("--practitioner", p)));
      new java.util.TreeMap<>(providers)
          .forEach((npi, type) -> options.addAll(List.of("--practitioner", npi + "=" + type)));
      if (apm) {
        options.add("--qualifying-apm");
      }
      if (nonParticipating) {
        options.add("--non-participating");
      }
      return options;
    }
  }

  /**
   * One generated row: a cell per column of {@link #COLUMNS}. A class, not a record, since the
   * full-file pass rewrites some cells in place (a record's array component would compare and hash
   * by identity anyway).
   */
  static final class Row {
    private final String[] cells;

    Row(String[] cells) {
      this.cells = cells;
    }

    String[] cells() {
      return cells;
    }

    String get(String column) {
      return cells[Arrays.asList(COLUMNS).indexOf(column)];
    }
  }

  /** Generates rows, claims of one to five rows with shared context, with a fixed seed. */
  static List<Row> generate(long seed, int n, boolean bad) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    int claimNumber = 0;
    List<String> earlierClaims = new ArrayList<>();
    while (rows.size() < n) {
      int size = 1 + random.nextInt(5);
      String claim;
      int kind = random.nextInt(20);
      if (kind == 0) {
        claim = "";
      } else if (kind == 1 && !earlierClaims.isEmpty()) {
        claim = earlierClaims.get(random.nextInt(earlierClaims.size())); // comes back
      } else if (kind == 2) {
        claim = " c" + claimNumber++ + " ";
      } else {
        claim = "c" + claimNumber++;
      }
      earlierClaims.add(claim.strip());
      // The claim's context: most rows of a claim share it.
      String[] context = new String[COLUMNS.length];
      context[6] = random.nextInt(3) == 0 ? "" : pick(random, LOCALITIES);
      context[7] = random.nextInt(4) == 0 ? pick(random, ZIPS) : "";
      int placeKind = random.nextInt(4);
      context[8] = placeKind == 1 ? pick(random, SETTINGS) : "";
      context[9] = placeKind == 2 ? pick(random, POS) : "";
      context[10] = random.nextInt(5) == 0 ? "" : pick(random, DATES);
      context[11] = random.nextInt(8) == 0 ? pick(random, PRACTITIONERS) : "";
      context[12] = random.nextInt(8) == 0 ? pick(random, APMS) : "";
      // Most claims name no rendering provider; some one for every row, some a group's several.
      int providers = random.nextInt(4);
      context[13] = providers == 1 ? pick(random, NPIS) : "";
      for (int k = 0; k < size && rows.size() < n; k++) {
        String[] cells = context.clone();
        cells[0] = String.valueOf(rows.size());
        cells[1] = claim;
        String code = pick(random, CODES);
        cells[2] = random.nextInt(15) == 0 ? " " + code + " " : code;
        cells[3] = random.nextInt(2) == 0 ? "" : pick(random, MODIFIERS);
        cells[4] = random.nextInt(2) == 0 ? "" : pick(random, UNITS);
        boolean anesthesia = code.startsWith("0") && !code.endsWith("F") && !code.endsWith("T");
        cells[5] = anesthesia && random.nextInt(4) != 0 ? pick(random, MINUTES) : "";
        if (random.nextInt(10) == 0) {
          cells[10] = pick(random, DATES); // another date of the claim
        }
        if (providers == 2) {
          cells[13] = random.nextInt(4) == 0 ? "" : pick(random, NPIS); // each row's own
          if (random.nextInt(4) == 0) {
            // A group's practitioners need not be of one type: the rows of two NPIs may differ
            // in it, the rows of one may not.
            cells[11] = random.nextBoolean() ? "physician" : pick(random, PRACTITIONERS);
          }
        }
        if (bad && random.nextInt(4) == 0) {
          spoil(random, cells);
        }
        rows.add(new Row(cells));
      }
    }
    return rows;
  }

  /** Puts a bad or unusual value in one cell. */
  private static void spoil(Random random, String[] cells) {
    switch (random.nextInt(17)) {
      case 0 -> cells[2] = pick(random, BAD_CODES);
      case 1 -> cells[3] = pick(random, BAD_MODIFIERS);
      case 2 -> cells[4] = pick(random, BAD_UNITS);
      case 3 -> cells[5] = random.nextBoolean() ? pick(random, MINUTES) : pick(random, BAD_MINUTES);
      case 4 -> cells[6] = pick(random, BAD_LOCALITIES);
      case 5 -> cells[7] = pick(random, BAD_ZIPS);
      case 6 -> {
        cells[6] = "";
        cells[7] = pick(random, UNKNOWN_ZIPS);
      }
      case 7 -> cells[8] = pick(random, BAD_SETTINGS);
      case 8 -> cells[9] = pick(random, BAD_POS);
      case 9 -> {
        cells[8] = pick(random, SETTINGS);
        cells[9] = pick(random, POS);
      }
      case 10 -> cells[10] = pick(random, BAD_DATES);
      case 11 -> cells[10] = pick(random, OUT_OF_DATA_DATES);
      case 12 -> cells[11] = pick(random, BAD_PRACTITIONERS);
      case 13 -> cells[12] = pick(random, BAD_APMS);
      case 14 -> cells[6] = pick(random, LOCALITIES); // another locality in the claim
      case 15 -> cells[13] = pick(random, BAD_NPIS);
      default -> cells[3] = pick(random, MODIFIERS) + " " + pick(random, MODIFIERS);
    }
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** How the rows are written as bytes: quoting, line ends, blank lines, BOM. */
  record Encoding(long seed, boolean varied) {}

  /** Writes the rows as CSV bytes, with the plain header or with odd line ends and quoting. */
  static byte[] csv(List<Row> rows, Encoding encoding) {
    Random random = new Random(encoding.seed());
    StringBuilder text = new StringBuilder();
    if (encoding.varied() && random.nextBoolean()) {
      text.append('\uFEFF');
    }
    text.append(String.join(",", COLUMNS));
    text.append(lineEnd(random, encoding));
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      for (int i = 0; i < COLUMNS.length; i++) {
        if (i > 0) {
          text.append(',');
        }
        text.append(cell(random, row.cells()[i], encoding));
      }
      boolean last = r == rows.size() - 1;
      if (!last || !encoding.varied() || random.nextBoolean()) {
        text.append(lineEnd(random, encoding));
      }
      if (!last && encoding.varied() && random.nextInt(50) == 0) {
        text.append(lineEnd(random, encoding)); // a blank line, skipped
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String lineEnd(Random random, Encoding encoding) {
    if (!encoding.varied()) {
      return "\n";
    }
    return switch (random.nextInt(3)) {
      case 0 -> "\n";
      case 1 -> "\r\n";
      default -> "\r";
    };
  }

  private static String cell(Random random, String value, Encoding encoding) {
    boolean mustQuote =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    if (mustQuote || (encoding.varied() && random.nextInt(8) == 0)) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  // ---------------------------------------------------------------------------------------------
  // The reference: the public API, from the README's rules for the cells.

  /** What the reference expects of one row: a reason, or a line to price in its context. */
  record Expected(String reason, Line line) {}

  /** A valid row's line and context. */
  record Line(
      ClaimLine line,
      Locality locality,
      Setting setting,
      Optional<PlaceOfService> place,
      LocalDate date,
      Optional<String> beneficiaryZip,
      PractitionerType practitioner,
      boolean apm,
      Optional<Npi> provider) {

    /** The context of a claim: the rendering provider is not part of it. */
    boolean sameContext(Line other) {
      return sameClaimContext(other) && practitioner == other.practitioner;
    }

    /**
     * What the lines of one claim share: the context but for the practitioner, which may differ
     * between the lines of two rendering providers.
     */
    boolean sameClaimContext(Line other) {
      return locality.equals(other.locality)
          && setting == other.setting
          && place.equals(other.place)
          && beneficiaryZip.equals(other.beneficiaryZip)
          && apm == other.apm;
    }
  }

  /** What the reference prices with: the public API's claim pricer and its GPCI localities. */
  record Data(PartBClaimPricer pricer, Set<Locality> localities, List<String> options) {

    /** The bundled releases, as {@code cpt price} prices without data options. */
    static Data bundled() {
      MedicareFeeSchedule[] schedules =
          BundledData.medicareReleases().releases().stream()
              .map(MedicareRelease::schedule)
              .toArray(MedicareFeeSchedule[]::new);
      return new Data(
          PartBClaimPricer.of(partB(schedules), BundledData.medicareReleases(), b -> b),
          localities(schedules),
          List.of());
    }

    /**
     * One relative value file's schedule, for {@code --rvu}, {@code --gpci}, {@code --opps-cap}.
     */
    static Data files(Path rvu, Path gpci, Path cap) throws IOException {
      MedicareFeeSchedule schedule =
          MedicareFiles.of(Optional.of(rvu), Optional.of(gpci), Optional.of(cap)).schedule();
      return new Data(
          PartBClaimPricer.of(partB(schedule), MedicareClaimPricer.builder(schedule).build()),
          localities(schedule),
          List.of(
              "--rvu", rvu.toString(), "--gpci", gpci.toString(), "--opps-cap", cap.toString()));
    }

    private static PartBFeeSchedule partB(MedicareFeeSchedule... schedules) {
      return PartBFeeSchedule.builder()
          .physicianFeeSchedule(schedules)
          .clinicalLaboratory(BundledData.clinicalLabFeeSchedule())
          .dmepos(BundledData.dmeposFeeSchedule())
          .drugs(BundledData.aspFeeSchedule())
          .build();
    }

    private static Set<Locality> localities(MedicareFeeSchedule... schedules) {
      Set<Locality> known = new HashSet<>();
      for (MedicareFeeSchedule schedule : schedules) {
        for (Gpci gpci : schedule.gpcis().all()) {
          known.add(gpci.locality());
        }
      }
      return known;
    }
  }

  private static final Data BUNDLED = Data.bundled();

  private static Expected problem(String reason) {
    return new Expected(reason, null);
  }

  /** The README's reading of a row's cells, with the public API's parsers. */
  static Expected expect(Row row, Defaults defaults, Data data) {
    String codeCell = row.get("code");
    ProcedureCode code;
    try {
      code = ProcedureCode.parseLenient(codeCell);
    } catch (CodeFormatException e) {
      return problem("invalid_code");
    }
    // Modifiers separated by blanks or hyphens.
    List<String> modifiers = new ArrayList<>();
    String modifierCell = row.get("modifiers");
    StringBuilder token = new StringBuilder();
    for (int i = 0; i <= modifierCell.length(); i++) {
      char c = i < modifierCell.length() ? modifierCell.charAt(i) : ' ';
      boolean separator =
          c == '-' || c == ' ' || c == '\t' || Character.getType(c) == Character.SPACE_SEPARATOR;
      if (separator) {
        if (token.length() > 0) {
          modifiers.add(token.toString());
          token.setLength(0);
        }
      } else {
        token.append(c);
      }
    }
    if (modifiers.size() > 4) {
      return problem("invalid_modifiers");
    }
    for (String modifier : modifiers) {
      try {
        Modifier.parseLenient(modifier, 0, modifier.length());
      } catch (CodeFormatException e) {
        return problem("invalid_modifiers");
      }
    }
    String unitCell = row.get("units").strip();
    int units = 1;
    if (!unitCell.isEmpty()) {
      if (!unitCell.matches("[0-9]{1,5}") || Integer.parseInt(unitCell) < 1) {
        return problem("invalid_units");
      }
      units = Integer.parseInt(unitCell);
    }
    String minuteCell = row.get("minutes").strip();
    if (!minuteCell.isEmpty()
        && (!minuteCell.matches("[0-9]{1,4}") || Integer.parseInt(minuteCell) < 1)) {
      return problem("invalid_minutes");
    }
    // The line through ClaimLine.parse, as cpt price LINE reads it.
    String text =
        code
            + (modifiers.isEmpty() ? "" : "-" + String.join("-", modifiers))
            + (units == 1 ? "" : " x" + units)
            + (minuteCell.isEmpty() ? "" : " " + Integer.parseInt(minuteCell) + "min");
    ClaimLine line = ClaimLine.parse(text);

    String zipCell = row.get("zip").strip();
    Optional<String> beneficiaryZip = defaults.zip();
    if (!zipCell.isEmpty()) {
      if (!zipCell.matches("[0-9]{5}|[0-9]{9}|[0-9]{5}-[0-9]{4}")) {
        return problem("invalid_zip");
      }
      beneficiaryZip = Optional.of(zipCell.substring(0, 5));
    }
    String localityCell = row.get("locality");
    Locality locality = null;
    String placingZip = null;
    if (!localityCell.isBlank()) {
      try {
        locality = Locality.parse(localityCell);
      } catch (IllegalArgumentException e) {
        return problem("invalid_locality");
      }
      if (!data.localities().contains(locality)) {
        return problem("unknown_locality");
      }
    } else if (defaults.locality().isPresent()) {
      // --locality is where the service was performed; a zip cell is then only the patient's.
      locality = Locality.parse(defaults.locality().get());
    } else if (!zipCell.isEmpty()) {
      // In place of --zip: the options are the defaults for blank cells.
      placingZip = zipCell.substring(0, 5);
    } else if (defaults.zip().isPresent()) {
      locality = BundledData.zipLocalities().find(defaults.zip().get()).orElseThrow();
    } else {
      return problem("missing_location");
    }
    String settingCell = row.get("setting").strip();
    String posCell = row.get("pos").strip();
    Setting setting;
    Optional<PlaceOfService> place = Optional.empty();
    if (!settingCell.isEmpty() && !posCell.isEmpty()) {
      return problem("conflicting_setting");
    } else if (!settingCell.isEmpty()) {
      String s = settingCell.toLowerCase(Locale.ROOT);
      if (s.equals("facility")) {
        setting = Setting.FACILITY;
      } else if (s.equals("non-facility") || s.equals("nonfacility")) {
        setting = Setting.NON_FACILITY;
      } else {
        return problem("invalid_setting");
      }
    } else if (!posCell.isEmpty()) {
      try {
        place = Optional.of(PlaceOfService.parse(posCell));
      } catch (IllegalArgumentException e) {
        return problem("invalid_pos");
      }
      setting = place.get().setting();
    } else if (defaults.pos().isPresent()) {
      place = Optional.of(PlaceOfService.parse(defaults.pos().get()));
      setting = place.get().setting();
    } else {
      setting =
          defaults
              .setting()
              .map(s -> Setting.valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_')))
              .orElse(Setting.NON_FACILITY);
    }
    String dateCell = row.get("date").strip();
    LocalDate date;
    try {
      date =
          LocalDate.parse(
              dateCell.isEmpty() ? defaults.date() : dateCell,
              java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd")
                  .withResolverStyle(java.time.format.ResolverStyle.STRICT));
    } catch (DateTimeParseException e) {
      return problem("invalid_date");
    }
    if (placingZip != null) {
      Optional<Locality> found = BundledData.zipLocalities().find(placingZip);
      if (found.isEmpty()) {
        return problem("unknown_zip");
      }
      locality = found.get();
    }
    PractitionerType practitioner =
        defaults.practitioner().map(PractitionerType::parse).orElse(PractitionerType.PHYSICIAN);
    String practitionerCell = row.get("practitioner").strip();
    // A blank cell: the type --practitioner NPI=TYPE gives the row's NPI, read with it below.
    boolean blankPractitioner = practitionerCell.isEmpty();
    if (!practitionerCell.isEmpty()) {
      if (practitionerCell.matches("[0-9][0-9A-Za-z]{8}[Xx]")) {
        practitioner = TAXONOMY.get(practitionerCell.toUpperCase(Locale.ROOT));
        if (practitioner == null) {
          return problem("invalid_practitioner");
        }
      } else {
        try {
          practitioner = PractitionerType.parse(practitionerCell);
        } catch (IllegalArgumentException e) {
          return problem("invalid_practitioner");
        }
      }
    }
    boolean apm = defaults.apm();
    String apmCell = row.get("qualifying_apm").strip().toLowerCase(Locale.ROOT);
    if (!apmCell.isEmpty()) {
      if (List.of("yes", "y", "true", "1").contains(apmCell)) {
        apm = true;
      } else if (List.of("no", "n", "false", "0").contains(apmCell)) {
        apm = false;
      } else {
        return problem("invalid_qualifying_apm");
      }
    }
    // Last, as the README lists the columns: a blank cell is no provider, else an NPI.
    String providerCell = row.get("rendering_provider").strip();
    Optional<Npi> provider = Optional.empty();
    if (!providerCell.isEmpty()) {
      provider = Npi.tryParse(providerCell);
      if (provider.isEmpty()) {
        return problem("invalid_rendering_provider");
      }
      String own = defaults.providers().get(provider.get().toString());
      if (blankPractitioner && own != null) {
        practitioner =
            own.matches("[0-9A-Z]{9}X") ? TAXONOMY.get(own) : PractitionerType.parse(own);
      }
    }
    return new Expected(
        null,
        new Line(
            line, locality, setting, place, date, beneficiaryZip, practitioner, apm, provider));
  }

  /** The answer for one row: amount (blank when none), result and explanation. */
  record Answer(String amount, String result, String explanation) {}

  /**
   * The reference's answers, one per row: the rows grouped into claims of adjacent equal claim
   * values (at most 1,000 rows), each claim's valid rows priced together by the public API.
   * Explanations are given for rows that are not priced only, as what they start with.
   */
  static List<Answer> reference(List<Row> rows, Defaults defaults, Data data) {
    List<Answer> answers = new ArrayList<>();
    int start = 0;
    while (start < rows.size()) {
      String key = rows.get(start).get("claim").strip();
      int end = start + 1;
      if (!key.isEmpty()) {
        while (end < rows.size()
            && end - start < 1000
            && rows.get(end).get("claim").strip().equals(key)) {
          end++;
        }
      }
      answers.addAll(referenceClaim(rows.subList(start, end), defaults, data));
      start = end;
    }
    return answers;
  }

  private static List<Answer> referenceClaim(List<Row> rows, Defaults defaults, Data data) {
    Answer[] answers = new Answer[rows.size()];
    List<Line> lines = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    boolean mixed = false;
    // Each rendering provider's practitioner type (no NPI: the lines naming none), as README says:
    // the lines of one provider have one.
    Map<Optional<Npi>, PractitionerType> types = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Expected expected = expect(rows.get(i), defaults, data);
      if (expected.reason() != null) {
        answers[i] = new Answer("", expected.reason(), null);
      } else {
        Line line = expected.line();
        if (!lines.isEmpty() && !lines.get(0).sameClaimContext(line)) {
          mixed = true;
        }
        PractitionerType earlier = types.putIfAbsent(line.provider(), line.practitioner());
        if (earlier != null && earlier != line.practitioner()) {
          mixed = true;
        }
        lines.add(line);
        numbers.add(i + 1);
      }
    }
    if (!lines.isEmpty()) {
      List<Answer> priced = new ArrayList<>();
      if (mixed) {
        for (int i = 0; i < lines.size(); i++) {
          priced.add(new Answer("", "mixed_claim_context", "the lines of claim"));
        }
      } else {
        Line first = lines.get(0);
        List<BilledLine> billed = new ArrayList<>();
        for (Line line : lines) {
          BilledLine b = BilledLine.of(line.line());
          b = line.date().equals(first.date()) ? b : b.withDateOfService(line.date());
          billed.add(line.provider().map(b::withRenderingProvider).orElse(b));
        }
        Claim claim = Claim.of(billed);
        if (lines.size() != rows.size()) {
          claim = claim.withLineNumbers(numbers.stream().mapToInt(Integer::intValue).toArray());
        }
        // The claim's own practitioner is that of its lines without an NPI, else the first
        // line's; each NPI of another type has its own.
        PractitionerType own = types.getOrDefault(Optional.empty(), first.practitioner());
        PricingContext context =
            PricingContext.of(first.date(), first.locality(), first.setting())
                .withParticipating(!defaults.nonParticipating())
                .withPractitioner(own)
                .withQualifyingApmParticipant(first.apm());
        for (Map.Entry<Optional<Npi>, PractitionerType> type : types.entrySet()) {
          if (type.getKey().isPresent() && type.getValue() != own) {
            context = context.withPractitioner(type.getKey().get(), type.getValue());
          }
        }
        if (first.place().isPresent()) {
          context = context.withPlaceOfService(first.place().get());
        }
        if (first.beneficiaryZip().isPresent()) {
          context = context.withBeneficiaryZip(first.beneficiaryZip().get());
        }
        PricedClaim result = data.pricer().price(claim, context);
        for (PricedLine line : result.lines()) {
          priced.add(
              line.isPriced()
                  ? new Answer(line.amountOrThrow().toPlainString(), "priced", null)
                  : new Answer(
                      "",
                      line.reason().orElseThrow().name().toLowerCase(Locale.ROOT),
                      line.detail()));
        }
      }
      int next = 0;
      for (int i = 0; i < answers.length; i++) {
        if (answers[i] == null) {
          answers[i] = priced.get(next++);
        }
      }
    }
    return Arrays.asList(answers);
  }

  // ---------------------------------------------------------------------------------------------

  /** Runs {@code cpt price --input -} over {@code csv} and returns its output records. */
  static List<List<String>> batch(byte[] csv, Defaults defaults, Data data, String... more) {
    List<String> args = new ArrayList<>(List.of("price", "--input", "-"));
    args.addAll(defaults.options());
    args.addAll(data.options());
    args.addAll(List.of(more));
    Cli.Result result = Cli.runWithInput(csv, args.toArray(String[]::new));
    assertTrue(result.status() == 0 || result.status() == 1, result::toString);
    return records(result.out());
  }

  /** Fails listing the first differences found, if any. */
  private static void assertNoDifferences(List<String> differences) {
    assertTrue(
        differences.isEmpty(),
        () ->
            differences.size()
                + " rows differ:\n"
                + differences.stream().limit(15).collect(Collectors.joining("\n")));
  }

  /** The records of a command's CSV output, its header first. */
  private static List<List<String>> records(String csv) {
    List<List<String>> records = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
      for (CsvRecord record : reader) {
        records.add(record.getFields());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  private static void compare(
      List<Row> rows, Defaults defaults, Data data, List<List<String>> out) {
    List<Answer> expected = reference(rows, defaults, data);
    assertEquals(rows.size() + 1, out.size(), "one output row per input row, and the header");
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      List<String> record = out.get(i + 1);
      int n = record.size();
      assertEquals(String.valueOf(i), record.get(0), "rows in input order");
      Answer got = new Answer(record.get(n - 3), record.get(n - 2), record.get(n - 1));
      Answer want = expected.get(i);
      boolean same =
          got.amount().equals(want.amount())
              && got.result().equals(want.result())
              && (want.explanation() == null || got.explanation().startsWith(want.explanation()));
      if (!same) {
        differences.add(
            "row "
                + i
                + " "
                + Arrays.toString(rows.get(i).cells())
                + ": batch "
                + got
                + ", public API "
                + want);
      }
    }
    assertNoDifferences(differences);
  }

  private static final Defaults LOCALITY_DEFAULTS =
      new Defaults(
          Optional.of("13282-99"),
          Optional.empty(),
          "2025-06-01",
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false,
          false);

  /**
   * Prices {@code rows}, written with {@code encoding}, through the batch command, checks every
   * output row against the public API's answer, and returns the output rows.
   */
  private List<List<String>> pricesAsThePublicApi(
      List<Row> rows, Encoding encoding, Defaults defaults, Data data) {
    List<List<String>> output = batch(csv(rows, encoding), defaults, data);
    compare(rows, defaults, data, output);
    return output;
  }

  @Test
  void plainRowsPriceAsThePublicApi() {
    List<Row> rows = generate(1, 4_000, false);
    pricesAsThePublicApi(rows, new Encoding(1, false), LOCALITY_DEFAULTS, BUNDLED);
    // The plain rows' fast path, with a type of its own for two of the NPIs the rows name.
    pricesAsThePublicApi(
        rows,
        new Encoding(1, false),
        LOCALITY_DEFAULTS.withProviders(Map.of("1234567893", "csw", "1999999992", "pa")),
        BUNDLED);
  }

  @Test
  void badRowsGetThePublicApisAnswers() {
    List<Row> rows = generate(2, 4_000, true);
    pricesAsThePublicApi(rows, new Encoding(2, false), LOCALITY_DEFAULTS, BUNDLED);
  }

  @Test
  void quotedCellsAndOddLineEndsChangeNothing() {
    List<Row> rows = generate(3, 4_000, true);
    Defaults defaults =
        new Defaults(
            Optional.empty(),
            Optional.of("10001"),
            "2025-03-14",
            Optional.of("facility"),
            Optional.empty(),
            Optional.of("np"),
            true,
            true,
            Map.of("1234567893", "physician", "2000000002", "363A00000X"));
    List<List<String>> plain =
        pricesAsThePublicApi(rows, new Encoding(3, false), defaults, BUNDLED);
    List<List<String>> varied =
        pricesAsThePublicApi(rows, new Encoding(4, true), defaults, BUNDLED);
    assertEquals(plain, varied);
  }

  @Test
  void withoutDefaultsAndWithPos() {
    List<Row> rows = generate(5, 3_000, true);
    Defaults defaults =
        new Defaults(
            Optional.empty(),
            Optional.empty(),
            "2025-10-02",
            Optional.empty(),
            Optional.of("22"),
            Optional.empty(),
            false,
            false);
    pricesAsThePublicApi(rows, new Encoding(5, true), defaults, BUNDLED);
  }

  /**
   * The second pass: the full CMS 2025 October files ({@code CPT4J_CMS_DIR}), codes drawn from the
   * relative value file's own rows (any status), dates in the release's quarter.
   */
  @Test
  void fullCmsFilesPriceAsThePublicApi() throws IOException {
    String env = System.getenv("CPT4J_CMS_DIR");
    Assumptions.assumeTrue(env != null && !env.isBlank(), "CPT4J_CMS_DIR is not set");
    Path dir = Path.of(env, "2025");
    Path rvu = dir.resolve("PPRRVU2025_Oct.csv");
    Assumptions.assumeTrue(Files.isRegularFile(rvu));
    Data data = Data.files(rvu, dir.resolve("GPCI2025.csv"), dir.resolve("OPPSCAP_Oct.csv"));
    // The codes only (the first column), never the descriptions.
    List<String> codes = new ArrayList<>();
    for (String line : Files.readAllLines(rvu, StandardCharsets.ISO_8859_1)) {
      String code = line.split(",", 2)[0];
      if (code.matches("[0-9A-Z]{4}[0-9A-Z]")) {
        codes.add(code);
      }
    }
    Random random = new Random(7);
    List<Row> rows = generate(7, 6_000, true);
    List<String> localities = data.localities().stream().map(Locality::toString).sorted().toList();
    for (Row row : rows) {
      String[] cells = row.cells();
      if (random.nextInt(3) != 0) {
        cells[2] = codes.get(random.nextInt(codes.size()));
      }
      if (random.nextInt(3) == 0) {
        cells[6] = localities.get(random.nextInt(localities.size()));
      }
      if (!cells[10].isBlank() && random.nextInt(5) != 0) {
        cells[10] = "2025-1" + random.nextInt(3) + "-0" + (1 + random.nextInt(9));
      }
    }
    Defaults defaults =
        new Defaults(
            Optional.of("01112-05"),
            Optional.empty(),
            "2025-11-03",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            false);
    pricesAsThePublicApi(rows, new Encoding(7, true), defaults, data);
  }

  /**
   * Each claim whose rows are valid and share one date, priced by {@code cpt price LINE...} with
   * the claim's context as options: the same amounts, results and explanations as the batch's
   * {@code --explain}.
   */
  @Test
  void claimsPriceAsTheSingleLineCommand() {
    List<Row> rows = generate(6, 1_500, false);
    List<List<String>> out =
        batch(csv(rows, new Encoding(6, false)), LOCALITY_DEFAULTS, BUNDLED, "--explain");
    List<String> differences = new ArrayList<>();
    int start = 0;
    int checked = 0;
    while (start < rows.size()) {
      String key = rows.get(start).get("claim").strip();
      int end = start + 1;
      if (!key.isEmpty()) {
        while (end < rows.size() && rows.get(end).get("claim").strip().equals(key)) {
          end++;
        }
      }
      List<Row> claim = rows.subList(start, end);
      Optional<List<String>> args = singleLineArgs(claim, LOCALITY_DEFAULTS, BUNDLED);
      if (args.isPresent()) {
        checked++;
        List<List<String>> lines = records(Cli.run(args.get().toArray(String[]::new)).out());
        for (int i = 0; i < claim.size(); i++) {
          List<String> single = lines.get(i + 1);
          List<String> batch = out.get(start + i + 1);
          int n = batch.size();
          List<String> got = batch.subList(n - 3, n);
          List<String> want = single.subList(1, 4);
          if (!got.equals(want)) {
            differences.add(
                "row "
                    + (start + i)
                    + " "
                    + Arrays.toString(claim.get(i).cells())
                    + " "
                    + args.get()
                    + ": batch "
                    + got
                    + ", cpt price "
                    + want);
          }
        }
      }
      start = end;
    }
    assertTrue(checked > 200, "claims checked: " + checked);
    assertNoDifferences(differences);
  }

  /**
   * An invalid line among the arguments is left out of the claim, as an invalid row of a batch
   * claim is, without renumbering the lines after it: the explanations name the lines by their
   * place in the output, as the batch's do. It named 29880-LT, the third line, "line 2".
   */
  @Test
  void anInvalidLineArgumentDoesNotRenumberTheLinesAfterIt() throws IOException {
    Cli.Result single =
        Cli.run(
            "price",
            "29880-RT",
            "9921",
            "29880-LT",
            "--locality",
            "13282-99",
            "--date",
            "2025-06-01",
            "--format",
            "csv",
            "--explain");
    List<List<String>> lines =
        ValidateCommandTest.csv(single.out()).stream().map(CsvRecord::getFields).toList();
    assertTrue(lines.get(3).get(3).contains("line 3 and line 1"), lines.get(3).get(3));
    List<List<String>> batch =
        batch(
            "claim,code,modifiers\nA,29880,RT\nA,9921,\nA,29880,LT\n"
                .getBytes(StandardCharsets.UTF_8),
            LOCALITY_DEFAULTS,
            BUNDLED,
            "--explain");
    for (int i : new int[] {1, 3}) {
      List<String> row = batch.get(i);
      int n = row.size();
      assertEquals(lines.get(i).subList(1, 4), row.subList(n - 3, n));
    }
  }

  /**
   * A record that is not valid CSV joins the open claim rather than end it, the over-long part of a
   * claim too: the rows of the claim after it are still refused as past its 1,000th, not priced as
   * a claim of their own (and warned of as a claim that comes back).
   */
  @Test
  void aBrokenRecordDoesNotEndAClaimPastItsThousandthRow() {
    // Each visit marked 25: of a day's office visits without it only one is paid. Their units
    // differ, or every visit after the first would repeat it exactly, an exact duplicate denied
    // (duplicate-lines); so each is a suspect duplicate, paid with a flag.
    StringBuilder csv = new StringBuilder("claim,code,modifiers,units\n");
    for (int i = 0; i < 1_002; i++) {
      csv.append("A,99213,25,").append(1 + i).append('\n');
    }
    csv.append("A,\"99213,25,1\n"); // a quote never closed
    csv.append("A,99213,25,1\nA,99213,25,1\n");
    List<String> args = new ArrayList<>(List.of("price", "--input", "-"));
    args.addAll(LOCALITY_DEFAULTS.options());
    Cli.Result result =
        Cli.runWithInput(
            csv.toString().getBytes(StandardCharsets.UTF_8), args.toArray(String[]::new));
    List<String> lines = result.outLines();
    assertEquals(1 + 1_005, lines.size());
    assertTrue(lines.get(1_000).contains(",priced,"), lines.get(1_000));
    assertTrue(lines.get(1_001).contains(",claim_too_long,"), lines.get(1_001));
    assertTrue(lines.get(1_003).contains(",malformed_row,"), lines.get(1_003));
    assertTrue(lines.get(1_004).contains(",claim_too_long,"), lines.get(1_004));
    assertTrue(lines.get(1_005).contains(",claim_too_long,"), lines.get(1_005));
    assertTrue(result.err().isEmpty(), result.err());
  }

  /** The arguments of {@code cpt price} for a claim of valid rows on one date, if it is one. */
  private static Optional<List<String>> singleLineArgs(
      List<Row> claim, Defaults defaults, Data data) {
    List<String> lines = new ArrayList<>();
    Line first = null;
    for (Row row : claim) {
      Expected expected = expect(row, defaults, data);
      if (expected.reason() != null) {
        return Optional.empty();
      }
      Line line = expected.line();
      if (first != null && (!first.sameContext(line) || !first.date().equals(line.date()))) {
        return Optional.empty();
      }
      if (first == null) {
        first = line;
      }
      // Each line with its rendering provider, as BilledLine writes it: "27447-80 by NPI".
      lines.add(line.line() + line.provider().map(npi -> " by " + npi).orElse(""));
    }
    List<String> args = new ArrayList<>(List.of("price", "--format", "csv"));
    args.addAll(lines);
    args.addAll(List.of("--locality", first.locality().toString()));
    args.addAll(List.of("--date", first.date().toString()));
    if (first.place().isPresent()) {
      args.addAll(List.of("--pos", first.place().get().toString()));
    } else {
      args.addAll(List.of("--setting", first.setting().words()));
    }
    args.addAll(List.of("--practitioner", first.practitioner().id()));
    if (first.apm()) {
      args.add("--qualifying-apm");
    }
    if (defaults.nonParticipating()) {
      args.add("--non-participating");
    }
    if (first.beneficiaryZip().isPresent()) {
      // --zip with --locality: the service in the locality, the patient in the ZIP code.
      args.addAll(List.of("--zip", first.beneficiaryZip().get()));
    }
    return Optional.of(args);
  }

  /** Keeps a helper for the bytes a test wants to see. */
  static String show(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes);
    return Objects.toString(out.toString(StandardCharsets.UTF_8));
  }
}
