package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.data.ncci.MueFile;
import io.github.cpt4j.data.ncci.PtpFile;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.ncci.MueTable;
import io.github.cpt4j.edit.ncci.NcciEdits;
import io.github.cpt4j.edit.ncci.PtpTable;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's NCCI example on files written here in CMS's layouts (own rows and words). */
class ReadmeNcciExampleTest {

  /** The files are of a few rows: marked as a subset, which a whole file of CMS's is not. */
  private static final String SUBSET = "# cpt4j subset: the example's rows\n";

  private static final String PTP_HEADER =
      SUBSET
          + "Copyright line of the test file.\t\t\t\t\t\t\n"
          + "Column1/Column2 Edits\t\t\t\t\t\t\n"
          + "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\n"
          + "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\n"
          + "\t\t\t\t*=no data\t1=allowed\t\n"
          + "\t\t\t\t\t9=not applicable\t\n";

  @TempDir Path ncci;

  @Test
  void theExamplePrintsAPtpAndAnMueFinding() throws IOException {
    Files.writeString(
        ncci.resolve("ccipra-v322r0-f1.txt"),
        PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tpart of the knee replacement\n");
    Files.writeString(
        ncci.resolve("ccipra-v322r0-f2.txt"),
        PTP_HEADER + "29880\t29877\t\t20030101\t*\t0\tincluded\n");
    Files.writeString(
        ncci.resolve("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv"),
        SUBSET
            + "\"A notice,\nover two lines.\",,,\n\"HCPCS/\nCPT Code\",Practitioner Services MUE Values,"
            + "MUE Adjudication Indicator,MUE Rationale\nJ1100,10,2 Date of Service Edit: Policy,"
            + "dosing\n",
        StandardCharsets.ISO_8859_1);
    List<String> printed = new ArrayList<>();

    // The README's example, printing into a list.
    PtpTable ptp =
        PtpFile.read(
            ncci.resolve("ccipra-v322r0-f1.txt"), // every part of the
            ncci.resolve("ccipra-v322r0-f2.txt")); // practitioner table
    MueTable mue = MueFile.read(ncci.resolve("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv"));
    NcciEdits edits = NcciEdits.of(ptp, mue);

    PricingContext july = PricingContext.withoutArea(LocalDate.of(2026, 7, 1), Setting.FACILITY);
    Claim claim = Claim.builder().add("27447").add("20610").add("J1100 x12").build();
    for (EditFinding finding : edits.check(claim, july)) {
      printed.add(finding.toString());
    }

    assertEquals(2, printed.size(), printed::toString);
    assertTrue(
        printed
            .get(0)
            .startsWith(
                "ncci-ptp line 2 DENY_LINE: 20610 (line 2) is column 2 of 27447 (line 1) on"
                    + " 2026-07-01, modifier indicator 1 (part of the knee replacement): add 59 or"
                    + " XU to 20610 if the services were distinct"),
        printed.get(0));
    assertTrue(
        printed
            .get(1)
            .startsWith(
                "ncci-mue line 3 DENY_LINE: J1100: 12 units on 2026-07-01 (line 3) exceed the MUE"
                    + " of 10 (MAI 2, date of service edit: policy; dosing): every line of J1100 on"
                    + " the date is denied;"),
        printed.get(1));
  }
}
