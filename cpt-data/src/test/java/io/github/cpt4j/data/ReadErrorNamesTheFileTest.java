package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cpt4j.data.fee.FlatFeeScheduleCsv;
import io.github.cpt4j.data.load.CodeSetLoader;
import io.github.cpt4j.data.medicare.AnesthesiaBaseUnitFile;
import io.github.cpt4j.data.medicare.AnesthesiaConversionFactorFile;
import io.github.cpt4j.data.medicare.AspFile;
import io.github.cpt4j.data.medicare.ClfsFile;
import io.github.cpt4j.data.medicare.ConversionFactorFile;
import io.github.cpt4j.data.medicare.DmeposFile;
import io.github.cpt4j.data.medicare.DmeposRuralZipFile;
import io.github.cpt4j.data.medicare.GpciFile;
import io.github.cpt4j.data.medicare.OppsCapFile;
import io.github.cpt4j.data.medicare.PaymentAmountFile;
import io.github.cpt4j.data.medicare.RvuFile;
import io.github.cpt4j.data.medicare.Zip5File;
import io.github.cpt4j.data.ncci.MueFile;
import io.github.cpt4j.data.ncci.NcciLoadersTest;
import io.github.cpt4j.data.ncci.PtpFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * An I/O error while reading a file names it, as the JDK's failure to open one does: a {@link
 * FileSystemException} whose {@link FileSystemException#getFile() file} is the path read, the error
 * as its cause and its reason. It named no file, so a caller that had several read at once (the
 * files of a fee schedule, the parts of a PTP table) could not tell which one failed.
 *
 * <p>The errors are real ones: reading {@code /proc/self/mem} from its start fails with an I/O
 * error, even as root, though it is a regular file. A symbolic link to it takes a CMS file's name.
 */
class ReadErrorNamesTheFileTest {

  private static final Path FAILS = Path.of("/proc/self/mem");

  private static final String REASON = "Input/output error";

  @TempDir Path dir;

  /** Skips the test where reading {@link #FAILS} does not fail as on Linux. */
  private static void assumeReadingFails() {
    assumeTrue(Files.isRegularFile(FAILS), "no " + FAILS + " here");
    boolean fails;
    try (InputStream in = Files.newInputStream(FAILS)) {
      in.read();
      fails = false;
    } catch (IOException e) {
      fails = REASON.equals(e.getMessage());
    }
    assumeTrue(fails, "reading " + FAILS + " does not fail with an I/O error here");
  }

  /** A link named {@code name} in the test's directory to a file whose reading fails. */
  private Path failing(String name) throws IOException {
    return Files.createSymbolicLink(dir.resolve(name), FAILS);
  }

  /** Asserts that {@code read} fails naming {@code file}, with the I/O error as its cause. */
  private static void assertNames(Path file, Executable read) {
    FileSystemException e = assertThrows(FileSystemException.class, read, file.toString());
    assertEquals(file.toString(), e.getFile());
    assertEquals(REASON, e.getReason());
    assertEquals(file + ": " + REASON, e.getMessage());
    IOException cause = assertInstanceOf(IOException.class, e.getCause());
    assertNotNull(cause);
    assertEquals(REASON, cause.getMessage());
  }

  @Test
  void aCsvFile() throws IOException {
    assumeReadingFails();
    Path factors = failing("conversion-factors.csv");
    assertNames(factors, () -> ConversionFactorFile.read(factors));
    // UTF-8, decoded strictly: a failure to decode is found by reading again.
    Path fees = failing("fees.csv");
    assertNames(fees, () -> FlatFeeScheduleCsv.read(fees));
  }

  @Test
  void aCmsFileReadAsText() throws IOException {
    assumeReadingFails();
    Path gpci = failing("GPCI2025.csv");
    assertNames(gpci, () -> GpciFile.read(gpci));
    Path cap = failing("OPPSCAP_JAN.csv");
    assertNames(cap, () -> OppsCapFile.read(cap));
    Path clfs = failing("CLFS.csv");
    assertNames(clfs, () -> ClfsFile.read(clfs));
    Path asp = failing("ASP.csv");
    assertNames(asp, () -> AspFile.read(asp));
    Path dmepos = failing("DMEPOS.csv");
    assertNames(dmepos, () -> DmeposFile.read(dmepos, BundledData.dmeposZips()));
    Path rural = failing("DME_Rural_ZIP.csv");
    assertNames(rural, () -> DmeposRuralZipFile.read(rural, BundledData.dmeposZips()));
    Path anes = failing("ANES2025.csv");
    assertNames(anes, () -> AnesthesiaConversionFactorFile.read(anes));
    Path amounts = failing("PFALL.csv");
    assertNames(amounts, () -> PaymentAmountFile.read(amounts));
    Path mue = failing("MCR_MUE_PractitionerServices.csv");
    assertNames(mue, () -> MueFile.read(mue));
  }

  @Test
  void aRelativeValueFileReadWhole() throws IOException {
    assumeReadingFails();
    Path rvu = failing("PPRRVU2025_Oct.csv");
    assertNames(rvu, () -> RvuFile.read(rvu));
  }

  @Test
  void aZip5FileReadWhole() throws IOException {
    assumeReadingFails();
    Path zip5 = failing("ZIP5_OCT2025.txt");
    assertNames(zip5, () -> Zip5File.read(zip5));
    assertNames(zip5, () -> Zip5File.readStates(zip5));
    assertNames(zip5, () -> Zip5File.readDatedWithStates(zip5));
  }

  @Test
  void anAnesthesiaBaseUnitFile() throws IOException {
    assumeReadingFails();
    Path units = failing("CY2025_Anesthesia_Base_Units.txt");
    assertNames(units, () -> AnesthesiaBaseUnitFile.read(units));
  }

  @Test
  void aCodeSetFile() throws IOException {
    assumeReadingFails();
    Path codes = failing("codes.csv");
    assertNames(codes, () -> CodeSetLoader.defaults().loadCsv(codes));
    assertNames(codes, () -> CodeSetLoader.defaults().loadTabDelimited(codes));
  }

  @Test
  void theFailingPartOfAPtpTable() throws IOException {
    assumeReadingFails();
    Path first = dir.resolve("ccipra-v322r0-f1.txt");
    Files.writeString(first, NcciLoadersTest.PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tr\n");
    Path second = failing("ccipra-v322r0-f2.txt");
    // Which of the two: the I/O error alone named neither.
    assertNames(second, () -> PtpFile.read(first, second));
  }

  @Test
  void theFailingFileOfAFeeSchedule() throws IOException {
    assumeReadingFails();
    Path rvu = dir.resolve("PPRRVU2025_Oct.csv");
    try (InputStream in =
        BundledData.class.getResourceAsStream("medicare/pprrvu-2025-oct-sample.csv")) {
      Files.copy(in, rvu);
    }
    Path gpci = failing("GPCI2025.csv");
    MedicareFiles files = MedicareFiles.of(Optional.of(rvu), Optional.of(gpci), Optional.empty());
    // Read together: the I/O error alone did not say it was the GPCI file's.
    assertNames(gpci, files::schedule);
    // The cap file, read on another thread.
    Path cap = failing("OPPSCAP_OCT.csv");
    MedicareFiles withCap = MedicareFiles.of(Optional.of(rvu), Optional.empty(), Optional.of(cap));
    assertNames(cap, withCap::schedule);
  }

  @Test
  void aFileOfACmsDirectoryKeepsItsPathInTheDirectory() throws IOException {
    assumeReadingFails();
    Path release = Files.createDirectories(dir.resolve("rvu25d"));
    try (InputStream in =
        BundledData.class.getResourceAsStream("medicare/pprrvu-2025-oct-sample.csv")) {
      Files.copy(in, release.resolve("PPRRVU2025_Oct.csv"));
    }
    Files.createSymbolicLink(release.resolve("GPCI2025.csv"), FAILS);
    // As the directory names its other files: by their path in it, as before.
    FileSystemException e = assertThrows(FileSystemException.class, () -> CmsDirectory.load(dir));
    assertEquals(Path.of("rvu25d", "GPCI2025.csv").toString(), e.getFile());
    assertEquals(REASON, e.getReason());
  }
}
