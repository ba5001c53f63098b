package io.github.cpt4j.cli.input;

import java.io.Closeable;
import java.io.IOException;

/** Physical lines of a text, read one at a time in bounded memory: what records are cut from. */
interface Lines extends Closeable {

  /** Returns the next line without its terminator, or {@code null} at the end of the input. */
  String next() throws IOException;

  /** Returns the 1-based number of the line last returned, 0 before the first. */
  long lineNumber();

  /** Tells whether the line last returned was longer than the limit and so was cut. */
  boolean truncated();

  /**
   * Tells whether the line last returned is known to hold printable ASCII only, without a double
   * quote: every field cut from it alone is written back without escaping. False when unknown.
   */
  default boolean plain() {
    return false;
  }
}
