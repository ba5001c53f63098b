package io.github.cpt4j.cli;

/**
 * A failure the user can fix, such as an input file that does not exist. Its message is printed as
 * the one line the {@code cpt} command writes on standard error, so it must say what went wrong and
 * where, in plain words, without a stack trace.
 */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message is shown to the user as it is. */
  CliException(String message) {
    super(message);
  }

  /** Creates an exception whose message is shown to the user; the cause shows with --debug. */
  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
