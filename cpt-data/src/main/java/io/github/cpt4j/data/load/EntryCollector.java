package io.github.cpt4j.data.load;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Collects the entries of one source, remembering the line of every code so that a duplicate is
 * reported with both lines; builds the code set only when the whole source was read.
 */
final class EntryCollector {

  private final String sourceName;
  private final Map<ProcedureCode, Long> lines = new HashMap<>();
  private final CodeSet.Builder builder = CodeSet.builder();

  EntryCollector(String sourceName) {
    this.sourceName = sourceName;
  }

  String sourceName() {
    return sourceName;
  }

  /** Parses a code field, accepting surrounding white space and lower-case letters. */
  ProcedureCode code(String field, long line, int column) throws DataLoadException {
    try {
      return ProcedureCode.parseLenient(field);
    } catch (CodeFormatException e) {
      throw new DataLoadException(sourceName, line, column,
          "expected a procedure code such as 99213, 0001F or G0438, but " + e.getMessage());
    }
  }

  /** Returns the trimmed description, or fails if it is empty. */
  String description(String field, long line, int column, String what)
      throws DataLoadException {
    String text = field.strip();
    if (text.isEmpty()) {
      throw new DataLoadException(sourceName, line, column,
          "expected " + what + ", found an empty field");
    }
    if (text.length() > CodeEntry.MAX_DESCRIPTION_LENGTH) {
      throw new DataLoadException(sourceName, line, column, "expected " + what + " of at most "
          + CodeEntry.MAX_DESCRIPTION_LENGTH + " characters, found " + text.length());
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' ' || c == '\u007f') {
        throw new DataLoadException(sourceName, line, column, String.format(
            "expected %s on one line, found control character U+%04X", what, (int) c));
      }
    }
    return text;
  }

  /** Returns whether {@code code} was added before. */
  boolean has(ProcedureCode code) {
    return lines.containsKey(code);
  }

  /** Returns the line {@code code} was added from, or 0. */
  long lineOf(ProcedureCode code) {
    return lines.getOrDefault(code, 0L);
  }

  void add(CodeEntry entry, long line, int codeColumn) throws DataLoadException {
    Long previous = lines.putIfAbsent(entry.code(), line);
    if (previous != null) {
      throw new DataLoadException(sourceName, line, codeColumn, "code " + entry.code()
          + " is already on line " + previous + "; expected each code once");
    }
    builder.add(entry);
  }

  int size() {
    return lines.size();
  }

  /** Builds the set, or fails if the source had no code rows at all. */
  CodeSet build(String expectedRows) throws DataLoadException {
    if (lines.isEmpty()) {
      throw new DataLoadException(sourceName, 0, 0,
          "found no code rows; expected " + expectedRows);
    }
    return builder.build();
  }
}
