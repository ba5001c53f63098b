package io.github.cpt4j.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummaryTest {

  private static String result(
      String method, String impl, double score, String unit, double bytes) {
    return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"io.github.cpt4j.benchmarks.X."
        + method
        + "\",\"mode\":\"avgt\",\"threads\":1,\"forks\":3,\"vmName\":\"VM\","
        + "\"vmVersion\":\"17\",\"warmupIterations\":5,\"warmupTime\":\"1 s\","
        + "\"measurementIterations\":5,\"measurementTime\":\"1 s\","
        + "\"params\":{\"impl\":\""
        + impl
        + "\",\"dataset\":\"sample\"},"
        + "\"primaryMetric\":{\"score\":"
        + score
        + ",\"scoreError\":\"NaN\","
        + "\"scoreUnit\":\""
        + unit
        + "\"},"
        + "\"secondaryMetrics\":{\"\u00b7gc.alloc.rate.norm\":{\"score\":"
        + bytes
        + "}}}";
  }

  @Test
  void pairsImplementationsByMethodAndChecksTargets() {
    String json =
        "["
            + String.join(
                ",",
                result("lookupByText", "cpt4j", 4.0, "ns/op", 1.0E-4),
                result("lookupByText", "regex-hashmap", 0.040, "us/op", 200),
                result("lookupByText", "guava-immutablemap", 10.0, "ns/op", 0),
                result("validateValid", "cpt4j", 12.5, "ns/op", 0))
            + "]";
    String summary = Summary.render(json);
    assertTrue(
        summary.contains(
            "| X.lookupByText (dataset=sample) | 4.00 ns | 40.0 ns | 10.0x "
                + "| 10.0 ns | 2.50x | 0 / 200 / 0 | >= 3.00x regex: met; >= 1.00x baselines: met |"),
        summary);
    assertTrue(
        summary.contains(
            "| X.validateValid (dataset=sample) | 12.5 ns | - |  | - |  "
                + "| 0 / - / - | <= 10.0 ns, 0 B: MISSED |"),
        summary);
    assertTrue(summary.startsWith("JMH 1.37, VM 17; 3 fork(s)"), summary);
  }

  @Test
  void aRowSlowerThanAnyBaselineMissesTheRuleOfIssue18() {
    String json =
        "["
            + String.join(
                ",",
                result("parseValid", "cpt4j", 6.0, "ns/op", 0),
                result("parseValid", "regex-hashmap", 60.0, "ns/op", 200),
                result("parseValid", "guava-immutablemap", 5.0, "ns/op", 0))
            + "]";
    String summary = Summary.render(json);
    assertTrue(summary.contains("| <= 10.0 ns: met; >= 1.00x baselines: MISSED |"), summary);
  }

  @Test
  void aTargetWhoseBaselineWasNotRunIsNotMeasuredRatherThanMissed() {
    // A run of cpt4j and Guava only (run.sh forks) cannot check the ">= 3x regex" target.
    String json =
        "["
            + String.join(
                ",",
                result("lookupByText", "cpt4j", 8.0, "ns/op", 0),
                result("lookupByText", "guava-immutablemap", 8.8, "ns/op", 0))
            + "]";
    String summary = Summary.render(json);
    assertTrue(
        summary.contains("| >= 3.00x regex: not measured; >= 1.00x baselines: met |"), summary);
    String slow =
        "["
            + String.join(
                ",",
                result("lookupByText", "cpt4j", 8.0, "ns/op", 0),
                result("lookupByText", "regex-hashmap", 16.0, "ns/op", 200))
            + "]";
    assertTrue(Summary.render(slow).contains("| >= 3.00x regex: MISSED"), Summary.render(slow));
  }

  @Test
  void theNcciBudgetsApplyOnlyToTheFullSizeTable() {
    // run.sh quick NcciLoad -p rows=20000: a table a hundred times smaller meets nothing.
    String small =
        "["
            + result("loadPtpFile", "cpt4j", 61.4, "ms/op", 697_116)
                .replace("\"dataset\":\"sample\"", "\"rows\":\"20000\"")
            + "]";
    String summary = Summary.render(small);
    assertTrue(summary.contains("| X.loadPtpFile (rows=20000) | 61.4 ms |"), summary);
    assertFalse(summary.contains("1500 ms"), summary);
    String full =
        "["
            + result("loadPtpFile", "cpt4j", 398, "ms/op", 58_363_718)
                .replace("\"dataset\":\"sample\"", "\"rows\":\"2000000\"")
            + "]";
    assertTrue(Summary.render(full).contains("| <= 1500 ms: met |"), Summary.render(full));
  }

  @Test
  void millisecondsStayReadable() {
    assertEquals("212 ± 8.00 ms", Format.nanos(212e6, 8e6));
    assertEquals("1.50 us", Format.nanos(1_500));
    assertEquals("0", Format.bytes(0.3));
    assertEquals("16", Format.bytes(16.0001));
    assertEquals("4530", Format.bytes(4530));
    assertEquals("52.5 KB", Format.bytes(52_484));
    assertEquals("63.1 MB", Format.bytes(63_070_268));
  }

  @Test
  void malformedJsonSaysWhere() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Summary.render("[1, 2"));
    assertTrue(e.getMessage().contains("offset 5"), e.getMessage());
    IllegalArgumentException trailing =
        assertThrows(IllegalArgumentException.class, () -> Summary.render("[] x"));
    assertTrue(trailing.getMessage().contains("offset 3"), trailing.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Summary.render("{}"));
    assertThrows(IllegalArgumentException.class, () -> Summary.render("[1]"));
    assertThrows(IllegalArgumentException.class, () -> Summary.render(""));
  }
}
