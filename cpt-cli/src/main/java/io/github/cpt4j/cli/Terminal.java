package io.github.cpt4j.cli;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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

  /**
   * Returns whether standard error is a terminal: the bar's carriage returns belong on a screen,
   * not in {@code 2>log}. Java 17 cannot ask this; where the system names each open file by a link
   * (Linux's {@code /proc/self/fd}), the link says it, else a console is the proxy.
   */
  static boolean isStandardErrorTerminal() {
    return isTerminalLink(Path.of("/proc/self/fd/2")).orElseGet(Terminal::isInteractive);
  }

  /**
   * Reads a file descriptor's link: a terminal device ({@code /dev/pts/N}, {@code /dev/ttyN}),
   * another file, or empty when it is no link this can read (another system).
   *
   * @param link the descriptor's entry, {@code /proc/self/fd/2} outside tests
   * @return whether the link names a terminal, or empty when it cannot be read
   */
  static Optional<Boolean> isTerminalLink(Path link) {
    try {
      String target = Files.readSymbolicLink(link).toString();
      return Optional.of(
          target.startsWith("/dev/pts/")
              || target.startsWith("/dev/tty")
              || target.equals("/dev/console"));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
  }
}
