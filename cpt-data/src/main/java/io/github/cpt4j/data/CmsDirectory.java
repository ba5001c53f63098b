package io.github.cpt4j.data;

import static io.github.cpt4j.data.CmsFileNames.where;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.github.cpt4j.data.csv.ReadFailure;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.medicare.AnesthesiaBaseUnitFile;
import io.github.cpt4j.data.medicare.AnesthesiaConversionFactorFile;
import io.github.cpt4j.data.medicare.AspFile;
import io.github.cpt4j.data.medicare.ClfsFile;
import io.github.cpt4j.data.medicare.DmeposFile;
import io.github.cpt4j.data.medicare.DmeposRuralZipFile;
import io.github.cpt4j.data.medicare.GpciFile;
import io.github.cpt4j.data.medicare.OppsCapFile;
import io.github.cpt4j.data.medicare.RvuFile;
import io.github.cpt4j.data.medicare.Zip5File;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.fee.FeeSchedule;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.asp.AspFeeSchedule;
import io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactor;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactors;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.GpciTable;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.OppsCapTable;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import io.github.cpt4j.fee.medicare.release.MedicareRelease;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads a directory of CMS files as downloaded (and unzipped), in sub-directories up to {@value
 * #MAX_DEPTH} levels down, into a catalog of Medicare releases by date of service.
 *
 * <h2>Which files</h2>
 *
 * Files are recognised by their names, as CMS publishes them, and checked by their title rows:
 *
 * <table>
 *   <caption>Recognised files</caption>
 *   <tr><th>name</th><th>what</th></tr>
 *   <tr><td>{@code PPRRVU25_JAN.csv}, {@code PPRRVU2025_Oct.csv}, {@code
 *       PPRRVU2026_Jan_nonQPP.csv}, {@code PPRRVU2026_Jan_QPP.csv}</td><td>a release's relative
 *       values: its year and month (January A, April B, July C, October D), checked against the
 *       title row ("2025 National Physician Fee Schedule Relative Value File January
 *       Release")</td></tr>
 *   <tr><td>{@code GPCI2025.csv}, {@code GPCI2026_Jan.csv}</td><td>the year's GPCIs (with the
 *       1.0 work floor where a file has both), or from a month on</td></tr>
 *   <tr><td>{@code ANES2025.csv}, {@code ANES2026_QPP.csv}</td><td>the year's anesthesia
 *       conversion factors: every file of the year is read, and each date and provider is priced
 *       with the one whose header states the national anesthesia factor in force (the dated
 *       table's), one file per stated factor</td></tr>
 *   <tr><td>{@code OPPSCAP_JAN.csv} ... {@code OPPSCAP_Oct.csv}</td><td>the OPPS imaging cap of
 *       the release of that month, of the year of the relative value files beside it; a release
 *       without one computes its caps from its own relative value file's OPPS columns</td></tr>
 *   <tr><td>{@code ZIP5_OCT2025.txt}</td><td>ZIP codes to localities, from the first day of
 *       that quarter; a date of service takes the file of its quarter, else the latest before it,
 *       else the earliest ({@link #zipLocalities(LocalDate)})</td></tr>
 *   <tr><td>{@code CY2022_Anesthesia_Base_Units.txt}</td><td>anesthesia base units: a release
 *       takes the edition of its year, else the latest before it, else the earliest, else the
 *       bundled one</td></tr>
 *   <tr><td>{@code CLFS_2025_Q1V1.csv}</td><td>a quarter of the Clinical Laboratory Fee Schedule
 *       (also with spaces, {@code CLFS 2025 Q1V1.csv}, as CMS's download names it); of two numbered
 *       versions of one quarter, the higher</td></tr>
 *   <tr><td>{@code DMEPOS_2025_JAN.csv}</td><td>a quarter of the DMEPOS fee schedule</td></tr>
 *   <tr><td>{@code DME_Rural_ZIP_2025_Q1.csv}</td><td>the DMEPOS rural ZIP codes of a quarter;
 *       each DMEPOS quarter takes its own, else the latest before it, over the states of the newest
 *       ZIP5 file (else the bundled ones)</td></tr>
 *   <tr><td>{@code ASP_2025_JAN.csv}</td><td>a quarter of the Part B drug payment limits</td></tr>
 * </table>
 *
 * <h2>Corrected re-releases</h2>
 *
 * CMS corrects a release by publishing it again (25A was re-issued on 2025-01-10 as "RVU25A
 * updated"; the record layout names a correction {@code RVU25AR}), with the same file names inside.
 * Two relative value files of one release (and one variant), or two CLFS, DMEPOS, DMEPOS rural ZIP
 * or ASP files of one quarter, are put in order, the later replacing the earlier, by the first of
 * these that tells them apart (of two CLFS files that both carry CMS's version number, {@code
 * CLFS_2025_Q1V2.csv}, the higher comes first):
 *
 * <ol>
 *   <li>the {@code RELEASED MM/DD/YYYY} row of their title block: the later date wins;
 *   <li>a date in their path below the directory ({@code rvu25a-updated-01-10-2025/}, {@code
 *       PPRRVU25_JAN_2025-01-10.csv}): the later date wins;
 *   <li>a correction marker in their path ({@code updated}, {@code corrected}, {@code correction},
 *       {@code revised} as whole words, or a release name with R such as {@code RVU25AR}), or a
 *       date there, on one of them only: that one wins.
 * </ol>
 *
 * Dates and markers are looked for only below the folders the two paths share, so a shared {@code
 * updates/2025-01-10/} says nothing about either.
 *
 * <p>Two copies of the same bytes are one file (either is read); two different files none of these
 * orders are refused, naming both (a {@code -v2} or other text that is no marker orders nothing).
 * {@link #replacements()} and {@link #describe()} say which file replaced which, and why.
 *
 * <p>Other files are left alone; a copy of a recognised file, named as a browser or file manager
 * names a second copy ({@code PPRRVU2025_Oct (1).csv}, {@code GPCI2025 - Copy.csv}), is listed by
 * {@link #copies()} and {@link #describe()} and never read. A directory or named pipe with a
 * recognised name is refused, as is a file that cannot be read, each named by its path in the
 * directory. The 2026 QPP and non-QPP relative value files differ in their conversion factor (and
 * the pricing indicator, and the PE and MP used for the OPPS amounts of capped imaging rows, which
 * CMS scales to each file's factor): when both are there each prices its own kind of provider
 * ({@link MedicareFeeSchedule.Builder#qualifyingApmRvus}), the factor coming from the dated table,
 * against which the factors both files state are checked (each for its kind of provider); a file
 * alone prices only the providers of the factor it states (its {@code CONV FACTOR} column). A name
 * with {@code -subset} or other text after these parts is recognised too.
 *
 * <h2>Releases</h2>
 *
 * Each release is in force from the first day of its month to the day before the next release of
 * its year, and never past the last day of its quarter (a directory with only January's and
 * October's files refuses April to September rather than price them with January's figures). It is
 * priced with its year's GPCIs and anesthesia factors (the ANES file stating the national factor in
 * force for the date and provider), its own OPPS cap file (without one, the caps its own relative
 * value file's OPPS columns give, never an earlier release's file) and the conversion factors of
 * the dated table, so a date is never priced with another year's or quarter's figures. Quirks of
 * the real files are tolerated: lines ending in a bare CR (25C), a DOS end-of-file line at the end
 * (25A-25C), 31 columns (2025) or 32 with {@code PRIC IND} (2026). CMS's GPCI, ANES and ZIP5 files
 * list the same payment localities, so the files are checked against each other: the ANES file must
 * have a row for every locality of the release's GPCI file, and every locality the ANES file names,
 * or the ZIP5 file in force on the release's first day, must have GPCIs in it, and that ZIP5 file
 * must place ZIP codes in every locality of the GPCI file (one that does not looks cut short at a
 * line ending); a file marked as a subset may leave localities out. Loading is all-or-nothing.
 *
 * <p>Immutable and thread-safe once loaded: {@link #load} reads and checks every file before it
 * returns and nothing is read later, so one directory's releases, ZIP code tables and Part B
 * schedules serve every thread of a server.
 *
 * <pre>{@code
 * CmsDirectory cms = CmsDirectory.load(Path.of("cms"));
 * cms.releases().coverage();   // 2025-01-01 to 2026-03-31 (releases 2025A, 2025B, 2025C, 2025D, 2026A)
 * cms.releases().price(ClaimLine.parse("99213"), context);
 * }</pre>
 */
public final class CmsDirectory {

  /**
   * How many levels of sub-directories are searched: enough for a tree of downloads by year and
   * release (cms/2025/rvu25a/...), without walking a whole disk by mistake.
   */
  public static final int MAX_DEPTH = 8;

  /** What a recognised file holds. */
  public enum Kind {
    /** A relative value file (PPRRVU). */
    RVU,
    /** A GPCI file. */
    GPCI,
    /** An anesthesia conversion factor file (ANES). */
    ANESTHESIA_CF,
    /** An OPPS imaging cap file (OPPSCAP). */
    OPPS_CAP,
    /** A ZIP code to locality file (ZIP5). */
    ZIP5,
    /** An anesthesia base unit file. */
    ANESTHESIA_BASE_UNITS,
    /** A Clinical Laboratory Fee Schedule file (CLFS). */
    CLFS,
    /** A DMEPOS fee schedule file. */
    DMEPOS,
    /** A DMEPOS rural ZIP code file. */
    DME_RURAL_ZIP,
    /** A Part B drug pricing file (ASP). */
    ASP
  }

  /**
   * A recognised file: its path, kind, year and month of the release (1, 4, 7 or 10; 1 for a yearly
   * file), and the variant ({@code QPP}, {@code nonQPP} or empty).
   */
  public record CmsFile(Path path, Kind kind, int year, int month, String variant) {
    /**
     * Checks the fields.
     *
     * @param path the file
     * @param kind what the file holds
     * @param year the year of the release
     * @param month the first month of the release: 1, 4, 7 or 10; 1 for a yearly file
     * @param variant {@code QPP}, {@code nonQPP} or empty
     * @throws IllegalArgumentException if {@code path} names no file, a root such as {@code /}
     *     ({@code /: is a root, not a file}, as the loaders refuse it)
     */
    public CmsFile {
      requireNonNull(path, "path");
      requireNonNull(kind, "kind");
      requireNonNull(variant, "variant");
      if (path.getFileName() == null) {
        throw new IllegalArgumentException(path + ": " + ReadFailure.ROOT);
      }
    }

    /** {@return the file name} */
    public String name() {
      return path.getFileName().toString();
    }
  }

  private final Path directory;
  private final ImmutableList<CmsFile> files;

  /** The copies of recognised files found (see {@link #copies()}), never read. */
  private final ImmutableList<Path> copies;

  private final MedicareReleases releases;

  /** The ZIP code tables, oldest first: the bundled one alone when there is no ZIP5 file. */
  private final ImmutableList<DatedZips> zips;

  private final PartBSchedules partB;

  /** The files (other than relative value files) a release or schedule was read from. */
  private final ImmutableSet<Path> used;

  private final ImmutableList<Replacement> replacements;

  /**
   * A corrected re-release that replaced an earlier file of the same release, or of the same
   * quarter for the CLFS, DMEPOS, DMEPOS rural ZIP and ASP files: the file kept, the one it
   * replaced, and why the kept one is the later ("released 2025-01-10, after 2024-12-23").
   */
  public record Replacement(CmsFile kept, CmsFile replaced, String reason) {
    /**
     * Checks the fields.
     *
     * @param kept the file read
     * @param replaced the earlier file of the same release, not read
     * @param reason why the kept file is the later, such as {@code released 2025-01-10, after
     *     2024-12-23}
     */
    public Replacement {
      requireNonNull(kept, "kept");
      requireNonNull(replaced, "replaced");
      requireNonNull(reason, "reason");
    }
  }

  private CmsDirectory(
      Path directory,
      ImmutableList<CmsFile> files,
      ImmutableList<Path> copies,
      ImmutableList<Replacement> replacements,
      MedicareReleases releases,
      ImmutableList<DatedZips> zips,
      PartBSchedules partB,
      ImmutableSet<Path> used) {
    this.directory = directory;
    this.used = used;
    this.files = files;
    this.copies = copies;
    this.replacements = replacements;
    this.releases = releases;
    this.zips = zips;
    this.partB = partB;
  }

  /**
   * A ZIP code table and the first day it is in force, the first day of its file's quarter: CMS
   * publishes the ZIP5 file every quarter, and from one quarter to the next a ZIP code can be
   * added, dropped or moved to another locality.
   */
  private record DatedZips(LocalDate from, ZipLocalityTable table, String source) {}

  /**
   * A release's first day and the GPCI file it is priced with, for the check that every locality of
   * the ZIP5 file in force on that day has GPCIs ({@link #everyZipLocalityHasGpcis}).
   */
  private record PricedWith(String release, LocalDate from, CmsFile gpciFile, GpciTable gpcis) {}

  /** The Clinical Laboratory, DMEPOS and drug schedules found, a quarter each, oldest first. */
  private record PartBSchedules(
      ImmutableList<ClfsFeeSchedule> clfs,
      ImmutableList<DmeposFeeSchedule> dmepos,
      ImmutableList<AspFeeSchedule> asp) {}

  /**
   * Reads every recognised file under {@code directory} into releases, with the bundled conversion
   * factor history.
   *
   * @param directory the directory of CMS files, searched with its sub-directories
   * @return the directory's releases, schedules and tables, fully loaded
   * @throws DataLoadException if a file is malformed, a release lacks its GPCIs, there is no
   *     relative value file, two relative value files of one release (or two quarterly files of one
   *     quarter) cannot be ordered, or two ANES files of a year state the same national factor and
   *     differ, or one of several states none
   * @throws FileSystemException if a file or sub-directory cannot be read (permission denied),
   *     naming it by its path in the directory
   * @throws IOException if the directory or a file cannot be read otherwise
   */
  public static CmsDirectory load(Path directory) throws IOException {
    return load(directory, BundledData.conversionFactors());
  }

  /**
   * Reads every recognised file under {@code directory} into releases priced with {@code
   * conversionFactors}.
   *
   * @param directory the directory of CMS files, searched with its sub-directories
   * @param conversionFactors the conversion factors to price the releases with
   * @return the directory's releases, schedules and tables, fully loaded
   * @throws DataLoadException if a file is malformed, a release lacks its GPCIs, an ANES or ZIP5
   *     file names a locality the GPCI file lacks (or lacks one it has), there is no relative value
   *     file, two relative value files of one release (or two quarterly files of one quarter)
   *     cannot be ordered, or two ANES files of a year state the same national factor and differ,
   *     or one of several states none
   * @throws FileSystemException if a file or sub-directory cannot be read (permission denied),
   *     naming it by its path in the directory
   * @throws IOException if the directory or a file cannot be read otherwise
   */
  public static CmsDirectory load(Path directory, ConversionFactors conversionFactors)
      throws IOException {
    requireNonNull(directory, "directory");
    requireNonNull(conversionFactors, "conversionFactors");
    CmsFileNames.Found found;
    try {
      found = CmsFileNames.find(directory);
    } catch (FileSystemException e) {
      throw unreadable(directory, e);
    }
    List<CmsFile> files = found.files();
    try {
      return load(directory, conversionFactors, files, found.copies());
    } catch (DataLoadException e) {
      throw inDirectory(directory, files, e);
    } catch (FileSystemException e) {
      throw unreadable(directory, e);
    }
  }

  /**
   * Returns {@code e}, a failure to read a file or sub-directory of {@code directory}, naming it by
   * its path in the directory, as every other error of the directory does, rather than by the path
   * opened. The directory itself, or a path outside it, keeps its name.
   */
  private static FileSystemException unreadable(Path directory, FileSystemException e) {
    if (e.getFile() == null) {
      return e;
    }
    Path file;
    try {
      file = Path.of(e.getFile());
    } catch (InvalidPathException notAPath) {
      return e;
    }
    if (!file.startsWith(directory) || file.equals(directory)) {
      return e;
    }
    String relative = where(directory, file);
    FileSystemException named =
        e instanceof AccessDeniedException
            ? new AccessDeniedException(relative, e.getOtherFile(), e.getReason())
            : e instanceof NoSuchFileException
                ? new NoSuchFileException(relative, e.getOtherFile(), e.getReason())
                : new FileSystemException(relative, e.getOtherFile(), e.getReason());
    named.initCause(e);
    return named;
  }

  /**
   * Returns {@code e} naming its file by its path in {@code directory} rather than by its name
   * alone: the loaders name the file they read, and a directory as downloaded holds files in
   * sub-directories, the same name in several (a release and its correction).
   */
  private static DataLoadException inDirectory(
      Path directory, List<CmsFile> files, DataLoadException e) {
    List<CmsFile> named = files.stream().filter(f -> f.name().equals(e.sourceName())).toList();
    return named.size() == 1 ? located(directory, named.get(0).path(), e) : e;
  }

  /**
   * Returns {@code e}, an error about {@code file}, naming the file by its path in {@code
   * directory}.
   */
  private static DataLoadException located(Path directory, Path file, DataLoadException e) {
    String relative = where(directory, file);
    if (relative.equals(e.sourceName())) {
      return e;
    }
    DataLoadException located = new DataLoadException(relative, e.line(), e.column(), e.problem());
    located.initCause(e);
    return located;
  }

  private static CmsDirectory load(
      Path directory, ConversionFactors conversionFactors, List<CmsFile> files, List<Path> copies)
      throws IOException {
    List<Replacement> replaced = new ArrayList<>();
    List<CmsFile> rvus = chooseRvuFiles(directory, files, replaced);
    Set<Path> dropped = new HashSet<>();
    for (Replacement r : replaced) {
      dropped.add(r.replaced().path());
    }
    if (rvus.isEmpty()) {
      throw new DataLoadException(
          directory.toString(),
          0,
          0,
          "no relative value file (PPRRVU25_JAN.csv, PPRRVU2025_Oct.csv...) in the directory or"
              + " its sub-directories up to "
              + MAX_DEPTH
              + " levels down");
    }
    Set<Path> used = new HashSet<>();
    List<CmsFile> baseUnitEditions = everyPeriod(directory, files, Kind.ANESTHESIA_BASE_UNITS);
    Map<Path, AnesthesiaBaseUnits> baseUnitCache = new HashMap<>();
    Map<Path, GpciTable> gpciCache = new HashMap<>();
    Map<Path, OppsCapTable> capCache = new HashMap<>();
    Map<Path, AnesthesiaConversionFactors> anesCache = new HashMap<>();
    List<MedicareRelease> releases = new ArrayList<>();
    List<PricedWith> pricedWith = new ArrayList<>();
    for (int i = 0; i < rvus.size(); i++) {
      CmsFile rvu = rvus.get(i);
      LocalDate from = LocalDate.of(rvu.year(), rvu.month(), 1);
      // A release is in force until the next one, and never past the end of its quarter: CMS
      // issues one each quarter (RVU25A January, B April, C July, D October), so a quarter whose
      // file is missing is not priced with the quarter before's values.
      LocalDate quarterEnd = Quarter.of(from).lastDay();
      LocalDate to =
          i + 1 < rvus.size() && rvus.get(i + 1).year() == rvu.year()
              ? LocalDate.of(rvu.year(), rvus.get(i + 1).month(), 1).minusDays(1)
              : quarterEnd;
      if (to.isAfter(quarterEnd)) {
        to = quarterEnd;
      }
      String id = releaseId(rvu);
      CmsFile gpciFile =
          latestUpTo(directory, files, Kind.GPCI, rvu)
              .orElseThrow(() -> noGpciFile(directory, files, rvu, id, from));
      used.add(gpciFile.path());
      GpciTable gpcis = cached(gpciCache, directory, gpciFile.path(), p -> GpciFile.read(p));
      // A deliberate subset of the GPCIs leaves out localities on purpose: the other files may
      // name them.
      if (!isMarkedSubset(gpciFile.path())) {
        pricedWith.add(new PricedWith(id, from, gpciFile, gpcis));
      }
      Rvus rows = rvusOf(directory, rvu, files, conversionFactors, from, to, dropped, used);
      MedicareFeeSchedule.Builder schedule =
          MedicareFeeSchedule.builder()
              .name("medicare-pfs-" + id)
              .rvus(rows.all())
              .gpcis(gpcis)
              .conversionFactors(conversionFactors)
              .effective(from, to);
      if (rows.qualifying() != null) {
        schedule.qualifyingApmRvus(rows.qualifying());
      }
      // A release's caps are its own OPPSCAP file's, else computed from its own OPPS columns: never
      // another release's file. RVU25D ships an OPPSCAP file in each release's package and says
      // the OPPS payment amount is calculated from that file's "PE/MP used for OPPS payment
      // amount" columns, so the columns are the quarter's caps; CMS's figures for
      // contractor-priced rows cannot be computed and are then not stated.
      Optional<CmsFile> cap = ofRelease(directory, files, Kind.OPPS_CAP, rvu);
      if (cap.isPresent()) {
        used.add(cap.get().path());
        schedule.oppsCaps(cached(capCache, directory, cap.get().path(), p -> OppsCapFile.read(p)));
      }
      List<CmsFile> anesFiles = ofYearSoFar(files, Kind.ANESTHESIA_CF, rvu);
      if (anesFiles.isEmpty()) {
        // The anesthesia codes are refused: say which file would price them, and that an ANES
        // file of another year, listed as not used, is none.
        schedule.noAnesthesiaBecause(noAnesFile(files, rvu.year()));
      } else {
        AnesthesiaBaseUnits baseUnits = BundledData.anesthesiaBaseUnits();
        // CMS publishes the base units each calendar year, and a code's units can change or a
        // code be added from one year to the next: the edition of the release's year (an edition
        // is dated January), else the latest before it, else the earliest.
        Optional<CmsFile> edition = inForce(baseUnitEditions, period(rvu));
        if (edition.isPresent()) {
          CmsFile named = edition.get();
          used.add(named.path());
          baseUnits =
              cached(
                  baseUnitCache,
                  directory,
                  named.path(),
                  p -> sameEdition(directory, named, AnesthesiaBaseUnitFile.read(p)));
        }
        Map<CmsFile, AnesthesiaConversionFactors> anes =
            anesthesiaTables(directory, anesFiles, anesCache, rvu);
        for (Map.Entry<CmsFile, AnesthesiaConversionFactors> e : anes.entrySet()) {
          used.add(e.getKey().path());
          if (!isMarkedSubset(e.getKey().path())) {
            everyLocalityHasAFactor(directory, gpciFile, gpcis, e.getKey(), e.getValue());
          }
          if (!isMarkedSubset(gpciFile.path())) {
            everyFactorHasGpcis(directory, e.getKey(), e.getValue(), gpciFile, gpcis, id);
          }
        }
        // Each line is priced with the file stating the anesthesia factor in force for its date
        // and provider, checked against the dated table (AnesthesiaFeeSchedule).
        schedule.anesthesia(
            AnesthesiaFeeSchedule.builder()
                .name("medicare-anesthesia-" + id)
                .baseUnits(baseUnits)
                .conversionFactors(List.copyOf(anes.values()))
                .nationalFactors(conversionFactors.anesthesiaFactors())
                .effective(from, to)
                .build());
      }
      MedicareFeeSchedule built;
      try {
        built = schedule.build();
      } catch (IllegalArgumentException e) {
        // The files disagree (a GPCI file of another year, a relative value file of another
        // quarter than its name): say which files.
        throw new DataLoadException(
            where(directory, rvu.path()),
            0,
            0,
            e.getMessage() + " (with " + where(directory, gpciFile.path()) + ")");
      }
      releases.add(MedicareRelease.of(id, built));
    }
    List<CmsFile> zipFiles = everyPeriod(directory, files, Kind.ZIP5);
    ImmutableList.Builder<DatedZips> zips = ImmutableList.builder();
    // The newest ZIP5 file also gives the DMEPOS schedules each ZIP code's state, when they have
    // rural ZIP lists to lay over it: read in the same pass as its localities.
    boolean statesNeeded =
        files.stream().anyMatch(f -> f.kind() == Kind.DMEPOS)
            && files.stream().anyMatch(f -> f.kind() == Kind.DME_RURAL_ZIP);
    Optional<DmeposZipTable> newestStates = Optional.empty();
    for (int i = 0; i < zipFiles.size(); i++) {
      CmsFile f = zipFiles.get(i);
      used.add(f.path());
      Zip5File.Dated read;
      if (statesNeeded && i == zipFiles.size() - 1) {
        Zip5File.WithStates both = read(directory, f.path(), Zip5File::readDatedWithStates);
        read = both.dated();
        newestStates = Optional.of(both.states());
      } else {
        read = read(directory, f.path(), Zip5File::readDated);
      }
      if (read.quarter().isPresent()) {
        sameQuarter(directory, f, read.quarter().get(), "its records' columns 76-80", read);
      }
      zips.add(new DatedZips(LocalDate.of(f.year(), f.month(), 1), read.table(), f.name()));
    }
    if (zipFiles.isEmpty()) {
      zips.add(new DatedZips(LocalDate.MIN, BundledData.zipLocalities(), "the bundled ZIP table"));
    } else {
      everyZipLocalityHasGpcis(directory, zipFiles, zips.build(), pricedWith);
      everyGpciLocalityHasZips(directory, zipFiles, zips.build(), pricedWith);
    }
    PartBSchedules partB = readPartB(directory, files, newestStates, used, replaced);
    return new CmsDirectory(
        directory,
        ImmutableList.copyOf(files),
        ImmutableList.copyOf(copies),
        ImmutableList.copyOf(replaced),
        MedicareReleases.of(releases),
        zips.build(),
        partB,
        ImmutableSet.copyOf(used));
  }

  /**
   * Reads the lab, equipment and drug schedules: each quarter's file (of two files of a quarter,
   * the later by {@link #onePerQuarter}, the replaced ones added to {@code replaced}), each DMEPOS
   * quarter with its own quarter's rural ZIP file (else the latest before it) over the states of
   * the newest ZIP5 file; each file must hold the quarter its name says.
   */
  private static PartBSchedules readPartB(
      Path directory,
      List<CmsFile> files,
      Optional<DmeposZipTable> zip5States,
      Set<Path> used,
      List<Replacement> replaced)
      throws IOException {
    ImmutableList.Builder<ClfsFeeSchedule> clfs = ImmutableList.builder();
    for (CmsFile f : onePerQuarter(directory, files, Kind.CLFS, replaced)) {
      used.add(f.path());
      ClfsFeeSchedule lab = read(directory, f.path(), ClfsFile::read);
      clfs.add(sameQuarter(directory, f, lab.quarter(), TITLE_OR_DATES, lab));
    }
    ImmutableList.Builder<AspFeeSchedule> asp = ImmutableList.builder();
    for (CmsFile f : onePerQuarter(directory, files, Kind.ASP, replaced)) {
      used.add(f.path());
      AspFeeSchedule drugs = read(directory, f.path(), AspFile::read);
      asp.add(sameQuarter(directory, f, drugs.quarter(), TITLE_OR_DATES, drugs));
    }
    List<CmsFile> dmeposFiles = onePerQuarter(directory, files, Kind.DMEPOS, replaced);
    ImmutableList.Builder<DmeposFeeSchedule> dmepos = ImmutableList.builder();
    if (!dmeposFiles.isEmpty()) {
      List<CmsFile> ruralFiles = onePerQuarter(directory, files, Kind.DME_RURAL_ZIP, replaced);
      DmeposZipTable states =
          ruralFiles.isEmpty() || zip5States.isEmpty()
              ? BundledData.dmeposZips()
              : zip5States.get();
      Map<Path, DmeposZipTable> zipsByRuralFile = new HashMap<>();
      for (CmsFile f : dmeposFiles) {
        // CMS lists rural ZIP codes each quarter: the quarter's own list, else the latest before
        // it, else the earliest there is (the bundled list without any).
        CmsFile rural = inForce(ruralFiles, period(f)).orElse(null);
        DmeposZipTable zips = BundledData.dmeposZips();
        if (rural != null) {
          used.add(rural.path());
          zips =
              cached(
                  zipsByRuralFile,
                  directory,
                  rural.path(),
                  p -> DmeposRuralZipFile.read(p, states));
        }
        used.add(f.path());
        DmeposZipTable areas = zips;
        DmeposFeeSchedule equipment = read(directory, f.path(), p -> DmeposFile.read(p, areas));
        dmepos.add(sameQuarter(directory, f, equipment.quarter(), TITLE_OR_DATES, equipment));
      }
    }
    return new PartBSchedules(clfs.build(), dmepos.build(), asp.build());
  }

  /** Where a quarterly schedule says its quarter. */
  private static final String TITLE_OR_DATES = "its title or dates";

  /**
   * Returns {@code schedule}, read from {@code file}, if the quarter it holds (as {@code where} in
   * the file says) is the one the file's name says: a January file saved under an April name would
   * otherwise be listed as one quarter and priced as another.
   */
  private static <T> T sameQuarter(
      Path directory, CmsFile file, Quarter read, String where, T schedule)
      throws DataLoadException {
    Quarter named = quarterOf(file);
    if (!read.equals(named)) {
      throw new DataLoadException(
          where(directory, file.path()),
          0,
          0,
          "the name says "
              + named
              + " but the file holds "
              + read
              + " ("
              + where
              + "): rename it, or use the file of "
              + named
              + " ("
              + directory.relativize(file.path())
              + ")");
    }
    return schedule;
  }

  /**
   * The files of {@code kind}, one per period, oldest first: of several files of one period, the
   * one {@link #oneOf} chooses (files of different bytes are refused, as for the newest file
   * alone).
   */
  private static List<CmsFile> everyPeriod(Path directory, List<CmsFile> files, Kind kind)
      throws IOException {
    TreeMap<Integer, List<CmsFile>> byPeriod = new TreeMap<>();
    for (CmsFile f : files) {
      if (f.kind() == kind) {
        byPeriod.computeIfAbsent(period(f), p -> new ArrayList<>()).add(f);
      }
    }
    List<CmsFile> chosen = new ArrayList<>();
    for (List<CmsFile> tied : byPeriod.values()) {
      chosen.add(oneOf(directory, tied, null));
    }
    return chosen;
  }

  /**
   * The files of {@code kind}, one per quarter, oldest first: of two files of one quarter, the
   * later by the rules of a corrected re-release (the class comment; for two numbered CLFS
   * versions, the higher), as for the relative value files, the replacements added to {@code
   * replaced}. Never the later name by character order, in which the {@code -} of {@code
   * ASP_2025_JAN-revised.csv} sorts before the {@code .} of {@code ASP_2025_JAN.csv}, so the
   * original was read and the revision listed as not used.
   *
   * @throws DataLoadException if two files of one quarter differ and nothing orders them
   */
  private static List<CmsFile> onePerQuarter(
      Path directory, List<CmsFile> files, Kind kind, List<Replacement> replaced)
      throws IOException {
    // Files come sorted by kind, year, month and name, so the order below is deterministic.
    TreeMap<Integer, CmsFile> byQuarter = new TreeMap<>();
    for (CmsFile f : files) {
      if (f.kind() != kind) {
        continue;
      }
      CmsFile other = byQuarter.get(period(f));
      if (other == null) {
        byQuarter.put(period(f), f);
        continue;
      }
      Replacement r = CorrectedReleases.later(directory, other, f);
      replaced.add(r);
      byQuarter.put(period(f), r.kept());
    }
    return new ArrayList<>(byQuarter.values());
  }

  /**
   * Returns the recognised files under {@code directory}, without reading them beyond titles: an
   * immutable list, as {@link #files()} is.
   *
   * @param directory the directory of CMS files, searched with its sub-directories
   * @return the recognised files, each with its kind, year, month and variant
   * @throws DataLoadException if {@code directory} is not a directory, a symbolic link under it
   *     leads nowhere or back to a directory that contains it, a path with a recognised name is not
   *     a regular file (a directory, a named pipe), a relative value file's title names another
   *     release, or an OPPS cap file has no year beside it
   * @throws FileSystemException if a sub-directory or a title cannot be read, naming it by its path
   *     in {@code directory}
   * @throws IOException if the directory or a title cannot be read otherwise
   */
  public static ImmutableList<CmsFile> scan(Path directory) throws IOException {
    requireNonNull(directory, "directory");
    try {
      return ImmutableList.copyOf(CmsFileNames.find(directory).files());
    } catch (FileSystemException e) {
      throw unreadable(directory, e);
    }
  }

  /**
   * One relative value file per release: of two files of one release and variant the later (see the
   * class comment; the replacements are added to {@code replaced}), then the non-QPP one of a QPP
   * pair.
   */
  private static List<CmsFile> chooseRvuFiles(
      Path directory, List<CmsFile> files, List<Replacement> replaced) throws IOException {
    // Files come sorted by kind, year, month and name, so the order below is deterministic.
    Map<String, CmsFile> latest = new java.util.LinkedHashMap<>();
    for (CmsFile f : files) {
      if (f.kind() != Kind.RVU) {
        continue;
      }
      String key = f.year() + "-" + f.month() + "-" + f.variant();
      CmsFile other = latest.get(key);
      if (other == null) {
        latest.put(key, f);
        continue;
      }
      Replacement r = CorrectedReleases.later(directory, other, f);
      replaced.add(r);
      latest.put(key, r.kept());
    }
    TreeMap<Integer, CmsFile> byRelease = new TreeMap<>();
    for (CmsFile f : latest.values()) {
      int key = f.year() * 100 + f.month();
      CmsFile other = byRelease.get(key);
      if (other == null || other.variant().equals("QPP") && f.variant().equals("nonQPP")) {
        byRelease.put(key, f);
      } else if (!(other.variant().equals("nonQPP") && f.variant().equals("QPP"))) {
        throw new DataLoadException(
            where(directory, f.path()),
            0,
            0,
            "two relative value files of release "
                + releaseId(f)
                + ": "
                + directory.relativize(other.path())
                + " and "
                + directory.relativize(f.path())
                + " (one with QPP or nonQPP in its name, one without); keep one");
      }
    }
    return new ArrayList<>(byRelease.values());
  }

  /** Returns the release's id, {@code 2025A} for January 2025 ... {@code 2025D} for October. */
  static String releaseId(CmsFile rvu) {
    return rvu.year() + String.valueOf((char) ('A' + (rvu.month() - 1) / 3));
  }

  /**
   * Returns the period of a relative value or quarterly file as errors name it: the release of a
   * relative value file ({@code 2025A}), else the quarter ({@code 2025-Q1}).
   */
  static String periodId(CmsFile f) {
    return f.kind() == Kind.RVU ? releaseId(f) : quarterOf(f).toString();
  }

  private static Quarter quarterOf(CmsFile f) {
    return Quarter.of(f.year(), (f.month() - 1) / 3 + 1);
  }

  /** The file of {@code kind} in force for release {@code rvu}: the latest of its year so far. */
  private static Optional<CmsFile> latestUpTo(
      Path directory, List<CmsFile> files, Kind kind, CmsFile rvu) throws IOException {
    List<CmsFile> tied = latest(ofYearSoFar(files, kind, rvu));
    return tied.isEmpty()
        ? Optional.empty()
        : Optional.of(oneOf(directory, tied, rvu.path().toAbsolutePath().getParent()));
  }

  /**
   * The refusal of release {@code id}, from {@code from}, without a GPCI file: naming a GPCI file
   * of its year that starts later, if any, since such a file (CMS issues one mid-year when the work
   * floor changes) is in force from its own month only, and "no GPCI file of 2026" beside one read
   * as a fault of the loader.
   */
  private static DataLoadException noGpciFile(
      Path directory, List<CmsFile> files, CmsFile rvu, String id, LocalDate from) {
    Optional<CmsFile> later =
        files.stream()
            .filter(f -> f.kind() == Kind.GPCI && f.year() == rvu.year())
            .filter(f -> f.month() > rvu.month())
            .findFirst();
    String missing =
        later.isEmpty()
            ? " has no GPCI file of " + rvu.year()
            : " has no GPCI file in force on " + from;
    return new DataLoadException(
        where(directory, rvu.path()),
        0,
        0,
        "release "
            + id
            + missing
            + " (GPCI"
            + rvu.year()
            + ".csv) in the directory"
            + later
                .map(
                    f ->
                        ": "
                            + directory.relativize(f.path())
                            + " is in force from "
                            + LocalDate.of(f.year(), f.month(), 1)
                            + " only")
                .orElse(""));
  }

  /** The files of {@code kind} of the release's year, of its month or before. */
  private static List<CmsFile> ofYearSoFar(List<CmsFile> files, Kind kind, CmsFile rvu) {
    return files.stream()
        .filter(f -> f.kind() == kind && f.year() == rvu.year())
        .filter(f -> f.month() <= rvu.month())
        .toList();
  }

  /**
   * The ANES files of a release's year, one per national factor stated (a year may have one for
   * qualifying APM participants and one for other providers, as 2026, or a file re-issued when the
   * factor changed in the year, as on 9 March 2024), each read: files stating the same factor are
   * one file, chosen as {@link #oneOf} chooses.
   *
   * @throws DataLoadException if files stating the same factor differ and nothing says which is
   *     meant, or one of several files states no national factor (both named)
   */
  private static Map<CmsFile, AnesthesiaConversionFactors> anesthesiaTables(
      Path directory,
      List<CmsFile> anesFiles,
      Map<Path, AnesthesiaConversionFactors> cache,
      CmsFile rvu)
      throws IOException {
    Map<BigDecimal, List<CmsFile>> byFactor = new LinkedHashMap<>();
    Map<CmsFile, AnesthesiaConversionFactors> read = new HashMap<>();
    // A key no stated factor has: the files stating none.
    BigDecimal none = BigDecimal.ZERO;
    for (CmsFile f : anesFiles) {
      AnesthesiaConversionFactors table =
          cached(cache, directory, f.path(), p -> AnesthesiaConversionFactorFile.read(p));
      read.put(f, table);
      BigDecimal key = table.nationalFactor().map(BigDecimal::stripTrailingZeros).orElse(none);
      byFactor.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    Map<CmsFile, AnesthesiaConversionFactors> chosen = new LinkedHashMap<>();
    for (List<CmsFile> same : byFactor.values()) {
      CmsFile one = oneOf(directory, same, rvu.path().toAbsolutePath().getParent());
      chosen.put(one, read.get(one));
    }
    if (chosen.size() > 1 && byFactor.containsKey(none)) {
      CmsFile silent =
          chosen.keySet().stream()
              .filter(f -> chosen.get(f).nationalFactor().isEmpty())
              .findFirst()
              .orElseThrow();
      CmsFile other =
          chosen.keySet().stream().filter(f -> !f.equals(silent)).findFirst().orElseThrow();
      throw new DataLoadException(
          where(directory, silent.path()),
          0,
          0,
          "states no national anesthesia factor in its header, beside "
              + where(directory, other.path())
              + ", which states "
              + chosen.get(other).nationalFactor().orElseThrow().toPlainString()
              + ": which of the two prices which dates and providers cannot be told; remove the"
              + " one that should not be used");
    }
    return chosen;
  }

  /**
   * Why a release of {@code year} has no anesthesia schedule: the directory has no ANES file of
   * that year, naming the ANES files it has of other years.
   */
  private static String noAnesFile(List<CmsFile> files, int year) {
    List<String> others =
        files.stream()
            .filter(f -> f.kind() == Kind.ANESTHESIA_CF && f.year() != year)
            .map(CmsFile::name)
            .toList();
    return "the directory has no ANES file of "
        + year
        + " (ANES"
        + year
        + ".csv)"
        + (others.isEmpty()
            ? ""
            : ", only "
                + String.join(", ", others)
                + (others.size() == 1 ? ", of another year" : ", of other years"));
  }

  /** The file of {@code kind} of release {@code rvu}'s own year and month, if any. */
  private static Optional<CmsFile> ofRelease(
      Path directory, List<CmsFile> files, Kind kind, CmsFile rvu) throws IOException {
    List<CmsFile> own =
        files.stream()
            .filter(f -> f.kind() == kind && f.year() == rvu.year() && f.month() == rvu.month())
            .toList();
    return own.isEmpty()
        ? Optional.empty()
        : Optional.of(oneOf(directory, own, rvu.path().toAbsolutePath().getParent()));
  }

  /** The files of the latest period among {@code candidates}, all of them if several. */
  private static List<CmsFile> latest(List<CmsFile> candidates) {
    int last = candidates.stream().mapToInt(CmsDirectory::period).max().orElse(0);
    return candidates.stream().filter(f -> period(f) == last).toList();
  }

  private static int period(CmsFile f) {
    return f.year() * 100 + f.month();
  }

  /**
   * Of several files of one kind and period (each quarterly release of CMS ships its own {@code
   * GPCI2025.csv}, for example), the one to use, never chosen by the order of paths: the one beside
   * the release's relative value file when {@code beside} names its directory and exactly one is
   * there, else any if all have the same bytes.
   *
   * @throws DataLoadException if they differ and nothing says which one is meant
   */
  private static CmsFile oneOf(Path directory, List<CmsFile> tied, Path beside) throws IOException {
    if (tied.size() == 1) {
      return tied.get(0);
    }
    if (beside != null) {
      List<CmsFile> there =
          tied.stream().filter(f -> beside.equals(f.path().toAbsolutePath().getParent())).toList();
      if (there.size() == 1) {
        return there.get(0);
      }
    }
    CmsFile first = tied.get(0);
    for (CmsFile other : tied.subList(1, tied.size())) {
      if (Files.mismatch(first.path(), other.path()) != -1) {
        throw new DataLoadException(
            where(directory, other.path()),
            0,
            0,
            "two "
                + words(first.kind())
                + " files of the same period differ: "
                + directory.relativize(first.path())
                + " and "
                + directory.relativize(other.path())
                + "; remove the one that should not be used (a release's own file may also sit"
                + " beside its relative value file)");
      }
    }
    return first;
  }

  /** Returns what a file of {@code kind} holds, in the words of errors ({@code relative value}). */
  static String words(Kind kind) {
    return switch (kind) {
      case RVU -> "relative value";
      case GPCI -> "GPCI";
      case ANESTHESIA_CF -> "anesthesia conversion factor";
      case OPPS_CAP -> "OPPS cap";
      case ZIP5 -> "ZIP5";
      case ANESTHESIA_BASE_UNITS -> "anesthesia base unit";
      case CLFS -> "CLFS";
      case DMEPOS -> "DMEPOS";
      case DME_RURAL_ZIP -> "DMEPOS rural ZIP";
      case ASP -> "ASP";
    };
  }

  private static RvuTable readRvus(Path directory, CmsFile file) throws IOException {
    return read(directory, file.path(), RvuFile::read);
  }

  /**
   * The relative values of the release of {@code file}. A file alone keeps the conversion factor it
   * states, so a schedule over it refuses the providers it is not for (the QPP file alone, a
   * provider who is not a qualifying APM participant), unless the dated table's factor changes
   * within the release's dates and the file states one of them (the 9 March 2024 change): then each
   * date takes the dated table's factor. Of a QPP pair, each file prices its own providers (the two
   * differ in the conversion factor, the pricing indicator and the PE and MP used for the OPPS
   * amounts of capped imaging rows): the factor each states is checked here against the dated
   * table's for its kind of provider and then not stated, letting the dated table pick the factor
   * per claim.
   */
  private static Rvus rvusOf(
      Path directory,
      CmsFile file,
      List<CmsFile> files,
      ConversionFactors factors,
      LocalDate from,
      LocalDate to,
      Set<Path> dropped,
      Set<Path> used)
      throws IOException {
    RvuTable table = readRvus(directory, file);
    // The QPP file of the pair, the one kept of its versions (the files every Replacement dropped
    // are listed in the directory but not read).
    Optional<CmsFile> partner =
        file.variant().equals("nonQPP")
            ? files.stream()
                .filter(
                    f ->
                        f.kind() == Kind.RVU
                            && f.year() == file.year()
                            && f.month() == file.month()
                            && f.variant().equals("QPP")
                            && !dropped.contains(f.path()))
                .findFirst()
            : Optional.empty();
    RvuTable qpp = null;
    if (partner.isPresent()) {
      qpp = readRvus(directory, partner.get());
      used.add(partner.get().path());
      // The factor it states is the one its qualifying APM participants are paid with; the dated
      // table prices them once the non-QPP file's factor is dropped below, so it must agree, as
      // the non-QPP file's factor must for everyone else (a table with one 2026 factor for all
      // paid them the non-QPP factor without a word).
      if (qpp.conversionFactor().isPresent()) {
        sameFactor(directory, partner.get(), qpp.conversionFactor().get(), factors, from, true);
      }
    }
    if (qpp == null) {
      return new Rvus(aloneInItsRelease(table, factors, from, to), null);
    }
    if (table.conversionFactor().isPresent()) {
      sameFactor(directory, file, table.conversionFactor().orElseThrow(), factors, from, false);
    }
    // Each file prices its own providers, with the factor the dated table gives them: CMS's QPP
    // file's OPPS columns are scaled to its factor, so a qualifying participant's imaging cap is
    // the QPP file's, not the non-QPP file's columns times the QPP factor (0.5% higher).
    RvuTable all = table.withoutConversionFactor();
    return new Rvus(all, QualifyingApmRows.of(qpp.withoutConversionFactor(), all));
  }

  /** The relative values of a release: for every provider, and for qualifying APM participants. */
  private record Rvus(RvuTable all, RvuTable qualifying) {}

  /**
   * Refuses {@code file}, one of a QPP pair, when the factor it states is not the one {@code
   * factors} give its kind of provider on {@code from}: the dated table then prices them, with a
   * factor CMS's file for them does not state.
   */
  private static void sameFactor(
      Path directory,
      CmsFile file,
      BigDecimal stated,
      ConversionFactors factors,
      LocalDate from,
      boolean qualifying)
      throws DataLoadException {
    Optional<ConversionFactor> inForce = factors.find(from, qualifying);
    if (inForce.isPresent() && inForce.get().amount().compareTo(stated) != 0) {
      throw new DataLoadException(
          where(directory, file.path()),
          0,
          0,
          "the file states conversion factor "
              + stated.toPlainString()
              + ", but the conversion factors give "
              + inForce.get().amount().toPlainString()
              + " on "
              + from
              + (qualifying
                  ? " for qualifying APM participants"
                  : " for providers who are not qualifying APM participants"));
    }
  }

  /**
   * The relative values of a file alone in its release, priced from {@code from} to {@code to}:
   * {@code table} keeping the conversion factor it states, so that a schedule over it refuses the
   * dates and providers of another factor ({@code CONVERSION_FACTOR_MISMATCH}), unless the dated
   * table's factor changes within those dates and the file states one of them. A file states the
   * factor of the day it was issued; where the factor changed within the release's dates (9 March
   * 2024, by legislation: the Consolidated Appropriations Act, 2024), its relative values serve
   * both sides of the change, each date with the dated table's factor. {@link MedicareFiles} prices
   * a file the same way, so that both ways of loading it price the same dates alike.
   */
  static RvuTable aloneInItsRelease(
      RvuTable table, ConversionFactors factors, LocalDate from, LocalDate to) {
    Optional<BigDecimal> stated = table.conversionFactor();
    return stated.isPresent() && changesWithin(factors, from, to, stated.get())
        ? table.withoutConversionFactor()
        : table;
  }

  /**
   * Tells whether the factor {@code factors} give one kind of provider changes between {@code from}
   * and {@code to}, {@code stated} being one of the factors it takes there: a file issued before or
   * after the change, rather than a file for another kind of provider or another year.
   */
  private static boolean changesWithin(
      ConversionFactors factors, LocalDate from, LocalDate to, BigDecimal stated) {
    for (boolean qualifying : new boolean[] {false, true}) {
      Set<BigDecimal> amounts = new HashSet<>();
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        factors.find(d, qualifying).ifPresent(f -> amounts.add(f.amount().stripTrailingZeros()));
      }
      if (amounts.size() > 1 && amounts.contains(stated.stripTrailingZeros())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns {@code units}, read from {@code file}, if their edition (the year after {@code CODE} on
   * the file's header line: {@code CODE 2025}) is the year its name says: the name chooses the
   * releases it serves.
   */
  private static AnesthesiaBaseUnits sameEdition(
      Path directory, CmsFile file, AnesthesiaBaseUnits units) throws IOException {
    String named = "CY " + file.year();
    if (!units.edition().equals(named)) {
      // The year is the second field of the header line, the file's first but for a subset
      // marker or blank lines before it.
      throw new DataLoadException(
          where(directory, file.path()),
          baseUnitHeaderLine(file.path()),
          2,
          "the name says "
              + named
              + " but the file holds the "
              + units.edition()
              + " edition (the year after CODE in its header): rename it, or use the "
              + named
              + " edition ("
              + directory.relativize(file.path())
              + ")");
    }
    return units;
  }

  /**
   * The line of the header of an anesthesia base unit file, {@code CODE} and the edition's year, as
   * its loader finds it: the first line that is not blank, past the subset marker when the file
   * starts with one (a UTF-8 byte order mark before it aside).
   */
  private static long baseUnitHeaderLine(Path file) throws IOException {
    String head = new String(CmsFileNames.head(file), StandardCharsets.ISO_8859_1);
    String[] lines =
        (head.startsWith("\u00EF\u00BB\u00BF") ? head.substring(3) : head).split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank() && !(i == 0 && CsvTable.isSubsetMarker(lines[i]))) {
        return i + 1L;
      }
    }
    return 1;
  }

  /**
   * Of files oldest first, the one in force in {@code period} ({@code YYYYMM}): the latest that
   * starts in it or before, else (a period older than every file) the earliest; empty when there is
   * none. The rule of every kind of file CMS publishes by period and a date takes by its own.
   */
  private static Optional<CmsFile> inForce(List<CmsFile> oldestFirst, int period) {
    CmsFile chosen = null;
    for (CmsFile f : oldestFirst) {
      if (chosen == null || period(f) <= period) {
        chosen = f;
      }
    }
    return Optional.ofNullable(chosen);
  }

  private interface Reader<T> {
    T read(Path path) throws IOException;
  }

  private static <T> T cached(Map<Path, T> cache, Path directory, Path path, Reader<T> reader)
      throws IOException {
    T value = cache.get(path);
    if (value == null) {
      value = read(directory, path, reader);
      cache.put(path, value);
    }
    return value;
  }

  /**
   * Reads {@code path} with {@code reader}, an error naming the file by its path in {@code
   * directory}: each quarterly release ships its own {@code GPCI2025.csv}, so a name alone does not
   * say which copy is damaged.
   */
  private static <T> T read(Path directory, Path path, Reader<T> reader) throws IOException {
    try {
      return reader.read(path);
    } catch (DataLoadException e) {
      throw e.sourceName().equals(path.getFileName().toString()) ? located(directory, path, e) : e;
    } catch (IOException e) {
      // The loaders name the file they fail to read; a reader of several files may not.
      throw ReadFailure.naming(path, e);
    }
  }

  /**
   * Refuses an anesthesia conversion factor file without a row for a locality of the GPCI file it
   * is priced with: CMS's ANES file has every payment locality, so a missing one is damage (a row
   * deleted, a file cut short at a row boundary), which would leave that locality's anesthesia
   * lines unpriced, one by one, as if CMS had no factor for it.
   */
  private static void everyLocalityHasAFactor(
      Path directory,
      CmsFile gpciFile,
      GpciTable gpcis,
      CmsFile anesFile,
      AnesthesiaConversionFactors factors)
      throws DataLoadException {
    for (Gpci gpci : gpcis.all()) {
      if (factors.find(gpci.locality()).isEmpty()) {
        throw new DataLoadException(
            where(directory, anesFile.path()),
            0,
            0,
            "no anesthesia conversion factor for locality "
                + gpci.locality()
                + ", which "
                + where(directory, gpciFile.path())
                + " has: CMS's file has a row for every payment locality");
      }
    }
  }

  /**
   * Refuses an anesthesia conversion factor file with a row for a locality that the GPCI file of
   * release {@code release} has no GPCIs for: CMS's ANES and GPCI files list the same payment
   * localities (109 each in 2025), so such a row is a locality the GPCI file lost (a row deleted,
   * or damaged into a note) or a file of another year, and that locality's other services would go
   * unpriced while its anesthesia is paid.
   */
  private static void everyFactorHasGpcis(
      Path directory,
      CmsFile anesFile,
      AnesthesiaConversionFactors factors,
      CmsFile gpciFile,
      GpciTable gpcis,
      String release)
      throws DataLoadException {
    Map<Locality, String> missing = new LinkedHashMap<>();
    for (Locality locality : factors.asMap().keySet()) {
      if (gpcis.find(locality).isEmpty()) {
        missing.put(locality, "");
      }
    }
    if (!missing.isEmpty()) {
      throw withoutGpcis(directory, anesFile, missing, gpciFile, release);
    }
  }

  /**
   * Refuses a ZIP5 file that places ZIP codes in a locality the GPCI file of a release it serves
   * (the file in force on the release's first day, {@link #zipLocalities(LocalDate)}) has no GPCIs
   * for: CMS's ZIP5 and GPCI files of a quarter list the same payment localities (109 each in
   * October 2025), so every service in those ZIP codes would go unpriced, NO_GPCI_FOR_LOCALITY, one
   * claim at a time, rather than the directory be refused once.
   */
  private static void everyZipLocalityHasGpcis(
      Path directory, List<CmsFile> zipFiles, List<DatedZips> zips, List<PricedWith> releases)
      throws DataLoadException {
    for (PricedWith r : releases) {
      int inForce = inForce(zips, r.from());
      ZipLocalityTable table = zips.get(inForce).table();
      Map<Locality, String> missing = new LinkedHashMap<>();
      for (int i = 0; i < table.rangeCount(); i++) {
        Locality locality = table.rangeLocality(i);
        if (!missing.containsKey(locality) && r.gpcis().find(locality).isEmpty()) {
          missing.put(
              locality, String.format(Locale.ROOT, " (ZIP code %05d first)", table.rangeStart(i)));
        }
      }
      if (!missing.isEmpty()) {
        throw withoutGpcis(directory, zipFiles.get(inForce), missing, r.gpciFile(), r.release());
      }
    }
  }

  /**
   * Refuses a ZIP5 file in force on a release's first day that places no ZIP code in a locality of
   * that release's GPCI file: CMS's ZIP5 and GPCI files of a quarter list the same payment
   * localities (109 each in October 2025), and the ZIP5 file lists its ZIP codes state by state, so
   * a download cut exactly at a line ending loses the last states' localities whole (cut after
   * 38,000 of its 42,956 records, 9 of them), passes the row minimum, and leaves each ZIP code
   * there in no locality, one claim at a time. A file marked as a subset of either kind may leave
   * localities out.
   */
  private static void everyGpciLocalityHasZips(
      Path directory, List<CmsFile> zipFiles, List<DatedZips> zips, List<PricedWith> releases)
      throws IOException {
    for (PricedWith r : releases) {
      int inForce = inForce(zips, r.from());
      CmsFile zipFile = zipFiles.get(inForce);
      if (isMarkedSubset(zipFile.path())) {
        continue;
      }
      ZipLocalityTable table = zips.get(inForce).table();
      Set<Locality> placed = new HashSet<>();
      for (int i = 0; i < table.rangeCount(); i++) {
        placed.add(table.rangeLocality(i));
      }
      List<Locality> missing = new ArrayList<>();
      for (Gpci gpci : r.gpcis().all()) {
        if (!placed.contains(gpci.locality())) {
          missing.add(gpci.locality());
        }
      }
      if (!missing.isEmpty()) {
        throw withoutZips(directory, zipFile, missing, r.gpciFile(), r.release());
      }
    }
  }

  /**
   * The error for {@code zipFile}, which places no ZIP code in the localities {@code missing} of
   * {@code gpciFile}, the GPCI file of {@code release}.
   */
  private static DataLoadException withoutZips(
      Path directory, CmsFile zipFile, List<Locality> missing, CmsFile gpciFile, String release) {
    List<String> named = new ArrayList<>();
    for (Locality locality : missing.subList(0, Math.min(NAMED, missing.size()))) {
      named.add(locality.toString());
    }
    int more = missing.size() - named.size();
    return new DataLoadException(
        where(directory, zipFile.path()),
        0,
        0,
        "no ZIP code in "
            + (missing.size() == 1 ? "locality " : missing.size() + " localities, ")
            + String.join(", ", named)
            + (more > 0 ? " and " + more + " more," : "")
            + " of "
            + where(directory, gpciFile.path())
            + ", the GPCI file of release "
            + release
            + ": CMS's ZIP5 file places ZIP codes in every payment locality, so this one looks"
            + " cut short, and the ZIP codes it lost would be in no locality (a file cut at a"
            + " line ending, or of another year?)");
  }

  /** How many of the localities without GPCIs an error names. */
  private static final int NAMED = 3;

  /**
   * The error for {@code file}, which names the localities {@code missing} (each with a detail,
   * such as its first ZIP code) that {@code gpciFile}, the GPCI file of {@code release}, lacks.
   */
  private static DataLoadException withoutGpcis(
      Path directory,
      CmsFile file,
      Map<Locality, String> missing,
      CmsFile gpciFile,
      String release) {
    List<String> named = new ArrayList<>();
    for (Map.Entry<Locality, String> e : missing.entrySet()) {
      if (named.size() == NAMED) {
        break;
      }
      named.add(e.getKey() + e.getValue());
    }
    int more = missing.size() - named.size();
    return new DataLoadException(
        where(directory, file.path()),
        0,
        0,
        (missing.size() == 1 ? "locality " : missing.size() + " localities, ")
            + String.join(", ", named)
            + (more > 0 ? " and " + more + " more," : "")
            + (missing.size() == 1 ? " has" : " have")
            + " no GPCIs in "
            + where(directory, gpciFile.path())
            + ", the GPCI file of release "
            + release
            + ": CMS's files of a year list the same payment localities, so its services"
            + " would go unpriced (a row lost from the GPCI file, or a file of another year?)");
  }

  /**
   * Tells whether {@code file} starts with the line of a deliberate subset ({@link
   * io.github.cpt4j.data.medicare.CmsSubset}), which may leave out localities on purpose.
   */
  private static boolean isMarkedSubset(Path file) throws IOException {
    String head = new String(CmsFileNames.head(file), StandardCharsets.ISO_8859_1);
    // A UTF-8 byte-order mark may come first, as the loaders allow: its three bytes in Latin-1.
    return CsvTable.isSubsetMarker(
        head.startsWith("\u00EF\u00BB\u00BF") ? head.substring(3) : head);
  }

  /** {@return the directory read} */
  public Path directory() {
    return directory;
  }

  /** {@return the recognised files, by kind, year and month} */
  public ImmutableList<CmsFile> files() {
    return files;
  }

  /**
   * Returns the copies of recognised files found, by path: files whose name is a recognised name
   * with the mark a browser or file manager adds to a second copy ({@code PPRRVU2025_Oct (1).csv},
   * {@code GPCI2025 - Copy.csv}, {@code GPCI2025 copy.csv}). They are never read: which of a file
   * and its copy is meant cannot be told from their names. {@link #describe()} lists them as not
   * used; to use one, rename it.
   *
   * @return the paths of the copies found, never read; empty when there is none
   */
  public ImmutableList<Path> copies() {
    return copies;
  }

  /**
   * {@return the files replaced by a corrected re-release: relative value files of the same
   * release, and CLFS, DMEPOS, DMEPOS rural ZIP and ASP files of the same quarter (an earlier CLFS
   * version too), with the file that replaced each and why; empty when no release or quarter was
   * given twice}
   */
  public ImmutableList<Replacement> replacements() {
    return replacements;
  }

  /** {@return the releases} */
  public MedicareReleases releases() {
    return releases;
  }

  /**
   * Returns the newest ZIP code table: that of the newest ZIP5 file, or the bundled table when
   * there is none. To find the locality of a service, use {@link #zipLocalities(LocalDate)} with
   * its date.
   *
   * @return the newest ZIP code table
   */
  public ZipLocalityTable zipLocalities() {
    return zips.get(zips.size() - 1).table();
  }

  /**
   * Returns the ZIP code table in force on {@code dateOfService}: that of the ZIP5 file of the
   * date's quarter, else of the latest quarter before it, else (a date before every file) of the
   * earliest file; the bundled table when there is no ZIP5 file. CMS publishes the file every
   * quarter, and a ZIP code can be added or moved to another locality from one quarter to the next,
   * so a service is placed by the file of its date, as its relative values are.
   *
   * <pre>{@code
   * cms.zipLocalities(LocalDate.of(2025, 6, 2)).find("10001");   // by ZIP5_APR2025.txt, if given
   * }</pre>
   *
   * @param dateOfService the date of service
   * @return the table in force on that date
   */
  public ZipLocalityTable zipLocalities(LocalDate dateOfService) {
    requireNonNull(dateOfService, "dateOfService");
    return zips.get(inForce(zips, dateOfService)).table();
  }

  /**
   * The index of the table of {@code zips} (oldest first) in force on {@code date}: the newest that
   * starts by then, or the oldest when none does.
   */
  private static int inForce(List<DatedZips> zips, LocalDate date) {
    int inForce = 0;
    for (int i = 1; i < zips.size() && !zips.get(i).from().isAfter(date); i++) {
      inForce = i;
    }
    return inForce;
  }

  /**
   * Returns every ZIP code table of the directory, oldest first: one per ZIP5 file (by the quarter
   * its name gives), or the bundled table alone when there is none. {@link
   * #zipLocalities(LocalDate)} picks among them by date of service; this is for questions about
   * every date at once, such as whether a ZIP code is known on any of them.
   *
   * @return the tables, oldest first; never empty
   */
  public ImmutableList<ZipLocalityTable> zipLocalityTables() {
    return zips.stream().map(DatedZips::table).collect(ImmutableList.toImmutableList());
  }

  /**
   * {@return the quarters of the Clinical Laboratory Fee Schedule found, oldest first; empty when
   * the directory has no CLFS file}
   */
  public ImmutableList<ClfsFeeSchedule> clinicalLab() {
    return partB.clfs();
  }

  /**
   * Returns the quarters of the DMEPOS fee schedule found, oldest first, each priced by the rural
   * ZIP code file of its quarter, else the latest before it, else (a quarter older than every rural
   * ZIP code file) the earliest there is, the bundled list only when the directory has none; a line
   * priced with another quarter's list says so in its explanation. Empty when the directory has no
   * DMEPOS file.
   *
   * @return the DMEPOS fee schedules, oldest quarter first
   */
  public ImmutableList<DmeposFeeSchedule> dmepos() {
    return partB.dmepos();
  }

  /**
   * {@return the quarters of the Part B drug payment limits found, oldest first; empty when the
   * directory has no ASP file}
   */
  public ImmutableList<AspFeeSchedule> drugs() {
    return partB.asp();
  }

  /**
   * The ZIP code files and the dates each serves: {@code ZIP5_OCT2025.txt} alone, or {@code
   * ZIP5_JAN2025.txt (to 2025-03-31), ZIP5_APR2025.txt (2025-04-01 on)}.
   */
  private String zipSources() {
    if (zips.size() == 1) {
      return zips.get(0).source();
    }
    List<String> described = new ArrayList<>();
    for (int i = 0; i < zips.size(); i++) {
      DatedZips z = zips.get(i);
      described.add(
          z.source()
              + (i == 0
                  ? " (to " + zips.get(1).from().minusDays(1) + ")"
                  : i == zips.size() - 1
                      ? " (" + z.from() + " on)"
                      : " (" + z.from() + " to " + zips.get(i + 1).from().minusDays(1) + ")"));
    }
    return String.join(", ", described);
  }

  /**
   * {@return what was found, one line per release and the files it was built from, for people: the
   * text of {@code cpt data --cms-dir}}
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (MedicareRelease r : releases.releases()) {
      BundledData.describe(r, sb);
    }
    sb.append("covers ").append(releases.coverage()).append('\n');
    for (Replacement r : replacements) {
      CmsFile kept = r.kept();
      sb.append(kept.kind() == Kind.RVU ? releaseId(kept) : kindName(kept) + " " + periodId(kept))
          .append(": ")
          .append(directory.relativize(r.kept().path()))
          .append(" replaces ")
          .append(directory.relativize(r.replaced().path()))
          .append(" (")
          .append(r.reason())
          .append(")\n");
    }
    sb.append("ZIP codes from ").append(zipSources()).append('\n');
    sb.append("Part B: ")
        .append(quarters("clinical lab", partB.clfs()))
        .append(", ")
        .append(quarters("DMEPOS", partB.dmepos()))
        .append(", ")
        .append(quarters("drugs (ASP)", partB.asp()))
        .append('\n');
    sb.append("files:\n");
    for (CmsFile f : files) {
      sb.append("  ")
          .append(kindName(f))
          .append(' ')
          .append(f.year())
          .append(
              switch (f.kind()) {
                case RVU, OPPS_CAP -> "-" + twoDigits(f.month());
                case GPCI -> f.month() == 1 ? "" : "-" + twoDigits(f.month());
                case ZIP5, CLFS, DMEPOS, DME_RURAL_ZIP, ASP -> "-Q" + ((f.month() - 1) / 3 + 1);
                default -> "";
              })
          .append(f.variant().isEmpty() ? "" : " " + f.variant())
          .append("  ")
          .append(directory.relativize(f.path()))
          .append(isReplaced(f) ? "  (replaced)" : "")
          .append(
              f.kind() != Kind.RVU && !isReplaced(f) && !used.contains(f.path())
                  ? "  (not used)"
                  : "")
          .append('\n');
    }
    for (Path copy : copies) {
      sb.append("  copy  ").append(directory.relativize(copy)).append("  (not used)\n");
    }
    return sb.toString();
  }

  /** The kind of {@code f} as {@link #describe()} lists it: {@code asp}, {@code dme-rural-zip}. */
  private static String kindName(CmsFile f) {
    return f.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private boolean isReplaced(CmsFile f) {
    return replacements.stream().anyMatch(r -> r.replaced().equals(f));
  }

  /** Writes {@code what 2025-Q1, 2025-Q2} or {@code no what} (the bundled rows are used). */
  private static String quarters(String what, List<? extends FeeSchedule> schedules) {
    if (schedules.isEmpty()) {
      return "no " + what + " file";
    }
    return what + " " + schedules.stream().map(FeeSchedule::name).collect(Collectors.joining(", "));
  }

  private static String twoDigits(int month) {
    return month < 10 ? "0" + month : String.valueOf(month);
  }

  @Override
  public String toString() {
    return "CmsDirectory(" + directory + ": " + releases.coverage() + ")";
  }
}
