package io.github.cpt4j.data.medicare;

import static io.github.cpt4j.data.medicare.LoaderFixtures.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cpt4j.data.load.DataLoadException;
import org.junit.jupiter.api.Test;

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
}
