package io.github.cpt4j.data.ncci;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.csv.TextStart;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Cells;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.EndOfFileMark;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.edit.ncci.PtpModifierIndicator;
import io.github.cpt4j.edit.ncci.PtpTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Streams one PTP file into a builder: the header by name, then every data row parsed from the
 * bytes without building a string per field (the files hold millions of rows).
 */
final class PtpParser {

  /** The longest line accepted. */
  static final int MAX_LINE_LENGTH = 10_000;

  /** Header rows are looked for among this many first lines. */
  private static final int MAX_PREAMBLE_LINES = 50;

  private final InputStream in;
  private final String source;
  private final PtpTable.Builder builder;
  private final RowLines rowLines;

  private byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private boolean eof;
  private long lineNumber;

  /** The line of a DOS end-of-file mark on a line of its own, once read; 0 before. */
  private long markLine;

  private int lineStart;
  private int lineEnd;

  private final int[] fieldStart = new int[16];
  private final int[] fieldEnd = new int[16];
  private int fieldCount;

  /**
   * Whether the line holds a value beyond the fields kept: refused by the caller, which knows
   * whether the line is a row, a header row or a line before the header.
   */
  private boolean overflow;

  private final ByteChars chars = new ByteChars();

  /** The column names, composed from CMS's wrapped header rows as a CMS CSV file's are. */
  private Header header;

  private int column1 = -1;
  private int column2 = -1;
  private int prior = -1;
  private int effective = -1;
  private int deletion = -1;
  private int modifier = -1;
  private int rationale = -1;

  private final List<byte[]> rationaleBytes = new ArrayList<>();
  private final List<String> rationaleTexts = new ArrayList<>();
  private int lastRationale = -1;

  /** Open addressing over the rationales seen: each slot their index plus one, 0 when empty. */
  private int[] rationaleSlots = new int[64];

  private int lastDateValue = -1;
  private long lastDateDay;

  /** Whether the first line is the subset marker: a deliberate extract of a table's rows. */
  private boolean subset;

  /** The rows this parser added. */
  private int rowCount;

  PtpParser(InputStream in, String source, PtpTable.Builder builder) {
    this.in = in;
    this.source = source;
    this.builder = builder;
    this.rowLines = new RowLines(source);
  }

  /**
   * Tells whether the file's first line is the {@linkplain CsvTable#SUBSET_MARKER subset marker}.
   */
  boolean isSubset() {
    return subset;
  }

  /** The number of rows this parser added. */
  int rows() {
    return rowCount;
  }

  /** Where each row this parser added came from, to name a pair's rows that overlap. */
  RowLines rowLines() {
    return rowLines;
  }

  void parse() throws IOException {
    readHeader(); // and the first data row
    while (nextLine()) {
      if (isBlankLine()) {
        continue;
      }
      if (isEndOfFileMark()) {
        endOfFileMark();
        return;
      }
      refuseTextAfterMark();
      splitFields();
      row();
    }
  }

  /**
   * Refuses a line that starts with a DOS end-of-file mark, blanks aside, followed by text: read as
   * a row, it was refused as one cut short after its first field, where the text is after the
   * file's end. Named at the mark's field, as on a last line without a line ending.
   */
  private void refuseTextAfterMark() throws DataLoadException {
    int field = 1;
    for (int i = lineStart; i < lineEnd; i++) {
      byte b = buffer[i];
      if (b == '\t') {
        field++;
      } else if (b == 0x1A) {
        if (!isBlankOrEndOfFile(i + 1, lineEnd)) {
          throw EndOfFileMark.textAfter(source, lineNumber, field);
        }
        return;
      } else if (b != ' ') {
        return;
      }
    }
  }

  /** Whether the current line is a DOS end-of-file mark (0x1A, Ctrl-Z), blanks aside. */
  private boolean isEndOfFileMark() {
    boolean mark = false;
    for (int i = lineStart; i < lineEnd; i++) {
      byte b = buffer[i];
      if (b == 0x1A) {
        mark = true;
      } else if (b != ' ' && b != '\t') {
        return false;
      }
    }
    return mark;
  }

