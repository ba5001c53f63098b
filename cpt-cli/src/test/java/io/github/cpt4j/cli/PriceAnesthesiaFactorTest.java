package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cpt price --cms-dir} with the 2026 ANES file of providers who are not qualifying APM
 * participants only: a QP's anesthesia line is conversion_factor_mismatch, and the run's one line
 * says why in full, naming every file, where it was cut at the first file's reason.
 */
class PriceAnesthesiaFactorTest {

  /** Made up: Los Angeles alone, 21.22 (ANES2025's figure), stating 2026's non-QP factor. */
  private static final String ANES2026 =
      "# cpt4j subset: made up\r\n"
          + "Contractor,Locality,Locality Name,National Anes CF of 20.4976\r\n"
          + "01182 ,18 ,LOS ANGELES,21.22 \r\n";

  private static Path directory(Path dir) throws IOException {
    Cli.copyBundled("pprrvu-2026-jan-sample.csv", dir.resolve("PPRRVU2026_Jan_nonQPP.csv"));
    Cli.copyBundled("pprrvu-2026-jan-qpp-sample.csv", dir.resolve("PPRRVU2026_Jan_QPP.csv"));
    Cli.copyBundled("gpci-2026-jan-subset.csv", dir.resolve("GPCI2026.csv"));
    Files.writeString(dir.resolve("ANES2026.csv"), ANES2026, StandardCharsets.ISO_8859_1);
    return dir;
  }

  private static Cli.Result price(Path dir, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "price",
                "00100-AA 60min",
                "-l",
                "01182-18",
                "-d",
                "2026-02-02",
                "--setting",
                "facility",
                "--cms-dir",
                dir.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void aQualifyingApmParticipantsLineIsRefusedWithTheWholeReason(@TempDir Path dir)
      throws IOException {
    directory(dir);
    Cli.Result other = price(dir, "-f", "csv");
    assertEquals(0, other.status(), other::toString);
    // (5 base + 60 / 15 = 4.0 time units) x 21.22 = 190.98
    assertEquals(
        "190.98", ValidateCommandTest.csv(other.out()).get(1).getField(1), other::toString);
    Cli.Result qp = price(dir, "--qualifying-apm", "-f", "csv");
    assertEquals(1, qp.status(), qp::toString);
    CsvRecord line = ValidateCommandTest.csv(qp.out()).get(1);
    assertEquals("conversion_factor_mismatch", line.getField(2), qp::toString);
    assertTrue(
        qp.err()
            .contains(
                "nothing was priced: ANES2026 states 20.4976, the national anesthesia factor of"
                    + " providers who are not qualifying APM participants from 2026-01-01 to"
                    + " 2026-12-31. A qualifying APM participant is paid 20.5998 on 2026-02-02:"
                    + " give CMS's ANES file for them (give data for that date, or another date)"),
        qp::toString);
  }

  /** Two files, neither stating the QPs' factor: the reason names both. */
  @Test
  void theReasonNamesEveryFile(@TempDir Path dir) throws IOException {
    directory(dir);
    Files.writeString(
        dir.resolve("ANES2026_old.csv"),
        ANES2026.replace("20.4976", "20.3178"),
        StandardCharsets.ISO_8859_1);
    Cli.Result qp = price(dir, "--qualifying-apm");
    assertEquals(1, qp.status(), qp::toString);
    assertTrue(
        qp.err()
            .contains(
                " ANES2026_old states 20.3178, the national anesthesia factor of every provider"
                    + " from 2025-01-01 to 2025-12-31. A qualifying APM participant is paid 20.5998"
                    + " on 2026-02-02: give CMS's ANES file for them (give data for that date,"),
        qp::toString);
    assertTrue(qp.err().contains("nothing was priced: ANES2026"), qp::toString);
  }
}
