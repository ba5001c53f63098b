package io.github.cpt4j.cli;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.cli.input.LineReader;
import io.github.cpt4j.cli.report.Column;
import io.github.cpt4j.cli.report.Format;
import io.github.cpt4j.cli.report.OutputClosedException;
import io.github.cpt4j.cli.report.Report;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cpt validate}: checks a file of codes or claim lines, one per line, and reports every
 * invalid line with its number, the type of error and the index at which it was found. Streams:
 * memory does not grow with the input.
 */
@Command(
    name = "validate",
    sortOptions = false,
    description = {
      "Check codes or claim lines, one per line, and report each invalid line.",
      "",
      "A line is a code (99213, 0001F, G0438) or a claim line in the library's grammar: "
          + "a code, up to four modifiers separated by hyphens or spaces, and optional units "
          + "written xN (27447-RT, 99213-25-59, 71046-26 x2). Letters may be lower case and "
          + "surrounding blanks are ignored. Blank lines and lines whose first non-blank "
          + "character is # are skipped.",
      "",
      "Each invalid line is reported with its number (from 1), the error type (such as "
          + "WRONG_LENGTH or ILLEGAL_CHARACTER) and the 0-based index in the line where the "
          + "problem was found. Lines longer than "
          + ValidateCommand.MAX_LINE_LENGTH
          + " characters are reported as LINE_TOO_LONG. The input is read as UTF-8."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cpt validate codes.txt",
      "  cut -d, -f1 claims.csv | cpt validate --format csv > problems.csv",
      "  cpt validate --all --format json codes.txt"
    })
final class ValidateCommand implements Callable<Integer> {

  /** No claim line is anywhere near this long; longer lines are cut and reported. */
  static final int MAX_LINE_LENGTH = 1024;

  /** The error type of a line longer than {@link #MAX_LINE_LENGTH}. */
  static final String LINE_TOO_LONG = "LINE_TOO_LONG";

  private static final List<Column> COLUMNS =
      List.of(
          Column.number("line", 6),
          Column.text("result", 7),
          Column.text("input", 16),
          Column.text("canonical", 16),
          Column.text("error", 18),
          Column.number("index", 5),
          Column.text("message", 0));

  private static final List<Column> TABLE_COLUMNS =
      List.of(
          Column.number("line", 6),
          Column.number("index", 5),
          Column.text("error", 18),
          Column.text("detail", 0));

  @Spec private CommandSpec spec;

  @ParentCommand private CptCommand cpt;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      defaultValue = Inputs.STDIN,
      description = "The file to check; - or nothing for standard input.")
  private String file;

  @Mixin private FormatOption output;

  @Option(
      names = {"-a", "--all"},
      description = "Report valid lines too, with their canonical form.")
  private boolean all;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing; only the exit status tells (0 all valid, 1 some invalid).")
  private boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Report report =
        quiet
            ? null
            : output.format == Format.TABLE
                ? Report.create(output.format, TABLE_COLUMNS, out, cpt.interactive())
                : Report.create(output.format, COLUMNS, out, cpt.interactive());
    long lines = 0;
    long skipped = 0;
    long invalid = 0;
    try (LineReader reader = new LineReader(Inputs.openText(file, cpt.stdin()), MAX_LINE_LENGTH)) {
      for (String line; (line = next(reader)) != null; ) {
        lines++;
        if ((lines & 1023) == 0) {
          OutputClosedException.check(out);
        }
        long number = reader.lineNumber();
        if (reader.truncated()) {
          invalid++;
          if (report != null) {
            invalid(
                report,
                number,
                line + "...",
                LINE_TOO_LONG,
                MAX_LINE_LENGTH,
                "the line has "
                    + reader.length()
                    + " characters; at most "
                    + MAX_LINE_LENGTH
                    + " are read");
          }
          continue;
        }
        if (isBlankOrComment(line)) {
          skipped++;
          continue;
        }
        try {
          String canonical = parse(line);
          if (all && report != null) {
            valid(report, number, line, canonical);
          }
        } catch (CodeFormatException e) {
          invalid++;
          if (report != null) {
            invalid(report, number, line, e.errorType().name(), e.errorIndex(), e.getMessage());
          }
        }
      }
    }
    if (report != null) {
      report.finish();
      if (output.format == Format.TABLE) {
        out.println(summary(lines, skipped, invalid));
      }
    }
    return invalid == 0 ? ExitStatus.OK : ExitStatus.INVALID_INPUT;
  }

  private String next(LineReader reader) {
    try {
      return reader.next();
    } catch (IOException e) {
      throw new CliException(
          "cannot read '" + file + "' after line " + reader.lineNumber() + ": " + Inputs.reason(e),
          e);
    }
  }

  /**
   * Parses one line: a single token with the code parser, whose messages speak of a code, and
   * anything longer with the claim-line parser. Returns the canonical form.
   */
  static String parse(String line) {
    return isSingleToken(line)
        ? ProcedureCode.parseLenient(line).toString()
        : ClaimLine.parse(line).toString();
  }

  private static boolean isSingleToken(String line) {
    int start = 0;
    int end = line.length();
    while (start < end && isBlank(line.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(line.charAt(end - 1))) {
      end--;
    }
    for (int i = start; i < end; i++) {
      char c = line.charAt(i);
      if (c == '-' || isBlank(c)) {
        return false;
      }
    }
    return true;
  }

  static boolean isBlankOrComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!isBlank(c)) {
        return c == '#';
      }
    }
    return true;
  }

  /** The claim-line parser's notion of a blank, no-break spaces included. */
  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private void valid(Report report, long number, String line, String canonical) throws IOException {
    if (output.format == Format.TABLE) {
      report.row(number, null, null, canonical);
    } else {
      report.row(number, "valid", line, canonical, null, null, null);
    }
  }

  private void invalid(
      Report report, long number, String line, String error, int index, String message)
      throws IOException {
    if (output.format == Format.TABLE) {
      report.row(number, index, error, Main.oneLine(message));
    } else {
      report.row(number, "invalid", line, null, error, index, message);
    }
  }

  private static String summary(long lines, long skipped, long invalid) {
    long checked = lines - skipped;
    String skip =
        skipped == 0
            ? ""
            : "; " + skipped + " blank or comment line" + (skipped == 1 ? "" : "s") + " skipped";
    if (invalid == 0) {
      return (checked == 1 ? "1 line" : checked + " lines") + " checked, all valid" + skip;
    }
    return invalid + " of " + checked + " line" + (checked == 1 ? "" : "s") + " invalid" + skip;
  }
}
