package io.github.cpt4j.data.ncci;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.edit.ncci.PtpTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
 * Dates are {@code yyyymmdd}; a deletion date of {@code *} means none.
 *
 * <p>Several files load into one table. The load is all-or-nothing: a malformed row fails it with a
 * {@link DataLoadException} naming the file, line, column and column name. About two million rows
 * (a quarter's practitioner table) load in about a second into about 26 MiB.
 */
public final class PtpFile {

  private PtpFile() {}

  /**
   * Reads the files {@code parts} into one table.
   *
   * @throws DataLoadException if a file is not a PTP file or has a malformed row
   * @throws IOException if a file cannot be read
   */
  public static PtpTable read(Path... parts) throws IOException {
    return read(List.of(parts));
  }

  /**
   * Reads the files {@code parts} into one table.
   *
   * @throws DataLoadException if a file is not a PTP file or has a malformed row, or there is no
   *     file
   * @throws IOException if a file cannot be read
   */
  public static PtpTable read(List<Path> parts) throws IOException {
    requireNonNull(parts, "parts");
    if (parts.isEmpty()) {
      throw new DataLoadException("PTP files", 0, 0, "no file given: expected at least one part");
    }
    long bytes = 0;
    for (Path part : parts) {
      bytes += Files.size(requireNonNull(part, "part"));
    }
    // About 80 bytes a row in CMS's files: size the builder once.
    PtpTable.Builder builder = PtpTable.builder((int) Math.min(bytes / 64, 1 << 26));
    for (Path part : parts) {
      try (InputStream in = Files.newInputStream(part)) {
        new PtpParser(in, part.getFileName().toString(), builder).parse();
      }
    }
    return builder.build();
  }

  /**
   * Reads one PTP file from {@code in}, which is not closed, naming it {@code sourceName} in
   * errors.
   *
   * @throws DataLoadException if it is not a PTP file or has a malformed row
   * @throws IOException if the stream cannot be read
   */
  public static PtpTable read(InputStream in, String sourceName) throws IOException {
    requireNonNull(in, "in");
    requireNonNull(sourceName, "sourceName");
    PtpTable.Builder builder = PtpTable.builder();
    new PtpParser(in, sourceName, builder).parse();
    return builder.build();
  }
}