  /**
   * Ends the file at a DOS end-of-file mark, as CMS's other files end, when only blank lines follow
   * it; a mark with rows after it is damage, refused on its line.
   */
  private void endOfFileMark() throws IOException {
    markLine = lineNumber;
    while (nextLine()) {
      if (!isBlankLine() && !isEndOfFileMark()) {
        throw rowsAfterMark();
      }
    }
  }

  /** The error for rows after the DOS end-of-file mark on {@link #markLine}, named at the mark. */
  private DataLoadException rowsAfterMark() {
    return new DataLoadException(
        source,
        markLine,
        1,
        "a DOS end-of-file mark (0x1A) with rows after it: expected "
            + header.size()
            + " tab-separated fields as in the header");
  }

  // ---------------------------------------------------------------- header

  /**
   * Refuses a file that is not one-byte text by its first bytes (wide text, a ZIP archive, a PDF),
   * and skips a UTF-8 byte order mark. Read byte by byte, UTF-16 is every other byte a NUL: its
   * error blamed a last line "cut short" or a header not found, far from the cause.
   */
  private void readStart() throws IOException {
    while (limit < 4 && !eof) {
      fill();
    }
    Optional<String> mark = TextStart.byteOrderMark(buffer, limit);
    if (mark.isPresent()) {
      String family = mark.get().substring(0, "UTF-16".length());
      throw new DataLoadException(
          source,
          1,
          1,
          "the file is "
              + family
              + " (it starts with a "
              + mark.get()
              + " byte order mark): expected a CMS NCCI PTP"
              + " file as CMS publishes it, in a one-byte encoding (save it as text, not Unicode"
              + " text)");
    }
    // Any NUL, not only the patterns of wide text the code-set loader names: a PTP file is one-byte
    // text, which has none.
    if (TextStart.hasNulAtStart(buffer, limit)) {
      throw new DataLoadException(
          source,
          1,
          1,
          "the file starts with NUL bytes: expected a CMS NCCI PTP file as text in a one-byte"
              + " encoding (UTF-16 without a byte order mark, or not a text file)");
    }
    // CMS publishes the PTP files zipped: the archive's bytes were blamed on a last line "cut
    // short", a PDF on a header not found. Refused at line 1, as every CMS loader refuses them.
    Optional<String> document =
        TextStart.notText(buffer, limit, "a CMS NCCI PTP file", "tab-separated text");
    if (document.isPresent()) {
      throw new DataLoadException(source, 1, 1, document.get());
    }
    if (TextStart.hasUtf8Mark(buffer, limit)) {
      position = TextStart.UTF8_MARK_LENGTH;
    }
  }

