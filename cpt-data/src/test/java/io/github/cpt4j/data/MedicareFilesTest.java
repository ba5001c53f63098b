package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.medicare.CmsSubset;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.OppsCapTable;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MedicareFilesTest {

  @Test
  void noFilesIsTheBundledSchedule() throws IOException {
    assertTrue(MedicareFiles.none().isEmpty());
    assertSame(BundledData.medicareFeeSchedule(), MedicareFiles.none().schedule());
  }

  @Test
  void aGivenFileReplacesItsBundledCounterpart(@TempDir Path dir) throws IOException {
    MedicareFeeSchedule bundled = BundledData.medicareFeeSchedule();
    Path gpci = dir.resolve("GPCI.csv");
    Files.writeString(
        gpci,
        CmsSubset.MARKER
            + "\n"
            + "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,"
            + "2025 PW GPCI (with 1.0 Floor),2025 PE GPCI,2025 MP GPCI\n"
            + "13282,NY,99,REST OF NEW YORK,1.000,0.949,0.732\n");
    MedicareFiles files = MedicareFiles.none().withGpci(gpci);
    assertFalse(files.isEmpty());
    assertEquals(Optional.of(gpci), files.gpci());
    MedicareFeeSchedule schedule = files.schedule();
    assertEquals(1, schedule.gpcis().size());
    assertEquals(bundled.rvus().size(), schedule.rvus().size());
    assertEquals(bundled.effectiveFrom(), schedule.effectiveFrom());
  }

  @Test
  void withRelativeValuesTheCapsComeFromTheirOppsColumns(@TempDir Path dir) throws IOException {
    MedicareFeeSchedule bundled = BundledData.medicareFeeSchedule();
    Path rvu = copy("pprrvu-2025-oct-sample.csv", dir);
    Path gpci = copy("gpci-2025.csv", dir);
    MedicareFeeSchedule schedule = MedicareFiles.none().withRvu(rvu).withGpci(gpci).schedule();
    // No cap table: each row's cap is computed from the file's own OPPS columns. The bundled cap
    // sample holds the bundled codes' caps only, so with another file's rows it left every other
    // imaging code uncapped (CapsFromRvusFullFileTest has the full file).
    assertEquals(0, schedule.oppsCaps().size());
    assertSame(BundledData.conversionFactors(), schedule.conversionFactors());
    assertEquals(bundled.rvus().size(), schedule.rvus().size());
    assertEquals(bundled.gpcis().size(), schedule.gpcis().size());
    // The bundled rows price as the bundled schedule does, which has the cap sample: every imaging
    // row with OPPS columns, in every locality, in both settings.
    LocalDate date = LocalDate.of(2025, 6, 2);
    int compared = 0;
    for (RvuEntry entry : bundled.rvus().all()) {
      if (entry.oppsNonFacilityPeRvu().signum() == 0 && entry.oppsFacilityPeRvu().signum() == 0) {
        continue;
      }
      ClaimLine line =
          entry.modifier().isPresent()
              ? ClaimLine.of(entry.code(), entry.modifier().get())
              : ClaimLine.of(entry.code());
      for (Gpci g : bundled.gpcis().all()) {
        for (Setting setting : Setting.values()) {
          PricingContext context = PricingContext.of(date, g.locality(), setting);
          assertEquals(
              bundled.price(line, context).amount(),
              schedule.price(line, context).amount(),
              () -> line + " " + g.locality() + " " + setting);
          compared++;
        }
      }
    }
    assertTrue(compared > 10_000, "only " + compared);
  }

  @Test
  void withoutRelativeValuesTheBundledRowsKeepTheirCapSample(@TempDir Path dir) throws IOException {
    MedicareFeeSchedule bundled = BundledData.medicareFeeSchedule();
    Path gpci = copy("gpci-2025.csv", dir);
    MedicareFeeSchedule schedule = MedicareFiles.none().withGpci(gpci).schedule();
    // The cap sample alone, read once: the very table the bundled schedule holds.
    assertSame(bundled.oppsCaps(), schedule.oppsCaps());
  }

  private static Path copy(String resource, Path dir) throws IOException {
    Path file = dir.resolve(resource);
    try (InputStream in = BundledData.class.getResourceAsStream("medicare/" + resource)) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void aGpciFileOfAnotherYearIsRefusedNamingBothFiles(@TempDir Path dir) throws IOException {
    Path rvu = copy("pprrvu-2025-oct-sample.csv", dir);
    Path gpci = dir.resolve("GPCI2024.csv");
    Files.writeString(
        gpci,
        Files.readString(copy("gpci-2025.csv", dir), StandardCharsets.ISO_8859_1)
            .replace("2025 PW GPCI", "2024 PW GPCI")
            .replace("2025 PE GPCI", "2024 PE GPCI")
            .replace("2025 MP GPCI", "2024 MP GPCI"),
        StandardCharsets.ISO_8859_1);
    // It said only "the relative value file is for 2025, but the GPCIs are for 2024".
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> MedicareFiles.none().withRvu(rvu).withGpci(gpci).schedule());
    assertTrue(
        e.getMessage()
            .matches(
                "GPCI2024\\.csv, line 3, column 5: the GPCIs are for 2024 \\(column '2024 PW"
                    + " GPCI.*'\\), but the relative value file pprrvu-2025-oct-sample\\.csv is for"
                    + " 2025: expected the GPCI file of 2025"),
        e::getMessage);
    e = assertThrows(DataLoadException.class, () -> MedicareFiles.none().withGpci(gpci).schedule());
    assertTrue(
        e.getMessage().contains("but the bundled relative value sample is for 2025"),
        e::getMessage);
    // A relative value file of 2026 with the bundled GPCIs of 2025 names the file.
    Path rvu2026 = copy("pprrvu-2026-jan-sample.csv", dir);
    e =
        assertThrows(
            DataLoadException.class, () -> MedicareFiles.none().withRvu(rvu2026).schedule());
    // It ended "(with the bundled tables)", leaving the reader to guess which file would do.
    assertEquals(
        "pprrvu-2026-jan-sample.csv: the relative value file is for 2026, but the bundled GPCIs"
            + " are for 2025: give the GPCI file of 2026 (MedicareFiles.withGpci; cpt price"
            + " --gpci FILE)",
        e.getMessage());
  }

  /**
   * A relative value file without its title row names no year; the bundled GPCIs are 2025's, and
   * apply to 2025's services only. Such a file stating no factor priced 99213 in Manhattan on
   * 2026-02-01 at 104.35, 2025's GPCIs times 2026's factor, without a word.
   */
  @Test
  void aFileWithoutItsTitleRowIsPricedOnTheDatesOfTheBundledGpcis(@TempDir Path dir)
      throws IOException {
    String[] lines = resource("pprrvu-2025-oct-sample.csv").split("\n", -1);
    StringBuilder cut = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      // Lines 2 and 3 hold the title; the CONV FACTOR column is left blank.
      if (i == 1 || i == 2) {
        continue;
      }
      cut.append(lines[i].replace(",32.3465,", ",,")).append(i + 1 < lines.length ? "\n" : "");
    }
    Path rvu = dir.resolve("rows.csv");
    Files.writeString(rvu, cut, StandardCharsets.ISO_8859_1);
    MedicareFeeSchedule schedule = MedicareFiles.none().withRvu(rvu).schedule();
    assertTrue(schedule.rvus().year().isEmpty());
    assertTrue(schedule.rvus().conversionFactor().isEmpty());
    ClaimLine visit = ClaimLine.parse("99213");
    Locality manhattan = Locality.parse("13202-01");
    assertEquals(
        Optional.of(new BigDecimal("101.06")),
        schedule
            .price(
                visit,
                PricingContext.of(LocalDate.of(2025, 12, 31), manhattan, Setting.NON_FACILITY))
            .amount());
    FeeResult in2026 =
        schedule.price(
            visit, PricingContext.of(LocalDate.of(2026, 2, 1), manhattan, Setting.NON_FACILITY));
    assertEquals(Optional.of(UnpricedReason.DATE_NOT_COVERED), in2026.reason(), in2026::toString);
    assertTrue(
        in2026
            .detail()
            .endsWith(
                "its GPCIs are for 2025, and a year's GPCIs apply only"
                    + " to that year's dates of service"),
        in2026::detail);
  }

  /**
   * The bundled anesthesia schedule prices a 2025 relative value file's anesthesia codes, as the
   * bundled data and a directory with ANES2025.csv do: giving a file refused them all, "00790 has
   * status J in medicare-pfs ... medicare-pfs has none".
   */
  @Test
  void aRelativeValueFileOf2025PricesAnesthesia(@TempDir Path dir) throws IOException {
    Path rvu = copy("pprrvu-2025-jan-sample.csv", dir);
    Path gpci = copy("gpci-2025.csv", dir);
    PricingContext context =
        PricingContext.of(LocalDate.of(2025, 2, 1), Locality.parse("13282-99"), Setting.FACILITY);
    ClaimLine line = ClaimLine.parse("00790-AA 60min");
    // (7 base + 60 / 15 = 4.0 time units) x 19.79 (13282-99 in ANES2025.csv) = 217.69
    for (MedicareFiles files :
        List.of(
            MedicareFiles.none().withRvu(rvu), MedicareFiles.none().withRvu(rvu).withGpci(gpci))) {
      MedicareFeeSchedule schedule = files.schedule();
      FeeResult fee = schedule.price(line, context);
      assertEquals(Optional.of(new BigDecimal("217.69")), fee.amount(), fee::toString);
      assertEquals(
          fee.amount().orElseThrow(),
          MedicareClaimPricer.of(schedule).price(Claim.of(BilledLine.of(line)), context).total());
    }
    // As the bundled schedule prices it.
    assertEquals(
        Optional.of(new BigDecimal("217.69")),
        BundledData.medicareFeeSchedule().price(line, context).amount());
    // The GPCI file alone keeps the bundled rows, and their anesthesia.
    assertEquals(
        Optional.of(new BigDecimal("217.69")),
        MedicareFiles.none().withGpci(gpci).schedule().price(line, context).amount());
  }

  /**
   * No anesthesia conversion factors of 2026 are bundled: a 2026 file's anesthesia codes are still
   * refused, the detail saying which year has none and how to give them, never priced with 2025's.
   */
  @Test
  void aRelativeValueFileOfAnotherYearSaysNoAnesthesiaFactorsCoverIt(@TempDir Path dir)
      throws IOException {
    Path rvu = dir.resolve("PPRRVU2026_Jan_nonQPP.csv");
    Files.writeString(
        rvu,
        resource("pprrvu-2026-jan-sample.csv")
            + "00790,,Made-up anesthesia row,J,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,"
            + "0.00,9,9,9,9,9,9,,33.4009,09,0,99,0.00,0.00,0.00\n",
        StandardCharsets.ISO_8859_1);
    Path gpci = copy("gpci-2026-jan-subset.csv", dir);
    MedicareFeeSchedule schedule = MedicareFiles.none().withRvu(rvu).withGpci(gpci).schedule();
    assertTrue(schedule.anesthesia().isEmpty());
    FeeResult fee =
        schedule.price(
            ClaimLine.parse("00790-AA 60min"),
            PricingContext.of(
                LocalDate.of(2026, 2, 2), Locality.parse("01182-18"), Setting.FACILITY));
    assertEquals(Optional.of(UnpricedReason.NOT_IN_SCHEDULE), fee.reason(), fee::toString);
    assertEquals(
        "00790 has status J in medicare-pfs: anesthesia is priced with base units and anesthesia"
            + " conversion factors, and medicare-pfs has none: no anesthesia conversion factors"
            + " cover 2026, the year of the relative value file PPRRVU2026_Jan_nonQPP.csv (the"
            + " bundled ones, CMS's ANES2025.csv, are 2025's): price with a directory of CMS files"
            + " holding the ANES file of 2026 (CmsDirectory; cpt price --cms-dir DIR), or give the"
            + " schedule an anesthesia schedule of 2026 (MedicareFeeSchedule.withAnesthesia)",
        fee.detail());
  }

  /**
   * A January 2024 release in CMS's layout, written here: made-up descriptions, 99213's relative
   * values (those of 2025's January file, which do for the test) and the factor {@code stated}.
   */
  private static String january2024(String stated) {
    return CmsSubset.MARKER
        + ": a test fixture\n"
        + String.join(
            "\n",
            ",,2024 National Physician Fee Schedule Relative Value File January Release,,,,,,,,,,,,,"
                + ",,,,,,,,,,,,,,,",
            ",, , ,,,,,,,,,,,,,,,,,,,,,,,,,NON-FACILITY,FACILITY,",
            ",,,,NOT USED,,,,,,,,,,,,,,,,,,,,,PHYSICIAN,,DIAGNOSTIC,PE USED,PE USED,MP USED",
            ",,,,FOR,,,NON-FAC,,FACILITY ,,,,,,,,,,,,,,,,SUPERVISION OF,,IMAGING,FOR OPPS,FOR OPPS,"
                + "FOR OPPS",
            ",,,STATUS,MEDICARE ,WORK,NON-FAC,NA,FACILITY,NA,MP,NON-FACILITY,FACILITY,PCTC,GLOB,PRE,"
                + "INTRA,POST,MULT,BILAT,ASST,CO-,TEAM,ENDO,CONV,DIAGNOSTIC,CALCULATION,FAMILY,"
                + "PAYMENT,PAYMENT,PAYMENT",
            "HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,"
                + "TOTAL,IND,DAYS,OP,OP,OP,PROC,SURG,SURG,SURG,SURG,BASE,FACTOR,PROCEDURES,FLAG,"
                + "INDICATOR,AMOUNT,AMOUNT,AMOUNT",
            "99213,,Made-up office visit,A,,1.30,1.35,,0.57,,0.10,2.75,1.97,0,XXX,0.00,0.00,0.00,0,"
                + "0,0,0,0,,"
                + stated
                + ",09,0,99,0.00,0.00,0.00")
        + "\n";
  }

  /** The 2024 GPCIs of Rest of New York, written here (2025's figures, which do for the test). */
  private static final String GPCI_2024 =
      CmsSubset.MARKER
          + ": a test fixture\n"
          + "ADDENDUM E. TEST GPCIs,,,,,,\n"
          + ",,,,,,\n"
          + "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,"
          + "2024 PW GPCI (with 1.0 Floor),2024 PE GPCI,2024 MP GPCI\n"
          + "13282,NY,99,REST OF NEW YORK,1,0.949,0.732\n";

  /**
   * The conversion factor changed on 9 March 2024 (32.7442, then 33.2875). A January 2024 file,
   * issued before the change or re-issued after it, prices each date of its quarter with that
   * date's factor, as a directory of CMS files prices it: the relative value file given alone
   * refused one side of the change, CONVERSION_FACTOR_MISMATCH.
   */
  @Test
  void aFactorChangedWithinTheQuarterPricesEachDateAsADirectoryDoes(@TempDir Path dir)
      throws IOException {
    Path gpci = Files.writeString(dir.resolve("GPCI2024.csv"), GPCI_2024);
    Path rvu = dir.resolve("PPRRVU24_JAN.csv");
    ClaimLine line = ClaimLine.parse("99213");
    for (String stated : new String[] {"32.7442", "33.2875"}) {
      Files.writeString(rvu, january2024(stated), StandardCharsets.ISO_8859_1);
      MedicareFeeSchedule schedule = MedicareFiles.none().withRvu(rvu).withGpci(gpci).schedule();
      MedicareReleases directory = CmsDirectory.load(dir).releases();
      // 99213 in 13282-99: 1.30 x 1 + 1.35 x 0.949 + 0.10 x 0.732 = 2.65435 RVUs.
      for (String[] dateAndAmount :
          new String[][] {{"2024-03-08", "86.91"}, {"2024-03-09", "88.36"}}) {
        PricingContext context =
            PricingContext.of(
                LocalDate.parse(dateAndAmount[0]),
                Locality.parse("13282-99"),
                Setting.NON_FACILITY);
        FeeResult fee = schedule.price(line, context);
        assertEquals(
            Optional.of(new BigDecimal(dateAndAmount[1])),
            fee.amount(),
            () -> "file stating " + stated + ": " + fee);
        assertEquals(fee.amount(), directory.price(line, context).amount());
      }
    }
    // A factor of neither side of the change (2025's) is still refused on every date.
    Files.writeString(rvu, january2024("32.3465"), StandardCharsets.ISO_8859_1);
    FeeResult fee =
        MedicareFiles.none()
            .withRvu(rvu)
            .withGpci(gpci)
            .schedule()
            .price(
                line,
                PricingContext.of(
                    LocalDate.of(2024, 3, 9), Locality.parse("13282-99"), Setting.NON_FACILITY));
    assertEquals(
        Optional.of(UnpricedReason.CONVERSION_FACTOR_MISMATCH), fee.reason(), fee::toString);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = BundledData.class.getResourceAsStream("medicare/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void aMissingFileIsAnIoException(@TempDir Path dir) {
    MedicareFiles files = MedicareFiles.none().withRvu(dir.resolve("missing.csv"));
    assertThrows(IOException.class, files::schedule);
    assertThrows(
        IOException.class, MedicareFiles.none().withOppsCap(dir.resolve("no.csv"))::schedule);
    new NullPointerTester().testAllPublicStaticMethods(MedicareFiles.class);
    new NullPointerTester().testAllPublicInstanceMethods(MedicareFiles.none());
  }

  /**
   * A cap read that runs only when {@code schedule} waits for it (joins it), on the waiting thread:
   * one that {@code schedule} leaves behind is still not done when it throws, every time.
   */
  private static final class ReadWhenAwaited extends CompletableFuture<Optional<OppsCapTable>> {

    private final Supplier<Optional<OppsCapTable>> read;

    private ReadWhenAwaited(Supplier<Optional<OppsCapTable>> read) {
      this.read = read;
    }

    @Override
    public Optional<OppsCapTable> join() {
      if (!isDone()) {
        try {
          complete(read.get());
        } catch (RuntimeException e) {
          completeExceptionally(e);
        }
      }
      return super.join();
    }
  }

  /** Calls {@code schedule} with the cap read held, returning what it threw and the read. */
  private static Map.Entry<DataLoadException, CompletableFuture<?>> failure(MedicareFiles files) {
    List<ReadWhenAwaited> started = new ArrayList<>();
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () ->
                files.schedule(
                    read -> {
                      ReadWhenAwaited held = new ReadWhenAwaited(read);
                      started.add(held);
                      return held;
                    }));
    assertEquals(1, started.size());
    return Map.entry(e, started.get(0));
  }

  @Test
  void aFailedReadWaitsForTheCapReadAndCarriesItsFailure(@TempDir Path dir) throws IOException {
    Path badRvu = Files.writeString(dir.resolve("PPRRVU2025_Oct.csv"), "no,header\n");
    Path badGpci = Files.writeString(dir.resolve("GPCI2025.csv"), "no,header\n");
    Path badCap = Files.writeString(dir.resolve("OPPSCAP_Oct.csv"), "no,header\n");
    Path goodCap = copy("oppscap-2025-oct-sample.csv", dir);
    Path goodRvu = copy("pprrvu-2025-oct-sample.csv", dir);

    // A malformed relative value file with a malformed cap file: the first is thrown, the second
    // rides along, and the cap read has ended.
    var failed = failure(MedicareFiles.none().withRvu(badRvu).withOppsCap(badCap));
    assertTrue(failed.getValue().isDone(), "schedule() threw while the cap read was running");
    assertTrue(failed.getKey().getMessage().startsWith("PPRRVU2025_Oct.csv"), failed::toString);
    assertEquals(1, failed.getKey().getSuppressed().length, failed::toString);
    assertTrue(
        failed.getKey().getSuppressed()[0] instanceof DataLoadException suppressed
            && suppressed.getMessage().startsWith("OPPSCAP_Oct.csv"),
        failed::toString);

    // With a valid cap file: waited for too, and nothing to add.
    failed = failure(MedicareFiles.none().withRvu(badRvu).withOppsCap(goodCap));
    assertTrue(failed.getValue().isDone(), "schedule() threw while the cap read was running");
    assertTrue(failed.getKey().getMessage().startsWith("PPRRVU2025_Oct.csv"), failed::toString);
    assertEquals(0, failed.getKey().getSuppressed().length, failed::toString);

    // A malformed GPCI file, read after a valid relative value file: the same.
    failed = failure(MedicareFiles.none().withRvu(goodRvu).withGpci(badGpci).withOppsCap(badCap));
    assertTrue(failed.getValue().isDone(), "schedule() threw while the cap read was running");
    assertTrue(failed.getKey().getMessage().startsWith("GPCI2025.csv"), failed::toString);
    assertEquals(1, failed.getKey().getSuppressed().length, failed::toString);

    // Only the cap file malformed: its own failure is thrown, as before.
    failed = failure(MedicareFiles.none().withRvu(goodRvu).withOppsCap(badCap));
    assertTrue(failed.getKey().getMessage().startsWith("OPPSCAP_Oct.csv"), failed::toString);
    assertEquals(0, failed.getKey().getSuppressed().length, failed::toString);
  }
}
