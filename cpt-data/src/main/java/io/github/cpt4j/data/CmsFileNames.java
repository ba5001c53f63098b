package io.github.cpt4j.data;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.data.CmsDirectory.CmsFile;
import io.github.cpt4j.data.CmsDirectory.Kind;
import io.github.cpt4j.data.csv.ReadFailure;
import io.github.cpt4j.data.load.DataLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Recognises CMS files by their names, as CMS publishes them (the table of {@link CmsDirectory}):
 * finds them under a directory with the kind, year, month and variant their names give, checks a
 * relative value file's name against its title row, and tells copies of them apart. Names are
 * matched in capitals, whatever their case on disk. Kept apart from the loading, so that the rules
 * for names read in one place; it also holds what the loading shares with them, a file's title
 * bytes and its name in errors.
 */
final class CmsFileNames {

  private static final Pattern RVU =
      Pattern.compile("PPRRVU(\\d{2}|\\d{4})_(JAN|APR|JUL|OCT)(?:_(QPP|NONQPP))?(?:[-_].*)?\\.CSV");
  private static final Pattern GPCI =
      Pattern.compile("GPCI(\\d{4})(?:_(JAN|APR|JUL|OCT))?(?:[-_].*)?\\.CSV");
  private static final Pattern ANES = Pattern.compile("ANES(\\d{4})(?:[-_].*)?\\.CSV");
  private static final Pattern OPPS = Pattern.compile("OPPSCAP_(JAN|APR|JUL|OCT)(?:[-_].*)?\\.CSV");
  private static final Pattern ZIP =
      Pattern.compile("ZIP5_(JAN|APR|JUL|OCT)(\\d{4})(?:[-_].*)?\\.TXT");
  private static final Pattern BASE_UNITS =
      Pattern.compile("CY(\\d{4})_ANESTHESIA_BASE_UNITS(?:[-_].*)?\\.TXT");
  // CMS's lab fee schedule download names its CSV file with spaces, "CLFS 2025 Q1V1.csv".
  private static final Pattern CLFS =
      Pattern.compile("CLFS[_ ](\\d{4})[_ ]Q([1-4])(?:V(\\d+))?(?:[-_].*)?\\.CSV");
  private static final Pattern DMEPOS =
      Pattern.compile("DMEPOS_(\\d{4})_(JAN|APR|JUL|OCT)(?:[-_].*)?\\.CSV");
  private static final Pattern DME_RURAL =
      Pattern.compile("DME_RURAL_ZIP_(\\d{4})_Q([1-4])(?:[-_].*)?\\.CSV");
  private static final Pattern ASP =
      Pattern.compile("ASP_(\\d{4})_(JAN|APR|JUL|OCT)(?:[-_].*)?\\.CSV");

  /**
   * The mark a browser or file manager adds to the name of a second copy of a file, before its
   * extension: {@code " (1)"}, {@code " - Copy"}, {@code " - Copy (2)"}, {@code " copy"}, {@code "
   * copy 2"}; in capitals, as names are matched.
   */
  private static final Pattern COPY =
      Pattern.compile("(.+?)(?: \\(\\d+\\)| - COPY(?: \\(\\d+\\))?| COPY(?: \\d+)?)(\\.[A-Z0-9]+)");

  // Any month, not only a quarter's: a title naming February under a January name is refused here,
  // where the loader alone would read it as a release of February and narrow its dates.
  private static final Pattern RVU_TITLE =
      Pattern.compile(
          "(\\d{4}) National Physician Fee Schedule Relative Value File ("
              + "January|February|March|April|May|June|July|August|September|October|November"
              + "|December)\\b",
          Pattern.CASE_INSENSITIVE);

  private CmsFileNames() {}

  /** The recognised files under a directory, and the copies of recognised files. */
  record Found(List<CmsFile> files, List<Path> copies) {}

