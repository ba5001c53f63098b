package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.cli.input.CsvRecordReader;
import io.github.cpt4j.cli.input.CsvRecordReader.Record;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The batch input's CSV reader: RFC 4180 where the input is, one record per line where not. */
class CsvRecordReaderTest {

  static List<Record> read(Reader in) throws IOException {
    List<Record> records = new ArrayList<>();
    try (CsvRecordReader csv = new CsvRecordReader(in)) {
      for (Record r; (r = csv.next()) != null; ) {
        records.add(r);
      }
    }
    return records;
  }

  static List<Record> read(String text) throws IOException {
    return read(new StringReader(text));
  }

  private static Record ok(long line, String... fields) {
    return new Record(line, List.of(fields), Optional.empty());
  }

  @Test
  void readsRfc4180() throws IOException {
    assertEquals(
        List.of(
            ok(1, "a", "b", ""),
            ok(2, "x,y", "say \"hi\"", ""),
            ok(3, "two\nlines", "z"),
            ok(6, " \"a\" ", "")),
        read("\uFEFFa,b,\n\"x,y\",\"say \"\"hi\"\"\",\"\"\r\n\"two\nlines\",z\r\n\n \"a\" ,\n"));
  }

  @Test
  void textAfterAClosingQuoteCostsOneRecord() throws IOException {
    List<Record> records = read("a\n\"x\"y,1\nb\n");
    assertEquals(3, records.size());
    assertEquals(ok(1, "a"), records.get(0));
    assertEquals(Optional.of("field 1 has text after its closing quote"), records.get(1).problem());
    assertEquals(2, records.get(1).line());
    assertEquals(ok(3, "b"), records.get(2));
  }

  @Test
  void anUnclosedQuoteCostsOneRecord() throws IOException {
    List<Record> records = read("code\n99213\n\"99214,x\n99215\n99212\n");
    assertEquals(5, records.size(), records::toString);
    assertEquals(Optional.of("the quote of field 1 is never closed"), records.get(2).problem());
    assertEquals(ok(4, "99215"), records.get(3));
  }

  @Test
  void aQuoteOpenForTooManyLinesCostsOneRecord() throws IOException {
    String text = "\"open\n" + "x\n".repeat(CsvRecordReader.MAX_LINES_PER_RECORD + 10) + "\"\n";
    List<Record> records = read(text);
    assertTrue(records.get(0).problem().orElseThrow().contains("not closed within"));
    assertEquals(CsvRecordReader.MAX_LINES_PER_RECORD + 12, records.size());
  }

  @Test
  void aFieldIsCapped() throws IOException {
    String big = "y".repeat(CsvRecordReader.MAX_FIELD_LENGTH + 1);
    List<Record> records = read("a," + big + "\n\"" + big + "\"\nb\n" + "z".repeat(2_000_000));
    assertEquals(4, records.size());
    assertEquals(Optional.of("field 2 is longer than 65536 characters"), records.get(0).problem());
    assertEquals(Optional.of("field 1 is longer than 65536 characters"), records.get(1).problem());
    assertEquals(ok(3, "b"), records.get(2));
    assertTrue(records.get(3).problem().orElseThrow().contains("line is longer"));
  }

  @Test
  void anEndlessQuotedFieldIsReadInBoundedMemory() throws IOException {
    // 50 M characters inside one quote, never held: the reader gives up after the cap.
    Reader endless =
        new Reader() {
          long left = 50_000_000;
          boolean started;

          @Override
          public int read(char[] buffer, int offset, int length) {
            if (left <= 0) {
              return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i++) {
              buffer[offset + i] = i % 80 == 79 ? '\n' : 'q';
            }
            if (!started) {
              buffer[offset] = '"';
              started = true;
            }
            left -= n;
            return n;
          }

          @Override
          public void close() {}
        };
    long count = 0;
    long malformed = 0;
    try (CsvRecordReader csv = new CsvRecordReader(endless)) {
      for (Record r; (r = csv.next()) != null; ) {
        count++;
        malformed += r.problem().isPresent() ? 1 : 0;
      }
    }
    assertEquals(1, malformed);
    assertTrue(count > 500_000, count + " records");
  }

