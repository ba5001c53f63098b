package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The localities command over a made-up table, and once over the bundled one. */
class LocalitiesCommandTest {

  private static Cli.Result run(FakeData data, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "localities";
    System.arraycopy(args, 0, all, 1, args.length);
    return Cli.runWith(data, new byte[0], all);
  }

  private static final FakeData TABLE = new FakeData();

  @Test
  void listsEveryLocalityAsATable() {
    Cli.Result r = run(TABLE);
    assertEquals(0, r.status(), r::toString);
    assertEquals(4, r.outLines().size(), r::toString);
    assertTrue(
        r.outLines()
            .get(0)
            .matches("LOCALITY\\s+STATE\\s+NAME\\s+WORK GPCI\\s+PE GPCI" + "\\s+MP GPCI"),
        r::toString);
    assertTrue(
        r.outLines()
            .get(3)
            .matches("13282-99\\s+NY\\s+REST OF STATE\\s+1\\.000\\s+0\\.949" + "\\s+0\\.732"),
        r::toString);
  }

  @Test
  void filtersByStateIgnoringCase() {
    Cli.Result r = run(TABLE, "--state", "ny", "--format", "json");
    assertEquals(0, r.status(), r::toString);
    JsonNode rows = JsonTree.read(r.out());
    assertEquals(2, rows.size());
    assertEquals("13202-01", rows.get(0).get("locality").textValue());
    assertEquals("1.342", rows.get(0).get("pe_gpci").textValue());
  }

  @Test
  void aStateWithoutLocalitiesIsInvalidInput() {
    Cli.Result r = run(TABLE, "--state", "ZZ");
    assertEquals(1, r.status());
    assertEquals(List.of("cpt localities: no locality in state 'ZZ'"), r.errLines());
  }

  @Test
  void aMalformedStateIsAUsageError() {
    Cli.Result r = run(TABLE, "--state", "New York");
    assertEquals(2, r.status());
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().contains("expected two letters"), r::toString);
  }

  @Test
  void aStateIsTwoAsciiLettersBeforeItIsUpperCased() {
    // Dotless i and long s upper-case to I and S: "\u0131l" listed Illinois.
    for (String state : new String[] {"\u0131l", "\u017fc", "n1", "\u00e9t"}) {
      Cli.Result r = run(TABLE, "--state", state);
      assertEquals(2, r.status(), r::toString);
      assertTrue(r.err().contains("is not a state: expected two letters"), r::toString);
    }
    assertEquals(0, run(TABLE, "--state", "ny").status());
  }

  @Test
  void aBadGpciFileIsOneLine() {
    Cli.Result missing = run(TABLE, "--gpci", "no/such.csv");
    assertEquals(2, missing.status());
    assertEquals(
        List.of("cpt localities: cannot read --gpci 'no/such.csv': no such file"),
        missing.errLines());
  }

  @Test
  void aMalformedGpciFileIsOneLineNamingIt(@TempDir Path dir) throws IOException {
    Path gpci = Files.writeString(dir.resolve("GPCI2025.csv"), "no GPCI here\n1,2,3\n");
    Cli.Result r = Cli.run("localities", "--gpci", gpci.toString());
    assertEquals(2, r.status(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().startsWith("cpt localities: "), r::toString);
    assertTrue(r.err().contains("GPCI2025.csv"), r::toString);
  }

  @Test
  void listsTheBundledTable() {
    Cli.Result r = Cli.run("localities", "--state", "ny", "-f", "csv");
    assertEquals(0, r.status(), r::toString);
    assertTrue(
        r.out().contains("\n13282-99,NY,REST OF NEW YORK,1.000,0.949,0.732,\n"), r::toString);
  }

  /**
   * 12202-01, "DC + MD/VA SUBURBS", covers Montgomery and Prince George's counties in Maryland and
   * Arlington, Fairfax and Alexandria in Virginia (CMS's county file; its ZIP5 file puts 140
   * Maryland and 132 Virginia ZIP codes there): --state MD and VA left it out, so a user picking
   * from the list priced Bethesda in 12302-99 (99213: 90.07, not 100.28).
   */
  @Test
  void aStateListsTheLocalitiesOfOtherStatesThatCoverPartOfIt() {
    for (String state : new String[] {"MD", "va", "DC"}) {
      Cli.Result r = Cli.run("localities", "--state", state, "-f", "csv");
      assertEquals(0, r.status(), r::toString);
      assertTrue(
          r.out().contains("\n12202-01,DC,DC + MD/VA SUBURBS,1.057,1.192,1.168,MD VA\n"),
          r::toString);
    }
    Cli.Result md = Cli.run("localities", "--state", "MD");
    assertEquals(4, md.outLines().size(), md::toString);
    assertTrue(md.outLines().get(0).endsWith("MP GPCI  SHARED WITH"), md::toString);
    assertTrue(
        md.outLines().get(2).matches("12302-01\\s+MD\\s+BALTIMORE.*1\\.309\\s*"), md::toString);
    // A state no other's locality covers: the table as before, without the column.
    Cli.Result ny = Cli.run("localities", "--state", "NY");
    assertTrue(ny.outLines().get(0).endsWith("MP GPCI"), ny::toString);
    JsonNode zip = JsonTree.read(Cli.run("localities", "--zip", "20814", "-f", "json").out());
    assertEquals("MD VA", zip.get(0).get("shared_with").textValue());
    JsonNode hawaii = JsonTree.read(Cli.run("localities", "--state", "HI", "-f", "json").out());
    assertEquals("AS FM GU MH MP PW", hawaii.get(0).get("shared_with").textValue());
  }

  /**
   * Guam, American Samoa and the Northern Mariana Islands have no row of their own in the GPCI
   * file: CMS's ZIP5 file puts their ZIP codes in 01212-01, "HAWAII, GUAM", which --state shows.
   */
  @Test
  void aTerritoryWithoutARowOfItsOwnShowsTheLocalityOfItsZipCodes() {
    for (String territory : new String[] {"GU", "as", "MP"}) {
      Cli.Result r = Cli.run("localities", "--state", territory, "-f", "csv");
      assertEquals(0, r.status(), r::toString);
      assertTrue(r.out().contains("\n01212-01,HI,\"HAWAII, GUAM\","), r::toString);
      assertEquals(2, r.out().split("\n").length, r::toString);
    }
  }

  @Test
  void hasHelp() {
    Cli.Result r = run(TABLE, "--help");
    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("Usage: cpt localities"), r::toString);
  }
}
