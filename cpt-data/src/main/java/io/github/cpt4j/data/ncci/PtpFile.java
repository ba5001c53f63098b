package io.github.cpt4j.data.ncci;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.data.csv.ReadFailure;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.RowMinimum;
import io.github.cpt4j.edit.ncci.NcciClaimType;
import io.github.cpt4j.edit.ncci.PtpTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CMS's National Correct Coding Initiative procedure-to-procedure (PTP) files as published:
 * the practitioner table ({@code ccipra-v<version>-f1.txt} to {@code -f4.txt}, parts of one table)
 * and the outpatient hospital table ({@code ccioph-...}), tab-separated text.
 *
 * <pre>{@code
 * PtpTable practitioner = PtpFile.read(
 *     Path.of("ccipra-v322r0-f1.txt"), Path.of("ccipra-v322r0-f2.txt"),
 *     Path.of("ccipra-v322r0-f3.txt"), Path.of("ccipra-v322r0-f4.txt"));
 * }</pre>
 *
 * <p>A file opens with a copyright line and a title, then a header wrapped over several rows
 * ({@code Column 1 | Column 2 | *=in existence prior to 1996 | Effective Date | Deletion Date *=no
 * data | Modifier 0=not allowed 1=allowed 9=not applicable | PTP Edit Rationale}); columns are
 * found by those names, not by position, and the rationale column may be absent (older layouts).
 * Where the header has it, every row has it too, empty or not, as in CMS's files: a row that ends
 * before it is refused as cut short. The rationale is Latin-1 text without control characters
 * (U+0000 to U+001F, U+007F to U+009F: CMS's have none), refused at its field. Dates are {@code
 * yyyymmdd}; a deletion date of {@code *} means none. A row that could never apply is refused as
 * damaged, not loaded as an edit: modifier indicator 9 on a row not deleted on its effective date
 * (CMS gives 9 only to an edit deleted retroactively, such as {@code 0001A 90473 20220101 20220101
 * 9}), and a code paired with itself.
 *
 * <p>Several files load into one table. The load is all-or-nothing: a malformed row fails it with a
 * {@link DataLoadException} naming the file, line, column and column name, and so does a part of
 * fewer than 10,000 rows, which looks cut short, unless its first line is the subset marker {@code
 * # cpt4j subset} (a deliberate extract, such as a test's). About two million rows (a quarter's
 * practitioner table) load in about a second into about 28 MiB.
 *
 * <p>The files' rows do not say which claims they are for; CMS's file names do: {@code ccipra} for
 * practitioner services, {@code ccioph} for outpatient hospital services. The table's {@link
 * PtpTable#claimType()} is the kind every part's name says; it is unstated when a part's name says
 * none (a renamed copy, a stream), and parts whose names say different kinds are refused together,
 * since the two tables pair different codes.
 *
 * <p>The release in CMS's names ({@code v322r0}: NCCI version 32.2, the third quarter of 2026) says
 * the table's quarter, its {@link PtpTable#effective()}: a line dated after that quarter is still
 * judged, with a flag saying that the edits CMS added since are not in the table. A name without a
 * release gives a table taken to know every date; one whose release is no quarter's ({@code
 * v324r0}) is refused.
 */
public final class PtpFile {

  /** CMS's kind of claims in the file name: {@code ccipra-v322r0-f1.txt}, {@code ccioph-...}. */
  private static final Pattern NAMED_TYPE = Pattern.compile("(?i)(?<![a-z])cci(pra|oph)(?![a-z])");

  /**
   * The release and part in CMS's file name: {@code v322r0} and {@code 1} in {@code
   * ccipra-v322r0-f1.txt}.
   */
  private static final Pattern NAMED_PART =
      Pattern.compile("(?i)(?<![a-z])cci(?:pra|oph)-(v\\d+r\\d+)(?:-f(\\d+))?(?![a-z0-9])");

  /**
   * The fewest rows of a part of a whole table: a quarter's practitioner table holds about two
   * million rows in four parts, so a part of fewer is a download cut short at a line ending, which
   * would leave the missing pairs unedited. A part marked {@code # cpt4j subset} on its first line
   * may hold any number.
   */
  static final int MIN_ROWS = 10_000;

