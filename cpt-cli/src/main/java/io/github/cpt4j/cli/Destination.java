package io.github.cpt4j.cli;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.cli.report.FileName;
import io.github.cpt4j.cli.report.OutputClosedException;
import io.github.cpt4j.cli.report.OutputFailedException;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a command's results go: standard output, or a file that is replaced only when the command
 * succeeds. A file is written to a temporary file beside it, flushed and synced to the disk, and
 * renamed over the target at {@link #commit()}; {@link #close()} without a commit deletes the
 * temporary file. So a run that fails, or is killed at any moment, leaves the old file or none,
 * never a part of the new one. A killed run cannot delete its temporary file; the next run to the
 * same target does, when the process that wrote it is gone (see {@link #temporaryPrefix}). A target
 * that exists but is not a regular file (a device such as {@code /dev/null}, a named pipe) cannot
 * be replaced and is written directly; through a symbolic link, the file it names is replaced and
 * the link kept. A file descriptor is written through, never truncated: this process's standard
 * output ({@code /dev/stdout}, {@code /dev/fd/1}) is written as {@code -} is, its standard error
 * ({@code /dev/stderr}) through the process's own descriptor 2, and any other ({@code /dev/fd/3})
 * opened to append (see {@link #descriptor}).
 *
 * <p>Every write failure is an {@link OutputFailedException} naming the output, a file by its
 * option ({@code cannot write --output 'out.csv': reason}), so that it is never blamed on the
 * input.
 */
final class Destination implements AutoCloseable {

  /** The part of a temporary file's name after its prefix: the process id, random digits. */
  private static final Pattern TEMPORARY = Pattern.compile("(\\d{1,18})-[0-9a-f]{16}\\.tmp");

  private final String option;
  private final String name;
  private final Path target; // null for standard output
  private final PrintWriter stdout;

  /** Whether {@link #target} is this process's standard error, written through descriptor 2. */
  private final boolean standardError;

  /** Makes the {@link WriteBehind} of a temporary file's sync: {@code WriteBehind::new}. */
  private final Function<WriteBehind.Sync, WriteBehind> writeBehinds;

  private Path temporary;

  /** The file the temporary file is renamed over: the target, or the file its link names. */
  private Path replaced;

  private FileChannel channel;

  /** Syncs the temporary file in steps while it is written; null for other outputs. */
  private WriteBehind writeBehind;

  private Writer writer;

  /** The file's bytes, when {@link #openBytes()} opened it; {@link #writer} then writes to it. */
  private OutputStream bytes;

  private boolean committed;

  private Destination(
      String option,
      String name,
      Path target,
      PrintWriter stdout,
      Function<WriteBehind.Sync, WriteBehind> writeBehinds) {
    this.option = option;
    this.name = name;
    this.target = target;
    this.stdout = stdout;
    this.writeBehinds = writeBehinds;
    this.standardError = target != null && descriptor(target) == STANDARD_ERROR;
  }

  /**
   * Returns the destination the user named: {@code null} or {@code -} for standard output.
   *
   * @param option the option that named the output, as {@code --output}, named in the errors of a
   *     path that cannot be the file: {@code cannot write --output 'out': it is a directory}
   * @throws CliException if {@code name} is not a file name, or names a directory
   */
  static Destination of(String option, String name, PrintWriter stdout) {
    return of(option, name, stdout, WriteBehind::new);
  }

  /**
   * {@link #of(String, String, PrintWriter)}, syncing a file in steps with what {@code
   * writeBehinds} makes of its sync: a test breaks the sync.
   */
  static Destination of(
      String option,
      String name,
      PrintWriter stdout,
      Function<WriteBehind.Sync, WriteBehind> writeBehinds) {
    requireNonNull(option, "option");
    requireNonNull(stdout, "stdout");
    requireNonNull(writeBehinds, "writeBehinds");
    if (name == null || Inputs.STDIN.equals(name)) {
      return new Destination(option, "standard output", null, stdout, writeBehinds);
    }
    Path target = Inputs.path(name);
    if (descriptor(target) == STANDARD_OUTPUT) {
      // Written as "-" is: opened anew, the shell's file was truncated (-o /dev/stdout >> log
      // lost the log) and written from its start, over what the shell had written before.
      return new Destination(option, "standard output", null, stdout, writeBehinds);
    }
    if (Files.isDirectory(target)) {
      // Else the temporary file's rename failed with the system's words ("Is a directory").
      throw isADirectory(option, name, target);
    }
    checkNotADirectoryName(option, name, target);
    return new Destination(option, FileName.quoted(name), target, stdout, writeBehinds);
  }

  /**
   * Checks that the directory the output file {@code name} goes in exists, and that {@code name} is
   * not itself a directory, before anything is read: else the run failed only when the results were
   * to be written, after the whole input was read.
   *
   * @param option the option that named the output, as {@code --output}, named in the error
   * @param name the output as given; {@code null} or {@code -} for standard output, which has none
   * @throws CliException if the directory is missing or a file: {@code cannot write --output
   *     'out/x.csv': 'out': no such directory}, or {@code not a directory}; or if {@code name} is a
   *     directory: {@code cannot write --output 'out': it is a directory}
   */
  static void checkDirectory(String option, String name) {
    requireNonNull(option, "option");
    if (name == null || Inputs.STDIN.equals(name)) {
      return;
    }
    Path target = Inputs.path(name);
    Path directory = target.getParent();
    if (directory != null && !Files.isDirectory(directory)) {
      throw new CliException(
          "cannot write " + option + " " + FileName.quoted(name) + ": " + notADirectory(directory));
    }
    // Told by of() too, but only once the command has loaded its data and edits: a scrub read the
    // whole NCCI tables before saying it.
    if (Files.isDirectory(target)) {
      throw isADirectory(option, name, target);
    }
    checkNotADirectoryName(option, name, target);
  }

  /**
   * Refuses a name that ends in a separator, {@code out/}, and is no directory: it names a
   * directory, as the system reads it, but a {@link Path} drops the separator, so {@code out/} was
   * written as the file {@code out}, and {@code priced.csv/} replaced {@code priced.csv}.
   */
  private static void checkNotADirectoryName(String option, String name, Path target) {
    if (Inputs.namesADirectory(name, target) && !Files.isDirectory(target)) {
      throw new CliException(
          "cannot write " + option + " " + FileName.quoted(name) + ": " + notADirectory(target));
    }
  }

  /** {@code cannot write --output 'out': it is a directory}. */
  private static CliException isADirectory(String option, String name, Path target) {
    return new CliException(
        "cannot write " + option + " " + FileName.quoted(name) + ": " + Inputs.notAFile(target));
  }

  /**
   * Says why the output cannot go in {@code directory}: {@code 'out': no such directory}, or {@code
   * not a directory}.
   */
  private static String notADirectory(Path directory) {
    return FileName.quoted(directory.toString()) + ": " + Inputs.notADirectory(directory);
  }

  /**
   * Names the output in the failure {@code e} of writing its file, by its option and its name, as
   * {@code cannot write --output 'out.csv': reason}. A directory that went away during the run, or
   * became a file, is told as {@link #checkDirectory} tells it before the run: the system's words
   * named no directory, and the output only as "no such directory" would.
   */
  private OutputFailedException failure(IOException e) {
    if (e instanceof OutputFailedException failed) {
      return failed;
    }
    Path directory = target.getParent();
    if (directory != null && !Files.isDirectory(directory)) {
      return new OutputFailedException(fileOutput(), notADirectory(directory), e);
    }
    // Also "no such directory" with no directory to name: the current directory, gone.
    return new OutputFailedException(fileOutput(), e);
  }

  /**
   * The output file for a write failure's message, by its option and its name: {@code --output
   * 'out.csv'}, as the checks before the run name it.
   */
  private String fileOutput() {
    return option + " " + name;
  }

  /**
   * Returns the name of the input that the output {@code name} would overwrite, if any: an output
   * file is replaced at the end of the run, so it must not be a file the run reads.
   *
   * @param inputs each input's name for the message ({@code --input}, {@code --mue}) and its file;
   *     {@code -} as {@code --input} stands for standard input, which may be redirected from a file
   */
  static Optional<String> overwrittenInput(String name, List<Map.Entry<String, String>> inputs) {
    if (name == null || Inputs.STDIN.equals(name)) {
      return Optional.empty();
    }
    Path out = Inputs.path(name);
    if (!Files.exists(out)) {
      return Optional.empty();
    }
    for (Map.Entry<String, String> input : inputs) {
      boolean stdin = Inputs.STDIN.equals(input.getValue());
      Path file = stdin ? Path.of("/dev/stdin") : Inputs.path(input.getValue());
      if (isSameFile(file, out)) {
        return Optional.of(stdin ? "standard input" : input.getKey());
      }
    }
    return Optional.empty();
  }

  /**
   * Tells whether the output file {@code name} would be written inside {@code directory} or any of
   * its sub-directories (whether or not the file exists yet): a directory the run reads as data,
   * whose files the output would replace or join. So is a symbolic link, wherever it is, to a file
   * in there, whose file the output replaces.
   */
  static boolean isInside(String name, Path directory) {
    if (name == null || Inputs.STDIN.equals(name)) {
      return false;
    }
    try {
      Path path = Inputs.path(name).toAbsolutePath();
      Path real = directory.toRealPath();
      if (Files.isSymbolicLink(path) && Files.exists(path) && path.toRealPath().startsWith(real)) {
        return true;
      }
      Path parent = path.getParent();
      return parent != null && Files.isDirectory(parent) && parent.toRealPath().startsWith(real);
    } catch (IOException | SecurityException e) {
      return false; // the output cannot be written there either; opening it will say why
    }
  }

  private static boolean isSameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.isSameFile(a, b);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /**
   * Tells whether the results go to a file, or elsewhere than standard output and standard error:
   * then a progress bar on standard error mixes with nothing.
   */
  boolean toFile() {
    return target != null && !standardError;
  }

  /** Tells whether the results go to standard error, where a progress bar would mix with them. */
  boolean toStandardError() {
    return standardError;
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
    writer =
        new BufferedWriter(new OutputStreamWriter(openFile(), StandardCharsets.UTF_8), 1 << 16);
    return writer;
  }

  /**
   * Opens a file as UTF-8 bytes, once, instead of {@link #open()}: for text already encoded, such
   * as the batch pricer's plain lines, which a writer would decode and encode again. Null for
   * standard output, which is written through its writer.
   *
   * @throws OutputFailedException if the file cannot be created
   */
  OutputStream openBytes() throws IOException {
    if (target == null) {
      return null;
    }
    if (writer == null) {
      bytes = new BufferedOutputStream(openFile(), 1 << 16);
      writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8); // flushes and closes it
    }
    return bytes;
  }

  /** Creates the temporary file (or opens a target that is no regular file) to write. */
  private OutputStream openFile() throws IOException {
    try {
      OutputStream stream;
      if (standardError) {
        // The process's own descriptor, whose offset the shell shares: a second opening of the
        // file writes from where it likes, over the messages before and after the results.
        stream = new Unclosed(new FileOutputStream(FileDescriptor.err));
      } else if (descriptor(target) >= 0 || isDescriptor(target)) {
        // Opened anew, the shell's file: never truncated (the default of newOutputStream), which
        // lost what it held (-o /dev/fd/3 3>> log), and appended to, not written from its start.
        try {
          stream =
              Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (NoSuchFileException e) {
          // The shell opened no such descriptor (-o /dev/fd/3 without 3>): no directory is missing.
          throw new OutputFailedException(fileOutput(), "no such open file descriptor", e);
        }
      } else if (Files.exists(target) && !Files.isRegularFile(target)) {
        stream = Files.newOutputStream(target);
      } else {
        // Through a symbolic link, the file it names is replaced and the link kept: a rename over
        // the link itself turned it into a file and left the file it named as it was. (A link to
        // nothing is replaced as before: there is no file to keep it pointing to.)
        Path file =
            Files.isSymbolicLink(target) && Files.exists(target)
                ? target.toRealPath()
                : target.toAbsolutePath();
        replaced = file;
        removeStaleTemporaryFiles(file);
        String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        temporary =
            file.resolveSibling(
                temporaryPrefix(file) + ProcessHandle.current().pid() + "-" + random + ".tmp");
        Set<PosixFilePermission> permissions = permissions(file);
        if (permissions == null) {
          channel =
              FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } else {
          // The file replaced keeps its permissions: a private file made anew with the defaults
          // was readable by all. Created with them, the temporary file is never more open than
          // the file it replaces; set again, since the umask may have taken some away.
          channel =
              FileChannel.open(
                  temporary,
                  Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                  PosixFilePermissions.asFileAttribute(permissions));
          Files.setPosixFilePermissions(temporary, permissions);
        }
        FileChannel written = channel;
        writeBehind = writeBehinds.apply(() -> written.force(false));
        stream = Channels.newOutputStream(channel);
      }
      return new Named(stream);
    } catch (IOException e) {
      deleteTemporary();
      throw failure(e);
    }
  }

  /**
   * Returns the POSIX permissions of {@code file}, the file a run's output replaces, or null when
   * there is none or its file system has no POSIX permissions.
   */
  private static Set<PosixFilePermission> permissions(Path file) throws IOException {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return null;
    }
    try {
      return Files.getPosixFilePermissions(file);
    } catch (NoSuchFileException e) {
      return null; // a new file, or one deleted meanwhile: nothing to keep
    }
  }

  /**
   * The start of the name of a temporary file for {@code file}: {@code .FILE.cpt-}, then the id of
   * the process writing it, a dash, 16 random hexadecimal digits and {@code .tmp}. The name says
   * whose it is, so that the next run can tell a file left behind by a killed run from one that
   * another run is still writing.
   */
  private static String temporaryPrefix(Path file) {
    return "." + file.getFileName() + ".cpt-";
  }

  /**
   * Deletes the temporary files of {@code file} that a run killed before it could clean up left
   * behind: those of our naming whose process is no longer running on this machine. Files of any
   * other name, and those of a process still running, are left alone. Best effort: a file that
   * cannot be listed or deleted is not this run's problem.
   */
  private static void removeStaleTemporaryFiles(Path file) {
    Path directory = file.getParent();
    if (directory == null) {
      return;
    }
    String prefix = temporaryPrefix(file);
    try (DirectoryStream<Path> siblings =
        Files.newDirectoryStream(directory, p -> p.getFileName().toString().startsWith(prefix))) {
      for (Path sibling : siblings) {
        Matcher name = TEMPORARY.matcher(sibling.getFileName().toString());
        if (name.region(prefix.length(), name.regionEnd()).matches()
            && !isRunning(name.group(1))
            && Files.isRegularFile(sibling, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(sibling);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Leftovers only take space; they never stand in for the output.
    }
  }

  private static boolean isRunning(String pid) {
    return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
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
      if (writeBehind != null) {
        writeBehind.finish();
      }
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
      throw failure(e);
    }
  }

  private void move() throws IOException {
    try {
      Files.move(temporary, replaced, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, replaced, StandardCopyOption.REPLACE_EXISTING);
    }
    temporary = null;
  }

  /**
   * Tells whether {@code target} is a symbolic link, or a chain of them, into {@code /proc}: an
   * open file descriptor, as {@code /dev/stdout} and {@code /dev/fd/1} are on Linux. Its file, when
   * standard output is redirected to one, is the shell's, open and perhaps shared: it is written
   * through the descriptor, as a device is. Replaced by a rename, as a file is, the results went
   * nowhere the shell would look (and {@code /dev/stdout} itself became a file where {@code /dev}
   * is writable).
   */
  private static boolean isDescriptor(Path target) {
    Path at = target.toAbsolutePath();
    try {
      for (int hops = 0; hops < 40 && Files.isSymbolicLink(at); hops++) {
        Path parent = at.getParent();
        Path directory = parent == null ? at.getRoot() : parent.toRealPath();
        if (directory.startsWith("/proc")) {
          return true;
        }
        at = directory.resolve(Files.readSymbolicLink(at));
        Path next = at.getParent();
        if (next != null && Files.isDirectory(next) && next.toRealPath().startsWith("/proc")) {
          return true;
        }
      }
    } catch (IOException | RuntimeException e) {
      return false; // taken as a file; opening it will say what is wrong
    }
    return false;
  }

  /** {@link #descriptor}'s answer for standard output. */
  private static final int STANDARD_OUTPUT = 1;

  /** {@link #descriptor}'s answer for standard error. */
  private static final int STANDARD_ERROR = 2;

  /** The directory of a process's open descriptors in {@code /proc}, or of one of its threads'. */
  private static final Pattern DESCRIPTORS = Pattern.compile("/proc/(\\d+)(?:/task/\\d+)?/fd");

  /**
   * Returns the number of the descriptor of this process that {@code target} names, or -1 if it
   * names none: {@code /dev/stdout} and {@code /dev/stderr}, {@code /dev/fd/N}, {@code
   * /proc/self/fd/N}, or a symbolic link to one of them. On Linux each is a link into {@code
   * /proc/PID/fd}; elsewhere (macOS) {@code /dev/fd} is a directory of devices, named here.
   */
  private static int descriptor(Path target) {
    Path at = target.toAbsolutePath();
    try {
      for (int hops = 0; hops < 40; hops++) {
        Path parent = at.getParent();
        Path name = at.getFileName();
        if (parent == null || name == null) {
          return -1;
        }
        String directory = Files.isDirectory(parent) ? parent.toRealPath().toString() : "";
        if (directory.equals("/dev") && name.toString().equals("stdout")) {
          return STANDARD_OUTPUT;
        }
        if (directory.equals("/dev") && name.toString().equals("stderr")) {
          return STANDARD_ERROR;
        }
        Matcher own = DESCRIPTORS.matcher(directory);
        boolean ours =
            own.matches() && Long.parseLong(own.group(1)) == ProcessHandle.current().pid();
        if ((ours || directory.equals("/dev/fd")) && name.toString().matches("\\d{1,9}")) {
          return Integer.parseInt(name.toString());
        }
        if (!Files.isSymbolicLink(at)) {
          return -1;
        }
        at = Path.of(directory).resolve(Files.readSymbolicLink(at));
      }
    } catch (IOException | RuntimeException e) {
      return -1; // taken as a file; opening it will say what is wrong
    }
    return -1;
  }

  /** So that the rename itself survives a power cut; not every system can open a directory. */
  private void syncDirectory() {
    Path directory = replaced.getParent();
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

  /** Standard error, which the results' writer flushes but must not close: messages follow. */
  private static final class Unclosed extends FilterOutputStream {
    Unclosed(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
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
        throw new OutputFailedException(fileOutput(), e);
      }
      if (writeBehind != null) {
        writeBehind.written(len);
      }
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw new OutputFailedException(fileOutput(), e);
      }
      if (writeBehind != null) {
        writeBehind.written(1);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw new OutputFailedException(fileOutput(), e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } catch (IOException e) {
        throw new OutputFailedException(fileOutput(), e);
      }
    }
  }
}
