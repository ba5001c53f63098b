package io.github.cpt4j.cli;

import static java.util.Objects.requireNonNull;

import com.google.common.io.CountingInputStream;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.cli.input.MalformedUtf8Exception;
import io.github.cpt4j.cli.price.BatchHeader;
import io.github.cpt4j.cli.price.BatchPricing;
import io.github.cpt4j.cli.price.BatchWarnings;
import io.github.cpt4j.cli.price.DateCoverage;
import io.github.cpt4j.cli.price.LineRequest;
import io.github.cpt4j.cli.price.Outcome;
import io.github.cpt4j.cli.price.PractitionerChoice;
import io.github.cpt4j.cli.price.PricingData;
import io.github.cpt4j.cli.price.PricingData.CmsFiles;
import io.github.cpt4j.cli.price.PricingDefaults;
import io.github.cpt4j.cli.price.RowFailedException;
import io.github.cpt4j.cli.price.RowParser;
import io.github.cpt4j.cli.price.RowPricer;
import io.github.cpt4j.cli.price.SampleCoverage;
import io.github.cpt4j.cli.price.ZipCode;
import io.github.cpt4j.cli.report.Column;
import io.github.cpt4j.cli.report.Format;
import io.github.cpt4j.cli.report.OutputClosedException;
import io.github.cpt4j.cli.report.OutputFailedException;
import io.github.cpt4j.cli.report.Report;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.ncci.NcciClaimType;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.text.IsoDate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code cpt price}: prices claim lines given as arguments, as one claim, or a CSV file of lines as
 * a stream. The pricing itself comes from {@link PricingData}, so that this class is only about the
 * command line: options, defaults, input and output.
 */
@Command(
    name = "price",
    sortOptions = false,
    description = {
      "Price claim lines with Medicare's Part B fee schedules: physician services, lab tests, "
          + "equipment and drugs.",
      "",
      "With LINE arguments, the lines are priced as one claim (one patient, one date of "
          + "service; one provider, or each line's own when it ends in 'by NPI'): payment "
          + "modifiers, bilateral pairs and multiple-procedure ranking apply across them. The "
          + "bundled data covers the sample codes for 2025 dates of service, each date with "
          + "its release, and the 2026 rows available; "
          + "--cms-dir prices every code from a directory of CMS files, each date with its "
          + "release; --rvu, --gpci and --opps-cap price every code from single files. "
          + "With --input, every row of a CSV file is priced and written out with its amount, "
          + "result and explanation; invalid rows get a reason in the output and the run goes "
          + "on.",
      "",
      "Batch input is CSV with a header row; names are matched ignoring case: code "
          + "(required), modifiers (separated by blanks or hyphens), units (default 1), "
          + "minutes (anesthesia time), "
          + "locality (MAC-LOC) or zip, setting (facility or non-facility) or pos, date "
          + "(YYYY-MM-DD), practitioner (a type as for --practitioner; blank: the type "
          + "--practitioner gives the row's rendering provider, else every provider; the rows of "
          + "two rendering providers of one claim may differ in it, not those of one), "
          + "qualifying_apm "
          + "(yes or no), present_at_induction (yes or no, as --present-at-induction; a "
          + "claim has it when any of its rows says yes), rendering_provider (the NPI of who "
          + "furnished the line; the same-day rules judge each one's lines apart, and rows "
          + "without one are one provider's), charge (the billed charge in plain dollars, "
          + "such as 180.00 or $180.00, without commas: the row is paid the lower of it and the "
          + "fee; blank: no charge), claim (adjacent rows with the same "
          + "value are priced together, "
          + "each on its own date; at most 1,000 rows, the rest are claim_too_long; a value "
          + "that comes back after other claims gets a warning). Other columns are carried "
          + "through; one named like a known column (unit, qty, dos...) gets a warning. "
          + "Blank cells take the values of the options below. The output has every input "
          + "column, then amount (blank when there is none; with --limiting-charge, "
          + "limiting_charge after it), result (priced or a reason "
          + "code) and explanation (why there is no amount; with --explain, also how each "
          + "amount was found)."
    },
    // Its own list: price's 1 is also a run that priced nothing for want of data, which the
    // inherited "some input was invalid" did not say (README, "Exit status").
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:everything was valid and done",
      "1:some input (a code, a line, a row) was invalid, the rest processed; or nothing was "
          + "priced and some line is date_not_covered (the data does not cover its date), "
          + "no_gpci_for_locality or conversion_factor_mismatch, or not_in_schedule in a "
          + "bundled sample (CMS's whole files may price it): one line on standard error says "
          + "which; status 0 when other lines were priced",
      "2:trouble: a usage error, a file that cannot be read or written, an internal error, "
          + "or an output closed early (piped into head)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cpt price 99213 --zip 10001 --date 2025-06-01",
      "  cpt price 27447-RT 99213-25 --locality 13282-99 --setting facility \\",
      "      --date 2025-06-01 --explain",
      "  cpt price --input lines.csv --output priced.csv --date 2025-06-01",
      "  cpt price --rvu PPRRVU2025_Oct.csv --opps-cap OPPSCAP_Oct.csv 71046-26 \\",
      "      --zip 60601 --date 2025-11-03"
    })
