package io.github.cpt4j.cli;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.cli.price.PricingData;
import io.github.cpt4j.cli.price.ZipCode;
import io.github.cpt4j.cli.report.Column;
import io.github.cpt4j.cli.report.Format;
import io.github.cpt4j.cli.report.Report;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code cpt localities}: the Medicare payment localities and their GPCIs. */
@Command(
    name = "localities",
    sortOptions = false,
    description = {
      "List the Medicare payment localities: MAC, locality number, state, name and the "
          + "three geographic practice cost indices (work, practice expense, malpractice).",
      "",
      "The LOCALITY column (MAC-LOC) is what cpt price --locality takes. GPCIs are shown "
          + "with three decimals, as CMS prints them. SHARED_WITH names the other states whose "
          + "ZIP codes a locality covers, by CMS's ZIP code file (the table shows it only when "
          + "a row has some; CSV and JSON always).",
      "",
      "Exit status 1 when --state names no locality; 2 when the --zip code is in none."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cpt localities --state NY",
      "  cpt localities --zip 10001",
      "  cpt localities --format csv > localities.csv"
    })
final class LocalitiesCommand implements Callable<Integer> {

  private static final List<Column> COLUMNS =
      List.of(
          Column.text("locality", 8),
          Column.text("state", 5),
          Column.text("name", 36),
          Column.number("work_gpci", 9),
          Column.number("pe_gpci", 7),
          Column.number("mp_gpci", 7));

  private final PricingData data;

  @Spec private CommandSpec spec;

  @Option(
      names = "--state",
      paramLabel = "XX",
      converter = StateConverter.class,
      description =
          "Only the localities that cover part of this state or territory, such as NY or PR:"
              + " its own, and another state's that holds some of its ZIP codes (12202-01, DC's,"
              + " for MD and VA; 01212-01, Hawaii's, for GU, AS and MP), whose shared_with"
              + " column names the other states it covers.")
  private String state;

  @Option(
      names = {"-z", "--zip"},
      paramLabel = "ZIP",
      description = "Only the locality of this ZIP code.")
  private ZipCode zip;

  @Mixin private FormatOption output;

  @Option(
      names = "--gpci",
      paramLabel = "FILE",
      description = "A CMS GPCI file (GPCI...csv) instead of the bundled 2025 table.")
  private Path gpci;

  /** Creates the command over the given data. */
  LocalitiesCommand(PricingData data) {
    this.data = requireNonNull(data, "data");
  }

