package io.github.cpt4j.data.table;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.data.load.DataLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * All records of a CSV source, read at once so that a loader can find its header anywhere and
 * report every error with the source name and line.
 *
 * <p>CMS files are read as ISO-8859-1: every byte is a character, so decoding never fails, and the
 * only non-ASCII text in them is in descriptions, which the loaders never keep. A UTF-8 byte-order
 * mark at the start (read as ISO-8859-1, or as a decoded U+FEFF) is skipped, so that a file saved
 * by a spreadsheet program still has its header in the first cell.
 */
public final class CsvTable {

  /** Ctrl-Z, which ended text files under DOS. */
  private static final char DOS_END_OF_FILE = 0x1A;

  private final String sourceName;
  private final List<CsvRecord> records;

  private CsvTable(String sourceName, List<CsvRecord> records) {
    this.sourceName = sourceName;
    this.records = records;
  }

  /** Returns the name of the source, for errors. */
  public String sourceName() {
    return sourceName;
  }

  /**
   * Returns every record, blank lines excepted, in order; a DOS end-of-file line (0x1A) at the very
   * end is not a record.
   */
  public List<CsvRecord> records() {
    return records;
  }

  /** Reads all records of the file at {@code path}, named by its file name in errors. */
  public static CsvTable read(Path path) throws IOException {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
      return read(reader, path.getFileName().toString());
    }
  }

  /** Reads all records of {@code in} (not closed), named {@code sourceName} in errors. */
  public static CsvTable read(InputStream in, String sourceName) throws IOException {
    return read(new InputStreamReader(in, StandardCharsets.ISO_8859_1), sourceName);
  }

  /** Reads all records of {@code reader} (not closed), named {@code sourceName} in errors. */
  public static CsvTable read(Reader reader, String sourceName) throws IOException {
    reader = withoutByteOrderMark(reader);
    List<CsvRecord> records = new ArrayList<>();
    CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .allowExtraFields(true)
            .allowMissingFields(true)
            .skipEmptyLines(true)
            .ofCsvRecord(reader);
    long line = 0;
    try {
      for (CsvRecord record : csv) {
        line = record.getStartingLineNumber();
        records.add(record);
      }
    } catch (CsvParseException e) {
      throw new DataLoadException(
          sourceName, line + 1, 0, "not readable as CSV: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (!records.isEmpty() && isEndOfFileMarker(records.get(records.size() - 1))) {
      records.remove(records.size() - 1);
    }
    return new CsvTable(sourceName, records);
  }

  /**
   * Tells whether {@code record} is a DOS end-of-file line: the character 0x1A (Ctrl-Z) alone,
   * followed by empty fields. CMS's relative value and OPPS cap files of releases A to C of 2025
   * end with one; it is dropped when it is the last line, and nowhere else.
   */
  static boolean isEndOfFileMarker(CsvRecord record) {
    String first = record.getField(0).strip();
    if (first.length() != 1 || first.charAt(0) != DOS_END_OF_FILE) {
      return false;
    }
    for (int i = 1; i < record.getFieldCount(); i++) {
      if (!record.getField(i).isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Returns {@code reader} positioned after a byte-order mark, if it starts with one. */
  private static Reader withoutByteOrderMark(Reader reader) throws IOException {
    PushbackReader in = new PushbackReader(reader, 3);
    char[] start = new char[3];
    int n = 0;
    while (n < 3) {
      int read = in.read(start, n, 3 - n);
      if (read < 0) {
        break;
      }
      n += read;
    }
    boolean decodedMark = n >= 1 && start[0] == '\uFEFF';
    boolean latin1Mark =
        n == 3 && start[0] == '\u00EF' && start[1] == '\u00BB' && start[2] == '\u00BF';
    int skip = decodedMark ? 1 : latin1Mark ? 3 : 0;
    if (n > skip) {
      in.unread(start, skip, n - skip);
    }
    return in;
  }

  /** Tells whether every field of {@code record} is blank. */
  public static boolean isBlank(CsvRecord record) {
    for (int i = 0; i < record.getFieldCount(); i++) {
      if (!record.getField(i).isBlank()) {
        return false;
      }
    }
    return true;
  }
}
