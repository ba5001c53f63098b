package io.github.cpt4j.cli;

import io.github.cpt4j.cli.input.MalformedUtf8Exception;
import io.github.cpt4j.cli.input.Utf8Reader;
import io.github.cpt4j.cli.report.FileName;
import io.github.cpt4j.data.load.DataLoadException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens the files named on the command line, with {@code -} for standard input. */
final class Inputs {

  /** The name that stands for standard input. */
  static final String STDIN = "-";

  private Inputs() {}

  /**
   * Opens {@code name} as UTF-8 text, decoded strictly: reading fails with a {@link
   * MalformedUtf8Exception} at the first byte that is not UTF-8 (a Latin-1 file), which a lenient
   * decoding turned into U+FFFD characters in the report, as if the user had typed them.
   *
   * @throws CliException if the file cannot be opened, with the reason in plain words
   */
  static Reader openText(String name, InputStream stdin) {
    return new Utf8Reader(open(name, stdin));
  }

  /**
   * Names the input {@code name} at the start of an error line, as {@code in.csv: ...}: the name as
   * given, or {@code standard input} for {@code -}, as every other message calls it.
   */
  static String prefix(String name) {
    return STDIN.equals(name) ? "standard input" : FileName.shown(name);
  }

  /** Names the input {@code name} in errors: its file name, or standard input for {@code -}. */
  static String describe(String name) {
    return STDIN.equals(name) ? "standard input" : FileName.quoted(name);
  }

  /**
   * Returns the one-line error for input that is not UTF-8, naming the input, the line and the
   * byte.
   */
  static CliException notUtf8(String name, MalformedUtf8Exception e) {
    return new CliException(describe(name) + ", " + e.getMessage(), e);
  }

  /**
   * Opens {@code name} as bytes; standard input is wrapped so that closing it leaves the process's
   * stream open.
   *
   * @throws CliException if the file cannot be opened
   */
  static InputStream open(String name, InputStream stdin) {
    if (STDIN.equals(name)) {
      return new FilterInputStream(stdin) {
        @Override
        public void close() {}
      };
    }
    Path path = path(name);
    if (Files.isDirectory(path)) {
      throw new CliException("cannot read " + FileName.quoted(name) + ": it is a directory");
    }
    try {
      return Files.newInputStream(path);
    } catch (IOException e) {
      throw new CliException("cannot read " + FileName.quoted(name) + ": " + reason(e), e);
    }
  }

  /**
   * Returns the path named {@code name}.
   *
   * @throws CliException if it is not a path on this system
   */
  static Path path(String name) {
    try {
      return Path.of(name);
    } catch (InvalidPathException e) {
      throw new CliException(FileName.quoted(name) + " is not a file name: " + e.getReason(), e);
    }
  }

  /**
   * Checks that the file named by a data option ({@code --gpci FILE} and the like) can be read, so
   * that a wrong name is refused before anything is loaded.
   *
   * @throws CliException if {@code file} is not a regular file, saying whether it exists
   */
  static void checkFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CliException(
          "cannot read "
              + FileName.quoted(file.toString())
              + ": "
              + (Files.exists(file) ? "not a regular file" : "no such file"));
    }
  }

  /**
   * Checks that the directory named by {@code --cms-dir} can be read.
   *
   * @throws CliException if {@code directory} is not a directory, saying whether it exists
   */
  static void checkDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new CliException(
          "cannot read "
              + FileName.quoted(directory.toString())
              + ": "
              + (Files.exists(directory) ? "not a directory" : "no such directory"));
    }
  }

  /**
   * Returns the one-line error for a failure to load data files: a malformed file's {@link
   * DataLoadException} says file, line and column itself, a bad value's {@link
   * IllegalArgumentException} says what is wrong, and any other read failure becomes "cannot read
   * {@code what}: reason".
   *
   * @param e what the loading threw: an {@link IllegalArgumentException} or an {@link
   *     UncheckedIOException}
   * @param what names what was read, such as {@code 'GPCI2025.csv'} or {@code the fee schedule}
   */
  static CliException loadFailure(RuntimeException e, String what) {
    if (e instanceof UncheckedIOException unchecked) {
      IOException cause = unchecked.getCause();
      return new CliException(
          cause instanceof DataLoadException
              ? cause.getMessage()
              : "cannot read " + what + ": " + reason(cause),
          e);
    }
    return new CliException(e.getMessage(), e);
  }

  /** Says why a file operation failed, without Java's exception names. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    // A FileSystemException's message repeats the file's name, raw: its reason alone.
    String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
    return reason == null ? e.getClass().getSimpleName() : reason;
  }
}
