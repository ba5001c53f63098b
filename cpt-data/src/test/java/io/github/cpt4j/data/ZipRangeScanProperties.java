package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The fast path of the bundled ZIP range files ({@link ZipRangeScan}) against the general reader:
 * on mostly well-formed files with a few damaged characters, it either gives up or builds exactly
 * the table the general reader builds, and it never accepts a file the general reader refuses; and
 * it takes the bundled files themselves.
 */
class ZipRangeScanProperties {

  /**
   * A file of lines of a head word and ranges, comments and blank lines: clean (the fast path's
   * shape, though a range may still be empty or run backwards) or, half the time, now and then with
   * an unexpected head, number, range, blank line, line ending or character.
   */
  private static Arbitrary<String> file(
      Arbitrary<String> heads, Arbitrary<String> badHeads, String plusFlag, String extraChars) {
    return Arbitraries.oneOf(
        file(heads, badHeads, plusFlag, extraChars, false),
        file(heads, badHeads, plusFlag, extraChars, true));
  }

  private static Arbitrary<String> file(
      Arbitrary<String> heads,
      Arbitrary<String> badHeads,
      String plusFlag,
      String extraChars,
      boolean damaged) {
    Arbitrary<String> format =
        damaged
            ? Arbitraries.frequency(Tuple.of(20, "%05d"), Tuple.of(1, "%d"), Tuple.of(1, "%06d"))
            : Arbitraries.just("%05d");
    Arbitrary<String> range =
        Combinators.combine(
                Arbitraries.integers().between(0, 999),
                Arbitraries.frequency(Tuple.of(12, 0), Tuple.of(8, 1), Tuple.of(1, 2)),
                Arbitraries.integers().between(-1, 20),
                format,
                Arbitraries.frequency(Tuple.of(10, ""), Tuple.of(1, plusFlag)))
            .as(
                (first, shape, length, f, plus) ->
                    String.format(f, first)
                        + switch (shape) {
                          case 0 -> "";
                          case 1 -> "-" + String.format(f, first + length);
                          default -> "-" + String.format("%05d", length + 1);
                        }
                        + plus);
    Arbitrary<String> data =
        Combinators.combine(
                damaged
                    ? Arbitraries.frequencyOf(Tuple.of(20, heads), Tuple.of(1, badHeads))
                    : heads,
                range.list().ofMaxSize(5),
                Arbitraries.frequency(Tuple.of(10, " "), Tuple.of(1, "  ")),
                Arbitraries.frequency(Tuple.of(10, ""), Tuple.of(1, " ")))
            .as((head, ranges, space, end) -> head + space + String.join(space, ranges) + end);
    Arbitrary<String> line =
        Arbitraries.frequencyOf(
            Tuple.of(20, data),
            Tuple.of(1, Arbitraries.just("# a comment - 1-2 +")),
            Tuple.of(1, Arbitraries.just("")),
            Tuple.of(1, Arbitraries.just(damaged ? "   " : "")));
    Arbitrary<String> text =
        Combinators.combine(
                line.list().ofMaxSize(5),
                damaged
                    ? Arbitraries.frequency(Tuple.of(10, "\n"), Tuple.of(1, "\r\n"))
                    : Arbitraries.just("\n"))
            .as((lines, end) -> String.join(end, lines) + end);
    if (!damaged) {
      return text;
    }
    // Damage, one file in five: one character replaced, or the last line break dropped.
    return Combinators.combine(
            text,
            Arbitraries.integers().between(0, 400),
            Arbitraries.of(("\t\r\n -+#x9" + extraChars).toCharArray()).map(String::valueOf),
            Arbitraries.integers().between(0, 9))
        .as(
            (t, at, c, damage) -> {
              if (damage == 0 && !t.isEmpty()) {
                int i = at % t.length();
                return t.substring(0, i) + c + t.substring(i + 1);
              }
              return damage == 1 ? t.stripTrailing() : t;
            });
  }

  @Provide
  Arbitrary<String> localityFiles() {
    return file(
        Arbitraries.of("13202-01", "13282-99", "01112-05"),
        Arbitraries.of("1320-01", "NY"),
        "+",
        "");
  }

  @Provide
  Arbitrary<String> stateFiles() {
    return file(Arbitraries.of("NY", "CA", "ME"), Arbitraries.of("ny", "N1", "13202-01"), "", "Y");
  }

