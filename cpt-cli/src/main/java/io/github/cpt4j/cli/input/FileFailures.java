package io.github.cpt4j.cli.input;

import io.github.cpt4j.data.load.DataLoadException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Names the file in a failure to read it. The JDK names the file it cannot open ({@link
 * FileSystemException#getFile()}), but an I/O error while reading one ({@code Input/output error})
 * names none, and the loaders of CMS files pass it on as it is: the command then said {@code cannot
 * read the fee schedule}, not which of its files, nor which option named it.
 */
public final class FileFailures {

  private FileFailures() {}

  /** A read of one file, as {@code GpciFile::read}. */
  @FunctionalInterface
  public interface Read<T> {
    /** Reads {@code file}. */
    T read(Path file) throws IOException;
  }

  /**
   * Reads {@code file} alone with {@code read}, and throws a failure that names no file as a {@link
   * FileSystemException} naming {@code file}, with the failure as its cause and its message as the
   * reason. A failure that names its file already ({@link FileSystemException}, a malformed file's
   * {@link DataLoadException}) is thrown as it is.
   *
   * @throws IOException if the file cannot be read, naming it
   */
  public static <T> T naming(Path file, Read<T> read) throws IOException {
    try {
      return read.read(file);
    } catch (FileSystemException | DataLoadException e) {
      throw e;
    } catch (IOException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      FileSystemException named = new FileSystemException(file.toString(), null, reason);
      named.initCause(e);
      throw named;
    }
  }
}
