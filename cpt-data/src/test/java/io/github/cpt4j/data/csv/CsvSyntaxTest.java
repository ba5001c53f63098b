package io.github.cpt4j.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.io.StringReader;
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

  @Test
  void aQuoteLeftOpenIsReportedOnItsOwnLineNotWhereTheNextLinesQuoteClosesIt() throws IOException {
    // Line 2 lost its closing quote (a cut or edited row); line 3's opening quote closes it, and
    // the 'I' after it is the first character that is not CSV. The message must name line 2,
    // where the field opened, as well as line 3, where the parse failed.
    String text = "A,B,C\nJ0401,\"Inj, cut,7.070\nJ0456,\"Inj, whole\",1.000\n";

    CsvSyntax.Problem problem = CsvSyntax.firstProblem(new StringReader(text), '\0').orElseThrow();

    assertEquals(3, problem.line());
    assertEquals(2, problem.field());
    assertEquals(
        "expected a comma or the end of the line after the closing quote of field 2, found 'I'"
            + " (U+0049) at character 8 of the line; the quoted field opened on line 2, at"
            + " character 7 (a closing quote missing there?)",
        problem.message());
  }
}
