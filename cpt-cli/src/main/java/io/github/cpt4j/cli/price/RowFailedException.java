package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

/**
 * A batch row, or the claim it starts, whose parsing or pricing threw: not a row the rules refuse
 * (those get their reason in the output), a failure of the pricer or of cpt4j itself. It names the
 * file line the row starts on, which the pricing thread knows and the caller does not, so that the
 * row can be found; the cause is what was thrown.
 */
public final class RowFailedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final long line;

  /**
   * Creates the exception of the row that starts on file line {@code line}.
   *
   * @param line the row's first line in the file, from 1
   * @param cause what parsing or pricing the row threw
   */
  public RowFailedException(long line, RuntimeException cause) {
    super("file line " + line + ": internal error: " + requireNonNull(cause, "cause"), cause);
    this.line = line;
  }

  /** Returns the file line the row starts on, from 1. */
  public long line() {
    return line;
  }
}