  @Override
  public Integer call() throws IOException {
    if (zip != null && state != null) {
      throw new ParameterException(spec.commandLine(), "give --state or --zip, not both");
    }
    Optional<Locality> ofZip = Optional.empty();
    if (zip != null) {
      ofZip = data.localityOf(zip);
      if (ofZip.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(), "ZIP code " + zip + " is in no Medicare payment locality");
      }
      // The bundled table, the one ofZip came from: one table whatever the date.
      if (data.isSplitByPlusFour(zip, LocalDate.now(ZoneId.systemDefault()), Optional.empty())) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(
            "cpt localities: warning: CMS splits ZIP code "
                + zip.digits()
                + " between payment localities and prices it by its ZIP+4; shown is the locality"
                + " of its five-digit row");
        err.flush();
      }
    }
    Inputs.checkFiles(spec.commandLine(), "--gpci");
    List<Gpci> all;
    try {
      all = data.localities(Optional.ofNullable(gpci));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw Inputs.loadFailure(
          e, gpci == null ? List.of() : List.of(Map.entry("--gpci", gpci)), "the localities");
    }
    // A locality can cover ZIP codes of states other than its GPCI row's (12202-01, DC's, covers
    // suburbs of Maryland and Virginia; 01212-01, Hawaii's, Guam and the other Pacific
    // territories): a state lists every locality that covers part of it, marked as shared.
    Map<Locality, SortedSet<String>> statesOf = data.statesOfLocalities();
    List<Gpci> chosen = new ArrayList<>();
    for (Gpci locality : all) {
      if ((state == null
              || state.equals(locality.state())
              || statesOf.getOrDefault(locality.locality(), EMPTY).contains(state))
          && ofZip.map(locality.locality()::equals).orElse(true)) {
        chosen.add(locality);
      }
    }
    List<String> shared = new ArrayList<>(chosen.size());
    for (Gpci locality : chosen) {
      shared.add(sharedWith(locality, statesOf.getOrDefault(locality.locality(), EMPTY)));
    }
    // The table shows the column only when a row is shared, as before for every other state; CSV
    // and JSON always have it, so that a program reads one set of columns.
    boolean sharedColumn =
        output.format != Format.TABLE || shared.stream().anyMatch(s -> s != null);
    List<Column> columns = columnsFor(chosen);
    if (sharedColumn) {
      columns.add(Column.text("shared_with", 11));
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Report report = Report.create(output.format, columns, out, false)) {
      for (int i = 0; i < chosen.size(); i++) {
        Gpci locality = chosen.get(i);
        List<Object> row = new ArrayList<>(columns.size());
        row.add(locality.locality().toString());
        row.add(locality.state());
        row.add(locality.name());
        row.add(asCmsPrints(locality.work()));
        row.add(asCmsPrints(locality.practiceExpense()));
        row.add(asCmsPrints(locality.malpractice()));
        if (sharedColumn) {
          row.add(shared.get(i));
        }
        report.row(row.toArray());
      }
      report.finish();
    }
    int shown = chosen.size();
    if (shown == 0 && ofZip.isPresent()) {
      // The ZIP table and the GPCI file disagree: --gpci names a table without the locality.
      throw new CliException(
          "ZIP code " + zip + " is in locality " + ofZip.get() + ", which has no GPCIs here");
    }
    if (shown == 0 && state != null) {
      spec.commandLine()
          .getErr()
          .println(
              spec.qualifiedName() + ": no locality in state " + CodeFormatException.quote(state));
      return ExitStatus.INVALID_INPUT;
    }
    return ExitStatus.OK;
  }

  private static final SortedSet<String> EMPTY = Collections.emptySortedSet();

  /**
   * Returns the states other than its GPCI row's whose ZIP codes {@code locality} covers, separated
   * by spaces ({@code MD VA} for 12202-01), or null when it covers its own state's alone.
   */
  private static String sharedWith(Gpci locality, SortedSet<String> states) {
    List<String> others = new ArrayList<>(states);
    others.remove(locality.state());
    return others.isEmpty() ? null : String.join(" ", others);
  }

  /**
   * Returns {@link #COLUMNS} with the name column as wide as the longest name shown: the list is in
   * memory, and a name such as San Francisco's (82 characters) pushed the GPCIs out of line.
   */
  private static List<Column> columnsFor(List<Gpci> localities) {
    int name = COLUMNS.get(2).width();
    for (Gpci locality : localities) {
      name = Math.max(name, locality.name().length());
    }
    List<Column> columns = new ArrayList<>(COLUMNS);
    columns.set(2, Column.text("name", name));
    return columns;
  }

  /**
   * Returns {@code gpci} with three decimals, as CMS's GPCI files print it (1.000, not 1); a value
   * with more decimals is shown whole.
   */
  private static BigDecimal asCmsPrints(BigDecimal gpci) {
    return gpci.scale() >= 3 ? gpci : gpci.setScale(3, RoundingMode.UNNECESSARY);
  }

  /** Reads {@code --state}: two letters, in any case. */
  static final class StateConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String s = Main.optionValue(value);
      // ASCII letters, tested before upper-casing: U+0131 (dotless i) upper-cases to I.
      if (s.length() != 2 || !isAsciiLetter(s.charAt(0)) || !isAsciiLetter(s.charAt(1))) {
        throw new TypeConversionException(
            CodeFormatException.quote(value) + " is not a state: expected two letters, such as NY");
      }
      return s.toUpperCase(Locale.ROOT);
    }

    private static boolean isAsciiLetter(char c) {
      return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
  }
}