final class PriceCommand implements Callable<Integer> {

  private static final List<Column> COLUMNS =
      List.of(
          Column.text("line", 16),
          Column.number("amount", 10),
          Column.text("result", 12),
          Column.text("explanation", 0));

  /**
   * The widest the line column is made: a longer label, such as a line of junk pasted as an
   * argument, overflows its own row rather than padding every row of the table to its length.
   */
  private static final int MAX_LINE_WIDTH = 40;

  /**
   * Returns {@link #COLUMNS} with the line, amount and result columns widened to the longest label,
   * amount (the claim's {@code total} included) and result of this run, as the table prints them:
   * the lines given as arguments are all priced before the first row is written, so the table can
   * be measured, and a {@code status_not_payable} no longer pushes its explanation out of line. A
   * label is measured as the table writes it ({@link Report#tableWidth}), up to {@link
   * #MAX_LINE_WIDTH}.
   */
  private static List<Column> columnsFor(
      List<String> labels, List<Outcome> outcomes, BigDecimal total) {
    int line = COLUMNS.get(0).width();
    for (String label : labels) {
      line = Math.max(line, Math.min(MAX_LINE_WIDTH, Report.tableWidth(label)));
    }
    int amount = Math.max(COLUMNS.get(1).width(), total.toPlainString().length());
    int result = COLUMNS.get(2).width();
    for (Outcome outcome : outcomes) {
      result = Math.max(result, outcome.result().length());
      if (outcome.amount().isPresent()) {
        amount = Math.max(amount, outcome.amount().get().toPlainString().length());
      }
    }
    return List.of(
        Column.text("line", line),
        Column.number("amount", amount),
        Column.text("result", result),
        COLUMNS.get(3));
  }

  private final PricingData data;

  @Spec private CommandSpec spec;

  @ParentCommand private CptCommand cpt;

  @Parameters(
      arity = "0..*",
      paramLabel = "LINE",
      description =
          "Claim lines such as 99213, 27447-RT or 71046-26 x2, priced as one claim (at most "
              + BatchPricing.MAX_CLAIM_LINES
              + "); a line may end in 'by NPI', its rendering provider, as in '27447-80 by "
              + "1234567893': each practitioner's lines are judged apart by the same-day rules. "
              + "Units are a lower-case x and a whole number after a space (J1100 x8); an "
              + "upper-case X and digits other than the modifiers X1-X5, or units with a "
              + "decimal point, make the line invalid rather than a modifier or a guess. "
              + "cpt validate accepts the same lines.")
  private List<String> lines = new ArrayList<>();

  @Option(
      names = {"-i", "--input"},
      converter = FileNameConverter.class,
      paramLabel = "FILE.csv",
      description = "Price every row of this CSV file (- for standard input) instead of LINEs.")
  private String input;

