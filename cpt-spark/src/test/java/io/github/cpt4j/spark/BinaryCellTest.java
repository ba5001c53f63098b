package io.github.cpt4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.fee.medicare.Locality;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * A {@code BINARY} cell, as Spark reads the text columns of Parquet files that Hive, Impala and
 * older Spark write without a string annotation (unless {@code spark.sql.parquet.binaryAsString}):
 * its text is its bytes as UTF-8, as {@code CAST(cell AS STRING)} reads them and as the claim key
 * is read, not the array's identity ({@code [B@6842775d}), which made every row of such a file
 * {@code invalid_code}, explained with a JVM address.
 */
class BinaryCellTest {

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aBinaryCellIsItsTextInUtf8() {
    assertEquals("99213", PartitionPricer.text(utf8("99213"), ZoneOffset.UTC));
    assertEquals("2025-06-02", PartitionPricer.text(utf8("2025-06-02"), ZoneOffset.UTC));
    assertEquals("", PartitionPricer.text(new byte[0], ZoneOffset.UTC));
    assertEquals(true, CptFunctions.valid(utf8("99213")));
    assertEquals("CATEGORY_I", CptFunctions.category(utf8("99213")));
  }

  @Test
  void binaryCellsArePricedAsTheirText() {
    BatchRules rules =
        new BatchRules(
            List.of("claim", "code", "locality"),
            PricingOptions.of(LocalDate.of(2025, 6, 2)),
            FeeScheduleFiles.bundled());
    String[] row = {
      PartitionPricer.text(utf8("1"), ZoneOffset.UTC),
      PartitionPricer.text(utf8("99213"), ZoneOffset.UTC),
      PartitionPricer.text(utf8("13202-01"), ZoneOffset.UTC)
    };
    BatchRules.LineResult result = rules.priceClaim(List.<String[]>of(row)).get(0);
    assertEquals("priced", result.result(), result.toString());
    // 99213 in Manhattan, 2025: CMS's published amount.
    assertEquals("101.06", result.amount().toPlainString());
    assertTrue(result.explanation().isEmpty(), result.explanation());
  }

  @Test
  void aDatasetOfBinaryColumnsIsPricedAsItsText() throws IOException {
    String csv =
        "id,claim,code,modifiers,date\n"
            + "a,c1,29880,RT,2025-03-31\n"
            + "b,c1,29880,LT,2025-03-31\n"
            + "c,c2,0446T,,2025-04-01\n"
            + "d,,2988,,\n";
    PricingOptions options =
        PricingOptions.of(LocalDate.of(2025, 6, 2)).withLocality(Locality.parse("13202-01"));
    Map<String, CliReference.Answer> expected = CliReference.price(csv, options);
    assertEquals("invalid_code", expected.get("d").result());
    SparkSession spark = TestSpark.session();
    Dataset<Row> text =
        spark
            .read()
            .option("header", true)
            .csv(spark.createDataset(List.of(csv.split("\n")), Encoders.STRING()));
    Dataset<Row> binary = text;
    for (String column : List.of("claim", "code", "modifiers", "date")) {
      binary = binary.withColumn(column, functions.col(column).cast(DataTypes.BinaryType));
    }
    try (SparkClaimPricing pricing =
        SparkClaimPricing.create(spark, FeeScheduleFiles.bundled(), options)) {
      Map<String, CliReference.Answer> actual = new HashMap<>();
      for (Row row : pricing.price(binary).collectAsList()) {
        BigDecimal amount = row.getAs("amount");
        actual.put(
            row.getAs("id"),
            new CliReference.Answer(
                amount == null ? "" : amount.toPlainString(),
                row.getAs("result"),
                row.getAs("explanation")));
      }
      CliReference.assertSameAnswers(expected, actual);
    }
  }
}
