package io.github.cpt4j.cli;

import io.github.cpt4j.cli.input.MalformedUtf8Exception;
import io.github.cpt4j.cli.price.BatchHeader;
import io.github.cpt4j.cli.price.BatchPricing;
import io.github.cpt4j.cli.price.BatchScrub;
import io.github.cpt4j.cli.report.OutputClosedException;
import io.github.cpt4j.cli.report.OutputFailedException;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.ncci.MueFile;
import io.github.cpt4j.data.ncci.PtpFile;
import io.github.cpt4j.edit.ncci.MueTable;
import io.github.cpt4j.edit.ncci.NcciClaimType;
import io.github.cpt4j.edit.ncci.NcciEdits;
import io.github.cpt4j.edit.ncci.PtpTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cpt scrub}: checks a CSV file of claim lines against Medicare's NCCI edits, the
 * procedure-to-procedure and medically unlikely edits of CMS's files, and writes every row with
 * what the edits found.
 */
@Command(
    name = "scrub",
    sortOptions = false,
    description = {
      "Check claim lines against Medicare's NCCI edits before billing.",
      "",
      "Reads the batch format of 'cpt price --input' (code, modifiers, units, date, "
          + "rendering_provider, claim; adjacent rows with the same claim value are one claim, "
          + "the edits apply within each date and, for practitioner files, each rendering "
          + "provider's NPI, and a value "
          + "that comes back after other claims gets a warning) and writes every row with "
          + "an 'edits' column: empty when the line passes, else each finding as "
          + "'ncci_ptp: ...' or 'ncci_mue: ...' with what would fix it. The edit files are "
          + "CMS's quarterly NCCI files, which you download from CMS (they are not bundled): "
          + "--ptp for each part of the procedure-to-procedure table, --mue for the medically "
          + "unlikely edits of the same claim type (practitioner or outpatient hospital "
          + "services; DME supplier services have MUEs only). Tables whose files say different "
          + "claim types are refused.",
      "",
      "Exit status 1 when any row has a finding or cannot be read; a line dated outside the "
          + "MUE file's quarter is 'ncci_mue: ... was not checked against its MUE' and counts, "
          + "and so does a line dated after the PTP files' quarter (their release, v322r0 for "
          + "July to September 2026), 'ncci_ptp: ... was checked against the PTP table of ...'."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cpt scrub --input claims.csv --output scrubbed.csv \\",
      "      --ptp ccipra-v322r0-f1.txt --ptp ccipra-v322r0-f2.txt \\",
      "      --mue MCR_MUE_PractitionerServices_Eff_07-01-2026.csv"
    })