  private void readHeader() throws IOException {
    readStart();
    List<List<String>> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    int seen = 0;
    boolean endsAtMark = false;
    while (true) {
      if (!nextLine()) {
        if (rows.isEmpty()) {
          throw notPtp();
        }
        // The header's last line, not a blank line after it, as the MUE loader names it.
        throw new DataLoadException(
            source, lines.get(lines.size() - 1), 0, "no rows after the header");
      }
      if (isBlankLine()) {
        continue;
      }
      if (lineNumber == 1 && isSubsetMarkerLine()) {
        subset = true; // not data
        continue;
      }
      if (!rows.isEmpty() && isEndOfFileMark()) {
        // The file ends after its header: said so below, not read as a data row without codes.
        endsAtMark = true;
        break;
      }
      if (!rows.isEmpty()) {
        refuseTextAfterMark(); // not a data row cut short
      }
      splitFields();
      if (rows.isEmpty()) {
        if (++seen > MAX_PREAMBLE_LINES) {
          throw notPtp();
        }
        if (fieldCount >= 2
            && Header.normalize(text(0)).equals("COLUMN 1")
            && Header.normalize(text(1)).equals("COLUMN 2")) {
          refuseWideHeader();
          rows.add(texts());
          lines.add(lineNumber);
        }
        continue; // a line before the header, not read whatever its fields
      }
      // CMS wraps the other columns' names, never "Column 1" and "Column 2": a row with either
      // filled in is the first data row, even with a code missing (refused there, on its field).
      // So is a row with both codes missing but a field that reads as data (a date, a *, an
      // indicator): merged into the names, it loaded silently, where a line later it is refused.
      if (!text(0).isBlank() || fieldCount >= 2 && !text(1).isBlank() || hasDataField()) {
        break; // the first data row
      }
      refuseWideHeader();
      rows.add(texts());
      lines.add(lineNumber);
    }
    // Each row is one line: the text is tab-separated, no cell quoted over several lines.
    header = Header.ofLines(source, rows, lines);
    column1 = require("COLUMN 1", n -> n.equals("COLUMN 1"));
    column2 = require("COLUMN 2", n -> n.equals("COLUMN 2"));
    prior = require("*=IN EXISTENCE PRIOR TO 1996", n -> n.contains("PRIOR TO 1996"));
    effective = require("EFFECTIVE DATE", n -> n.startsWith("EFFECTIVE"));
    deletion = require("DELETION DATE", n -> n.startsWith("DELETION"));
    modifier = require("MODIFIER", n -> n.startsWith("MODIFIER"));
    rationale = find("PTP EDIT RATIONALE", n -> n.contains("RATIONALE"));
    if (endsAtMark) {
      endOfFileMark(); // refuses rows after the mark
      // The header's last line, as the MUE loader names it.
      throw new DataLoadException(
          source, lines.get(lines.size() - 1), 0, "no rows after the header");
    }
    // The current line is the first data row: parse it.
    row();
  }

  /**
   * Whether a field after the two codes holds what only a data row holds: a date as {@code
   * yyyymmdd}, a lone {@code *} (in existence before 1996, or no deletion date) or a lone modifier
   * indicator 0, 1 or 9. CMS's wrapped header rows hold words with them ({@code Date}, {@code *=no
   * data}, {@code 1=allowed}), never these alone.
   */
  private boolean hasDataField() {
    for (int field = 2; field < fieldCount; field++) {
      String value = text(field).strip();
      if (value.equals("*")
          || value.equals("0")
          || value.equals("1")
          || value.equals("9")
          || value.length() == 8 && Cells.allDigits(value)) {
        return true;
      }
    }
    return false;
  }

  /** Refuses a header row of a value beyond the fields a row keeps, at the first of them. */
  private void refuseWideHeader() throws DataLoadException {
    if (overflow) {
      throw new DataLoadException(
          source,
          lineNumber,
          fieldStart.length + 1,
          "expected a header of at most "
              + fieldStart.length
              + " tab-separated columns, found more");
    }
  }

  private DataLoadException notPtp() {
    return new DataLoadException(
        source,
        0,
        0,
        "no header row starting with \"Column 1\", \"Column 2\" in the first "
            + MAX_PREAMBLE_LINES
            + " lines: expected a CMS NCCI PTP file (tab-separated text)");
  }

  /**
   * The only column whose name passes {@code test}, or -1. Two are refused, as the CMS CSV loaders
   * refuse them: taking the first would read a column inserted before the real one as if it were
   * it. The error names the line where the second one's name starts, which in CMS's wrapped header
   * may be rows above the last.
   */
  private int find(String name, Predicate<String> test) throws DataLoadException {
    return header.find(test, name);
  }

  /**
   * The only column whose name passes {@code test}. A missing one is named at the header's first
   * row, with the lines of all: the renamed piece may be in any of them, and the last is often the
   * one that holds no piece of the name.
   */
  private int require(String name, Predicate<String> test) throws DataLoadException {
    int index = find(name, test);
    if (index < 0) {
      throw header.missing("\"" + name + "\"");
    }
    return index;
  }

