package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A message quotes at most 64 characters of what the user gave, escaped, wherever it comes from.
 */
class EchoedInputTest {

  // Under the 64 KiB field cap, so that the cell is read and parsed, not malformed.
  private static final String HUGE = "\u001b[31m" + "x".repeat(60_000);

  private final FakeData data = new FakeData();

  private Cli.Result price(String stdin, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "price";
    System.arraycopy(args, 0, all, 1, args.length);
    return Cli.runWith(data, stdin.getBytes(StandardCharsets.UTF_8), all);
  }

  private static void assertShortAndClean(String message) {
    assertTrue(message.length() < 400, () -> message.length() + " characters");
    assertTrue(message.strip().matches("[\\x20-\\x7e]*"), message);
  }

  @Test
  void optionValues() {
    for (String option : List.of("--locality", "--zip", "--date", "--pos", "--setting", "-f")) {
      Cli.Result r = price("", "99213", option, HUGE);
      assertEquals(2, r.status(), r::toString);
      assertEquals(1, r.errLines().size());
      assertShortAndClean(r.err());
    }
  }

  @Test
  void batchHeader() {
    Cli.Result r = price(HUGE + ",other\n99213\n", "-i", "-", "-z", "10001");
    assertEquals(2, r.status(), r::toString);
    assertShortAndClean(r.err());
  }

  @Test
  void batchCells() throws IOException {
    String csv =
        "code,zip,date,units,locality,pos,setting\n"
            + String.join(",", "99213", HUGE, "", "", "", "", "")
            + "\n"
            + String.join(",", "99213", "", HUGE, "", "", "", "")
            + "\n"
            + String.join(",", "99213", "", "", HUGE, "", "", "")
            + "\n"
            + String.join(",", "99213", "", "", "", HUGE, "", "")
            + "\n"
            + String.join(",", "99213", "", "", "", "", HUGE, "")
            + "\n"
            + String.join(",", "99213", "", "", "", "", "", HUGE)
            + "\n"
            + String.join(",", HUGE, "", "", "", "", "", "")
            + "\n";
    Cli.Result r = price(csv, "-i", "-", "-z", "10001", "--verbatim");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(8, rows.size(), r::toString);
    for (CsvRecord row : rows.subList(1, rows.size())) {
      String explanation = row.getField(row.getFieldCount() - 1);
      assertTrue(!explanation.isEmpty(), row::toString);
      assertTrue(!explanation.contains("longer than"), explanation);
      assertShortAndClean(explanation);
    }
  }
}
