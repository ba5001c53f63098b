package io.github.cpt4j.spark;

import static io.github.cpt4j.spark.SparkClaimPricing.AMOUNT_TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.cli.price.BatchHeader;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every row priced on Spark equals what {@code cpt price --input} answers for it: amount, result
 * and explanation, with claims shuffled across partitions, bad rows, rows without a claim key,
 * typed columns and empty partitions.
 */
class SparkClaimPricingTest {

  private static final PricingOptions OPTIONS =
      PricingOptions.of(LocalDate.of(2025, 6, 1)).withLocality(Locality.parse("13282-99"));

  private static SparkSession spark;
  private static SparkClaimPricing pricing;

  @BeforeAll
  static void start() {
    spark = TestSpark.session();
    pricing = SparkClaimPricing.create(spark, FeeScheduleFiles.bundled(), OPTIONS);
  }

  @AfterAll
  static void release() {
    pricing.close();
  }

  /**
   * Reads {@code rows} as a CSV file split into {@code partitions} consecutive parts, keeping their
   * order, as Spark reads a large file.
   */
  private static Dataset<Row> csv(List<String> rows, int partitions) {
    List<String> lines = new ArrayList<>();
    lines.add(LineGenerator.HEADER);
    lines.addAll(rows);
    Dataset<String> text =
        spark.createDataset(
            JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(lines, partitions)
                .rdd(),
            Encoders.STRING());
    return spark.read().option("header", true).csv(text);
  }

  /**
   * Collects the priced rows by their id column: amount, result, explanation, and the limiting
   * charge when the pricing added its column.
   */
  private static Map<String, CliReference.Answer> byId(Dataset<Row> priced) {
    Map<String, CliReference.Answer> answers = new HashMap<>();
    // The pricing's own column, right after amount; not an input column of that name carried.
    List<String> columns = List.of(priced.columns());
    boolean limiting =
        columns.indexOf("limiting_charge") > 0
            && columns.indexOf("limiting_charge") == columns.indexOf("amount") + 1;
    for (Row row : priced.collectAsList()) {
      BigDecimal amount = row.getAs("amount");
      BigDecimal limit = limiting ? row.getAs("limiting_charge") : null;
      CliReference.Answer previous =
          answers.put(
              row.getAs("id"),
              new CliReference.Answer(
                  amount == null ? "" : amount.toPlainString(),
                  row.getAs("result"),
                  row.getAs("explanation"),
                  limit == null ? "" : limit.toPlainString()));
      assertEquals(null, previous, "row " + row.getAs("id") + " came out twice");
    }
    return answers;
  }

  @Test
  void shuffledClaimsPriceAsTheCommandLinePricesThemSorted() throws IOException {
    List<String> rows = new LineGenerator(16).rows(3_000);
    // Rochester by its ZIP code rather than by --locality: a row's zip cell places the row in place
    // of the options' ZIP code (unknown_zip when it is in no locality), not of a locality given.
    PricingOptions byZip = PricingOptions.of(LocalDate.of(2025, 6, 1)).withZip("14620");
    Map<String, CliReference.Answer> expected =
        CliReference.price(LineGenerator.HEADER + "\n" + String.join("\n", rows) + "\n", byZip);

    Map<String, CliReference.Answer> actual;
    try (SparkClaimPricing zipPricing =
        SparkClaimPricing.create(spark, FeeScheduleFiles.bundled(), byZip)) {
      actual = byId(zipPricing.price(csv(LineGenerator.interleaved(rows, 7), 4)));
    }
    CliReference.assertSameAnswers(expected, actual);
    // The data exercises what it should: claims, and bad rows of many kinds, each with a reason.
    long pricedRows = actual.values().stream().filter(a -> a.result().equals("priced")).count();
    // About 1,500 of 2,000: visits on the day of a procedure are in its global package, and a
    // row repeating another of its claim's day exactly is denied as an exact duplicate.
    assertTrue(pricedRows > 1_400, pricedRows + " rows priced");
    for (String reason :
        List.of(
            "invalid_code",
            "invalid_modifiers",
            "invalid_units",
            "invalid_locality",
            "unknown_zip",
            "invalid_setting",
            "invalid_date",
            "conflicting_setting",
            "mixed_claim_context",
            "global_surgery",
            "not_in_schedule")) {
      assertTrue(actual.values().stream().anyMatch(a -> a.result().equals(reason)), "no " + reason);
    }
  }

