package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code cpt.jar} killed without warning (SIGKILL, as {@code kill -9}) in the middle of a
 * batch leaves the old output or none, never a part of the new one; and hostile input runs in a
 * small heap.
 */
class CrashSafetyIT {

  private static final Path JAR = Path.of(System.getProperty("cpt.jar", "target/cpt.jar"));

  private static final int ROWS = 400_000;

  @TempDir Path dir;

  private static Process start(List<String> javaOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.PIPE)
        .start();
  }

  private Optional<Path> temporary() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).findFirst();
    }
  }

  /** The output is the old one, or none, or the whole new one: one line per input row. */
  private static void assertOldOrComplete(Path out, Optional<String> old) throws IOException {
    if (!Files.exists(out)) {
      assertTrue(old.isEmpty(), "the old output is gone");
      return;
    }
    String text = Files.readString(out);
    if (old.isPresent() && text.equals(old.get())) {
      return;
    }
    assertTrue(text.startsWith("code,zip,amount,result,explanation\n"), "a whole new output");
    assertTrue(text.endsWith("\n"), "the last record is whole");
    assertEquals(ROWS + 1, text.lines().count(), "every row is in the new output");
  }

  @Test
  void killedAtAnyMomentLeavesTheOldOutputOrNone() throws Exception {
    Path in = dir.resolve("in.csv");
    try (BufferedWriter w = Files.newBufferedWriter(in)) {
      w.write("code,zip\n");
      for (int i = 0; i < ROWS; i++) {
        w.write(i % 2 == 0 ? "99213,10001\n" : "99214,60601\n");
      }
    }
    // Kill once the temporary file exists, once it has grown, and at moments after the start.
    long[] delays = {-1, -2, 50, 400, 1_500};
    for (int k = 0; k < delays.length; k++) {
      Path out = dir.resolve("out" + (k % 2) + ".csv");
      Optional<String> old = k % 2 == 0 ? Optional.of("old\n") : Optional.empty();
      if (old.isPresent()) {
        Files.writeString(out, old.get());
      } else {
        Files.deleteIfExists(out);
      }
      Process cpt = start(List.of(), "price", "-i", in.toString(), "-o", out.toString());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      if (delays[k] < 0) {
        long size = delays[k] == -1 ? 0 : 1 << 20;
        while (cpt.isAlive() && System.nanoTime() < deadline) {
          Optional<Path> tmp = temporary();
          if (tmp.isPresent() && sizeOf(tmp.get()) >= size) {
            break;
          }
          Thread.sleep(5);
        }
      } else {
        Thread.sleep(delays[k]);
      }
      cpt.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
      assertTrue(cpt.waitFor(60, TimeUnit.SECONDS));
      assertOldOrComplete(out, old);
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(f -> f.getFileName().toString().endsWith(".tmp")).forEach(CrashSafetyIT::rm);
      }
    }
  }

  @Test
  void theNextRunRemovesTheTemporaryFileOfAKilledOne() throws Exception {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, "code,zip\n" + "99213,10001\n".repeat(ROWS));
    Path out = dir.resolve("out.csv");
    Process killed = start(List.of(), "price", "-i", in.toString(), "-o", out.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (killed.isAlive() && temporary().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    killed.destroyForcibly();
    assertTrue(killed.waitFor(60, TimeUnit.SECONDS));
    Optional<Path> left = temporary();
    assertTrue(left.isPresent(), "the killed run left its temporary file");
    assertTrue(
        left.get().getFileName().toString().startsWith(".out.csv.cpt-" + killed.pid() + "-"),
        left.get()::toString);
    // On a date the bundled data prices in Manhattan: a run that prices nothing exits 1.
    Process next =
        start(List.of(), "price", "-i", in.toString(), "-o", out.toString(), "-d", "2025-06-01");
    assertTrue(next.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, next.exitValue());
    assertEquals(Optional.empty(), temporary());
    assertOldOrComplete(out, Optional.empty());
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1; // renamed meanwhile
    }
  }

  private static void rm(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anUnclosedQuoteAndHugeLinesRunInA64MegabyteHeap() throws Exception {
    Path in = dir.resolve("hostile.csv");
    int rows = 300_000;
    try (BufferedWriter w = Files.newBufferedWriter(in)) {
      w.write("code,note\n99213,\"never closed\n");
      w.write("99213," + "x".repeat(5_000_000) + "\n"); // one line of 5 M characters
      for (int i = 0; i < rows; i++) {
        w.write("99213,n\n");
      }
    }
    Path out = dir.resolve("out.csv");
    Process cpt =
        start(
            List.of("-Xmx64m"),
            "price",
            "-i",
            in.toString(),
            "-o",
            out.toString(),
            "-z",
            "10001",
            "-d",
            "2025-06-01");
    String err = read(cpt.getErrorStream());
    assertTrue(cpt.waitFor(120, TimeUnit.SECONDS), "cpt did not finish");
    assertEquals(1, cpt.exitValue(), err);
    assertEquals("", err);
    try (Stream<String> lines = Files.lines(out)) {
      // The header, the record with the unclosed quote, the long line, and every row after them.
      assertEquals(1 + 1 + 1 + rows, lines.count());
    }
    try (Stream<String> lines = Files.lines(out)) {
      assertEquals(2, lines.filter(l -> l.contains(",malformed_row,")).count());
    }
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
