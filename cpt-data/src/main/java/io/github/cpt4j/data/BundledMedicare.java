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
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The Medicare tables bundled in cpt-data, behind {@link BundledData}: loaded lazily, once, from
 * resources in {@code io/github/cpt4j/data/medicare/}, with the same loaders that read the CMS
 * files.
 */
final class BundledMedicare {

  static final String DIRECTORY = "medicare/";

  /** The RVU rows of the sample codes, in CMS's PPRRVU layout with empty descriptions. */
  static final String RVUS = "pprrvu-2025-oct-sample.csv";

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
  private static final Supplier<AnesthesiaBaseUnits> BASE_UNITS =
      Suppliers.memoize(() -> load(ANESTHESIA_BASE_UNITS, AnesthesiaBaseUnitFile::read));
  private static final Supplier<AnesthesiaConversionFactors> ANESTHESIA_CF =
      Suppliers.memoize(() -> load(ANESTHESIA_FACTORS, AnesthesiaConversionFactorFile::read));
  private static final Supplier<ZipLocalityTable> ZIP_TABLE =
      Suppliers.memoize(BundledMedicare::loadZips);

  private BundledMedicare() {}

  static ConversionFactors conversionFactors() {
    return FACTORS.get();
  }

  static MedicareFeeSchedule schedule() {
    return SCHEDULE.get();
  }

  static ZipLocalityTable zipLocalities() {
    return ZIP_TABLE.get();
  }

  static AnesthesiaBaseUnits anesthesiaBaseUnits() {
    return BASE_UNITS.get();
  }

  static AnesthesiaConversionFactors anesthesiaConversionFactors() {
    return ANESTHESIA_CF.get();
  }

  private static ConversionFactors loadConversionFactors() {
    return load(CONVERSION_FACTORS, ConversionFactorFile::read);
  }

  private static MedicareFeeSchedule loadSchedule() {
    return MedicareFeeSchedule.builder()
        .name("medicare-pfs-2025-sample")
        .rvus(load(RVUS, RvuFile::read))
        .gpcis(load(GPCIS, (in, name) -> GpciFile.read(in, name, GpciFile.WorkGpci.WITH_FLOOR)))
        .oppsCaps(load(OPPS_CAPS, OppsCapFile::read))
        .conversionFactors(conversionFactors())
        .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
        .anesthesia(
            AnesthesiaFeeSchedule.builder()
                .name("medicare-anesthesia-2025")
                .baseUnits(anesthesiaBaseUnits())
                .conversionFactors(anesthesiaConversionFactors())
                .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
                .build())
        .build();
  }

  private static ZipLocalityTable loadZips() {
    return load(ZIPS, BundledMedicare::readZips);
  }

  /** Reads the ZIP range format of {@link #ZIP_HEADER}. */
  static ZipLocalityTable readZips(InputStream in, String name) throws IOException {
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
      String[] tokens = line.trim().split(" +");
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

  /** Reads a resource of the medicare directory. */
  interface Reader<T> {
    T read(InputStream in, String name) throws IOException;
  }

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
      throw new IllegalStateException(
          "cannot load cpt4j resource " + name + ": " + e.getMessage(), e);
    }
  }
}
