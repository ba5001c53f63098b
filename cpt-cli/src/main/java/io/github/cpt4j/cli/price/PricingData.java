package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * What {@code cpt price} and {@code cpt localities} need from the library's data: a pricer over the
 * bundled tables or the CMS files named on the command line, the ZIP-to-locality table and the
 * localities with their GPCIs. The seam that lets tests run the commands over a test double.
 */
public interface PricingData {

  /**
   * Returns a pricer over the bundled data, with each given file in place of its bundled
   * counterpart. Loading happens here, once, before the first line is read.
   *
   * @param files the CMS files named on the command line
   * @param explainPriced whether priced lines get their explanation too; lines without an amount
   *     always say why. Writing out how each amount was found costs more than finding it.
   * @throws IllegalArgumentException if a file is malformed; the message names file, line and
   *     column
   * @throws java.io.UncheckedIOException if a file cannot be read
   */
  RowPricer pricer(CmsFiles files, boolean explainPriced);

  /**
   * Returns a pricer like {@link #pricer(CmsFiles, boolean)} that also runs {@code edits} (such as
   * the NCCI edits) on each claim: a line an edit denies is not priced, and the other lines of the
   * claim are priced without it. Data that cannot run edits refuses any.
   *
   * @throws IllegalArgumentException if a file is malformed or this data cannot run edits
   * @throws java.io.UncheckedIOException if a file cannot be read
   */
  default RowPricer pricer(CmsFiles files, boolean explainPriced, List<ClaimEdit> edits) {
    if (!edits.isEmpty()) {
      throw new IllegalArgumentException("this data cannot run claim edits");
    }
    return pricer(files, explainPriced);
  }

  /**
   * Returns a pricer over the releases found in a directory of CMS files as downloaded, each line
   * priced by the release in force on its date of service.
   *
   * @throws IllegalArgumentException if a file is malformed or this data cannot read directories
   * @throws java.io.UncheckedIOException if a file cannot be read
   */
  default RowPricer pricer(Path cmsDirectory, boolean explainPriced) {
    throw new IllegalArgumentException("this data cannot read a directory of CMS files");
  }

  /**
   * Returns a pricer like {@link #pricer(Path, boolean)} that also runs {@code edits} on each
   * claim, with the claim pricer of each release.
   *
   * @throws IllegalArgumentException if a file is malformed or this data cannot run edits
   * @throws java.io.UncheckedIOException if a file cannot be read
   */
  default RowPricer pricer(Path cmsDirectory, boolean explainPriced, List<ClaimEdit> edits) {
    if (!edits.isEmpty()) {
      throw new IllegalArgumentException("this data cannot run claim edits");
    }
    return pricer(cmsDirectory, explainPriced);
  }

  /**
   * Returns, for people, the releases of the bundled data or of {@code cmsDirectory} and the dates
   * they cover.
   *
   * @throws IllegalArgumentException if a file is malformed
   * @throws java.io.UncheckedIOException if a file cannot be read
   */
  default String describe(Optional<Path> cmsDirectory) {
    return "no release information\n";
  }

  /** Returns the payment locality of {@code zip}, empty when the ZIP code is unknown. */
  Optional<Locality> localityOf(ZipCode zip);

  /**
   * Returns the payment locality of {@code zip} on {@code dateOfService}: by the ZIP code file of
   * {@code cmsDirectory} in force on that date when a directory is given (and it has one), else as
   * {@link #localityOf(ZipCode)}.
   *
   * @throws IllegalArgumentException if a file of the directory is malformed
   * @throws java.io.UncheckedIOException if a file cannot be read
   */
  default Optional<Locality> localityOf(
      ZipCode zip, LocalDate dateOfService, Optional<Path> cmsDirectory) {
    return localityOf(zip);
  }

