package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --gpci} and {@code --opps-cap} without {@code --rvu}: the bundled releases price each date
 * of service with their own rows, the file's tables in place of theirs. 0446T's practice expense
 * doubled in April 2025 (25A 90.47, 25B on 179.53): in 13282-99 office it is 2815.91 in January and
 * 5549.77 from April.
 */
class GpciWithBundledReleasesTest {

  @TempDir Path dir;

  /**
   * A GPCI file of {@code year} in CMS's layout, a subset of Rochester's row alone at these
   * indices.
   */
  private Path gpciFile(int year, String work, String pe, String mp) throws IOException {
    return Files.writeString(
        dir.resolve("GPCI" + year + ".csv"),
        "# cpt4j subset\r\n"
            + "ADDENDUM E. GPCIs BY STATE AND MEDICARE LOCALITY,,,,,,\r\n"
            + ",,,,,,\r\n"
            + "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,"
            + year
            + " PW GPCI (with 1.0 Floor),"
            + year
            + " PE GPCI,"
            + year
            + " MP GPCI\r\n"
            + "13282,NY,99,REST OF NEW YORK,"
            + work
            + ","
            + pe
            + ","
            + mp
            + "\r\n");
  }

  private static Cli.Result price(String code, String locality, String date, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("price", code, "-l", locality, "-d", date, "-f", "csv", "-s", "non-facility"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void eachDateKeepsItsOwnReleasesRelativeValues() throws IOException {
    Path gpci = gpciFile(2025, "1", "0.949", "0.732"); // the bundled 2025 indices of 13282-99
    for (String[] dateAndAmount :
        new String[][] {{"2025-02-01", "2815.91"}, {"2025-11-03", "5549.77"}}) {
      Cli.Result bundled = price("0446T", "13282-99", dateAndAmount[0]);
      Cli.Result withFile = price("0446T", "13282-99", dateAndAmount[0], "--gpci", gpci.toString());
      assertEquals(0, withFile.status(), withFile::toString);
      assertTrue(withFile.out().contains("," + dateAndAmount[1] + ","), withFile::toString);
      assertEquals(bundled.out(), withFile.out());
    }
  }

  @Test
  void theFilesIndicesPriceItsYearsDates() throws IOException {
    Path doubled = gpciFile(2025, "1", "1.898", "0.732");
    Cli.Result bundled = price("99213", "13282-99", "2025-02-01");
    Cli.Result withFile = price("99213", "13282-99", "2025-02-01", "--gpci", doubled.toString());
    assertEquals(0, withFile.status(), withFile::toString);
    assertTrue(!bundled.out().equals(withFile.out()), withFile::toString);
  }

  @Test
  void anotherYearsReleasesKeepTheirOwnIndices() throws IOException {
    Path gpci = gpciFile(2025, "1", "0.949", "0.732");
    Cli.Result bundled = price("99213", "01182-18", "2026-02-01");
    Cli.Result withFile = price("99213", "01182-18", "2026-02-01", "--gpci", gpci.toString());
    assertEquals(0, withFile.status(), withFile::toString);
    assertEquals(bundled.out(), withFile.out());
  }

  @Test
  void aGpciFileOfAYearNoReleaseIsOfIsRefusedNamingIt() throws IOException {
    Path gpci = gpciFile(2024, "1", "0.949", "0.732");
    Cli.Result r = price("99213", "13282-99", "2025-02-01", "--gpci", gpci.toString());
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        List.of(
            "cpt price: GPCI2024.csv: the GPCIs are for 2024, but the bundled relative values are"
                + " for 2025 and 2026: give the relative value file of 2024 with --rvu"),
        r.errLines());
  }

  @Test
  void aCapFileCapsEveryReleasesDates() throws IOException {
    Path cap =
        Files.writeString(
            dir.resolve("OPPSCAP_Oct.csv"),
            "# cpt4j subset\r\n"
                + "HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE\r\n"
                + "70450,TC,A,13282,99,10.00,10.00\r\n");
    for (String date : List.of("2025-02-01", "2025-11-03")) {
      Cli.Result r = price("70450-TC", "13282-99", date, "--opps-cap", cap.toString());
      assertEquals(0, r.status(), r::toString);
      assertTrue(r.out().contains(",10.00,"), r::toString);
    }
  }
}
