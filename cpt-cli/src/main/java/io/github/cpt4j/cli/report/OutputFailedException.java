package io.github.cpt4j.cli.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Writing the results failed for a reason the user must hear of (a full disk, an I/O error), as
 * opposed to a reader that went away ({@link OutputClosedException}). Its message names the output,
 * so that a failed write is never blamed on the input.
 */
public final class OutputFailedException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param output the output as the user named it, a file with its option as {@code --output
   *     'x.csv'}, or {@code standard output}
   * @param cause what the operating system said
   */
  public OutputFailedException(String output, IOException cause) {
    this(output, reason(cause), cause);
  }

  /**
   * Creates the exception with the reason in the caller's words, where it knows more than the
   * operating system said, such as which directory went away.
   *
   * @param output the output as the user named it, as {@code --output 'x.csv'}
   * @param reason why, as {@code 'out': no such directory}
   * @param cause what the operating system said
   */
  public OutputFailedException(String output, String reason, IOException cause) {
    super(
        "cannot write "
            + requireNonNull(output, "output")
            + ": "
            + requireNonNull(reason, "reason"),
        cause);
  }

  /** Says why, without Java's exception names or the temporary file's name. */
  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file of the same name appeared meanwhile";
    }
    // A FileSystemException's message repeats the file's name, raw: its reason alone.
    String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
    return reason == null ? e.getClass().getSimpleName() : reason;
  }
}
