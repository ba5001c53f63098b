package io.github.cpt4j.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldLineTest {

  private static List<CsvRecord> records(String text) {
    return CsvReader.builder()
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .ofCsvRecord(text)
        .stream()
        .toList();
  }

  @Test
  void countsTheLineBreaksOfTheFieldsBeforeAsTheParserNumbersLines() {
    // CR LF, CR and LF each end a line, inside quotes too, as FastCSV numbers the next record.
    List<CsvRecord> rows = records("head\n\"a\r\nb\",\"c\rd\",f,\"g\n\"\nnext\n");
    CsvRecord row = rows.get(1);
    assertEquals(2, row.getStartingLineNumber());
    assertEquals(2, FieldLine.of(row, 0));
    assertEquals(3, FieldLine.of(row, 1));
    assertEquals(4, FieldLine.of(row, 2));
    assertEquals(4, FieldLine.of(row, 3));
    // The field count: the line the record ends on, where a missing field would be.
    assertEquals(5, FieldLine.of(row, 4));
    assertEquals(6, rows.get(2).getStartingLineNumber());
    assertArrayEquals(new long[] {2, 3, 4, 4}, FieldLine.ofEach(row));
    assertThrows(IndexOutOfBoundsException.class, () -> FieldLine.of(row, 5));
    assertThrows(IndexOutOfBoundsException.class, () -> FieldLine.of(row, -1));
  }
}
