package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.cli.input.CsvRecordReader;
import io.github.cpt4j.cli.report.OutputClosedException;
import io.github.cpt4j.cli.report.SpreadsheetSafe;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.ClaimScrubber;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.text.IsoDate;
import io.github.cpt4j.text.WhiteSpace;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scrubs a CSV file of claim lines with claim edits (the NCCI edits): every input row is written
 * out with an {@code edits} column, empty when the edits found nothing on the line, else each
 * finding as {@code reason: message}, separated by {@code " | "}.
 *
 * <p>The input is the batch format of {@code cpt price}: a header row naming {@code code}
 * (required), {@code modifiers}, {@code units}, {@code date}, {@code rendering_provider} and {@code
 * claim}; adjacent rows with the same non-blank {@code claim} are one claim (one patient), a row
 * without a claim is a claim of its own. The edits pair lines and add up units of one rendering
 * provider on one date: rows without an NPI are the provider's of the claim's one NPI, or of the
 * claim's own when no row names one; beside rows of two or more NPIs they are a provider of their
 * own ({@link io.github.cpt4j.edit.RenderingProviders}). Other columns are carried through. A row
 * that cannot be read gets {@code invalid: ...} in its {@code edits} and the run goes on without
 * it; a record that is not valid CSV (a broken quote, a field over {@value
 * CsvRecordReader#MAX_FIELD_LENGTH} characters) is {@code invalid: malformed_row: file line N: ...}
 * with empty cells, and reading goes on at its next line (see {@link CsvRecordReader}), so the
 * output has one row per input record.
 *
 * <pre>{@code
 * BatchScrub.Summary summary =
 *     new BatchScrub(edit, LocalDate.of(2025, 6, 2)).run(in, () -> writer, false);
 * }</pre>
 */
public final class BatchScrub {

  /** The column the output adds. */
  public static final String EDITS = "edits";

  /** The edit, run as a claim pricer runs it: an edit of one date sees each date's lines apart. */
  private final ClaimScrubber scrubber;

  private final LocalDate defaultDate;

  /**
   * How a run went: rows read, rows with a finding, rows that could not be read, and the valid rows
   * without a claim value, each checked as a claim of one line; the rows without a date, checked on
   * the default date; the columns not read whose names look like a known column's (see {@link
   * BatchHeader#lookalikes()}); and the claim values that came back after other claims, so that
   * their rows were checked as separate claims (see {@link ClaimOrder}).
   */
  public record Summary(
      long rows,
      long withFindings,
      long invalid,
      long alone,
      long undated,
      List<BatchHeader.Lookalike> lookalikes,
      ClaimOrder.Returns claimsBack) {

    /** Checks that the lookalikes and the claims that came back are given. */
    public Summary {
      lookalikes = List.copyOf(lookalikes);
      requireNonNull(claimsBack, "claimsBack");
    }
  }

  /** Creates a scrubber applying {@code edit}, on {@code defaultDate} where a row has no date. */
  public BatchScrub(ClaimEdit edit, LocalDate defaultDate) {
    this.scrubber = ClaimScrubber.of(requireNonNull(edit, "edit"));
    this.defaultDate = requireNonNull(defaultDate, "defaultDate");
  }

  /**
   * Reads UTF-8 CSV with a header row from {@code in} and writes every row with its edits to the
   * writer {@code output} opens once the header is known to be good, so that a bad header creates
   * no output. Cells that a spreadsheet would run as formulas are neutralised unless {@code
   * verbatim} (see {@link SpreadsheetSafe}), the {@code edits} cell too, for it may quote the
   * input. When reading fails partway, the claims read before are written, and the one being read
   * is left out, {@code output} told of it by {@link BatchPricing.Output#claimLeftOut}.
   *
   * @throws IllegalArgumentException if the header is unusable (no {@code code} column...)
   * @throws IOException if reading or writing fails
   */
  public Summary run(InputStream in, BatchPricing.Output output, boolean verbatim)
      throws IOException {
    // The reader of 'cpt price --input', with its guarantees: a record that is not valid CSV is
    // one malformed row and reading goes on at the next line; memory is bounded per record.
    try (CsvRecordReader records = new CsvRecordReader(in)) {
      // Only edits is added: price's amount, result and explanation are carried through.
      BatchHeader header = BatchHeader.read(records, false, List.of(EDITS));
      Writer out = output.open();
      Run run =
          new Run(header, CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out), verbatim);
      boolean done = false;
      try {
        long read = 0;
        for (CsvRecordReader.Record record; (record = next(records, run, output)) != null; ) {
          if ((++read & 1023) == 0 && out instanceof PrintWriter) {
            // Standard output tells of a reader gone away (scrub piped into head) only when asked:
            // asked now and then, as price and validate ask, the run stops at once rather than
            // checking the rest of the file for nobody.
            run.writer.flush();
            OutputClosedException.check(out);
          }
          if (record.problem().isPresent()) {
            run.addMalformed("file line " + record.line() + ": " + record.problem().get());
          } else {
            run.add(record.fields(), record.line());
          }
        }
        run.endClaim();
        run.writer.flush(); // the CSV writer buffers of its own
        out.flush();
        done = true;
      } catch (UncheckedIOException e) {
        throw e.getCause();
      } finally {
        if (!done) {
          flushAfterFailure(run.writer, out);
        }
      }
      return new Summary(
          run.rows,
          run.withFindings,
          run.invalid,
          run.alone,
          run.undated,
          header.lookalikes(),
          run.order.returns());
    }
  }

  /**
   * The next record, or null at the end of the input. When reading fails, the claim being read is
   * not whole, and checked without its unread rows it could pass edits the whole claim fails (one
   * side of a pair, units under a limit): its rows are left out, and {@code output} is told.
   */
  private static CsvRecordReader.Record next(
      CsvRecordReader records, Run run, BatchPricing.Output output) throws IOException {
    try {
      return records.next();
    } catch (IOException | RuntimeException e) {
      int rows = run.openRows();
      if (rows > 0) {
        String claim = run.leaveOutOpenClaim();
        output.claimLeftOut(claim, rows);
      }
      throw e;
    }
  }

  /**
   * Writes out the rows finished before a failure, which the CSV writer's own buffer would lose;
   * those of a claim still being read are left out. Standard output shows them; a file is deleted
   * anyway. Never throws: the failure that got here is the one to report.
   */
  private static void flushAfterFailure(CsvWriter writer, Writer out) {
    try {
      writer.flush();
      out.flush();
    } catch (IOException | RuntimeException e) {
      // The first failure is the one to report.
    }
  }

  /** One pass over the rows: groups claims, checks them, writes them. */
  private final class Run {
    private final BatchHeader header;
    final CsvWriter writer;
    private final boolean verbatim;
    private final int code;
    private final int modifiers;
    private final int units;
    private final int date;
    private final int claim;
    private final int renderingProvider;
    private final List<List<String>> fields = new ArrayList<>();
    private final List<Object> lines = new ArrayList<>(); // a BilledLine, or the problem's text
    private String claimKey = "";
    private LocalDate claimDate; // the first valid line's: the context's date

    /** The key of a claim cut at its 1,000th row, whose later rows are refused one by one. */
    private String overLongKey;

    /** Remembers the values of the claims that ended, to catch one that comes back. */
    final ClaimOrder order = new ClaimOrder();

    long rows;
    long withFindings;
    long alone; // valid rows without a claim value, each checked as a claim of one line
    long undated; // rows without a date, checked on the default date
    long invalid;

    Run(BatchHeader header, CsvWriter writer, boolean verbatim) {
      this.header = header;
      this.writer = writer;
      this.verbatim = verbatim;
      this.code = header.indexOf("code");
      this.modifiers = header.indexOf("modifiers");
      this.units = header.indexOf("units");
      this.date = header.indexOf("date");
      this.claim = header.indexOf("claim");
      this.renderingProvider = header.indexOf("rendering_provider");
      List<String> names = new ArrayList<>(header.size() + 1);
      for (String name : header.names()) {
        names.add(cell(name));
      }
      names.add(EDITS);
      writer.writeRecord(names);
    }

    /**
     * Adds a record that is not valid CSV, written with empty cells. Its claim cannot be read, so
     * it neither ends the open claim nor starts one: the claim's other rows are still checked
     * together, as {@code cpt price} prices them.
     */
    void addMalformed(String problem) {
      addInOpenClaim(List.of(), "malformed_row: " + problem);
    }

    /**
     * Adds a refused row to the open claim, as {@link #addMalformed} does: a row with fewer or more
     * cells than the header has no claim to read either (its claim cell is missing, or may be
     * another cell shifted into its place), so it neither ends the open claim nor starts one.
     */
    private void addInOpenClaim(List<String> row, String problem) {
      fields.add(row);
      rows++;
      lines.add(problem);
      if (claimKey.isEmpty()) {
        endClaim();
      } else if (lines.size() == BatchPricing.MAX_CLAIM_LINES) {
        // Counted towards the claim's 1,000 rows, as cpt price counts it: a 1,000th row that is
        // not valid CSV cuts the claim too, else the size passed the cap and the claim grew on.
        String key = claimKey;
        endClaim();
        overLongKey = key;
      }
    }

    void add(List<String> row, long lineNumber) {
      if (claim >= 0 && row.size() != header.size()) {
        // Fewer or more cells than the header, a malformed_row: which cell is the claim's is not
        // known (a comma left unquoted in a note shifts it), and a key read from another cell, or
        // a blank one, would end the open claim. (Without a claim column every row is alone.)
        addInOpenClaim(row, malformed(row, lineNumber));
        return;
      }
      String key = ClaimKey.of(field(row, claim));
      if (!key.isEmpty() && key.equals(overLongKey)) {
        // As cpt price does: the rows past a claim's first 1,000 are each refused.
        fields.add(row);
        rows++;
        lines.add(BatchPricing.CLAIM_TOO_LONG + ": " + BatchPricing.claimTooLong(key, "checked"));
        endClaim();
        return;
      }
      overLongKey = null;
      if (!key.isEmpty() && !key.equals(claimKey)) {
        // A claim with a value starts (the key of an ended claim is blank): one lookup per claim.
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        order.start(bytes, bytes.length, lineNumber);
      }
      if (!lines.isEmpty() && (key.isEmpty() || !key.equals(claimKey))) {
        endClaim();
      }
      claimKey = key;
      fields.add(row);
      rows++;
      Object line;
      try {
        line = line(row, lineNumber);
      } catch (IllegalArgumentException | DateTimeException e) {
        line = e.getMessage();
      }
      lines.add(line);
      if (key.isEmpty()) {
        if (line instanceof BilledLine) {
          alone++; // an invalid row is checked by no edit, alone or not
        }
        endClaim();
      } else if (lines.size() == BatchPricing.MAX_CLAIM_LINES) {
        endClaim();
        overLongKey = key;
      }
    }

    private BilledLine line(List<String> row, long lineNumber) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(malformed(row, lineNumber));
      }
      ProcedureCode procedure;
      try {
        procedure = ProcedureCode.parseLenient(field(row, code));
      } catch (CodeFormatException e) {
        throw new IllegalArgumentException("code: " + e.getMessage(), e);
      }
      List<Modifier> modifierList;
      try {
        modifierList = RowParser.modifiers(field(row, modifiers));
      } catch (CodeFormatException e) {
        throw new IllegalArgumentException("modifiers: " + e.getMessage(), e);
      }
      int unitCount;
      try {
        unitCount = RowParser.units(field(row, units));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("units: " + e.getMessage(), e);
      }
      String dateText = WhiteSpace.strip(field(row, date));
      LocalDate day;
      try {
        day = dateText.isEmpty() ? defaultDate : IsoDate.parse(dateText);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("date: " + RowParser.notADate(dateText, e), e);
      }
      // A blank cell is no provider; read before the row is counted or its date taken, so that a
      // row refused for its NPI is neither.
      String providerText = WhiteSpace.strip(field(row, renderingProvider));
      Npi provider;
      try {
        provider = providerText.isEmpty() ? null : Npi.parse(providerText);
      } catch (CodeFormatException e) {
        throw new IllegalArgumentException("rendering_provider: " + e.getMessage(), e);
      }
      if (dateText.isEmpty()) {
        undated++;
      }
      if (claimDate == null) {
        claimDate = day;
      }
      // Each line on its own date: the edits pair lines and add up units within a date, and of
      // one rendering provider.
      BilledLine line =
          BilledLine.of(ClaimLine.of(procedure, modifierList, unitCount)).withDateOfService(day);
      return provider == null ? line : line.withRenderingProvider(provider);
    }

    /** Returns how many rows of the claim being read were read, not yet checked nor written. */
    int openRows() {
      return fields.size();
    }

    /**
     * Drops the rows of the claim being read, after reading failed: they are not the whole claim.
     *
     * @return the claim's value
     */
    String leaveOutOpenClaim() {
      String key = claimKey;
      fields.clear();
      lines.clear();
      claimDate = null;
      claimKey = "";
      return key;
    }

    /** Checks the claim gathered so far and writes its rows. */
    void endClaim() {
      if (fields.isEmpty()) {
        return;
      }
      List<StringBuilder> edits = new ArrayList<>(fields.size());
      List<Integer> positions = new ArrayList<>();
      Claim.Builder builder = Claim.builder();
      for (int i = 0; i < lines.size(); i++) {
        Object line = lines.get(i);
        StringBuilder text = new StringBuilder();
        if (line instanceof BilledLine billed) {
          builder.add(billed);
          positions.add(i);
        } else {
          text.append("invalid: ").append(line);
        }
        edits.add(text);
      }
      if (!positions.isEmpty()) {
        PricingContext context = PricingContext.withoutArea(claimDate, Setting.NON_FACILITY);
        // Findings name lines by their place among the claim's rows, invalid rows counted.
        int[] numbers = new int[positions.size()];
        for (int k = 0; k < numbers.length; k++) {
          numbers[k] = positions.get(k) + 1;
        }
        for (EditFinding finding :
            scrubber.scrub(builder.build().withLineNumbers(numbers), context)) {
          StringBuilder text = edits.get(positions.get(finding.line()));
          if (text.length() > 0) {
            text.append(" | ");
          }
          text.append(finding.reason().name().toLowerCase(Locale.ROOT))
              .append(": ")
              .append(finding.message());
        }
      }
      for (int i = 0; i < fields.size(); i++) {
        String text = edits.get(i).toString();
        if (text.startsWith("invalid: ")) {
          invalid++;
        } else if (!text.isEmpty()) {
          withFindings++;
        }
        List<String> out = new ArrayList<>(header.size() + 1);
        List<String> row = fields.get(i);
        for (int c = 0; c < header.size(); c++) {
          out.add(c < row.size() ? cell(row.get(c)) : "");
        }
        out.add(cell(text)); // it may quote the input
        writer.writeRecord(out);
      }
      fields.clear();
      lines.clear();
      claimDate = null;
      claimKey = "";
    }

    private String cell(String text) {
      return verbatim ? text : SpreadsheetSafe.cell(text);
    }

    /** The reason cpt price gives a row with the wrong number of fields: malformed_row. */
    private String malformed(List<String> row, long lineNumber) {
      return "malformed_row: file line "
          + lineNumber
          + ": "
          + RowParser.wrongFieldCount(row.size(), header.size());
    }

    private String field(List<String> row, int index) {
      return index < 0 || index >= row.size() ? "" : row.get(index);
    }
  }
}
