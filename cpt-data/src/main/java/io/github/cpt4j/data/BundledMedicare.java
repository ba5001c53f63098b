package io.github.cpt4j.data;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.medicare.AnesthesiaBaseUnitFile;
import io.github.cpt4j.data.medicare.AnesthesiaConversionFactorFile;
import io.github.cpt4j.data.medicare.ConversionFactorFile;
import io.github.cpt4j.data.medicare.GpciFile;
import io.github.cpt4j.data.medicare.OppsCapFile;
import io.github.cpt4j.data.medicare.RvuFile;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactors;
import io.github.cpt4j.fee.medicare.pfs.GpciTable;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.OppsCapTable;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import io.github.cpt4j.fee.medicare.release.MedicareRelease;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

/**
 * The Medicare tables bundled in cpt-data, behind {@link BundledData}: loaded lazily, once, from
 * resources in {@code io/github/cpt4j/data/medicare/}, with the same loaders that read the CMS
 * files.
 */
final class BundledMedicare {

  static final String DIRECTORY = "medicare/";

  /** The RVU rows of the sample codes, in CMS's PPRRVU layout with empty descriptions. */
  static final String RVUS = "pprrvu-2025-oct-sample.csv";

  /** The RVU rows of the sample codes of releases 25A (as corrected), 25B and 25C. */
  static final String RVUS_25A = "pprrvu-2025-jan-sample.csv";

  static final String RVUS_25B = "pprrvu-2025-apr-sample.csv";

  static final String RVUS_25C = "pprrvu-2025-jul-sample.csv";

  /** The 2026 January rows available (CMS's non-QPP file), for the sample codes. */
  static final String RVUS_26A = "pprrvu-2026-jan-sample.csv";

  /**
   * The same from CMS's QPP file, for qualifying APM participants: the OPPS columns of capped
   * imaging rows differ (scaled to the QPP factor).
   */
  static final String RVUS_26A_QPP = "pprrvu-2026-jan-qpp-sample.csv";

  /** The OPPS imaging caps of the sample codes of releases 25A and 25C. */
  static final String OPPS_CAPS_25A = "oppscap-2025-jan-sample.csv";

  static final String OPPS_CAPS_25C = "oppscap-2025-jul-sample.csv";

  /** The 2026 GPCIs available: the localities of the 2026 subset. */
  static final String GPCIS_2026 = "gpci-2026-jan-subset.csv";

  /** The full CY2025 GPCI file. */
  static final String GPCIS = "gpci-2025.csv";

  /** The OPPS imaging caps of the sample codes, in CMS's OPPSCAP layout. */
  static final String OPPS_CAPS = "oppscap-2025-oct-sample.csv";

  /** ZIP code ranges per locality, in the format {@link #ZIP_HEADER} describes. */
  static final String ZIPS = "zip-localities-2025-oct.txt";

  /** CMS's anesthesia base units, CY 2022 edition (the newest public copy), as published. */
  static final String ANESTHESIA_BASE_UNITS = "anesthesia-base-units-cy2022.txt";

  /** CMS's 2025 anesthesia conversion factors per locality, as published. */
  static final String ANESTHESIA_FACTORS = "ANES2025.csv";

  /** The year of the bundled anesthesia conversion factors ({@link #ANESTHESIA_FACTORS}). */
  static final Year ANESTHESIA_YEAR = Year.of(2025);

  /** The conversion factor history, maintained by hand. */
  static final String CONVERSION_FACTORS = "conversion-factors.csv";

  static final String ZIP_HEADER =
      ""
          + "# ZIP code to Medicare payment locality, from CMS's %s (public domain).\n"
          + "# One line per run of ZIP codes of one locality, in ZIP code order: the locality\n"
          + "# (MAC-locality number), then ranges first[-last] of consecutive ZIP codes. A range\n"
          + "# ending in '+' is flagged by CMS as straddling localities, priced by ZIP+4.\n";

  private static final Supplier<ConversionFactors> FACTORS =
      Suppliers.memoize(BundledMedicare::loadConversionFactors);
  private static final Supplier<MedicareFeeSchedule> SCHEDULE =
      Suppliers.memoize(BundledMedicare::loadSchedule);
  private static final Supplier<OppsCapTable> OPPS_CAP_TABLE =
      Suppliers.memoize(() -> load(OPPS_CAPS, OppsCapFile::read));
  private static final Supplier<AnesthesiaBaseUnits> BASE_UNITS =
      Suppliers.memoize(() -> load(ANESTHESIA_BASE_UNITS, AnesthesiaBaseUnitFile::read));
  private static final Supplier<AnesthesiaConversionFactors> ANESTHESIA_CF =
      Suppliers.memoize(() -> load(ANESTHESIA_FACTORS, AnesthesiaConversionFactorFile::read));
  private static final Supplier<AnesthesiaFeeSchedule> ANESTHESIA =
      Suppliers.memoize(BundledMedicare::loadAnesthesia);
  private static final Supplier<MedicareReleases> RELEASES =
      Suppliers.memoize(BundledMedicare::loadReleases);
  private static final Supplier<ZipLocalityTable> ZIP_TABLE =
      Suppliers.memoize(BundledMedicare::loadZips);

