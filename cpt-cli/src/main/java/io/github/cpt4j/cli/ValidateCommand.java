package io.github.cpt4j.cli;

import io.github.cpt4j.cli.input.CsvRecordReader;
import io.github.cpt4j.cli.input.LineReader;
import io.github.cpt4j.cli.input.MalformedUtf8Exception;
import io.github.cpt4j.cli.price.BatchHeader;
import io.github.cpt4j.cli.price.RowParser;
import io.github.cpt4j.cli.report.Column;
import io.github.cpt4j.cli.report.Format;
import io.github.cpt4j.cli.report.OutputClosedException;
import io.github.cpt4j.cli.report.Report;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeSet;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.data.load.CodeSetLoader;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.modifier.ModifierRule;
import io.github.cpt4j.text.WhiteSpace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
      "A line is a code (99213, 0001F, G0438) or a claim line as cpt price reads its "
          + "arguments: a code, up to four modifiers separated by hyphens or spaces, optional "
          + "units written x and a whole number, optional anesthesia minutes, and optionally by "
          + "and the rendering provider's NPI (27447-RT, 99213-25-59, 71046-26 x2, 00790-AA "
          + "95min, 27447-80 by 1234567893). Letters may be lower case, except that after a "
          + "space x and digits are the units, and an upper-case X with digits other than the "
          + "modifiers X1-X5 is refused (write units x8, a modifier X8 -X8). Surrounding blanks "
          + "are ignored. Blank lines and lines whose first non-blank character is # are "
          + "skipped.",
      "",
      "Each invalid line is reported with its number (from 1), the error type (such as "
          + "WRONG_LENGTH or ILLEGAL_CHARACTER) and the 0-based index in the line where the "
          + "problem was found. Lines longer than "
          + ValidateCommand.MAX_LINE_LENGTH
          + " characters are reported as LINE_TOO_LONG. The input is read as UTF-8.",
      "",
      "With --rules, a line that parses is also checked against the modifier rules (such as "
          + "MUTUALLY_EXCLUSIVE for 25 with 59, PROFESSIONAL_WITH_TECHNICAL_COMPONENT for 26 "
          + "with TC), each unknown modifier is UNKNOWN_MODIFIER and a code outside the loaded "
          + "code set (the bundled sample, or --codes over it) is NOT_IN_CODE_SET; a line gets "
          + "one report per "
          + "finding. Anesthesia minutes on a code not paid by time (99213 30min; Medicare pays "
          + "minutes only on 00100-01999, and not on 01953, 01995 or 01996) are a MINUTES_IGNORED "
          + "warning: reported, its detail starting 'warning:' (result 'warning' in CSV and "
          + "JSON), but the line stays valid and alone does not make the exit status 1; so is a "
          + "code the code set has as deleted before today (99201: DELETED_CODE, with its last "
          + "date). With --column NAME the input is CSV with a header row, and the lines are "
          + "that column's cells, numbered by the line they start on; a row that is not valid "
          + "CSV is MALFORMED_ROW. A cell is never skipped: a blank one or one starting with # "
          + "is invalid, and the cells of a column named code must each be one code, as "
          + "cpt price --input reads them."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cpt validate codes.txt",
      "  sort -u codes.txt | cpt validate --format csv > problems.csv",
      "  cpt validate --all --format json codes.txt",
      "  cpt validate --rules --column code claims.csv"
    })
final class ValidateCommand implements Callable<Integer> {

  /** No claim line is anywhere near this long; longer lines are cut and reported. */
  static final int MAX_LINE_LENGTH = 1024;

  /** The error type of a line longer than {@link #MAX_LINE_LENGTH}. */
  static final String LINE_TOO_LONG = "LINE_TOO_LONG";

  /** The error type of a CSV record that cannot be read, with {@code --column}. */
  static final String MALFORMED_ROW = "MALFORMED_ROW";

  /** The error type of a modifier no registry knows, with {@code --rules}. */
  static final String UNKNOWN_MODIFIER = "UNKNOWN_MODIFIER";

  /** The error type of a code outside the loaded code set, with {@code --rules}. */
  static final String NOT_IN_CODE_SET = "NOT_IN_CODE_SET";

  /**
   * The type of the warning on a code the loaded code set has with an end date (99201, deleted at
   * the end of 2020), with {@code --rules}: valid for services up to that date only.
   */
  static final String DELETED_CODE = "DELETED_CODE";

