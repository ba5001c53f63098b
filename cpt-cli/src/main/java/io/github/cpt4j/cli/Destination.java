package io.github.cpt4j.cli;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.cli.report.OutputClosedException;
import io.github.cpt4j.cli.report.OutputFailedException;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a command's results go: standard output, or a file that is replaced only when the command
 * succeeds. A file is written to a temporary file beside it, flushed and synced to the disk, and
 * renamed over the target at {@link #commit()}; {@link #close()} without a commit deletes the
 * temporary file. So a run that fails, or is killed at any moment, leaves the old file or none,
 * never a part of the new one. A target that exists but is not a regular file (a device such as
 * {@code /dev/null}, a named pipe) cannot be replaced and is written directly.
 *
 * <p>Every write failure is an {@link OutputFailedException} naming the output, so that it is never
 * blamed on the input.
 */
final class Destination implements AutoCloseable {

  private final String name;
  private final Path target; // null for standard output
  private final PrintWriter stdout;
  private Path temporary;
  private FileChannel channel;
  private Writer writer;
  private boolean committed;

  private Destination(String name, Path target, PrintWriter stdout) {
    this.name = name;
    this.target = target;
    this.stdout = stdout;
  }

  /**
   * Returns the destination the user named: {@code null} or {@code -} for standard output.
   *
   * @throws CliException if {@code name} is not a file name
   */
  static Destination of(String name, PrintWriter stdout) {
    requireNonNull(stdout, "stdout");
    if (name == null || Inputs.STDIN.equals(name)) {
      return new Destination("standard output", null, stdout);
    }
    return new Destination("'" + name + "'", Inputs.path(name), stdout);
  }

  /** Tells whether the results go to a file. */
  boolean toFile() {
    return target != null;
  }

  /** Returns the output's name for messages: the file's, quoted, or {@code standard output}. */
  String displayName() {
    return name;
  }

  /**
   * Opens the writer, once; nothing is created before this is called.
   *
   * @throws OutputFailedException if the file cannot be created
   */
  Writer open() throws IOException {
    if (writer != null) {
      return writer;
    }
    if (target == null) {
      writer = stdout;
      return writer;
    }
    try {
      OutputStream stream;
      if (Files.exists(target) && !Files.isRegularFile(target)) {
        stream = Files.newOutputStream(target);
      } else {
        Path file = target.toAbsolutePath();
        String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        temporary = file.resolveSibling("." + file.getFileName() + "." + random + ".tmp");
        channel =
            FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        stream = Channels.newOutputStream(channel);
      }
      writer =
          new BufferedWriter(
              new OutputStreamWriter(new Named(stream), StandardCharsets.UTF_8), 1 << 16);
      return writer;
    } catch (IOException e) {
      deleteTemporary();
      throw e instanceof OutputFailedException ? e : new OutputFailedException(name, e);
    }
  }

  /**
   * Makes the results final: flushes them and, for a file, syncs it to the disk and renames it into
   * place.
   *
   * @throws OutputFailedException if writing failed
   * @throws OutputClosedException if standard output's reader went away
   */
  void commit() throws IOException {
    Writer out = open(); // an output with no results is still written
    if (target == null) {
      out.flush();
      OutputClosedException.check(out);
      committed = true;
      return;
    }
    try {
      out.flush();
      if (channel != null) {
        channel.force(true);
      }
      out.close();
      if (temporary != null) {
        move();
        syncDirectory();
      }
      committed = true;
    } catch (IOException e) {
      throw e instanceof OutputFailedException ? e : new OutputFailedException(name, e);
    }
  }

  private void move() throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
    temporary = null;
  }

  /** So that the rename itself survives a power cut; not every system can open a directory. */
  private void syncDirectory() {
    Path directory = target.toAbsolutePath().getParent();
    if (directory == null) {
      return;
    }
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | RuntimeException e) {
      // Best effort: the file's own contents are already synced.
    }
  }

  /** Without a commit: closes the file and deletes the temporary file; leaves the old one. */
  @Override
  public void close() {
    if (target == null) {
      if (writer != null && !committed) {
        stdout.flush(); // what was written before a failure still reaches the reader
      }
      return;
    }
    if (!committed && writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        // The failure that got us here is the one reported.
      }
    }
    deleteTemporary();
  }

  private void deleteTemporary() {
    if (temporary != null) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        // Nothing more to do; the target is untouched either way.
      }
      temporary = null;
    }
  }

  /** Names the output in every write failure. */
  private final class Named extends FilterOutputStream {
    Named(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw new OutputFailedException(name, e);
      }
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw new OutputFailedException(name, e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw new OutputFailedException(name, e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } catch (IOException e) {
        throw new OutputFailedException(name, e);
      }
    }
  }
}
