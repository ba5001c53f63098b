package io.github.cpt4j.cli;

/**
 * The exit statuses of the {@code cpt} command, in the tradition of {@code grep}: zero when all
 * went well, one when the command ran but some of its input was invalid, two for trouble.
 */
final class ExitStatus {

  /** The command ran and every input was valid. */
  static final int OK = 0;

  /** The command ran to the end, but some input (a code, a line, a CSV row) was invalid. */
  static final int INVALID_INPUT = 1;

  /**
   * The command could not do its job: a usage error (unknown option, bad option value, missing
   * argument), a file that cannot be read or written, or an internal error.
   */
  static final int TROUBLE = 2;

  private ExitStatus() {}
}