  /** What the NCCI version adds to, to make its year: version 31 is 2025's, version 32 2026's. */
  private static final int FIRST_VERSION_YEAR = 1994;

  /** What a whole part holds, for the message. */
  private static final String WHOLE =
      "hundreds of thousands (a quarter's practitioner table: about two million rows in four parts)";

  private PtpFile() {}

  /**
   * Reads the files {@code parts} into one table.
   *
   * @param parts the files of one table: a PTP table is published in several parts
   * @return the edits of the file's parts
   * @throws DataLoadException if a file is not a PTP file or has a malformed row, the files' names
   *     say different claim types or releases, or a release that is no quarter's, or a file or part
   *     is given twice
   * @throws IOException if a file cannot be read
   */
  public static PtpTable read(Path... parts) throws IOException {
    requireNonNull(parts, "parts");
    return read(List.of(parts));
  }

  /**
   * Reads the files {@code parts} into one table.
   *
   * @param parts the files of one table: a PTP table is published in several parts
   * @return the edits of the file's parts
   * @throws DataLoadException if a file is not a PTP file or has a malformed row, the files' names
   *     say different claim types or releases, or a release that is no quarter's, a file or part is
   *     given twice, or there is no file
   * @throws IOException if a file cannot be read: a {@link java.nio.file.FileSystemException} whose
   *     {@link java.nio.file.FileSystemException#getFile() file} is the part that failed, an I/O
   *     error while reading it too, a directory or a path that names no file, a root, before any
   *     part is read
   */
  public static PtpTable read(List<Path> parts) throws IOException {
    // A copy, checked and read alike: the caller's list, changed between the checks and the reads
    // (by another thread), would have files read that were never checked.
    List<Path> files = new ArrayList<>(requireNonNull(parts, "parts"));
    if (files.isEmpty()) {
      throw new DataLoadException("PTP files", 0, 0, "no file given: expected at least one part");
    }
    long bytes = 0;
    for (Path part : files) {
      ReadFailure.requireFile(requireNonNull(part, "part"));
      bytes += Files.size(part);
    }
    Optional<NcciClaimType> claimType = claimTypeOf(files);
    checkOneRelease(files);
    LocalDate effective = effectiveOf(files);
    // About 80 bytes a row in CMS's files: size the builder once for every real table (about 2
    // million rows a quarter), no more. A bigger hint, taken from a huge wrong file's size before a
    // byte of it is read, took a gigabyte before the read refused the file; the builder grows.
    PtpTable.Builder builder = PtpTable.builder((int) Math.min(bytes / 64, 1 << 22));
    List<RowLines> lines = new ArrayList<>(files.size());
    List<PtpParser> parsers = new ArrayList<>(files.size());
    for (Path part : files) {
      try (InputStream in = Files.newInputStream(part)) {
        PtpParser parser = new PtpParser(in, nameOf(part), builder);
        parser.parse();
        lines.add(parser.rowLines());
        parsers.add(parser);
      } catch (IOException e) {
        // Which of the parts failed: an I/O error while reading names none.
        throw ReadFailure.naming(part, e);
      }
    }
    refuseOverlaps(builder, lines);
    for (PtpParser parser : parsers) {
      checkRows(parser);
    }
    PtpTable table = builder.build();
    table = claimType.isPresent() ? table.withClaimType(claimType.get()) : table;
    return effective == null ? table : table.withEffective(effective);
  }

  /**
   * Returns the claim type every part's name says, as {@link #read(List)} gives the table, without
   * reading the parts: a caller that needs one type can refuse the wrong table before the seconds a
   * whole table takes to load. Empty when a part's name says none (a renamed copy), or it has no
   * name (a root, which {@link #read(List)} refuses).
   *
   * @param parts the files of one table: a PTP table is published in several parts
   * @return the claim type the parts' names say, or empty
   * @throws DataLoadException if two parts' names say different kinds
   */
  public static Optional<NcciClaimType> claimTypeOf(List<Path> parts) throws DataLoadException {
    requireNonNull(parts, "parts");
    NcciClaimType common = null;
    String first = null;
    boolean unstated = false;
    for (Path part : parts) {
      String name = nameOf(part);
      NcciClaimType type = claimTypeOfName(name);
      if (type == null) {
        unstated = true;
      } else if (common == null) {
        common = type;
        first = name;
      } else if (type != common) {
        throw new DataLoadException(
            name,
            0,
            0,
            "the file name says "
                + type.words()
                + " but "
                + first
                + ", read with it, "
                + common.words()
                + ": the parts of one table are of one claim type (ccipra for practitioner,"
                + " ccioph for outpatient hospital services)");
      }
    }
    // A part that does not say could be of the other kind: the table does not claim one.
    return unstated ? Optional.empty() : Optional.ofNullable(common);
  }

