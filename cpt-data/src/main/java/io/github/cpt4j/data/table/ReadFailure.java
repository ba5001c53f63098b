package io.github.cpt4j.data.table;

import io.github.cpt4j.data.load.DataLoadException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Names the file in a failure to read it. The JDK names the file it cannot open ({@link
 * FileSystemException#getFile()}), but an I/O error while reading one ({@code Input/output error})
 * names none: a loader that passed it on left its caller unable to say which file failed, when it
 * read several at once (the relative value, GPCI and OPPS cap files of a fee schedule, the parts of
 * a PTP table). Each loader that opens a path catches its failure and throws {@link #naming}'s, so
 * the good path costs only the {@code try}.
 */
public final class ReadFailure {

  private ReadFailure() {}

  /**
   * Returns {@code e}, a failure to open or read {@code file}, as one that names it: a {@link
   * FileSystemException} whose {@link FileSystemException#getFile() file} is {@code file}, with
   * {@code e} as its cause and {@code e}'s message as its reason, as the JDK's own failures to open
   * a file are. A malformed file's {@link DataLoadException}, which names its file, line and
   * column, and a {@link FileSystemException} that names a file already are returned as they are.
   */
  public static IOException naming(Path file, IOException e) {
    if (e instanceof DataLoadException
        || e instanceof FileSystemException fs && fs.getFile() != null) {
      return e;
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    FileSystemException named = new FileSystemException(file.toString(), null, reason);
    named.initCause(e);
    return named;
  }
}
