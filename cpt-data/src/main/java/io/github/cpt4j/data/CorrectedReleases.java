package io.github.cpt4j.data;

import static io.github.cpt4j.data.CmsFileNames.where;

import io.github.cpt4j.data.CmsDirectory.CmsFile;
import io.github.cpt4j.data.CmsDirectory.Kind;
import io.github.cpt4j.data.CmsDirectory.Replacement;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.ReleasedDate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders a corrected re-release and the file it corrects, two relative value files of one release
 * or two quarterly files (CLFS, DMEPOS, DMEPOS rural ZIP, ASP) of one quarter, by the rules of the
 * section on corrected re-releases of {@link CmsDirectory}: CMS publishes a correction with the
 * same file names inside, so the two are told apart by the {@code RELEASED} date of their title
 * rows, then by a date in their paths, then by a correction marker in one path only; two copies of
 * the same bytes are one file. Two CLFS files that both carry CMS's version number ({@code
 * CLFS_2025_Q1V2.csv}) are ordered by it first.
 */
final class CorrectedReleases {

  private static final Pattern PATH_DATE_US =
      Pattern.compile("(?<!\\d)(\\d{2})[-_.](\\d{2})[-_.](\\d{4})(?!\\d)");
  private static final Pattern PATH_DATE_ISO =
      Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
  // Whole words only: "updates/" or "unrevised" is no marker.
  private static final Pattern CORRECTION_MARKER =
      Pattern.compile(
          "(?<![A-Z])(?:UPDATED?|CORRECTED|CORRECTION|REVISED)(?![A-Z])|RVU\\d{2}[A-D]R(?![A-Z])");

  private CorrectedReleases() {}

  /** What tells a re-release from the file it corrects; null where a file does not say. */
  private record Version(LocalDate released, LocalDate pathDate, String marker) {}

  private static Version version(Path directory, CmsFile file, int sharedFolders)
      throws IOException {
    byte[] head = CmsFileNames.head(file.path());
    LocalDate released =
        ReleasedDate.find(
                new String(head, StandardCharsets.ISO_8859_1),
                (offset, message) ->
                    new DataLoadException(
                        where(directory, file.path()),
                        lineAt(head, offset),
                        columnAt(head, offset),
                        message))
            .orElse(null);
    // Only the part of the path below the folders both files share: a date or a marker there
    // ("downloads/updates/") says nothing about which of the two is the correction.
    Path relative = directory.relativize(file.path());
    String path =
        relative
            .subpath(sharedFolders, relative.getNameCount())
            .toString()
            .toUpperCase(Locale.ROOT);
    LocalDate pathDate = null;
    Matcher us = PATH_DATE_US.matcher(path);
    Matcher iso = PATH_DATE_ISO.matcher(path);
    if (us.find()) {
      pathDate = date(us.group(3), us.group(1), us.group(2));
    } else if (iso.find()) {
      pathDate = date(iso.group(1), iso.group(2), iso.group(3));
    }
    Matcher marker = CORRECTION_MARKER.matcher(path);
    return new Version(released, pathDate, marker.find() ? marker.group() : null);
  }

  /**
   * The line, from 1, of the byte at {@code offset}: a line ends at LF, CRLF or a bare CR (as in
   * CMS's July 2025 relative value file).
   */
  static long lineAt(byte[] bytes, int offset) {
    long line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n'
          || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }

  /**
   * The column, from 1, of the byte at {@code offset}: the number of its field in its CSV record,
   * as the loaders number a cell ({@code RELEASED} in the third field of CMS's title block is
   * column 3). A comma or a line end inside quotes separates nothing; a doubled quote inside quotes
   * is one quote, closing and reopening alike.
   */
  static int columnAt(byte[] bytes, int offset) {
    int column = 1;
    boolean quoted = false;
    for (int i = 0; i < offset; i++) {
      byte b = bytes[i];
      if (b == '"') {
        quoted = !quoted;
      } else if (!quoted && b == ',') {
        column++;
      } else if (!quoted && (b == '\n' || b == '\r')) {
        column = 1;
      }
    }
    return column;
  }

