package io.github.cpt4j.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForkSpreadTest {

  private static String result(String impl, String wall, String cpu) {
    return "{\"benchmark\":\"io.github.cpt4j.benchmarks.X.parseValid\","
        + "\"params\":{\"impl\":\""
        + impl
        + "\"},\"primaryMetric\":{\"scoreUnit\":\"ns/op\",\"rawData\":"
        + wall
        + "}"
        + (cpu == null
            ? ""
            : ",\"secondaryMetrics\":{\"\u00b7cpu.ns/op\":{\"scoreUnit\":\"ns/op\",\"rawData\":"
                + cpu
                + "}}")
        + "}";
  }

  @Test
  void showsEachForksFastestCpuIterationSortedAndTheRatioOfTheMedians() {
    String json =
        "["
            + result(
                "cpt4j", "[[9.0,9.0],[20.0,22.0],[9.5,9.5]]", "[[6.5,6.0],[8.0,9.0],[6.2,7.0]]")
            + ","
            + result(
                "guava-immutablemap",
                "[[8.0,8.0],[8.0,8.0],[8.0,8.0]]",
                "[[5.0,5.1],[5.2,5.0],[5.0,5.3]]")
            + "]";
    String table = ForkSpread.render(json);
    assertTrue(
        table.contains("| X.parseValid | cpt4j | 6.00, 6.20, 8.00 | 6.20 | 33% | 9.50 |"), table);
    assertTrue(
        table.contains(
            "| X.parseValid | guava-immutablemap | 5.00, 5.00, 5.00 | 5.00 | 0% | 8.00 |"),
        table);
    assertTrue(
        table.contains("| X.parseValid | ratio guava-immutablemap / cpt4j | median forks 0.81x"),
        table);
  }

  @Test
  void fallsBackToWallClockMediansWithoutTheCpuProfiler() {
    String table =
        ForkSpread.render("[" + result("cpt4j", "[[3.0,1.0,2.0],[4.0,4.0]]", null) + "]");
    assertTrue(table.contains("| X.parseValid | cpt4j | 2.00, 4.00 | 3.00 | 100% | 3.00 |"), table);
    assertTrue(table.startsWith("Per fork: the median of its wall-clock"), table);
  }

  @Test
  void rejectsTextThatIsNoJmhResult() {
    assertThrows(IllegalArgumentException.class, () -> ForkSpread.render("{}"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ForkSpread.render("[{\"benchmark\":\"a.b\",\"primaryMetric\":{}}]"));
  }
}
