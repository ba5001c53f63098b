package io.github.cpt4j.data;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import io.github.cpt4j.codeset.CodeSet;
import io.github.cpt4j.data.load.CodeSetLoader;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.asp.AspFeeSchedule;
import io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactors;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import io.github.cpt4j.fee.medicare.release.MedicareRelease;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import java.io.IOException;
import java.io.InputStream;

/**
 * The data bundled with cpt4j: the entry point to the sample code set and the 2025 Medicare
 * fee-schedule tables. Everything is loaded lazily, on first use.
 *
 * <h2>The sample code set</h2>
 *
 * About 660 CPT and 85 HCPCS Level II codes covering every CPT section and Surgery subsection, for
 * demonstrations and tests. The descriptions are plain-language summaries written for cpt4j,
 * <em>not</em> the AMA's CPT descriptors: CPT is a registered trademark of the American Medical
 * Association, and its descriptors need an AMA licence. Load a licensed AMA file with {@link
 * CodeSetLoader} and overlay it on the sample:
 *
 * <pre>{@code
 * CodeSet sample = BundledData.codeSet();
 * sample.find("99213").ifPresent(e -> System.out.println(e.shortDescription()));
 *
 * CodeSet licensed = CodeSetLoader.defaults()
 *     .withCharset(Charset.forName("windows-1252"))
 *     .loadTabDelimited(Path.of("LONGULT.txt"));
 * CodeSet codes = sample.overlaidWith(licensed);    // licensed descriptors win
 * }</pre>
 *
 * <h2>The Medicare Physician Fee Schedule, 2025</h2>
 *
 * The CY2025 relative value rows (each quarterly release, numbers only) of every sample code, the
 * full 2025 GPCI table, the OPPS imaging caps of the sample codes, the ZIP-code-to-locality table
 * and the conversion factors from 2019: enough to price a sample code anywhere in the US with no
 * configuration. For every code, build a {@code MedicareFeeSchedule} from the CMS files with the
 * loaders of {@code io.github.cpt4j.data.medicare}.
 *
 * <h2>The other Part B schedules, first quarter of 2025</h2>
 *
 * The Clinical Laboratory Fee Schedule, the DMEPOS fee schedule and the Part B drug payment limits
 * (ASP) of the sample's laboratory, equipment and drug codes, with the DMEPOS ZIP code table, for
 * dates of service from 1 January to 31 March 2025.
 *
 * <pre>{@code
 * MedicareFeeSchedule medicare = BundledData.medicareFeeSchedule();
 * Locality locality = BundledData.zipLocalities().find("10001").orElseThrow();
 * PricingContext context = PricingContext.of(LocalDate.of(2025, 3, 14), locality,
 *     Setting.NON_FACILITY);
 * FeeResult fee = medicare.price(ClaimLine.parse("99213"), context);
 * }</pre>
 */
public final class BundledData {

  /** Where the sample lives, relative to this class; named in error messages. */
  static final String SAMPLE_CODES = "sample-codes.csv";

  // Suppliers.memoize runs the load on first use and, unlike a static initialiser, tries again
  // on the next call if it failed, instead of failing for ever with NoClassDefFoundError.
  private static final Supplier<CodeSet> CODE_SET = Suppliers.memoize(BundledData::loadCodeSet);

  private BundledData() {}

  /**
   * Returns the bundled sample code set, loading it on the first call (a few milliseconds).
   * Thread-safe; every call returns the same instance.
   *
   * @return the sample code set, immutable
   * @throws IllegalStateException if the resource is missing or malformed (a broken build); the
   *     message names the resource
   */
  public static CodeSet codeSet() {
    return CODE_SET.get();
  }

  /**
   * Returns the 2025 Medicare Physician Fee Schedule of the sample codes, loading it on the first
   * call. Thread-safe; every call returns the same instance.
   *
   * <p>One schedule for examples: it prices every 2025 date of service with the October release's
   * rows, so a code whose values changed during the year (0446T's practice expense doubled in
   * April) gets October's amount on an earlier date. {@link #medicareReleases()} prices each date
   * with its own quarter's rows, as a claim needs.
   *
   * @return the 2025 schedule of the sample codes, every locality
   * @throws IllegalStateException if a resource is missing or malformed (a broken build)
   */
  public static MedicareFeeSchedule medicareFeeSchedule() {
    return BundledMedicare.schedule();
  }

