package io.github.cpt4j.benchmarks.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reading a JMH JSON result file, shared by the reports: the document as Jackson's tree, with the
 * checks and names both reports need.
 */
final class JmhJson {

  /** Text after the document is an error, so that two results pasted together are refused. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private JmhJson() {}

  /**
   * Returns the benchmark results of a JMH JSON result: the top-level array.
   *
   * @throws IllegalArgumentException if the text is not JSON, or not an array
   */
  static JsonNode results(String json) {
    JsonNode results;
    try {
      results = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "malformed JSON at offset "
              + e.getLocation().getCharOffset()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
    if (results == null || !results.isArray()) {
      throw new IllegalArgumentException("a JMH JSON result is an array of benchmark results");
    }
    return results;
  }

  /**
   * Returns {@code value} if it is an object.
   *
   * @throws IllegalArgumentException naming {@code what} otherwise
   */
  static JsonNode asObject(JsonNode value, String what) {
    if (value == null || !value.isObject()) {
      throw new IllegalArgumentException("a JMH JSON result needs an object for " + what);
    }
    return value;
  }

  /**
   * The benchmark's class and method, without the package: {@code LookupBenchmark.lookupByCode}.
   */
  static String shortName(String benchmark) {
    String[] parts = benchmark.split("\\.", -1);
    return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
  }
}
