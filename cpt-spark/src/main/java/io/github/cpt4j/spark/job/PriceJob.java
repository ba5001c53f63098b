package io.github.cpt4j.spark.job;

import com.google.common.base.Throwables;
import io.github.cpt4j.cli.Main;
import io.github.cpt4j.cli.input.CsvRecordReader;
import io.github.cpt4j.cli.price.BatchHeader;
import io.github.cpt4j.cli.price.BatchWarnings;
import io.github.cpt4j.cli.price.DateCoverage;
import io.github.cpt4j.cli.price.PractitionerChoice;
import io.github.cpt4j.cli.price.SampleCoverage;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.spark.FeeScheduleFiles;
import io.github.cpt4j.spark.PricingCounters;
import io.github.cpt4j.spark.PricingOptions;
import io.github.cpt4j.spark.SparkClaimPricing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cpt price --input} on Spark: reads a CSV file (or a directory or glob of them) or Parquet,
 * prices every row with {@link SparkClaimPricing}, and writes a directory of CSV or Parquet files.
 * The options are the command line's batch options, plus {@code --master} and {@code --partitions}.
 * Exit status 0 when every row was valid, 1 when some were not (they are in the output with their
 * reason), 2 for trouble (usage, unreadable files). A column named like a known one but not read
 * ({@code unit}, {@code qty}, {@code dos}) gets a warning on standard error, as in {@code cpt
 * price}.
 *
 * <pre>{@code
 * cpt-spark/run.sh --input lines.csv --output priced --date 2025-06-02 --locality 13282-99
 * spark-submit --class io.github.cpt4j.spark.job.PriceJob cpt-spark-job.jar --input ... --output ...
 * }</pre>
 */
@Command(
    name = "cpt-spark",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = PriceJob.Version.class,
    description = {
      "Price claim lines with the Medicare Physician Fee Schedule on Apache Spark, as "
          + "'cpt price --input' does on one machine: the same columns, defaults, reason codes "
          + "and amounts. The lines of a claim (same claim value) are priced together wherever "
          + "they stand in the input. The output is a directory of files, grouped by claim."
    })
public final class PriceJob implements Callable<Integer> {

  @Option(
      names = {"-i", "--input"},
      required = true,
      paramLabel = "PATH",
      description = "CSV with a header row, or Parquet: a file, a directory or a glob.")
  private String input;

