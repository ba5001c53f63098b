package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /**
   * An anesthesia line at a place of service CMS leaves unassigned is refused as the visit beside
   * it is (Claims Processing Manual ch. 26 §10.5), where it was paid (7 + 4.0) x 19.79 = 217.69.
   */
  @Test
  void anAnesthesiaLineIsNotPaidAtAnUnassignedPlace() throws IOException {
    Cli.Result r =
        Cli.run(
            "price",
            "00790-AA 60min",
            "99213",
            "-l",
            "13282-99",
            "-d",
            "2025-06-02",
            "--pos",
            "30",
            "-f",
            "csv");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    for (int row = 1; row <= 2; row++) {
      assertEquals("not_payable_in_place", rows.get(row).getField(2), r::toString);
      assertTrue(
          rows.get(row).getField(3).contains("place of service 30 is unassigned"), r::toString);
    }
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

  /**
   * Telehealth in the patient's home, {@code --pos 10}, on 2023-06-01 is priced at the facility
   * rate, and the explanation names that setting, where it named today's non-facility one before
   * its own {@code setting} step said the facility rate was used. A made-up one-row 2023 file:
   * 99213 (1.00 + 0.50 + 0.10) x 1.094/1.342/1.6 in Manhattan x 33.8872 = 66.99 at the facility
   * rate, (1.00 + 1.00 + 0.10) = 89.73 at the non-facility rate.
   */
  @Test
  void telehealthInTheHomeBefore2024IsNamedFacility(@TempDir Path dir) throws IOException {
    Path rvu = dir.resolve("PPRRVU23_JAN.csv");
    Files.writeString(
        rvu,
        "# cpt4j subset\n"
            + "HCPCS,MOD,DESCRIPTION,STATUS CODE,NOT USED FOR MEDICARE PAYMENT,WORK RVU,NON-FAC PE"
            + " RVU,NON-FAC NA INDICATOR,FACILITY PE RVU,FACILITY NA INDICATOR,MP RVU,NON-FACILITY"
            + " TOTAL,FACILITY TOTAL,PCTC IND,GLOB DAYS,PRE OP,INTRA OP,POST OP,MULT PROC,BILAT"
            + " SURG,ASST SURG,CO-SURG,TEAM SURG,ENDO BASE,CONV FACTOR,PHYSICIAN SUPERVISION OF"
            + " DIAGNOSTIC PROCEDURES,DIAGNOSTIC IMAGING FAMILY INDICATOR,NON-FACILITY PE USED FOR"
            + " OPPS PAYMENT AMOUNT,FACILITY PE USED FOR OPPS PAYMENT AMOUNT,MP USED FOR OPPS PAYMENT"
            + " AMOUNT\n"
            + "99213,,test row,A,,1.00,1.00,,0.50,,0.10,2.10,1.60,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,"
            + "33.8872,09,99,0.00,0.00,0.00\n",
        StandardCharsets.ISO_8859_1);
    Cli.Result r =
        Cli.run(
            "price",
            "99213",
            "-l",
            "13202-01",
            "--pos",
            "10",
            "--date",
            "2023-06-01",
            "--rvu",
            rvu.toString(),
            // The bundled GPCIs are 2025's, which price 2025 dates only.
            "--gpci",
            Cli.manhattanGpcisOfNoYear(dir).toString(),
            "-f",
            "csv");
    assertEquals(0, r.status(), r::toString);
    CsvRecord line = ValidateCommandTest.csv(r.out()).get(1);
    assertEquals("priced", line.getField(2), r::toString);
    String explanation = line.getField(3);
    assertTrue(explanation.contains("2023-06-01 13202-01 facility POS 10"), explanation);
    assertFalse(explanation.contains("non-facility POS 10"), explanation);
    assertTrue(explanation.contains("transmittal 12671"), explanation);
  }
}