  /**
   * The type of the warning on minutes no amount uses ({@code 99213 30min}), with {@code --rules}:
   * the name of the claim pricer's warning of them.
   */
  static final String MINUTES_IGNORED = ClaimWarning.Kind.MINUTES_IGNORED.name();

  private static final List<Column> COLUMNS =
      List.of(
          Column.number("line", 6),
          Column.text("result", 7),
          Column.text("input", 16),
          Column.text("canonical", 16),
          Column.text("error", 18),
          Column.number("index", 5),
          Column.text("message", 0));

  /**
   * The table's columns, the error type's as wide as the longest type the run can report: the types
   * are a known, finite set, so the table streams and each detail still starts under its header (a
   * fixed width let {@code PROFESSIONAL_WITH_TECHNICAL_COMPONENT} push it out of line).
   */
  private static List<Column> tableColumns(boolean rules) {
    int error = Math.max(LINE_TOO_LONG.length(), MALFORMED_ROW.length());
    for (CodeFormatException.ErrorType type : CodeFormatException.ErrorType.values()) {
      error = Math.max(error, type.name().length());
    }
    if (rules) {
      error = Math.max(error, Math.max(UNKNOWN_MODIFIER.length(), NOT_IN_CODE_SET.length()));
      error = Math.max(error, MINUTES_IGNORED.length());
      error = Math.max(error, DELETED_CODE.length());
      for (ModifierRule rule : ModifierRule.values()) {
        error = Math.max(error, rule.name().length());
      }
    }
    return List.of(
        Column.number("line", 6),
        Column.number("index", 5),
        Column.text("error", error),
        Column.text("detail", 0));
  }

  @Spec private CommandSpec spec;

