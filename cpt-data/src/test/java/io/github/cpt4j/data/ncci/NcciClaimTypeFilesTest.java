package io.github.cpt4j.data.ncci;

import static io.github.cpt4j.data.ncci.NcciLoadersTest.MUE_HEADER;
import static io.github.cpt4j.data.ncci.NcciLoadersTest.PTP_HEADER;
import static io.github.cpt4j.data.ncci.NcciLoadersTest.SUBSET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.edit.ncci.MueTable;
import io.github.cpt4j.edit.ncci.NcciClaimType;
import io.github.cpt4j.edit.ncci.PtpTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kind of claims a loaded table is for: the MUE file's value column and name, the PTP files'
 * names. Hand-written files in CMS's layouts.
 */
class NcciClaimTypeFilesTest {

  private static final String ROW = "20610,2,3 Date of Service Edit: Clinical,r\n";

  /** CMS's MUE layout with the value column named {@code column}. */
  private static String mueWith(String column) {
    return MUE_HEADER.replace("Practitioner Services MUE Values", column) + ROW;
  }

  /** Reads {@code text} marked as a subset, as the file {@code name}. */
  private static MueTable mue(String text, String name) throws IOException {
    return mueAsIs(SUBSET + text, name);
  }

  private static MueTable mueAsIs(String text, String name) throws IOException {
    return MueFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), name);
  }

  /** The error of {@code text}, read as is: the lines it names are the text's own. */
  private static String mueError(String text, String name) {
    return assertThrows(DataLoadException.class, () -> mueAsIs(text, name)).getMessage();
  }

  @Test
  void theValueColumnSaysWhichClaimsTheMuesAreFor() throws IOException {
    assertEquals(
        Optional.of(NcciClaimType.PRACTITIONER),
        mue(mueWith("Practitioner Services MUE Values"), "mue.csv").claimType());
    assertEquals(
        Optional.of(NcciClaimType.OUTPATIENT_HOSPITAL),
        mue(mueWith("Outpatient Hospital Services MUE Values"), "mue.csv").claimType());
    assertEquals(
        Optional.of(NcciClaimType.DME_SUPPLIER),
        mue(mueWith("DME Supplier Services MUE Values"), "mue.csv").claimType());
  }

  @Test
  void aNameThatAgreesWithTheColumnKeepsItsQuarterToo() throws IOException {
    MueTable hospital =
        mue(
            mueWith("Outpatient Hospital Services MUE Values"),
            "MCR_MUE_OutpatientHospitalServices_Eff_07-01-2026.csv");
    assertEquals(Optional.of(NcciClaimType.OUTPATIENT_HOSPITAL), hospital.claimType());
    assertEquals(Optional.of(LocalDate.of(2026, 7, 1)), hospital.effective());
    MueTable dme =
        mue(mueWith("DME Supplier Services MUE Values"), "mcr_mue_dmesupplierservices.csv");
    assertEquals(Optional.of(NcciClaimType.DME_SUPPLIER), dme.claimType());
  }

  /**
   * The value column's name is on line 5: the header row starts on line 4 with a quoted cell over
   * two lines, and the error names the line the column is on.
   */
  @Test
  void aNameThatSaysAnotherKindThanTheColumnIsRefused() {
    // A practitioner table saved under the hospital table's name, or the other way round: which
    // limits it holds cannot be told, and the two differ.
    assertEquals(
        "MCR_MUE_OutpatientHospitalServices_Eff_07-01-2026.csv, line 5, column 2: PRACTITIONER"
            + " SERVICES MUE VALUES: the column is the practitioner services table's, but the file"
            + " name says outpatient hospital services; the tables hold different limits: expected"
            + " the file CMS publishes under that name",
        mueError(
            mueWith("Practitioner Services MUE Values"),
            "MCR_MUE_OutpatientHospitalServices_Eff_07-01-2026.csv"));
    assertEquals(
        "MCR_MUE_PractitionerServices.csv, line 5, column 2: DME SUPPLIER SERVICES MUE VALUES: the"
            + " column is the DME supplier services table's, but the file name says practitioner"
            + " services; the tables hold different limits: expected the file CMS publishes under"
            + " that name",
        mueError(mueWith("DME Supplier Services MUE Values"), "MCR_MUE_PractitionerServices.csv"));
  }

  @Test
  void aColumnThatSaysNoKindTakesTheNamesOrIsRefused() throws IOException {
    assertEquals(
        Optional.of(NcciClaimType.PRACTITIONER),
        mue(mueWith("MUE Values"), "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv").claimType());
    assertEquals(
        "mue.csv, line 5, column 2: MUE VALUES: the column's name does not say which claims the"
            + " MUEs are for; expected \"Practitioner Services MUE Values\", \"Outpatient Hospital"
            + " Services MUE Values\" or \"DME Supplier Services MUE Values\", which are separate"
            + " tables",
        mueError(mueWith("MUE Values"), "mue.csv"));
    assertEquals(
        "MCR_MUE_PractitionerServices_DMESupplierServices.csv: the file name says both"
            + " practitioner services and DME supplier services: expected one, as in"
            + " MCR_MUE_PractitionerServices_Eff_07-01-2026.csv",
        mueError(mueWith("MUE Values"), "MCR_MUE_PractitionerServices_DMESupplierServices.csv"));
  }

  private static PtpTable ptp(String name) throws IOException {
    String text = SUBSET + PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tr\n";
    return PtpFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), name);
  }

  @Test
  void aPtpFilesNameSaysWhichClaimsItIsFor() throws IOException {
    assertEquals(Optional.of(NcciClaimType.PRACTITIONER), ptp("ccipra-v322r0-f1.txt").claimType());
    assertEquals(
        Optional.of(NcciClaimType.OUTPATIENT_HOSPITAL), ptp("CCIOPH-v322r0-f1.TXT").claimType());
    // The rows do not say: a renamed copy's table does not claim a kind.
    assertEquals(Optional.empty(), ptp("test-ptp.txt").claimType());
    assertEquals(Optional.empty(), ptp("ccipractice.txt").claimType());
  }

  /**
   * A PTP file named {@code name} in {@code dir} with one edit, {@code first} and {@code second}.
   */
  private static Path part(Path dir, String name, String first, String second) throws IOException {
    return Files.writeString(
        dir.resolve(name), SUBSET + PTP_HEADER + first + "\t" + second + "\t\t20020101\t*\t1\tr\n");
  }

  @Test
  void thePartsOfOneTableAreOfOneKind(@TempDir Path dir) throws IOException {
    Path first = part(dir, "ccipra-v322r0-f1.txt", "27447", "20610");
    Path second = part(dir, "ccipra-v322r0-f2.txt", "29880", "29877");
    Path hospital = part(dir, "ccioph-v322r0-f1.txt", "27447", "20610");
    Path renamed = part(dir, "part2.txt", "29880", "29877");
    PtpTable practitioner = PtpFile.read(first, second);
    assertEquals(Optional.of(NcciClaimType.PRACTITIONER), practitioner.claimType());
    assertEquals(2, practitioner.size());
    // One part that does not say may be of either kind: the table does not claim one.
    assertEquals(Optional.empty(), PtpFile.read(first, renamed).claimType());
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> PtpFile.read(first, hospital));
    assertEquals(
        "ccioph-v322r0-f1.txt: the file name says outpatient hospital services but"
            + " ccipra-v322r0-f1.txt, read with it, practitioner services: the parts of one table"
            + " are of one claim type (ccipra for practitioner, ccioph for outpatient hospital"
            + " services)",
        e.getMessage());
  }

  @Test
  void thePartsOfOneTableAreOfOneReleaseEachOnce(@TempDir Path dir) throws IOException {
    Path first = part(dir, "ccipra-v322r0-f1.txt", "27447", "20610");
    Path older = part(dir, "ccipra-v321r0-f2.txt", "29880", "29877");
    Path again = part(dir, "CCIPRA-V322R0-F1.TXT.bak", "27447", "20610");
    Path renamed = part(dir, "part2.txt", "29880", "29877");
    assertEquals(
        "ccipra-v321r0-f2.txt: the file name says release v321r0 but ccipra-v322r0-f1.txt, read"
            + " with it, v322r0: the parts of one table are of one quarter's release",
        assertThrows(DataLoadException.class, () -> PtpFile.read(first, older)).getMessage());
    assertEquals(
        "CCIPRA-V322R0-F1.TXT.bak: part f1 of release v322r0 is given twice: expected each part"
            + " once (-f1, -f2...)",
        assertThrows(DataLoadException.class, () -> PtpFile.read(first, again)).getMessage());
    assertEquals(
        "part2.txt: the same file is given twice: its rows would be read twice",
        assertThrows(DataLoadException.class, () -> PtpFile.read(renamed, first, renamed))
            .getMessage());
    // A renamed part says no release: it is read with any.
    assertEquals(2, PtpFile.read(first, renamed).size());
    // But a renamed copy of a part given is its rows twice, refused as such (line 8: after the
    // subset marker, the copyright line, the title and the header's four rows).
    Path copy = part(dir, "part1-copy.txt", "27447", "20610");
    assertTrue(
        assertThrows(DataLoadException.class, () -> PtpFile.read(first, copy))
            .getMessage()
            .startsWith(
                "part1-copy.txt, line 8: the pair 27447, 20610 appears twice with overlapping"
                    + " dates, on line 8 of ccipra-v322r0-f1.txt and line 8 of part1-copy.txt"));
  }

  @Test
  void aPtpFilesReleaseSaysTheQuarterWhoseEditsItKnows(@TempDir Path dir) throws IOException {
    // v322r0: NCCI version 32.2, revision 0, in force from July 2026 (31.2 and 31.3 were July and
    // October 2025's).
    PtpTable july = ptp("ccipra-v322r0-f1.txt");
    assertEquals(Optional.of(LocalDate.of(2026, 7, 1)), july.effective());
    assertEquals(Optional.of(LocalDate.of(2026, 9, 30)), july.lastDay());
    assertEquals(Optional.of(NcciClaimType.PRACTITIONER), july.claimType());
    assertEquals(Optional.of(LocalDate.of(2025, 1, 1)), ptp("CCIOPH-V310R1-F1.TXT").effective());
    assertEquals(Optional.of(LocalDate.of(2025, 10, 1)), ptp("ccipra-v313r0.txt").effective());
    // A renamed copy says no release: a table taken to know every date, as before.
    assertEquals(Optional.empty(), ptp("test-ptp.txt").effective());
    // Parts: the quarter of the release the named ones share, a renamed part beside them or not.
    Path first = part(dir, "ccipra-v321r0-f1.txt", "27447", "20610");
    Path second = part(dir, "ccipra-v321r0-f2.txt", "29880", "29877");
    Path renamed = part(dir, "part3.txt", "99213", "36415");
    assertEquals(Optional.of(LocalDate.of(2026, 4, 1)), PtpFile.read(first, second).effective());
    assertEquals(Optional.of(LocalDate.of(2026, 4, 1)), PtpFile.read(renamed, first).effective());
    assertEquals(Optional.empty(), PtpFile.read(renamed).effective());
    // A release of no quarter is refused rather than read as no quarter, which flags no date.
    for (String name :
        java.util.List.of(
            "ccipra-v324r0-f1.txt",
            "ccipra-v2r0-f1.txt",
            "ccipra-v99990r0.txt",
            "ccipra-v3222r0-f1.txt")) {
      DataLoadException e = assertThrows(DataLoadException.class, () -> ptp(name));
      assertTrue(e.getMessage().startsWith(name + ": the file name's release v"), e::getMessage);
      assertTrue(e.getMessage().contains("such as v322r0"), e::getMessage);
      Path bad = part(dir, name, "27447", "20610");
      assertThrows(DataLoadException.class, () -> PtpFile.read(bad));
    }
  }
}
