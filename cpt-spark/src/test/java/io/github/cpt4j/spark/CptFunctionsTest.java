package io.github.cpt4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.fee.medicare.Locality;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQL functions answer as the library and the batch do for the same text. */
class CptFunctionsTest {

  private static final PricingOptions OPTIONS =
      PricingOptions.of(LocalDate.of(2025, 6, 1)).withLocality(Locality.parse("13282-99"));

  private static SparkSession spark;
  private static SparkClaimPricing pricing;

  @BeforeAll
  static void register() {
    spark = TestSpark.session();
    pricing = SparkClaimPricing.create(spark, FeeScheduleFiles.bundled(), OPTIONS);
    CptFunctions.register(pricing);
  }

  @AfterAll
  static void release() {
    pricing.close();
  }

  @Test
  void validAndCategory() {
    List<Row> rows =
        spark
            .sql(
                "SELECT c, cpt_valid(c), cpt_category(c) FROM VALUES"
                    + " ('99213'), ('0001F'), ('0042T'), ('G0438'), ('9921'), ('99213 '), (NULL)"
                    + " AS t(c)")
            .collectAsList();
    assertEquals(
        List.of(
            "99213 true CATEGORY_I",
            "0001F true CATEGORY_II",
            "0042T true CATEGORY_III",
            "G0438 true HCPCS_LEVEL_II",
            "9921 false null",
            "99213  false null",
            "null null null"),
        rows.stream().map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2)).toList());
  }

  @Test
  void practitionerTypeOfATaxonomyCode() {
    List<Row> rows =
        spark
            .sql(
                "SELECT cpt_practitioner_type(t) FROM VALUES ('363LF0000X'), ('207Q00000X'),"
                    + " ('163W00000X'), (' 363a00000x '), ('363L-0000X'), ('np'), (NULL) AS v(t)")
            .collectAsList();
    assertEquals(
        java.util.Arrays.asList("np", "physician", null, "pa", null, null, null),
        rows.stream().map(r -> r.getString(0)).toList());
  }

  /**
   * A number reads as its digits and an array as its elements, as the batch reads typed columns (an
   * int code column is what inferSchema makes of codes, without their leading zeros: 790 is 00790):
   * no argument type fails the query.
   */
  @Test
  void typedArgumentsReadAsTheBatchReadsTypedColumns() {
    List<Row> rows =
        spark
            .sql(
                "SELECT c, cpt_valid(c), cpt_category(c), cpt_price_line(c, m, NULL, NULL, NULL),"
                    + " cpt_price_line(CAST(c AS STRING), '25', NULL, NULL, NULL),"
                    + " cpt_price_line('00790', NULL, NULL, NULL, NULL)"
                    + " FROM VALUES (99213, array('25')), (790, array()), (123456, array())"
                    + " AS t(c, m) ORDER BY c")
            .collectAsList();
    assertEquals(
        List.of(
            "790 true CATEGORY_I",
            "99213 true CATEGORY_I [85.86,priced]",
            "123456 false null [null,invalid_code]"),
        rows.stream()
            .map(
                r ->
                    r.get(0)
                        + " "
                        + r.get(1)
                        + " "
                        + r.get(2)
                        + (r.get(0).equals(790) ? "" : " " + r.get(3)))
            .toList());
    assertEquals(rows.get(1).get(4), rows.get(1).get(3));
    assertEquals(rows.get(0).get(5), rows.get(0).get(3));
  }

  /**
   * The driver evaluates a function over local rows itself (a query over {@code VALUES} or a list
   * made into a data frame, constant arguments), with the one instance the session registered, on
   * whichever threads run queries: concurrent calls each get their own line's answer.
   */
  @Test
  void priceLineAnswersEachThreadItsOwnLine() throws Exception {
    String[][] lines = {
      {"99213", null, null}, {"99214", "25", "01112-05"}, {"71046", "26", "14620"},
      {"29880", "RT", "13282-99"}, {"9921", null, null}, {"99213", null, "99999-99"}
    };
    CptFunctions.PriceLine alone =
        new CptFunctions.PriceLine(pricing.files(), OPTIONS, ZoneOffset.UTC);
    List<Row> expected = new ArrayList<>();
    for (String[] line : lines) {
      expected.add(alone.call(line[0], line[1], line[2], null, null));
    }
    CptFunctions.PriceLine shared =
        new CptFunctions.PriceLine(pricing.files(), OPTIONS, ZoneOffset.UTC);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> answers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int first = t;
        answers.add(
            threads.submit(
                () -> {
                  List<String> wrong = new ArrayList<>();
                  for (int i = 0; i < 3_000; i++) {
                    int n = (first + i) % lines.length;
                    String[] line = lines[n];
                    Row row = shared.call(line[0], line[1], line[2], null, null);
                    if (!row.equals(expected.get(n))) {
                      wrong.add(String.join(" ", Arrays.asList(line)) + ": " + row);
                    }
                  }
                  return wrong;
                }));
      }
      for (Future<List<String>> answer : answers) {
        List<String> wrong = answer.get();
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " wrong answers, such as " + wrong.get(0));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void priceLineAnswersAsABatchRowWithoutAClaim() throws IOException {
    String csv =
        "id,code,modifiers,locality,setting,date\n"
            + "1,99213,,,,\n"
            + "2,71046,26,14620,facility,2025-06-02\n"
            + "3,27447,RT 50,01112-05,facility,2025-06-02\n"
            + "4,9921,,,,\n"
            + "5,99213,,13282-99,sometimes,2025-06-02\n";
    Map<String, CliReference.Answer> expected = CliReference.price(csv, OPTIONS);
    List<Row> rows =
        spark
            .sql(
                "SELECT id, p.amount, p.result FROM (SELECT id, cpt_price_line(code, m, loc, s,"
                    + " d) AS p FROM VALUES"
                    + " ('1', '99213', NULL, NULL, NULL, NULL),"
                    + " ('2', '71046', '26', '14620', 'facility', DATE'2025-06-02'),"
                    + " ('3', '27447', 'RT 50', '01112-05', 'facility', DATE'2025-06-02'),"
                    + " ('4', '9921', NULL, NULL, NULL, NULL),"
                    + " ('5', '99213', NULL, '13282-99', 'sometimes', DATE'2025-06-02')"
                    + " AS t(id, code, m, loc, s, d)) ORDER BY id")
            .collectAsList();
    assertEquals(5, rows.size());
    for (Row row : rows) {
      CliReference.Answer answer = expected.get(row.getString(0));
      BigDecimal amount = (BigDecimal) row.get(1);
      assertEquals(answer.amount(), amount == null ? "" : amount.toPlainString(), row.toString());
      assertEquals(answer.result(), row.getString(2), row.toString());
    }
  }
}