  /**
   * Tells whether {@code zip} is in a payment locality on some date: in any of the ZIP code files
   * of {@code cmsDirectory} when a directory is given (they are by quarter), else as {@link
   * #localityOf(ZipCode)}. A batch, whose rows carry their own dates, refuses a default ZIP code at
   * start only when no date of service could place it.
   *
   * @throws IllegalArgumentException if a file of the directory is malformed
   * @throws java.io.UncheckedIOException if a file cannot be read
   */
  default boolean isKnownOnAnyDate(ZipCode zip, Optional<Path> cmsDirectory) {
    return localityOf(zip).isPresent();
  }

  /**
   * Tells whether CMS flags {@code zip} as straddling payment localities, to be priced by its
   * ZIP+4, in the ZIP code table {@link #localityOf(ZipCode, LocalDate, Optional)} reads on {@code
   * dateOfService}: the five-digit table gives such a ZIP code one of its localities. False when
   * the data does not say.
   *
   * @throws IllegalArgumentException if a file of the directory is malformed
   * @throws java.io.UncheckedIOException if a file cannot be read
   */
  default boolean isSplitByPlusFour(
      ZipCode zip, LocalDate dateOfService, Optional<Path> cmsDirectory) {
    return false;
  }

  /**
   * Returns, for each payment locality of the bundled ZIP code table, the states and territories
   * whose ZIP codes it holds (CMS's ZIP5 file gives each ZIP code's state), in alphabetical order:
   * a locality can cover more than the state of its GPCI row, as 12202-01, "DC + MD/VA SUBURBS",
   * covers Montgomery and Prince George's counties in Maryland and the Virginia suburbs (CMS's
   * county file says the same). Empty when the data does not say.
   */
  default Map<Locality, SortedSet<String>> statesOfLocalities() {
    return Map.of();
  }

  /**
   * Returns every locality with its GPCIs, from the bundled table or the given GPCI file.
   *
   * @throws IllegalArgumentException if the file is malformed
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  List<Gpci> localities(Optional<Path> gpciFile);

  /**
   * The CMS files given on the command line, each replacing its bundled counterpart.
   *
   * @param rvu a relative value file (PPRRVU...csv)
   * @param gpci a GPCI file (GPCI...csv)
   * @param oppsCap an OPPS imaging cap file (OPPSCAP...csv)
   * @param clfs a Clinical Laboratory Fee Schedule file (CLFS_...csv)
   * @param dmepos a DMEPOS fee schedule file (DMEPOS_...csv)
   * @param dmeRuralZips a DMEPOS rural ZIP code file (DME_Rural_ZIP_...csv)
   * @param asp a Part B drug pricing file (ASP_...csv)
   */
  record CmsFiles(
      Optional<Path> rvu,
      Optional<Path> gpci,
      Optional<Path> oppsCap,
      Optional<Path> clfs,
      Optional<Path> dmepos,
      Optional<Path> dmeRuralZips,
      Optional<Path> asp) {

    /** No files: the bundled data alone. */
    public static final CmsFiles NONE =
        new CmsFiles(Optional.empty(), Optional.empty(), Optional.empty());

    /** Checks that nothing is null. */
    public CmsFiles {
      requireNonNull(rvu, "rvu");
      requireNonNull(gpci, "gpci");
      requireNonNull(oppsCap, "oppsCap");
      requireNonNull(clfs, "clfs");
      requireNonNull(dmepos, "dmepos");
      requireNonNull(dmeRuralZips, "dmeRuralZips");
      requireNonNull(asp, "asp");
    }

    /** The Physician Fee Schedule's files alone. */
    public CmsFiles(Optional<Path> rvu, Optional<Path> gpci, Optional<Path> oppsCap) {
      this(
          rvu,
          gpci,
          oppsCap,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }

    /** Tells whether no file was given. */
    public boolean isEmpty() {
      return rvu.isEmpty()
          && gpci.isEmpty()
          && oppsCap.isEmpty()
          && clfs.isEmpty()
          && dmepos.isEmpty()
          && dmeRuralZips.isEmpty()
          && asp.isEmpty();
    }

    /** Tells whether no Physician Fee Schedule file was given. */
    public boolean noPhysicianFeeScheduleFile() {
      return rvu.isEmpty() && gpci.isEmpty() && oppsCap.isEmpty();
    }
  }
}