  @Option(
      names = {"-o", "--output"},
      converter = FileNameConverter.class,
      paramLabel = "FILE",
      description = "Write the results here instead of standard output.")
  private String output;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description =
          "table (default for LINEs), csv (default for --input) or json; without it, an "
              + "--output FILE named .csv or .json gets that format.")
  private Format format;

  @Option(
      names = "--progress",
      negatable = true,
      description =
          "Show a progress bar on standard error while --input is priced into --output FILE; "
              + "by default it shows when standard error is a terminal.")
  private Boolean progress;

  // Two options rather than an exclusive group: given together, --locality is where the service
  // was performed and --zip where the patient lives, as the locality and zip columns of a batch.
  @Option(
      names = {"-z", "--zip"},
      paramLabel = "ZIP",
      description =
          "ZIP code of the place of service, mapped to its payment locality, and where the "
              + "patient lives, for DMEPOS items; with --locality, only where the patient lives."
              + " A ZIP code in no locality is refused either way.")
  private ZipCode zip;

  @Option(
      names = {"-l", "--locality"},
      paramLabel = "MAC-LOC",
      description =
          "Medicare payment locality of the place of service, such as 13282-99 (see cpt "
              + "localities); give --zip too for a DMEPOS item, which is priced by where the "
              + "patient lives.")
  private Locality locality;

  @Option(
      names = {"-d", "--date"},
      paramLabel = "YYYY-MM-DD",
      description =
          "Date of service; default today. A date the loaded data does not cover is "
              + "date_not_covered; if nothing is priced for that, the exit status is 1.")
  private LocalDate date;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  private SettingOption setting;

  /** The payment setting, named or implied by a place of service. */
  static final class SettingOption {
    @Option(
        names = {"-s", "--setting"},
        paramLabel = "SETTING",
        description = "facility or non-facility (default).")
    private Setting setting;

    @Option(
        names = {"-p", "--pos"},
        paramLabel = "NN",
        description = "Place-of-service code, such as 11 (office) or 22 (outpatient hospital).")
    private PlaceOfService pos;

    Setting value() {
      return setting != null ? setting : pos.setting();
    }
  }

  @Mixin private VerbatimOption cells;

  @Option(
      names = "--non-participating",
      description = "The provider does not participate in Medicare: 95%% of the amount.")
  private boolean nonParticipating;

  @Option(
      names = "--practitioner",
      paramLabel = "[NPI=]TYPE",
      description =
          "Who furnished the services: physician (default), np, cns, pa, cnm, crna, csw, cp, mft, "
              + "mhc, rd, therapist, therapy-assistant or audiologist, or a provider taxonomy code "
              + "such as 363L00000X (a nurse practitioner); a non-physician practitioner is paid "
              + "Medicare's share for the type (np 85%%, csw 75%%...). NPI=TYPE says it of the "
              + "lines of one rendering provider (a line 'by NPI', a row's rendering_provider), "
              + "and may be given once per NPI. A line with modifier CQ or CO gets the therapy "
              + "assistant's 85%% whatever the type.")
  private List<PractitionerChoice> practitioners = new ArrayList<>();

  @Option(
      names = "--qualifying-apm",
      description =
          "The provider is a qualifying APM participant: from 2026, Medicare's higher conversion "
              + "factor (33.5675 rather than 33.4009 in 2026).")
  private boolean qualifyingApm;

  @Option(
      names = "--present-at-induction",
      description =
          "The physician medically supervising more than four anesthesia cases (modifier AD) "
              + "documented presence at induction: the AD line paid for the claim's anesthesia "
              + "session gets one time unit more, (3 + 1) base and time units. Nothing changes "
              + "for the other anesthesia modifiers. With --input it is the value of rows whose "
              + "present_at_induction cell is blank.")
  private boolean presentAtInduction;

  @Option(
      names = {"-e", "--explain"},
      description =
          "Show how each amount was found. Without it, a batch and a table of LINEs explain "
              + "only the lines not priced and give the warnings of the others; the table "
              + "shows no EXPLANATION column when there is neither.")
  private boolean explain;

  @Option(
      names = "--limiting-charge",
      description =
          "Also give each line's Medicare limiting charge, the most a non-participating provider "
              + "who does not accept assignment may bill: 109.25%% of the participating amount "
              + "after the claim's rules (a second procedure's is of its 50%%). A column "
              + "limiting_charge after amount, and its total; blank, with a warning, for a line "
              + "without one: a practitioner or a service paid only on assignment (np, pa, csw..., "
              + "lab tests, drugs) or a DMEPOS item.")
  private boolean limitingCharge;

  @Option(
      names = "--rvu",
      paramLabel = "FILE",
      description =
          "A full CMS relative value file (PPRRVU...csv) instead of the bundled rows. A file "
              + "with fewer rows than CMS's (your own extract) must start with the line "
              + "'# cpt4j subset', as must every data file cut short on purpose.")
  private Path rvu;

  @Option(
      names = "--gpci",
      paramLabel = "FILE",
      description = "A CMS GPCI file (GPCI...csv) instead of the bundled 2025 table.")
  private Path gpci;

  @Option(
      names = "--opps-cap",
      paramLabel = "FILE",
      description =
          "A CMS OPPS imaging cap file (OPPSCAP...csv) instead of the caps of the loaded "
              + "releases (without it, --rvu's caps come from that file's own OPPS columns).")
  private Path oppsCap;

  @Option(
      names = "--clfs",
      paramLabel = "FILE",
      description =
          "A CMS Clinical Laboratory Fee Schedule file (CLFS_...csv) instead of the bundled "
              + "2025 Q1 rows of the sample's lab codes.")
  private Path clfs;

  @Option(
      names = "--dmepos",
      paramLabel = "FILE",
      description =
          "A CMS DMEPOS fee schedule file (DMEPOS_...csv) instead of the bundled 2025 Q1 rows "
              + "of the sample's equipment codes; priced by the patient's zip.")
  private Path dmepos;

  @Option(
      names = "--dme-rural-zips",
      paramLabel = "FILE",
      description =
          "A CMS DMEPOS rural ZIP code file (DME_Rural_ZIP_...csv) instead of the bundled 2025 Q1 "
              + "list.")
  private Path dmeRuralZips;

  @Option(
      names = "--asp",
      paramLabel = "FILE",
      description =
          "A CMS Part B drug pricing file (ASP_...csv) instead of the bundled 2025 Q1 limits "
              + "of the sample's drug codes.")
  private Path asp;

  @Option(
      names = "--cms-dir",
      paramLabel = "DIR",
      converter = FileNameConverter.DirectoryConverter.class,
      description =
          "A directory of CMS files as downloaded (PPRRVU25_JAN.csv, PPRRVU2025_Oct.csv, "
              + "GPCI2025.csv, ANES2025.csv, OPPSCAP_*.csv...): each line is priced by the "
              + "release in force on its date; extracts start with the line '# cpt4j subset'. "
              + "See cpt data --cms-dir. Not with --rvu, --gpci, --opps-cap, --clfs, --dmepos, "
              + "--dme-rural-zips or --asp: put the file in the directory.")
  private Path cmsDir;

  @Option(
      names = "--ptp",
      paramLabel = "FILE",
      description =
          "A CMS NCCI procedure-to-procedure edit file (practitioner, ccipra-...txt, "
              + "tab-separated); repeat it for each part. A column 2 line the edits deny is not "
              + "priced (ncci_ptp) and the claim's other lines are priced without it. The "
              + "outpatient hospital files (ccioph-...) are refused.")
  private List<Path> ptp = new ArrayList<>();

  @Option(
      names = "--mue",
      paramLabel = "FILE",
      description =
          "A CMS NCCI practitioner services MUE file (MCR_MUE_PractitionerServices_...csv): a "
              + "line over the code's unit limit is not priced (ncci_mue). The outpatient "
              + "hospital and DME supplier files are refused.")
  private Path mue;

  /** Creates the command over the given pricing data. */
  PriceCommand(PricingData data) {
    this.data = requireNonNull(data, "data");
  }

  @Override
  public Integer call() throws IOException {
    checkUsage();
    // Lines given as arguments are few: explain them all. A batch explains only what is not
    // priced unless --explain asks, for the explanation costs more than the price. The data is
    // loaded first: with --cms-dir, --zip is looked up in the directory's ZIP code file of the
    // date of service.
    RowPricer pricer = openPricer(input == null || explain);
    LocalDate serviceDate = date == null ? LocalDate.now(ZoneId.systemDefault()) : date;
    PricingDefaults defaults =
        new PricingDefaults(
            defaultLocality(pricer, serviceDate),
            setting == null ? Setting.NON_FACILITY : setting.value(),
            serviceDate,
            // --zip is also where the patient lives, for the DMEPOS fee schedule.
            Optional.ofNullable(zip).map(ZipCode::digits),
            PractitionerChoice.forEveryProvider(practitioners).orElse(PractitionerType.PHYSICIAN),
            qualifyingApm,
            Optional.ofNullable(setting == null ? null : setting.pos),
            presentAtInduction,
            PractitionerChoice.byProvider(practitioners),
            // A locality of --zip alone gives way to a row's zip cell; one of --locality does not:
            // it is where the service was performed, the cell where the patient lives.
            locality == null && zip != null);
    return input == null ? priceLines(defaults, pricer) : priceBatch(defaults, pricer);
  }

  private Optional<Locality> defaultLocality(RowPricer pricer, LocalDate serviceDate) {
    if (zip == null && locality == null) {
      return Optional.empty();
    }
    if (locality != null && !pricer.knowsLocality(locality)) {
      // Refused here like an unknown ZIP code, rather than as every line's no_gpci_for_locality.
      throw new ParameterException(
          spec.commandLine(),
          "locality " + locality + " is not a Medicare payment locality; see cpt localities");
    }
    if (zip == null) {
      return Optional.of(locality);
    }
    // --zip is checked beside --locality too: there it is where the patient lives, and a ZIP code
    // in no locality priced the claim anyway, a DMEPOS line at 0.00 (no_beneficiary_zip).
    Optional<Locality> found = zipLocality(serviceDate);
    if (locality != null) {
      return Optional.of(locality);
    }
    // A batch over a directory counts the rows --zip places in a split ZIP code on their own
    // dates (the summary's warning), rather than warning once for --date.
    boolean placedByRowDates = input != null && cmsDir != null;
    if (!placedByRowDates
        && data.isSplitByPlusFour(zip, serviceDate, Optional.ofNullable(cmsDir))) {
      note("warning: " + BatchWarnings.splitZipOption(zip.digits(), found.get()));
    }
    return found;
  }

  /**
   * Returns the locality of {@code --zip} on {@code serviceDate}, empty only for a batch over a
   * directory whose ZIP code file of another quarter knows it.
   *
   * @throws ParameterException if no ZIP code table places it
   */
  private Optional<Locality> zipLocality(LocalDate serviceDate) {
    Optional<Locality> found = data.localityOf(zip, serviceDate, Optional.ofNullable(cmsDir));
    if (found.isEmpty()
        && input != null
        && cmsDir != null
        && data.isKnownOnAnyDate(zip, Optional.of(cmsDir))) {
      // A batch's rows are placed by the ZIP code file of each row's date (priceBatch): a ZIP code
      // that another quarter's file knows places the rows of that quarter, and a row of a date
      // whose file does not know it says so in its own message.
      return found;
    }
    if (found.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "ZIP code "
              + zip
              + " is in no Medicare payment locality"
              // A directory's ZIP code files are by quarter: say which date was looked up, or
              // for a batch, that no file knows it.
              + (cmsDir == null
                  ? ""
                  : input != null
                      ? " on any date of the ZIP code files of "
                          + cmsDir
                          + " (the bundled table when it has none)"
                      : " on "
                          + serviceDate
                          + (date == null ? " (today; give --date for another)" : " (--date)")));
    }
    return found;
  }

  private void checkUsage() {
    if (input == null && lines.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give claim lines or --input FILE.csv");
    }
    if (input != null && !lines.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give claim lines or --input, not both");
    }
    if (lines.size() > BatchPricing.MAX_CLAIM_LINES) {
      // A batch claim stops at the cap, its further rows claim_too_long; the same lines given as
      // arguments were all priced as one claim.
      throw new ParameterException(
          spec.commandLine(),
          lines.size()
              + " claim lines given, but a claim has at most "
              + BatchPricing.MAX_CLAIM_LINES
              + " lines, as in a batch file; price more with --input FILE.csv, a claim value"
              + " for each claim");
    }
    if (lines.contains(Inputs.STDIN)) {
      // cpt validate - reads standard input; here a lone dash was priced as a line, invalid_line.
      throw new ParameterException(
          spec.commandLine(),
          "'-' is no claim line; give --input - to price the CSV lines of standard input");
    }
    if (input != null && format() == Format.TABLE) {
      throw new ParameterException(spec.commandLine(), "batch output is csv or json");
    }
    if (input == null && cells.verbatim) {
      // It copies the cells of the file read; claim lines given as arguments have none, and
      // accepting it would suggest their output is written unescaped.
      throw new ParameterException(
          spec.commandLine(),
          "--verbatim copies the cells of an --input file: give it with --input");
    }
    try {
      PractitionerChoice.forEveryProvider(practitioners);
      PractitionerChoice.byProvider(practitioners);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (input == null && zip == null && locality == null) {
      throw new ParameterException(
          spec.commandLine(),
          "say where the service was performed: --zip ZIP or --locality MAC-LOC");
    }
    if (cmsDir != null) {
      // The directory prices every line from its own files (the bundled rows for a kind it
      // lacks): a single file beside it would be ignored, and its lines priced from another.
      String files = singleDataFilesGiven();
      if (!files.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(), "give --cms-dir or " + files + ", not both");
      }
    }
    if (cmsDir != null) {
      Inputs.checkDirectory("--cms-dir", cmsDir);
    }
    if (input != null) {
      Inputs.checkInput("--input", input);
    }
    Destination.checkDirectory("--output", output);
    Inputs.checkFiles(spec.commandLine(), "--ptp");
    for (String option : dataFilesGiven(true).keySet()) {
      Inputs.checkFiles(spec.commandLine(), option);
    }
    checkOutputIsNoInput();
  }

  /**
   * The single data file options given, as {@code --rvu/--clfs}; empty if none. Each replaces a
   * bundled table, which {@code --cms-dir} replaces as a whole.
   */
  private String singleDataFilesGiven() {
    return String.join("/", dataFilesGiven(false).keySet());
  }

  /**
   * The single data file options given, in the order of the help, each with its file; with {@code
   * --mue} after them when {@code withMue} and it is given.
   */
  private Map<String, Path> dataFilesGiven(boolean withMue) {
    Map<String, Path> files = new LinkedHashMap<>();
    putIfGiven(files, "--rvu", rvu);
    putIfGiven(files, "--gpci", gpci);
    putIfGiven(files, "--opps-cap", oppsCap);
    putIfGiven(files, "--clfs", clfs);
    putIfGiven(files, "--dmepos", dmepos);
    putIfGiven(files, "--dme-rural-zips", dmeRuralZips);
    putIfGiven(files, "--asp", asp);
    if (withMue) {
      putIfGiven(files, "--mue", mue);
    }
    return files;
  }

  private static void putIfGiven(Map<String, Path> files, String option, Path file) {
    if (file != null) {
      files.put(option, file);
    }
  }

  /** The output replaces its file at the end: it must not be a file this run reads. */
  private void checkOutputIsNoInput() {
    List<Map.Entry<String, String>> inputs = new ArrayList<>();
    if (input != null) {
      inputs.add(Map.entry("--input", input));
    }
    dataFilesGiven(true).forEach((option, file) -> inputs.add(Map.entry(option, file.toString())));
    for (Path file : ptp) {
      inputs.add(Map.entry("--ptp", file.toString()));
    }
    if (cmsDir != null && Destination.isInside(output, cmsDir)) {
      throw new ParameterException(
          spec.commandLine(),
          "--output must not be inside --cms-dir "
              + cmsDir
              + ": it would replace or join the data files that directory is read for");
    }
    Optional<String> overwritten = Destination.overwrittenInput(output, inputs);
    if (overwritten.isPresent()) {
      throw new ParameterException(
          spec.commandLine(),
          "--output must not be the file of " + overwritten.get() + ", which it would overwrite");
    }
  }

  private RowPricer openPricer(boolean explainPriced) {
    // The NCCI edits run on each claim before its lines are priced.
    List<ClaimEdit> edits =
        ptp.isEmpty() && mue == null
            ? List.of()
            // Professional claims: the outpatient hospital or DME supplier tables hold other
            // limits and pairs, and would deny or pass lines wrongly with a clean exit status.
            : List.of(
                ScrubCommand.NcciTables.load(
                    spec.commandLine(), ptp, mue, Optional.of(NcciClaimType.PRACTITIONER)));
    try {
      if (cmsDir != null) {
        return data.pricer(cmsDir, explainPriced, edits);
      }
      return data.pricer(
          new CmsFiles(
              Optional.ofNullable(rvu),
              Optional.ofNullable(gpci),
              Optional.ofNullable(oppsCap),
              Optional.ofNullable(clfs),
              Optional.ofNullable(dmepos),
              Optional.ofNullable(dmeRuralZips),
              Optional.ofNullable(asp)),
          explainPriced,
          edits);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      if (cmsDir != null) {
        throw Inputs.loadFailure(e, "--cms-dir", cmsDir);
      }
      throw Inputs.loadFailure(
          e, List.copyOf(dataFilesGiven(false).entrySet()), "the fee schedule");
    }
  }

  private int priceLines(PricingDefaults defaults, RowPricer linePricer) throws IOException {
    RowPricer pricer = limitingCharge ? linePricer.withLimitingCharges() : linePricer;
    List<Outcome> outcomes = new ArrayList<>(lines.size());
    List<String> labels = new ArrayList<>(lines.size());
    List<LineRequest> requests = new ArrayList<>();
    List<Integer> priced = new ArrayList<>();
    boolean allValid = true;
    for (String text : lines) {
      try {
        BilledLine line = LineArgument.parse(text);
        // The canonical form, with "by NPI" when the line names its rendering provider.
        labels.add(line.toString());
        requests.add(
            new LineRequest(
                line.line(),
                defaults.locality().orElseThrow(),
                defaults.setting(),
                defaults.date(),
                defaults.beneficiaryZip(),
                defaults.practitionerOf(line.renderingProvider()),
                defaults.qualifyingApm(),
                defaults.place(),
                defaults.presentAtInduction(),
                line.renderingProvider(),
                Optional.empty())); // a line argument has no charge: price refuses one
        priced.add(outcomes.size());
        outcomes.add(null);
      } catch (IllegalArgumentException e) {
        // A malformed claim line, NPI, or a charge or date: the line's outcome, not a failure.
        allValid = false;
        labels.add(text);
        outcomes.add(Outcome.notPriced("invalid_line", e.getMessage()));
      }
    }
    // An NPI=TYPE no line is by changes nothing: most likely a mistyped NPI.
    for (Npi npi : new TreeSet<>(defaults.providers().keySet())) {
      if (requests.stream().noneMatch(r -> r.renderingProvider().equals(Optional.of(npi)))) {
        note("warning: --practitioner " + npi + "=...: no valid line is by " + npi);
      }
    }
    if (!requests.isEmpty()) {
      // An invalid line is left out of the claim without renumbering the lines after it, as a
      // batch leaves out an invalid row: explanations name each line by its place in the output.
      // Always given, never null for "the positions": with every line valid they are the same.
      int[] lineNumbers = priced.stream().mapToInt(position -> position + 1).toArray();
      List<Outcome> results = pricer.price(requests, lineNumbers, !nonParticipating);
      for (int i = 0; i < priced.size(); i++) {
        outcomes.set(priced.get(i), results.get(i));
      }
    }
    Format chosen = format() == null ? Format.TABLE : format();
    // Without --explain a table still says why a line has no amount, as a batch does (a bare
    // invalid_line or not_in_schedule leaves the reader guessing which part of the line is wrong),
    // and gives a priced line's warnings, as CSV and JSON do.
    ExplanationColumn explanations = ExplanationColumn.of(outcomes, chosen, explain);
    boolean withExplanation = explanations.shown();
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    BigDecimal limitingTotal = BigDecimal.ZERO.setScale(2);
    int pricedCount = 0;
    int limitedCount = 0;
    for (Outcome outcome : outcomes) {
      total = total.add(outcome.amount().orElse(BigDecimal.ZERO));
      pricedCount += outcome.amount().isPresent() ? 1 : 0;
      limitingTotal = limitingTotal.add(outcome.limitingCharge().orElse(BigDecimal.ZERO));
      limitedCount += outcome.limitingCharge().isPresent() ? 1 : 0;
    }
    // No line with a limiting charge (lab tests, DMEPOS, a practitioner paid only on assignment):
    // no total either, as the library's PricedClaim.pricedTotal; 0.00 would read as a cap.
    Optional<BigDecimal> limitingSum =
        limitedCount == 0 ? Optional.empty() : Optional.of(limitingTotal);
    List<Column> measured = columnsFor(labels, outcomes, total);
    if (limitingCharge) {
      measured = LimitingChargeColumn.inserted(measured, outcomes, limitingSum);
    }
    int cells = measured.size() - 1;
    List<Column> columns = withExplanation ? measured : measured.subList(0, cells);
    try (Destination out = cpt.destination("--output", output, spec.commandLine().getOut())) {
      Report report = Report.create(chosen, columns, out.open(), cpt.interactive());
      for (int i = 0; i < lines.size(); i++) {
        Outcome outcome = outcomes.get(i);
        List<Object> row = new ArrayList<>(columns.size());
        row.add(labels.get(i));
        row.add(outcome.amount().orElse(null));
        if (limitingCharge) {
          row.add(outcome.limitingCharge().orElse(null));
        }
        row.add(outcome.result());
        if (withExplanation) {
          row.add(explanations.cell(outcome));
        }
        report.row(row.toArray());
      }
      // The claim's total closes every format; in CSV and JSON its result is "total" too, so
      // that a program tells it from a line.
      List<Object> row = new ArrayList<>(columns.size());
      row.add("total");
      row.add(total);
      if (limitingCharge) {
        row.add(limitingSum.orElse(null));
      }
      if (chosen == Format.TABLE) {
        row.add(null);
        if (withExplanation) {
          row.add(null);
        }
      } else {
        row.add("total");
        row.add(
            "sum of the "
                + pricedCount
                + (pricedCount == 1 ? " priced line's amount" : " priced lines' amounts")
                + (limitingCharge
                    ? limitedCount == 0
                        ? "; no line has a limiting charge"
                        : " and of the "
                            + limitedCount
                            + (limitedCount == 1
                                ? " line's limiting charge"
                                : " lines' limiting charges")
                    : ""));
      }
      report.row(row.toArray());
      report.finish();
      out.commit();
    } catch (OutputFailedException e) {
      throw new CliException(e.getMessage(), e);
    }
    Optional<String> uncovered = DateCoverage.nothingPriced(outcomes, date != null);
    if (uncovered.isPresent()) {
      // The default date is today: a run that priced nothing for its date says so, never 0.00.
      note(uncovered.get());
      return ExitStatus.INVALID_INPUT;
    }
    // A code the bundled sample lacks is not_in_schedule there and priced by CMS's whole file:
    // never a silent 0.00. Nothing priced is status 1, as a run out of the data's dates.
    List<String> notInSample = new ArrayList<>();
    boolean nothingPriced = true;
    for (int i = 0; i < outcomes.size(); i++) {
      nothingPriced &= !outcomes.get(i).isPriced();
      if (outcomes.get(i).notInSample()) {
        notInSample.add(labels.get(i));
      }
    }
    if (!notInSample.isEmpty()) {
      note(SampleCoverage.message(notInSample, nothingPriced, cmsDir != null));
      if (nothingPriced) {
        return ExitStatus.INVALID_INPUT;
      }
    }
    return allValid ? ExitStatus.OK : ExitStatus.INVALID_INPUT;
  }

  /** Writes one line to standard error, as {@code cpt price: ...}. */
  private void note(String line) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("cpt price: " + line);
    err.flush();
  }

  private int priceBatch(PricingDefaults defaults, RowPricer pricer) throws IOException {
    BatchPricing prices =
        new BatchPricing(
                defaults,
                !nonParticipating,
                pricer,
                // A row is placed by the ZIP code file in force on its date of service.
                (rowZip, on) -> data.localityOf(rowZip, on, Optional.ofNullable(cmsDir)),
                pricer::knowsLocality)
            .countingSplitZips(
                (rowZip, on) -> data.isSplitByPlusFour(rowZip, on, Optional.ofNullable(cmsDir)));
    BatchPricing batch = limitingCharge ? prices.withLimitingCharges() : prices;
    if (zip != null && locality == null && cmsDir != null) {
      // A directory may hold the ZIP code files of several quarters: --zip places each row by
      // the file of the row's date, as a zip cell does. (The bundled table is one table.)
      batch = batch.placingByDefaultZip(zip);
    }
    boolean fromFile = !Inputs.STDIN.equals(input);
    long size = -1;
    if (fromFile) {
      try {
        size = Files.size(Inputs.path(input));
      } catch (IOException e) {
        size = -1; // opening the file below reports the problem
      }
    }
    BatchPricing.Summary summary;
    try (CountingInputStream in =
            new CountingInputStream(Inputs.openUtf8("--input", input, cpt.stdin()));
        Destination out = cpt.destination("--output", output, spec.commandLine().getOut())) {
      ProgressBar bar =
          showProgress(out)
              ? new ProgressBar(spec.commandLine().getErr(), in::getCount, size, System::nanoTime)
              : null;
      boolean done = false;
      // Set when reading failed in the middle of a claim, whose rows read are then left out.
      StringBuilder leftOut = new StringBuilder();
      try {
        summary =
            batch.run(
                in,
                new BatchPricing.Output() {
                  @Override
                  public Writer open() throws IOException {
                    return out.open();
                  }

                  @Override
                  public OutputStream openBytes() throws IOException {
                    return out.openBytes();
                  }

                  @Override
                  public void claimLeftOut(String claim, int rows) {
                    leftOut
                        .append("; ")
                        .append(BatchPricing.claimNotReadWhole(claim, rows, "priced"));
                  }
                },
                format() == null ? Format.CSV : format(),
                cells.verbatim,
                bar == null ? rows -> {} : bar);
        out.commit();
        done = true;
      } catch (RowFailedException e) {
        // Not the header's fault, as an IllegalArgumentException from the pricer once read: the
        // row's line, and what failed.
        throw new CliException("cannot price " + Inputs.describe(input) + ": " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new CliException(Inputs.prefix(input) + ": " + e.getMessage(), e);
      } catch (OutputClosedException e) {
        throw e;
      } catch (OutputFailedException e) {
        throw new CliException(e.getMessage(), e);
      } catch (MalformedUtf8Exception e) {
        throw new CliException(Inputs.notUtf8(input, e).getMessage() + leftOut, e);
      } catch (IOException e) {
        // Not the pricing's: every failure to write is an OutputFailedException, caught above.
        throw new CliException(
            Inputs.cannotReadInput("--input", input) + ": " + Inputs.reason(e) + leftOut, e);
      } finally {
        if (bar != null && !done) {
          bar.abandon(); // the error gets a line of its own, not the end of the bar's
        }
      }
      if (bar != null) {
        bar.finish(summary.rows());
      }
    }
    // An NPI=TYPE no row is by changes nothing: most likely a mistyped NPI.
    for (String warning :
        BatchWarnings.ofPractitioners(
            defaults.providers().keySet(),
            summary.namesRenderingProviders(),
            summary.providersNamed(),
            defaults.practitioner().id())) {
      note("warning: " + warning);
    }
    for (BatchHeader.Lookalike lookalike : summary.lookalikes()) {
      // Other columns are carried through by design; one named like a known column was most
      // likely meant as it, and the rows were priced without it (one unit, no modifier).
      note("warning: " + lookalike.message());
    }
    if (summary.claimsBack().count() > 0) {
      // Claims are runs of adjacent rows: an unsorted file loses the multiple-procedure
      // reductions between the runs of one claim, an overpayment nothing else would show.
      note("warning: " + summary.claimsBack().message("priced"));
    }
    if (date == null && summary.undated() > 0) {
      // Today's date is right for a list of codes to quote, wrong for claims of the past: say so.
      note(
          String.format(
              Locale.ROOT,
              "warning: %,d %s no date of service and no --date was given: priced on today's"
                  + " date, %s",
              summary.undated(),
              summary.undated() == 1 ? "row has" : "rows have",
              defaults.date()));
    }
    if (summary.splitZips() > 0) {
      note("warning: " + BatchWarnings.splitZipRows(summary.splitZips()));
    }
    if (cpt.interactive()) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf(
          Locale.ROOT,
          "%,d rows: %,d priced, %,d not priced (%,d invalid)%n",
          summary.rows(),
          summary.priced(),
          summary.notPriced(),
          summary.invalid());
      err.flush();
    }
    if (summary.priced() == 0 && summary.dateNotCovered() > 0) {
      // The rows' dates are the user's when --date was given or no row took today's date.
      note(DateCoverage.message(summary.coverage(), date != null || summary.undated() == 0));
      return ExitStatus.INVALID_INPUT;
    }
    if (summary.notInSample() > 0) {
      // As for lines given as arguments: status 1 when nothing was priced, else a warning.
      note(SampleCoverage.message(summary.notInSample(), summary.priced() == 0, cmsDir != null));
      if (summary.priced() == 0) {
        return ExitStatus.INVALID_INPUT;
      }
    }
    return summary.invalid() == 0 ? ExitStatus.OK : ExitStatus.INVALID_INPUT;
  }

  /**
   * Returns {@code --format}, or the format an {@code --output} file's name ends in ({@code .csv},
   * {@code .json}, in any case), or null for the command's default: a file named {@code x.csv}
   * holding an aligned table is never what was meant.
   */
  private Format format() {
    if (format != null || output == null || Inputs.STDIN.equals(output)) {
      return format;
    }
    String name = output.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return Format.CSV;
    }
    return name.endsWith(".json") ? Format.JSON : null;
  }

  /**
   * Tells whether to draw the progress bar: as {@code --progress} or {@code --no-progress} says,
   * else when a person watches at a terminal that standard error goes to, and the results go
   * elsewhere, so that {@code --output f 2>log} keeps the bar's redrawn lines out of the log.
   */
  private boolean showProgress(Destination out) {
    if (progress != null) {
      return progress && !out.toStandardError();
    }
    return cpt.interactive() && out.toFile() && Terminal.isStandardErrorTerminal();
  }

  /**
   * Reads {@code --date} as an ISO date, with picocli's message replaced by ours: the date quoted,
   * what is wrong at which index of it ({@link IsoDate}'s words), and the form expected, as a
   * malformed code is told: {@code '2025-13-01' is not a date: month 13 at index 5 is not 01 to 12;
   * expected YYYY-MM-DD, such as 2025-06-01}.
   */
  static LocalDate date(String value) {
    // The index is into the text quoted, so both are the stripped text.
    String text = value.strip();
    try {
      // The strict reader of every date: ISO's parser also takes +10000-01-01 and -0001-01-01.
      return IsoDate.parse(text);
    } catch (DateTimeParseException e) {
      // The words of a batch's date cell.
      throw new TypeConversionException(RowParser.notADate(text, e));
    }
  }
}