  /**
   * Returns the history of Medicare conversion factors by date of service, from 2019, including the
   * change of 9 March 2024 and 2026's two factors.
   *
   * @return the conversion factors from 2019, each with the dates it is in force
   * @throws IllegalStateException if the resource is missing or malformed (a broken build)
   */
  public static ConversionFactors conversionFactors() {
    return BundledMedicare.conversionFactors();
  }

  /**
   * Returns the table of ZIP codes to Medicare payment localities (CMS's ZIP5 file of October
   * 2025).
   *
   * @return the ZIP code to locality table
   * @throws IllegalStateException if the resource is missing or malformed (a broken build)
   */
  public static ZipLocalityTable zipLocalities() {
    return BundledMedicare.zipLocalities();
  }

  /**
   * Returns the bundled Medicare releases by date of service: the four 2025 releases (25A as
   * corrected, 25B, 25C, 25D) for the sample codes, with their OPPS caps (25B, without a cap file,
   * from its own rows' OPPS columns) and anesthesia, and the 2026 January rows and localities
   * available (no cap file and no anesthesia: caps from its rows' OPPS columns, as 25B's). Dates
   * outside them are refused, saying which dates the data covers ({@link
   * MedicareReleases#coverage()}).
   *
   * <pre>{@code
   * BundledData.medicareReleases().price(ClaimLine.parse("99213"), context);
   * }</pre>
   *
   * @return the releases, each with the dates of service it prices
   * @throws IllegalStateException if a resource is missing or malformed (a broken build)
   */
  public static MedicareReleases medicareReleases() {
    return BundledMedicare.releases();
  }

  /** {@return the bundled releases and the dates they cover, for people ({@code cpt data})} */
  public static String describeMedicareReleases() {
    StringBuilder sb = new StringBuilder();
    for (MedicareRelease r : medicareReleases().releases()) {
      describe(r, sb);
    }
    sb.append("covers ")
        .append(medicareReleases().coverage())
        .append(" for the sample codes (bundled)\n");
    // The other Part B schedules price lab, equipment and drug lines on their own dates, which
    // are narrower than the releases': a run of June dates prices none of those lines.
    Quarter quarter = clinicalLabFeeSchedule().quarter();
    return sb.append("Part B: clinical lab ")
        .append(clinicalLabFeeSchedule().name())
        .append(", DMEPOS ")
        .append(dmeposFeeSchedule().name())
        .append(", drugs (ASP) ")
        .append(aspFeeSchedule().name())
        .append(": ")
        .append(quarter.firstDay())
        .append(" to ")
        .append(quarter.lastDay())
        .append('\n')
        .toString();
  }

  /**
   * Appends one line saying what {@code release} holds, for people: its dates, rows, localities,
   * OPPS cap (a cap file's, or computed from the rows' OPPS columns) and anesthesia ({@code cpt
   * data}, with or without a directory).
   */
  static void describe(MedicareRelease release, StringBuilder sb) {
    MedicareFeeSchedule s = release.schedule();
    sb.append(release.id())
        .append("  ")
        .append(release.effectiveFrom())
        .append(" to ")
        .append(release.effectiveTo())
        .append("  ")
        .append(s.rvus().size())
        .append(" RVU rows, ")
        .append(s.gpcis().size())
        .append(s.gpcis().size() == 1 ? " locality, " : " localities, ")
        .append(
            s.oppsCaps().size() > 0
                ? "OPPS cap"
                : hasOppsColumns(s.rvus()) ? "OPPS cap from RVU columns" : "no OPPS cap")
        .append(s.anesthesia().isPresent() ? ", anesthesia" : ", no anesthesia")
        .append('\n');
  }

  /** Tells whether a row has OPPS columns, from which pricing computes its cap without a file. */
  private static boolean hasOppsColumns(RvuTable rvus) {
    return rvus.all().stream()
        .anyMatch(
            e ->
                e.oppsNonFacilityPeRvu().signum() != 0
                    || e.oppsFacilityPeRvu().signum() != 0
                    || e.oppsMalpracticeRvu().signum() != 0);
  }

  /**
   * Returns the Clinical Laboratory Fee Schedule of the first quarter of 2025 for the sample's
   * laboratory and specimen-collection codes (CMS's {@code CLFS_2025_Q1V1.csv}, numbers only),
   * loading it on the first call. It prices dates of service from 1 January to 31 March 2025.
   *
   * @return the lab fee schedule of 2025-Q1
   * @throws IllegalStateException if the resource is missing or malformed (a broken build)
   */
  public static ClfsFeeSchedule clinicalLabFeeSchedule() {
    return BundledPartB.clfs();
  }

