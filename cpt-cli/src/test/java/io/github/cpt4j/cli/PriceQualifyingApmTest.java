package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cpt price --qualifying-apm} and the batch column {@code qualifying_apm} (issue 11, item
 * 7).
 */
class PriceQualifyingApmTest {

  // 99213 in 01182-18 (Los Angeles), 2026, non-facility:
  // (1.30 x 1.041 + 1.46 x 1.183 + 0.09 x 0.664) = 3.14024 RVUs;
  // x 33.4009 = 104.88684... = 104.89; x 33.5675 (qualifying APM) = 105.40999... = 105.41.

  @Test
  void theFlagSelectsTheQualifyingConversionFactor() throws IOException {
    Cli.Result plain = Cli.run("price", "99213", "-l", "01182-18", "-d", "2026-02-01", "-f", "csv");
    Cli.Result qp =
        Cli.run(
            "price",
            "99213",
            "-l",
            "01182-18",
            "-d",
            "2026-02-01",
            "--qualifying-apm",
            "-f",
            "csv");
    assertEquals(0, qp.status(), qp::toString);
    assertEquals(
        "104.89", ValidateCommandTest.csv(plain.out()).get(1).getField(1), plain::toString);
    CsvRecord line = ValidateCommandTest.csv(qp.out()).get(1);
    assertEquals("105.41", line.getField(1), qp::toString);
    assertTrue(line.getField(3).contains("CF 33.5675"), qp::toString);
  }

  @Test
  void theBatchColumnSetsEachRowsStatus() throws IOException {
    String input =
        "code,locality,date,qualifying_apm\n"
            + "99213,01182-18,2026-02-01,yes\n"
            + "99213,01182-18,2026-02-01,\n"
            + "99213,01182-18,2026-02-01,0\n"
            + "99213,01182-18,2026-02-01,maybe\n";
    Cli.Result r = Cli.runWithInput(input, "price", "--input", "-");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals("105.41", rows.get(1).getField(4), r::toString);
    assertEquals("104.89", rows.get(2).getField(4), r::toString);
    assertEquals("104.89", rows.get(3).getField(4), r::toString);
    assertEquals("invalid_qualifying_apm", rows.get(4).getField(5), r::toString);
  }
}
