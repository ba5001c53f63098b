package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cpt4j.cli.price.RowPricer;
import io.github.cpt4j.cli.report.StandardOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The output of {@code cpt price}: a file is replaced whole or not at all, a failed write is named,
 * and no input is ever overwritten.
 */
class OutputReliabilityTest {

  @TempDir Path dir;

  private final FakeData data = new FakeData();

  private Cli.Result price(String... args) {
    return priceStdin("", args);
  }

  private Cli.Result priceStdin(String stdin, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "price";
    System.arraycopy(args, 0, all, 1, args.length);
    return Cli.runWith(data, stdin.getBytes(StandardCharsets.UTF_8), all);
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  @Test
  void aGoodRunReplacesTheOutputAndLeavesNoTemporaryFile() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n99213\n");
    Path out = Files.writeString(dir.resolve("out.csv"), "old\n");
    Cli.Result r = price("-i", in.toString(), "-o", out.toString(), "-z", "10001");
    assertEquals(0, r.status(), r::toString);
    assertTrue(Files.readString(out).startsWith("code,amount,result,explanation\n99213,10.00,"));
    assertEquals(List.of(in, out), files());
  }

  /**
   * An output through a symbolic link replaces the file the link names and keeps the link. Before,
   * the rename went over the link: it became a file of its own, and the file it named kept its old
   * contents.
   */
  @Test
  void anOutputThroughASymbolicLinkReplacesTheFileItNames() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n99213\n");
    Path real = Files.writeString(dir.resolve("real.csv"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("real.csv"));
    Cli.Result r = price("-i", in.toString(), "-o", link.toString(), "-z", "10001");
    assertEquals(0, r.status(), r::toString);
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertTrue(Files.readString(real).startsWith("code,amount,result,explanation\n"), r::toString);
    assertEquals(List.of(in, link, real), files());
  }