  /** Returns the date, or null when the digits are not one (a path may hold other numbers). */
  private static LocalDate date(String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /**
   * Returns which of two files of one kind and period (a release, or a quarter) replaces the other,
   * or fails naming both when nothing orders them.
   */
  static Replacement later(Path directory, CmsFile a, CmsFile b) throws IOException {
    // CMS numbers a quarter's CLFS files (CLFS_2025_Q1V1.csv, then V2): the higher is the later,
    // V10 after V9. Without a number on both, the rules below decide.
    if (a.kind() == Kind.CLFS && !a.variant().isEmpty() && !b.variant().isEmpty()) {
      int order = CmsFileNames.compareVersions(a.variant(), b.variant());
      if (order != 0) {
        boolean bLater = order < 0;
        CmsFile early = bLater ? a : b;
        CmsFile late = bLater ? b : a;
        return replacement(
            a, b, bLater, "version " + late.variant() + ", after " + early.variant());
      }
    }
    int shared = sharedFolders(directory.relativize(a.path()), directory.relativize(b.path()));
    Version va = version(directory, a, shared);
    Version vb = version(directory, b, shared);
    if (va.released() != null && vb.released() != null && !va.released().equals(vb.released())) {
      boolean bLater = vb.released().isAfter(va.released());
      LocalDate early = bLater ? va.released() : vb.released();
      LocalDate late = bLater ? vb.released() : va.released();
      return replacement(
          a, b, bLater, "released " + late + ", after " + early + " (RELEASED in the title rows)");
    }
    if (va.pathDate() != null && vb.pathDate() != null && !va.pathDate().equals(vb.pathDate())) {
      boolean bLater = vb.pathDate().isAfter(va.pathDate());
      LocalDate early = bLater ? va.pathDate() : vb.pathDate();
      LocalDate late = bLater ? vb.pathDate() : va.pathDate();
      return replacement(a, b, bLater, "its name is dated " + late + ", the other's " + early);
    }
    boolean aMarked = va.marker() != null || va.pathDate() != null;
    boolean bMarked = vb.marker() != null || vb.pathDate() != null;
    if (aMarked != bMarked) {
      Version v = bMarked ? vb : va;
      String why = v.marker() != null ? "its name says " + mark(v) : "its name is " + mark(v);
      return replacement(a, b, bMarked, why + ", the other's does not");
    }
    if (Files.mismatch(a.path(), b.path()) == -1) {
      // The same download unpacked twice: either copy prices alike, so one is read, not refused.
      return new Replacement(a, b, "the same bytes as the other, so either copy prices alike");
    }
    boolean rvu = b.kind() == Kind.RVU;
    String why =
        aMarked
            ? "no different RELEASED date in their title rows and no different date in their"
                + " names, and both names are marked as corrections ("
                + mark(va)
                + ", "
                + mark(vb)
                + ")"
            : "no different RELEASED date in their title rows, no different date in their"
                + " names, and no correction marker such as 'updated' or "
                + (rvu
                    ? "RVU" + (b.year() % 100) + (char) ('A' + (b.month() - 1) / 3) + "R"
                    : "'revised'")
                + " in one name only";
    throw new DataLoadException(
        where(directory, b.path()),
        0,
        0,
        "two "
            + CmsDirectory.words(b.kind())
            + " files of "
            + (rvu ? "release " : "")
            + CmsDirectory.periodId(b)
            + " cannot be ordered: "
            + directory.relativize(a.path())
            + " and "
            + directory.relativize(b.path())
            + " ("
            + why
            + "); remove the one that was corrected");
  }

  /** How a path marks its file as a correction, in words: its marker, else its date. */
  private static String mark(Version v) {
    return v.marker() != null
        ? (v.marker().startsWith("RVU") ? v.marker() : v.marker().toLowerCase(Locale.ROOT))
        : "dated " + v.pathDate();
  }

  /** The number of leading folders two relative paths share (their file names never count). */
  private static int sharedFolders(Path a, Path b) {
    int folders = Math.min(a.getNameCount(), b.getNameCount()) - 1;
    int shared = 0;
    while (shared < folders && a.getName(shared).equals(b.getName(shared))) {
      shared++;
    }
    return shared;
  }

  private static Replacement replacement(CmsFile a, CmsFile b, boolean bLater, String reason) {
    return bLater ? new Replacement(b, a, reason) : new Replacement(a, b, reason);
  }
}
