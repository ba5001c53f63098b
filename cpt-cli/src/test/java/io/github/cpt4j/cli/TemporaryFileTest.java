package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The temporary file an output is written to is named so that it is plainly ours ({@code
 * .FILE.cpt-PID-RANDOM.tmp}), and one that a killed run left behind is removed by the next run to
 * the same output, once the process that wrote it is gone.
 */
class TemporaryFileTest {

  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The id of a process that has ended. */
  private static long deadProcess() throws Exception {
    Process p = new ProcessBuilder("java", "-version").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor();
    long pid = p.pid();
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    return pid;
  }

  @Test
  void theTemporaryFileNamesTheTargetAndThisProcess() throws IOException {
    Path target = dir.resolve("out.csv");
    try (Destination out =
        Destination.of("--output", target.toString(), new PrintWriter(new StringWriter()))) {
      out.open().write("x");
      List<String> names = names();
      assertEquals(1, names.size(), names::toString);
      assertTrue(
          names
              .get(0)
              .matches(
                  "\\.out\\.csv\\.cpt-" + ProcessHandle.current().pid() + "-[0-9a-f]{16}\\.tmp"),
          names::toString);
    }
    assertEquals(List.of(), names());
  }

  @Test
  void aStaleTemporaryFileOfADeadRunIsRemovedByTheNext() throws Exception {
    long dead = deadProcess();
    long alive = ProcessHandle.current().pid();
    String stale = ".out.csv.cpt-" + dead + "-0123456789abcdef.tmp";
    String running = ".out.csv.cpt-" + alive + "-0123456789abcdef.tmp";
    List<String> notOurs =
        List.of(
            ".out.csv.tmp",
            ".out.csv.0123456789abcdef.tmp",
            ".other.csv.cpt-" + dead + "-0123456789abcdef.tmp",
            ".out.csv.cpt-" + dead + "-notHex.tmp");
    for (String name : List.of(stale, running)) {
      Files.writeString(dir.resolve(name), "half a row");
    }
    for (String name : notOurs) {
      Files.writeString(dir.resolve(name), "someone's");
    }
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n99213\n");
    Cli.Result r =
        Cli.runWith(
            new FakeData(),
            new byte[0],
            "price",
            "-i",
            in.toString(),
            "-o",
            dir.resolve("out.csv").toString(),
            "-z",
            "10001");
    assertEquals(0, r.status(), r::toString);
    List<String> names = names();
    assertFalse(names.contains(stale), names::toString);
    assertTrue(names.contains(running), names::toString);
    assertTrue(names.containsAll(notOurs), names::toString);
    assertTrue(names.contains("out.csv"), names::toString);
    assertEquals(
        "someone's", Files.readString(dir.resolve(".out.csv.tmp"), StandardCharsets.UTF_8));
  }
}