  /**
   * A replaced file keeps its permissions: a private file (600) became readable by all, the new
   * file made with the defaults. A group-writable one too, whose write bit a umask would take.
   */
  @ParameterizedTest
  @ValueSource(strings = {"rw-------", "rw-rw----"})
  void aReplacedFileKeepsItsPermissions(String permissions) throws IOException {
    assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "a file system with POSIX permissions");
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n99213\n");
    Path out = Files.writeString(dir.resolve("out.csv"), "old\n");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(permissions));
    Cli.Result r = price("-i", in.toString(), "-o", out.toString(), "-z", "10001");
    assertEquals(0, r.status(), r::toString);
    assertTrue(Files.readString(out).startsWith("code,amount,result,explanation\n"), r::toString);
    assertEquals(permissions, PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
  }

  /**
   * {@code --output /dev/stdout} with standard output redirected to a file ({@code cpt price -i
   * in.csv -o /dev/stdout >> log}): a link into {@code /proc} to an open descriptor. It is written
   * through, as a device is: renamed over, the results left the shell's open file (here a stream
   * that appends after the run) and, where {@code /dev} was writable, {@code /dev/stdout} itself
   * became a file.
   */
  @Test
  void anOutputThroughAFileDescriptorIsWrittenThrough() throws IOException {
    Path descriptors = Path.of("/proc/self/fd");
    assumeTrue(Files.isDirectory(descriptors), "a system with /proc/self/fd");
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n99213\n");
    Path log = dir.resolve("log.txt");
    try (java.io.FileOutputStream shell = new java.io.FileOutputStream(log.toFile(), true)) {
      Path fd = null;
      try (Stream<Path> open = Files.list(descriptors)) {
        for (Path each : open.toList()) {
          try {
            if (Files.readSymbolicLink(each).equals(log.toRealPath())) {
              fd = each;
            }
          } catch (IOException e) {
            // a descriptor closed meanwhile
          }
        }
      }
      assumeTrue(fd != null, "the descriptor of an open file is found in /proc/self/fd");
      Path stdout = Files.createSymbolicLink(dir.resolve("stdout"), fd);
      Cli.Result r = price("-i", in.toString(), "-o", stdout.toString(), "-z", "10001");
      assertEquals(0, r.status(), r::toString);
      assertTrue(Files.isSymbolicLink(stdout), "the link is still a link");
      shell.write("done\n".getBytes(StandardCharsets.UTF_8));
    }
    String written = Files.readString(log);
    assertTrue(written.startsWith("code,amount,result,explanation\n"), written);
    assertTrue(written.endsWith("\ndone\n"), written);
  }

  /**
   * A descriptor the shell opened to append ({@code -o /dev/fd/3 3>> log}) keeps what its file
   * held: the file was opened anew with the default options, which truncate it, so the log lost
   * every line written before the run.
   */
  @Test
  void anOutputThroughAFileDescriptorKeepsWhatItsFileHeld() throws IOException {
    Path descriptors = Path.of("/proc/self/fd");
    assumeTrue(Files.isDirectory(descriptors), "a system with /proc/self/fd");
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n99213\n");
    Path log = Files.writeString(dir.resolve("log.txt"), "old1\nold2\n");
    try (java.io.FileOutputStream shell = new java.io.FileOutputStream(log.toFile(), true)) {
      Path fd = descriptorOf(descriptors, log);
      assumeTrue(fd != null, "the descriptor of an open file is found in /proc/self/fd");
      // As the shell names it, and through /proc.
      for (Path named : List.of(Path.of("/dev/fd").resolve(fd.getFileName()), fd)) {
        Cli.Result r = price("-i", in.toString(), "-o", named.toString(), "-z", "10001");
        assertEquals(0, r.status(), r::toString);
        assertEquals("", r.out(), r::toString);
      }
      shell.write("done\n".getBytes(StandardCharsets.UTF_8));
    }
    List<String> lines = Files.readAllLines(log);
    assertEquals(List.of("old1", "old2", "code,amount,result,explanation"), lines.subList(0, 3));
    assertEquals("code,amount,result,explanation", lines.get(4), lines::toString);
    assertEquals(List.of("done"), lines.subList(6, 7), lines::toString);
    assertEquals(7, lines.size(), lines::toString);
  }

  /**
   * This process's own standard output, however it is named, is written as {@code -} is: through
   * the command's standard output, whose descriptor the shell shares ({@code { echo before; cpt ...
   * -o /dev/stdout; echo after; } > f}). Opened anew, its file was truncated and written from its
   * start, over what the shell had written.
   */
  @Test
  void standardOutputByItsNameIsStandardOutput() throws IOException {
    Path descriptors = Path.of("/proc/self/fd");
    assumeTrue(Files.isDirectory(descriptors), "a system with /proc/self/fd");
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n99213\n");
    Path link = Files.createSymbolicLink(dir.resolve("out"), Path.of("/dev/stdout"));
    try {
      for (String name : List.of("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", link.toString())) {
        Cli.Result r = price("-i", in.toString(), "-o", name, "-z", "10001");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("code,amount,result,explanation\n99213,10.00,"), r::toString);
        Cli.Result line = price("99213", "-o", name, "-z", "10001", "-f", "csv");
        assertEquals(0, line.status(), line::toString);
        assertTrue(line.out().startsWith("line,amount,result,explanation\n"), line::toString);
      }
      assertEquals(List.of(in, link), files());
      assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    } finally {
      // JUnit warns of a link that leads out of its temporary directory.
      Files.delete(link);
    }
  }

  /** A descriptor the shell did not open is said to be so, not a missing directory. */
  @Test
  void aFileDescriptorThatIsNotOpenIsSaidToBeSo() throws IOException {
    Path descriptors = Path.of("/proc/self/fd");
    assumeTrue(Files.isDirectory(descriptors), "a system with /proc/self/fd");
    assumeTrue(!Files.exists(descriptors.resolve("987")), "descriptor 987 is not open");
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n99213\n");
    Cli.Result r = price("-i", in.toString(), "-o", "/dev/fd/987", "-z", "10001");
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        List.of("cpt price: cannot write --output '/dev/fd/987': no such open file descriptor"),
        r.errLines(),
        r::toString);
  }

  /** The entry of {@code descriptors} that names the open file {@code file}; null if none. */
  private static Path descriptorOf(Path descriptors, Path file) throws IOException {
    Path found = null;
    try (Stream<Path> open = Files.list(descriptors)) {
      for (Path each : open.toList()) {
        try {
          if (Files.readSymbolicLink(each).equals(file.toRealPath())) {
            found = each;
          }
        } catch (IOException e) {
          // a descriptor closed meanwhile
        }
      }
    }
    return found;
  }

  @Test
  void aBadHeaderLeavesTheOldOutputAlone() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "cod\n99213\n");
    Path out = Files.writeString(dir.resolve("out.csv"), "old\n");
    Cli.Result r = price("-i", in.toString(), "-o", out.toString(), "-z", "10001");
    assertEquals(2, r.status(), r::toString);
    assertEquals("old\n", Files.readString(out));
    assertEquals(List.of(in, out), files());
  }

  @Test
  void aBadHeaderCreatesNoOutput() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "\"cod\"e\n99213\n");
    Cli.Result r =
        price("-i", in.toString(), "-o", dir.resolve("new.csv").toString(), "-z", "10001");
    assertEquals(2, r.status(), r::toString);
    assertEquals(List.of(in), files());
  }

  @Test
  void aRunThatFailsHalfwayLeavesTheOldOutputWhole() throws IOException {
    Path out = Files.writeString(dir.resolve("out.json"), "[]\n");
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            new String[] {"price", "-i", "-", "-o", out.toString(), "-f", "json", "-z", "10001"},
            Cli.failingAfter("code\n" + "99213\n".repeat(5_000)),
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            false,
            data);
    assertEquals(2, status);
    assertEquals(
        "cpt price: cannot read standard input: Input/output error", err.toString().strip());
    assertEquals("[]\n", Files.readString(out));
    assertEquals(List.of(out), files());
  }

  @Test
  void aFullDiskIsTroubleNamingTheOutput() throws IOException {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.exists(full), "a system with /dev/full");
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n" + "99213\n".repeat(3));
    for (String format : List.of("csv", "json")) {
      Cli.Result r =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> price("-i", in.toString(), "-o", full.toString(), "-f", format, "-z", "10001"));
      assertEquals(2, r.status(), r::toString);
      assertEquals(
          List.of("cpt price: cannot write --output '/dev/full': No space left on device"),
          r.errLines(),
          r::toString);
    }
  }

  /** Standard output over a stream that fails as a full disk or a closed pipe does. */
  private int runToFailingStdout(String failure, StringWriter err, String... args) {
    return runToFailingStdout(failure, "code\n99213\n", err, args);
  }

  /** The same with {@code stdin} as standard input. */
  private int runToFailingStdout(String failure, String stdin, StringWriter err, String... args) {
    OutputStream failing =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException(failure);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException(failure);
          }
        };
    return Main.run(
        args,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        StandardOutput.over(failing, false),
        new PrintWriter(err),
        false,
        data);
  }

  @Test
  void aFullDiskBehindStandardOutputIsTrouble() {
    for (String[] args :
        List.of(
            new String[] {"price", "-i", "-"},
            new String[] {"price", "99213", "-z", "10001"},
            new String[] {"lookup", "99213"},
            new String[] {"lookup", "99213", "-f", "json"},
            new String[] {"localities", "--state", "AL"},
            new String[] {"data"},
            new String[] {"validate", "-"})) {
      StringWriter err = new StringWriter();
      int status = runToFailingStdout("No space left on device", err, args);
      assertEquals(2, status, () -> String.join(" ", args) + ": " + err);
      // Named by its command, as every other error of the command is ("cpt: " before).
      assertEquals(
          "cpt " + args[0] + ": cannot write standard output: No space left on device",
          err.toString().strip(),
          () -> String.join(" ", args) + ": " + err);
      assertEquals(1, err.toString().strip().lines().count(), err::toString);
    }
  }

  /**
   * {@code validate} looks at its output every 1,024 lines, while it reads: a full disk found there
   * was "internal error: io.github.cpt4j.cli.report.OutputFailedException: ...", where one found at
   * the end is the plain message.
   */
  @Test
  void aFullDiskFoundWhileValidateReadsIsTheSameOneLine() {
    String lines = "99213\n".repeat(3_000);
    for (String[] args :
        List.of(
            new String[] {"validate", "-"},
            new String[] {"validate", "--all", "-f", "json", "-"},
            new String[] {"validate", "--column", "code", "-"})) {
      StringWriter err = new StringWriter();
      int status = runToFailingStdout("No space left on device", "code\n" + lines, err, args);
      assertEquals(2, status, () -> String.join(" ", args) + ": " + err);
      assertEquals(
          "cpt validate: cannot write standard output: No space left on device",
          err.toString().strip(),
          () -> String.join(" ", args) + ": " + err);
    }
  }

  @Test
  void aClosedPipeBehindStandardOutputIsOneLineNamingIt() {
    for (String[] args :
        List.of(
            new String[] {"price", "-i", "-"},
            new String[] {"price", "99213", "-z", "10001"},
            new String[] {"lookup", "99213"},
            new String[] {"localities", "--state", "AL"},
            new String[] {"validate", "-"})) {
      StringWriter err = new StringWriter();
      assertEquals(2, runToFailingStdout("Broken pipe", err, args));
      assertEquals(
          "cpt " + args[0] + ": " + OutputClosedTest.CLOSED,
          err.toString().strip(),
          () -> String.join(" ", args) + ": " + err);
      assertEquals(1, err.toString().strip().lines().count(), err::toString);
    }
  }

  @Test
  void theOutputMustNotBeAnyInput() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n99213\n");
    Path rvu = Files.writeString(dir.resolve("rvu.csv"), "rvu\n");
    Path gpci = Files.writeString(dir.resolve("gpci.csv"), "gpci\n");
    Path cap = Files.writeString(dir.resolve("cap.csv"), "cap\n");
    for (Path target : List.of(in, rvu, gpci, cap)) {
      Cli.Result r =
          price(
              "-i",
              in.toString(),
              "--rvu",
              rvu.toString(),
              "--gpci",
              gpci.toString(),
              "--opps-cap",
              cap.toString(),
              "-o",
              dir.resolve(".").resolve(target.getFileName()).toString(),
              "-z",
              "10001");
      assertEquals(2, r.status(), r::toString);
      assertTrue(r.err().contains("--output must not be the file of"), r::toString);
    }
    assertEquals("rvu\n", Files.readString(rvu));
    assertEquals("code\n99213\n", Files.readString(in));
  }

  /** The files of --cms-dir are inputs too: no output may replace one, or join them. */
  @Test
  void theOutputMustNotBeInsideTheCmsDirectory() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n99213\n");
    Path cms = Files.createDirectories(dir.resolve("cms").resolve("2025"));
    Path gpci = Files.writeString(cms.resolve("GPCI2025.csv"), "gpci\n");
    // A link outside the directory to one of its files: the file it names would be replaced.
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), gpci);
    for (Path target :
        List.of(gpci, cms.resolve("new.csv"), dir.resolve("cms").resolve("x.csv"), link)) {
      Cli.Result r =
          price(
              "-i",
              in.toString(),
              "--cms-dir",
              dir.resolve("cms").toString(),
              "-o",
              target.toString(),
              "-z",
              "10001");
      assertEquals(2, r.status(), r::toString);
      assertTrue(r.err().contains("--output must not be inside --cms-dir"), r::toString);
      assertEquals(1, r.err().strip().lines().count(), r::toString);
    }
    assertEquals("gpci\n", Files.readString(gpci));
  }

  @Test
  void aCellThatASpreadsheetWouldRunIsNeutralised() {
    String csv = "code,note\n99213,=HYPERLINK(\"x\")\n99213,+cmd|' /C calc'!A0\n99213,@SUM(1)\n";
    Cli.Result r = priceStdin(csv + "99213,a\u0000b\u001b[31m\n", "-i", "-", "-z", "10001");
    List<String> lines = r.outLines();
    assertTrue(lines.get(1).startsWith("99213,\"'=HYPERLINK(\"\"x\"\")\","), lines.get(1));
    assertTrue(lines.get(2).startsWith("99213,'+cmd|' /C calc'!A0,"), lines.get(2));
    assertTrue(lines.get(3).startsWith("99213,'@SUM(1),"), lines.get(3));
    assertTrue(lines.get(4).startsWith("99213,ab[31m,"), lines.get(4));
    Cli.Result verbatim = priceStdin(csv + "99213,-1\n", "-i", "-", "-z", "10001", "--verbatim");
    assertTrue(verbatim.outLines().get(1).startsWith("99213,\"=HYPERLINK"), verbatim::toString);
    assertTrue(verbatim.outLines().get(4).startsWith("99213,-1,"), verbatim::toString);
  }

  /**
   * A sync of the output file that fails with an {@code Error} or a bug, on its own thread, ends
   * the run as any failure does: one line, status 2, the old output left alone and no temporary
   * file. Before, the thread's default handler printed a stack trace and the run ended with 0.
   */
  @Test
  void aSyncThatBreaksOnItsThreadEndsTheRunWithOneLine() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n99213\n99214\n");
    Path out = Files.writeString(dir.resolve("out.csv"), "old\n");
    for (Throwable broken :
        List.of(
            new IllegalStateException("the sync broke"),
            new StackOverflowError(),
            new OutOfMemoryError("Java heap space"))) {
      CptCommand top =
          new CptCommand(
              InputStream.nullInputStream(),
              false,
              // A step of one byte: the first write starts a sync, and it breaks.
              sync ->
                  new WriteBehind(
                      1,
                      () -> {
                        if (broken instanceof Error error) {
                          throw error;
                        }
                        throw (RuntimeException) broken;
                      }));
      StringWriter stdout = new StringWriter();
      StringWriter stderr = new StringWriter();
      String[] args = {
        "price", "-i", in.toString(), "-o", out.toString(), "-z", "10001", "--date", "2025-11-03"
      };
      int status = Main.run(args, top, new PrintWriter(stdout), new PrintWriter(stderr), data);
      String err = stderr.toString();
      assertEquals(2, status, err);
      assertEquals(1, err.lines().count(), err);
      assertTrue(err.startsWith("cpt"), err);
      assertTrue(
          err.contains(
              broken instanceof OutOfMemoryError ? "out of memory" : broken.getClass().getName()),
          err);
      assertEquals("old\n", Files.readString(out));
      assertEquals(List.of(in, out), files());
    }
  }

  @Test
  void anErrorIsOneLineAndTrouble() {
    for (Error error : List.of(new OutOfMemoryError("Java heap space"), new StackOverflowError())) {
      FakeData failing =
          new FakeData() {
            @Override
            public RowPricer pricer(CmsFiles given, boolean explain) {
              throw error;
            }
          };
      Cli.Result r = Cli.runWith(failing, new byte[0], "price", "99213", "-z", "10001");
      assertEquals(2, r.status(), r::toString);
      assertEquals(1, r.errLines().size(), r::toString);
      assertTrue(r.err().startsWith("cpt"), r::toString);
      assertTrue(
          r.err().contains(error instanceof OutOfMemoryError ? "out of memory" : "StackOverflow"),
          r::toString);
    }
  }
}
