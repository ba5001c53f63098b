package io.github.cpt4j.data.medicare;

import static io.github.cpt4j.data.medicare.LoaderFixtures.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cpt4j.data.load.DataLoadException;
import org.junit.jupiter.api.Test;

/**
 * An error about one field names the line that field is on, not the line its row starts on: a
 * quoted cell before it may span lines (a description, a note typed over two lines), and the line
 * to fix is then below the row's first.
 */
class FieldLineErrorsTest {

  @Test
  void aGpciAfterALocalityNameOverTwoLinesIsNamedOnItsOwnLine() {
    // Line 7 starts the New York row; its name runs to line 8, where its PE GPCI is.
    String text =
        LoaderFixtures.gpci2025()
            .replace(
                "13282,NY,99,REST OF NEW YORK,1,0.949,",
                "13282,NY,99,\"REST OF\nNEW YORK\",1,0.9491,");
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> GpciFile.read(stream(text), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
    assertEquals(
        "g.csv, line 8, column 6: 2025 PE GPCI: expected a number of at least 0 with at most 3"
            + " decimals, found '0.9491'",
        e.getMessage());
  }

  @Test
  void gpciColumnsOfTwoYearsAreNamedOnTheLineOfTheSecondName() {
    // The header starts on line 4 (after the subset marker and the title rows); its locality name
    // cell runs to line 5, where the PE column names another year.
    String text =
        LoaderFixtures.gpci2025()
            .replace(
                "Locality Name,2025 PW GPCI (with 1.0 Floor),2025 PE GPCI,",
                "\"Locality\nName\",2025 PW GPCI (with 1.0 Floor),2024 PE GPCI,");
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> GpciFile.read(stream(text), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
    assertEquals(
        "g.csv, line 5, column 6: the GPCI columns name different years, 2025 and 2024",
        e.getMessage());
  }

  @Test
  void anRvuStatusAfterADescriptionOverThreeLinesIsNamedOnItsOwnLine() {
    // The 99213 row starts on line 16 (the subset marker, ten header lines, four rows before it);
    // its description runs to line 18, where its status is.
    String text =
        LoaderFixtures.rvu2025()
            .replace("99213,,Made-up office visit,A,", "99213,,\"Made-up\r\noffice\rvisit\",Q,");
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> RvuFile.read(stream(text), "test.csv"));
    assertEquals(18, e.line(), e.getMessage());
    assertEquals(4, e.column(), e.getMessage());
  }

  @Test
  void anRvuTitleAfterACellOverTwoLinesIsNamedOnItsOwnLine() {
    // The title row starts on line 2; its first cell runs to line 3, where the title is.
    String text =
        LoaderFixtures.rvu2025()
            .replace(
                ",,Test relative value file in the CY2025 layout,",
                "\"a note\nover two lines\",,2025 Relative Value File Octember Release,");
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> RvuFile.read(stream(text), "test.csv"));
    assertEquals(3, e.line(), e.getMessage());
    assertEquals(3, e.column(), e.getMessage());
  }

  @Test
  void anAspLimitAfterADescriptionOverTwoLinesIsNamedOnItsOwnLine() {
    // The J3301 row starts on line 10 (the A9606 row's note spans lines 8 and 9); its description
    // runs to line 11, where its payment limit is.
    String text =
        PartBLoadersTest.ASP.replace(
            "J3301,not read,10 MG,0.898,", "J3301,\"not\nread\",10 MG,0.8981,");
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> AspFile.read(stream(text), "drugs.csv"));
    assertEquals(11, e.line(), e.getMessage());
    assertEquals(4, e.column(), e.getMessage());
  }

  @Test
  void aDmeposAmountAfterADescriptionOverTwoLinesIsNamedOnItsOwnLine() {
    // The description column before the amounts, as a spreadsheet may move it: the E0601 row
    // starts on line 5, its description runs to line 6, where its amounts are.
    String text =
        LoaderFixtures.SUBSET
            + "January 2025 Fee Schedule,,,,,,,,,,,\n"
            + "HCPCS,Mod,Mod2,JURIS,CATG,Description,Ceiling,Floor,NY (NR),NY (R),PR (NR),PR (R)\n"
            + "E0114,NU,,D,IN,not read,65.94,56.05,61.45,0.00,86.99,0.00\n"
            + "E0601,RR,,D,CR,\"not\nread\",0.00,0.00,48.725,94.93,91.42,0.00\n";
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> DmeposFile.read(stream(text), "fees.csv", PartBLoadersTest.ZIPS));
    assertEquals(6, e.line(), e.getMessage());
    assertEquals(9, e.column(), e.getMessage());
  }
}
