package io.github.cpt4j.data.medicare;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.csv.ReadFailure;
import io.github.cpt4j.data.csv.TextStart;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Cells;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.EndOfFileMark;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.data.table.RowMinimum;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads CMS's anesthesia base unit file ({@code CY2022_Anesthesia_Base_Units.txt} and later
 * editions) as published: tab-separated, a header of three rows ({@code CODE} and the year, then
 * {@code BASE}, then {@code UNIT}, in the second column), then one row per code: the code and its
 * base units. The edition ({@code "CY 2022"}) comes from the year in the first header row.
 *
 * <p>All-or-nothing, with file, line and column in every error: a code outside 00100-01999, a code
 * twice, units that are not a whole number from 0 to 99. A file of fewer than 100 codes is refused
 * as cut short, unless its first line is the subset marker {@value CmsSubset#MARKER} (see {@link
 * CmsSubset}), which marks a deliberate extract.
 *
 * <pre>{@code
 * AnesthesiaBaseUnits units = AnesthesiaBaseUnitFile.read(Path.of("CY2025_Anesthesia_Base_Units.txt"));
 * units.edition();   // "CY 2025"
 * }</pre>
 */
public final class AnesthesiaBaseUnitFile {

  /**
   * The fewest codes of a whole file (see {@link CmsSubset}): CMS's CY 2022 edition lists 276, and
   * a year's about 280. A file of fewer is cut short, unless its first line marks it a subset.
   */
  static final int MIN_CODES = 100;

  /** The file is a few kilobytes: a megabyte is surely something else. */
  private static final int MAX_BYTES = 1 << 20;

  private AnesthesiaBaseUnitFile() {}

  /**
   * Reads the file at {@code path}.
   *
   * @param path the file: CMS's anesthesia base unit file
   * @return the base units of the file's edition
   * @throws DataLoadException if the content is not an anesthesia base unit file
   * @throws IOException if the file cannot be read
   */
  public static AnesthesiaBaseUnits read(Path path) throws IOException {
    requireNonNull(path, "path");
    String source = ReadFailure.requireFile(path);
    try (InputStream in = Files.newInputStream(path)) {
      return parse(text(in, source), source);
    } catch (IOException e) {
      throw ReadFailure.naming(path, e);
    }
  }

  /**
   * Reads the file from {@code in}, which is not closed, naming it {@code sourceName} in errors.
   *
   * @param in CMS's anesthesia base unit file, as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @return the base units of the file's edition
   * @throws DataLoadException if the content is not an anesthesia base unit file
   * @throws IOException if the stream cannot be read
   */
  public static AnesthesiaBaseUnits read(InputStream in, String sourceName) throws IOException {
    requireNonNull(in, "in");
    return parse(text(in, requireNonNull(sourceName, "sourceName")), sourceName);
  }

