package io.github.cpt4j.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cpt4j.benchmarks.Implementation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders a JMH JSON result file as the paired Markdown table of the README.
 *
 * <pre>{@code
 * java -cp target/benchmarks.jar io.github.cpt4j.benchmarks.report.Summary results/latest-full.json
 * }</pre>
 *
 * <p>One row per benchmark method and data set; cpt4j and each baseline side by side; the ratio is
 * the baseline's time divided by cpt4j's (above 1, cpt4j is faster); bytes allocated per operation
 * come from {@code -prof gc}; the last column checks the project's speed targets.
 */
public final class Summary {

  private static final String ALLOCATION = "gc.alloc.rate.norm";

  private Summary() {}

  /** Prints the summary of the result file named by the only argument. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: Summary RESULT.json");
      System.exit(2);
    }
    System.out.print(render(Files.readString(Path.of(args[0]))));
  }

  /**
   * Renders the Markdown summary of a JMH JSON result.
   *
   * @throws IllegalArgumentException if the text is not a JMH JSON result
   */
  public static String render(String json) {
    JsonNode results = JmhJson.results(json);
    Map<String, Row> rows = new LinkedHashMap<>();
    for (JsonNode result : results) {
      JsonNode entry = JmhJson.asObject(result, "benchmark result");
      String benchmark = text(entry, "benchmark");
      JsonNode params = entry.path("params");
      if (!params.isMissingNode() && !params.isNull()) {
        JmhJson.asObject(params, "params");
      }
      String impl = params.has("impl") ? text(params, "impl") : Implementation.CPT4J;
      StringJoiner others = new StringJoiner(", ", " (", ")").setEmptyValue("");
      for (Map.Entry<String, JsonNode> param : params.properties()) {
        if (!"impl".equals(param.getKey())) {
          others.add(param.getKey() + "=" + param.getValue().asText());
        }
      }
      String operation = JmhJson.shortName(benchmark) + others;
      String tableRows = params.has("rows") ? params.get("rows").asText() : null;
      rows.computeIfAbsent(operation, o -> new Row(o, method(benchmark), tableRows))
          .byImpl
          .put(impl, measurement(entry));
    }
    StringBuilder out = new StringBuilder();
    if (!results.isEmpty()) {
      out.append(settings(results.get(0))).append("\n\n");
    }
    out.append(
        "| operation | cpt4j | regex + HashMap | ratio | Guava | ratio "
            + "| B/op cpt4j / regex / Guava | target |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (Row row : rows.values()) {
      out.append(row.render()).append('\n');
    }
    out.append(
        "\nratio: the baseline's time divided by cpt4j's, in the same run "
            + "(above 1, cpt4j is faster).\n");
    return out.toString();
  }

  private static String settings(JsonNode first) {
    return String.format(
        "JMH %s, %s %s; %s fork(s), %s warmup x %s, %s measurement x %s, "
            + "%s thread(s), mode %s",
        text(first, "jmhVersion"),
        text(first, "vmName"),
        text(first, "vmVersion"),
        integer(first.get("forks")),
        integer(first.get("warmupIterations")),
        text(first, "warmupTime"),
        integer(first.get("measurementIterations")),
        text(first, "measurementTime"),
        integer(first.get("threads")),
        text(first, "mode"));
  }

  private static Measurement measurement(JsonNode entry) {
    JsonNode primary = JmhJson.asObject(entry.get("primaryMetric"), "primaryMetric");
    String unit = text(primary, "scoreUnit");
    double nanos = Format.toNanos(number(primary.get("score")), unit);
    double error = Format.toNanos(number(primary.get("scoreError")), unit);
    double bytes = Double.NaN;
    JsonNode secondary = entry.path("secondaryMetrics");
    for (Map.Entry<String, JsonNode> metric : secondary.properties()) {
      // JMH versions differ on a leading middle dot in secondary metric names.
      String name = metric.getKey().replace("\u00b7", "");
      if (name.equals(ALLOCATION)) {
        bytes = number(JmhJson.asObject(metric.getValue(), name).get("score"));
      }
    }
    return new Measurement(nanos, error, bytes);
  }

  private static String method(String benchmark) {
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }

  /** Returns the string {@code name} of {@code object}, or null when it is absent or no string. */
  private static String text(JsonNode object, String name) {
    return object.path(name).textValue();
  }

  /** Returns the number, or NaN for anything else (JMH writes NaN as the string "NaN"). */
  private static double number(JsonNode value) {
    return value != null && value.isNumber() ? value.doubleValue() : Double.NaN;
  }

  private static String integer(JsonNode value) {
    return value != null && value.isNumber() ? String.valueOf(value.longValue()) : "?";
  }

  /** One measured benchmark: time per operation and allocation per operation. */
  private static final class Measurement {
    final double nanos;
    final double error;
    final double bytes;

    Measurement(double nanos, double error, double bytes) {
      this.nanos = nanos;
      this.error = error;
      this.bytes = bytes;
    }
  }

  /** A table row: one operation, measured for each implementation. */
  private static final class Row {
    final String operation;
    final String method;
    final String tableRows;
    final Map<String, Measurement> byImpl = new LinkedHashMap<>();

    Row(String operation, String method, String tableRows) {
      this.operation = operation;
      this.method = method;
      this.tableRows = tableRows;
    }

    String render() {
      Measurement ours = byImpl.get(Implementation.CPT4J);
      Measurement regex = byImpl.get(Implementation.REGEX_HASHMAP);
      Measurement guava = byImpl.get(Implementation.GUAVA_IMMUTABLEMAP);
      double regexRatio = ratio(regex, ours);
      double guavaRatio = ratio(guava, ours);
      String budget =
          ours == null
              ? ""
              : Target.of(method, tableRows)
                  .map(t -> t.verdict(ours.nanos, ours.bytes, regexRatio))
                  .orElse("");
      String target = join(budget, Target.aheadOfBaselines(regexRatio, guavaRatio));
      return "| "
          + operation
          + " | "
          + time(ours)
          + " | "
          + time(regex)
          + " | "
          + Format.ratio(regexRatio)
          + " | "
          + time(guava)
          + " | "
          + Format.ratio(guavaRatio)
          + " | "
          + bytes(ours)
          + " / "
          + bytes(regex)
          + " / "
          + bytes(guava)
          + " | "
          + target
          + " |";
    }

    private static String join(String a, String b) {
      return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    private static double ratio(Measurement baseline, Measurement ours) {
      return baseline == null || ours == null ? Double.NaN : baseline.nanos / ours.nanos;
    }

    private static String time(Measurement m) {
      return m == null ? "-" : Format.nanos(m.nanos, m.error);
    }

    private static String bytes(Measurement m) {
      return m == null ? "-" : Format.bytes(m.bytes);
    }
  }
}
