package io.github.cpt4j.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The built {@code cpt-spark-job.jar}, opened as spark-submit's class loader opens it. */
class JobJarIT {

  private static final Path JAR =
      Path.of(System.getProperty("cpt.spark.job.jar", "target/cpt-spark-job.jar"));

  @Test
  void declaresMultiReleaseAndRunsTheClassesForThisJava() throws Exception {
    // jackson-core is a multi-release jar: its classes for later Java versions sit under
    // META-INF/versions/N/. Merged into the job jar without the manifest's Multi-Release
    // attribute, the JVM ignored them and ran the Java 8 classes.
    assertTrue(Files.isRegularFile(JAR), "no jar at " + JAR.toAbsolutePath());
    int feature = Runtime.version().feature();
    try (JarFile jar = new JarFile(JAR.toFile(), true, ZipFile.OPEN_READ, Runtime.version())) {
      List<String> versioned =
          jar.stream()
              .map(JarEntry::getName)
              .filter(n -> n.startsWith("META-INF/versions/") && !n.endsWith("/"))
              .toList();
      assertTrue(
          versioned.stream().noneMatch(n -> n.endsWith("module-info.class")),
          "a module descriptor in the merged jar: " + versioned);
      if (versioned.isEmpty()) {
        return;
      }
      assertEquals(
          "true",
          jar.getManifest().getMainAttributes().getValue("Multi-Release"),
          "versioned entries without Multi-Release: true in the manifest: " + versioned);
      // Each versioned class resolves to the entry of the highest version up to this Java's.
      Map<String, Integer> expected = new TreeMap<>();
      for (String name : versioned) {
        String[] parts = name.split("/", 4);
        int version = Integer.parseInt(parts[2]);
        if (version <= feature) {
          expected.merge(parts[3], version, Math::max);
        }
      }
      for (Map.Entry<String, Integer> e : expected.entrySet()) {
        JarEntry entry = jar.getJarEntry(e.getKey());
        assertTrue(entry != null, "no " + e.getKey());
        assertEquals(
            "META-INF/versions/" + e.getValue() + "/" + e.getKey(),
            entry.getRealName(),
            "on Java " + feature);
      }
    }
  }
}
