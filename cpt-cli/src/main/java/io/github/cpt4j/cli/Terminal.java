package io.github.cpt4j.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Tells whether the command talks to a person at a terminal, for progress bars and flushing. */
final class Terminal {

  private Terminal() {}

  /**
   * Returns whether standard input and output are a terminal. Java cannot ask about standard error
   * alone; a console is the usual proxy, and {@code cpt ... 2>log} is rare enough.
   */
  // On the Java 17 this targets, a null console is how the JDK says the streams are redirected.
  @SuppressWarnings("SystemConsoleNull")
  static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // From Java 22 System.console() may exist when redirected; isTerminal() then says the truth.
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true;
    }
  }
}