  @Option(
      names = "--input-format",
      paramLabel = "FORMAT",
      description = "csv or parquet; default: parquet when PATH ends in .parquet, else csv.")
  private String inputFormat;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "The output directory; it must not exist.")
  private String output;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "csv (default) or parquet.")
  private String format = "csv";

  @Option(
      names = "--single-file",
      description =
          "Write one file instead of one per partition; one task then prices every row too.")
  private boolean singleFile;

  // Two options rather than an exclusive group, as cpt price takes them: given together,
  // --locality is where the service was performed and --zip where the patient lives.
  @Option(
      names = {"-z", "--zip"},
      paramLabel = "ZIP",
      description =
          "ZIP code of the place of service, for rows that give none, and where the patient "
              + "lives; with --locality, only where the patient lives.")
  private String zip;

  @Option(
      names = {"-l", "--locality"},
      paramLabel = "MAC-LOC",
      description = "Medicare payment locality, such as 13282-99, for rows that give none.")
  private Locality locality;

  @Option(
      names = {"-d", "--date"},
      paramLabel = "YYYY-MM-DD",
      description = "Date of service for rows that give none; default today.")
  private LocalDate date;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  private SettingOption setting;

  /** The payment setting, named or implied by a place of service. */
  static final class SettingOption {
    @Option(
        names = {"-s", "--setting"},
        paramLabel = "SETTING",
        description = "facility or non-facility (default), for rows that give none.")
    private Setting setting;

    @Option(
        names = {"-p", "--pos"},
        paramLabel = "NN",
        description = "Place-of-service code, such as 11 or 22, for rows that give none.")
    private PlaceOfService pos;

    PricingOptions applyTo(PricingOptions options) {
      return setting != null ? options.withSetting(setting) : options.withPlaceOfService(pos);
    }
  }

  @Option(
      names = "--non-participating",
      description = "The provider does not participate in Medicare: 95%% of the amount.")
  private boolean nonParticipating;

  @Option(
      names = "--practitioner",
      paramLabel = "[NPI=]TYPE",
      description =
          "Who furnished the services, for rows that do not say: physician (default), np, cns, "
              + "pa, cnm, crna, csw, cp, mft, mhc, rd, therapist, therapy-assistant or audiologist, "
              + "or a provider taxonomy code such as 363L00000X; NPI=TYPE says it of the rows of "
              + "one rendering provider, once per NPI.")
  private List<PractitionerChoice> practitioners = new ArrayList<>();

  @Option(
      names = "--qualifying-apm",
      description =
          "The provider is a qualifying APM participant, for rows that do not say: from 2026, "
              + "Medicare's higher conversion factor.")
  private boolean qualifyingApm;

  @Option(
      names = "--present-at-induction",
      description =
          "The physician supervising more than four anesthesia cases (modifier AD) was present "
              + "at induction, for rows whose present_at_induction cell is blank: the claim's AD "
              + "session gets one time unit more.")
  private boolean presentAtInduction;

  @Option(
      names = "--limiting-charge",
      description =
          "Also give each line's Medicare limiting charge, the most a non-participating provider "
              + "who does not accept assignment may bill: 109.25%% of the participating amount "
              + "after the claim's rules. A column limiting_charge after amount; empty, with a "
              + "warning in the explanation, for a priced line without one (a practitioner or a "
              + "service paid only on assignment, a DMEPOS item).")
  private boolean limitingCharge;

  @Option(
      names = {"-e", "--explain"},
      description = "Explain how each amount was found, not only why a row has none.")
  private boolean explain;

  @Option(
      names = "--rvu",
      paramLabel = "PATH",
      description = "A full CMS relative value file (PPRRVU...csv) instead of the bundled rows.")
  private String rvu;

  @Option(
      names = "--gpci",
      paramLabel = "PATH",
      description = "A CMS GPCI file (GPCI...csv) instead of the bundled 2025 table.")
  private String gpci;

  @Option(
      names = "--opps-cap",
      paramLabel = "PATH",
      description = "A CMS OPPS imaging cap file (OPPSCAP...csv) instead of the bundled caps.")
  private String oppsCap;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master, such as local[2] or spark://host:7077; default: spark-submit's, "
              + "else local[*].")
  private String master;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description =
          "Partitions to price the rows in, shuffled by claim; default: Spark's choice (without "
              + "a claim column, the input's partitions).")
  private int partitions;

  private PrintWriter err =
      new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);

  /**
   * Runs the job and exits with its status.
   *
   * @param args the command line, as {@code cpt price --input} takes it
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the job and returns its exit status, without exiting: for tests and embedding.
   *
   * @param args the command line, as {@code cpt price --input} takes it
   * @return the exit status: 0 when every row was valid, 1 when some were not, 2 for trouble
   */
  public static int run(String... args) {
    CommandLine cli = Main.registerValueConverters(new CommandLine(new PriceJob()));
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          line.getErr().println("cpt-spark: " + message(e));
          return 2;
        });
    return cli.execute(args);
  }

  /**
   * What went wrong, in one line: Spark's own message, or its innermost cause's for a failed task,
   * or, where Hadoop's file system client could not run on this Java, which Java to run on.
   */
  static String message(Exception e) {
    String javaRefused = hadoopRefusedByThisJava(e);
    if (javaRefused != null) {
      return javaRefused;
    }
    if (e instanceof AnalysisException a) {
      return a.getSimpleMessage();
    }
    if (e instanceof SparkException && e.getCause() != null) {
      // A failed task ("Job aborted due to stage failure: ..."): Spark's message carries the task's
      // stack trace. What went wrong, and where, is the innermost cause's message, such as "file:
      // ... is not a Parquet file".
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      return firstLine(cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /**
   * The message for Hadoop's file system client failing on this Java, or null when {@code e} is
   * something else. Spark reads and writes files through that client, which asks the JDK for the
   * current {@code Subject} with {@code Subject.getSubject}; Java 23 refuses it unless started with
   * {@code -Djava.security.manager=allow}, and Java 24 and later always do (JEP 486 disabled the
   * Security Manager for good). Hadoop 3.4's client, Spark 4.1's, still calls it (HADOOP-19212
   * moved it to {@code Subject.current}), and Spark 4 supports Java 17 and 21. The JDK's own
   * message, {@code getSubject is not supported}, names neither Hadoop nor a remedy.
   */
  private static String hadoopRefusedByThisJava(Throwable e) {
    List<Throwable> chain;
    try {
      chain = Throwables.getCausalChain(e);
    } catch (IllegalArgumentException loop) {
      return null; // causes that lead back to one another: told as the exception itself
    }
    for (Throwable cause : chain) {
      if (cause instanceof UnsupportedOperationException
          && cause.getMessage() != null
          && cause.getMessage().startsWith("getSubject is ")) {
        return "Spark's Hadoop file system client cannot run on Java "
            + Runtime.version().feature()
            + " ("
            + firstLine(cause.getMessage())
            + "): run the job on Java 17 or 21, the versions Spark 4 supports";
      }
    }
    return null;
  }

  /** The first line of a message: what follows a line break is Spark's advice or a stack trace. */
  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }

  @Override
  public Integer call() throws IOException {
    checkUsage();
    PricingOptions options =
        PricingOptions.of(date == null ? LocalDate.now(ZoneId.systemDefault()) : date)
            .withParticipating(!nonParticipating)
            .withQualifyingApm(qualifyingApm)
            .withPresentAtInduction(presentAtInduction)
            .withExplainPriced(explain)
            .withLimitingCharges(limitingCharge);
    Optional<PractitionerType> everyProvider = PractitionerChoice.forEveryProvider(practitioners);
    if (everyProvider.isPresent()) {
      options = options.withPractitioner(everyProvider.get());
    }
    for (var provider : PractitionerChoice.byProvider(practitioners).entrySet()) {
      options = options.withPractitioner(provider.getKey(), provider.getValue());
    }
    if (setting != null) {
      options = setting.applyTo(options);
    }
    if (locality != null) {
      options = zip != null ? options.withLocality(locality, zip) : options.withLocality(locality);
    } else if (zip != null) {
      options = options.withZip(zip);
    }
    // A session already running in this JVM (an embedding application, the tests) is used and
    // left running; a session started here is stopped here.
    boolean ours = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark =
        ours
            ? SparkSession.builder()
                .appName("cpt4j price")
                .master(master != null ? master : new SparkConf().get("spark.master", "local[*]"))
                .getOrCreate()
            : SparkSession.getDefaultSession().get();
    try {
      FeeScheduleFiles files =
          FeeScheduleFiles.read(
              spark.sparkContext().hadoopConfiguration(),
              Optional.ofNullable(rvu),
              Optional.ofNullable(gpci),
              Optional.ofNullable(oppsCap));
      try (SparkClaimPricing pricing = SparkClaimPricing.create(spark, files, options)) {
        PricingCounters counters = PricingCounters.register(spark.sparkContext());
        Dataset<Row> lines = read(spark);
        Dataset<Row> priced = pricing.price(lines, counters, partitions);
        for (String warning : SparkClaimPricing.columnWarnings(lines.schema())) {
          // As cpt price: a column named like a known one was most likely meant as it, and every
          // row would be priced without it (one unit, no modifier). Said before the rows are
          // priced, since it depends on the header alone and a long run can then be stopped.
          err.println("cpt-spark: warning: " + warning);
        }
        // As cpt price: --zip placed the rows without a place of their own in one of the
        // localities CMS splits the ZIP code between, maybe not the one the service was in.
        SparkClaimPricing.zipWarning(options)
            .ifPresent(warning -> err.println("cpt-spark: warning: " + warning));
        write(singleFile ? priced.coalesce(1) : priced);
        // As cpt price: an NPI=TYPE no valid row is by changes nothing, most likely a mistyped
        // NPI. The header's own match, as the pricing reads it: names with no-break spaces too.
        boolean renderingProviderColumn =
            BatchHeader.of(Arrays.asList(lines.schema().fieldNames()), false)
                    .indexOf("rendering_provider")
                >= 0;
        for (String warning :
            BatchWarnings.ofPractitioners(
                options.practitioners().keySet(),
                renderingProviderColumn,
                counters.providersNamed(),
                options.practitioner().id())) {
          err.println("cpt-spark: warning: " + warning);
        }
        if (date == null && counters.undated() > 0) {
          // As cpt price: today's date is right for a list of codes to quote, wrong for claims of
          // the past, and nothing in the output says which rows took it.
          err.println(
              String.format(
                  Locale.ROOT,
                  "cpt-spark: warning: %,d %s no date of service and no --date was given: priced"
                      + " on today's date, %s",
                  counters.undated(),
                  counters.undated() == 1 ? "row has" : "rows have",
                  options.date()));
        }
        if (counters.splitZips() > 0) {
          // As cpt price: the rows' ZIP codes gave them one of the localities CMS splits each
          // between, maybe not the one the service was performed in.
          err.println("cpt-spark: warning: " + BatchWarnings.splitZipRows(counters.splitZips()));
        }
        err.println(counters);
        if (counters.priced() == 0 && counters.notCovered() > 0) {
          // As cpt price: a run that priced nothing for want of data must not look like one that
          // priced everything at zero.
          err.println(
              "cpt-spark: "
                  + DateCoverage.message(
                      "the data has no release, or no GPCIs, for the rows' dates and localities",
                      // As cpt price: the dates are the user's when --date was given or no row
                      // took today's. The rows are counted as they are priced: no other pass.
                      date != null || counters.undated() == 0));
          return 1;
        }
        if (counters.notInSample() > 0) {
          // As cpt price: the bundled data is a sample of CMS's files, and a run that priced
          // nothing for want of the whole file must not look like one of codes Medicare does not
          // pay, which is no invalid input.
          err.println("cpt-spark: " + notInSample(counters.notInSample(), counters.priced() == 0));
          if (counters.priced() == 0) {
            return 1;
          }
        }
        return counters.invalid() == 0 ? 0 : 1;
      }
    } finally {
      if (ours) {
        spark.stop();
      }
    }
  }

  /**
   * The line for {@code rows} rows {@code not_in_schedule} only because a schedule they went to is
   * a bundled sample: that nothing was priced, when {@code nothingPriced}, else a warning; worded
   * as {@code cpt price} words it, with the job's own option in the hint: it reads CMS's relative
   * value file, but not the laboratory, DMEPOS and drug files, whose bundled samples it always
   * uses.
   */
  private String notInSample(long rows, boolean nothingPriced) {
    return SampleCoverage.message(
        rows,
        nothingPriced,
        rvu == null
            ? "CMS's whole relative value file may price "
                + (rows == 1 ? "it" : "them")
                + ": --rvu FILE"
            : "the job prices laboratory tests, equipment and drugs with the bundled samples"
                + " alone");
  }

  private void checkUsage() {
    String in = inputFormat();
    if (!in.equals("csv") && !in.equals("parquet")) {
      throw new IllegalArgumentException("--input-format is csv or parquet, not " + inputFormat);
    }
    if (!format.equals("csv") && !format.equals("parquet")) {
      throw new IllegalArgumentException("--format is csv or parquet, not " + format);
    }
    if (partitions < 0) {
      throw new IllegalArgumentException("--partitions must not be negative");
    }
    // Two types for every provider's rows, or for one NPI's, are refused before Spark starts.
    PractitionerChoice.forEveryProvider(practitioners);
    PractitionerChoice.byProvider(practitioners);
  }

  private String inputFormat() {
    if (inputFormat != null) {
      return inputFormat.toLowerCase(Locale.ROOT);
    }
    return input.toLowerCase(Locale.ROOT).endsWith(".parquet") ? "parquet" : "csv";
  }

  private Dataset<Row> read(SparkSession spark) {
    DataFrameReader reader = spark.read();
    if (inputFormat().equals("parquet")) {
      return reader.parquet(input);
    }
    // Every column as text, as the command line reads it; quotes doubled as in RFC 4180. The
    // header's columns are given as the schema, with the corrupt-record column after them: Spark
    // then marks a row with more or fewer cells than the header, where it would otherwise pad or
    // cut it, and the pricing refuses it as malformed_row, attached to no claim.
    StructType schema = sparkColumns(headerAsWritten(spark), caseSensitive(spark));
    return reader
        .schema(schema.add(SparkClaimPricing.CORRUPT_RECORD, DataTypes.StringType, true))
        .option("header", true)
        .option("escape", "\"")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", SparkClaimPricing.CORRUPT_RECORD)
        .csv(input);
  }

  /**
   * Reads the header row of every file of the input as {@code cpt price} reads it, and checks them
   * as it checks one. Spark's reader reads every file by the places of one header's columns (its
   * header check, {@code enforceSchema=false}, refuses a blank or repeated name, which a
   * spreadsheet's export and the command line allow), so a file whose columns stand in another
   * order would be read into the wrong columns: such a file is refused, named, before anything is
   * priced. Only the first record of each file is read, in a Spark job over the files.
   *
   * @return the header's names, a byte order mark dropped; blank names are empty
   * @throws IllegalArgumentException if a file's header is not the others' (names compared ignoring
   *     case, as Spark matches columns, unless {@code spark.sql.caseSensitive}), is not valid CSV,
   *     or names a known column twice (the command line's message); or if no file has a header
   */
  private List<String> headerAsWritten(SparkSession spark) {
    // The files as the reader lists them (a directory's, a glob's; not hidden ones), without
    // reading any: a schema is given.
    String[] files =
        spark.read().schema("_c0 STRING").option("header", true).csv(input).inputFiles();
    List<FileHeader> headers = FileHeader.read(spark, files);
    FileHeader first = null;
    boolean caseSensitive = caseSensitive(spark);
    for (FileHeader header : headers) {
      if (header.problem() != null) {
        throw new IllegalArgumentException(header.file() + ": " + header.problem());
      }
      if (header.names() == null) {
        continue; // an empty file, which holds no rows either
      }
      if (first == null) {
        first = header;
      } else {
        String difference = first.difference(header, caseSensitive);
        if (difference != null) {
          throw new IllegalArgumentException(
              "the CSV files of the input have different headers: "
                  + difference
                  + "; the job reads every file by the columns of one header, so give it files"
                  + " with the same columns in the same order");
        }
      }
    }
    if (first == null) {
      throw new IllegalArgumentException(
          "the input is empty; it needs a header row with at least a 'code' column");
    }
    StructType columns = new StructType();
    for (String name : first.names()) {
      columns = columns.add(name, DataTypes.StringType);
    }
    SparkClaimPricing.columnWarnings(columns);
    return first.names();
  }

  /**
   * The header row of one file as the command line reads it: the names of its first record (blank
   * lines and a byte order mark before it skipped), null for an empty file, or what is wrong with
   * it. A class holding an array, not a record holding a list: a task sends it back to the driver
   * with the session's serializer, and Spark's Kryo ({@code spark.serializer=...KryoSerializer})
   * can neither write a record nor read back an immutable list.
   */
  static final class FileHeader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String[] names;
    private final String problem;

    FileHeader(String file, List<String> names, String problem) {
      this.file = file;
      this.names = names == null ? null : names.toArray(String[]::new);
      this.problem = problem;
    }

    /** Returns the file's URI. */
    String file() {
      return file;
    }

    /** Returns the header's names, or null for an empty file or a header that is not CSV. */
    List<String> names() {
      return names == null ? null : List.of(names);
    }

    /** Returns what is wrong with the header, or null. */
    String problem() {
      return problem;
    }

    /**
     * Reads the header of each of {@code files} (URIs, as {@code Dataset.inputFiles} gives them) in
     * a Spark job, where the input's files are read, and returns them in the files' order of name.
     */
    static List<FileHeader> read(SparkSession spark, String[] files) {
      JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
      Broadcast<SerializableConfiguration> conf =
          context.broadcast(
              new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
      try {
        int slices = Math.max(1, Math.min(files.length, context.defaultParallelism()));
        List<FileHeader> headers =
            new ArrayList<>(
                context
                    .parallelize(Arrays.asList(files), slices)
                    .map(file -> read(conf.value().value(), file))
                    .collect());
        headers.sort(Comparator.comparing(FileHeader::file));
        return headers;
      } finally {
        conf.destroy();
      }
    }

    /** Reads the header of {@code file}, decompressed as Spark's reader decompresses it. */
    private static FileHeader read(Configuration conf, String file) throws IOException {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(URI.create(file));
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
      try (InputStream raw = path.getFileSystem(conf).open(path);
          InputStream in = codec == null ? raw : codec.createInputStream(raw);
          CsvRecordReader records = new CsvRecordReader(in)) {
        CsvRecordReader.Record first = records.next();
        if (first == null) {
          return new FileHeader(file, null, null);
        }
        if (first.problem().isPresent()) {
          return new FileHeader(
              file, null, "file line " + first.line() + ", the header: " + first.problem().get());
        }
        return new FileHeader(file, List.copyOf(first.fields()), null);
      }
    }

    /** Says how {@code other}'s header differs from this one, or returns null when it does not. */
    String difference(FileHeader other, boolean caseSensitive) {
      for (int i = 0; i < Math.min(names.length, other.names.length); i++) {
        String mine = names[i];
        String theirs = other.names[i];
        if (caseSensitive ? !mine.equals(theirs) : !mine.equalsIgnoreCase(theirs)) {
          return "column "
              + (i + 1)
              + " of "
              + other.file
              + " is "
              + CodeFormatException.quote(theirs)
              + ", of "
              + file
              + " "
              + CodeFormatException.quote(mine);
        }
      }
      if (names.length != other.names.length) {
        return other.file + " has " + other.names.length + " columns, " + file + " " + names.length;
      }
      return null;
    }
  }

  /**
   * The columns Spark's reader makes of a header row when it reads the names itself, as text: a
   * blank name is {@code _c} and the column's index ({@code _c3}), and a name that repeats
   * (ignoring case unless {@code caseSensitive}) is followed by its index ({@code note2}, {@code
   * note3}), so that the columns carried through are named as before the job gave the schema
   * itself.
   */
  static StructType sparkColumns(List<String> names, boolean caseSensitive) {
    Map<String, Integer> seen = new HashMap<>();
    for (String name : names) {
      if (!name.isEmpty()) {
        seen.merge(caseSensitive ? name : name.toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    StructType columns = new StructType();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String key = caseSensitive ? name : name.toLowerCase(Locale.ROOT);
      String column = name.isEmpty() ? "_c" + i : seen.get(key) > 1 ? name + i : name;
      columns = columns.add(column, DataTypes.StringType, true);
    }
    return columns;
  }

  private static boolean caseSensitive(SparkSession spark) {
    return Boolean.parseBoolean(spark.conf().get("spark.sql.caseSensitive", "false"));
  }

  private void write(Dataset<Row> priced) {
    DataFrameWriter<Row> writer = priced.write();
    if (format.equals("parquet")) {
      writer.parquet(output);
      return;
    }
    // RFC 4180 quoting, blank cells for empty text and for nulls, and no trimming of input cells.
    writer
        .option("header", true)
        .option("escape", "\"")
        .option("emptyValue", "")
        .option("ignoreLeadingWhiteSpace", false)
        .option("ignoreTrailingWhiteSpace", false)
        .csv(output);
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = PriceJob.class.getPackage().getImplementationVersion();
      return new String[] {"cpt-spark " + (version == null ? "(development build)" : version)};
    }
  }
}