final class ScrubCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @ParentCommand private CptCommand cpt;

  @Option(
      names = {"-i", "--input"},
      converter = FileNameConverter.class,
      required = true,
      paramLabel = "FILE.csv",
      description = "The claim lines, CSV with a header row (- for standard input).")
  private String input;

  @Option(
      names = {"-o", "--output"},
      converter = FileNameConverter.class,
      paramLabel = "FILE",
      description = "Write the rows here instead of standard output.")
  private String output;

  @Mixin private VerbatimOption cells;

  @Option(
      names = "--ptp",
      paramLabel = "FILE",
      description =
          "A part of CMS's NCCI procedure-to-procedure table (tab-separated .txt); repeat for each part.")
  private List<Path> ptp = new ArrayList<>();

  @Option(
      names = "--mue",
      paramLabel = "FILE",
      description = "CMS's NCCI medically unlikely edit file (.csv) of the same claim type.")
  private Path mue;

  @Option(
      names = {"-d", "--date"},
      paramLabel = "YYYY-MM-DD",
      description = "Date of service of rows without one; default today.")
  private LocalDate date;

  @Override
  public Integer call() throws IOException {
    if (ptp.isEmpty() && mue == null) {
      throw new ParameterException(
          spec.commandLine(), "give the edits: --ptp FILE (each part) and/or --mue FILE");
    }
    // Before the edits load, as the output: a whole PTP table takes seconds to read.
    Inputs.checkInput("--input", input);
    Destination.checkDirectory("--output", output);
    List<Map.Entry<String, String>> inputs = new ArrayList<>();
    inputs.add(Map.entry("--input", input));
    for (Path part : ptp) {
      inputs.add(Map.entry("--ptp", part.toString()));
    }
    if (mue != null) {
      inputs.add(Map.entry("--mue", mue.toString()));
    }
    Optional<String> overwritten = Destination.overwrittenInput(output, inputs);
    if (overwritten.isPresent()) {
      throw new ParameterException(
          spec.commandLine(),
          "--output must not be the file of " + overwritten.get() + ", which it would overwrite");
    }
    // Any claim type, as long as the PTP and MUE tables are of the same one.
    NcciEdits edits = NcciTables.load(spec.commandLine(), ptp, mue, Optional.empty());
    LocalDate defaultDate = date == null ? LocalDate.now(ZoneId.systemDefault()) : date;
    BatchScrub scrub = new BatchScrub(edits, defaultDate);
    BatchScrub.Summary summary;
    // Set when reading failed in the middle of a claim, whose rows read are then left out.
    StringBuilder leftOut = new StringBuilder();
    // The output is a temporary file renamed into place on success (see Destination), opened only
    // once the input's header is known to be good.
    try (InputStream in = Inputs.openUtf8("--input", input, cpt.stdin());
        Destination out = cpt.destination("--output", output, spec.commandLine().getOut())) {
      summary =
          scrub.run(
              in,
              new BatchPricing.Output() {
                @Override
                public Writer open() throws IOException {
                  return out.open();
                }

                @Override
                public void claimLeftOut(String claim, int rows) {
                  // As price says it: the rows written are not all of the input's claims.
                  leftOut
                      .append("; ")
                      .append(BatchPricing.claimNotReadWhole(claim, rows, "checked"));
                }
              },
              cells.verbatim);
      out.commit();
    } catch (IllegalArgumentException e) {
      throw new CliException(Inputs.prefix(input) + ": " + e.getMessage(), e);
    } catch (OutputFailedException e) {
      throw new CliException(e.getMessage(), e);
    } catch (OutputClosedException e) {
      throw e;
    } catch (MalformedUtf8Exception e) {
      throw new CliException(Inputs.notUtf8(input, e).getMessage() + leftOut, e);
    } catch (IOException e) {
      // Not the scrub's: every failure to write is an OutputFailedException, caught above.
      throw new CliException(
          Inputs.cannotReadInput("--input", input) + ": " + Inputs.reason(e) + leftOut, e);
    }
    for (BatchHeader.Lookalike lookalike : summary.lookalikes()) {
      // Other columns are carried through by design; one named like a known column was most
      // likely meant as it, and the rows were checked without it (one unit, no modifier).
      PrintWriter err = spec.commandLine().getErr();
      err.println("cpt scrub: warning: " + lookalike.message());
      err.flush();
    }
    if (summary.claimsBack().count() > 0) {
      // Claims are runs of adjacent rows: an unsorted file hides the pair edits and the per-date
      // unit limits between the runs of one claim.
      PrintWriter err = spec.commandLine().getErr();
      err.println("cpt scrub: warning: " + summary.claimsBack().message("checked"));
      err.flush();
    }
    if (date == null && summary.undated() > 0) {
      // The edits in force depend on the date: today's are wrong for claims of the past.
      PrintWriter err = spec.commandLine().getErr();
      err.printf(
          Locale.ROOT,
          "cpt scrub: warning: %,d %s no date of service and no --date was given: checked with the"
              + " edits in force today, %s%n",
          summary.undated(),
          summary.undated() == 1 ? "row has" : "rows have",
          defaultDate);
      err.flush();
    }
    if (summary.alone() > 1) {
      // A clean result would mislead: pair edits and per-date unit limits look across the lines
      // of one claim, and these rows had none to look across.
      PrintWriter err = spec.commandLine().getErr();
      err.printf(
          Locale.ROOT,
          "cpt scrub: warning: %,d rows have no claim value and were each checked as a claim of"
              + " one line, so no pair edit or per-date unit limit could join them; give the rows"
              + " of a claim one value in a claim column%n",
          summary.alone());
      err.flush();
    }
    if (cpt.interactive()) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf(
          Locale.ROOT,
          "%,d rows: %,d with findings, %,d invalid%n",
          summary.rows(),
          summary.withFindings(),
          summary.invalid());
      err.flush();
    }
    return summary.withFindings() == 0 && summary.invalid() == 0
        ? ExitStatus.OK
        : ExitStatus.INVALID_INPUT;
  }

  /** Loads the NCCI tables the options name; shared by {@code price} and {@code scrub}. */
  static final class NcciTables {
    private NcciTables() {}

    /**
     * Loads the tables of {@code --ptp} and {@code --mue}, which must be of one claim type, and of
     * {@code required} when given.
     *
     * @throws ParameterException if a table says it is for another claim type than {@code required}
     *     or the other table's: CMS's tables of different claim types hold different edits, and a
     *     claim checked against another type's would be denied or passed wrongly
     */
    static NcciEdits load(
        CommandLine commandLine,
        List<Path> ptpFiles,
        Path mueFile,
        Optional<NcciClaimType> required) {
      // Each file by name first, as given on the command line: an error from the loader would not
      // say which part is missing.
      Inputs.checkFiles(commandLine, "--ptp");
      Inputs.checkFiles(commandLine, "--mue");
      try {
        // The types first, the PTP table's from its names: a whole table takes seconds to load,
        // and the wrong one is refused before that.
        Optional<NcciClaimType> pairs =
            ptpFiles.isEmpty() ? Optional.empty() : PtpFile.claimTypeOf(ptpFiles);
        MueTable mue = mueFile == null ? null : MueFile.read(mueFile);
        if (required.isPresent() && !ptpFiles.isEmpty()) {
          requireType(commandLine, "--ptp " + ptpFiles.get(0), "PTP", pairs, required.get());
        }
        if (required.isPresent() && mue != null) {
          requireType(commandLine, "--mue " + mueFile, "MUE", mue.claimType(), required.get());
        }
        if (!ptpFiles.isEmpty() && mue != null) {
          requireOneType(commandLine, ptpFiles.get(0), pairs, mueFile, mue);
        }
        PtpTable ptp = ptpFiles.isEmpty() ? null : PtpFile.read(ptpFiles);
        if (ptp == null) {
          return NcciEdits.ofMue(mue);
        }
        return mue == null
            ? NcciEdits.ofPtp(ptp)
            : ofOneQuarter(commandLine, ptpFiles, ptp, mueFile, mue);
      } catch (DataLoadException e) {
        throw new CliException(e.getMessage(), e);
      } catch (IOException e) {
        List<Map.Entry<String, Path>> files = new ArrayList<>();
        for (Path part : ptpFiles) {
          files.add(Map.entry("--ptp", part));
        }
        if (mueFile != null) {
          files.add(Map.entry("--mue", mueFile));
        }
        throw new CliException(Inputs.cannotRead(e, files, "the NCCI edits"), e);
      }
    }

    /**
     * Refuses a table that says it is for another claim type than {@code required}; one that does
     * not say (a PTP file renamed from CMS's name) is taken as given.
     */
    private static void requireType(
        CommandLine commandLine,
        String option,
        String edits,
        Optional<NcciClaimType> given,
        NcciClaimType required) {
      if (given.isPresent() && given.get() != required) {
        throw new ParameterException(
            commandLine,
            option
                + " is the "
                + given.get().words()
                + " "
                + edits
                + " table; "
                + commandLine.getCommandSpec().qualifiedName()
                + " needs the "
                + required.words()
                + " one");
      }
    }

    /**
     * The edits of both tables, or a usage error naming both files when their names say a PTP
     * quarter before the MUE one ({@code ccipra-v322r0} is July to September 2026, {@code
     * Eff_10-01-2026} the next quarter): the claim types are checked before, so the quarters are
     * what {@link NcciEdits#of} can still refuse.
     */
    private static NcciEdits ofOneQuarter(
        CommandLine commandLine, List<Path> ptpFiles, PtpTable ptp, Path mueFile, MueTable mue) {
      try {
        return NcciEdits.of(ptp, mue);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            commandLine, "--ptp " + ptpFiles.get(0) + ", --mue " + mueFile + ": " + e.getMessage());
      }
    }

    /** Refuses a PTP and an MUE table that say they are for different claim types. */
    private static void requireOneType(
        CommandLine commandLine,
        Path ptpFile,
        Optional<NcciClaimType> pairs,
        Path mueFile,
        MueTable mue) {
      NcciClaimType units = mue.claimType().orElse(null);
      if (units != null && !units.hasPtpEdits()) {
        // Whatever the PTP files are, they are not the DME supplier claims' edits: there are none.
        throw new ParameterException(
            commandLine,
            "--mue "
                + mueFile
                + " is the "
                + units.words()
                + " MUE table, and CMS publishes no PTP table for them: give --mue alone, or the"
                + " MUE table of the --ptp files' claim type");
      }
      if (pairs.isPresent() && units != null && pairs.get() != units) {
        throw new ParameterException(
            commandLine,
            "--ptp "
                + ptpFile
                + " is the "
                + pairs.get().words()
                + " PTP table but --mue "
                + mueFile
                + " the "
                + units.words()
                + " MUE table: give the tables of one claim type");
      }
    }
  }
}
