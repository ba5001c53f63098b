package io.github.cpt4j.data.load;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import io.github.cpt4j.data.csv.ReadFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * Reads {@link CodeSet}s from files: the AMA's licensed CPT descriptor files and plain CSV lists.
 *
 * <p>Immutable and thread-safe; configure it with the {@code with*} methods. Every load is
 * all-or-nothing: it returns a complete set or throws, never a partial set. A problem in the data
 * is a {@link DataLoadException} naming the source, line and column and saying what was expected; a
 * file that cannot be read is a plain {@link IOException}.
 *
 * <h2>Formats</h2>
 *
 * <ul>
 *   <li>{@link #loadTabDelimited(Path) Tab-delimited}: the AMA's {@code LONGULT.txt}, {@code
 *       MEDU.txt} and {@code SHORTU.txt} style, one {@code code<TAB>descriptor} per line (a run of
 *       spaces instead of the tab is accepted too).
 *   <li>{@link #loadPipeDelimited(Path) Pipe-delimited}: the AMA's consumer and clinician
 *       descriptor style, {@code concept id|code|descriptor} or {@code concept id|code|descriptor
 *       id|descriptor}.
 *   <li>{@link #loadCsv(Path) CSV} with a header row, for lists of your own: {@code
 *       code,description} and optionally {@code long_description}, {@code add_on}, {@code
 *       effective_from}, {@code effective_to}, in any order.
 * </ul>
 *
 * <p>In every format blank lines (of white space alone, no-break spaces included) are skipped,
 * lines end in LF, CRLF or CR, codes may have surrounding spaces and lower-case letters,
 * descriptors are trimmed, and no line may be longer than 10,000 characters. The text is decoded
 * strictly with the configured charset (UTF-8 unless told otherwise; a UTF-8 byte-order mark is
 * removed and means UTF-8 whatever the setting, the mark of a UTF-16 or UTF-32 charset is removed
 * too, and UTF-16 or UTF-32 text read with another charset is refused with the charset to use).
 * Control characters other than tab and the line ends are refused, the C1 controls U+0080 to U+009F
 * too, which a Windows-1252 file read as ISO-8859-1 has where its curly quotes are: that error
 * names the charset windows-1252. In the tab- and pipe-delimited formats the first line is a header
 * when its first field (the code, or the first word of a line without a tab; the concept id) has no
 * digit and either names a column (it starts with {@code code}, {@code CPT}, {@code HCPCS}, {@code
 * concept}, {@code desc} or {@code proc}, or is {@code id}, {@code key} or {@code term}, in any
 * case; a column word inside it, as in {@code S_CPT}, does not count), or is not five characters
 * long like a code ({@code Item<TAB>Text}), or is followed by column names alone, each word naming
 * a column or being a number such as a year ({@code Short Descriptor}). So a header may name its
 * year ({@code CODE<TAB>DESCRIPTOR 2025}), while a first row with a five-letter code ({@code
 * ABCDE<TAB>...}) is an error at line 1, never skipped; in a pipe file a first line whose code has
 * a digit is a row.
 *
 * <pre>{@code
 * CodeSet licensed = CodeSetLoader.defaults()
 *     .withCharset(Charset.forName("windows-1252"))    // AMA files often are
 *     .withEffectiveFrom(LocalDate.of(2025, 1, 1))
 *     .loadTabDelimited(Path.of("SHORTU.txt"), Path.of("LONGULT.txt"));
 * CodeSet merged = BundledData.codeSet().overlaidWith(licensed);
 * }</pre>
 */
public final class CodeSetLoader {

  private static final CodeSetLoader DEFAULTS =
      new CodeSetLoader(StandardCharsets.UTF_8, CodeEntry.BASELINE_DATE);

  private final Charset charset;
  private final LocalDate effectiveFrom;

  private CodeSetLoader(Charset charset, LocalDate effectiveFrom) {
    this.charset = charset;
    this.effectiveFrom = effectiveFrom;
  }

  /**
   * {@return a loader that decodes UTF-8 and dates entries without dates of their own from {@link
   * CodeEntry#BASELINE_DATE}}
   */
  public static CodeSetLoader defaults() {
    return DEFAULTS;
  }

  /**
   * {@return a loader like this one that decodes text with {@code charset}}
   *
   * @param charset the charset of the files, such as {@code ISO-8859-1}
   */
  public CodeSetLoader withCharset(Charset charset) {
    return new CodeSetLoader(requireNonNull(charset, "charset"), effectiveFrom);
  }

  /**
   * {@return a loader like this one that gives {@code date} as the start date to every entry whose
   * source has none (all AMA files, and CSV rows with an empty or no {@code effective_from})}
   *
   * @param date the start date to give entries whose source gives none
   */
  public CodeSetLoader withEffectiveFrom(LocalDate date) {
    return new CodeSetLoader(charset, requireNonNull(date, "date"));
  }

  /** {@return the charset text is decoded with (a UTF-8 byte-order mark overrides it)} */
  public Charset charset() {
    return charset;
  }

  /** {@return the start date given to entries whose source has none} */
  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  /**
   * Loads an AMA-style tab-delimited file, one {@code code<TAB>descriptor} per line; the descriptor
   * becomes each entry's short description.
   *
   * @param file the file, such as {@code SHORTU.txt}
   * @return the code set, immutable, each code once
   * @throws DataLoadException if the content is not such a file (the message says where and why)
   * @throws IOException if the file cannot be read
   */
  public CodeSet loadTabDelimited(Path file) throws IOException {
    requireNonNull(file, "file");
    String name = file.toString();
    return entries(AmaFiles.tabRows(read(file), name), name, Map.of(), name);
  }

  /**
   * Loads an AMA-style tab-delimited file from a stream, which is read to its end but not closed;
   * {@code sourceName} names it in error messages.
   *
   * @param in the file's bytes, in the loader's charset
   * @param sourceName the name errors give the source by, such as its file name
   * @return the code set, immutable, each code once
   * @throws DataLoadException if the content is not such a file
   * @throws IOException if the stream cannot be read
   */
  public CodeSet loadTabDelimited(InputStream in, String sourceName) throws IOException {
    return entries(AmaFiles.tabRows(read(in, sourceName), sourceName), sourceName, Map.of(), "");
  }

  /**
   * Loads a short (or medium) and a long descriptor file of the same release, such as {@code
   * SHORTU.txt} and {@code LONGULT.txt}: each entry gets its short description from the first file
   * and its long description, where there is one, from the second.
   *
   * @param shortFile the short or medium descriptor file, such as {@code SHORTU.txt}
   * @param longFile the long descriptor file of the same release, such as {@code LONGULT.txt}
   * @return the code set, immutable, each code once
   * @throws DataLoadException if either file is malformed, or a code of the long file is missing
   *     from the short one (files of different releases)
   * @throws IOException if a file cannot be read
   */
  public CodeSet loadTabDelimited(Path shortFile, Path longFile) throws IOException {
    requireNonNull(shortFile, "shortFile");
    requireNonNull(longFile, "longFile");
    String shortName = shortFile.toString();
    String longName = longFile.toString();
    Map<ProcedureCode, AmaFiles.Row> shortRows = AmaFiles.tabRows(read(shortFile), shortName);
    Map<ProcedureCode, AmaFiles.Row> longRows = AmaFiles.tabRows(read(longFile), longName);
    for (Map.Entry<ProcedureCode, AmaFiles.Row> row : longRows.entrySet()) {
      if (!shortRows.containsKey(row.getKey())) {
        throw new DataLoadException(
            longName,
            row.getValue().line,
            1,
            "code "
                + row.getKey()
                + " is not in "
                + shortName
                + "; expected files of the same release");
      }
    }
    return entries(shortRows, shortName, longRows, longName);
  }

  /**
   * Loads an AMA-style pipe-delimited file: one {@code concept id|code|descriptor} per line (the
   * consumer descriptor style) or one {@code concept id|code|descriptor id|descriptor} (the
   * clinician descriptor style, where a code may have several descriptors and the first in file
   * order is kept). The descriptor becomes each entry's short description; the ids must be whole
   * numbers and are not kept.
   *
   * @param file the pipe-delimited file
   * @return the code set, immutable, each code once
   * @throws DataLoadException if the content is not such a file
   * @throws IOException if the file cannot be read
   */
  public CodeSet loadPipeDelimited(Path file) throws IOException {
    requireNonNull(file, "file");
    String name = file.toString();
    return entries(AmaFiles.pipeRows(read(file), name), name, Map.of(), name);
  }

  /**
   * Loads an AMA-style pipe-delimited file from a stream, which is read to its end but not closed;
   * {@code sourceName} names it in error messages.
   *
   * @param in the file's bytes, in the loader's charset
   * @param sourceName the name errors give the source by, such as its file name
   * @return the code set, immutable, each code once
   * @throws DataLoadException if the content is not such a file
   * @throws IOException if the stream cannot be read
   */
  public CodeSet loadPipeDelimited(InputStream in, String sourceName) throws IOException {
    return entries(AmaFiles.pipeRows(read(in, sourceName), sourceName), sourceName, Map.of(), "");
  }

  /**
   * Loads a CSV file with a header row. {@code code} and {@code description} are required; {@code
   * long_description}, {@code add_on} ({@code Y}/{@code N}, {@code true}/{@code false}, {@code
   * yes}/{@code no}, {@code 1}/{@code 0}; empty means no), {@code effective_from} and {@code
   * effective_to} (ISO dates such as {@code 2021-01-01}, both inclusive; empty means the loader's
   * {@link #effectiveFrom()} and no end) are optional, in any order. Fields may be quoted as in RFC
   * 4180; lines starting with {@code #} are comments. White space around a header name or a field,
   * no-break (U+00A0, as a spreadsheet writes into a cell typed into it) and other Unicode spaces
   * included, is dropped; an optional field of nothing else is empty. Empty columns after the last,
   * as a spreadsheet exports them (a header and rows ending in a comma), and empty fields after a
   * row's last column (a row ending in a comma) are let through, as {@code FlatFeeScheduleCsv} lets
   * them through; a value there is refused, as an unquoted comma in a description leaves one, and
   * so is an empty column between named ones.
   *
   * <pre>
   * code,description,effective_from,effective_to
   * 99213,"Office visit, established patient",,
   * 99201,Retired office visit,,2020-12-31
   * </pre>
   *
   * @param file the CSV file, with a header row
   * @return the code set, immutable, each code once
   * @throws DataLoadException if the content is not such a file
   * @throws IOException if the file cannot be read
   */
  public CodeSet loadCsv(Path file) throws IOException {
    requireNonNull(file, "file");
    return CsvCodes.parse(read(file), file.toString(), effectiveFrom);
  }

  /**
   * Loads a CSV file from a stream, which is read to its end but not closed; see {@link
   * #loadCsv(Path)}. {@code sourceName} names it in error messages.
   *
   * @param in the file's bytes, in the loader's charset
   * @param sourceName the name errors give the source by, such as its file name
   * @return the code set, immutable, each code once
   * @throws DataLoadException if the content is not such a file
   * @throws IOException if the stream cannot be read
   */
  public CodeSet loadCsv(InputStream in, String sourceName) throws IOException {
    return CsvCodes.parse(read(in, sourceName), sourceName, effectiveFrom);
  }

  private CodeSet entries(
      Map<ProcedureCode, AmaFiles.Row> rows,
      String name,
      Map<ProcedureCode, AmaFiles.Row> longRows,
      String longName)
      throws DataLoadException {
    CodeSet.Builder builder = CodeSet.builder();
    for (Map.Entry<ProcedureCode, AmaFiles.Row> row : rows.entrySet()) {
      AmaFiles.Row shortRow = row.getValue();
      AmaFiles.Row longRow = longRows.get(row.getKey());
      CodeEntry.Builder entry =
          CodeEntry.builder()
              .code(row.getKey())
              .shortDescription(shortRow.descriptor)
              .effectiveFrom(effectiveFrom);
      if (longRow != null) {
        entry.longDescription(longRow.descriptor);
      }
      try {
        builder.add(entry.build());
      } catch (IllegalArgumentException e) {
        // Fields checks each descriptor as CodeEntry does, so this is not reached; should the two
        // drift apart, the error still names the file and line of the code's descriptors.
        throw new DataLoadException(
            name,
            shortRow.line,
            0,
            e.getMessage()
                + (longRow == null
                    ? ""
                    : " (long descriptor: " + longName + ", line " + longRow.line + ")"));
      }
    }
    return builder.build();
  }

  private String read(Path file) throws IOException {
    requireNonNull(file, "file");
    ReadFailure.requireFile(file);
    try (InputStream in = Files.newInputStream(file)) {
      return SourceText.read(in, charset, file.toString());
    } catch (IOException e) {
      throw ReadFailure.naming(file, e);
    }
  }

  private String read(InputStream in, String sourceName) throws IOException {
    requireNonNull(in, "in");
    requireNonNull(sourceName, "sourceName");
    return SourceText.read(in, charset, sourceName);
  }

  @Override
  public String toString() {
    return "CodeSetLoader[charset=" + charset.name() + ", effectiveFrom=" + effectiveFrom + "]";
  }
}
