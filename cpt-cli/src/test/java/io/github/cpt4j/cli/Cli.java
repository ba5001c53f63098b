package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.cli.price.MedicareData;
import io.github.cpt4j.cli.price.PricingData;
import io.github.cpt4j.data.BundledData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Runs the cpt command in-process through picocli, with captured streams. */
final class Cli {

  /** Every option of {@code cpt price} that names a data file, in the order of its help. */
  static final List<String> PRICE_DATA_OPTIONS =
      List.of(
          "--rvu",
          "--gpci",
          "--opps-cap",
          "--clfs",
          "--dmepos",
          "--dme-rural-zips",
          "--asp",
          "--ptp",
          "--mue");

  /** What one run printed and returned. */
  record Result(int status, String out, String err) {

    /** Returns the lines of standard error. */
    List<String> errLines() {
      return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
    }

    /** Returns the lines of standard output. */
    List<String> outLines() {
      return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
    }

    @Override
    public String toString() {
      return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private Cli() {}

  /** Runs with empty standard input. */
  static Result run(String... args) {
    return runWithInput(new byte[0], args);
  }

  /** Runs with {@code stdin} as standard input, in UTF-8. */
  static Result runWithInput(String stdin, String... args) {
    return runWithInput(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  /** Runs with the given bytes as standard input, over the real bundled data. */
  static Result runWithInput(byte[] stdin, String... args) {
    return runWith(new MedicareData(), stdin, args);
  }

  /**
   * Runs {@code cpt ARGS} over {@link FakeData}, with {@code stdin}, expecting a refusal: status 2,
   * nothing on standard output and one line on standard error, which it returns.
   */
  static String refusal(String stdin, String... args) {
    Result r = runWith(new FakeData(), stdin.getBytes(StandardCharsets.UTF_8), args);
    assertEquals(2, r.status(), r::toString);
    assertEquals("", r.out(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    return r.errLines().get(0);
  }

  /** Runs with price and localities commands over {@code data}. */
  static Result runWith(PricingData data, byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            args,
            new ByteArrayInputStream(stdin),
            new PrintWriter(out),
            new PrintWriter(err),
            false,
            data);
    return new Result(status, out.toString(), err.toString());
  }

  /** Copies the bundled Medicare file {@code resource} to {@code to}, and returns {@code to}. */
  static Path copyBundled(String resource, Path to) throws IOException {
    try (InputStream in = BundledData.class.getResourceAsStream("medicare/" + resource)) {
      Files.copy(in, to);
    }
    return to;
  }

  /**
   * Writes {@code GPCI.csv} in {@code dir}: a GPCI file in CMS's layout, marked as a subset, with
   * Manhattan (13202-01) alone at made-up indices and no year in its column headers, and returns
   * it. Relative values that name no year are priced only on their GPCIs' year's dates, and the
   * bundled GPCIs are 2025's: a test of another year's rules gives this file with {@code --gpci}.
   */
  static Path manhattanGpcisOfNoYear(Path dir) throws IOException {
    return Files.writeString(
        dir.resolve("GPCI.csv"),
        "# cpt4j subset\r\n"
            + "ADDENDUM E. GPCIs BY STATE AND MEDICARE LOCALITY,,,,,,\r\n"
            + ",,,,,,\r\n"
            + "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,"
            + "PW GPCI (with 1.0 Floor),PE GPCI,MP GPCI\r\n"
            + "13202,NY,01,MANHATTAN,1.094,1.342,1.6\r\n",
        StandardCharsets.ISO_8859_1);
  }

  /** Standard input that gives {@code rows}, then fails like a disk: every read after them. */
  static InputStream failingAfter(String rows) {
    return new SequenceInputStream(
        new ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8)),
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("Input/output error");
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            throw new IOException("Input/output error");
          }
        });
  }
}
