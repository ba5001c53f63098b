package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cpt price} over the bundled data, a sample: a code it lacks never looks like a run of 0.00
 * amounts, and {@code --zip} is checked whether or not {@code --locality} is given.
 */
class PriceBundledSampleTest {

  // "May": the sample cannot tell a code the whole files price from one they lack too.
  private static final String HINT =
      "not in the bundled data, a sample of CMS's files (CMS's whole files may price it:"
          + " --cms-dir DIR, or --rvu, --clfs, --dmepos or --asp FILE)";

  private static final String HINT_MANY = HINT.replace("may price it", "may price them");

  /**
   * 49000 is not in the bundled sample; CMS's October 2025 file prices it (882.90 in Manhattan on
   * 2025-06-01). The run printed not_in_schedule and a total of 0.00, said nothing and exited 0.
   */
  @Test
  void aCodeTheSampleLacksIsSaidInOneLineAndStatusOne() {
    Cli.Result r =
        Cli.run("price", "49000", "--zip", "10001", "--date", "2025-06-01", "-f", "json");
    assertEquals(1, r.status(), r::toString);
    JsonNode rows = JsonTree.read(r.out());
    assertEquals("not_in_schedule", rows.get(0).get("result").textValue());
    assertEquals(List.of("cpt price: nothing was priced: 49000 is " + HINT), r.errLines());
  }

  @Test
  void aCodeTheSampleLacksBesidePricedLinesIsAWarning() {
    Cli.Result r =
        Cli.run("price", "99213", "49000", "82040", "--zip", "10001", "--date", "2025-03-14");
    assertEquals(0, r.status(), r::toString);
    assertEquals(List.of("cpt price: warning: 49000 and 82040 are " + HINT_MANY), r.errLines());
  }

  /**
   * With {@code --cms-dir}, the lab, DMEPOS and drug lines a directory has no file for are priced
   * by the bundled samples, and the hint said to give {@code --asp FILE}, which {@code --cms-dir}
   * refuses ("give --cms-dir or --asp, not both"): it says to put the file in the directory.
   */
  @Test
  void withADirectoryTheHintSaysToPutTheFileInIt(@TempDir Path dir) throws IOException {
    Cli.copyBundled("pprrvu-2025-jan-sample.csv", dir.resolve("PPRRVU25_JAN.csv"));
    Cli.copyBundled("gpci-2025.csv", dir.resolve("GPCI2025.csv"));
    String hint =
        "not in the bundled data, a sample of CMS's files (CMS's whole files may price it: put"
            + " CMS's CLFS, DMEPOS or ASP file of its quarter in the --cms-dir directory)";
    Cli.Result r =
        Cli.run(
            "price",
            "99213",
            "J9037",
            "-l",
            "13282-99",
            "-d",
            "2025-02-03",
            "--cms-dir",
            dir.toString());
    assertEquals(0, r.status(), r::toString);
    assertEquals(List.of("cpt price: warning: J9037 is " + hint), r.errLines());
    Cli.Result batch =
        Cli.runWithInput(
            "code,date\nJ9037,2025-02-03\n",
            "price",
            "-i",
            "-",
            "-l",
            "13282-99",
            "--cms-dir",
            dir.toString());
    assertEquals(1, batch.status(), batch::toString);
    assertEquals(
        List.of("cpt price: nothing was priced: 1 row has a code " + hint), batch.errLines());
  }

  /** A kind of code Medicare never pays (Category II, HCPCS S) would not be priced by any file. */
  @Test
  void aCodeOfAKindMedicareNeverPaysIsNoSampleGap() {
    Cli.Result r = Cli.run("price", "9999F", "S9999", "--zip", "10001", "--date", "2025-03-14");
    assertEquals(0, r.status(), r::toString);
    assertEquals("", r.err(), r::toString);
  }

  /**
   * The sample lists E0114, but no DMEPOS file has amounts for Guam (CMS's has the states, DC, PR
   * and VI): the line is not_in_schedule for the state, and CMS's whole file would not price it
   * either. The run said "E0114-NU is not in the bundled data" and exited 1, pointing at --dmepos.
   */
  @Test
  void aSampleCodeInAStateWithoutAmountsIsNoSampleGap() {
    Cli.Result r =
        Cli.run("price", "E0114-NU", "--zip", "96910", "--date", "2025-03-14", "-f", "json");
    assertEquals(0, r.status(), r::toString);
    assertEquals("", r.err(), r::toString);
    JsonNode rows = JsonTree.read(r.out());
    assertEquals("not_in_schedule", rows.get(0).get("result").textValue());
    assertTrue(
        rows.get(0).get("explanation").textValue().startsWith("dmepos-2025-Q1-sample has no"),
        r::toString);
    Cli.Result batch =
        Cli.runWithInput(
            "code,modifiers,zip,date\nE0114,NU,96910,2025-03-14\n",
            "price",
            "-i",
            "-",
            "-z",
            "10001");
    assertEquals(0, batch.status(), batch::toString);
    assertEquals("", batch.err(), batch::toString);
  }

  /**
   * A batch does as for a date out of the data: status 1 when nothing was priced, else a warning.
   */
  @Test
  void aBatchOfCodesTheSampleLacksIsSaidInOneLineAndStatusOne() {
    Cli.Result none =
        Cli.runWithInput(
            "code,date\n49000,2025-06-01\n82040,2025-03-14\n", "price", "-i", "-", "-z", "10001");
    assertEquals(1, none.status(), none::toString);
    assertEquals(
        List.of("cpt price: nothing was priced: 2 rows have codes " + HINT_MANY), none.errLines());
    Cli.Result some =
        Cli.runWithInput(
            "code,date\n99213,2025-06-01\n49000,2025-06-01\n", "price", "-i", "-", "-z", "10001");
    assertEquals(0, some.status(), some::toString);
    assertEquals(List.of("cpt price: warning: 1 row has a code " + HINT), some.errLines());
  }

  /**
   * --zip beside --locality is where the patient lives: an unknown one priced the claim (a DMEPOS
   * line no_beneficiary_zip, total 0.00, status 0) where --zip alone is refused.
   */
  @Test
  void anUnknownZipCodeIsRefusedBesideALocalityAsAlone() {
    String refusal = "cpt price: ZIP code 00000 is in no Medicare payment locality";
    for (String code : new String[] {"99213", "E0114-NU"}) {
      Cli.Result alone = Cli.run("price", code, "--zip", "00000", "--date", "2025-03-14");
      Cli.Result beside =
          Cli.run(
              "price", code, "--locality", "13202-01", "--zip", "00000", "--date", "2025-03-14");
      for (Cli.Result r : List.of(alone, beside)) {
        assertEquals(2, r.status(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith(refusal), r::toString);
      }
    }
    Cli.Result known =
        Cli.run(
            "price", "E0114-NU", "--locality", "13202-01", "--zip", "10001", "-d", "2025-03-14");
    assertEquals(0, known.status(), known::toString);
  }
}
