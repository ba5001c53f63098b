package io.github.cpt4j.data.medicare;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written files in CMS's layouts, with made-up descriptions (the real ones are the AMA's) and
 * CMS's public-domain numbers.
 */
final class LoaderFixtures {

  private LoaderFixtures() {}

  static final String RVU_2025_HEADER =
      String.join(
          "\n",
          ",,Test relative value file in the CY2025 layout,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
          ",,Made-up descriptions; numbers from CMS,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
          ",, ,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
          ",, ,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
          ",,RELEASED 09/11/2025,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
          ",, , ,,,,,,,,,,,,,,,,,,,,,,,,,NON-FACILITY,FACILITY,",
          ",,,,NOT USED,,,,,,,,,,,,,,,,,,,,,PHYSICIAN,,DIAGNOSTIC,PE USED,PE USED,MP USED",
          ",,,,FOR,,,NON-FAC,,FACILITY ,,,,,,,,,,,,,,,,SUPERVISION OF,,IMAGING,FOR OPPS,FOR OPPS,"
              + "FOR OPPS",
          ",,,STATUS,MEDICARE ,WORK,NON-FAC,NA,FACILITY,NA,MP,NON-FACILITY,FACILITY,PCTC,GLOB,PRE,"
              + "INTRA,POST,MULT,BILAT,ASST,CO-,TEAM,ENDO,CONV,DIAGNOSTIC,CALCULATION,FAMILY,PAYMENT,"
              + "PAYMENT,PAYMENT",
          "HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,"
              + "IND,DAYS,OP,OP,OP,PROC,SURG,SURG,SURG,SURG,BASE,FACTOR,PROCEDURES,FLAG,INDICATOR,"
              + "AMOUNT,AMOUNT,AMOUNT");

  static final List<String> RVU_2025_ROWS =
      List.of(
          "29881,,Made-up knee scope,A,,7.03,9.34,NA,9.34,,1.40,17.77,17.77,0,090,0.10,0.69,0.21,3,1,"
              + "0,0,0,29870,32.3465,09,0,99,0.00,0.00,0.00",
          "71046,,\"Made-up chest x-ray, two views\",A,,0.22,0.77,,0.77,NA,0.02,1.01,1.01,1,XXX,0.00,"
              + "0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,2.76,2.76,0.05",
          "71046,26,Made-up chest x-ray,A,,0.22,0.08,,0.08,,0.01,0.31,0.31,1,XXX,0.00,0.00,0.00,0,0,0,"
              + "0,0,,32.3465,09,0,99,0.00,0.00,0.00",
          "71046,TC,Made-up chest x-ray,A,,0.00,0.69,,0.69,NA,0.01,0.70,0.70,1,XXX,0.00,0.00,0.00,0,0,"
              + "0,0,0,,32.3465,01,0,99,2.68,2.68,0.04",
          "99213,,Made-up office visit,A,,1.30,1.35,,0.57,,0.10,2.75,1.97,0,XXX,0.00,0.00,0.00,0,0,0,0,"
              + "0,,32.3465,09,0,99,0.00,0.00,0.00",
          "0001F,,Made-up measure,I,+,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,9,9,9,9,9,,"
              + "32.3465,09,0,99,0.00,0.00,0.00");

  /** The first line of a fixture: a subset on purpose, loaded whatever its row count. */
  static final String SUBSET = CmsSubset.MARKER + ": a test fixture\n";

  /**
   * Writes into {@code dir} what every directory of CMS files needs: a January 2025 relative value
   * file (the test rows, titled as CMS titles the release) and the 2025 GPCIs.
   *
   * @return {@code dir}
   */
  static Path januaryRelease2025(Path dir) throws IOException {
    String rvu =
        rvu2025()
            .replace(
                "Test relative value file in the CY2025 layout",
                "2025 National Physician Fee Schedule Relative Value File January Release");
    Files.writeString(dir.resolve("PPRRVU25_JAN.csv"), rvu, StandardCharsets.ISO_8859_1);
    Files.writeString(dir.resolve("GPCI2025.csv"), gpci2025());
    return dir;
  }

