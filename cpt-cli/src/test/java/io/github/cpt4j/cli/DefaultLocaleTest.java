package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The counts in messages are written alike whatever the JVM's default locale: {@code 1,234}. The
 * scrub's warnings and the summaries of {@code price} and {@code scrub} were formatted in it: with
 * the language Arabic their digits were Arabic-Indic, with German the count was "1.234".
 */
class DefaultLocaleTest {

  private static final Locale DEFAULT = Locale.getDefault();

  private static final int ROWS = 1_234;

  @TempDir Path dir;

  @AfterEach
  void restoreTheDefaultLocale() {
    Locale.setDefault(DEFAULT);
  }

  /** Runs {@code args} as a person at a terminal would, so that the summaries are written. */
  private static String stderrOf(String stdin, String... args) {
    StringWriter err = new StringWriter();
    Main.run(
        args,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(new StringWriter()),
        new PrintWriter(err),
        true,
        new FakeData());
    return err.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar-EG", "de-DE", "fr-FR", "hi-IN-u-nu-deva"})
  void countsAreWrittenAlikeWhateverTheDefaultLocale(String tag) throws IOException {
    Path ptp = Files.writeString(dir.resolve("ptp1.txt"), ScrubCommandTest.PTP);
    String rows = "code\n" + "99213\n".repeat(ROWS);
    Locale.setDefault(Locale.forLanguageTag(tag));
    String scrub = stderrOf(rows, "scrub", "--input", "-", "--ptp", ptp.toString());
    List<String> lines = scrub.lines().toList();
    assertEquals(3, lines.size(), scrub);
    assertTrue(lines.get(0).startsWith("cpt scrub: warning: 1,234 rows have no date"), scrub);
    assertTrue(lines.get(1).startsWith("cpt scrub: warning: 1,234 rows have no claim"), scrub);
    assertEquals("1,234 rows: 0 with findings, 0 invalid", lines.get(2), scrub);
    String price = stderrOf(rows, "price", "--input", "-", "--zip", "10001");
    assertTrue(price.contains("\n1,234 rows: 1,234 priced, 0 not priced (0 invalid)\n"), price);
    assertTrue(price.contains("warning: 1,234 rows have no date of service"), price);
  }
}
