package io.github.cpt4j.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.spark.HadoopFileTest;
import io.github.cpt4j.spark.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The job end to end on the tests' session: a CSV file in, a directory of CSV out with the input
 * columns, amount, result and explanation; the exit status says whether rows were invalid.
 */
class PriceJobTest {

  @TempDir Path dir;

  @HadoopFileTest
  void pricesAFileIntoADirectoryAndReportsInvalidRows() throws Exception {
    SparkSession spark = TestSpark.session();
    Path input = dir.resolve("lines.csv");
    Files.writeString(
        input,
        "claim,code,modifiers,locality,note\n"
            + "A,29880,RT,13282-99,\"knee, right\"\n"
            + "A,20610,LT,13282-99,\n"
            + "B,9921,,13282-99,\"said \"\"hi\"\"\"\n");
    Path output = dir.resolve("priced");

    int status =
        PriceJob.run(
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--setting",
            "facility",
            "--date",
            "2025-06-02",
            "--single-file");

    assertEquals(1, status);
    List<Path> parts;
    try (var files = Files.list(output)) {
      parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).toList();
    }
    assertEquals(1, parts.size());
    List<String> lines = Files.readAllLines(parts.get(0));
    assertEquals("claim,code,modifiers,locality,note,amount,result,explanation", lines.get(0));
    assertTrue(
        lines.contains("A,29880,RT,13282-99,\"knee, right\",531.70,priced,"), lines::toString);
    assertTrue(lines.contains("A,20610,LT,13282-99,,21.07,priced,"), lines::toString);
    // As the command line writes it: quoted only where a cell needs it.
    assertTrue(
        lines.contains(
            "B,9921,,13282-99,\"said \"\"hi\"\"\",,invalid_code,code: '9921' has the wrong"
                + " length at index 4: expected exactly five characters"),
        lines::toString);