  static String rvu2025() {
    return SUBSET + RVU_2025_HEADER + "\n" + String.join("\n", RVU_2025_ROWS) + "\n";
  }

  /**
   * {@code file} (of {@link #rvu2025()}'s layout and rows) without the columns NON-FACILITY TOTAL
   * and FACILITY TOTAL, as a hand-made file may leave them out; its one quoted description loses
   * its comma.
   */
  static String withoutTotals(String file) {
    StringBuilder out = new StringBuilder();
    for (String line :
        file.replace("\"Made-up chest x-ray, two views\"", "Made-up chest x-ray")
            .lines()
            .toList()) {
      List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
      if (fields.size() > 12) {
        fields.subList(11, 13).clear();
      }
      out.append(String.join(",", fields)).append('\n');
    }
    return out.toString();
  }

  /** The 2026 layout: PRIC IND before ENDO BASE, 32 columns; descriptions left empty. */
  static String rvu2026() {
    return SUBSET
        + String.join(
            "\n",
            ",,Test relative value file in the CY2026 layout,,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
            ",, , ,,,,,,,,,,,,,,,,,,,,,,,,,,NON-FACILITY,FACILITY,",
            ",,,,NOT USED,,,,,,,,,,,,,,,,,,,,,,PHYSICIAN,,DIAGNOSTIC,PE USED,PE USED,MP USED",
            ",,,,FOR,,,NON-FAC,,FACILITY ,,,,,,,,,,,,,,,,,SUPERVISION OF,,IMAGING,FOR OPPS,"
                + "FOR OPPS,FOR OPPS",
            ",,,STATUS,MEDICARE ,WORK,NON-FAC,NA,FACILITY,NA,MP,NON-FACILITY,FACILITY,PCTC,GLOB,PRE,"
                + "INTRA,POST,MULT,BILAT,ASST,CO-,TEAM,PRIC,ENDO,CONV,DIAGNOSTIC,CALCULATION,FAMILY,"
                + "PAYMENT,PAYMENT,PAYMENT",
            "HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,"
                + "IND,DAYS,OP,OP,OP,PROC,SURG,SURG,SURG,SURG,IND,BASE,FACTOR,PROCEDURES,FLAG,"
                + "INDICATOR,AMOUNT,AMOUNT,AMOUNT",
            "29881,,,A,,6.85,7.19,NA,7.19,,1.40,15.44,15.44,0,090,0.10,0.69,0.21,3,1,0,0,0,1,29870,"
                + "33.5675,09,0,99,0.00,0.00,0.00",
            "99213,,,A,,1.30,1.46,,0.33,,0.09,2.85,1.72,0,XXX,0.00,0.00,0.00,0,0,0,0,0,1,,33.5675,09,"
                + "0,99,0.00,0.00,0.00")
        + "\n";
  }

  static String gpci2025() {
    return SUBSET
        + String.join(
            "\n",
            "ADDENDUM E. TEST GPCIs,,,,,,",
            ",,,,,,",
            "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,"
                + "2025 PW GPCI (with 1.0 Floor),2025 PE GPCI,2025 MP GPCI",
            "10112,AL,00,ALABAMA,1,0.869,0.575",
            "02102,AK,01,ALASKA*,1.5,1.081,0.592",
            "13282,NY,99,REST OF NEW YORK,1,0.949,0.732",
            "\"MAC Assignments as of a date\",,,,,,",
            ",,,,,,",
            "*Work GPCI reflects a 1.5 floor in Alaska.,,,,,,")
        + "\n";
  }

  static String gpci2026() {
    return SUBSET
        + String.join(
            "\n",
            "ADDENDUM E. TEST GPCIs,,,,,,,",
            ",,,,,,,",
            "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,"
                + "2026 PW GPCI (without 1.0 Floor),2026 PW GPCI (with 1.0 Floor),2026 PE GPCI,"
                + "2026 MP GPCI",
            "10112,AL,00,ALABAMA,0.996,1,0.869,0.575",
            "01182,CA,18,LOS ANGELES-LONG BEACH-ANAHEIM (LOS ANGELES/ORANGE CNTY),1.041,1.041,1.183,"
                + "0.664")
        + "\n";
  }

  static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
