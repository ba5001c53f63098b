package io.github.cpt4j.spark;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.cli.price.BatchHeader;
import io.github.cpt4j.cli.price.DateCoverage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Prices the rows of one partition as a stream. With a claim column, the rows arrive sorted by
 * claim key, so that the lines of a claim are adjacent: each run of one key is priced as one claim,
 * and rows without a key (sorted first) each alone. Memory holds one claim at a time.
 *
 * <p>Input rows carry the batch's columns, then, when the CSV reader's corrupt-record column is
 * read, the text of a malformed record (null for a row read whole), then, when there is a claim
 * column, the claim key (null for a malformed record); the output rows carry the batch's columns,
 * then amount, limiting_charge when the options ask for limiting charges, result and explanation.
 */
final class PartitionPricer implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final Broadcast<FeeScheduleFiles> files;
  private final PricingOptions options;
  // ImmutableList, not List: the declared type of a serializable field is serializable too.
  private final ImmutableList<String> columns;
  private final int corruptIndex;
  private final int keyIndex;
  // Null: the rows are not counted (see counting).
  private final PricingCounters counters;
  private final ZoneId timeZone;

  /**
   * Creates the function, which counts nothing until {@link #counting} says where.
   *
   * @param columns the batch's columns
   * @param corruptIndex the index of the corrupt-record text in an input row, or -1 when the rows
   *     carry none
   * @param keyIndex the index of the claim key in an input row, or -1 to price every row alone
   * @param timeZone the zone a timestamp's day is read in, the session's ({@link SessionTimeZone}):
   *     see {@link #text}
   */
  PartitionPricer(
      Broadcast<FeeScheduleFiles> files,
      PricingOptions options,
      List<String> columns,
      int corruptIndex,
      int keyIndex,
      ZoneId timeZone) {
    this(files, options, ImmutableList.copyOf(columns), corruptIndex, keyIndex, null, timeZone);
  }

  private PartitionPricer(
      Broadcast<FeeScheduleFiles> files,
      PricingOptions options,
      ImmutableList<String> columns,
      int corruptIndex,
      int keyIndex,
      PricingCounters counters,
      ZoneId timeZone) {
    this.files = files;
    this.options = options;
    this.columns = columns;
    this.corruptIndex = corruptIndex;
    this.keyIndex = keyIndex;
    this.counters = counters;
    this.timeZone = timeZone;
  }

  /** Returns this function counting its rows in {@code counters}. */
  PartitionPricer counting(PricingCounters counters) {
    return new PartitionPricer(
        files,
        options,
        columns,
        corruptIndex,
        keyIndex,
        requireNonNull(counters, "counters"),
        timeZone);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    BatchRules rules = new BatchRules(columns, options, files.value());
    return new Priced(input, rules);
  }

  /** The output rows, priced claim by claim as they are asked for. */
  private final class Priced implements Iterator<Row> {
    private final Iterator<Row> input;
    private final BatchRules rules;
    private final int width = columns.size();
    private final boolean limitingCharges = options.limitingCharges();

    /** The code and ZIP code columns, whose numbers are read as digits with their zeros. */
    private final int codeIndex;

    private final int zipIndex;

    private final int chargeIndex;
    private final List<Row> claim = new ArrayList<>();
    private final List<String[]> fields = new ArrayList<>();
    private final List<Row> out = new ArrayList<>();
    private int next;
    private Row pending;

    /** The key of a claim cut at its 1,000th row: its later rows are refused one at a time. */
    private String overLongKey;

    private long rows;
    private long priced;
    private long invalid;
    private long notCovered;
    private long undated;
    private long notInSample;
    private long splitZips;

    Priced(Iterator<Row> input, BatchRules rules) {
      this.input = input;
      this.rules = rules;
      BatchHeader header = BatchRules.header(columns);
      this.codeIndex = header.indexOf("code");
      this.zipIndex = header.indexOf("zip");
      this.chargeIndex = header.indexOf("charge");
    }

    @Override
    public boolean hasNext() {
      if (next < out.size()) {
        return true;
      }
      out.clear();
      next = 0;
      if (pending == null && !input.hasNext()) {
        flushCounts();
        return false;
      }
      priceNextClaim();
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return out.get(next++);
    }

    private void priceNextClaim() {
      claim.clear();
      fields.clear();
      Row first = pending != null ? pending : input.next();
      pending = null;
      if (corruptIndex >= 0 && !first.isNullAt(corruptIndex)) {
        // A record the CSV reader could not fit to the header: refused alone, its cells never
        // read as a line (they may stand in other columns' places). It has no claim key, so it
        // comes before the partition's claims and ends none of them.
        out.add(output(first, rules.malformed(first.getString(corruptIndex))));
        return;
      }
      add(first);
      String key = keyIndex < 0 ? null : first.getString(keyIndex);
      if (key != null && key.equals(overLongKey)) {
        // A row past its claim's 1,000th, refused as it streams: a claim is never held whole
        // beyond what is priced of it, however many rows share its key.
        out.add(output(first, rules.tooLong(fields.get(0))));
        return;
      }
      overLongKey = null;
      if (key != null) {
        while (input.hasNext()) {
          Row row = input.next();
          if (key.equals(row.getString(keyIndex)) && claim.size() < BatchRules.MAX_CLAIM_LINES) {
            add(row);
          } else {
            pending = row;
            if (key.equals(row.getString(keyIndex))) {
              overLongKey = key;
            }
            break;
          }
        }
      }
      List<BatchRules.LineResult> results = rules.priceClaim(fields);
      for (int i = 0; i < claim.size(); i++) {
        out.add(output(claim.get(i), results.get(i)));
      }
    }

    private void add(Row row) {
      claim.add(row);
      String[] text = new String[width];
      for (int i = 0; i < width; i++) {
        Object cell = row.get(i);
        text[i] =
            i == codeIndex
                ? codeText(cell, timeZone)
                : i == zipIndex
                    ? zipText(cell, timeZone)
                    : i == chargeIndex ? chargeText(cell, timeZone) : text(cell, timeZone);
      }
      fields.add(text);
    }

    private Row output(Row row, BatchRules.LineResult result) {
      Object[] values = new Object[width + (limitingCharges ? 4 : 3)];
      for (int i = 0; i < width; i++) {
        values[i] = row.get(i);
      }
      int at = width;
      values[at++] = result.amount();
      if (limitingCharges) {
        values[at++] = result.limitingCharge();
      }
      values[at++] = result.result();
      values[at] = result.explanation();
      rows++;
      if (result.amount() != null) {
        priced++;
      }
      if (result.invalid()) {
        invalid++;
      }
      if (result.amount() == null && DateCoverage.isNotCovered(result.result())) {
        notCovered++;
      }
      if (result.undated()) {
        undated++;
      }
      if (result.notInSample()) {
        notInSample++;
      }
      if (result.splitZip()) {
        splitZips++;
      }
      return RowFactory.create(values);
    }

    /**
     * Adds the partition's counts, once it is priced to the end: the driver sees a task's counts
     * only when the task succeeds, so adding them row by row would show nothing sooner (see {@link
     * PricingCounters}).
     */
    private void flushCounts() {
      if (counters != null && rows > 0) {
        counters.add(
            rows,
            priced,
            invalid,
            notCovered,
            undated,
            notInSample,
            splitZips,
            rules.providersNamed());
        rows = 0;
        priced = 0;
        invalid = 0;
        notCovered = 0;
        undated = 0;
        notInSample = 0;
        splitZips = 0;
      }
    }
  }

  /**
   * A decimal's plain digits, without the fraction when it is whole: a count typed DOUBLE or
   * DECIMAL (pandas writes an integer column with gaps as float64) holds 2.0 for 2. A fraction
   * keeps its digits, and a column that must be whole refuses it as it refuses the text.
   */
  private static String plain(BigDecimal value) {
    BigDecimal whole = value.stripTrailingZeros();
    return whole.scale() <= 0 ? whole.toPlainString() : value.toPlainString();
  }

  /**
   * The text of a code cell: {@link #text}, but a whole number of at most five digits is padded
   * with zeros to five. A column of codes all digits, read from CSV with {@code inferSchema}, is an
   * {@code int} column that has lost its leading zeros: the anesthesia code 00790 is 790, and would
   * be refused as no code. No code is shorter than five characters, so a shorter number is one that
   * lost its zeros.
   */
  static String codeText(Object value, ZoneId timeZone) {
    return padded(value, timeZone, 5, 5);
  }

  /**
   * The text of a charge cell: {@link #text}, but a DECIMAL or DOUBLE value without the zeros past
   * its cents, so that a DECIMAL(12,4) column's 45.5000, as a database types money, is the charge
   * 45.50 rather than a refused fraction of a cent; a fraction of a cent still is one (45.5012),
   * and the command line refuses it as it refuses the text.
   */
  static String chargeText(Object value, ZoneId timeZone) {
    BigDecimal number = null;
    if (value instanceof BigDecimal d) {
      number = d;
    } else if ((value instanceof Double || value instanceof Float)
        && Double.isFinite(((Number) value).doubleValue())) {
      number = new BigDecimal(value.toString()); // the shortest decimal, as text reads it
    }
    if (number == null) {
      return text(value, timeZone);
    }
    BigDecimal stripped = number.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /**
   * The text of a ZIP code cell: {@link #text}, but a whole number is padded with zeros to five
   * digits, or nine when it has more than five (a ZIP+4): the ZIP codes of New England, New Jersey
   * and Puerto Rico begin with 0, which an {@code int} column read with {@code inferSchema} drops
   * (01223 is 1223).
   */
  static String zipText(Object value, ZoneId timeZone) {
    return padded(value, timeZone, 5, 9);
  }

  /**
   * {@link #text} of {@code value}, padded with zeros to {@code shortWidth} digits when it is a
   * whole number of at most that many, else to {@code longWidth} when it has at most that many.
   */
  private static String padded(Object value, ZoneId timeZone, int shortWidth, int longWidth) {
    String text = text(value, timeZone);
    // A number of any type written as digits alone, as text writes a whole one: an int, or a
    // DOUBLE 1223.0 (pandas writes a column with gaps as float64) or a DECIMAL 790.00.
    if (!(value instanceof Number) || text.isEmpty() || !allDigits(text)) {
      return text;
    }
    int width = text.length() <= shortWidth ? shortWidth : longWidth;
    return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
  }

  private static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * The text of a cell as a CSV file would hold it: blank for null, ISO dates, plain decimals
   * (whole ones as integers), an array's elements separated by blanks, a binary's bytes as UTF-8
   * text, so that typed columns (Parquet's integers and dates, a list of modifiers) read as the
   * command line reads their text. A timestamp is the day it falls on in {@code timeZone}, as Spark
   * casts it to a date; a timestamp without time zone, its day.
   */
  static String text(Object value, ZoneId timeZone) {
    if (value == null) {
      return "";
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof byte[] bytes) {
      // A BINARY column: the text columns of Parquet files that Hive, Impala and older Spark write
      // without a string annotation. Its bytes as UTF-8, as CAST(cell AS STRING) and the claim key
      // read them; its toString would be the array's identity, "[B@6842775d".
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof scala.collection.Seq<?> elements) {
      // An array column, such as modifiers as array<string>: a blank separates modifiers in a
      // CSV cell. Its toString would be Scala's "ArraySeq(26)".
      StringBuilder cell = new StringBuilder();
      scala.collection.Iterator<?> each = elements.iterator();
      while (each.hasNext()) {
        String element = text(each.next(), timeZone);
        if (!element.isBlank()) {
          cell.append(cell.length() == 0 ? "" : " ").append(element);
        }
      }
      return cell.toString();
    }
    if (value instanceof BigDecimal d) {
      return plain(d);
    }
    if ((value instanceof Double || value instanceof Float)
        && Double.isFinite(((Number) value).doubleValue())) {
      // Through the shortest decimal that reads back as the value: 0.1 is 0.1, not its binary
      // expansion 0.1000000000000000055511151231257827...
      return plain(new BigDecimal(value.toString()));
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    // A TIMESTAMP is an instant: Timestamp, or Instant with spark.sql.datetime.java8API.enabled.
    // Its own toLocalDateTime() would read it in the JVM's default zone.
    if (value instanceof Timestamp t) {
      return t.toInstant().atZone(timeZone).toLocalDate().toString();
    }
    if (value instanceof Instant t) {
      return t.atZone(timeZone).toLocalDate().toString();
    }
    if (value instanceof LocalDateTime t) {
      return t.toLocalDate().toString();
    }
    return value.toString();
  }
}
