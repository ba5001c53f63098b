package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.data.fee.FlatFeeScheduleCsv;
import io.github.cpt4j.data.load.CodeSetLoader;
import io.github.cpt4j.data.load.DataLoadException;
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
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path that names no file, a root ({@code /}, {@code C:\}, the root of a ZIP file system), is
 * refused by every loader of a file as the loaders refuse a path they cannot read: a {@link
 * FileSystemException} whose {@link FileSystemException#getFile() file} is the path, its message
 * the path and the reason. The loaders took the file's name for their errors first, and {@link
 * Path#getFileName()} is null for a root: a NullPointerException that named no path.
 */
class PathWithoutAFileNameTest {

  private static final String REASON = "is a root, not a file";

  @TempDir Path dir;

  /** The ZIP file system of {@link #zipFileSystem()}, once made. */
  private FileSystem zip;

  @AfterEach
  void closeZipFileSystem() throws IOException {
    if (zip != null) {
      zip.close();
    }
  }

  /**
   * The roots to try: {@code /}, this system's roots ({@code /} again on Linux and macOS, the
   * drives on Windows) and the root of a ZIP file system, a path of another provider.
   */
  private List<Path> roots() throws IOException {
    List<Path> roots = new ArrayList<>();
    roots.add(Path.of("/"));
    roots.add(dir.toAbsolutePath().getRoot());
    FileSystems.getDefault().getRootDirectories().forEach(roots::add);
    roots.add(zipFileSystem().getPath("/"));
    for (Path root : roots) {
      assertNull(root.getFileName(), root.toString());
    }
    return roots;
  }

  /** A ZIP file system holding one file, made once a test, closed after it. */
  private FileSystem zipFileSystem() throws IOException {
    if (zip == null) {
      Path file = dir.resolve("files.zip");
      try (OutputStream out = Files.newOutputStream(file);
          ZipOutputStream entries = new ZipOutputStream(out)) {
        entries.putNextEntry(new ZipEntry("readme.txt"));
        entries.write('x');
        entries.closeEntry();
      }
      zip = FileSystems.newFileSystem(file);
    }
    return zip;
  }

  /** Asserts that {@code read} refuses {@code root} naming it, as an unreadable file is named. */
  private static void assertNamesNoFile(Path root, Executable read) {
    FileSystemException e = assertThrows(FileSystemException.class, read, root.toString());
    assertEquals(root.toString(), e.getFile());
    assertEquals(REASON, e.getReason());
    assertEquals(root + ": " + REASON, e.getMessage());
  }

  @Test
  void aFlatFeeSchedule() throws IOException {
    for (Path root : roots()) {
      assertNamesNoFile(root, () -> FlatFeeScheduleCsv.read(root));
    }
  }

  @Test
  void aCodeSetFile() throws IOException {
    CodeSetLoader loader = CodeSetLoader.defaults();
    Path codes = Files.writeString(dir.resolve("SHORTU.txt"), "99213\tMADE UP\n");
    for (Path root : roots()) {
      assertNamesNoFile(root, () -> loader.loadCsv(root));
      assertNamesNoFile(root, () -> loader.loadTabDelimited(root));
      assertNamesNoFile(root, () -> loader.loadTabDelimited(root, codes));
      assertNamesNoFile(root, () -> loader.loadTabDelimited(codes, root));
      assertNamesNoFile(root, () -> loader.loadPipeDelimited(root));
    }
  }

  @Test
  void aCmsFileReadAsText() throws IOException {
    for (Path root : roots()) {
      assertNamesNoFile(root, () -> ConversionFactorFile.read(root));
      assertNamesNoFile(root, () -> GpciFile.read(root));
      assertNamesNoFile(root, () -> GpciFile.read(root, GpciFile.WorkGpci.WITHOUT_FLOOR));
      assertNamesNoFile(root, () -> GpciFile.read(root, Year.of(2025), "the relative values"));
      assertNamesNoFile(root, () -> OppsCapFile.read(root));
      assertNamesNoFile(root, () -> ClfsFile.read(root));
      assertNamesNoFile(root, () -> AspFile.read(root));
      assertNamesNoFile(root, () -> DmeposFile.read(root, BundledData.dmeposZips()));
      assertNamesNoFile(root, () -> DmeposRuralZipFile.read(root, BundledData.dmeposZips()));
      assertNamesNoFile(root, () -> AnesthesiaConversionFactorFile.read(root));
      assertNamesNoFile(root, () -> PaymentAmountFile.read(root));
    }
  }

  @Test
  void aRelativeValueFile() throws IOException {
    for (Path root : roots()) {
      assertNamesNoFile(root, () -> RvuFile.read(root));
    }
  }

  @Test
  void aZip5File() throws IOException {
    for (Path root : roots()) {
      assertNamesNoFile(root, () -> Zip5File.read(root));
      assertNamesNoFile(root, () -> Zip5File.readDated(root));
      assertNamesNoFile(root, () -> Zip5File.readStates(root));
      assertNamesNoFile(root, () -> Zip5File.readDatedWithStates(root));
    }
  }

  @Test
  void anAnesthesiaBaseUnitFile() throws IOException {
    for (Path root : roots()) {
      assertNamesNoFile(root, () -> AnesthesiaBaseUnitFile.read(root));
    }
  }

  @Test
  void anNcciFile() throws IOException {
    Path part = dir.resolve("ccipra-v322r0-f1.txt");
    Files.writeString(part, NcciLoadersTest.PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tr\n");
    for (Path root : roots()) {
      assertNamesNoFile(root, () -> MueFile.read(root));
      assertNamesNoFile(root, () -> PtpFile.read(root));
      // Which of the parts: the one without a name, wherever it is.
      assertNamesNoFile(root, () -> PtpFile.read(part, root));
      assertNamesNoFile(root, () -> PtpFile.read(List.of(root, part)));
      // A root's name says no claim type, as a renamed copy's does; it is read with no name.
      assertEquals(Optional.empty(), PtpFile.claimTypeOf(List.of(root)));
      assertEquals(Optional.empty(), PtpFile.claimTypeOf(List.of(part, root)));
    }
  }

  @Test
  void theFilesOfAFeeSchedule() throws IOException {
    for (Path root : roots()) {
      assertNamesNoFile(root, () -> MedicareFiles.none().withRvu(root).schedule());
      assertNamesNoFile(root, () -> MedicareFiles.none().withGpci(root).schedule());
      assertNamesNoFile(root, () -> MedicareFiles.none().withOppsCap(root).schedule());
      assertNamesNoFile(
          root,
          () ->
              MedicareFiles.of(Optional.empty(), Optional.of(root), Optional.of(root)).schedule());
    }
  }

  /**
   * A file of a CMS directory is a file: a root is no such file, refused where it is made, in the
   * loaders' words.
   */
  @Test
  void aCmsDirectorysFileHasAName() throws IOException {
    for (Path root : roots()) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> new CmsDirectory.CmsFile(root, CmsDirectory.Kind.GPCI, 2025, 1, ""));
      assertEquals(root + ": " + REASON, e.getMessage());
    }
  }

  /**
   * A root is a directory, which is what a CMS directory is: it is searched as any other. The root
   * of a ZIP file system of CMS files is read as the directory they were unzipped into.
   */
  @Test
  void aRootIsADirectoryOfCmsFiles() throws IOException {
    Path root = zipFileSystem().getPath("/");
    assertEquals(List.of(), CmsDirectory.scan(root));
    Files.writeString(root.resolve("GPCI2025.csv"), "not read by a scan");
    List<CmsDirectory.CmsFile> files = CmsDirectory.scan(root);
    assertEquals(1, files.size());
    assertEquals("GPCI2025.csv", files.get(0).name());
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.load(root));
    assertTrue(e.getMessage().contains("no relative value file"), e.getMessage());
  }
}
