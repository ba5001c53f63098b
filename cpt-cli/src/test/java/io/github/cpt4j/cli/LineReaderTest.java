package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.cli.input.LineReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  @Test
  void splitsOnEveryLineTerminatorAndDropsALeadingBom() throws IOException {
    assertEquals(List.of("a", "b", "", "c", "d"), lines("\uFEFFa\nb\r\n\r\nc\rd", 100));
    assertEquals(List.of("a"), lines("a\n", 100));
    assertEquals(List.of(), lines("", 100));
    assertEquals(List.of(), lines("\uFEFF", 100));
    assertEquals(List.of("", ""), lines("\n\n", 100));
    assertEquals(List.of("x\uFEFF"), lines("x\uFEFF", 100));
  }

  @Test
  void cutsLongLinesAndSaysSo() throws IOException {
    LineReader reader = new LineReader(new StringReader("abcdef\nab\n"), 3);
    assertEquals("abc", reader.next());
    assertTrue(reader.truncated());
    assertEquals(6, reader.length());
    assertEquals(1, reader.lineNumber());
    assertEquals("ab", reader.next());
    assertFalse(reader.truncated());
    assertEquals(2, reader.lineNumber());
    assertNull(reader.next());
    assertThrows(IllegalArgumentException.class, () -> new LineReader(new StringReader(""), 0));
  }

  /** Agrees with BufferedReader, the reference, whenever no line is cut. */
  @Property
  void agreesWithBufferedReader(@ForAll("text") String text) throws IOException {
    List<String> expected = new ArrayList<>();
    BufferedReader reference =
        new BufferedReader(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
    for (String line; (line = reference.readLine()) != null; ) {
      expected.add(line);
    }
    assertEquals(expected, lines(text, Integer.MAX_VALUE));
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings().withChars("ab\r\n\uFEFF ").ofMaxLength(40);
  }

  private static List<String> lines(String text, int max) throws IOException {
    List<String> lines = new ArrayList<>();
    LineReader reader = new LineReader(new StringReader(text), max);
    for (String line; (line = reader.next()) != null; ) {
      lines.add(line);
      assertEquals(lines.size(), reader.lineNumber());
    }
    return lines;
  }

  /** length() is the full length of the line just read, cut or not, never of an earlier one. */
  @Test
  void lengthIsThatOfTheLineJustRead() throws IOException {
    LineReader reader = new LineReader(new StringReader("abcdef\nab\n\nabcd"), 3);
    assertEquals("abc", reader.next());
    assertEquals(6, reader.length());
    assertEquals("ab", reader.next());
    assertEquals(2, reader.length());
    assertEquals("", reader.next());
    assertEquals(0, reader.length());
    assertEquals("abc", reader.next());
    assertEquals(4, reader.length());
    assertTrue(reader.truncated());
  }
}