  @ParentCommand private CptCommand cpt;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      defaultValue = Inputs.STDIN,
      converter = FileNameConverter.class,
      description = "The file to check; - or nothing for standard input.")
  private String file;

  @Mixin private FormatOption output;

  @Option(
      names = {"-a", "--all"},
      description = "Report valid lines too, with their canonical form.")
  private boolean all;

  @Option(
      names = {"-r", "--rules"},
      description =
          "Also apply the modifier rules, and flag unknown modifiers and codes outside the "
              + "loaded code set.")
  private boolean rules;

  @Option(
      names = "--codes",
      paramLabel = "FILE",
      description =
          "The code set --rules checks against, over the bundled sample: cpt4j's CSV (code, "
              + "description, ...) or an AMA-style tab-delimited .txt or .tsv file.")
  private Path codes;

  @Option(
      names = "--codes-charset",
      paramLabel = "CHARSET",
      description =
          "The character set of the --codes file: UTF-8 (the default), or windows-1252 for the "
              + "Windows files AMA often ships (it reads Latin-1 text alike).")
  private String codesCharset;

  @Option(
      names = {"-c", "--column"},
      paramLabel = "NAME",
      description =
          "Read the input as CSV with a header row and check the cells of this column "
              + "(its name matched ignoring case).")
  private String column;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing; only the exit status tells (0 all valid, 1 some invalid).")
  private boolean quiet;

  @Override
  public Integer call() throws IOException {
    if (quiet && (all || output.format != Format.TABLE)) {
      // --quiet prints nothing: what --all or a format would print cannot be meant with it.
      throw new ParameterException(
          spec.commandLine(),
          "--quiet prints nothing; it cannot be given with " + (all ? "--all" : "--format"));
    }
    if (codesCharset != null && codes == null) {
      throw new ParameterException(spec.commandLine(), "--codes-charset needs --codes");
    }
    if (codes != null && !rules) {
      throw new ParameterException(spec.commandLine(), "--codes needs --rules");
    }
    codeSet = codes == null ? BundledData.codeSet() : loadCodeSet(codes, charset());
    PrintWriter out = spec.commandLine().getOut();
    Report report =
        quiet
            ? null
            : output.format == Format.TABLE
                ? Report.create(output.format, tableColumns(rules), out, cpt.interactive())
                : Report.create(output.format, COLUMNS, out, cpt.interactive());
    Counts counts = new Counts();
    // Closing the report unfinished (reading failed partway) still writes out the rows so far.
    try (report) {
      if (column != null) {
        checkColumn(report, out, counts);
      } else {
        checkLines(report, out, counts);
      }
      if (report != null) {
        report.finish();
        if (output.format == Format.TABLE) {
          out.println(summary(counts.lines, counts.skipped, counts.invalid, counts.warned));
        }
      }
    }
    // A warning leaves its line valid: only invalid lines make the status 1.
    return counts.invalid == 0 ? ExitStatus.OK : ExitStatus.INVALID_INPUT;
  }

  /** The code set --rules checks against: the bundled sample, or --codes over it. */
  private CodeSet codeSet;

  private Charset charset() {
    if (codesCharset == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(Main.optionValue(codesCharset));
    } catch (IllegalArgumentException e) { // IllegalCharsetNameException, UnsupportedCharset...
      throw new ParameterException(
          spec.commandLine(),
          "--codes-charset: no character set named "
              + CodeFormatException.quote(codesCharset)
              + " (try UTF-8 or windows-1252)");
    }
  }

  private CodeSet loadCodeSet(Path file, Charset charset) {
    // As the other data options: the loader's own words for a directory did not name the option.
    // A directory or a missing path only, not any file but a regular one: a code set read through
    // a pipe (the shell's <(...)) loaded before, and still does.
    Inputs.checkInput("--codes", Inputs.namesGiven(spec.commandLine(), "--codes").get(0));
    CodeSetLoader loader = CodeSetLoader.defaults().withCharset(charset);
    try {
      // A .tsv file is tab-separated too: read as CSV, its first line was refused as a header
      // of no known column.
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      CodeSet loaded =
          name.endsWith(".txt") || name.endsWith(".tsv")
              ? loader.loadTabDelimited(file)
              : loader.loadCsv(file);
      return BundledData.codeSet().overlaidWith(loaded);
    } catch (DataLoadException e) {
      // The loader's hints name a charset; here it is an option. A Latin-1 --codes-charset
      // reading a Windows-1252 file is told the option too.
      String message =
          e.getMessage()
              .replace("load it with charset windows-1252", "give --codes-charset windows-1252");
      if (codesCharset == null) {
        message =
            message
                .replace("load them with charset windows-1252", "give --codes-charset windows-1252")
                .replace("load it with charset UTF-16", "give --codes-charset UTF-16");
      }
      throw new CliException(message, e);
    } catch (IOException e) {
      throw new CliException(
          Inputs.cannotRead("--codes", file.toString()) + ": " + Inputs.reason(e), e);
    }
  }

  /**
   * What a run saw: lines read, blank or comment lines skipped, invalid lines, valid lines with a
   * warning.
   */
  private static final class Counts {
    long lines;
    long skipped;
    long invalid;
    long warned;
  }

  /** Checks the input line by line. */
  private void checkLines(Report report, PrintWriter out, Counts counts) throws IOException {
    try (LineReader reader =
        new LineReader(Inputs.openText(null, file, cpt.stdin()), MAX_LINE_LENGTH)) {
      for (String line; (line = next(reader)) != null; ) {
        counts.lines++;
        if ((counts.lines & 1023) == 0) {
          OutputClosedException.check(out);
        }
        if (reader.truncated()) {
          counts.invalid++;
          tooLong(report, reader.lineNumber(), line, reader.length());
          continue;
        }
        check(report, reader.lineNumber(), line, counts);
      }
    }
  }

  /** Checks one column of CSV input with a header row. */
  private void checkColumn(Report report, PrintWriter out, Counts counts) throws IOException {
    try (CsvRecordReader csv = new CsvRecordReader(Inputs.openText(null, file, cpt.stdin()))) {
      // Read and refused as price --input reads its header: each refusal with its file line.
      HeaderColumn header = headerColumn(csv);
      int index = header.index();
      // The batch's code column holds one code a cell: checked as price --input reads it.
      boolean codesOnly = Main.optionValue(column).equalsIgnoreCase("code");
      for (CsvRecordReader.Record record; (record = nextRecord(csv)) != null; ) {
        counts.lines++;
        if ((counts.lines & 1023) == 0) {
          OutputClosedException.check(out);
        }
        if (record.problem().isPresent()) {
          counts.invalid++;
          if (report != null) {
            invalid(report, record.line(), "", null, MALFORMED_ROW, null, record.problem().get());
          }
          continue;
        }
        // The reader drops empty lines; a line of blanks or a quoted "" reaches here, and is
        // checked
        // as price --input reads it: an EMPTY cell in a one-column file, a short row otherwise.
        List<String> fields = record.fields();
        if (fields.size() != header.columns()) {
          // As price --input reads such a row: its cells cannot be told apart with certainty.
          // validate writes no cells, so the message leaves out price's note on unwritten ones.
          counts.invalid++;
          if (report != null) {
            invalid(
                report,
                record.line(),
                "",
                null,
                MALFORMED_ROW,
                null,
                RowParser.fieldCount(fields.size(), header.columns()));
          }
          continue;
        }
        String cell = fields.get(index);
        if (cell.length() > MAX_LINE_LENGTH) {
          counts.invalid++;
          tooLong(report, record.line(), cell.substring(0, MAX_LINE_LENGTH), cell.length());
          continue;
        }
        checkCell(report, record.line(), cell, counts, codesOnly);
      }
    }
  }

  /**
   * The header row's number of columns, and the index of the one {@code --column} names.
   *
   * @param columns how many columns the header names
   * @param index the checked column's, from 0
   */
  private record HeaderColumn(int columns, int index) {}

  /**
   * Reads the header row as {@code price --input} reads its own ({@link BatchHeader#readRow}), and
   * finds the column {@code --column} names in it; an empty input, a header that is not valid CSV,
   * one that names the column twice or not at all are trouble, the last three with the header's
   * file line: blank lines may come before it.
   */
  private HeaderColumn headerColumn(CsvRecordReader csv) {
    String name = Main.optionValue(column);
    try {
      return BatchHeader.readRow(
          csv,
          "--column needs a header row",
          names -> {
            int index = -1;
            for (int i = 0; i < names.size(); i++) {
              // As price --input matches its header: without the white space cells are read
              // without, no-break spaces included.
              if (WhiteSpace.strip(names.get(i)).equalsIgnoreCase(name)) {
                if (index >= 0) {
                  // Which one was meant cannot be known; price --input refuses such a header too.
                  throw new IllegalArgumentException(
                      "the header names column "
                          + CodeFormatException.quote(name)
                          + " twice (columns "
                          + (index + 1)
                          + " and "
                          + (i + 1)
                          + ")");
                }
                index = i;
              }
            }
            if (index < 0) {
              // One column of names and tabs or semicolons: say the separator, as price does.
              throw new IllegalArgumentException(
                  "no column "
                      + CodeFormatException.quote(name)
                      + " in the header; the columns are "
                      + columnNames(names)
                      + BatchHeader.separatorHint(names));
            }
            return new HeaderColumn(names.size(), index);
          });
    } catch (IllegalArgumentException e) {
      throw new CliException(Inputs.prefix(file) + ": " + e.getMessage(), e);
    } catch (MalformedUtf8Exception e) {
      throw Inputs.notUtf8(file, e);
    } catch (IOException e) {
      throw new CliException(Inputs.cannotReadInput(null, file) + ": " + Inputs.reason(e), e);
    }
  }

  /** The header's names for a message: each quoted, at most ten. */
  private static String columnNames(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.size() && i < 10; i++) {
      sb.append(i == 0 ? "" : ", ").append(CodeFormatException.quote(names.get(i).strip()));
    }
    return names.size() > 10 ? sb.append(", ...").toString() : sb.toString();
  }

  private CsvRecordReader.Record nextRecord(CsvRecordReader csv) {
    try {
      return csv.next();
    } catch (MalformedUtf8Exception e) {
      throw Inputs.notUtf8(file, e);
    } catch (IOException e) {
      throw new CliException(Inputs.cannotReadInput(null, file) + ": " + Inputs.reason(e), e);
    }
  }

  private void tooLong(Report report, long number, String start, long length) throws IOException {
    if (report != null) {
      invalid(
          report,
          number,
          start + "...",
          null,
          LINE_TOO_LONG,
          MAX_LINE_LENGTH,
          "the line has " + length + " characters; at most " + MAX_LINE_LENGTH + " are read");
    }
  }

  /** Checks one line that is not too long: skipped, valid, or reported once per finding. */
  private void check(Report report, long number, String line, Counts counts) throws IOException {
    if (isBlankOrComment(line)) {
      counts.skipped++;
      return;
    }
    checkCell(report, number, line, counts, false);
  }

  /**
   * Checks one cell, or a line that is neither blank nor a comment: valid, or reported once per
   * finding. With {@code codesOnly}, the cell must be one code, as price --input reads its code
   * column; else a code or a claim line.
   */
  private void checkCell(Report report, long number, String line, Counts counts, boolean codesOnly)
      throws IOException {
    String canonical;
    try {
      canonical = codesOnly ? ProcedureCode.parseLenient(line).toString() : parse(line);
    } catch (CodeFormatException e) {
      counts.invalid++;
      if (report != null) {
        invalid(report, number, line, null, e.errorType().name(), e.errorIndex(), e.getMessage());
      }
      return;
    }
    List<RuleCheck.Finding> findings = rules ? RuleCheck.findings(line, codeSet) : List.of();
    if (findings.isEmpty()) {
      if (all && report != null) {
        valid(report, number, line, canonical);
      }
      return;
    }
    boolean onlyWarnings = true;
    for (RuleCheck.Finding finding : findings) {
      onlyWarnings &= finding.warning();
    }
    if (onlyWarnings) {
      counts.warned++;
    } else {
      counts.invalid++;
    }
    if (report != null) {
      for (RuleCheck.Finding finding : findings) {
        if (finding.warning()) {
          warning(report, number, line, canonical, finding);
        } else {
          invalid(
              report, number, line, canonical, finding.error(), finding.index(), finding.message());
        }
      }
    }
  }

  /**
   * Reports a warning: in the table as an error is, its detail starting {@code warning:}; in CSV
   * and JSON with the result {@code warning}.
   */
  private void warning(
      Report report, long number, String line, String canonical, RuleCheck.Finding finding)
      throws IOException {
    if (output.format == Format.TABLE) {
      report.row(
          number, finding.index(), finding.error(), "warning: " + Main.oneLine(finding.message()));
    } else {
      report.row(
          number, "warning", line, canonical, finding.error(), finding.index(), finding.message());
    }
  }

  private String next(LineReader reader) {
    try {
      return reader.next();
    } catch (MalformedUtf8Exception e) {
      // Refused, not read with U+FFFD in place of the bytes: the lines before are reported.
      throw Inputs.notUtf8(file, e);
    } catch (IOException e) {
      throw new CliException(
          Inputs.cannotReadInput(null, file)
              + " after file line "
              + reader.lineNumber()
              + ": "
              + Inputs.reason(e),
          e);
    }
  }

  /**
   * Parses one line as {@code cpt price} reads its line arguments: a single token with the code
   * parser, whose messages speak of a code, and anything longer as {@link LineArgument} reads it, a
   * claim line and optionally {@code by} and its rendering provider's NPI. Returns the canonical
   * form.
   */
  static String parse(String line) {
    return isSingleToken(line)
        ? ProcedureCode.parseLenient(line).toString()
        : LineArgument.parse(line).toString();
  }

  static boolean isSingleToken(String line) {
    int start = 0;
    int end = line.length();
    while (start < end && WhiteSpace.isSpace(line.charAt(start))) {
      start++;
    }
    while (end > start && WhiteSpace.isSpace(line.charAt(end - 1))) {
      end--;
    }
    for (int i = start; i < end; i++) {
      char c = line.charAt(i);
      if (c == '-' || WhiteSpace.isSpace(c)) {
        return false;
      }
    }
    return true;
  }

  static boolean isBlankOrComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!WhiteSpace.isSpace(c)) {
        return c == '#';
      }
    }
    return true;
  }

  private void valid(Report report, long number, String line, String canonical) throws IOException {
    if (output.format == Format.TABLE) {
      report.row(number, null, null, canonical);
    } else {
      report.row(number, "valid", line, canonical, null, null, null);
    }
  }

  private void invalid(
      Report report,
      long number,
      String line,
      String canonical,
      String error,
      Integer index,
      String message)
      throws IOException {
    if (output.format == Format.TABLE) {
      report.row(number, index, error, Main.oneLine(message));
    } else {
      report.row(number, "invalid", line, canonical, error, index, message);
    }
  }

  private static String summary(long lines, long skipped, long invalid, long warned) {
    long checked = lines - skipped;
    String skip =
        skipped == 0
            ? ""
            : "; " + skipped + " blank or comment line" + (skipped == 1 ? "" : "s") + " skipped";
    String warnings =
        warned == 0
            ? ""
            : "; " + warned + " valid with " + (warned == 1 ? "a warning" : "warnings");
    if (invalid == 0) {
      return (checked == 1 ? "1 line" : checked + " lines")
          + " checked, all valid"
          + warnings
          + skip;
    }
    return invalid
        + " of "
        + checked
        + " line"
        + (checked == 1 ? "" : "s")
        + " invalid"
        + warnings
        + skip;
  }
}
