package io.github.cpt4j.data.csv;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Names the file in a failure to read it. The JDK names the file it cannot open ({@link
 * FileSystemException#getFile()}), but an I/O error while reading one ({@code Input/output error})
 * names none: a loader that passed it on left its caller unable to say which file failed, when it
 * read several at once (the relative value, GPCI and OPPS cap files of a fee schedule, the parts of
 * a PTP table). Each loader that opens a path catches its failure and throws {@link #naming}'s, so
 * the good path costs only the {@code try}.
 *
 * <p>A path that names no file, a root, is refused as such a failure before it is opened ({@link
 * #fileName}): the loaders take the file's name for their errors, and a root has none.
 */
public final class ReadFailure {

  private ReadFailure() {}

  /**
   * The reason a path that names no file is refused with, after the path as a {@link
   * FileSystemException}'s message puts it ({@code /: is a root, not a file}): the one wording of
   * that refusal, a {@code CmsDirectory.CmsFile}'s too.
   */
  public static final String ROOT = "is a root, not a file";

  /**
   * Returns the name of {@code file}, by which a loader names it in its errors, refusing a path
   * that names no file: a root ({@code /}, {@code C:\}, the root of a ZIP file system) has no name
   * ({@link Path#getFileName()} is null) and is no file to read. The refusal is a failure to read
   * it, as the JDK's to open a missing file is: a {@link FileSystemException} whose {@link
   * FileSystemException#getFile() file} is {@code file}, its reason {@code is a root, not a file}
   * ({@code /: is a root, not a file}). Every loader of a path calls this before it opens the path.
   *
   * @throws FileSystemException if {@code file} names no file
   */
  public static String fileName(Path file) throws FileSystemException {
    Path name = file.getFileName();
    if (name == null) {
      throw new FileSystemException(file.toString(), null, ROOT);
    }
    return name.toString();
  }

  /**
   * Returns the name of {@code file} as {@link #fileName} does, refusing a directory given as a
   * file too, naming it: the JDK's error on opening one says only "Is a directory", so a loader of
   * several files would not say which. The check of every loader that reads a file whole.
   *
   * @throws FileSystemException if {@code file} names no file, or is a directory
   */
  public static String requireFile(Path file) throws FileSystemException {
    String name = fileName(file);
    if (Files.isDirectory(file)) {
      throw new FileSystemException(file.toString(), null, "is a directory, not a file");
    }
    return name;
  }

  /**
   * Returns {@code e}, a failure to open or read {@code file}, as one that names it: a {@link
   * FileSystemException} whose {@link FileSystemException#getFile() file} is {@code file}, with
   * {@code e} as its cause and {@code e}'s message as its reason, as the JDK's own failures to open
   * a file are. Only the JDK's exceptions are renamed, and of those only the ones that name no
   * file: the loaders' own ({@code DataLoadException}, a malformed file's) name file, line and
   * column already, and are returned as they are, as is a {@link FileSystemException} naming a
   * file.
   */
  public static IOException naming(Path file, IOException e) {
    if (e instanceof FileSystemException fs && fs.getFile() != null || !isTheJdks(e)) {
      return e;
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    FileSystemException named = new FileSystemException(file.toString(), null, reason);
    named.initCause(e);
    return named;
  }

  /**
   * Tells whether {@code e} is one of the JDK's exceptions (of {@code java.base}, as every
   * exception of its file and stream classes is), told apart by module so that this package depends
   * on no loader's.
   */
  private static boolean isTheJdks(IOException e) {
    return e.getClass().getModule() == IOException.class.getModule();
  }

  /**
   * Returns the bytes of {@code file}, as {@link Files#readAllBytes} does, with a failure named as
   * {@link #naming} names it: for the loaders that scan a whole file's bytes.
   */
  public static byte[] readAllBytes(Path file) throws IOException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw naming(file, e);
    }
  }
}