    // The output reads back as the input's columns plus the three.
    List<Row> back = spark.read().option("header", true).csv(output.toString()).collectAsList();
    assertEquals(3, back.size());
  }

  @HadoopFileTest
  void thePractitionerAndPlaceOfServiceOptionsPriceAsTheCommandLineDoes() throws Exception {
    // 99213 in Manhattan, 2025, in the office: 85% of the posted 101.06 = 85.901, paid 85.90.
    Path input = dir.resolve("visits.csv");
    Files.writeString(
        input, "code,locality,rendering_provider\n99213,13202-01,\n99213,13202-01,1000000004\n");
    Path output = dir.resolve("np");

    int status =
        PriceJob.run(
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--pos",
            "11",
            "--practitioner",
            "np",
            "--practitioner",
            "1000000004=csw",
            "--date",
            "2025-06-02",
            "--explain",
            "--single-file");

    assertEquals(0, status);
    String priced = singleFileLines(output).get(1);
    assertTrue(priced.startsWith("99213,13202-01,,85.90,priced,"), priced);
    // The clinical social worker's 75%, as --practitioner NPI=TYPE says of her rows.
    String csw = singleFileLines(output).get(2);
    assertTrue(csw.startsWith("99213,13202-01,1000000004,75.80,priced,"), csw);
    assertTrue(priced.contains("85% for a nurse practitioner"), priced);
    assertTrue(priced.contains("POS 11"), priced);
  }

  @HadoopFileTest
  void localityAndZipTogetherAreThePlaceAndWhereThePatientLives() throws Exception {
    // As cpt price --locality 05302-99 --zip 10001: the visit in 05302-99 (82.71), the crutches
    // for a patient living in New York (NY non-rural 61.45, not California's 65.94).
    Path input = dir.resolve("both.csv");
    Files.writeString(input, "code,modifiers\n99213,\nE0114,NU\n");
    Path output = dir.resolve("both");
    // On 1 March: the bundled DMEPOS rows are of the first quarter, so not runOn's 2 June.
    int status =
        PriceJob.run(
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--locality",
            "05302-99",
            "--zip",
            "10001",
            "--date",
            "2025-03-01",
            "--single-file");
    assertEquals(0, status);
    List<String> priced = singleFileLines(output);
    assertTrue(priced.get(1).startsWith("99213,,82.71,priced"), priced.toString());
    assertTrue(priced.get(2).startsWith("E0114,NU,61.45,priced"), priced.toString());
  }

  @HadoopFileTest
  void aRunThatPricedNothingForWantOfDataExitsOne() throws Exception {
    // Every row is well formed, but the bundled data has no release for 2027: as cpt price, the
    // job must not end with status 0 as if it had priced everything at zero.
    Path input = dir.resolve("uncovered.csv");
    Files.writeString(input, "claim,code,locality\nA,99213,13282-99\nB,71046,13282-99\n");
    Path output = dir.resolve("uncovered");

    Ran ran =
        run("--input", input.toString(), "--output", output.toString(), "--date", "2027-01-04");

    assertEquals(1, ran.status());
    // --date was given: the hint is not to give it.
    assertTrue(
        ran.err()
            .contains(
                "nothing was priced: the data has no release, or no GPCIs, for the rows' dates"
                    + " and localities (give data for that date, or another date)"),
        ran::err);
    List<Row> back =
        TestSpark.session().read().option("header", true).csv(output.toString()).collectAsList();
    assertEquals(2, back.size());
    for (Row row : back) {
      assertEquals("date_not_covered", row.getAs("result"), row::toString);
    }
  }

  @HadoopFileTest
  void aRunWhoseRowsAllCarryTheirDateIsNotToldToGiveADate() throws Exception {
    // No --date, but every row has its own: the hint said "give --date", advice the rows followed.
    Path input = dir.resolve("dated.csv");
    Files.writeString(
        input, "code,date,locality\n99213,2027-01-04,13282-99\n71046,2027-01-05,13282-99\n");

    Ran ran = run("--input", input.toString(), "--output", dir.resolve("dated").toString());

    assertEquals(1, ran.status(), ran::err);
    assertTrue(
        ran.err()
            .contains(
                "nothing was priced: the data has no release, or no GPCIs, for the rows' dates"
                    + " and localities (give data for that date, or another date)"),
        ran::err);
  }

  /**
   * The bundled data is a sample of CMS's files: as cpt price, a run whose rows are all
   * not_in_schedule only for want of the whole file says so and exits 1, and a run that priced
   * other rows warns of them, rather than ending with status 0 as if the codes were not paid.
   */
  @HadoopFileTest
  void rowsMissingFromTheBundledSampleAreToldAsTheCommandLineTellsThem() throws Exception {
    // 49000 is paid by CMS's whole relative value file (882.90 in Manhattan in June 2025), not in
    // the bundled sample.
    Path input = dir.resolve("sample.csv");
    Files.writeString(input, "claim,code,locality\nA,49000,13202-01\nB,49000,13202-01\n");

    Ran nothing = runOn(input, dir.resolve("nothing"));

    assertEquals(1, nothing.status(), nothing::err);
    assertTrue(
        nothing
            .err()
            .contains(
                "cpt-spark: nothing was priced: 2 rows have codes not in the bundled data, a sample"
                    + " of CMS's files (CMS's whole relative value file may price them: --rvu"
                    + " FILE)"),
        nothing::err);

    Path mixed = dir.resolve("mixed.csv");
    Files.writeString(mixed, "claim,code,locality\nA,49000,13202-01\nB,99213,13202-01\n");
    Ran some = runOn(mixed, dir.resolve("some"));
    assertEquals(0, some.status(), some::err);
    assertTrue(
        some.err()
            .contains(
                "cpt-spark: warning: 1 row has a code not in the bundled data, a sample of CMS's"
                    + " files"),
        some::err);
  }

  /**
   * As cpt price: without --date, rows without a date of their own are priced on today's date,
   * right for a list of codes to quote and wrong for claims of the past; the job says how many.
   */
  @HadoopFileTest
  void rowsPricedOnTodaysDateForWantOfADateAreCounted() throws Exception {
    Path input = dir.resolve("today.csv");
    Files.writeString(
        input, "code,date,locality\n99213,2025-06-02,13282-99\n71046,,13282-99\n93000,,13282-99\n");

    // Today in the job's time zone, read on both sides of the run in case it crosses midnight.
    LocalDate before = LocalDate.now(ZoneId.systemDefault());
    Ran ran = run("--input", input.toString(), "--output", dir.resolve("today").toString());
    LocalDate after = LocalDate.now(ZoneId.systemDefault());

    String warning =
        "cpt-spark: warning: 2 rows have no date of service and no --date was given:"
            + " priced on today's date, ";
    assertTrue(
        ran.err().contains(warning + before) || ran.err().contains(warning + after), ran::err);
    // With --date, the date is the user's: nothing to say.
    Ran dated = runOn(input, dir.resolve("dated"));
    assertFalse(dated.err().contains("no date of service"), dated::err);
  }

  @HadoopFileTest
  void aColumnNamedLikeAKnownOneIsWarnedOfAsTheCommandLineWarns() throws Exception {
    // Two units under "unit": carried through unread, so the row is priced as one unit.
    Path input = dir.resolve("unit.csv");
    Files.writeString(input, "code,locality,unit\n99213,13282-99,2\n");
    Ran ran = runOn(input, dir.resolve("unit"));
    assertEquals(0, ran.status());
    String err = ran.err();
    assertTrue(
        err.contains("cpt-spark: warning: column 'unit' is not read: did you mean 'units'?"), err);
    // And, as cpt price, an NPI=TYPE that no row can be of: there is no rendering_provider.
    Ran typed = runOn(input, dir.resolve("typed"), "--practitioner", "1234567893=np");
    assertTrue(typed.err().contains("the input has no rendering_provider column"), typed::err);
    // A rendering_provider column whose name ends in a no-break space is read as the pricing
    // reads it: the warning said the input had none.
    Path named = dir.resolve("named.csv");
    Files.writeString(named, "code,locality,rendering_provider\u00a0\n99213,13282-99,\n");
    Ran withColumn = runOn(named, dir.resolve("named"), "--practitioner", "1234567893=np");
    assertFalse(
        withColumn.err().contains("the input has no rendering_provider column"), withColumn::err);
    assertFalse(err.contains("rendering_provider"), err);
  }

  /**
   * As cpt price: an NPI=TYPE that no valid row is by is most likely a mistyped NPI, and each such
   * NPI is named; without a rendering_provider column the warning names the option's NPIs, in NPI
   * order, and the type the rows took, in the command line's words.
   */
  @HadoopFileTest
  void anNpiOfNoRowIsWarnedOfAsTheCommandLineWarns() throws Exception {
    Path input = dir.resolve("npi.csv");
    Files.writeString(
        input,
        "code,locality,rendering_provider\n99213,13282-99,1234567893\n99213,13282-99,1000000004\n");
    Ran ran =
        runOn(
            input,
            dir.resolve("npi"),
            "--practitioner",
            "1234567893=np",
            "--practitioner",
            "1234567885=np");
    assertEquals(0, ran.status(), ran::err);
    assertTrue(
        ran.err()
            .contains(
                "cpt-spark: warning: --practitioner 1234567885=...: no valid row is by"
                    + " 1234567885\n"),
        ran::err);
    assertFalse(ran.err().contains("1234567893=..."), ran::err);
    // A row that names the NPI but is not valid names no one: the NPI is still of no row.
    Path invalid = dir.resolve("invalid.csv");
    Files.writeString(invalid, "code,locality,rendering_provider\n9921,13282-99,1234567885\n");
    Ran refused = runOn(invalid, dir.resolve("invalid"), "--practitioner", "1234567885=np");
    assertTrue(refused.err().contains("1234567885=...: no valid row is by"), refused::err);

    Path none = dir.resolve("none.csv");
    Files.writeString(none, "code,locality\n99213,13282-99\n");
    Ran without =
        runOn(
            none,
            dir.resolve("none"),
            "--practitioner",
            "1234567893=np",
            "--practitioner",
            "1234567885=cns",
            "--practitioner",
            "pa");
    assertTrue(
        without
            .err()
            .contains(
                "cpt-spark: warning: --practitioner NPI=TYPE names the rendering providers"
                    + " 1234567885, 1234567893, and the input has no rendering_provider column: no"
                    + " row is of those NPIs, and every row without a practitioner took pa\n"),
        without::err);
    assertFalse(without.err().contains("no valid row is by"), without::err);
  }

  /**
   * As cpt price: rows priced in the locality of a ZIP code that CMS splits by ZIP+4 (35958,
   * Alabama) are counted, not a row on a date the data does not cover; and --zip of such a ZIP code
   * is warned of once, with the locality its rows took.
   */
  @HadoopFileTest
  void aZipCodeCmsSplitsByZipPlusFourIsWarnedOfAsTheCommandLineWarns() throws Exception {
    Path input = dir.resolve("split.csv");
    Files.writeString(
        input,
        "code,zip,date\n99213,35958,2024-06-02\n99213,35958,2025-06-02\n"
            + "99213,35958,2025-06-03\n99213,10001,2025-06-02\n");
    Ran ran = runOn(input, dir.resolve("split"));
    assertTrue(
        ran.err()
            .contains(
                "cpt-spark: warning: 2 rows have a ZIP code that CMS splits between payment"
                    + " localities and prices by its ZIP+4, which cpt4j does not read: priced in"
                    + " the locality of its five-digit row; give a locality column (or"
                    + " --locality) for those rows\n"),
        ran::err);
    Path codes = dir.resolve("codes.csv");
    Files.writeString(codes, "code\n99213\n");
    Ran zip = runOn(codes, dir.resolve("zip"), "--zip", "01434");
    assertEquals(0, zip.status(), zip::err);
    assertTrue(
        zip.err()
            .contains(
                "cpt-spark: warning: CMS splits ZIP code 01434 between payment localities and"
                    + " prices it by its ZIP+4, which cpt4j does not read: priced in 14212-01, the"
                    + " locality of its five-digit row; give --locality if the place is in"
                    + " another\n"),
        zip::err);
    Ran given = runOn(codes, dir.resolve("given"), "--zip", "01434", "--locality", "14212-01");
    assertFalse(given.err().contains("splits"), given::err);
  }

  /**
   * A file that Spark fails to read in a task is trouble (status 2) told in one line naming the
   * file, not Spark's "Job aborted due to stage failure" with the task's stack trace.
   */
  @HadoopFileTest
  void anUnreadableInputIsOneLineNamingTheFile() throws Exception {
    TestSpark.session();
    Path input = dir.resolve("lines.parquet");
    Files.writeString(input, "code\n99213\n");
    Ran ran = runOn(input, dir.resolve("out"), "--locality", "13282-99");
    assertEquals(2, ran.status());
    String err = ran.err();
    String said = err.substring(err.indexOf("cpt-spark: ")).strip();
    assertTrue(said.contains("lines.parquet is not a Parquet file"), err);
    assertEquals(1, said.lines().count(), said);
  }

  /**
   * A header that names a known column twice is refused with the command line's message, although
   * Spark's reader would rename the two (units2, units3) and price every row as one unit.
   */
  @HadoopFileTest
  void aHeaderThatNamesAColumnTwiceIsRefusedAsTheCommandLineRefusesIt() throws Exception {
    TestSpark.session();
    Path input = dir.resolve("twice.csv");
    Files.writeString(input, "id,code,units,units\n1,99213,2,3\n");
    Path output = dir.resolve("twice");
    Ran ran = runOn(input, output, "--locality", "13282-99");
    assertEquals(2, ran.status());
    String err = ran.err();
    assertTrue(err.contains("cpt-spark: the header names column 'units' twice"), err);
    assertTrue(Files.notExists(output), "no output for a refused header");
  }

  /**
   * A row with fewer or more cells than the header is malformed_row, as cpt price --input refuses
   * it, and attached to no claim. Spark's lenient reader padded the short row (its claim cell null:
   * 29881 paid 512.64 alone, not 256.32 beside 27447) and cut the long ones, whose claim cell then
   * held the note's second half (" knee"): claims B and C merged, 27447 denied as a duplicate. So
   * are the two pieces of a quoted cell that spans lines, which the job does not read.
   */
  @HadoopFileTest
  void aRowWithTooFewOrTooManyCellsIsMalformedAndJoinsNoClaim() throws Exception {
    Path input = dir.resolve("cells.csv");
    Files.writeString(
        input,
        "id,code,note,claim\n"
            + "1,27447,,A\n"
            + "2,29881\n"
            + "3,27447,left, knee,B\n"
            + "4,27447,right, knee,C\n"
            + "5,20610,,B\n"
            + "6,27447,\"two\nlines\",D\n");
    Path output = dir.resolve("cells");
    Ran ran = runOn(input, output, "--locality", "13282-99", "--setting", "facility");
    assertEquals(1, ran.status(), ran::err);
    assertTrue(ran.err().contains("7 rows: 2 priced, 5 not priced (5 invalid)"), ran::err);
    Map<String, Row> byId = new HashMap<>();
    for (Row row :
        TestSpark.session()
            .read()
            .option("header", true)
            .option("escape", "\"")
            .csv(output.toString())
            .collectAsList()) {
      byId.put(row.getAs("id"), row);
    }
    assertEquals(
        List.of("1", "2", "3", "4", "5", "6", "lines\""), byId.keySet().stream().sorted().toList());
    assertEquals("1197.89", byId.get("1").getAs("amount"));
    assertEquals("42.14", byId.get("5").getAs("amount"), "20610 alone in claim B");
    assertMalformed(byId.get("2"), "record '2,29881': the row has 2 fields where the header has 4");
    assertMalformed(
        byId.get("3"),
        "record '3,27447,left, knee,B': the row has 5 fields where the header has 4 (the cells"
            + " past the header's columns are not written)");
    assertMalformed(
        byId.get("4"),
        "record '4,27447,right, knee,C': the row has 5 fields where the header has 4 (the cells"
            + " past the header's columns are not written)");
    assertMalformed(byId.get("6"), "record '6,27447,\"two': the quote of field 3 is never closed");
    assertMalformed(
        byId.get("lines\""), "record 'lines\",D': the row has 2 fields where the header has 4");
  }

  /**
   * Every file of a directory has its header checked: Spark's reader read b.csv by a.csv's columns,
   * its claims B and C as codes and its codes as claims, and only the first file's header was
   * checked. A file whose columns stand otherwise is refused, named, before anything is written.
   */
  @HadoopFileTest
  void aFileWhoseHeaderIsNotTheOthersIsRefusedByName() throws Exception {
    Path files = Files.createDirectory(dir.resolve("files"));
    Files.writeString(files.resolve("a.csv"), "id,code,claim\n1,27447,A\n2,29881,A\n");
    Files.writeString(files.resolve("b.csv"), "id,claim,code\n3,B,27447\n4,C,29881\n");
    Path output = dir.resolve("files-out");
    Ran ran = runOn(files, output, "--locality", "13282-99", "--setting", "facility");
    assertEquals(2, ran.status(), ran::err);
    assertTrue(
        ran.err()
            .contains(
                "cpt-spark: the CSV files of the input have different headers: column 2 of file:"),
        ran::err);
    assertTrue(ran.err().contains("/files/b.csv is 'claim', of file:"), ran::err);
    assertTrue(ran.err().contains("/files/a.csv 'code'; "), ran::err);
    assertTrue(Files.notExists(output), "nothing written");
  }

  private static void assertMalformed(Row row, String explanation) {
    assertNull(row.getAs("amount"), row::toString);
    assertEquals("malformed_row", row.getAs("result"), row::toString);
    assertEquals(explanation, row.getAs("explanation"), row::toString);
  }

  /**
   * --limiting-charge adds limiting_charge after amount, as cpt price --input does: 109.25% of
   * 531.70, 21.07 and 61.92 (29880-RT, 20610-LT, 99213-25 in 13282-99, facility), and none, with a
   * warning, for a nurse practitioner's visit; an input column of that name is then refused.
   */
  @HadoopFileTest
  void theLimitingChargeOptionAddsItsColumnAfterTheAmount() throws Exception {
    Path input = dir.resolve("limits.csv");
    Files.writeString(
        input,
        "claim,code,modifiers,practitioner\n"
            + "A,29880,RT,\n"
            + "A,20610,LT,\n"
            + "A,99213,25,\n"
            + "B,99213,,np\n");
    Path output = dir.resolve("limits");
    Ran ran =
        runOn(
            input,
            output,
            "--locality",
            "13282-99",
            "--setting",
            "facility",
            "--limiting-charge",
            "--single-file");
    assertEquals(0, ran.status(), ran::err);
    List<String> lines = singleFileLines(output);
    assertEquals(
        List.of(
            "claim,code,modifiers,practitioner,amount,limiting_charge,result,explanation",
            "A,29880,RT,,531.70,580.88,priced,",
            "A,20610,LT,,21.07,23.02,priced,",
            "A,99213,25,,61.92,67.65,priced,"),
        lines.subList(0, 4));
    assertTrue(
        lines
            .get(4)
            .startsWith(
                "B,99213,,np,52.63,,priced,\"warning: no limiting charge (assignment_required): "),
        lines::toString);

    Path named = dir.resolve("named.csv");
    Files.writeString(named, "code,limiting_charge\n99213,100\n");
    Ran refused =
        runOn(named, dir.resolve("refused"), "--locality", "13282-99", "--limiting-charge");
    assertEquals(2, refused.status());
    assertTrue(
        refused
            .err()
            .contains(
                "cpt-spark: the input has a column named 'limiting_charge', which the output adds"),
        refused::err);
  }

  /**
   * Hadoop's client failing in {@code Subject.getSubject}, as on Java 23 and later, is told as what
   * it is, with the Java to run on, wherever Spark wrapped it; another failure keeps its message.
   */
  @Test
  void hadoopRefusedByThisJavaIsToldWithTheJavaToRunOn() {
    Exception failed =
        new IOException(
            "wrapped",
            new IllegalStateException(
                new UnsupportedOperationException(
                    "getSubject is supported only if a security manager is allowed")));
    assertEquals(
        "Spark's Hadoop file system client cannot run on Java "
            + Runtime.version().feature()
            + " (getSubject is supported only if a security manager is allowed): run the job on"
            + " Java 17 or 21, the versions Spark 4 supports",
        PriceJob.message(failed));
    assertEquals(
        "not supported here",
        PriceJob.message(new UnsupportedOperationException("not supported here")));
  }

  /** On a Java whose Subject.getSubject Hadoop's client fails in, the job says so in one line. */
  @Test
  @EnabledForJreRange(min = JRE.JAVA_23)
  void onJavaHadoopCannotRunOnTheJobSaysWhichJavaToUse() throws Exception {
    TestSpark.session();
    Path input = dir.resolve("lines.csv");
    Files.writeString(input, "code\n99213\n");
    Ran ran = runOn(input, dir.resolve("out"), "--locality", "13282-99");
    assertEquals(2, ran.status(), ran::err);
    assertTrue(
        ran.err()
            .contains(
                "cpt-spark: Spark's Hadoop file system client cannot run on Java "
                    + Runtime.version().feature()),
        ran::err);
  }

  /**
   * The job gives Spark the header's columns itself, named as Spark's reader names them when it
   * reads the header (a blank name by its index, a repeated one followed by it), so that a header a
   * spreadsheet exports (trailing blank names) reads as before and the output keeps its columns.
   */
  @Test
  void blankAndRepeatedHeaderNamesAreNamedAsSparkNamesThem() {
    List<String> header = List.of("id", "code", "note", "NOTE", "");
    assertEquals(
        List.of("id", "code", "note2", "NOTE3", "_c4"),
        List.of(PriceJob.sparkColumns(header, false).fieldNames()));
    assertEquals(
        List.of("id", "code", "note", "NOTE", "_c4"),
        List.of(PriceJob.sparkColumns(header, true).fieldNames()));
  }

  /**
   * Each file's header comes back to the driver from a task, written with the configured
   * serializer: Kryo ({@code spark.serializer=org.apache.spark.serializer.KryoSerializer}) too,
   * which cannot write a Java record nor read back an immutable list.
   */
  @Test
  void aFilesHeaderComesBackThroughKryo() {
    SerializerInstance kryo = new KryoSerializer(new SparkConf()).newInstance();
    ClassTag<Object> tag = ClassTag$.MODULE$.apply(Object.class);
    for (PriceJob.FileHeader header :
        List.of(
            new PriceJob.FileHeader("file:/in/a.csv", List.of("code", "units"), null),
            new PriceJob.FileHeader("file:/in/b.csv", null, null),
            new PriceJob.FileHeader("file:/in/c.csv", null, "file line 1, the header: bad"))) {
      PriceJob.FileHeader back =
          (PriceJob.FileHeader) kryo.deserialize(kryo.serialize(header, tag), tag);
      assertEquals(header.file(), back.file());
      assertEquals(header.names(), back.names());
      assertEquals(header.problem(), back.problem());
    }
  }

  @Test
  void aBadOptionIsAUsageError() {
    assertEquals(2, PriceJob.run("--input", "x.csv", "--output", "y", "--date", "June"));
  }

  /** The lines of the one file a {@code --single-file} run wrote into {@code output}. */
  private static List<String> singleFileLines(Path output) throws IOException {
    try (var files = Files.list(output)) {
      Path part =
          files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().get();
      return Files.readAllLines(part);
    }
  }

  /** What a run of the job returned and wrote on standard error. */
  private record Ran(int status, String err) {}

  /** Runs the job over {@code input} into {@code output} on 2 June 2025, with {@code more}. */
  private static Ran runOn(Path input, Path output, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--date",
                "2025-06-02"));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  /** Runs the job with {@code args}, capturing its standard error. */
  private static Ran run(String... args) {
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      int status = PriceJob.run(args);
      return new Ran(status, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(stderr);
    }
  }
}