  /**
   * Every column the batch reads, in odd forms the command line takes (blanks around a claim key
   * and a code, lower-case modifiers, ZIP+4, anesthesia minutes, practitioner cells, taxonomy codes
   * too, and APM cells) and bad ones, with quoted cells holding commas and doubled quotes, read as
   * the job reads CSV: the same answers as {@code cpt price --input}.
   */
  @Test
  void everyColumnInOddFormsPricesAsTheCommandLine() throws IOException {
    String header =
        "id,claim,code,modifiers,units,minutes,zip,date,practitioner,qualifying_apm,note";
    String[] codes = {"99213", " 27447 ", "29880", "00840", "71046", "j3301", "9921", "36415"};
    String[] modifiers = {"", "rt", "LT", "26 59", "QK", "CQ", "\"26,TC\"", "2", "AA"};
    String[] units = {"", "2", "0", "1.5", " 3 "};
    String[] minutes = {"", "", "60", "0", "10000"};
    String[] zips = {"", "", "10001-1234", "100011234", "00000", "ABCDE"};
    String[] dates = {"", "2025-03-14", " 2025-06-02 ", "2025-02-30", "2024-12-31"};
    String[] practitioners = {"", "", "np", "NP", "xx", "363L00000X", "163W00000X"};
    String[] apms = {"", "", "yes", "N", "maybe"};
    String[] notes = {"", "\"a, b\"", "\"say \"\"hi\"\"\"", "caf\u00e9"};
    java.util.Random random = new java.util.Random(11);
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String claim = random.nextInt(8) == 0 ? "" : (random.nextBoolean() ? " c" : "c") + i / 4;
      rows.add(
          String.join(
              ",",
              String.valueOf(i),
              claim,
              codes[random.nextInt(codes.length)],
              modifiers[random.nextInt(modifiers.length)],
              units[random.nextInt(units.length)],
              minutes[random.nextInt(minutes.length)],
              zips[random.nextInt(zips.length)],
              dates[random.nextInt(dates.length)],
              practitioners[random.nextInt(practitioners.length)],
              apms[random.nextInt(apms.length)],
              notes[random.nextInt(notes.length)]));
    }
    Map<String, CliReference.Answer> expected =
        CliReference.price(header + "\n" + String.join("\n", rows) + "\n", OPTIONS);
    List<String> lines = new ArrayList<>();
    lines.add(header);
    lines.addAll(rows);
    Dataset<String> text =
        spark.createDataset(
            JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(lines, 3).rdd(),
            Encoders.STRING());
    // The job's reader: quotes doubled as in RFC 4180, blanks kept.
    Dataset<Row> read =
        spark
            .read()
            .option("header", true)
            .option("escape", "\"")
            .option("ignoreLeadingWhiteSpace", false)
            .option("ignoreTrailingWhiteSpace", false)
            .csv(text);
    CliReference.assertSameAnswers(expected, byId(pricing.price(read)));
  }

  @Test
  void explanationsAndDefaultsFollowTheOptions() throws IOException {
    PricingOptions options =
        PricingOptions.of(LocalDate.of(2025, 3, 3))
            .withZip("10001")
            .withSetting(Setting.FACILITY)
            .withParticipating(false)
            .withExplainPriced(true);
    List<String> rows = new LineGenerator(3).rows(300);
    Map<String, CliReference.Answer> expected =
        CliReference.price(LineGenerator.HEADER + "\n" + String.join("\n", rows) + "\n", options);
    try (SparkClaimPricing explaining =
        SparkClaimPricing.create(spark, FeeScheduleFiles.bundled(), options)) {
      Map<String, CliReference.Answer> actual = byId(explaining.price(csv(rows, 2), 5));
      CliReference.assertSameAnswers(expected, actual);
      // A priced row's explanation says how its amount was found.
      CliReference.Answer priced =
          actual.values().stream()
              .filter(a -> a.result().equals("priced"))
              .findFirst()
              .orElseThrow();
      assertTrue(priced.explanation().contains("CF"), priced.toString());
    }
  }

  @Test
  void thePractitionerPlaceAndApmDefaultsReachEveryRow() throws IOException {
    // The generator's rows name no practitioner and no APM status: the options decide for all.
    PricingOptions options =
        OPTIONS
            .withPlaceOfService(PlaceOfService.ON_CAMPUS_OUTPATIENT_HOSPITAL)
            .withPractitioner(PractitionerType.NURSE_PRACTITIONER)
            .withQualifyingApm(true)
            .withExplainPriced(true);
    assertEquals(Setting.FACILITY, options.setting());
    List<String> rows = new LineGenerator(5).rows(200);
    Map<String, CliReference.Answer> expected =
        CliReference.price(LineGenerator.HEADER + "\n" + String.join("\n", rows) + "\n", options);
    try (SparkClaimPricing np =
        SparkClaimPricing.create(spark, FeeScheduleFiles.bundled(), options)) {
      Map<String, CliReference.Answer> actual = byId(np.price(csv(rows, 2), 3));
      CliReference.assertSameAnswers(expected, actual);
      assertTrue(
          actual.values().stream().anyMatch(a -> a.explanation().contains("nurse practitioner")),
          "no line was paid as a nurse practitioner's");
    }
  }

  /**
   * The present_at_induction column says, claim by claim, whether the AD supervisor was present at
   * induction, a blank cell taking the options' value: 00790-AD 60 min in 13282-99, facility, 2025,
   * (3 + 1) x 19.79 = 79.16 with it and 59.37 without, as text and as a BOOLEAN column.
   */
  @Test
  void presenceAtInductionIsReadPerClaimWithTheOptionsForBlankCells() throws IOException {
    String csv =
        "id,claim,code,modifiers,minutes,present_at_induction\n"
            + "a,A,00790,AD,60,false\n"
            + "b,B,00790,AD,60,\n"
            + "c,C,00790,AD,60,Y\n"
            + "d,D,00790,AD,60,maybe\n";
    PricingOptions present =
        OPTIONS
            .withDate(LocalDate.of(2025, 6, 2))
            .withSetting(Setting.FACILITY)
            .withPresentAtInduction(true);
    Map<String, CliReference.Answer> expected = CliReference.price(csv, present);
    assertEquals("59.37", expected.get("a").amount());
    assertEquals("79.16", expected.get("b").amount());
    assertEquals("79.16", expected.get("c").amount());
    assertEquals("invalid_present_at_induction", expected.get("d").result());
    try (SparkClaimPricing induction =
        SparkClaimPricing.create(spark, FeeScheduleFiles.bundled(), present)) {
      Dataset<Row> text =
          spark
              .read()
              .option("header", true)
              .csv(spark.createDataset(List.of(csv.split("\n")), Encoders.STRING()));
      CliReference.assertSameAnswers(expected, byId(induction.price(text)));
      // A BOOLEAN column, as Parquet holds it: true and false read as the text does, null as blank.
      Dataset<Row> typed =
          text.filter("id <> 'd'")
              .withColumn(
                  "present_at_induction",
                  functions.col("present_at_induction").cast(DataTypes.BooleanType));
      expected.remove("d");
      CliReference.assertSameAnswers(expected, byId(induction.price(typed)));
    }
  }

  /**
   * The charge column, read as the command line reads it: 99213 at 50.00 in 13282-99 is paid the
   * charge, a blank cell the fee, text that is no amount invalid_charge, a leading {@code $} read
   * as {@code BilledLine} writes it, and two rows differing only by their charges are no exact
   * duplicate; a DECIMAL column of any scale and a DOUBLE one, as Parquet and {@code inferSchema}
   * type charges, read as their dollars and cents ({@code 50.0000} is 50.00).
   */
  @Test
  void theChargeColumnCapsTheAmountAsTheCommandLineDoes() throws IOException {
    String csv =
        "id,claim,code,charge\n"
            + "a,,99213,50.00\n"
            + "b,,99213,\n"
            + "c,,99213,5 USD\n"
            + "d,A,69210,40\n"
            + "e,A,69210,45.5\n"
            + "f,,99213,$5\n";
    Map<String, CliReference.Answer> expected = CliReference.price(csv, OPTIONS);
    assertEquals("50.00", expected.get("a").amount(), expected::toString);
    assertEquals("invalid_charge", expected.get("c").result(), expected::toString);
    assertEquals("priced", expected.get("e").result(), expected::toString);
    assertEquals("5.00", expected.get("f").amount(), expected::toString);
    Dataset<Row> text =
        spark
            .read()
            .option("header", true)
            .csv(spark.createDataset(List.of(csv.split("\n")), Encoders.STRING()));
    CliReference.assertSameAnswers(expected, byId(pricing.price(text)));
    // Text a number column cannot hold.
    expected.remove("c");
    expected.remove("f");
    for (DataType type : List.of(DataTypes.createDecimalType(12, 4), DataTypes.DoubleType)) {
      Dataset<Row> typed =
          text.filter("id NOT IN ('c', 'f')")
              .withColumn("charge", functions.col("charge").cast(type));
      CliReference.assertSameAnswers(expected, byId(pricing.price(typed)));
    }
  }

  /**
   * The rendering_provider column, read as the command line reads it: a surgeon's 27447 and the
   * assistant's 27447-80 by two NPIs are priced apart (the assistant's line not ranked second), by
   * none as one practitioner's, a bad NPI is invalid_rendering_provider, and each NPI's rows are of
   * its own practitioner type (a physician's and a nurse practitioner's); a LONG column, as {@code
   * inferSchema} types ten digits, reads as its digits.
   */
  @Test
  void theRenderingProviderColumnJudgesEachPractitionersLinesApart() throws IOException {
    String csv =
        "id,claim,code,modifiers,rendering_provider,practitioner\n"
            + "a,A,27447,,1234567893,\n"
            + "b,A,27447,80,1000000004,\n"
            + "c,B,27447,,,\n"
            + "d,B,27447,80,,\n"
            + "e,C,27447,80,1234567890,\n"
            + "f,D,99213,,1234567893,physician\n"
            + "g,D,99213,,1000000004,np\n";
    Map<String, CliReference.Answer> expected = CliReference.price(csv, OPTIONS);
    assertEquals("priced", expected.get("b").result());
    // Paid in full with two NPIs, halved as the second procedure of one surgeon (to a cent).
    BigDecimal apart = new BigDecimal(expected.get("b").amount());
    BigDecimal ranked = new BigDecimal(expected.get("d").amount());
    assertTrue(
        apart
                .subtract(ranked.multiply(BigDecimal.valueOf(2)))
                .abs()
                .compareTo(new BigDecimal("0.02"))
            < 0,
        expected::toString);
    assertEquals("invalid_rendering_provider", expected.get("e").result());
    // Each provider's rows in its own practitioner type: the nurse practitioner's 85%.
    assertEquals("priced", expected.get("g").result(), expected::toString);
    assertTrue(
        new BigDecimal(expected.get("g").amount())
                .compareTo(new BigDecimal(expected.get("f").amount()))
            < 0,
        expected::toString);
    Dataset<Row> text =
        spark
            .read()
            .option("header", true)
            .csv(spark.createDataset(List.of(csv.split("\n")), Encoders.STRING()));
    CliReference.assertSameAnswers(expected, byId(pricing.price(text)));
    Dataset<Row> typed =
        text.withColumn(
            "rendering_provider", functions.col("rendering_provider").cast(DataTypes.LongType));
    CliReference.assertSameAnswers(expected, byId(pricing.price(typed)));
  }

  /**
   * An invalid row in the middle of a claim keeps its number: the line after it is line 3 in the
   * explanations, on Spark as on the command line, though only two lines are priced.
   */
  @Test
  void anInvalidRowInTheMiddleOfAClaimKeepsItsLineNumber() throws IOException {
    String csv =
        "id,claim,code,modifiers\n"
            + "a,c1,29880,RT\n"
            + "b,c1,2988,\n"
            + "c,c1,29880,LT\n"
            + "d,c2,99213,\n";
    PricingOptions explained = OPTIONS.withExplainPriced(true);
    Map<String, CliReference.Answer> expected = CliReference.price(csv, explained);
    assertEquals("invalid_code", expected.get("b").result());
    assertTrue(expected.get("c").explanation().contains("line 3"), expected.get("c").toString());
    try (SparkClaimPricing explaining =
        SparkClaimPricing.create(spark, FeeScheduleFiles.bundled(), explained)) {
      Dataset<Row> lines =
          spark
              .read()
              .option("header", true)
              .csv(spark.createDataset(List.of(csv.split("\n")), Encoders.STRING()))
              .repartition(3);
      CliReference.assertSameAnswers(expected, byId(explaining.price(lines)));
    }
  }

  @Test
  void typedColumnsWithoutClaimsAndEmptyPartitionsPriceAlone() throws IOException {
    String csv =
        "id,code,modifiers,units,zip,setting,date\n"
            + "a,99213,,2,10001,facility,2025-06-02\n"
            + "b,71046,26,1,14620,,2025-06-02\n"
            + "c,9921,,1,14620,,2025-06-02\n"
            + "d,99214,25,,60601,non-facility,\n";
    Map<String, CliReference.Answer> expected = CliReference.price(csv, OPTIONS);
    Dataset<Row> text =
        spark
            .read()
            .option("header", true)
            .csv(spark.createDataset(List.of(csv.split("\n")), Encoders.STRING()));
    // Parquet-like types: integer units, real dates and modifiers as an array, spread over more
    // partitions than rows.
    Dataset<Row> typed =
        text.withColumn("units", functions.col("units").cast(DataTypes.IntegerType))
            .withColumn("modifiers", functions.split(functions.col("modifiers"), " "))
            .withColumn("date", functions.col("date").cast(DataTypes.DateType))
            .repartition(7);

    CliReference.assertSameAnswers(expected, byId(pricing.price(typed)));
    assertEquals(0, pricing.price(typed.limit(0)).count());
    assertEquals(
        DataTypes.createDecimalType(12, 2),
        pricing.price(typed).schema().apply("amount").dataType());
  }

  /**
   * The partitions asked for are the partitions priced into, with a claim column or without one:
   * one large file read as one partition (a gzip file, say) is spread over the cores.
   */
  @Test
  void thePartitionsAskedForAreThePartitionsPricedInto() {
    Dataset<Row> alone =
        spark.createDataset(List.of("99213", "99214", "71046"), Encoders.STRING()).toDF("code");
    Dataset<Row> claims = alone.withColumn("claim", functions.lit("A"));
    for (Dataset<Row> lines : List.of(alone.coalesce(1), claims.coalesce(1))) {
      assertEquals(5, pricing.price(lines, 5).rdd().getNumPartitions(), lines.schema()::toString);
      PricingCounters counters = PricingCounters.register(spark.sparkContext());
      assertEquals(
          5, pricing.price(lines, counters, 5).rdd().getNumPartitions(), lines.schema()::toString);
    }
    // Without a number the lines without a claim column stay as they are: nothing is shuffled.
    assertEquals(1, pricing.price(alone.coalesce(1)).rdd().getNumPartitions());
  }

  /**
   * With limiting charges, a limiting_charge column of the amount's type comes right after amount,
   * filled as {@code cpt price --input --limiting-charge} fills it: 29880-RT, 20610-LT and 99213-25
   * in 13282-99, facility, on 2025-06-02, 580.88, 23.02 and 67.65 (109.25% of 531.70, 21.07 and
   * 61.92); a nurse practitioner's visit, paid only on assignment, none, with the command line's
   * warning; an invalid row none. Without them the schema and every row are as before, an input
   * column of that name carried through; with them, such a column is refused.
   */
  @Test
  void limitingChargesComeAfterTheAmountAsTheCommandLineGivesThem() throws IOException {
    String without =
        "id,claim,code,modifiers,practitioner\n"
            + "a,A,29880,RT,\n"
            + "b,A,20610,LT,\n"
            + "c,A,99213,25,\n"
            + "d,B,99213,,np\n"
            + "e,C,9921,,\n";
    // The same rows with a column of the name, which a run without limiting charges carries.
    String withColumn =
        "id,claim,code,modifiers,practitioner,limiting_charge\n"
            + "a,A,29880,RT,,x\n"
            + "b,A,20610,LT,,\n"
            + "c,A,99213,25,,\n"
            + "d,B,99213,,np,\n"
            + "e,C,9921,,,\n";
    PricingOptions limited =
        OPTIONS
            .withDate(LocalDate.of(2025, 6, 2))
            .withSetting(Setting.FACILITY)
            .withLimitingCharges(true);
    PricingOptions plain = limited.withLimitingCharges(false);
    Map<String, CliReference.Answer> expected = CliReference.price(without, limited);
    assertEquals(
        List.of("580.88", "23.02", "67.65", "", ""),
        List.of("a", "b", "c", "d", "e").stream()
            .map(id -> expected.get(id).limitingCharge())
            .toList(),
        expected::toString);
    assertTrue(
        expected.get("d").explanation().startsWith("warning: no limiting charge"),
        expected.get("d")::toString);
    Dataset<Row> text =
        spark
            .read()
            .option("header", true)
            .csv(spark.createDataset(List.of(withColumn.split("\n")), Encoders.STRING()));
    Dataset<Row> lines = text.drop("limiting_charge");
    try (SparkClaimPricing before =
            SparkClaimPricing.create(spark, FeeScheduleFiles.bundled(), plain);
        SparkClaimPricing after =
            SparkClaimPricing.create(spark, FeeScheduleFiles.bundled(), limited)) {
      Dataset<Row> priced = after.price(lines);
      assertEquals(
          List.of(
              "id",
              "claim",
              "code",
              "modifiers",
              "practitioner",
              "amount",
              "limiting_charge",
              "result",
              "explanation"),
          List.of(priced.columns()));
      assertEquals(SparkClaimPricing.outputSchema(lines.schema(), limited), priced.schema());
      assertEquals(AMOUNT_TYPE, priced.schema().apply("limiting_charge").dataType());
      assertTrue(priced.schema().apply("limiting_charge").nullable());
      CliReference.assertSameAnswers(expected, byId(priced));

      // Without the option: the schema and rows of before, the column carried through.
      Dataset<Row> unchanged = before.price(text);
      assertEquals(SparkClaimPricing.outputSchema(text.schema()), unchanged.schema());
      CliReference.assertSameAnswers(CliReference.price(withColumn, plain), byId(unchanged));
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> after.price(text));
      assertEquals(
          "the input has a column named 'limiting_charge', which the output adds; rename it",
          refused.getMessage());
    }
  }

  /**
   * A TIMESTAMP date is the day Spark's own cast gives it, in the session time zone, not in the
   * JVM's, with or without java.time values: 23:30 on New Year's Eve is priced with the 2025
   * release, 00:30 the next day with the 2026 release (which knows no GPCIs for 13282-99).
   */
  @Test
  void timestampDatesAreReadInTheSessionTimeZone() throws IOException {
    Map<String, CliReference.Answer> expected =
        CliReference.price("id,code,date\na,99213,2025-12-31\nb,99213,2026-01-01\n", OPTIONS);
    assertNotEquals(expected.get("a"), expected.get("b"), expected::toString);
    // Ten hours from the JVM's zone, so that reading in the wrong one moves a row to another day.
    int jvmOffset =
        ZoneId.systemDefault()
            .getRules()
            .getOffset(Instant.parse("2026-01-01T00:00:00Z"))
            .getTotalSeconds();
    String sessionZone = jvmOffset >= 0 ? "-10:00" : "+10:00";
    RuntimeConfig conf = spark.conf();
    String zoneKey = "spark.sql.session.timeZone";
    String java8Key = "spark.sql.datetime.java8API.enabled";
    String zone = conf.get(zoneKey);
    String java8 = conf.get(java8Key);
    try {
      conf.set(zoneKey, sessionZone);
      CptFunctions.register(pricing); // reads the session time zone as it is now
      for (boolean javaTime : new boolean[] {false, true}) {
        conf.set(java8Key, javaTime);
        Dataset<Row> lines =
            spark.sql(
                "SELECT id, '99213' AS code, date FROM VALUES"
                    + " ('a', TIMESTAMP'2025-12-31 23:30:00'), ('b', TIMESTAMP'2026-01-01 00:30:00')"
                    + " AS t(id, date)");
        assertEquals(
            List.of("a 2025-12-31", "b 2026-01-01"),
            lines.selectExpr("id", "CAST(date AS DATE)").collectAsList().stream()
                .map(r -> r.get(0) + " " + r.get(1))
                .toList(),
            "Spark's own cast");
        CliReference.assertSameAnswers(expected, byId(pricing.price(lines)));
        List<Row> sql =
            lines
                .selectExpr("id", "cpt_price_line(code, NULL, NULL, NULL, date).result")
                .collectAsList();
        assertEquals(
            List.of("a " + expected.get("a").result(), "b " + expected.get("b").result()),
            sql.stream().map(r -> r.get(0) + " " + r.get(1)).sorted().toList(),
            "java8API " + javaTime);
      }
    } finally {
      conf.set(zoneKey, zone);
      conf.set(java8Key, java8);
    }
  }

  /**
   * Lines built in another session of the same context (a notebook's newSession()) are read in that
   * session's time zone, where their own CAST(date AS DATE) falls: the pricing's session zone moved
   * 20:00 on New Year's Eve at -10:00 to the next day, and the next year's release.
   */
  @Test
  void timestampDatesAreReadInTheZoneOfTheSessionThatBuiltTheLines() throws IOException {
    Map<String, CliReference.Answer> expected =
        CliReference.price("id,code,date\na,99213,2025-12-31\nb,99213,2026-01-01\n", OPTIONS);
    org.apache.spark.sql.SparkSession other = spark.newSession();
    String zone = spark.conf().get("spark.sql.session.timeZone");
    // Ten hours from the pricing's session zone, whichever it is.
    int offset =
        SessionTimeZone.parse(zone)
            .getRules()
            .getOffset(Instant.parse("2026-01-01T00:00:00Z"))
            .getTotalSeconds();
    other.conf().set("spark.sql.session.timeZone", offset >= 0 ? "-10:00" : "+10:00");
    String evening = offset >= 0 ? "2025-12-31 20:00:00" : "2026-01-01 08:00:00";
    String night = offset >= 0 ? "2026-01-01 00:30:00" : "2026-01-01 10:30:00";
    Dataset<Row> lines =
        other.sql(
            "SELECT id, '99213' AS code, date FROM VALUES ('a', TIMESTAMP'"
                + evening
                + "'), ('b', TIMESTAMP'"
                + night
                + "') AS t(id, date)");
    if (offset < 0) {
      // At +10:00 both fall on 2026-01-01 and 2026-01-01: compare with that reading instead.
      expected =
          CliReference.price("id,code,date\na,99213,2026-01-01\nb,99213,2026-01-01\n", OPTIONS);
    }
    CliReference.assertSameAnswers(expected, byId(pricing.price(lines)));
  }

  /**
   * Units typed DOUBLE (as pandas writes an integer column with gaps) or DECIMAL: a whole number
   * counts as that number, a fraction is refused as the command line refuses its text.
   */
  @Test
  void wholeDecimalUnitsAreWholeNumbers() throws IOException {
    Map<String, CliReference.Answer> expected =
        CliReference.price("id,code,units\na,99213,2\nb,99213,2.5\n", OPTIONS);
    assertEquals("priced", expected.get("a").result());
    for (String type : List.of("DOUBLE", "DECIMAL(10,1)")) {
      Dataset<Row> lines =
          spark.sql(
              "SELECT id, '99213' AS code, CAST(u AS "
                  + type
                  + ") AS units FROM VALUES ('a', '2.0'), ('b', '2.5') AS t(id, u)");
      CliReference.assertSameAnswers(expected, byId(pricing.price(lines)));
    }
  }

  /**
   * Code and ZIP code columns of whole numbers (INT, as inferSchema reads a CSV column of digits;
   * DECIMAL; DOUBLE): the anesthesia code 00790 is the number 790 and the ZIP code 01223
   * (Massachusetts) 1223, and both get their zeros back; a code of six digits stays one that is no
   * code.
   */
  @Test
  void wholeNumberCodesAndZipCodesGetTheirLeadingZerosBack() throws IOException {
    Map<String, CliReference.Answer> expected =
        CliReference.price(
            "id,code,modifiers,minutes,zip\na,00790,AA,60,01223\nb,99213,,,01223\n"
                + "c,123456,,,10001\nd,99213,,,012230001\n",
            OPTIONS);
    assertEquals("priced", expected.get("a").result());
    assertEquals("invalid_code", expected.get("c").result());
    Dataset<Row> lines =
        spark.sql(
            "SELECT id, CAST(c AS INT) AS code, mods AS modifiers, m AS minutes,"
                + " CAST(z AS BIGINT) AS zip FROM VALUES ('a', '00790', 'AA', '60', '01223'),"
                + " ('b', '99213', '', '', '01223'), ('c', '123456', '', '', '10001'),"
                + " ('d', '99213', '', '', '012230001') AS t(id, c, mods, m, z)");
    CliReference.assertSameAnswers(expected, byId(pricing.price(lines)));
    // The same numbers typed DECIMAL and DOUBLE (pandas writes a column with gaps as float64).
    Dataset<Row> typed =
        lines
            .withColumn("code", lines.col("code").cast("decimal(9,2)"))
            .withColumn("zip", lines.col("zip").cast("double"));
    CliReference.assertSameAnswers(expected, byId(pricing.price(typed)));
  }

  @Test
  void countsRowsAndSaysWhatIsWrongWithTheColumns() {
    Dataset<Row> lines =
        spark
            .createDataset(List.of("x,99213", "x,99213-XX", ",0001F"), Encoders.STRING())
            .selectExpr("split(value, ',')[0] AS claim", "split(value, ',')[1] AS code");
    PricingCounters counters = PricingCounters.register(spark.sparkContext());
    List<Row> rows = pricing.price(lines, counters, 2).collectAsList();
    assertEquals(3, rows.size());
    assertEquals("3 rows: 1 priced, 2 not priced (1 invalid)", counters.toString());
    // No date column: each valid row took the options' date; the invalid one is not counted.
    assertEquals(2, counters.undated());

    IllegalArgumentException noCode =
        assertThrows(IllegalArgumentException.class, () -> pricing.price(lines.drop("code")));
    assertTrue(noCode.getMessage().contains("no 'code' column"), noCode.getMessage());
    IllegalArgumentException added =
        assertThrows(
            IllegalArgumentException.class,
            () -> pricing.price(lines.withColumn("Result", functions.lit("x"))));
    assertTrue(added.getMessage().contains("which the output adds"), added.getMessage());
    // As cpt price refuses --locality 99999-99: before any row, not as every row's missing GPCIs.
    IllegalArgumentException locality =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SparkClaimPricing.create(
                    spark,
                    FeeScheduleFiles.bundled(),
                    OPTIONS.withLocality(Locality.parse("99999-99"))));
    assertTrue(
        locality.getMessage().contains("99999-99 is not a Medicare payment locality"),
        locality.getMessage());
  }

  /**
   * The pricing adds two working columns of its own to key and order claims; an input column of
   * either name (Spark resolves names without case) would be replaced by it, or dropped with it,
   * and the rows read at the wrong places. It is refused before anything runs.
   */
  @Test
  void aColumnOfTheWorkingColumnsNamesIsRefused() {
    for (String name : List.of("__cpt4j_claim_key", "__CPT4J_ROW")) {
      StructType schema =
          new StructType().add("claim", DataTypes.StringType).add("code", DataTypes.StringType);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> SparkClaimPricing.outputSchema(schema.add(name, DataTypes.StringType)));
      assertEquals(
          "column '" + name + "' has a name the pricing keeps for its own columns (__cpt4j_...)",
          e.getMessage());
    }
  }

  /**
   * A column named like a known one that the input lacks gets the command line's warning, decided
   * by the command line's own rule: both name the same columns, in the same words.
   */
  @Test
  void aColumnNamedLikeAKnownOneGetsTheCommandLinesWarning() {
    List<String> names =
        List.of("code", "Unit", "modifier", "qty", "date_of_service", "note", "zip_code", "pos");
    StructType schema = new StructType();
    for (String name : names) {
      schema = schema.add(name, DataTypes.StringType);
    }
    List<String> warnings = SparkClaimPricing.columnWarnings(schema);
    assertEquals(
        BatchHeader.of(names, false).lookalikes().stream()
            .map(BatchHeader.Lookalike::message)
            .toList(),
        warnings);
    assertEquals("column 'Unit' is not read: did you mean 'units'?", warnings.get(0));
    // Every such column is named, two for units alike; note is plainly unrelated.
    assertEquals(5, warnings.size(), warnings::toString);
    // Once units is there it is read, and Unit and qty are data of their own.
    assertEquals(
        3, SparkClaimPricing.columnWarnings(schema.add("units", DataTypes.IntegerType)).size());
  }

  /**
   * A closed pricing has released its schedule: pricing with it, or registering the functions with
   * it, is refused at the call, saying so, not by Spark deep inside the query that would run.
   */
  @Test
  void aClosedPricingIsRefusedAtTheCall() {
    SparkClaimPricing closed = SparkClaimPricing.create(spark, FeeScheduleFiles.bundled(), OPTIONS);
    closed.close();
    closed.close(); // closing again does nothing
    Dataset<Row> lines = spark.createDataset(List.of("99213"), Encoders.STRING()).toDF("code");
    String expected =
        "this SparkClaimPricing is closed: its schedule was released; create another to price";
    for (org.junit.jupiter.api.function.Executable call :
        List.<org.junit.jupiter.api.function.Executable>of(
            () -> closed.price(lines),
            () -> closed.price(lines, 2),
            () -> closed.price(lines, PricingCounters.register(spark.sparkContext()), 0),
            () -> CptFunctions.register(closed))) {
      assertEquals(expected, assertThrows(IllegalStateException.class, call).getMessage());
    }
  }

  /** A null schema is named at the call, not met deep inside as the JVM's message. */
  @Test
  void aNullSchemaIsNamed() {
    for (org.junit.jupiter.api.function.Executable call :
        List.<org.junit.jupiter.api.function.Executable>of(
            () -> SparkClaimPricing.outputSchema(null),
            () -> SparkClaimPricing.outputSchema(null, OPTIONS),
            () -> SparkClaimPricing.columnWarnings(null))) {
      assertEquals("input", assertThrows(NullPointerException.class, call).getMessage());
    }
  }

  /**
   * Null counters are refused, not read as "no counters": {@code price(lines, partitions)} prices
   * without counting. Refused before Spark runs anything.
   */
  @Test
  void countingNeedsCounters() {
    NullPointerException missing =
        assertThrows(
            NullPointerException.class, () -> pricing.price(spark.emptyDataFrame(), null, 0));
    assertEquals("counters", missing.getMessage());
  }

  /** The lines of one claim, read by six tasks, come together in one partition, in order. */
  @Test
  void aClaimSpreadOverEveryPartitionIsPricedOnce() throws IOException {
    List<String> rows = new ArrayList<>();
    String[] codes = {"29880", "20610", "99213", "27447", "71046", "93000"};
    for (int i = 0; i < codes.length; i++) {
      rows.add(i + ",K," + codes[i] + ",,,13282-99,,facility,,2025-06-02");
    }
    Map<String, CliReference.Answer> expected =
        CliReference.price(LineGenerator.HEADER + "\n" + String.join("\n", rows) + "\n", OPTIONS);
    CliReference.assertSameAnswers(expected, byId(pricing.price(csv(rows, 6), 4)));
  }

  /**
   * A claim of more than 1,000 rows: the first 1,000 priced together, the rest claim_too_long, as
   * the command line answers them (and without holding the rest in memory).
   */
  @Test
  void theRowsPastAClaimsThousandthAreRefusedAsTheCommandLineRefusesThem() throws IOException {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < BatchRules.MAX_CLAIM_LINES + 3; i++) {
      rows.add(i + ",BIG,99213,,,13282-99,,facility,,2025-06-02");
    }
    rows.add("2000,OTHER,99213,,,13282-99,,facility,,2025-06-02");
    Map<String, CliReference.Answer> expected =
        CliReference.price(LineGenerator.HEADER + "\n" + String.join("\n", rows) + "\n", OPTIONS);
    assertEquals("claim_too_long", expected.get("1001").result(), expected.get("1001")::toString);
    CliReference.assertSameAnswers(expected, byId(pricing.price(csv(rows, 2), 2)));
  }

  /**
   * The claim rules of every schedule, on claims of up to seven lines scattered through the input:
   * places of service that refuse lines or that CMS leaves unassigned (not_payable_in_place),
   * procedures ranked sixth and later (priced_by_report, and its warning naming the line), lines a
   * bundled sample lacks beside priced ones (the INCOMPLETE_DATA warning naming them), anesthesia
   * minutes, practitioner types, laboratory tests, equipment and drugs, charges: explained, with
   * limiting charges, the same answers as the command line's.
   */
  @Test
  void theRulesOfEverySchedulePriceAsTheCommandLine() throws IOException {
    String header =
        "id,claim,code,modifiers,units,minutes,zip,pos,date,practitioner,rendering_provider,"
            + "charge";
    String[] codes = {
      "36415", "80053", "J1100", "E0114", "E0950", "90715", "J9035", "P9603", "00790", "00840",
      "01967", "27447", "29880", "20610", "22818", "63047", "22612", "11042", "97110", "96372",
      "85060", "71046", "93000", "99213", "99214", "81002", "69210", "17000", "11721", "0001U",
      "93005", "93010", "61580", "77067", "J3301", "Q4101", "E0424"
    };
    String[] modifiers = {
      "", "", "", "", "26", "TC", "50", "RT", "LT", "25", "59", "80", "62", "66", "53", "22", "52",
      "AD", "QK", "QZ", "NU", "RR", "RR KJ", "QW", "91", "XS", "95", "AS", "CQ", "QE", "KX"
    };
    String[] places = {"", "", "11", "22", "21", "30", "02", "10", "19", "31", "24", "99", "2"};
    String[] practitioners = {"", "", "", "np", "csw", "therapist", "crna", "363L00000X"};
    String[] npis = {"", "", "1000000004", "1245319599"};
    String[] dates = {"", "2025-03-14", "2025-06-02", "2025-11-03", "2024-06-01", "2025-12-31"};
    String[] zips = {"", "", "10001", "14620", "99501", "00901"};
    java.util.Random random = new java.util.Random(5);
    List<String> rows = new ArrayList<>();
    for (int claim = 0; rows.size() < 1_500; claim++) {
      int size = 1 + random.nextInt(7);
      String key = random.nextInt(10) == 0 ? "" : "K" + claim;
      String pos = places[random.nextInt(places.length)];
      String date = dates[random.nextInt(dates.length)];
      String zip = zips[random.nextInt(zips.length)];
      String practitioner =
          random.nextInt(3) == 0 ? practitioners[random.nextInt(practitioners.length)] : "";
      String npi = npis[random.nextInt(npis.length)];
      for (int i = 0; i < size; i++) {
        String code = codes[random.nextInt(codes.length)];
        String mods =
            modifiers[random.nextInt(modifiers.length)]
                + (random.nextInt(5) == 0 ? " " + modifiers[random.nextInt(modifiers.length)] : "");
        String units = random.nextInt(6) == 0 ? String.valueOf(1 + random.nextInt(8)) : "";
        String minutes = code.startsWith("0") ? String.valueOf(15 + random.nextInt(120)) : "";
        String charge = random.nextInt(8) == 0 ? (10 + random.nextInt(200)) + ".00" : "";
        rows.add(
            String.join(
                ",",
                String.valueOf(rows.size()),
                key,
                code,
                mods,
                units,
                minutes,
                zip,
                pos,
                date,
                practitioner,
                npi,
                charge));
      }
    }
    PricingOptions options =
        PricingOptions.of(LocalDate.of(2025, 6, 1))
            .withLocality(Locality.parse("13282-99"), "10001")
            .withExplainPriced(true)
            .withLimitingCharges(true);
    Map<String, CliReference.Answer> expected =
        CliReference.price(header + "\n" + String.join("\n", rows) + "\n", options);
    List<String> lines = new ArrayList<>();
    lines.add(header);
    lines.addAll(LineGenerator.interleaved(rows, 3));
    Dataset<Row> read =
        spark.read().option("header", true).csv(spark.createDataset(lines, Encoders.STRING()));
    try (SparkClaimPricing explained =
        SparkClaimPricing.create(spark, FeeScheduleFiles.bundled(), options)) {
      CliReference.assertSameAnswers(expected, byId(explained.price(read)));
    }
    // The data reaches what it should: each of these results, and the warnings naming lines.
    for (String result :
        List.of(
            "not_payable_in_place",
            "priced_by_report",
            "modifier_required",
            "modifier_not_allowed",
            "carrier_priced",
            "edit_denied",
            "global_surgery")) {
      assertTrue(
          expected.values().stream().anyMatch(a -> a.result().equals(result)), "no " + result);
    }
    for (String warning :
        List.of(
            "place of service 30 is unassigned",
            "CMS pays the sixth and later procedures by report",
            "a subset of the relative value file: the claim rules could not weigh")) {
      assertTrue(
          expected.values().stream().anyMatch(a -> a.explanation().contains(warning)),
          "no " + warning);
    }
  }
}