  /** Reads the whole file, at most {@link #MAX_BYTES}: the wrong file must not fill the heap. */
  private static String text(InputStream in, String source) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new DataLoadException(
          source,
          0,
          0,
          "larger than "
              + MAX_BYTES
              + " bytes; expected CMS's anesthesia base unit file, which is far smaller");
    }
    refuseWideText(bytes, source);
    // The edition may come zipped, or as a PDF: read as text, either was blamed on a last line
    // cut short or a header not found. Refused at line 1, as every CMS loader refuses them.
    Optional<String> document =
        TextStart.notText(
            bytes, bytes.length, "CMS's anesthesia base unit file", "tab-separated text");
    if (document.isPresent()) {
      throw new DataLoadException(source, 1, 1, document.get());
    }
    // A UTF-8 byte order mark, as a spreadsheet or editor saves it: decoded byte by byte it was
    // three characters before CODE, and the file was refused as not having the header.
    int start = TextStart.hasUtf8Mark(bytes, bytes.length) ? TextStart.UTF8_MARK_LENGTH : 0;
    return new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
  }

  /**
   * Refuses UTF-16 or UTF-32 text, with or without a byte order mark: decoded byte by byte, its
   * first line was CODE with a NUL after each letter, and the error quoted that line as a header it
   * did not recognise, far from the cause (the file saved as "Unicode text").
   */
  private static void refuseWideText(byte[] bytes, String source) throws DataLoadException {
    Optional<String> mark = TextStart.byteOrderMark(bytes, bytes.length);
    if (mark.isPresent()) {
      throw new DataLoadException(
          source,
          1,
          1,
          "the file is "
              + mark.get().substring(0, "UTF-16".length())
              + " (it starts with a "
              + mark.get()
              + " byte order mark): expected CMS's anesthesia base unit file, tab-separated text"
              + " in a one-byte encoding (save it as text, not Unicode text)");
    }
    if (TextStart.hasNulAtStart(bytes, bytes.length)) {
      throw new DataLoadException(
          source,
          1,
          1,
          "the file starts with NUL bytes: expected CMS's anesthesia base unit file as text in a"
              + " one-byte encoding ("
              + TextStart.wideWithoutMark(bytes, bytes.length).orElse("UTF-16 or UTF-32")
              + " without a byte order mark, or not a text file)");
    }
  }

  private static AnesthesiaBaseUnits parse(String text, String source) throws DataLoadException {
    requireNonNull(source, "sourceName");
    String[] lines = text.split("\r\n|\r|\n", -1);
    // Every line of the file ends with CRLF: a last line without an ending is a download cut
    // short, whose last base unit would load cut (15 read as 1). A DOS end-of-file mark is no line.
    String last = lines[lines.length - 1];
    if (!last.isBlank() && !EndOfFileMark.isMarkLine(last)) {
      int mark = last.indexOf(EndOfFileMark.MARK);
      if (mark >= 0) {
        // The mark ends the file, but is no line ending; text after it is past the file's end.
        int field = (int) last.substring(0, mark).chars().filter(c -> c == '\t').count() + 1;
        throw last.substring(mark).replace(EndOfFileMark.MARK, ' ').isBlank()
            ? EndOfFileMark.unendedBefore(
                source, lines.length, field, "CMS's anesthesia base unit file")
            : EndOfFileMark.textAfter(source, lines.length, field);
      }
      throw new DataLoadException(
          source,
          lines.length,
          0,
          "the last line has no line ending: the file looks cut short (every line of CMS's"
              + " anesthesia base unit file ends with one)");
    }
    String edition = null;
    boolean subset = false;
    Map<ProcedureCode, Integer> units = new LinkedHashMap<>();
    Map<ProcedureCode, Integer> lineOf = new LinkedHashMap<>();
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      if (EndOfFileMark.isMarkLine(line)) {
        // The end of the data: a row after it is refused, else the mark is the last line read.
        for (int after = i + 1; after < lines.length; after++) {
          if (!lines[after].isBlank() && !EndOfFileMark.isMarkLine(lines[after])) {
            throw EndOfFileMark.rowAfter(source, number, after + 1);
          }
        }
        break;
      }
      if (i == 0 && CsvTable.isSubsetMarker(line)) {
        // A deliberate extract, as the other loaders read it: only the first line, and not data.
        subset = true;
        continue;
      }
      String[] fields = line.split("\t", -1);
      String first = Cells.withoutBlanks(fields[0]);
      if (edition == null) {
        // As every header is read: a no-break or other Unicode space is a blank.
        if (!Header.normalize(fields[0]).equals("CODE") || fields.length < 2) {
          throw new DataLoadException(
              source,
              number,
              1,
              "expected the header of CMS's anesthesia base unit file, CODE<TAB>year, not "
                  + CodeFormatException.quote(line));
        }
        String year = Header.normalize(fields[1]);
        if (!year.matches("(19|20)\\d\\d")) {
          throw new DataLoadException(
              source,
              number,
              2,
              "expected the edition's year after CODE, not " + CodeFormatException.quote(year));
        }
        edition = "CY " + year;
        continue;
      }
      if (first.isEmpty()) {
        // The header's BASE and UNIT rows: their first column is empty. A row of units with an
        // empty first column is a code lost, not a header row: skipped, the code would go missing
        // from the table in silence.
        if (fields.length > 1 && isOneOrTwoDigits(Cells.withoutBlanks(fields[1]))) {
          throw new DataLoadException(
              source,
              number,
              1,
              "base units without their code: expected an anesthesia code such as 00790 before"
                  + " the tab, found "
                  + CodeFormatException.quote(line));
        }
        continue;
      }
      if (fields.length < 2) {
        throw new DataLoadException(
            source,
            number,
            1,
            "expected a code, a tab and its base units, not " + CodeFormatException.quote(line));
      }
      ProcedureCode code;
      try {
        code = ProcedureCode.parse(first);
      } catch (CodeFormatException e) {
        String zeros = Cells.droppedZeros(first, 5);
        throw new DataLoadException(
            source,
            number,
            1,
            "expected an anesthesia code such as 00790"
                + (zeros.isEmpty()
                    ? ": " + e.getMessage()
                    // 00100 saved by a spreadsheet as 100: the length is not the problem to name.
                    : zeros + ", found " + CodeFormatException.quote(first)));
      }
      if (!AnesthesiaBaseUnits.isAnesthesiaCode(code)) {
        throw new DataLoadException(
            source, number, 1, code + " is not an anesthesia code (00100-01999)");
      }
      for (int extra = 2; extra < fields.length; extra++) {
        // 00102<TAB>1<TAB>5, a value split by a stray tab, would load as 1 base unit.
        if (!Cells.withoutBlanks(fields[extra]).isEmpty()) {
          throw new DataLoadException(
              source,
              number,
              extra + 1,
              "expected a code, a tab and its base units, found "
                  + fields.length
                  + " tab-separated fields in "
                  + CodeFormatException.quote(line));
        }
      }
      String value = Cells.withoutBlanks(fields[1]);
      if (!isOneOrTwoDigits(value)) {
        throw new DataLoadException(
            source,
            number,
            2,
            "expected base units, a whole number 0-99, not " + CodeFormatException.quote(value));
      }
      Integer previous = lineOf.putIfAbsent(code, number);
      if (previous != null) {
        throw new DataLoadException(
            source, number, 1, code + " appears twice, on lines " + previous + " and " + number);
      }
      units.put(code, Integer.parseInt(value));
    }
    if (edition == null) {
      throw new DataLoadException(source, 0, 0, "empty: expected CMS's anesthesia base units");
    }
    if (units.isEmpty()) {
      throw new DataLoadException(
          source, 0, 0, "no codes after the header: expected a code and its base units per line");
    }
    RowMinimum.check(
        source, subset, units.size(), MIN_CODES, "codes", "about 280 (276 in the CY 2022 edition)");
    return AnesthesiaBaseUnits.of(edition, units);
  }

  /**
   * Tells whether {@code value} is one or two ASCII digits, as {@code value.matches("\\d{1,2}")}
   * did without compiling a regular expression per row (once per code at every start that loads the
   * bundled anesthesia base units).
   */
  static boolean isOneOrTwoDigits(String value) {
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return n == 1 || n == 2;
  }
}
