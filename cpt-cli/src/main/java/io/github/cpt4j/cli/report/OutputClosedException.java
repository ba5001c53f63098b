package io.github.cpt4j.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The output went away before the command finished, as when it is piped into {@code head}. The
 * command stops at once instead of working on for nobody, and exits with status 2 and this
 * exception's one line, which names the output: a pipeline that lost its reader must not pass for
 * one that finished.
 */
public final class OutputClosedException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public OutputClosedException() {
    super("standard output was closed before all results were written");
  }

  /**
   * Throws if {@code out} is a {@link PrintWriter} that failed to write, which it reports only
   * through {@link PrintWriter#checkError()} (which also flushes it).
   *
   * @throws OutputClosedException if the reader went away (or the reason is unknown)
   * @throws OutputFailedException if {@code out} is {@link StandardOutput} and writing failed for
   *     another reason, such as a full disk
   */
  public static void check(Writer out) throws IOException {
    if (out instanceof PrintWriter printer && printer.checkError()) {
      if (out instanceof StandardOutput stdout && stdout.failedForReal()) {
        throw new OutputFailedException("standard output", stdout.failure().orElseThrow());
      }
      throw new OutputClosedException();
    }
  }
}
