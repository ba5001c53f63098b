package io.github.cpt4j.cli;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.cli.price.PricingData;
import io.github.cpt4j.cli.price.ZipCode;
import io.github.cpt4j.cli.report.Column;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
          + "with three decimals, as CMS prints them.",
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
          "Only this state or territory, such as NY or PR; a territory without a locality of"
              + " its own (GU, AS, MP) shows the locality of its ZIP codes.")
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
    if (gpci != null) {
      Inputs.checkFile("--gpci", gpci);
    }
    List<Gpci> all;
    try {
      all = data.localities(Optional.ofNullable(gpci));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw Inputs.loadFailure(
          e, gpci == null ? List.of() : List.of(Map.entry("--gpci", gpci)), "the localities");
    }
    List<Gpci> chosen = new ArrayList<>();
    for (Gpci locality : all) {
      if ((state == null || state.equals(locality.state()))
          && ofZip.map(locality.locality()::equals).orElse(true)) {
        chosen.add(locality);
      }
    }
    if (chosen.isEmpty() && state != null) {
      // A territory without a row of its own: the localities CMS's ZIP5 file puts its ZIP codes in.
      Set<Locality> ofState = data.localitiesOfZipCodesIn(state);
      for (Gpci locality : all) {
        if (ofState.contains(locality.locality())) {
          chosen.add(locality);
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Report report = Report.create(output.format, columnsFor(chosen), out, false)) {
      for (Gpci locality : chosen) {
        report.row(
            locality.locality().toString(),
            locality.state(),
            locality.name(),
            asCmsPrints(locality.work()),
            asCmsPrints(locality.practiceExpense()),
            asCmsPrints(locality.malpractice()));
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