  private BundledMedicare() {}

  static ConversionFactors conversionFactors() {
    return FACTORS.get();
  }

  static MedicareFeeSchedule schedule() {
    return SCHEDULE.get();
  }

  /**
   * The bundled schedule's OPPS imaging caps alone: a schedule built from a relative value and a
   * GPCI file takes them without reading the bundled sample's rows and GPCIs.
   */
  static OppsCapTable oppsCaps() {
    return OPPS_CAP_TABLE.get();
  }

  static ZipLocalityTable zipLocalities() {
    return ZIP_TABLE.get();
  }

  static MedicareReleases releases() {
    return RELEASES.get();
  }

  static AnesthesiaBaseUnits anesthesiaBaseUnits() {
    return BASE_UNITS.get();
  }

  static AnesthesiaConversionFactors anesthesiaConversionFactors() {
    return ANESTHESIA_CF.get();
  }

  /**
   * The anesthesia schedule of the bundled base units and conversion factors, in force on the dates
   * of {@link #ANESTHESIA_YEAR}: a schedule of relative values of that year takes it, narrowed to
   * its own dates.
   */
  static AnesthesiaFeeSchedule anesthesia() {
    return ANESTHESIA.get();
  }

  private static AnesthesiaFeeSchedule loadAnesthesia() {
    return AnesthesiaFeeSchedule.builder()
        .name("medicare-anesthesia-" + ANESTHESIA_YEAR)
        .baseUnits(anesthesiaBaseUnits())
        .conversionFactors(anesthesiaConversionFactors())
        .effective(ANESTHESIA_YEAR.atDay(1), ANESTHESIA_YEAR.atMonth(12).atEndOfMonth())
        .build();
  }

  private static ConversionFactors loadConversionFactors() {
    return load(CONVERSION_FACTORS, ConversionFactorFile::read);
  }

  private static MedicareFeeSchedule loadSchedule() {
    return MedicareFeeSchedule.builder()
        .name("medicare-pfs-2025-sample")
        // The October sample for every 2025 date, as documented: a convenience for examples;
        // the releases (below) price each quarter with its own rows.
        .rvus(load(RVUS, RvuFile::read).withoutRelease())
        .gpcis(load(GPCIS, (in, name) -> GpciFile.read(in, name, GpciFile.WorkGpci.WITH_FLOOR)))
        .oppsCaps(oppsCaps())
        .conversionFactors(conversionFactors())
        .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
        .anesthesia(anesthesia())
        .build();
  }

