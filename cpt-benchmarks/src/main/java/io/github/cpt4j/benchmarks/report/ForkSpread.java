package io.github.cpt4j.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cpt4j.benchmarks.Implementation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders each fork of a JMH JSON result on its own, as a Markdown table: one row per operation and
 * implementation, the forks sorted from fastest to slowest.
 *
 * <pre>{@code
 * java -cp target/benchmarks.jar io.github.cpt4j.benchmarks.report.ForkSpread results/forks-....json
 * }</pre>
 *
 * <p>Why: JMH's score averages the forks, and one fork per implementation (the {@code baselines}
 * run) shows only one of the ways the JIT can compile a benchmark. Forks of the same code can
 * differ by 20% or more (inlining that depends on when a profile was taken). A fork is summarised
 * by its fastest measurement iteration of the benchmark threads' CPU time ({@code cpu.ns/op} of
 * {@link io.github.cpt4j.benchmarks.ThreadCpuProfiler}), which other processes disturb least; the
 * median of the wall-clock iterations is shown beside it. Without that profiler, the wall-clock
 * medians are used. The ratio is the baseline's median fork divided by cpt4j's (above 1, cpt4j is
 * faster).
 */
public final class ForkSpread {

  private static final String CPU = "cpu.ns/op";

  private ForkSpread() {}

  /** Prints the table of the result file named by the only argument. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ForkSpread RESULT.json");
      System.exit(2);
    }
    System.out.print(render(Files.readString(Path.of(args[0]))));
  }

  /**
   * Renders the per-fork table of a JMH JSON result.
   *
   * @throws IllegalArgumentException if the text is not a JMH JSON result
   */
  public static String render(String json) {
    JsonNode results = JmhJson.results(json);
    // operation -> implementation -> forks
    Map<String, Map<String, Forks>> rows = new LinkedHashMap<>();
    boolean cpu = false;
    for (JsonNode result : results) {
      JsonNode entry = JmhJson.asObject(result, "benchmark result");
      JsonNode params = entry.path("params");
      String impl = params.hasNonNull("impl") ? params.get("impl").asText() : Implementation.CPT4J;
      StringJoiner others = new StringJoiner(", ", " (", ")").setEmptyValue("");
      for (Map.Entry<String, JsonNode> param : params.properties()) {
        if (!"impl".equals(param.getKey())) {
          others.add(param.getKey() + "=" + param.getValue().asText());
        }
      }
      Forks forks = forks(entry);
      cpu |= !forks.cpu.isEmpty();
      rows.computeIfAbsent(
              JmhJson.shortName(entry.path("benchmark").asText()) + others,
              o -> new LinkedHashMap<>())
          .put(impl, forks);
    }
    StringBuilder out = new StringBuilder();
    out.append(
        cpu
            ? "Per fork: the fastest measurement iteration's CPU time of the benchmark thread"
                + " (ns/op); wall: median of the forks' wall-clock medians.\n\n"
            : "Per fork: the median of its wall-clock measurement iterations (ns/op).\n\n");
    out.append("| operation | implementation | forks, fastest first | median | spread | wall |\n");
    out.append("|---|---|---|---:|---:|---:|\n");
    for (Map.Entry<String, Map<String, Forks>> row : rows.entrySet()) {
      for (Map.Entry<String, Forks> impl : row.getValue().entrySet()) {
        List<Double> values = impl.getValue().summary();
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        StringJoiner list = new StringJoiner(", ");
        sorted.forEach(v -> list.add(String.format(Locale.ROOT, "%.2f", v)));
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %.2f | %s | %.2f |%n",
                row.getKey(),
                impl.getKey(),
                list,
                median(values),
                spread(sorted),
                median(impl.getValue().wall)));
      }
      Forks ours = row.getValue().get(Implementation.CPT4J);
      for (Map.Entry<String, Forks> impl : row.getValue().entrySet()) {
        if (ours != null && !impl.getKey().equals(Implementation.CPT4J)) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "| %s | ratio %s / cpt4j | median forks %s | | | |%n",
                  row.getKey(),
                  impl.getKey(),
                  Format.ratio(median(impl.getValue().summary()) / median(ours.summary()))));
        }
      }
    }
    return out.toString();
  }

  /** The forks of one benchmark result: wall-clock medians and, if measured, fastest CPU times. */
  private static Forks forks(JsonNode entry) {
    Forks forks = new Forks();
    JsonNode primary = JmhJson.asObject(entry.get("primaryMetric"), "primaryMetric");
    String unit = primary.path("scoreUnit").asText();
    for (List<Double> fork : rawData(primary)) {
      forks.wall.add(Format.toNanos(median(fork), unit));
    }
    for (Map.Entry<String, JsonNode> metric : entry.path("secondaryMetrics").properties()) {
      // JMH versions differ on a leading middle dot in secondary metric names.
      if (metric.getKey().replace("\u00b7", "").equals(CPU)) {
        JsonNode cpu = JmhJson.asObject(metric.getValue(), CPU);
        for (List<Double> fork : rawData(cpu)) {
          forks.cpu.add(Format.toNanos(Collections.min(fork), cpu.path("scoreUnit").asText()));
        }
      }
    }
    return forks;
  }

  private static List<List<Double>> rawData(JsonNode metric) {
    JsonNode raw = metric.get("rawData");
    if (raw == null || !raw.isArray()) {
      throw new IllegalArgumentException("a JMH JSON metric needs rawData, one list per fork");
    }
    List<List<Double>> forks = new ArrayList<>();
    for (JsonNode fork : raw) {
      if (!fork.isArray() || fork.isEmpty()) {
        throw new IllegalArgumentException("a fork's rawData is a non-empty list of numbers");
      }
      List<Double> values = new ArrayList<>();
      for (JsonNode value : fork) {
        values.add(value.isNumber() ? value.doubleValue() : Double.NaN);
      }
      forks.add(values);
    }
    return forks;
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }

  /** The slowest fork over the fastest, as a percentage: how far apart the JIT outcomes are. */
  private static String spread(List<Double> sorted) {
    return sorted.isEmpty()
        ? "-"
        : String.format(
            Locale.ROOT, "%.0f%%", 100 * (sorted.get(sorted.size() - 1) / sorted.get(0) - 1));
  }

  /** One implementation's forks of one operation. */
  private static final class Forks {
    final List<Double> wall = new ArrayList<>();
    final List<Double> cpu = new ArrayList<>();

    /** The per-fork figure the table shows: CPU time if measured, else wall-clock time. */
    List<Double> summary() {
      return cpu.isEmpty() ? wall : cpu;
    }
  }
}
