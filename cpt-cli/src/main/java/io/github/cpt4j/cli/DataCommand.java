package io.github.cpt4j.cli;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.cli.price.PricingData;
import io.github.cpt4j.cli.report.VisibleText;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cpt data}: the Medicare releases the data holds and the dates they cover. */
@Command(
    name = "data",
    sortOptions = false,
    description = {
      "List the Medicare releases cpt prices with: each release's id, the dates of service it "
          + "is in force for, its relative value rows and localities, and the files found.",
      "",
      "Without --cms-dir, the bundled data; with it, the CMS files in that directory as "
          + "downloaded (PPRRVU25_JAN.csv, PPRRVU2025_Oct.csv, GPCI2025.csv, ANES2025.csv, "
          + "OPPSCAP_*.csv, ZIP5_*.txt, in sub-directories up to 8 levels down)."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  cpt data", "  cpt data --cms-dir ~/cms"})
final class DataCommand implements Callable<Integer> {

  private final PricingData data;

  @Spec private CommandSpec spec;

  @Option(
      names = "--cms-dir",
      paramLabel = "DIR",
      converter = FileNameConverter.DirectoryConverter.class,
      description = "A directory of CMS files as downloaded, instead of the bundled data.")
  private Path cmsDir;

  /** Creates the command over the given data. */
  DataCommand(PricingData data) {
    this.data = requireNonNull(data, "data");
  }

  @Override
  public Integer call() {
    if (cmsDir != null) {
      Inputs.checkDirectory("--cms-dir", cmsDir);
    }
    String text;
    try {
      text = data.describe(Optional.ofNullable(cmsDir));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      // Without --cms-dir the bundled data was read: no option, no directory to name.
      throw cmsDir == null
          ? Inputs.loadFailure(e, List.of(), "the bundled data")
          : Inputs.loadFailure(e, "--cms-dir", cmsDir);
    }
    PrintWriter out = spec.commandLine().getOut();
    // The text names the files found by their paths in the directory, which may hold control
    // characters (an escape sequence in a sub-directory's name): escaped line by line, as the
    // messages and the table cells write them.
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      out.print(i == 0 ? VisibleText.of(lines[i]) : "\n" + VisibleText.of(lines[i]));
    }
    out.flush();
    return ExitStatus.OK;
  }
}