  private List<String> texts() {
    List<String> texts = new ArrayList<>(fieldCount);
    for (int i = 0; i < fieldCount; i++) {
      texts.add(text(i));
    }
    return texts;
  }

  private String text(int field) {
    return new String(
        buffer,
        fieldStart[field],
        fieldEnd[field] - fieldStart[field],
        StandardCharsets.ISO_8859_1);
  }

  // ---------------------------------------------------------------- rows

  private void row() throws DataLoadException {
    if (overflow) {
      throw tooManyFields(fieldCount, "more than " + fieldStart.length);
    }
    int needed = Math.max(Math.max(column1, column2), Math.max(prior, effective));
    needed = Math.max(needed, Math.max(Math.max(deletion, modifier), rationale));
    if (fieldCount <= needed) {
      // At the first missing field, as the CSV loaders name a row cut short. The rationale too:
      // CMS's rows keep every field (an empty one keeps its tab), so a row without it is cut.
      throw new DataLoadException(
          source,
          lineNumber,
          fieldCount + 1,
          "expected "
              + header.size()
              + " tab-separated fields as in the header, found "
              + fieldCount
              + ": the row ends before "
              + header.describe(fieldCount));
    }
    refuseFieldsBeyondHeader();
    int first = code(column1);
    int second = code(column2);
    if (second == first) {
      // A code is never denied as column 2 of itself: the row can never apply, and it loaded as
      // an edit. CMS's tables pair two codes (units of one code are the MUE's).
      throw error(column2, "a code other than column 1's (a code paired with itself is no edit)");
    }
    boolean existed = priorFlag(prior);
    long from = date(effective, false);
    long to = date(deletion, true);
    if (to >= 0 && to < from) {
      throw error(deletion, "a deletion date on or after the effective date");
    }
    PtpModifierIndicator indicator = indicator(modifier);
    if (indicator == PtpModifierIndicator.NOT_APPLICABLE && to != from) {
      throw notApplicableOnADeletedEdit(to);
    }
    String why = rationale >= 0 ? rationale(rationale) : "";
    int added = builder.size();
    try {
      builder.addPacked(first, second, existed, from, to, indicator, why);
    } catch (IllegalArgumentException e) {
      throw new DataLoadException(source, lineNumber, 0, e.getMessage());
    }
    // A compare per row: lines are recorded only where they stop following the rows.
    rowLines.added(added, lineNumber);
    rowCount++;
  }

  /**
   * Refuses a value in a field beyond the header's: a tab too many shifts the fields after it one
   * column on, and the row loaded with the next field's value in each column, the last never read.
   * Empty fields at the end are let through.
   */
  private void refuseFieldsBeyondHeader() throws DataLoadException {
    for (int field = header.size(); field < fieldCount; field++) {
      for (int i = fieldStart[field]; i < fieldEnd[field]; i++) {
        if (buffer[i] != ' ') {
          throw tooManyFields(
              field,
              fieldCount
                  + ", field "
                  + (field + 1)
                  + " being "
                  + CodeFormatException.quote(text(field)));
        }
      }
    }
  }

  /** A row of more fields than the header, at the 0-based {@code field}, having {@code found}. */
  private DataLoadException tooManyFields(int field, String found) {
    return new DataLoadException(
        source,
        lineNumber,
        field + 1,
        "expected " + header.size() + " tab-separated fields as in the header, found " + found);
  }

  private int code(int field) throws DataLoadException {
    trim(field);
    chars.set(buffer, fieldStart[field], fieldEnd[field]);
    int packed = ProcedureCode.packedOf(chars);
    if (packed < 0) {
      throw error(
          field, "a CPT or HCPCS code such as 99213 or G0105" + Cells.droppedZeros(text(field), 5));
    }
    return packed;
  }

