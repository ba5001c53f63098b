package io.github.cpt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.base.Splitter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class InterleavedBuildsTest {

  /** This module's test class path, as the class path of a "build". */
  private static List<URL> classPath() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry :
        Splitter.on(File.pathSeparatorChar).split(System.getProperty("java.class.path"))) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    return urls;
  }

  @Test
  void eachBuildRunsItsOwnClassesOfTheWorkloadAndTheBenchmark() throws Exception {
    LongUnaryOperator first = InterleavedBuilds.load(classPath(), DataSets.SAMPLE);
    LongUnaryOperator second = InterleavedBuilds.load(classPath(), DataSets.SAMPLE);
    ClassLoader loader = first.getClass().getClassLoader();
    assertNotSame(ClaimWorkload.class, first.getClass());
    assertNotSame(first.getClass(), second.getClass());
    // Defined from the running build's bytes, not read from the build's own class path (an older
    // jar has no workload class): a class defined so comes from no location.
    assertNull(first.getClass().getProtectionDomain().getCodeSource().getLocation());
    assertNotSame(
        ClaimPricingBenchmark.class, loader.loadClass(ClaimPricingBenchmark.class.getName()));
    // The same claim priced by either build: the same totals, and n claims sum n hash codes.
    ClaimWorkload here = new ClaimWorkload(DataSets.SAMPLE);
    assertEquals(here.applyAsLong(3), first.applyAsLong(3));
    assertEquals(3 * here.applyAsLong(1), second.applyAsLong(3));
  }

  @Test
  void reportsEachBuildsRatioToTheFirst() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    double[] ratios =
        InterleavedBuilds.run(
            List.of(classPath(), classPath()),
            DataSets.SAMPLE,
            1,
            3,
            20,
            new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertEquals(2, ratios.length);
    assertEquals(1.0, ratios[0]);
    assertTrue(ratios[1] > 0 && Double.isFinite(ratios[1]), () -> "ratio " + ratios[1]);
    String text = printed.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("(loaded 1 of 2)") && text.contains("(loaded 2 of 2)"), text);
  }

  @Test
  void refusesFewerThanTwoJarsBadNumbersAndUnknownDataSetsSayingWhich() {
    IllegalArgumentException one =
        assertThrows(
            IllegalArgumentException.class,
            () -> InterleavedBuilds.Options.parse(new String[] {"a.jar"}));
    assertEquals("two jars or more to compare, not 1", one.getMessage());
    IllegalArgumentException rounds =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                InterleavedBuilds.Options.parse(new String[] {"--rounds", "0", "a.jar", "b.jar"}));
    assertEquals("--rounds takes a positive whole number, not 0", rounds.getMessage());
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> InterleavedBuilds.Options.parse(new String[] {"a.jar", "b.jar", "--claims"}));
    assertEquals("--claims needs a value", missing.getMessage());
    IllegalArgumentException dataset =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                InterleavedBuilds.Options.parse(
                    new String[] {"--dataset", "full", "a.jar", "b.jar"}));
    assertEquals("--dataset is sample or cms-2025, not full", dataset.getMessage());
    InterleavedBuilds.Options options =
        InterleavedBuilds.Options.parse(
            new String[] {"--dataset", "cms-2025", "--claims", "7", "a.jar", "b.jar"});
    assertEquals(List.of(Path.of("a.jar"), Path.of("b.jar")), options.jars());
    assertEquals("cms-2025", options.dataset());
    assertEquals(7, options.claims());
    assertEquals(200, options.rounds());
  }
}