  /**
   * Refuses parts of different releases, and one part given twice, as CMS's names tell them: the
   * parts of a quarter's table are read together, and a part of another quarter would mix its edits
   * in (deleted pairs still paired, new ones missing) without any row being malformed. Parts whose
   * names say no release (renamed copies) are not compared, but the same file twice is refused
   * whatever its name.
   */
  private static void checkOneRelease(List<Path> parts) throws DataLoadException {
    String release = null;
    String first = null;
    Set<String> seenParts = new HashSet<>();
    Set<Path> seenFiles = new HashSet<>();
    for (Path part : parts) {
      String name = nameOf(part);
      if (!seenFiles.add(part.toAbsolutePath().normalize())) {
        throw new DataLoadException(
            name, 0, 0, "the same file is given twice: its rows would be read twice");
      }
      Matcher named = NAMED_PART.matcher(name);
      if (!named.find()) {
        continue;
      }
      String thisRelease = named.group(1).toLowerCase(Locale.ROOT);
      if (release == null) {
        release = thisRelease;
        first = name;
      } else if (!release.equals(thisRelease)) {
        throw new DataLoadException(
            name,
            0,
            0,
            "the file name says release "
                + thisRelease
                + " but "
                + first
                + ", read with it, "
                + release
                + ": the parts of one table are of one quarter's release");
      }
      if (named.group(2) != null && !seenParts.add(named.group(2))) {
        throw new DataLoadException(
            name,
            0,
            0,
            "part f"
                + named.group(2)
                + " of release "
                + thisRelease
                + " is given twice: expected each part once (-f1, -f2...)");
      }
    }
  }

  /**
   * Refuses a pair whose rows overlap ({@link PtpTable.Builder#overlap}): the same pair twice in
   * force on a common day is a duplicated row, and with another modifier indicator a conflicting
   * one; the table would answer with one of them in silence. A withdrawn row never applies and
   * overlaps nothing. A pair may appear again with other dates: CMS deletes an edit and adds it
   * back later (the NCCI PTP files' effective and deletion dates). Both rows are named, by file and
   * line.
   */
  private static void refuseOverlaps(PtpTable.Builder builder, List<RowLines> files)
      throws DataLoadException {
    Optional<PtpTable.Builder.Overlap> overlap = builder.overlap();
    if (overlap.isEmpty()) {
      return;
    }
    PtpTable.Builder.Overlap rows = overlap.get();
    RowLines first = fileOf(files, rows.first());
    RowLines second = fileOf(files, rows.second());
    long firstLine = first.line(rows.first());
    long secondLine = second.line(rows.second());
    String where =
        first == second
            ? "on lines " + firstLine + " and " + secondLine
            : "on line "
                + firstLine
                + " of "
                + first.source()
                + " and line "
                + secondLine
                + " of "
                + second.source();
    throw new DataLoadException(
        second.source(),
        secondLine,
        0,
        "the pair "
            + rows.column1()
            + ", "
            + rows.column2()
            + " appears twice with overlapping dates, "
            + where
            + ": expected each pair once on any date (an edit deleted and added again has later"
            + " dates)");
  }

  /**
   * Refuses a part of implausibly few rows, unless it is a marked subset (see {@link #MIN_ROWS}).
   */
  private static void checkRows(PtpParser parser) throws DataLoadException {
    RowMinimum.check(
        parser.rowLines().source(), parser.isSubset(), parser.rows(), MIN_ROWS, "rows", WHOLE);
  }

  /**
   * The file name of {@code part}, which names it in errors and says its claim type and release;
   * empty for a root, whose name says neither, and which {@link #read(List)} refuses before it
   * reads a part ({@link ReadFailure#requireFile}).
   */
  private static String nameOf(Path part) {
    Path name = part.getFileName();
    return name == null ? "" : name.toString();
  }