  /** Without quotes, every non-blank line is one record, whatever else it holds. */
  @Property(tries = 300)
  void everyNonBlankLineIsOneRecord(
      @ForAll
          @StringLength(max = 300)
          @Chars({',', '"', '\n', 'a', ' ', '\u0000'})
          @CharRange(from = 'x', to = 'z')
          String text)
      throws IOException {
    long lines = text.lines().filter(l -> !l.isEmpty()).count();
    List<Record> records = read(text);
    if (text.indexOf('"') < 0) {
      assertEquals(lines, records.size());
    }
    // With quotes, a record may span lines, but never swallows more than it may.
    assertTrue(records.size() <= lines);
    for (Record r : records) {
      assertTrue(r.problem().isPresent() || !r.fields().isEmpty());
    }
  }

  /** Quoted fields written by the rules read back as written, one record per line. */
  @Property(tries = 300)
  void quotedFieldsReadBack(@ForAll List<@StringLength(max = 20) String> fields)
      throws IOException {
    if (fields.isEmpty()) {
      return;
    }
    StringBuilder line = new StringBuilder();
    for (String field : fields) {
      String clean = field.replace('\r', ' ').replace('\n', ' ');
      line.append(line.length() == 0 ? "" : ",")
          .append('"')
          .append(clean.replace("\"", "\"\""))
          .append('"');
    }
    List<Record> records = read(line + "\n" + line + "\n");
    assertEquals(2, records.size());
    List<String> expected = new ArrayList<>();
    for (String field : fields) {
      expected.add(field.replace('\r', ' ').replace('\n', ' '));
    }
    assertEquals(expected, records.get(1).fields());
  }

  /** The field cap is inclusive: a field of exactly the cap reads, quoted or not. */
  @Test
  void aFieldOfExactlyTheCapIsRead() throws IOException {
    String cap = "y".repeat(CsvRecordReader.MAX_FIELD_LENGTH);
    List<Record> records = read("a," + cap + "\n\"" + cap + "\",b\n");
    assertEquals(List.of(ok(1, "a", cap), ok(2, cap, "b")), records);
  }

  /** A quote may stay open over at most MAX_LINES_PER_RECORD lines, the closing one included. */
  @Test
  void aQuoteMaySpanExactlyTheLineLimit() throws IOException {
    int max = CsvRecordReader.MAX_LINES_PER_RECORD;
    String inside = "open\n" + "x\n".repeat(max - 2);
    List<Record> fits = read("\"" + inside + "\",z\nnext\n");
    assertEquals(List.of(ok(1, inside, "z"), ok(max + 1, "next")), fits);
    List<Record> over = read("\"" + inside + "x\n\",z\n");
    assertTrue(over.get(0).problem().orElseThrow().contains("not closed within"), over::toString);
  }

  /**
   * A plain line is offered whole unless one of its fields would start a spreadsheet formula (= +
   * - @ anywhere, # in the first field).
   */
  @Test
  void aLineStartingAFormulaIsNotOfferedWhole() throws IOException {
    for (String line :
        new String[] {"=1,a", "+1,a", "-1,a", "@1,a", "#1,a", "a,=1", "a,+1", "a,-1", "a,@1"}) {
      try (CsvRecordReader csv =
          new CsvRecordReader(
              new java.io.ByteArrayInputStream(
                  (line + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
        csv.next();
        assertTrue(csv.lastRecordIsPlain(), line);
        assertEquals(null, csv.lastRecordLine(), line);
      }
    }
    try (CsvRecordReader csv =
        new CsvRecordReader(
            new java.io.ByteArrayInputStream(
                "a,#1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
      csv.next();
      assertEquals("a,#1", csv.lastRecordLine());
    }
  }

  /**
   * A line cut for its length inside a quote ends the record as too long, from a byte stream too,
   * where a cut line reads as empty and would otherwise let the quote run on.
   */
  @Test
  void aCutLineInsideAQuoteCostsTheRecord() throws IOException {
    String text = "\"a\n" + "z".repeat(CsvRecordReader.MAX_LINE_LENGTH + 1) + "\n\",b\nc\n";
    for (boolean bytes : new boolean[] {false, true}) {
      List<Record> records = new ArrayList<>();
      try (CsvRecordReader csv =
          bytes
              ? new CsvRecordReader(
                  new java.io.ByteArrayInputStream(
                      text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
              : new CsvRecordReader(new StringReader(text))) {
        for (Record r; (r = csv.next()) != null; ) {
          records.add(r);
        }
      }
      assertEquals(
          Optional.of("field 1 is longer than 65536 characters"),
          records.get(0).problem(),
          records::toString);
      assertEquals(ok(4, "c"), records.get(records.size() - 1));
    }
  }
}
