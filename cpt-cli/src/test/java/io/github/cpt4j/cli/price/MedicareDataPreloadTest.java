package io.github.cpt4j.cli.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.cli.price.PricingData.CmsFiles;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.data.medicare.CmsSubset;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MedicareData#preload}: a pricer of preloaded files prices exactly as one that reads them
 * itself, fails with the same message, and drops a preload of other files unused.
 */
class MedicareDataPreloadTest {

  @TempDir Path dir;

  @Test
  void aPreloadedPricerPricesAsOneThatReadsTheFiles() throws IOException {
    CmsFiles files = sampleFiles();
    MedicareData preloaded = new MedicareData();
    preloaded.preload(files);
    assertTrue(preloaded.preloading(files));
    List<Outcome> fromPreload = priceAll(preloaded.pricer(files, true));
    // Taken once: the next pricer of the same files reads them again.
    assertFalse(preloaded.preloading(files));
    List<Outcome> read = priceAll(new MedicareData().pricer(files, true));
    assertEquals(read, fromPreload);
    assertTrue(fromPreload.stream().filter(Outcome::isPriced).count() >= 4, fromPreload::toString);
    // The files' own GPCIs, not the bundled ones.
    assertNotEquals(priceAll(new MedicareData().pricer(CmsFiles.NONE, true)), fromPreload);
  }

  @Test
  void aPreloadOfOtherFilesIsNotUsedAndIsDropped() throws IOException {
    CmsFiles files = sampleFiles();
    CmsFiles others = new CmsFiles(files.rvu(), Optional.empty(), Optional.empty()); // no --gpci
    MedicareData data = new MedicareData();
    data.preload(others);
    assertEquals(
        priceAll(new MedicareData().pricer(files, false)), priceAll(data.pricer(files, false)));
    // Dropped, so that a wrong guess does not keep a second schedule in memory.
    assertFalse(data.preloading(others));
  }

  @Test
  void aBrokenPreloadedFileFailsAsWhenReadByThePricer() throws IOException {
    Path rvu = Files.writeString(dir.resolve("rvu.csv"), "x\n");
    CmsFiles broken = new CmsFiles(Optional.of(rvu), sampleFiles().gpci(), Optional.empty());
    RuntimeException read =
        assertThrows(RuntimeException.class, () -> new MedicareData().pricer(broken, false));
    MedicareData data = new MedicareData();
    data.preload(broken);
    RuntimeException preloaded =
        assertThrows(RuntimeException.class, () -> data.pricer(broken, false));
    assertEquals(read.getClass(), preloaded.getClass());
    assertEquals(read.getMessage(), preloaded.getMessage());
    assertEquals(
        String.valueOf(read.getCause() == null ? null : read.getCause().getMessage()),
        String.valueOf(preloaded.getCause() == null ? null : preloaded.getCause().getMessage()));
  }

  @Test
  void withoutAPhysicianFeeScheduleFileNothingIsPreloaded() {
    MedicareData data = new MedicareData();
    data.preload(CmsFiles.NONE);
    assertFalse(data.preloading(CmsFiles.NONE));
  }

  /**
   * The bundled 2025 October sample written out as a file of the command line, and a GPCI file of
   * one locality with indices of its own, so that its amounts are not the bundled data's.
   */
  private CmsFiles sampleFiles() throws IOException {
    Path gpci = dir.resolve("GPCI.csv");
    Files.writeString(
        gpci,
        CmsSubset.MARKER
            + "\n"
            + "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,"
            + "2025 PW GPCI (with 1.0 Floor),2025 PE GPCI,2025 MP GPCI\n"
            + "13282,NY,99,REST OF NEW YORK,1.100,1.200,1.300\n");
    return new CmsFiles(
        Optional.of(copy("pprrvu-2025-oct-sample.csv")), Optional.of(gpci), Optional.empty());
  }

  private Path copy(String resource) throws IOException {
    Path file = dir.resolve(resource);
    if (!Files.exists(file)) {
      try (InputStream in = BundledData.class.getResourceAsStream("medicare/" + resource)) {
        Files.copy(in, file);
      }
    }
    return file;
  }

  /** One claim of a visit, a procedure, an imaging study and a lab test; then each alone. */
  private static List<Outcome> priceAll(RowPricer pricer) {
    List<LineRequest> claim = new ArrayList<>();
    for (String line : List.of("99213-25", "20610-LT", "71046-26", "36415", "0001F")) {
      claim.add(
          new LineRequest(
              ClaimLine.parse(line),
              Locality.parse("13282-99"),
              Setting.NON_FACILITY,
              LocalDate.of(2025, 11, 3),
              Optional.empty(),
              PractitionerType.PHYSICIAN,
              false,
              Optional.empty(),
              false,
              Optional.empty(),
              Optional.empty()));
    }
    List<Outcome> outcomes = new ArrayList<>(pricer.price(claim, true));
    for (LineRequest line : claim) {
      outcomes.addAll(pricer.price(List.of(line), false));
    }
    return outcomes;
  }
}
