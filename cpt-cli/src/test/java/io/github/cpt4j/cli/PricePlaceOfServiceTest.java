package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --pos} and the batch column {@code pos} reach the pricing context (issue 11, item 4). */
class PricePlaceOfServiceTest {

  @Test
  void anIncidentToInjectionIsNotPaidAtAnOutpatientHospital() throws IOException {
    Cli.Result r =
        Cli.run("price", "96372", "-l", "13202-01", "-d", "2025-06-02", "--pos", "22", "-f", "csv");
    CsvRecord line = ValidateCommandTest.csv(r.out()).get(1);
    assertEquals("not_payable_in_place", line.getField(2), r::toString);
    assertTrue(line.getField(3).contains("incident-to service (PC/TC 5)"), r::toString);
  }

  @Test
  void theBatchColumnPosReachesTheContext() throws IOException {
    String input =
        "code,locality,date,pos\n"
            + "96372,13202-01,2025-06-02,22\n"
            + "96372,13202-01,2025-06-02,11\n"
            + "96372,13202-01,2025-06-02,31\n";
    Cli.Result r = Cli.runWithInput(input, "price", "--input", "-");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals("not_payable_in_place", rows.get(1).getField(5), r::toString);
    assertEquals("priced", rows.get(2).getField(5), r::toString);
    assertEquals("priced", rows.get(3).getField(5), r::toString);
  }
}
