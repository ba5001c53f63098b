package io.github.cpt4j.spark;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.cli.price.BatchPricing;
import io.github.cpt4j.cli.price.MedicareData;
import io.github.cpt4j.cli.price.PricingData.CmsFiles;
import io.github.cpt4j.cli.price.PricingDefaults;
import io.github.cpt4j.cli.price.RowPricer;
import io.github.cpt4j.cli.report.Format;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code cpt price --input} answers for a CSV file, run in-process with the command line's own
 * batch engine and the bundled data: the reference the Spark results must equal, row by row.
 */
final class CliReference {

  /**
   * The answer for one row: amount (blank when none), result, explanation, and the limiting charge
   * (blank when none, or when the options do not ask for it).
   */
  record Answer(String amount, String result, String explanation, String limitingCharge) {

    /** An answer without a limiting charge. */
    Answer(String amount, String result, String explanation) {
      this(amount, result, explanation, "");
    }
  }

  private CliReference() {}

  /** Fails with the first few rows whose answers differ, rather than two whole maps. */
  static void assertSameAnswers(Map<String, Answer> expected, Map<String, Answer> actual) {
    List<String> differences = new java.util.ArrayList<>();
    java.util.Set<String> ids = new java.util.TreeSet<>(expected.keySet());
    ids.addAll(actual.keySet());
    for (String id : ids) {
      if (!java.util.Objects.equals(expected.get(id), actual.get(id))) {
        differences.add(
            "row " + id + ": command line " + expected.get(id) + ", Spark " + actual.get(id));
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(
        differences.isEmpty(),
        () ->
            differences.size()
                + " of "
                + ids.size()
                + " rows differ:\n"
                + String.join("\n", differences.subList(0, Math.min(5, differences.size()))));
  }

  /**
   * Prices {@code csv} (claims adjacent) and returns each row's answer by the value of its first
   * column, which must be unique.
   */
  static Map<String, Answer> price(String csv, PricingOptions options) throws IOException {
    MedicareData data = new MedicareData();
    RowPricer pricer = data.pricer(CmsFiles.NONE, options.explainPriced());
    StringWriter out = new StringWriter();
    // Built as cpt price builds it, unknown localities refused (unknown_locality) included.
    BatchPricing batch =
        new BatchPricing(
            // Written out here rather than taken from BatchRules, so that a default the job forgets
            // to pass on shows up as a difference.
            new PricingDefaults(
                options.locality(),
                options.setting(),
                options.date(),
                options.beneficiaryZip(),
                options.practitioner(),
                options.qualifyingApm(),
                options.placeOfService(),
                options.presentAtInduction(),
                options.practitioners(),
                options.localityFromZip()),
            options.participating(),
            pricer,
            data::localityOf,
            pricer::knowsLocality,
            1);
    (options.limitingCharges() ? batch.withLimitingCharges() : batch)
        .run(
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
            out,
            Format.CSV,
            rows -> {});
    Map<String, Answer> answers = new HashMap<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(out.toString())) {
      boolean header = true;
      for (CsvRecord record : reader) {
        List<String> fields = record.getFields();
        if (header) {
          header = false;
          continue;
        }
        int n = fields.size();
        answers.put(
            fields.get(0),
            new Answer(
                fields.get(n - (options.limitingCharges() ? 4 : 3)),
                fields.get(n - 2),
                fields.get(n - 1),
                options.limitingCharges() ? fields.get(n - 3) : ""));
      }
    }
    return answers;
  }
}