  private boolean priorFlag(int field) throws DataLoadException {
    trim(field);
    int length = fieldEnd[field] - fieldStart[field];
    if (length == 0) {
      return false;
    }
    if (length == 1 && buffer[fieldStart[field]] == '*') {
      return true;
    }
    throw error(field, "\"*\" or a blank");
  }

  /** Reads a {@code yyyymmdd} date as days since 1970, or -1 for {@code *} when allowed. */
  private long date(int field, boolean starAllowed) throws DataLoadException {
    trim(field);
    int start = fieldStart[field];
    int length = fieldEnd[field] - start;
    if (starAllowed && length == 1 && buffer[start] == '*') {
      return -1;
    }
    String expected = starAllowed ? "a date as yyyymmdd, or * for none" : "a date as yyyymmdd";
    if (length != 8) {
      throw error(field, expected);
    }
    int value = 0;
    for (int i = start; i < start + 8; i++) {
      int digit = buffer[i] - '0';
      if (digit < 0 || digit > 9) {
        throw error(field, expected);
      }
      value = value * 10 + digit;
    }
    if (value == lastDateValue) {
      return lastDateDay;
    }
    long day;
    try {
      day = LocalDate.of(value / 10_000, value / 100 % 100, value % 100).toEpochDay();
    } catch (DateTimeException e) {
      throw error(field, expected);
    }
    // The table keeps days since 1970 in a char, its last value meaning "no deletion": said here,
    // where the column is known.
    if (day < 0 || day >= Character.MAX_VALUE) {
      throw error(field, "a date from 19700101 through 21490605");
    }
    lastDateValue = value;
    lastDateDay = day;
    return day;
  }

  private PtpModifierIndicator indicator(int field) throws DataLoadException {
    trim(field);
    if (fieldEnd[field] - fieldStart[field] == 1) {
      switch (buffer[fieldStart[field]]) {
        case '0':
          return PtpModifierIndicator.NOT_ALLOWED;
        case '1':
          return PtpModifierIndicator.ALLOWED;
        case '9':
          return PtpModifierIndicator.NOT_APPLICABLE;
        default:
          break;
      }
    }
    throw error(field, "a modifier indicator 0, 1 or 9");
  }

  /**
   * Refuses indicator 9 on a row not deleted on its effective date: CMS gives 9 (not applicable)
   * only to an edit deleted retroactively, whose deletion date is its effective date (CMS, "How to
   * Use the Medicare NCCI Tools", MLN booklet ICN 901346; every 9 of CMS's files, {@code 0001A
   * 90473 20220101 20220101 9}). On other dates the row loaded as withdrawn, and an edit still in
   * force never applied.
   */
  private DataLoadException notApplicableOnADeletedEdit(long to) {
    String dates =
        to < 0 ? "this row has no deletion date" : "this row is deleted on " + text(deletion);
    return error(
        modifier,
        "0 or 1 on an edit not deleted on its effective date (9, not applicable, marks an edit"
            + " withdrawn, deleted on the date it took effect; "
            + dates
            + ")");
  }

