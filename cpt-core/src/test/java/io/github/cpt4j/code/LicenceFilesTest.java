package io.github.cpt4j.code;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The module carries the project's licence and notice (Apache-2.0 section 4), copied by the build
 * from the repository's root into {@code META-INF}. Read from where {@link ProcedureCode} was
 * loaded: other jars on the test class path have a {@code META-INF/NOTICE} of their own.
 */
class LicenceFilesTest {

  private static String resource(String name) throws IOException, URISyntaxException {
    Path from =
        Path.of(ProcedureCode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(from)) {
      return Files.readString(from.resolve("META-INF").resolve(name));
    }
    try (JarFile jar = new JarFile(from.toFile())) {
      var entry = jar.getJarEntry("META-INF/" + name);
      assertNotNull(entry, "no META-INF/" + name + " in " + from);
      try (InputStream in = jar.getInputStream(entry)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  @Test
  void theLicenceAndTheNoticeAreInTheModule() throws Exception {
    assertTrue(resource("LICENSE").contains("Apache License"));
    String notice = resource("NOTICE");
    assertTrue(notice.contains("CPT is a registered trademark"), notice);
  }
}