  private static RowLines fileOf(List<RowLines> files, int row) {
    for (RowLines file : files) {
      if (file.holds(row)) {
        return file;
      }
    }
    throw new IllegalStateException("no file added row " + row);
  }

  /**
   * The first day of the quarter of the release the parts' names say, or null when none says one
   * (renamed copies). The parts that say one say the same ({@link #checkOneRelease}); a renamed
   * part beside them leaves the table that quarter's, as the named parts know no later edits.
   *
   * @throws DataLoadException if a release is not a quarter's
   */
  private static LocalDate effectiveOf(List<Path> parts) throws DataLoadException {
    for (Path part : parts) {
      LocalDate effective = effectiveOf(nameOf(part));
      if (effective != null) {
        return effective;
      }
    }
    return null;
  }

  /**
   * The first day of the quarter of the release in CMS's file name, or null when the name says none
   * (a renamed copy, a stream). CMS numbers a release by the NCCI version, a year's number and the
   * quarter's from 0, and the revision: {@code ccipra-v322r0-f1.txt} is version 32.2, revision 0,
   * in force from 2026-07-01. The version is one more each year: CMS's versions 31.2 and 31.3 took
   * effect on July 1 and October 1, 2025.
   *
   * @throws DataLoadException if the release's number has no quarter (a last digit above 3), no
   *     version before it, or a version of more than two digits
   */
  static LocalDate effectiveOf(String name) throws DataLoadException {
    Matcher named = NAMED_PART.matcher(name);
    if (!named.find()) {
      return null;
    }
    String release = named.group(1);
    String number = release.substring(1, release.toLowerCase(Locale.ROOT).indexOf('r'));
    int quarter = number.charAt(number.length() - 1) - '0' + 1;
    if (number.length() < 2 || number.length() > 3 || quarter > 4) {
      // A release read as no quarter, or as one decades away (v3222r0 would be 2316), would leave
      // the table judging every date without a flag. CMS's versions have one or two digits.
      throw new DataLoadException(
          name,
          0,
          0,
          "the file name's release "
              + release
              + " is not a quarter's: expected v, the version and the quarter from 0 to 3, r and"
              + " the revision, such as v322r0 (version 32.2, July to September 2026)");
    }
    int year = FIRST_VERSION_YEAR + Integer.parseInt(number.substring(0, number.length() - 1));
    return LocalDate.of(year, quarter * 3 - 2, 1);
  }

  /** The kind CMS's file name says ({@code ccipra-...}, {@code ccioph-...}), or null. */
  static NcciClaimType claimTypeOfName(String name) {
    Matcher named = NAMED_TYPE.matcher(name);
    if (!named.find()) {
      return null;
    }
    return named.group(1).equalsIgnoreCase("pra")
        ? NcciClaimType.PRACTITIONER
        : NcciClaimType.OUTPATIENT_HOSPITAL;
  }

  /**
   * Reads one PTP file from {@code in}, which is not closed, naming it {@code sourceName} in
   * errors. The table's claim type is the one {@code sourceName} says as CMS's file names do
   * ({@code ccipra-...}, {@code ccioph-...}), else unstated, and so is its quarter ({@code
   * ccipra-v322r0-f1.txt}: July to September 2026).
   *
   * @param in CMS's PTP edit file, as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @return the edits of the file's parts
   * @throws DataLoadException if it is not a PTP file or has a malformed row, or its name says a
   *     release that is no quarter's
   * @throws IOException if the stream cannot be read
   */
  public static PtpTable read(InputStream in, String sourceName) throws IOException {
    requireNonNull(in, "in");
    requireNonNull(sourceName, "sourceName");
    LocalDate effective = effectiveOf(sourceName);
    PtpTable.Builder builder = PtpTable.builder();
    PtpParser parser = new PtpParser(in, sourceName, builder);
    parser.parse();
    refuseOverlaps(builder, List.of(parser.rowLines()));
    checkRows(parser);
    NcciClaimType claimType = claimTypeOfName(sourceName);
    PtpTable table = builder.build();
    table = claimType == null ? table : table.withClaimType(claimType);
    return effective == null ? table : table.withEffective(effective);
  }
}
