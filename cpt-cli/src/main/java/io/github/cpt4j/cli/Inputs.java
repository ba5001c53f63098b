package io.github.cpt4j.cli;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.cli.input.MalformedUtf8Exception;
import io.github.cpt4j.cli.input.Utf8Reader;
import io.github.cpt4j.cli.report.FileName;
import io.github.cpt4j.data.load.DataLoadException;
import java.io.FilterInputStream;
import java.io.IOError;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Opens the files named on the command line, with {@code -} for standard input. */
final class Inputs {

  /** The name that stands for standard input. */
  static final String STDIN = "-";

  private Inputs() {}

  /**
   * Opens {@code name} as UTF-8 text, decoded strictly: reading fails with a {@link
   * MalformedUtf8Exception} at the first byte that is not UTF-8 (a Latin-1 file), which a lenient
   * decoding turned into U+FFFD characters in the report, as if the user had typed them.
   *
   * @param option the option that named the input, as {@code --input}, named in the error of a path
   *     that is no file; null for a command's parameter, which has none
   * @throws CliException if the file cannot be opened, with the reason in plain words
   */
  static Reader openText(String option, String name, InputStream stdin) {
    return new Utf8Reader(openUtf8(option, name, stdin));
  }

  /** The most bytes at the start of an input that {@link #openUtf8} looks at. */
  static final int HEAD = 512;

  /**
   * Opens {@code name} as bytes that should be UTF-8, and refuses UTF-16 up front, by its first
   * bytes only. Read as UTF-8, a UTF-16 file failed at its byte order mark with a hint about
   * Latin-1, or without a mark was read with a NUL beside every character: a header "with no 'code'
   * column", or every line of {@code validate} invalid (status 1, not 2).
   *
   * @param option as {@link #openText}
   * @throws CliException if the file cannot be opened or read, or is UTF-16
   */
  static InputStream openUtf8(String option, String name, InputStream stdin) {
    InputStream in = open(option, name, stdin);
    byte[] head = new byte[HEAD];
    int n = 0;
    try {
      // Only what one read gives (more only for a byte order mark's two bytes): standard input
      // from a terminal gives a line at a time, and a line must not wait for the next.
      while (n < 2 || n < 4 && mayStartUtf32Mark(head)) {
        int k = in.read(head, n, HEAD - n);
        if (k < 0) {
          break;
        }
        n += k;
      }
      String what = wideText(head, n);
      if (what != null) {
        throw new CliException(
            describe(name) + " is " + what + ": expected UTF-8 text (save the file as UTF-8)");
      }
    } catch (IOException | RuntimeException e) {
      try {
        in.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof IOException io) {
        throw new CliException(cannotReadInput(option, name) + ": " + reason(io), io);
      }
      throw (RuntimeException) e;
    }
    return new Replay(in, head, n);
  }

  /**
   * Tells whether the first two bytes of {@code head} may begin a UTF-32 byte order mark (FF FE 00
   * 00 or 00 00 FE FF), so that two more are worth waiting for. Text typed at a terminal never
   * starts so, so a typed line still never waits for the next.
   */
  private static boolean mayStartUtf32Mark(byte[] head) {
    return head[0] == (byte) 0xFF && head[1] == (byte) 0xFE || head[0] == 0 && head[1] == 0;
  }

