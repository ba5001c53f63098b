package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cpt price} with the full CMS 2025 files, when {@code CPT4J_CMS_DIR} names the directory
 * that holds them ({@code $CPT4J_CMS_DIR/2025/PPRRVU2025_Oct.csv}); skipped otherwise.
 */
class FullCmsFilesTest {

  private static Path dir;

  @BeforeAll
  static void locateFiles() {
    String env = System.getenv("CPT4J_CMS_DIR");
    assumeTrue(env != null && !env.isBlank(), "CPT4J_CMS_DIR is not set");
    dir = Path.of(env, "2025");
    assumeTrue(
        Files.isRegularFile(dir.resolve("PPRRVU2025_Oct.csv")), "no PPRRVU2025_Oct.csv in " + dir);
  }

  private static String file(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void pricesACodeOutsideTheSampleAsCmsPublishesIt() throws IOException {
    // PFREV25C.txt: 76145 in 01112-05 is 1339.81 in both settings.
    Cli.Result r =
        Cli.run(
            "price",
            "76145",
            "-l",
            "01112-05",
            "-d",
            "2025-06-01",
            "-f",
            "csv",
            "--rvu",
            file("PPRRVU2025_Oct.csv"),
            "--gpci",
            file("GPCI2025.csv"),
            "--opps-cap",
            file("OPPSCAP_Oct.csv"));
    assertEquals(0, r.status(), r::toString);
    assertEquals("1339.81", ValidateCommandTest.csv(r.out()).get(1).getField(1));
  }

  @Test
  void theBundledSampleDoesNotHaveIt() {
    Cli.Result r = Cli.run("price", "76145", "-l", "01112-05", "-d", "2025-06-01", "-f", "csv");
    assertTrue(r.out().contains(",not_in_schedule,"), r::toString);
  }

  @Test
  void localitiesFromTheFullGpciFile() {
    Cli.Result r = Cli.run("localities", "--gpci", file("GPCI2025.csv"), "--state", "AK");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("02102-01  AK     ALASKA"), r::toString);
  }
}
