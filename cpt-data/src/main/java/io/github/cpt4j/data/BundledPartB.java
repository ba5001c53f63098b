package io.github.cpt4j.data;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.medicare.AspFile;
import io.github.cpt4j.data.medicare.ClfsFile;
import io.github.cpt4j.data.medicare.DmeposFile;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.asp.AspFeeSchedule;
import io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The Part B schedules other than the Physician Fee Schedule bundled in cpt-data, behind {@link
 * BundledData}: the first quarter of 2025 of the Clinical Laboratory, DMEPOS and Part B drug (ASP)
 * fee schedules for the sample codes, and the DMEPOS ZIP code table, loaded lazily, once, with the
 * same loaders that read the CMS files; and all of them with the bundled Physician Fee Schedule
 * releases as one Part B schedule.
 */
final class BundledPartB {

  /** The quarter of the bundled files. */
  static final Quarter QUARTER = Quarter.of(2025, 1);

  /** The CLFS rows of the sample codes: YEAR, HCPCS, MOD, EFF_DATE, INDICATOR, RATE. */
  static final String CLFS = "clfs-2025-q1-sample.csv";

  /** The DMEPOS rows of the sample codes, in CMS's layout without the description column. */
  static final String DMEPOS = "dmepos-2025-jan-sample.csv";

  /** The ASP rows of the sample codes: code, dosage, payment limit, coinsurance. */
  static final String ASP = "asp-2025-jan-sample.csv";

  /** ZIP code ranges per state, in the format {@link #ZIP_STATES_HEADER} describes. */
  static final String ZIP_STATES = "zip-states-2025-oct.txt";

  /** The DMEPOS rural ZIP codes per state, in the format {@link #RURAL_ZIPS_HEADER} describes. */
  static final String RURAL_ZIPS = "dmepos-rural-zips-2025-q1.txt";

  /** The quarter of CMS's rural ZIP code list that {@link #RURAL_ZIPS} holds. */
  static final Quarter RURAL_ZIPS_QUARTER = Quarter.of(2025, 1);

  static final String ZIP_STATES_HEADER =
      ""
          + "# ZIP code to state, from CMS's %s (public domain); CMS's EM and WM are Missouri,\n"
          + "# EK and WK Kansas. One line per state: the state, then ranges first[-last] of\n"
          + "# consecutive ZIP codes.\n";

  static final String RURAL_ZIPS_HEADER =
      ""
          + "# DMEPOS rural ZIP codes, from CMS's %s (public domain). One line per state:\n"
          + "# the state, then its rural ZIP codes.\n";

  private static final Supplier<DmeposZipTable> ZIPS = Suppliers.memoize(BundledPartB::loadZips);
  private static final Supplier<ClfsFeeSchedule> CLFS_SCHEDULE =
      Suppliers.memoize(
          () ->
              BundledMedicare.load(
                  CLFS,
                  (in, name) -> ClfsFile.read(in, name, QUARTER).withName("clfs-2025-Q1-sample")));
  private static final Supplier<DmeposFeeSchedule> DMEPOS_SCHEDULE =
      Suppliers.memoize(
          () ->
              BundledMedicare.load(
                  DMEPOS,
                  (in, name) ->
                      DmeposFile.read(in, name, zips(), QUARTER)
                          .withName("dmepos-2025-Q1-sample")));
  private static final Supplier<AspFeeSchedule> ASP_SCHEDULE =
      Suppliers.memoize(
          () ->
              BundledMedicare.load(
                  ASP,
                  (in, name) -> AspFile.read(in, name, QUARTER).withName("asp-2025-Q1-sample")));

  private static final Supplier<PartBFeeSchedule> PART_B =
      Suppliers.memoize(
          () ->
              PartBFeeSchedule.builder()
                  .name("medicare-part-b-2025-sample")
                  // The releases, each line priced with the one in force on its date: CMS's
                  // relative values change between the quarterly releases (0446T's practice
                  // expense doubled in April 2025), so October's rows would misprice the first
                  // quarter that the lab, equipment and drug schedules below cover.
                  .physicianFeeSchedule(BundledMedicare.releases())
                  .clinicalLaboratory(clfs())
                  .dmepos(dmepos())
                  .drugs(asp())
                  .build());

