package io.github.cpt4j.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import org.junit.jupiter.api.Test;

class CsvSyntaxTest {

  @Test
  void readsTheLineOfTheRefusedRecordFromTheParsersOwnMessage() {
    // A record the parser refuses for its size: its message names the line the record started on.
    String text = "a,b\nc,d\n\"" + "x".repeat(CsvSyntax.MAX_FIELD_CHARS + 1) + "\"\n";
    CsvParseException refused =
        assertThrows(
            CsvParseException.class,
            () -> CsvReader.builder().ofCsvRecord(text).forEach(record -> {}));

    assertEquals(3, CsvSyntax.refusedRecordLine(refused, 99));
  }

  @Test
  void fallsBackWhenTheMessageNamesNoLine() {
    assertEquals(7, CsvSyntax.refusedRecordLine(new CsvParseException("something else"), 7));
  }
}
