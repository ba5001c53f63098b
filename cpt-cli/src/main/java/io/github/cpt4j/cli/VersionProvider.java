package io.github.cpt4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.IVersionProvider;

/**
 * Supplies {@code cpt --version}: the Maven project version, written into a resource when the
 * module is built, so that it is right both in the jar and in tests run from the build tree.
 */
final class VersionProvider implements IVersionProvider {

  private static final String RESOURCE = "version.txt";

  @Override
  public String[] getVersion() {
    return new String[] {"cpt " + version()};
  }

  /** Returns the version of this build, or {@code unknown} if the resource is missing. */
  static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      String line =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
      // An unfiltered resource (a build outside Maven) still holds the placeholder.
      return line == null || line.isBlank() || line.startsWith("${") ? "unknown" : line.strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