  /**
   * The rationale text, shared by every row that has the same bytes.
   *
   * @throws DataLoadException if the text holds a {@linkplain ControlCharacters control character},
   *     or is one more than the table holds ({@link PtpTable#MAX_RATIONALES}): refused here, at its
   *     field, not by the builder without one
   */
  private String rationale(int field) throws DataLoadException {
    trim(field);
    int start = fieldStart[field];
    int end = fieldEnd[field];
    if (lastRationale >= 0 && same(rationaleBytes.get(lastRationale), start, end)) {
      return rationaleTexts.get(lastRationale);
    }
    // By a hash of the bytes, not a walk through every text seen: a file with thousands of
    // distinct rationales (the table holds up to 8,192) took a comparison per text per row.
    int mask = rationaleSlots.length - 1;
    int slot = slotOf(buffer, start, end) & mask;
    while (rationaleSlots[slot] != 0) {
      int known = rationaleSlots[slot] - 1;
      if (same(rationaleBytes.get(known), start, end)) {
        lastRationale = known;
        return rationaleTexts.get(known);
      }
      slot = (slot + 1) & mask;
    }
    // Checked only here, for a text new to this file: the rows repeating it matched its bytes.
    int control = ControlCharacters.first(buffer, start, end);
    if (control >= 0) {
      throw new DataLoadException(
          source,
          lineNumber,
          field + 1,
          header.name(field) + ": " + ControlCharacters.problem(text(field), control - start));
    }
    String text = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
    // Asked only of a text new to this file: the builder may know it from a part read before.
    if (!builder.hasRoomFor(text)) {
      throw error(
          field,
          String.format(
              Locale.ROOT,
              "one of the %,d distinct rationale texts already read, the most a PTP table holds",
              PtpTable.MAX_RATIONALES));
    }
    rationaleBytes.add(Arrays.copyOfRange(buffer, start, end));
    rationaleTexts.add(text);
    lastRationale = rationaleBytes.size() - 1;
    rationaleSlots[slot] = lastRationale + 1;
    if (rationaleBytes.size() * 2 > rationaleSlots.length) {
      growRationaleSlots();
    }
    return rationaleTexts.get(lastRationale);
  }