  /**
   * Says what wide encoding the bytes {@code head[0, n)}, the start of an input, are in and why
   * ({@code "UTF-16 (it starts with a UTF-16 byte order mark)"}), or returns null if they are not
   * UTF-16 or UTF-32: a byte order mark, or, without one, NUL bytes beside three characters in four
   * or more (of at least two), as those encodings write text of Latin letters and digits. A NUL or
   * two in UTF-8 text (damage, reported on its line) is not enough. The CMS loaders of cpt-data
   * refuse wide text too, from code in a package not exported, so the check is made here again, on
   * bytes, in words close to theirs.
   */
  static String wideText(byte[] head, int n) {
    // UTF-32LE's mark starts with UTF-16LE's: test the longer one first.
    if (n >= 4
        && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE && head[2] == 0 && head[3] == 0
            || head[0] == 0 && head[1] == 0 && head[2] == (byte) 0xFE && head[3] == (byte) 0xFF)) {
      return "UTF-32 (it starts with a UTF-32 byte order mark)";
    }
    if (n >= 2
        && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE
            || head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)) {
      return "UTF-16 (it starts with a UTF-16 byte order mark)";
    }
    int length = Math.min(n, head.length);
    int quads = length / 4;
    int utf32 = 0;
    for (int i = 0; i < quads; i++) {
      int nuls = 0;
      for (int j = 0; j < 4; j++) {
        nuls += head[4 * i + j] == 0 ? 1 : 0;
      }
      boolean littleEndian = head[4 * i] != 0 && nuls == 3;
      boolean bigEndian = head[4 * i + 3] != 0 && nuls == 3;
      utf32 += littleEndian || bigEndian ? 1 : 0;
    }
    if (quads >= 2 && 4 * utf32 >= 3 * quads) {
      return "UTF-32 (it has three NUL bytes beside each character, and no byte order mark)";
    }
    int pairs = length / 2;
    int littleEndian = 0;
    int bigEndian = 0;
    for (int i = 0; i < pairs; i++) {
      byte first = head[2 * i];
      byte second = head[2 * i + 1];
      if (first != 0 && second == 0) {
        littleEndian++;
      } else if (first == 0 && second != 0) {
        bigEndian++;
      }
    }
    if (pairs >= 2 && 4 * Math.max(littleEndian, bigEndian) >= 3 * pairs) {
      return "UTF-16 (it has a NUL byte beside each character, and no byte order mark)";
    }
    return null;
  }

  /** A stream that gives the bytes already read from its start, then the rest. */
  private static final class Replay extends FilterInputStream {
    private final byte[] head;
    private final int length;
    private int position;

    Replay(InputStream in, byte[] head, int length) {
      super(in);
      this.head = head;
      this.length = length;
    }

    @Override
    public int read() throws IOException {
      return position < length ? head[position++] & 0xFF : in.read();
    }

    /** The bytes kept, if any are left, and no more in that call: a read never waits for more. */
    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
      if (position < length && count > 0) {
        int n = Math.min(count, length - position);
        System.arraycopy(head, position, buffer, offset, n);
        position += n;
        return n;
      }
      return in.read(buffer, offset, count);
    }

    @Override
    public long skip(long count) throws IOException {
      if (position < length && count > 0) {
        int n = (int) Math.min(count, length - position);
        position += n;
        return n;
      }
      return in.skip(count);
    }

    @Override
    public int available() throws IOException {
      return length - position + in.available();
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public synchronized void mark(int limit) {
      // Not supported, as markSupported says.
    }

    @Override
    public synchronized void reset() throws IOException {
      throw new IOException("mark/reset not supported");
    }
  }

  /**
   * Names the input {@code name} at the start of an error line, as {@code in.csv: ...}: the name as
   * given, or {@code standard input} for {@code -}, as every other message calls it.
   */
  static String prefix(String name) {
    return STDIN.equals(name) ? "standard input" : FileName.shown(name);
  }

  /** Names the input {@code name} in errors: its file name, or standard input for {@code -}. */
  static String describe(String name) {
    return STDIN.equals(name) ? "standard input" : FileName.quoted(name);
  }

  /**
   * Returns the one-line error for input that is not UTF-8, naming the input, the line and the
   * byte.
   */
  static CliException notUtf8(String name, MalformedUtf8Exception e) {
    return new CliException(describe(name) + ", " + e.getMessage(), e);
  }

  /**
   * Opens {@code name} as bytes; standard input is wrapped so that closing it leaves the process's
   * stream open.
   *
   * @param option as {@link #openText}
   * @throws CliException if the file cannot be opened: a path that is no file as {@link
   *     #checkFiles} says it, any other failure as {@code cannot read --input 'FILE': reason}
   */
  static InputStream open(String option, String name, InputStream stdin) {
    if (STDIN.equals(name)) {
      return new FilterInputStream(stdin) {
        @Override
        public void close() {}
      };
    }
    Path path = path(name);
    if (Files.isDirectory(path)) {
      throw new CliException(cannotRead(option, name) + ": " + notAFile(path));
    }
    checkNotADirectoryName(option, name, path);
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new CliException(cannotRead(option, name) + ": " + notAFile(path), e);
    } catch (IOException e) {
      throw new CliException(cannotRead(option, name) + ": " + reason(e), e);
    }
  }

  /**
   * Checks that the input {@code name} can be opened as a file, as {@link #open} does, so that a
   * command refuses a wrong name before it loads its data: {@code cpt scrub} read the whole NCCI
   * tables, and {@code cpt price} its data files, before saying that the input was missing. A named
   * pipe or a device passes, as {@link #open} reads them; standard input ({@code -}) has no path.
   *
   * @param option the option that named the input, as {@code --input}
   * @param name the input as given
   * @throws CliException if {@code name} is a directory or does not exist: {@code cannot read
   *     --input 'FILE': it is a directory}, or {@code no such file}
   */
  static void checkInput(String option, String name) {
    if (STDIN.equals(name)) {
      return;
    }
    Path path = path(name);
    if (Files.isDirectory(path) || !Files.exists(path)) {
      throw new CliException(cannotRead(option, name) + ": " + notAFile(path));
    }
    checkNotADirectoryName(option, name, path);
  }

  /**
   * Tells whether {@code name}, which {@code path} was made from, ends in a separator ({@code
   * out/}): it names a directory, as the system reads it, though a {@link Path} drops the
   * separator.
   */
  static boolean namesADirectory(String name, Path path) {
    return name.endsWith("/") || name.endsWith(path.getFileSystem().getSeparator());
  }

  /**
   * Refuses a name that ends in a separator, {@code lines.csv/}, for a file that is no directory:
   * such a name names a directory, as the system reads it, but a {@link Path} drops the separator,
   * so {@code --input lines.csv/} read lines.csv where the system's own tools say it is not a
   * directory. As the output's name is checked ({@code Destination}).
   */
  private static void checkNotADirectoryName(String option, String name, Path path) {
    if (namesADirectory(name, path) && Files.exists(path) && !Files.isDirectory(path)) {
      throw new CliException(cannotRead(option, name) + ": " + notADirectory(path));
    }
  }

  /**
   * {@code cannot read --input 'FILE'}, or {@code cannot read 'FILE'} without an option (the {@code
   * FILE} of {@code validate}): the start of every message about a file that cannot be read, the
   * reason after a colon, so that each names the option the file came from. The one place that
   * words it.
   */
  static String cannotRead(String option, String name) {
    return "cannot read " + (option == null ? "" : option + " ") + FileName.quoted(name);
  }

  /**
   * {@link #cannotRead(String, String)} of an input that may be standard input ({@code -}), which
   * is {@code cannot read standard input}: its option names no file.
   */
  static String cannotReadInput(String option, String name) {
    return STDIN.equals(name) ? "cannot read standard input" : cannotRead(option, name);
  }

  /**
   * Returns the path named {@code name}.
   *
   * @throws CliException if it is not a path on this system
   */
  static Path path(String name) {
    try {
      return Path.of(name);
    } catch (InvalidPathException e) {
      throw new CliException(FileName.quoted(name) + " is not a file name: " + e.getReason(), e);
    }
  }

  /**
   * Checks that each file named by the data option {@code option} of {@code command} ({@code --gpci
   * FILE} and the like, each part of a repeated {@code --ptp}) can be read, so that a wrong name is
   * refused before anything is loaded.
   *
   * @param command the command whose command line gave the option
   * @param option the option, as {@code --gpci}, named in the error
   * @throws CliException if a name is not that of a regular file: {@code cannot read --gpci 'FILE':
   *     it is a directory}, or as {@link #notAFile} says, or it ends in a separator, {@code cannot
   *     read --gpci 'FILE/': not a directory}, as {@link #checkInput} refuses an input's
   */
  static void checkFiles(CommandLine command, String option) {
    requireNonNull(option, "option");
    for (String name : namesGiven(command, option)) {
      Path file = path(name);
      if (!Files.isRegularFile(file)) {
        throw new CliException(cannotRead(option, name) + ": " + notAFile(file));
      }
      checkNotADirectoryName(option, name, file);
    }
  }

  /**
   * Returns the values of {@code option} on {@code command}'s command line as they were typed, in
   * their order; empty when it was not given. An option read as a {@link Path} has lost a separator
   * at the end of its name ({@code GPCI2025.csv/} became GPCI2025.csv, which the system's own tools
   * say is not a directory), so its name is checked as given.
   */
  static List<String> namesGiven(CommandLine command, String option) {
    OptionSpec given = command.getParseResult().matchedOption(option);
    return given == null ? List.of() : given.originalStringValues();
  }

  /**
   * Says why {@code path}, which is not a regular file, cannot be read as one: {@code no such
   * file}, {@code it is a directory}, or {@code not a regular file} (a named pipe, a device). Every
   * message about a path that should be a file ends this way, after the option and the path, as
   * {@link #notADirectory} ends those about a directory.
   */
  static String notAFile(Path path) {
    if (Files.isDirectory(path)) {
      return "it is a directory";
    }
    return Files.exists(path) ? "not a regular file" : "no such file";
  }

  /**
   * Checks that the directory named by a directory option ({@code --cms-dir}) can be read.
   *
   * @param option the option, as {@code --cms-dir}, named in the error
   * @throws CliException if {@code directory} is not a directory: {@code cannot read --cms-dir
   *     'DIR': no such directory}, or {@code not a directory} for a file
   */
  static void checkDirectory(String option, Path directory) {
    requireNonNull(option, "option");
    if (!Files.isDirectory(directory)) {
      throw new CliException(
          cannotRead(option, directory.toString()) + ": " + notADirectory(directory));
    }
  }

  /**
   * Says why {@code path}, which is not a directory, cannot be used as one: {@code no such
   * directory} or {@code not a directory}. Every message about a path that should be a directory
   * ends this way, after the path, so that they read alike whichever option named it.
   */
  static String notADirectory(Path path) {
    return Files.exists(path) ? "not a directory" : "no such directory";
  }

  /**
   * Returns the one-line error for a failure to load the data files {@code files}, each with the
   * option that named it: a malformed file's {@link DataLoadException} says file, line and column
   * itself, a bad value's {@link IllegalArgumentException} says what is wrong, and a read failure
   * becomes {@code cannot read --gpci 'FILE': reason} (see {@link #cannotRead(IOException, List,
   * String)}).
   *
   * @param e what the loading threw: an {@link IllegalArgumentException} or an {@link
   *     UncheckedIOException}
   * @param what names what was read, such as {@code the fee schedule}, for a failure that names no
   *     file
   */
  static CliException loadFailure(
      RuntimeException e, List<Map.Entry<String, Path>> files, String what) {
    return loadFailure(e, cause -> cannotRead(cause, files, what));
  }

  /**
   * Returns the one-line error for a failure to load the directory of CMS files {@code directory},
   * as {@link #loadFailure(RuntimeException, List, String)} does for single files, a read failure
   * becoming {@code cannot read --cms-dir 'DIR': reason} (see {@link #cannotRead(IOException,
   * String, Path)}).
   */
  static CliException loadFailure(RuntimeException e, String option, Path directory) {
    // A problem of the directory as a whole (no relative value file in it) names the directory as
    // its file, by its absolute path: said as the option's other problems are, by the name given.
    if (e instanceof UncheckedIOException unchecked
        && unchecked.getCause() instanceof DataLoadException problem
        && problem.line() == 0
        && isSamePath(problem.sourceName(), directory)) {
      return new CliException(
          cannotRead(option, directory.toString()) + ": " + problem.problem(), e);
    }
    return loadFailure(e, cause -> cannotRead(cause, option, directory));
  }

  private static CliException loadFailure(
      RuntimeException e, Function<IOException, String> cannotRead) {
    if (e instanceof UncheckedIOException unchecked) {
      IOException cause = unchecked.getCause();
      return new CliException(
          cause instanceof DataLoadException ? cause.getMessage() : cannotRead.apply(cause), e);
    }
    return new CliException(e.getMessage(), e);
  }

  /**
   * Returns {@code cannot read --gpci 'FILE': reason} for {@code e}, a failure to read some of
   * {@code files}, each with the option that named it: the file {@code e} names (the JDK's
   * exceptions for a file that cannot be opened do, and cpt-data's loaders name the file of an I/O
   * error while reading, even of several read together), with its option, as the checks before the
   * run name a missing one. A file named by no option keeps its name alone; {@code what} stands in
   * for an exception that names no file at all.
   */
  static String cannotRead(IOException e, List<Map.Entry<String, Path>> files, String what) {
    String file = e instanceof FileSystemException fs ? fs.getFile() : null;
    if (file == null) {
      return "cannot read " + what + ": " + reason(e);
    }
    String option = null;
    for (Map.Entry<String, Path> given : files) {
      if (isSamePath(file, given.getValue())) {
        option = given.getKey();
        break;
      }
    }
    return cannotRead(option, file) + ": " + reason(e);
  }

  /**
   * Returns {@code cannot read --cms-dir 'DIR': FILE: reason} for {@code e}, a failure to read the
   * directory {@code directory} that {@code option} named or the file {@code FILE} in it, which
   * {@code e} names by its path in the directory, as the directory's other errors name it; {@code
   * cannot read --cms-dir 'DIR': reason} for the directory itself, or a failure that names no file.
   */
  static String cannotRead(IOException e, String option, Path directory) {
    String file = e instanceof FileSystemException fs ? fs.getFile() : null;
    String in = file == null || isSamePath(file, directory) ? "" : FileName.shown(file) + ": ";
    return cannotRead(option, directory.toString()) + ": " + in + reason(e);
  }

  /** Tells whether {@code name}, as an exception names a file, is {@code path}. */
  private static boolean isSamePath(String name, Path path) {
    if (name.equals(path.toString())) {
      return true;
    }
    try {
      return Path.of(name).toAbsolutePath().normalize().equals(path.toAbsolutePath().normalize());
    } catch (InvalidPathException | IOError | SecurityException e) {
      return false;
    }
  }

  /**
   * Returns the process's standard input, {@code System.in}, whose reads fail with {@code it is
   * closed} when the shell closed it ({@code <&-}). Descriptor 0 is then the first file the JVM
   * opened, its own module image, and reading it took the image for the user's input ({@code
   * standard input, file line 1, byte 1: 0xDA is not valid UTF-8}). Told, at the first read only,
   * through Linux's {@code /proc/self/fd/0}, which then names a file of the Java installation;
   * elsewhere, or when it cannot be told, {@code System.in} is read as it is.
   */
  static InputStream standardInput() {
    return new FilterInputStream(System.in) {
      private int open; // 0 not yet looked at, 1 open, -1 closed

      private void check() throws IOException {
        if (open == 0) {
          open = isJavaFile(Path.of("/proc/self/fd/0")) ? -1 : 1;
        }
        if (open < 0) {
          throw new IOException("it is closed");
        }
      }

      @Override
      public int read() throws IOException {
        check();
        return super.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        check();
        return super.read(b, off, len);
      }
    };
  }

  /** Tells whether the descriptor link {@code fd} names a file of the running Java installation. */
  private static boolean isJavaFile(Path fd) {
    try {
      if (!Files.isSymbolicLink(fd)) {
        return false;
      }
      Path file = Files.readSymbolicLink(fd);
      String home = System.getProperty("java.home");
      return home != null && file.isAbsolute() && file.startsWith(Path.of(home).toRealPath());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Says why a file operation failed, without Java's exception names. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    // A FileSystemException's message repeats the file's name, raw: its reason alone.
    String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
    return reason == null ? e.getClass().getSimpleName() : reason;
  }
}
