package io.github.cpt4j.data.medicare;

import static io.github.cpt4j.data.medicare.LoaderFixtures.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * CMS files as users have them after a spreadsheet or an editor saved them again: each one is read
 * as CMS's own, or refused naming the file, line and column and what was expected.
 */
class SpreadsheetSavedFilesTest {

  @Test
  void aGpciLocalityNameWithAWindowsQuoteIsRefusedAtItsCell() {
    // Saved from Windows, a curly apostrophe is byte 0x92, read as Latin-1 the C1 control U+0092,
    // which used to load into the locality's name and every text that prints it.
    String saved = LoaderFixtures.gpci2025().replace("REST OF NEW YORK", "REST OF NEW YORK\u0092S");
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> GpciFile.read(stream(saved), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
    assertEquals(
        "g.csv, line 7, column 4: LOCALITY NAME: expected text without control characters, found"
            + " U+0092 at character 17 of 'REST OF NEW YORK\\u0092S'; the file looks like"
            + " Windows-1252, in which byte 0x92 is a printable character such as a curly quote"
            + " or a dash: give the file as CMS publishes it, in Latin-1",
        e.getMessage());
  }

  @Test
  void aGpciLocalityNameWithAControlCharacterIsRefusedAtItsCell() {
    String damaged = LoaderFixtures.gpci2025().replace("ALABAMA", "ALA\u0007BAMA");
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> GpciFile.read(stream(damaged), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
    assertEquals(
        "g.csv, line 5, column 4: LOCALITY NAME: expected text without control characters, found"
            + " U+0007 at character 4 of 'ALA\\u0007BAMA'",
        e.getMessage());
  }

  /** A CMS file exported by a spreadsheet as tab-delimited text: tabs where CMS has commas. */
  private static String tabSeparated(String text) {
    return text.replace(',', '\t');
  }

  private static void assertRefused(String message, Executable load) {
    assertEquals(message, assertThrows(DataLoadException.class, load).getMessage());
  }

  @Test
  void aGpciFileExportedWithTabsIsNamedSo() {
    // It used to be a CSV syntax error at its quoted note (a quote closed before a tab), or,
    // without one, "no header row with a "Locality Number" column" beside a header that has one.
    String gpci = tabSeparated(LoaderFixtures.gpci2025());
    assertRefused(
        "g.csv, line 2: fields separated by tabs, not commas: a CMS GPCI file is comma-separated"
            + " (tab-separated text: a spreadsheet's tab-delimited export, or another kind of"
            + " file, such as an NCCI PTP file; give the file as CMS publishes it, or save it as"
            + " CSV with commas)",
        () -> GpciFile.read(stream(gpci), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
  }

  @Test
  void aRelativeValueFileExportedWithTabsIsNamedSo() {
    String rvu = tabSeparated(LoaderFixtures.rvu2025());
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> RvuFile.read(stream(rvu), "r.csv"));
    assertEquals(
        true, e.getMessage().startsWith("r.csv, line 2: fields separated by tabs"), e::getMessage);
  }

  @Test
  void aRuralZipFileExportedWithTabsIsNamedSo() {
    // Three columns, two tabs a line: it used to be `missing column "STATE" (renamed or
    // removed?)`, beside a header whose first word is STATE.
    DmeposZipTable states = DmeposZipTable.builder().state(10000, 14999, "NY").build();
    String rows = "STATE\tDMEPOS RURAL ZIP CODE\tYEAR/QTR\r\nNY\t10985\t202501\r\n";
    assertRefused(
        "DME_Rural_ZIP_2025_Q1.csv, line 2: fields separated by tabs, not commas: a CMS DMEPOS"
            + " rural ZIP code file is comma-separated (tab-separated text: a spreadsheet's"
            + " tab-delimited export, or another kind of file, such as an NCCI PTP file; give the"
            + " file as CMS publishes it, or save it as CSV with commas)",
        () ->
            DmeposRuralZipFile.read(
                stream(LoaderFixtures.SUBSET + rows), "DME_Rural_ZIP_2025_Q1.csv", states));
  }

  @Test
  void tabsAroundCommaSeparatedFieldsAreStillPadding() throws Exception {
    // A tab is a blank of CMS's fields: a comma-separated file padded with tabs still loads.
    String padded =
        LoaderFixtures.gpci2025()
            .replace("10112,AL,00,ALABAMA,1,", "10112\t,\tAL\t,\t00\t,\tALABAMA\t,\t1\t,\t");
    assertEquals(3, GpciFile.read(stream(padded), "g.csv", GpciFile.WorkGpci.WITH_FLOOR).size());
  }
}
