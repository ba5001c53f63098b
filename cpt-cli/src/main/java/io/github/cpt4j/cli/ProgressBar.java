package io.github.cpt4j.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A one-line progress display on standard error for long batch runs: rows done, the share of the
 * input read when its size is known, and the rate. It redraws at most ten times a second and is
 * used only when a person is watching; piped and logged runs never see it.
 */
final class ProgressBar implements LongConsumer {

  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int BAR_WIDTH = 30;

  private final PrintWriter err;
  private final LongSupplier bytesRead;
  private final long totalBytes;
  private final LongSupplier clock;
  private final long start;
  private long lastDraw;
  private int lastLength;

  /**
   * Creates a progress bar.
   *
   * @param bytesRead how many bytes of the input were read so far
   * @param totalBytes the input's size, or -1 if unknown (standard input)
   * @param clock nanoseconds, {@link System#nanoTime()} outside tests
   */
  ProgressBar(PrintWriter err, LongSupplier bytesRead, long totalBytes, LongSupplier clock) {
    this.err = requireNonNull(err, "err");
    this.bytesRead = requireNonNull(bytesRead, "bytesRead");
    this.totalBytes = totalBytes;
    this.clock = requireNonNull(clock, "clock");
    this.start = clock.getAsLong();
    this.lastDraw = start;
  }

  /** Redraws with {@code rows} done, if the last redraw is old enough. */
  @Override
  public void accept(long rows) {
    long now = clock.getAsLong();
    if (now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    draw(rows, now);
  }

  /** Draws the final state and ends the line, so that later messages start on their own. */
  void finish(long rows) {
    if (lastLength > 0) {
      draw(rows, clock.getAsLong());
      err.print(System.lineSeparator());
      err.flush();
    }
  }

  /**
   * Ends the line where the run stopped, without redrawing: a run that fails prints its error on a
   * line of its own, not glued to the bar's.
   */
  void abandon() {
    if (lastLength > 0) {
      err.print(System.lineSeparator());
      err.flush();
      lastLength = 0;
    }
  }

  private void draw(long rows, long now) {
    String line = line(rows, bytesRead.getAsLong(), totalBytes, now - start);
    // Spaces wipe what a longer previous line left behind.
    err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    err.flush();
    lastLength = line.length();
  }

  /** Formats the line: {@code [===== ] 45% 120,000 rows 210,000 rows/s}. */
  static String line(long rows, long bytes, long totalBytes, long elapsedNanos) {
    StringBuilder sb = new StringBuilder(80);
    if (totalBytes > 0) {
      double share = Math.min(1.0, (double) bytes / totalBytes);
      int filled = (int) Math.round(share * BAR_WIDTH);
      sb.append('[')
          .append("=".repeat(filled))
          .append(" ".repeat(BAR_WIDTH - filled))
          .append("] ")
          .append(String.format(Locale.ROOT, "%3d%%  ", Math.round(share * 100)));
    }
    sb.append(String.format(Locale.ROOT, "%,d rows", rows));
    if (elapsedNanos > 0) {
      long rate = Math.round(rows / (elapsedNanos / 1e9));
      sb.append(String.format(Locale.ROOT, "  %,d rows/s", rate));
    }
    return sb.toString();
  }
}
