package io.github.cpt4j.cli.report;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The process's standard output as a {@link PrintWriter} that remembers why writing failed.
 * PrintWriter only says that it failed; the reason tells a reader that went away (a closed pipe:
 * stop quietly) from a disk that is full (say so, and fail).
 */
public final class StandardOutput extends PrintWriter {

  private final Recording recording;

  private StandardOutput(Recording recording, boolean autoFlush) {
    super(
        new BufferedWriter(new OutputStreamWriter(recording, StandardCharsets.UTF_8), 1 << 16),
        autoFlush);
    this.recording = recording;
  }

  /**
   * Returns a UTF-8 writer over {@code out}.
   *
   * @param autoFlush whether to flush after each line, for a person watching
   */
  public static StandardOutput over(OutputStream out, boolean autoFlush) {
    return new StandardOutput(new Recording(out), autoFlush);
  }

  /** Returns the first write failure, if any. */
  public Optional<IOException> failure() {
    return Optional.ofNullable(recording.failure);
  }

  /**
   * Tells whether writing failed for a reason other than a reader that went away. Such a failure
   * must be reported; a closed pipe need not be.
   */
  public boolean failedForReal() {
    IOException failure = recording.failure;
    return failure != null && !isClosedPipe(failure);
  }

  /** The operating system's words for a pipe whose reader is gone; Java gives no other sign. */
  static boolean isClosedPipe(IOException e) {
    String message = e.getMessage();
    return message != null
        && (message.contains("Broken pipe")
            || message.contains("pipe is being closed")
            || message.contains("pipe has been ended"));
  }

  /** Passes bytes through and keeps the first exception. */
  private static final class Recording extends FilterOutputStream {
    volatile IOException failure;

    Recording(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    private void remember(IOException e) {
      if (failure == null) {
        failure = e;
      }
    }
  }
}
