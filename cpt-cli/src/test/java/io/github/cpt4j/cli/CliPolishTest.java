package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's command-line polish: the claim total in CSV and JSON, every relative value row and its
 * NA flags in lookup's CSV and JSON, GPCIs with three decimals, an unknown locality refused like an
 * unknown ZIP code, and {@code localities --zip}.
 */
class CliPolishTest {

  private static final FakeData FAKE = new FakeData();

  private static Cli.Result fake(String... args) {
    return Cli.runWith(FAKE, new byte[0], args);
  }

  @Test
  void lineModeCsvEndsWithTheClaimTotal() {
    Cli.Result r = fake("price", "99213", "27447 x2", "0001F", "-z", "10001", "-f", "csv");
    assertEquals(0, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertEquals(5, lines.size(), r::toString);
    assertEquals("line,amount,result,explanation", lines.get(0));
    // 10.00, then 20.00 halved, and the unpayable Category II code: 20.00 in all.
    assertEquals("total,20.00,total,sum of the 2 priced lines' amounts", lines.get(4));
  }

  @Test
  void lineModeJsonEndsWithTheClaimTotal() {
    Cli.Result r = fake("price", "99213", "27447", "-z", "10001", "-f", "json");
    assertEquals(0, r.status(), r::toString);
    JsonNode rows = JsonTree.read(r.out());
    assertEquals(3, rows.size(), r::toString);
    assertEquals("total", rows.get(2).get("line").textValue());
    assertEquals("15.00", rows.get(2).get("amount").textValue());
    assertEquals("total", rows.get(2).get("result").textValue());
  }

  @Test
  void aTotalOfOneLineSaysSoInTheSingular() {
    Cli.Result r = fake("price", "99213", "-z", "10001", "-f", "csv");
    assertEquals(0, r.status(), r::toString);
    assertEquals("total,10.00,total,sum of the 1 priced line's amount", r.outLines().get(2));
  }

  @Test
  void aTotalWithNothingPricedIsZero() {
    Cli.Result r = fake("price", "0001F", "9921", "-z", "10001", "-f", "csv");
    assertEquals(1, r.status(), r::toString);
    assertEquals("total,0.00,total,sum of the 0 priced lines' amounts", r.outLines().get(3));
  }

  @Test
  void anUnknownLocalityIsRefusedLikeAnUnknownZip() {
    Cli.Result zip = fake("price", "99213", "-z", "00000");
    Cli.Result locality = fake("price", "99213", "-l", "99999-99");
    assertEquals(2, zip.status(), zip::toString);
    assertEquals(2, locality.status(), locality::toString);
    assertEquals("", locality.out());
    assertEquals(
        List.of(
            "cpt price: locality 99999-99 is not a Medicare payment locality; see cpt localities"
                + " (see 'cpt price --help')"),
        locality.errLines());
    assertEquals(0, fake("price", "99213", "-l", "13282-99").status());
    // The real data as well, and the batch's default locality.
    assertEquals(2, Cli.run("price", "99213", "-l", "99999-99", "-d", "2025-06-01").status());
    assertEquals(
        2,
        Cli.runWithInput("code\n99213\n", "price", "-i", "-", "-l", "99999-99", "-d", "2025-06-01")
            .status());
  }

  @Test
  void gpcisHaveThreeDecimalsAsCmsPrintsThem() {
    Cli.Result csv = fake("localities", "--state", "AL", "-f", "csv");
    assertEquals(
        List.of(
            "locality,state,name,work_gpci,pe_gpci,mp_gpci,shared_with",
            "10112-00,AL,STATEWIDE,1.000,0.869,0.575,"),
        csv.outLines());
    Cli.Result table = fake("localities", "--state", "NY");
    assertTrue(
        table
            .outLines()
            .get(1)
            .matches("13202-01\\s+NY\\s+MANHATTAN\\s+1\\.094\\s+1\\.342\\s+1\\.600"),
        table::toString);
    JsonNode json = JsonTree.read(fake("localities", "--state", "AL", "-f", "json").out());
    assertEquals("1.000", json.get(0).get("work_gpci").textValue());
  }

  @Test
  void localitiesOfAZip() {
    Cli.Result r = Cli.run("localities", "--zip", "10001", "-f", "csv");
    assertEquals(0, r.status(), r::toString);
    assertEquals(2, r.outLines().size(), r::toString);
    assertTrue(r.outLines().get(1).startsWith("13202-01,NY,MANHATTAN,"), r::toString);
    Cli.Result unknown = fake("localities", "--zip", "00000");
    assertEquals(2, unknown.status(), unknown::toString);
    assertEquals(
        List.of(
            "cpt localities: ZIP code 00000 is in no Medicare payment locality"
                + " (see 'cpt localities --help')"),
        unknown.errLines());
    Cli.Result both = fake("localities", "--zip", "10001", "--state", "NY");
    assertEquals(2, both.status(), both::toString);
    Cli.Result bad = fake("localities", "--zip", "1000");
    assertEquals(2, bad.status(), bad::toString);
    assertEquals(1, bad.errLines().size(), bad::toString);
  }

  @Test
  void lookupCsvAndJsonHaveEveryRelativeValueRowAndItsNaFlags() throws Exception {
    Cli.Result r = Cli.run("lookup", "-f", "json", "71046", "27447", "99499", "9921");
    assertEquals(1, r.status(), r::toString);
    JsonNode rows = JsonTree.read(r.out());
    assertEquals(6, rows.size(), r::toString);
    List<String> names = rows.valueStream().map(row -> row.get("rvu_row").textValue()).toList();
    assertEquals(java.util.Arrays.asList("global", "26", "TC", "global", null, null), names);
    for (int i = 0; i < 3; i++) {
      assertEquals("71046", rows.get(i).get("code").textValue());
      assertEquals("global 26 TC", rows.get(i).get("rvu_rows").textValue());
    }
    assertEquals("0.22", rows.get(1).get("work_rvu").textValue());
    assertEquals("0.00", rows.get(2).get("work_rvu").textValue());
    assertEquals(BooleanNode.FALSE, rows.get(0).get("pe_nonfacility_na"));
    assertEquals(BooleanNode.TRUE, rows.get(0).get("pe_facility_na"));
    assertEquals(BooleanNode.FALSE, rows.get(1).get("pe_facility_na"));
    assertEquals(BooleanNode.TRUE, rows.get(2).get("pe_facility_na"));
    assertEquals(BooleanNode.TRUE, rows.get(3).get("pe_nonfacility_na"));
    assertEquals(BooleanNode.FALSE, rows.get(3).get("pe_facility_na"));
    assertTrue(rows.get(4).get("pe_facility_na").isNull());
    assertEquals("WRONG_LENGTH", rows.get(5).get("error").textValue());
    var csv = ValidateCommandTest.csv(Cli.run("lookup", "-f", "csv", "71046").out());
    assertEquals(4, csv.size());
    int row = csv.get(0).getFields().indexOf("rvu_row");
    assertEquals("TC", csv.get(3).getField(row));
  }

  @Test
  void aBatchRowWithAnUnknownLocalityIsInvalidLikeOneWithAnUnknownZip() {
    String csv = "code,locality,zip\n99213,13282-99,\n99213,99999-99,\n99213,,00000\n";
    Cli.Result r =
        Cli.runWith(
            FAKE, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "price", "-i", "-");
    assertEquals(1, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertTrue(lines.get(1).startsWith("99213,13282-99,,10.00,priced,"), r::toString);
    assertEquals(
        "99213,99999-99,,,unknown_locality,"
            + "locality: '99999-99' is not a Medicare payment locality; see cpt localities",
        lines.get(2));
    assertTrue(lines.get(3).startsWith("99213,,00000,,unknown_zip,"), r::toString);
  }
}
