package io.github.cpt4j.cli;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code cpt} command. It does nothing itself but hold what every subcommand shares:
 * {@code --help}, {@code --version} and {@code --debug}, inherited by all of them, and the
 * process's standard input and interactivity, which tests replace.
 */
@Command(
    name = "cpt",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Look up, validate and price CPT and HCPCS Level II procedure codes.",
      "",
      "CPT is a registered trademark of the American Medical Association. The bundled "
          + "descriptions are plain-language summaries for demonstration, not AMA text."
    },
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:everything was valid and done",
      "1:some input (a code, a line, a row) was invalid; the rest was processed",
      "2:trouble: a usage error, a file that cannot be read or written, an internal error, "
          + "or an output closed early (piped into head)"
    })
final class CptCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "On failure, print the stack trace as well as the one-line message.")
  private boolean debug;

  private final InputStream stdin;
  private final boolean interactive;
  private final Function<WriteBehind.Sync, WriteBehind> writeBehinds;

  CptCommand(InputStream stdin, boolean interactive) {
    this(stdin, interactive, WriteBehind::new);
  }

  /** With another {@link WriteBehind} for output files: a test breaks their syncs. */
  CptCommand(
      InputStream stdin,
      boolean interactive,
      Function<WriteBehind.Sync, WriteBehind> writeBehinds) {
    this.stdin = requireNonNull(stdin, "stdin");
    this.interactive = interactive;
    this.writeBehinds = requireNonNull(writeBehinds, "writeBehinds");
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  /** Tells whether {@code --debug} was given, on this command or any subcommand. */
  boolean debug() {
    return debug;
  }

  /** Returns the standard input: {@code System.in}, or what a test supplies. */
  InputStream stdin() {
    return stdin;
  }

  /** Tells whether a person is watching: flush each result, show progress. */
  boolean interactive() {
    return interactive;
  }

  /**
   * Where the commands' results go: {@code name}, or standard output for none or {@code -}.
   *
   * @param option the option that named the output, as {@code --output}, named in its errors
   */
  Destination destination(String option, String name, PrintWriter stdout) {
    return Destination.of(option, name, stdout, writeBehinds);
  }
}