  /**
   * Returns the recognised files under {@code directory}, sorted by kind, year, month and name, and
   * the copies of recognised files, by path; refuses what {@link CmsDirectory#scan} says it
   * refuses.
   */
  // One if-chain over the file-name patterns, each branch reading its own match, reads best with
  // the match assigned in its condition.
  @SuppressWarnings("AssignmentExpression")
  static Found find(Path directory) throws IOException {
    if (!Files.isDirectory(requireNonNull(directory, "directory"))) {
      throw new DataLoadException(directory.toString(), 0, 0, "not a directory");
    }
    List<Path> walked;
    // Links followed: a directory of CMS files is often a link to where the downloads are, or holds
    // links to them; not followed, those files were left out without a word.
    try (Stream<Path> walk =
        Files.walk(directory, CmsDirectory.MAX_DEPTH, FileVisitOption.FOLLOW_LINKS)) {
      walked = walk.toList();
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof FileSystemLoopException loop) {
        throw new DataLoadException(
            where(directory, Path.of(loop.getFile())),
            0,
            0,
            "a symbolic link leads back to a directory that contains it");
      }
      throw e.getCause();
    }
    for (Path path : walked) {
      if (path.equals(directory)
          || !isRecognised(path.getFileName().toString().toUpperCase(Locale.ROOT))) {
        continue;
      }
      if (Files.isSymbolicLink(path) && !Files.exists(path)) {
        // Its period would be missing, and priced by no file or refused far from the cause.
        throw new DataLoadException(
            where(directory, path),
            0,
            0,
            "a symbolic link to " + Files.readSymbolicLink(path) + ", which does not exist");
      }
      if (!Files.isRegularFile(path)) {
        // A directory or named pipe in a file's place: left out, its period was priced by
        // another year's file, refused for a missing file, or (ZIP5) by the bundled table.
        throw new DataLoadException(where(directory, path), 0, 0, "not a regular file");
      }
    }
    List<Path> paths = walked.stream().filter(Files::isRegularFile).sorted().toList();
    // The year of an OPPSCAP file is that of the relative value files beside it.
    Map<Path, Integer> rvuYears = new HashMap<>();
    List<CmsFile> found = new ArrayList<>();
    List<Path> copies = new ArrayList<>();
    List<Path> caps = new ArrayList<>();
    for (Path path : paths) {
      String name = path.getFileName().toString().toUpperCase(Locale.ROOT);
      Matcher m;
      if (isCopy(name)) {
        // A browser saves a second download of PPRRVU2025_Oct.csv as "PPRRVU2025_Oct (1).csv":
        // which of the two is meant cannot be told, and "_QPP (1)" read as text after the name
        // made a QPP file a plain one. Listed, never read.
        copies.add(path);
      } else if ((m = RVU.matcher(name)).matches()) {
        int year = year(m.group(1));
        int month = month(m.group(2));
        checkRvuTitle(directory, path, year, month);
        String variant = m.group(3) == null ? "" : m.group(3).equals("QPP") ? "QPP" : "nonQPP";
        found.add(new CmsFile(path, Kind.RVU, year, month, variant));
        rvuYears.merge(path.getParent(), year, (a, b) -> a.equals(b) ? a : -1);
      } else if ((m = GPCI.matcher(name)).matches()) {
        found.add(
            new CmsFile(
                path, Kind.GPCI, year(m.group(1)), m.group(2) == null ? 1 : month(m.group(2)), ""));
      } else if ((m = ANES.matcher(name)).matches()) {
        found.add(new CmsFile(path, Kind.ANESTHESIA_CF, year(m.group(1)), 1, ""));
      } else if ((m = ZIP.matcher(name)).matches()) {
        found.add(new CmsFile(path, Kind.ZIP5, year(m.group(2)), month(m.group(1)), ""));
      } else if ((m = BASE_UNITS.matcher(name)).matches()) {
        found.add(new CmsFile(path, Kind.ANESTHESIA_BASE_UNITS, year(m.group(1)), 1, ""));
      } else if ((m = CLFS.matcher(name)).matches()) {
        found.add(
            new CmsFile(
                path,
                Kind.CLFS,
                year(m.group(1)),
                quarterMonth(m.group(2)),
                m.group(3) == null ? "" : "V" + m.group(3)));
      } else if ((m = DMEPOS.matcher(name)).matches()) {
        found.add(new CmsFile(path, Kind.DMEPOS, year(m.group(1)), month(m.group(2)), ""));
      } else if ((m = DME_RURAL.matcher(name)).matches()) {
        found.add(
            new CmsFile(path, Kind.DME_RURAL_ZIP, year(m.group(1)), quarterMonth(m.group(2)), ""));
      } else if ((m = ASP.matcher(name)).matches()) {
        found.add(new CmsFile(path, Kind.ASP, year(m.group(1)), month(m.group(2)), ""));
      } else if (OPPS.matcher(name).matches()) {
        caps.add(path);
      }
    }
    for (Path path : caps) {
      Matcher m = OPPS.matcher(path.getFileName().toString().toUpperCase(Locale.ROOT));
      m.matches();
      Integer year = rvuYears.get(path.getParent());
      if (year == null || year < 0) {
        throw new DataLoadException(
            where(directory, path),
            0,
            0,
            "an OPPS cap file names no year: put it beside the relative value files of its"
                + " release (one year per directory)");
      }
      found.add(new CmsFile(path, Kind.OPPS_CAP, year, month(m.group(1)), ""));
    }
    found.sort(
        Comparator.comparing(CmsFile::kind)
            .thenComparingInt(CmsFile::year)
            .thenComparingInt(CmsFile::month)
            .thenComparing(CmsFile::name));
    return new Found(found, copies);
  }

  /**
   * Tells whether a file of this name, in capitals, is one {@link CmsDirectory#scan} recognises.
   */
  private static boolean isRecognised(String name) {
    for (Pattern pattern :
        List.of(RVU, GPCI, ANES, ZIP, BASE_UNITS, CLFS, DMEPOS, DME_RURAL, ASP, OPPS)) {
      if (pattern.matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether a file of this name, in capitals, is a copy of a recognised file: its name with a
   * copy's mark, or several ({@code GPCI2025 (1) (1).csv}), taken off is recognised.
   */
  private static boolean isCopy(String name) {
    String base = name;
    for (Matcher m = COPY.matcher(base); m.matches(); m = COPY.matcher(base)) {
      base = m.group(1) + m.group(2);
      if (isRecognised(base)) {
        return true;
      }
    }
    return false;
  }

  private static void checkRvuTitle(Path directory, Path path, int year, int month)
      throws IOException {
    byte[] head = head(path);
    Matcher title = RVU_TITLE.matcher(new String(head, StandardCharsets.ISO_8859_1));
    if (title.find()) {
      int titleYear = Integer.parseInt(title.group(1));
      int titleMonth = Month.valueOf(title.group(2).toUpperCase(Locale.ROOT)).getValue();
      if (titleYear != year || titleMonth != month) {
        // On the title's own line: below a subset marker or blank lines it is not the first.
        throw new DataLoadException(
            where(directory, path),
            CorrectedReleases.lineAt(head, title.start()),
            CorrectedReleases.columnAt(head, title.start()),
            "the name says the "
                + year
                + " release of month "
                + month
                + ", the title row says "
                + CodeFormatException.quote(title.group()));
      }
    }
  }

  private static int year(String digits) {
    int value = Integer.parseInt(digits);
    return digits.length() == 2 ? 2000 + value : value;
  }

  /** Returns the first month of quarter {@code digit} (1 to 4): 1, 4, 7 or 10. */
  private static int quarterMonth(String digit) {
    return (Integer.parseInt(digit) - 1) * 3 + 1;
  }

  private static int month(String abbreviation) {
    return switch (abbreviation) {
      case "JAN" -> 1;
      case "APR" -> 4;
      case "JUL" -> 7;
      case "OCT" -> 10;
      default -> throw new IllegalArgumentException(abbreviation);
    };
  }

  /**
   * Orders the version numbers of CLFS file names ({@code V1}, {@code V10}) as people number
   * versions: runs of digits by their value ({@code V10} after {@code V9}, which plain string order
   * puts before {@code V2}), the rest by character. Only versions: whole names are ordered by the
   * rules of a corrected re-release ({@link CorrectedReleases}), where by character a {@code -} (as
   * in {@code ASP_2025_JAN-revised.csv}) sorts before the {@code .} of the original's extension.
   */
  static int compareVersions(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int endA = i;
        while (endA < a.length() && Character.isDigit(a.charAt(endA))) {
          endA++;
        }
        int endB = j;
        while (endB < b.length() && Character.isDigit(b.charAt(endB))) {
          endB++;
        }
        String numberA = a.substring(i, endA).replaceFirst("^0+(?=.)", "");
        String numberB = b.substring(j, endB).replaceFirst("^0+(?=.)", "");
        int order =
            numberA.length() != numberB.length()
                ? Integer.compare(numberA.length(), numberB.length())
                : numberA.compareTo(numberB);
        if (order != 0) {
          return order;
        }
        i = endA;
        j = endB;
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** The first bytes of {@code path}, where its title rows are. */
  static byte[] head(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      // As much as a long subset line before the title needs.
      return in.readNBytes(2048);
    } catch (IOException e) {
      throw ReadFailure.naming(path, e);
    }
  }

  /** The path of {@code file} in {@code directory}, as errors name a file of the directory. */
  static String where(Path directory, Path file) {
    return directory.relativize(file).toString();
  }
}
