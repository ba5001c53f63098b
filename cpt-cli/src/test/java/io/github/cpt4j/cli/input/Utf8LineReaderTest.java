package io.github.cpt4j.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The byte-level line reader of the batch path reads the same lines, numbers and cuts as {@link
 * LineReader} over the decoded text, and so {@link CsvRecordReader} the same records either way.
 */
class Utf8LineReaderTest {

  /** Every line as "number:text" or "number:cut". */
  private static List<String> lines(Lines lines) throws IOException {
    List<String> all = new ArrayList<>();
    for (String line; (line = lines.next()) != null; ) {
      all.add(lines.lineNumber() + ":" + (lines.truncated() ? "cut" : line));
    }
    return all;
  }

  private static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 1000)
  void readsTheLinesAReaderReads(
      @ForAll
          @StringLength(max = 60)
          @Chars({'a', ',', '"', '\r', '\n', '\u00e9', '\u20ac', '\ud83d', '\ude00', '\uFEFF'})
          String text,
      @ForAll @IntRange(min = 1, max = 6) int maxLength)
      throws IOException {
    // Lone surrogates do not survive UTF-8; compare over what the bytes decode to.
    String decoded = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertEquals(
        lines(new LineReader(new StringReader(decoded), maxLength)),
        lines(new Utf8LineReader(utf8(decoded), maxLength)));
  }

  @Property(tries = 300)
  void readsTheRecordsAReaderReads(
      @ForAll
          @StringLength(max = 200)
          @Chars({'a', ',', '"', '\r', '\n', ' ', '\u00e9', '\u0000', '\uFEFF'})
          String text)
      throws IOException {
    assertEquals(
        records(new CsvRecordReader(new StringReader(text))),
        records(new CsvRecordReader(utf8(text))));
  }

  /**
   * Records read with plain lines left uncut are the same records, once a plain line is cut at its
   * commas, and a plain line is exactly one that is printable ASCII without a quote.
   */
  @Property(tries = 500)
  void plainLinesLeftUncutAreTheRecordsNextReads(
      @ForAll
          @StringLength(max = 200)
          @Chars({'a', ',', '"', '\r', '\n', ' ', '\u00e9', '\u0000', '\uFEFF', '~'})
          String text)
      throws IOException {
    List<String> all = new ArrayList<>();
    try (CsvRecordReader reader = new CsvRecordReader(utf8(text))) {
      for (CsvRecordReader.Record r; (r = reader.nextOrPlain()) != null; ) {
        if (r == CsvRecordReader.PLAIN_LINE) {
          String line =
              new String(
                  reader.plainBytes(),
                  reader.plainStart(),
                  reader.plainEnd() - reader.plainStart(),
                  StandardCharsets.UTF_8);
          assertEquals(true, line.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"'), line);
          assertEquals(true, reader.lastRecordIsPlain());
          all.add("plain " + List.of(line.split(",", -1)));
        } else {
          all.add(r.problem().isPresent() ? r.toString() : "plain " + r.fields());
        }
      }
    }
    List<String> expected = new ArrayList<>();
    try (CsvRecordReader reader = new CsvRecordReader(utf8(text))) {
      for (CsvRecordReader.Record r; (r = reader.next()) != null; ) {
        expected.add(r.problem().isPresent() ? r.toString() : "plain " + r.fields());
      }
    }
    assertEquals(expected, all);
  }

  @Test
  void malformedBytesAreRefusedWhereTheyAreAsTheStrictReaderRefusesThem() {
    // They became U+FFFD, as a lenient decoding reader makes them: now both readers refuse them,
    // naming the same line and byte.
    byte[][] inputs = {
      {'a', (byte) 0xC3, '\n', 'b'},
      {'o', 'k', '\r', '\n', 'x', 'y', (byte) 0xFF, (byte) 0xE2, (byte) 0x82, 'b', '\r', 'c'},
      {'o', 'k', '\r', 'x', (byte) 0xE2, (byte) 0x82},
      {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xE9, '"'},
    };
    String[] expected = {
      "file line 1, byte 2: 0xC3",
      "file line 2, byte 3: 0xFF",
      "file line 2, byte 2: 0xE2",
      "file line 1, byte 2: 0xE9"
    };
    for (int i = 0; i < inputs.length; i++) {
      byte[] bytes = inputs[i];
      MalformedUtf8Exception bytewise =
          assertThrows(
              MalformedUtf8Exception.class,
              () -> lines(new Utf8LineReader(new ByteArrayInputStream(bytes), 100)));
      MalformedUtf8Exception decoded =
          assertThrows(
              MalformedUtf8Exception.class,
              () -> lines(new LineReader(new Utf8Reader(new ByteArrayInputStream(bytes)), 100)));
      assertTrue(
          bytewise.getMessage().startsWith(expected[i] + " is not valid UTF-8"),
          bytewise::getMessage);
      assertEquals(bytewise.getMessage(), decoded.getMessage());
    }
  }

  /** The lines, or the message of the refusal. */
  private static String linesOrRefusal(Lines lines) throws IOException {
    try {
      return lines(lines).toString();
    } catch (MalformedUtf8Exception e) {
      return e.getMessage();
    }
  }

  @Property(tries = 2000)
  void refusesExactlyWhatTheCheckingDecoderRefuses(
      @ForAll("utf8ish") @net.jqwik.api.constraints.Size(max = 24) List<Byte> list)
      throws IOException {
    // The byte reader checks by hand what the JDK's decoder checks: both agree on every input.
    byte[] bytes = new byte[list.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = list.get(i);
    }
    assertEquals(
        linesOrRefusal(new LineReader(new Utf8Reader(new ByteArrayInputStream(bytes)), 100)),
        linesOrRefusal(new Utf8LineReader(new ByteArrayInputStream(bytes), 100)));
  }

  @Provide
  Arbitrary<List<Byte>> utf8ish() {
    // Lead and continuation bytes of every kind, their limits, line ends and ASCII.
    return Arbitraries.of(
            (byte) 'a',
            (byte) '\n',
            (byte) '\r',
            (byte) '"',
            (byte) 0x7F,
            (byte) 0x80,
            (byte) 0x8F,
            (byte) 0x90,
            (byte) 0x9F,
            (byte) 0xA0,
            (byte) 0xBF,
            (byte) 0xC0,
            (byte) 0xC1,
            (byte) 0xC2,
            (byte) 0xDF,
            (byte) 0xE0,
            (byte) 0xE1,
            (byte) 0xEC,
            (byte) 0xED,
            (byte) 0xEE,
            (byte) 0xEF,
            (byte) 0xF0,
            (byte) 0xF1,
            (byte) 0xF3,
            (byte) 0xF4,
            (byte) 0xF5,
            (byte) 0xFF)
        .list();
  }

  @Test
  void theStrictReaderReadsWhatALenientOneReadsFromGoodText() throws IOException {
    // Characters of two, three and four bytes across the reader's 8 KiB buffers.
    String text = ("a\u00e9\u20ac\ud83d\ude00\r\n" + "b".repeat(1000) + "\n").repeat(40) + "end";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertEquals(
        lines(
            new LineReader(
                new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8),
                2000)),
        lines(new LineReader(new Utf8Reader(new ByteArrayInputStream(bytes)), 2000)));
  }

  @Test
  void theStrictReaderGivesTheTextBeforeTheBadByteFirst() throws IOException {
    byte[] bytes = {'9', '9', '2', '1', '3', '\n', '9', (byte) 0xE9, '\n'};
    LineReader reader = new LineReader(new Utf8Reader(new ByteArrayInputStream(bytes)), 100);
    assertEquals("99213", reader.next());
    MalformedUtf8Exception e = assertThrows(MalformedUtf8Exception.class, reader::next);
    assertEquals(2, e.line());
    assertEquals(2, e.byteInLine());
    assertEquals(0xE9, e.value());
  }

  @Test
  void aLongLineAcrossManyBuffersIsCutAndSkipped() throws IOException {
    String text = "x".repeat(300_000) + "\nok\r\n" + "\u00e9".repeat(200_000) + "\nend";
    assertEquals(
        List.of("1:cut", "2:ok", "3:cut", "4:end"), lines(new Utf8LineReader(utf8(text), 100_000)));
  }

  @Property(tries = 500)
  void aRecordIsPlainWhenItsLineIsPrintableAsciiWithoutQuotes(
      @ForAll
          @StringLength(max = 20)
          @Chars({'a', ',', '"', '\t', '\u00e9', '=', ' ', '-', '#', '\u007f', '\u009b'})
          String line)
      throws IOException {
    try (CsvRecordReader reader = new CsvRecordReader(utf8(line + "\nnext\n"))) {
      CsvRecordReader.Record first = reader.next();
      if (first == null || first.line() != 1) {
        return; // a blank line: skipped
      }
      boolean expected =
          first.problem().isEmpty()
              && line.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"');
      assertEquals(expected, reader.lastRecordIsPlain(), line);
      boolean formula =
          first.fields().stream().anyMatch(f -> !f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0)
              || (!first.fields().isEmpty() && first.fields().get(0).startsWith("#"));
      assertEquals(expected && !formula ? line : null, reader.lastRecordLine(), line);
      reader.next();
      assertEquals(true, reader.lastRecordIsPlain());
    }
    try (CsvRecordReader decoded = new CsvRecordReader(new StringReader(line + "\n"))) {
      decoded.next();
      assertEquals(false, decoded.lastRecordIsPlain(), "unknown through a Reader");
    }
  }

  /**
   * DEL is a control character: a line holding it is not plain, wherever it falls, in the eight
   * bytes skipped at a time or in the bytes looked at one by one; nor one holding a C1 control (two
   * bytes in UTF-8, C2 80 to C2 9F).
   */
  @Test
  void aLineWithDelOrAC1ControlIsNotPlain() throws IOException {
    for (String line :
        List.of(
            "\u007f=1+2,abcdefghij",
            "abcdefghij,\u007f=1",
            "1234567\u007f",
            "a\u007f",
            "abcdefghij,\u009b=1")) {
      try (CsvRecordReader reader = new CsvRecordReader(utf8(line + "\nok\n"))) {
        CsvRecordReader.Record first = reader.nextOrPlain();
        assertTrue(first != CsvRecordReader.PLAIN_LINE, line);
        assertEquals(false, reader.lastRecordIsPlain(), line);
        assertEquals(line, String.join(",", first.fields()));
        assertTrue(reader.nextOrPlain() == CsvRecordReader.PLAIN_LINE, "ok");
      }
    }
  }

  @Property(tries = 3000)
  void eightBytesAreSkippedOnlyWhenTheByteLoopWouldPassEachOfThem(
      @ForAll("eightBytes") byte[] bytes) {
    long word = 0;
    boolean notPlain = false;
    for (int k = 7; k >= 0; k--) {
      word = word << 8 | (bytes[k] & 0xFF);
      notPlain |= bytes[k] < 0x20 || bytes[k] == '"' || bytes[k] == 0x7F; // signed: 0x80 on too
    }
    assertEquals(notPlain, Utf8LineReader.anyNotPlain(word), () -> Long.toHexString(bytes[0]));
  }

  @Provide
  Arbitrary<byte[]> eightBytes() {
    // Mostly printable bytes, with the edges of each range the skip must tell apart.
    Arbitrary<Byte> edges =
        Arbitraries.of(
            (byte) 0,
            (byte) '\n',
            (byte) '\r',
            (byte) 0x1F,
            (byte) 0x20,
            (byte) 0x21,
            (byte) '"',
            (byte) 0x23,
            (byte) 0x7E,
            (byte) 0x7F,
            (byte) 0x80,
            (byte) 0xC3,
            (byte) 0xFF);
    return Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E)),
            Tuple.of(2, edges),
            Tuple.of(1, Arbitraries.bytes()))
        .array(byte[].class)
        .ofSize(8);
  }

  @Property(tries = 300)
  void longPlainAndMixedLinesReadAsAReaderReadsThem(
      @ForAll @StringLength(max = 300) @Chars({'a', '9', ',', '"', '\r', '\n', '\u00e9', '-'})
          String text)
      throws IOException {
    assertEquals(
        lines(new LineReader(new StringReader(text), 1000)),
        lines(new Utf8LineReader(utf8(text), 1000)));
  }

  private static List<String> records(CsvRecordReader reader) throws IOException {
    List<String> all = new ArrayList<>();
    try (reader) {
      for (CsvRecordReader.Record r; (r = reader.next()) != null; ) {
        all.add(r.toString());
      }
    }
    return all;
  }

  /** An input stream that gives at most {@code chunk} bytes a read, as a pipe or socket may. */
  private static InputStream inChunks(String text, int chunk) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  /**
   * However the bytes arrive, a few at a time, the lines are the same: a byte order mark, a \r\n or
   * a character split between two reads is read as if it came in one.
   */
  @Property(tries = 500)
  void readsTheLinesAReaderReadsWhateverTheReadSizes(
      @ForAll
          @StringLength(max = 40)
          @Chars({'a', ',', '"', '\r', '\n', '\u00e9', '\u20ac', '\ud83d', '\ude00', '\uFEFF'})
          String text,
      @ForAll @IntRange(min = 1, max = 3) int chunk)
      throws IOException {
    String decoded = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertEquals(
        lines(new LineReader(new StringReader(decoded), 100)),
        lines(new Utf8LineReader(inChunks(decoded, chunk), 100)));
  }

  /** A \r\n that ends a line cut for its length is one line break, as after any other line. */
  @Test
  void aLongLineEndingInCrLfIsOneLine() throws IOException {
    String text = "x".repeat(70_000) + "\r\nok\r\n" + "y".repeat(70_000) + "\r\n\r\nend";
    assertEquals(
        List.of("1:cut", "2:ok", "3:cut", "4:", "5:end"),
        lines(new Utf8LineReader(utf8(text), 100)));
    assertEquals(
        lines(new LineReader(new StringReader(text), 100)),
        lines(new Utf8LineReader(utf8(text), 100)));
  }

  /** A \r that is the last byte of a full buffer and its \n, the first of the next, are one. */
  @Test
  void aCrLfAcrossTwoBuffersIsOneLineBreak() throws IOException {
    String text = "x".repeat((1 << 16) - 1) + "\r\nok\n";
    assertEquals(
        lines(new LineReader(new StringReader(text), 100_000)),
        lines(new Utf8LineReader(utf8(text), 100_000)));
  }

  /**
   * Every lead byte against second bytes at and across each limit the lead sets (overlong forms,
   * surrogates, beyond U+10FFFF): refused or read exactly as the checking decoder does.
   */
  @Test
  void refusesAsTheCheckingDecoderAtEverySecondByteLimit() throws IOException {
    int[] leads = {
      0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5
    };
    int[] seconds = {0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0};
    for (int lead : leads) {
      for (int second : seconds) {
        byte[] bytes = {'a', (byte) lead, (byte) second, (byte) 0x80, (byte) 0x80, '\n'};
        assertEquals(
            linesOrRefusal(new LineReader(new Utf8Reader(new ByteArrayInputStream(bytes)), 100)),
            linesOrRefusal(new Utf8LineReader(new ByteArrayInputStream(bytes), 100)),
            Integer.toHexString(lead) + " " + Integer.toHexString(second));
      }
    }
  }
}