  /**
   * The hash of {@code bytes[start, end)}, its high bits folded into the low ones the mask keeps.
   */
  private static int slotOf(byte[] bytes, int start, int end) {
    int hash = 1;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + bytes[i];
    }
    return hash ^ (hash >>> 16);
  }

  /** Doubles the rationale slots, placing every known text again. */
  private void growRationaleSlots() {
    int[] slots = new int[rationaleSlots.length * 2];
    int mask = slots.length - 1;
    for (int known = 0; known < rationaleBytes.size(); known++) {
      byte[] text = rationaleBytes.get(known);
      int slot = slotOf(text, 0, text.length) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = known + 1;
    }
    rationaleSlots = slots;
  }

  private boolean same(byte[] known, int start, int end) {
    return Arrays.equals(known, 0, known.length, buffer, start, end);
  }

  private void trim(int field) {
    int start = fieldStart[field];
    int end = fieldEnd[field];
    while (start < end && buffer[start] == ' ') {
      start++;
    }
    while (end > start && buffer[end - 1] == ' ') {
      end--;
    }
    fieldStart[field] = start;
    fieldEnd[field] = end;
  }

  private DataLoadException error(int field, String expected) {
    String name = field < header.size() ? header.name(field) : "column " + (field + 1);
    return new DataLoadException(
        source,
        lineNumber,
        field + 1,
        name + ": expected " + expected + ", found " + CodeFormatException.quote(text(field)));
  }

  // ---------------------------------------------------------------- lines and fields

  /** Whether the current line starts with the subset marker, in any case. */
  private boolean isSubsetMarkerLine() {
    String marker = CsvTable.SUBSET_MARKER;
    if (lineEnd - lineStart < marker.length()) {
      return false;
    }
    return CsvTable.isSubsetMarker(
        new String(buffer, lineStart, marker.length(), StandardCharsets.ISO_8859_1));
  }

  private boolean isBlankLine() {
    return isBlank(lineStart, lineEnd);
  }

  /** Whether bytes {@code from} to {@code to} are spaces and tabs only. */
  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = buffer[i];
      if (b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * Splits the line at its tabs into the fields kept, noting in {@link #overflow} a value beyond
   * them. Empty fields at the end are let through, however many, as beyond the header's.
   */
  private void splitFields() {
    fieldCount = 0;
    overflow = false;
    int start = lineStart;
    for (int i = lineStart; i <= lineEnd; i++) {
      if (i == lineEnd || buffer[i] == '\t') {
        if (fieldCount == fieldStart.length) {
          overflow = !isBlank(start, lineEnd);
          return;
        }
        fieldStart[fieldCount] = start;
        fieldEnd[fieldCount] = i;
        fieldCount++;
        start = i + 1;
      }
    }
  }

  /**
   * Moves to the next line (LF, CRLF or a bare CR ends one), keeping it in {@code buffer} between
   * {@code lineStart} and {@code lineEnd}; false at the end of the input.
   */
  private boolean nextLine() throws IOException {
    int scan = position;
    while (true) {
      for (int i = scan; i < limit; i++) {
        byte b = buffer[i];
        if (b == '\n' || b == '\r') {
          if (b == '\r' && i + 1 == limit && !eof) {
            scan = i; // need the next byte to tell CRLF from a bare CR
            break;
          }
          lineStart = position;
          lineEnd = i;
          position = b == '\r' && i + 1 < limit && buffer[i + 1] == '\n' ? i + 2 : i + 1;
          lineNumber++;
          checkLength();
          return true;
        }
        scan = i + 1;
      }
      if (eof) {
        if (position == limit) {
          return false;
        }
        if (!isBlankOrEndOfFile(position, limit)) {
          throw unendedLastLine();
        }
        lineStart = position;
        lineEnd = limit;
        position = limit;
        lineNumber++;
        checkLength();
        return true;
      }
      scan -= position;
      fill();
    }
  }

  /**
   * The error for the text from {@code position} to the end of the input, a last line without a
   * line ending that is not blank. CMS ends every line; one cut short in its last field still has
   * every field. A line after a DOS end-of-file mark is a row after it, refused at the mark as when
   * it has its ending; text after a mark on the line itself is text after the file's end, not a
   * file cut short.
   */
  private DataLoadException unendedLastLine() {
    if (markLine > 0) {
      return rowsAfterMark();
    }
    int field = 1;
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\t') {
        field++;
      } else if (buffer[i] == 0x1A) {
        // The mark ends the file, but is no line ending: the row before it has none.
        return isBlankOrEndOfFile(i + 1, limit)
            ? EndOfFileMark.unendedBefore(source, lineNumber + 1, field, "a CMS PTP file")
            : EndOfFileMark.textAfter(source, lineNumber + 1, field);
      }
    }
    return new DataLoadException(
        source,
        lineNumber + 1,
        0,
        "the last line has no line ending: the file looks cut short (every line of a CMS"
            + " PTP file ends with one)");
  }

  /** Whether bytes {@code from} to {@code to} are blanks and DOS end-of-file marks only. */
  private boolean isBlankOrEndOfFile(int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = buffer[i];
      if (b != ' ' && b != '\t' && b != 0x1A) {
        return false;
      }
    }
    return true;
  }

  private void checkLength() throws DataLoadException {
    if (lineEnd - lineStart > MAX_LINE_LENGTH) {
      throw new DataLoadException(
          source, lineNumber, 0, "line longer than " + MAX_LINE_LENGTH + " characters");
    }
  }

  /** Moves the unread bytes to the front and reads more; grows the buffer for a long line. */
  private void fill() throws IOException {
    int unread = limit - position;
    if (unread > MAX_LINE_LENGTH + 2) {
      throw new DataLoadException(
          source, lineNumber + 1, 0, "line longer than " + MAX_LINE_LENGTH + " characters");
    }
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, unread);
    } else if (unread == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    position = 0;
    limit = unread;
    int n = in.read(buffer, limit, buffer.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  /** A reusable view of bytes as Latin-1 characters, so codes are read without a string. */
  private static final class ByteChars implements CharSequence {
    private byte[] bytes;
    private int start;
    private int end;

    void set(byte[] bytes, int start, int end) {
      this.bytes = bytes;
      this.start = start;
      this.end = end;
    }

    @Override
    public int length() {
      return end - start;
    }

    @Override
    public char charAt(int index) {
      return (char) (bytes[start + index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      return new String(bytes, start + from, to - from, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
      return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }
  }
}