  @Property(tries = 1000)
  void localitiesAsTheGeneralReaderReadsThem(@ForAll("localityFiles") String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    ZipLocalityTable fast = BundledMedicare.readZipsFast(bytes);
    Statistics.collect(fast != null ? "fast" : "general");
    Statistics.coverage(c -> c.check("fast").percentage(p -> p > 10));
    Statistics.coverage(c -> c.check("general").percentage(p -> p > 10));
    ZipLocalityTable general;
    try {
      general = BundledMedicare.readZipsGeneral(new ByteArrayInputStream(bytes), "f.txt");
    } catch (IOException e) {
      assertNull(fast, "the fast path accepted a refused file");
      return;
    }
    if (fast != null) {
      SameTables.assertSameZips(general, fast);
    }
  }

  @Property(tries = 1000)
  void statesAsTheGeneralReaderReadsThem(
      @ForAll("stateFiles") String states, @ForAll("stateFiles") String rural) {
    byte[] s = states.getBytes(StandardCharsets.US_ASCII);
    byte[] r = rural.getBytes(StandardCharsets.US_ASCII);
    DmeposZipTable fast = BundledPartB.readZipsFast(s, r);
    Statistics.collect(fast != null ? "fast" : "general");
    Statistics.coverage(c -> c.check("fast").percentage(p -> p > 10));
    Statistics.coverage(c -> c.check("general").percentage(p -> p > 10));
    DmeposZipTable general;
    try {
      general = BundledPartB.readZipsGeneral(s, r);
    } catch (IllegalStateException e) {
      assertNull(fast, "the fast path accepted a refused file");
      return;
    }
    if (fast != null) {
      SameTables.assertSameStates(general, fast, 1000);
    }
  }

  @Example
  void takesTheBundledFiles() throws IOException {
    byte[] zips = resource(BundledMedicare.ZIPS);
    ZipLocalityTable fast = BundledMedicare.readZipsFast(zips);
    assertNotNull(fast, "the fast path gave up on the bundled file");
    SameTables.assertSameZips(
        BundledMedicare.readZipsGeneral(new ByteArrayInputStream(zips), "f.txt"), fast);

    byte[] states = resource(BundledPartB.ZIP_STATES);
    byte[] rural = resource(BundledPartB.RURAL_ZIPS);
    DmeposZipTable fastStates = BundledPartB.readZipsFast(states, rural);
    assertNotNull(fastStates, "the fast path gave up on the bundled files");
    SameTables.assertSameStates(BundledPartB.readZipsGeneral(states, rural), fastStates, 100_000);
  }

  private static byte[] resource(String file) throws IOException {
    try (InputStream in = BundledData.class.getResourceAsStream(BundledMedicare.DIRECTORY + file)) {
      return in.readAllBytes();
    }
  }

  @Example
  void givesUpOnWhatItLeavesToTheGeneralReader() {
    for (String text :
        List.of(
            "13202-01 10001\r\n",
            "13202-01\t10001\n",
            " 13202-01 10001\n",
            "13202-01 100011\n",
            "13202-01 10001",
            "13202-01 +10001\n",
            "13202-01 10001-\n",
            // A carriage return inside a comment ends the line for BufferedReader.readLine.
            "# a\r13202-01 10001\n")) {
      assertNull(
          BundledMedicare.readZipsFast(text.getBytes(StandardCharsets.US_ASCII)), text.strip());
    }
    assertNotNull(
        BundledMedicare.readZipsFast(
            "13202-01 10001-10003+  10005\n\n# x\n".getBytes(StandardCharsets.US_ASCII)));
    // Spaces before the line break are the fast path's shape too.
    assertNotNull(
        BundledMedicare.readZipsFast(
            "13202-01 10001 \n13282-99 10002  \n".getBytes(StandardCharsets.US_ASCII)));
  }

  /** The state files have no ZIP+4 flag: a plus after a range is the general reader's to refuse. */
  @Example
  void statesGiveUpOnAPlusFlag() {
    byte[] states = "NY 10001+\n".getBytes(StandardCharsets.US_ASCII);
    byte[] rural = new byte[0];
    assertThrows(IllegalStateException.class, () -> BundledPartB.readZipsGeneral(states, rural));
    assertNull(BundledPartB.readZipsFast(states, rural));
  }
}