  private static MedicareReleases loadReleases() {
    GpciTable gpcis2025 = schedule().gpcis();
    OppsCapTable caps25a = load(OPPS_CAPS_25A, OppsCapFile::read);
    List<MedicareRelease> releases = new ArrayList<>();
    releases.add(release2025("2025A", RVUS_25A, caps25a, 1, 3, gpcis2025));
    // 25B has no cap file: its caps come from its own OPPS columns, as in a directory of CMS files.
    releases.add(release2025("2025B", RVUS_25B, OppsCapTable.empty(), 4, 6, gpcis2025));
    releases.add(
        release2025("2025C", RVUS_25C, load(OPPS_CAPS_25C, OppsCapFile::read), 7, 9, gpcis2025));
    releases.add(release2025("2025D", RVUS, schedule().oppsCaps(), 10, 12, gpcis2025));
    RvuTable rvus26 = load(RVUS_26A, RvuFile::read).withoutConversionFactor();
    // 2026: the rows and localities CMS's 2026 subsets hold, no OPPS cap file and no anesthesia
    // factors yet; never the 2025 tables, which would mix the years. Without a cap file the
    // schedule caps imaging from the rows' own OPPS columns (OppsCap.fromRvus), as 25B does.
    releases.add(
        MedicareRelease.of(
            "2026A",
            MedicareFeeSchedule.builder()
                .name("medicare-pfs-2026A-sample")
                // Each of CMS's two files prices its own providers, with the dated table's factor
                // per claim: without a cap file the caps are computed from the OPPS columns, which
                // the QPP file scales to its own factor.
                .rvus(rvus26)
                .qualifyingApmRvus(
                    QualifyingApmRows.of(
                        load(RVUS_26A_QPP, RvuFile::read).withoutConversionFactor(), rvus26))
                .gpcis(
                    load(
                        GPCIS_2026,
                        (in, name) -> GpciFile.read(in, name, GpciFile.WorkGpci.WITH_FLOOR)))
                .conversionFactors(conversionFactors())
                .effective(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))
                .build()));
    return MedicareReleases.of(releases);
  }

  private static MedicareRelease release2025(
      String id, String rvus, OppsCapTable caps, int fromMonth, int toMonth, GpciTable gpcis) {
    LocalDate from = LocalDate.of(2025, fromMonth, 1);
    LocalDate to = LocalDate.of(2025, toMonth, 1).plusMonths(1).minusDays(1);
    return MedicareRelease.of(
        id,
        MedicareFeeSchedule.builder()
            .name("medicare-pfs-" + id + "-sample")
            .rvus(load(rvus, RvuFile::read))
            .gpcis(gpcis)
            .oppsCaps(caps)
            .conversionFactors(conversionFactors())
            .effective(from, to)
            .anesthesia(
                AnesthesiaFeeSchedule.builder()
                    .name("medicare-anesthesia-" + id)
                    .baseUnits(anesthesiaBaseUnits())
                    .conversionFactors(anesthesiaConversionFactors())
                    .effective(from, to)
                    .build())
            .build());
  }

  private static ZipLocalityTable loadZips() {
    return load(ZIPS, BundledMedicare::readZips);
  }

  /**
   * Reads the ZIP range format of {@link #ZIP_HEADER}: by the byte-level fast path ({@link
   * ZipRangeScan}) when it takes the file, else by {@link #readZipsGeneral}.
   */
  static ZipLocalityTable readZips(InputStream in, String name) throws IOException {
    byte[] bytes = in.readAllBytes();
    ZipLocalityTable fast = readZipsFast(bytes);
    return fast != null ? fast : readZipsGeneral(new ByteArrayInputStream(bytes), name);
  }

  /**
   * The fast path of {@link #readZips}; null when the scan gives up, or a head word is not a
   * locality, or the table refuses a range: the general reader then says what is wrong, and where.
   */
  static ZipLocalityTable readZipsFast(byte[] bytes) {
    ZipRangeScan scan = ZipRangeScan.scan(bytes, true);
    if (scan == null) {
      return null;
    }
    try {
      Locality[] localities = new Locality[scan.dataLines()];
      for (int line = 0; line < localities.length; line++) {
        localities[line] = Locality.parse(scan.head(line));
      }
      ZipLocalityTable.Builder table = ZipLocalityTable.builder();
      scan.replay(
          (line, first, last, plusFour) -> table.addRange(first, last, localities[line], plusFour));
      return table.build();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Reads the ZIP range format of {@link #ZIP_HEADER} a line at a time, a word at a time. */
  static ZipLocalityTable readZipsGeneral(InputStream in, String name) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    ZipLocalityTable.Builder table = ZipLocalityTable.builder();
    String line;
    long number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] tokens = words(line.trim());
      try {
        Locality locality = Locality.parse(tokens[0]);
        for (int i = 1; i < tokens.length; i++) {
          String token = tokens[i];
          boolean plusFour = token.endsWith("+");
          String range = plusFour ? token.substring(0, token.length() - 1) : token;
          int dash = range.indexOf('-');
          int first = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
          int last = dash < 0 ? first : Integer.parseInt(range.substring(dash + 1));
          table.addRange(first, last, locality, plusFour);
        }
      } catch (IllegalArgumentException e) {
        throw new DataLoadException(
            name,
            number,
            0,
            "expected a locality such as 13202-01 and"
                + " ZIP ranges such as 10001-10048: "
                + e.getMessage());
      }
    }
    try {
      return table.build();
    } catch (IllegalArgumentException e) {
      throw new DataLoadException(name, 0, 0, e.getMessage());
    }
  }

  /**
   * Splits {@code trimmed} at runs of spaces, as {@code trimmed.split(" +", -1)} does, without a
   * regular expression: {@code split} compiles its pattern on every call, and the bundled ZIP code
   * tables are thousands of lines read at start-up.
   */
  static String[] words(String trimmed) {
    List<String> words = new ArrayList<>();
    int start = 0;
    while (true) {
      int space = trimmed.indexOf(' ', start);
      if (space < 0) {
        words.add(trimmed.substring(start));
        return words.toArray(new String[0]);
      }
      words.add(trimmed.substring(start, space));
      start = space + 1;
      while (start < trimmed.length() && trimmed.charAt(start) == ' ') {
        start++;
      }
    }
  }

  interface Reader<T> {
    T read(InputStream in, String name) throws IOException;
  }

  /** Reads a resource of the medicare directory. */
  static <T> T load(String file, Reader<T> reader) {
    String name = BundledData.class.getPackageName().replace('.', '/') + "/" + DIRECTORY + file;
    try (InputStream in = BundledData.class.getResourceAsStream(DIRECTORY + file)) {
      if (in == null) {
        throw new IllegalStateException(
            "cpt4j resource "
                + name
                + " is missing; is cpt-data on the class path or module path?");
      }
      return reader.read(in, file);
    } catch (IOException e) {
      throw failed(file, e);
    }
  }

  /** The error of a resource of the medicare directory that cannot be read (a broken build). */
  static IllegalStateException failed(String file, IOException e) {
    String name = BundledData.class.getPackageName().replace('.', '/') + "/" + DIRECTORY + file;
    return new IllegalStateException(
        "cannot load cpt4j resource " + name + ": " + e.getMessage(), e);
  }
}