  private BundledPartB() {}

  static PartBFeeSchedule partB() {
    return PART_B.get();
  }

  static ClfsFeeSchedule clfs() {
    return CLFS_SCHEDULE.get();
  }

  static DmeposFeeSchedule dmepos() {
    return DMEPOS_SCHEDULE.get();
  }

  static AspFeeSchedule asp() {
    return ASP_SCHEDULE.get();
  }

  static DmeposZipTable zips() {
    return ZIPS.get();
  }

  private static DmeposZipTable loadZips() {
    byte[] states = BundledMedicare.load(ZIP_STATES, (in, name) -> in.readAllBytes());
    byte[] rural = BundledMedicare.load(RURAL_ZIPS, (in, name) -> in.readAllBytes());
    DmeposZipTable fast = readZipsFast(states, rural);
    return fast != null ? fast : readZipsGeneral(states, rural);
  }

  /**
   * Reads the files of {@link #ZIP_STATES} and {@link #RURAL_ZIPS} by the byte-level fast path
   * ({@link ZipRangeScan}); null when the scan gives up on either or the table refuses a range:
   * {@link #readZipsGeneral} then says what is wrong, and where.
   */
  static DmeposZipTable readZipsFast(byte[] states, byte[] rural) {
    ZipRangeScan stateScan = ZipRangeScan.scan(states, false);
    ZipRangeScan ruralScan = ZipRangeScan.scan(rural, false);
    if (stateScan == null || ruralScan == null) {
      return null;
    }
    try {
      DmeposZipTable.Builder table = DmeposZipTable.builder().ruralQuarter(RURAL_ZIPS_QUARTER);
      stateScan.replay(
          (line, first, last, plusFour) -> table.state(first, last, stateScan.head(line)));
      // As the general reader does: a rural line's ranges mark their first ZIP code.
      ruralScan.replay((line, first, last, plusFour) -> table.rural(first, ruralScan.head(line)));
      return table.build();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Reads the files of {@link #ZIP_STATES} and {@link #RURAL_ZIPS} a line, a word at a time. */
  static DmeposZipTable readZipsGeneral(byte[] states, byte[] rural) {
    DmeposZipTable.Builder table = DmeposZipTable.builder().ruralQuarter(RURAL_ZIPS_QUARTER);
    try {
      readLines(
          new ByteArrayInputStream(states),
          ZIP_STATES,
          (state, first, last) -> table.state(first, last, state));
    } catch (IOException e) {
      throw BundledMedicare.failed(ZIP_STATES, e);
    }
    try {
      readLines(
          new ByteArrayInputStream(rural),
          RURAL_ZIPS,
          (state, first, last) -> table.rural(first, state));
    } catch (IOException e) {
      throw BundledMedicare.failed(RURAL_ZIPS, e);
    }
    return table.build();
  }

  /** What to do with each range or ZIP code of a line. */
  interface ZipSink {
    void accept(String state, int first, int last);
  }

  /** Reads lines {@code ST first[-last] ...}, skipping blank and {@code #} lines. */
  static void readLines(InputStream in, String name, ZipSink sink) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    String line;
    long number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] tokens = BundledMedicare.words(line.trim());
      try {
        for (int i = 1; i < tokens.length; i++) {
          String token = tokens[i];
          int dash = token.indexOf('-');
          int first = Integer.parseInt(dash < 0 ? token : token.substring(0, dash));
          int last = dash < 0 ? first : Integer.parseInt(token.substring(dash + 1));
          sink.accept(tokens[0], first, last);
        }
      } catch (IllegalArgumentException e) {
        throw new DataLoadException(
            name,
            number,
            0,
            "expected a state such as NY and ZIP codes such as 10001-10048: " + e.getMessage());
      }
    }
  }
}
