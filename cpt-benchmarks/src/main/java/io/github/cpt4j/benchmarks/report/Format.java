package io.github.cpt4j.benchmarks.report;

import java.util.Locale;

/** Number formats of the report: times in a readable unit, ratios, bytes. */
final class Format {

  private Format() {}

  /** Converts a JMH score in {@code unit} (such as {@code ns/op}) to nanoseconds. */
  static double toNanos(double score, String unit) {
    switch (unit) {
      case "ns/op":
        return score;
      case "us/op":
        return score * 1e3;
      case "ms/op":
        return score * 1e6;
      case "s/op":
        return score * 1e9;
      default:
        throw new IllegalArgumentException(
            "not a time per operation: " + unit + " (run with -bm avgt or -bm ss)");
    }
  }

  /** A time in the largest unit that keeps it at or above 1: {@code 7.9 ns}, {@code 212 ms}. */
  static String nanos(double nanos) {
    if (nanos >= 1e6) {
      return significant(nanos / 1e6) + " ms";
    }
    if (nanos >= 1e3) {
      return significant(nanos / 1e3) + " us";
    }
    return significant(nanos) + " ns";
  }

  /** A time with its error: {@code 7.9 ± 1.3 ns}. */
  static String nanos(double nanos, double error) {
    if (Double.isNaN(error)) {
      return nanos(nanos);
    }
    String value = nanos(nanos);
    int space = value.indexOf(' ');
    double scale = value.endsWith(" ms") ? 1e6 : value.endsWith(" us") ? 1e3 : 1;
    return value.substring(0, space) + " ± " + significant(error / scale) + value.substring(space);
  }

  /** A speed-up: {@code 3.2x}; below 1 the baseline was faster. */
  static String ratio(double ratio) {
    return Double.isNaN(ratio) ? "" : significant(ratio) + "x";
  }

  /** Bytes per operation, with JMH's sub-byte noise shown as 0. */
  static String bytes(double bytes) {
    if (Double.isNaN(bytes)) {
      return "-";
    }
    if (bytes < Target.ZERO_BYTES) {
      return "0";
    }
    if (bytes >= 1e6) {
      return significant(bytes / 1e6) + " MB";
    }
    if (bytes >= 1e4) {
      return significant(bytes / 1e3) + " KB";
    }
    return String.format(Locale.ROOT, "%.0f", bytes);
  }

  private static String significant(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (value >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