  /**
   * Returns the DMEPOS fee schedule of the first quarter of 2025 for the sample's equipment codes
   * (CMS's {@code DMEPOS_2025_JAN.csv}, numbers only), placing beneficiaries with {@link
   * #dmeposZips()}, loading it on the first call.
   *
   * @return the DMEPOS fee schedule of 2025-Q1
   * @throws IllegalStateException if a resource is missing or malformed (a broken build)
   */
  public static DmeposFeeSchedule dmeposFeeSchedule() {
    return BundledPartB.dmepos();
  }

  /**
   * Returns the Part B drug (ASP) payment limits of the first quarter of 2025 for the sample's drug
   * codes (CMS's {@code ASP_2025_JAN.csv}, numbers only), loading them on the first call.
   *
   * @return the drug payment limits of 2025-Q1
   * @throws IllegalStateException if the resource is missing or malformed (a broken build)
   */
  public static AspFeeSchedule aspFeeSchedule() {
    return BundledPartB.asp();
  }

  /**
   * Returns the state of every ZIP code (CMS's ZIP5 file of October 2025) and CMS's DMEPOS rural
   * ZIP codes of the first quarter of 2025 ({@code DME_Rural_ZIP_2025_Q1.csv}): where a beneficiary
   * lives, for the DMEPOS fee schedule.
   *
   * @return the state and rural status of every ZIP code
   * @throws IllegalStateException if a resource is missing or malformed (a broken build)
   */
  public static DmeposZipTable dmeposZips() {
    return BundledPartB.zips();
  }

  /**
   * Returns the bundled Physician Fee Schedule releases, Clinical Laboratory, DMEPOS and drug (ASP)
   * schedules as one {@code PartBFeeSchedule}, which sends each line to the schedule that pays it,
   * loading them on the first call. Each part prices its own dates:
   *
   * <ul>
   *   <li>the Physician Fee Schedule prices every date {@link #medicareReleases()} covers, each
   *       with the release in force on it (25A's rows from 1 January to 31 March 2025, 25B's from 1
   *       April...), to the same amount that catalog gives: not the October rows of {@link
   *       #medicareFeeSchedule()}; anesthesia lines on 2025 dates only, as the 2026 release has no
   *       anesthesia conversion factors (a 2026 anesthesia line is {@code NOT_IN_SCHEDULE}, saying
   *       so);
   *   <li>the laboratory, equipment and drug schedules price the first quarter of 2025 only (1
   *       January to 31 March); another date is {@code DATE_NOT_COVERED}.
   * </ul>
   *
   * <p>A code any release pays is routed to the Physician Fee Schedule. For whole claims pass it
   * with the releases: {@code PartBClaimPricer.of(partBFeeSchedule(), medicareReleases(), b -> b)}.
   *
   * @return the Part B schedule of the bundled samples
   * @throws IllegalStateException if a resource is missing or malformed (a broken build)
   */
  public static PartBFeeSchedule partBFeeSchedule() {
    return BundledPartB.partB();
  }

  /**
   * Returns CMS's anesthesia base units, CY 2022 edition (the newest public copy found), for every
   * anesthesia code 00100-01999. Load a newer edition with {@code AnesthesiaBaseUnitFile}.
   *
   * @return the base units of the CY 2022 edition
   * @throws IllegalStateException if the resource is missing or malformed (a broken build)
   */
  public static AnesthesiaBaseUnits anesthesiaBaseUnits() {
    return BundledMedicare.anesthesiaBaseUnits();
  }

  /**
   * Returns CMS's 2025 anesthesia conversion factors per locality ({@code ANES2025.csv}).
   *
   * @return the 2025 anesthesia conversion factor of every locality
   * @throws IllegalStateException if the resource is missing or malformed (a broken build)
   */
  public static AnesthesiaConversionFactors anesthesiaConversionFactors() {
    return BundledMedicare.anesthesiaConversionFactors();
  }

  private static CodeSet loadCodeSet() {
    return load(SAMPLE_CODES);
  }

  /** Loads a code set resource beside this class; package-private for tests. */
  static CodeSet load(String resource) {
    String name = resourceName(resource);
    try (InputStream in = BundledData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "cpt4j resource "
                + name
                + " is missing; is cpt-data on the class path or module path?");
      }
      return CodeSetLoader.defaults().loadCsv(in, name);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot load cpt4j resource " + name + ": " + e.getMessage(), e);
    }
  }

  private static String resourceName(String file) {
    return BundledData.class.getPackageName().replace('.', '/') + "/" + file;
  }
}
