package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format an output file's name implies, and when the progress bar shows. */
class OutputChoiceTest {

  @TempDir Path dir;

  private final FakeData data = new FakeData();

  private Cli.Result price(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "price";
    System.arraycopy(args, 0, all, 1, args.length);
    return Cli.runWith(data, new byte[0], all);
  }

  @Test
  void anOutputFileNamedCsvGetsCsvWithoutFormat() throws IOException {
    Path out = dir.resolve("x.csv");
    Cli.Result r = price("99213", "-z", "10001", "-o", out.toString());
    assertEquals(0, r.status(), r::toString);
    String written = Files.readString(out);
    assertTrue(written.startsWith("line,amount,result,explanation"), written);
  }

  @Test
  void anOutputFileNamedJsonGetsJsonWithoutFormat() throws IOException {
    Path out = dir.resolve("x.JSON");
    Cli.Result r = price("99213", "-z", "10001", "-o", out.toString());
    assertEquals(0, r.status(), r::toString);
    assertEquals("priced", JsonTree.read(Files.readString(out)).get(0).get("result").textValue());
  }

  @Test
  void aBatchWrittenToAJsonFileIsJson() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n99213\n");
    Path out = dir.resolve("out.json");
    Cli.Result r = price("-i", in.toString(), "-z", "10001", "-o", out.toString());
    assertEquals(0, r.status(), r::toString);
    assertEquals("99213", JsonTree.read(Files.readString(out)).get(0).get("code").textValue());
  }

  @Test
  void anExplicitFormatAndOtherNamesKeepTheirFormat() throws IOException {
    Path table = dir.resolve("x.csv");
    assertEquals(0, price("99213", "-z", "10001", "-o", table.toString(), "-f", "table").status());
    assertTrue(Files.readString(table).startsWith("LINE "), Files.readString(table));
    Path txt = dir.resolve("x.txt");
    assertEquals(0, price("99213", "-z", "10001", "-o", txt.toString()).status());
    assertTrue(Files.readString(txt).startsWith("LINE "), Files.readString(txt));
    Path batch = dir.resolve("out.txt");
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n99213\n");
    assertEquals(0, price("-i", in.toString(), "-z", "10001", "-o", batch.toString()).status());
    assertTrue(Files.readString(batch).startsWith("code,amount"), Files.readString(batch));
  }

  @Test
  void aTableAskedForABatchIsStillRefusedWhateverTheName() {
    Cli.Result r = price("-i", "in.csv", "-z", "10001", "-o", "x.csv", "-f", "table");
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains("batch output is csv or json"), r::toString);
  }

  private static String progressOf(Path in, Path out, String... options) {
    String[] args = new String[5 + options.length];
    args[0] = "price";
    args[1] = "-i";
    args[2] = in.toString();
    args[3] = "-o";
    args[4] = out.toString();
    System.arraycopy(options, 0, args, 5, options.length);
    StringWriter err = new StringWriter();
    Main.run(
        args,
        new ByteArrayInputStream(new byte[0]),
        new PrintWriter(new StringWriter()),
        new PrintWriter(err),
        true,
        new FakeData());
    return err.toString();
  }

  private Path bigInput() throws IOException {
    StringBuilder csv = new StringBuilder("code,zip\n");
    for (int i = 0; i < 200_000; i++) {
      csv.append("99213,10001\n");
    }
    return Files.writeString(dir.resolve("big.csv"), csv, StandardCharsets.UTF_8);
  }

  @Test
  void noBarIntoALogWhenStandardErrorIsNoTerminal() throws IOException {
    // The tests' standard error is a pipe or a file: a run at a console does not draw into it.
    Path in = bigInput();
    String err = progressOf(in, dir.resolve("out.csv"));
    assertFalse(err.contains("\r"), err);
    assertFalse(progressOf(in, dir.resolve("out2.csv"), "--no-progress").contains("\r"));
  }

  @Test
  void progressAsksForTheBar() throws IOException {
    Path in = bigInput();
    String err = progressOf(in, dir.resolve("out.csv"), "--progress");
    assertTrue(err.contains("\r"), err);
    assertTrue(err.contains("200,000 rows"), err);
  }

  @Test
  void standardErrorIsATerminalWhenItsLinkNamesOne() throws IOException {
    Path tty = Files.createSymbolicLink(dir.resolve("2"), Path.of("/dev/pts/3"));
    assertEquals(Optional.of(true), Terminal.isTerminalLink(tty));
    Path log = Files.createSymbolicLink(dir.resolve("log"), dir.resolve("err.log"));
    assertEquals(Optional.of(false), Terminal.isTerminalLink(log));
    assertEquals(Optional.empty(), Terminal.isTerminalLink(Files.createFile(dir.resolve("f"))));
  }
}
