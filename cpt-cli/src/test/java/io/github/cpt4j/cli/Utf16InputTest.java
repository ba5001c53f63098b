package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file saved as UTF-16 ("Unicode text" in Windows tools) is refused up front, with status 2 and
 * one line saying so: with its byte order mark it was blamed on Latin-1 ({@code 0xFF is not valid
 * UTF-8 ... save a Latin-1 or Windows-1252 file as UTF-8}), and without one it was read with a NUL
 * beside every character, a header with no {@code code} column in {@code price}, every line an
 * {@code ILLEGAL_CHARACTER} (status 1) in {@code validate}.
 */
class Utf16InputTest {

  private static final String WITH_MARK =
      " is UTF-16 (it starts with a UTF-16 byte order mark): expected UTF-8 text (save the file as"
          + " UTF-8)";

  private static final String WITHOUT_MARK =
      " is UTF-16 (it has a NUL byte beside each character, and no byte order mark): expected"
          + " UTF-8 text (save the file as UTF-8)";

  @TempDir Path dir;

  /** The four ways to save UTF-16: either byte order, with or without its mark. */
  private static byte[] utf16(String text, String how) {
    Charset charset = how.startsWith("LE") ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    return ((how.endsWith("mark") ? "\uFEFF" : "") + text).getBytes(charset);
  }

  private static String why(String how) {
    return how.endsWith("mark") ? WITH_MARK : WITHOUT_MARK;
  }

  private Path file(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"LE with mark", "BE with mark", "LE", "BE"})
  void priceRefusesAUtf16Batch(String how) throws IOException {
    Path in = file("lines.csv", utf16("code,zip\n99213,10001\n", how));
    Path out = dir.resolve("out.csv");
    Cli.Result r = Cli.run("price", "-i", in.toString(), "-d", "2025-06-01", "-o", out.toString());
    assertEquals(2, r.status(), r::toString);
    assertEquals(List.of("cpt price: '" + in + "'" + why(how)), r.errLines());
    assertFalse(Files.exists(out), "no output file is made");
    Cli.Result stdin =
        Cli.runWithInput(utf16("code\n99213\n", how), "price", "-i", "-", "-d", "2025-06-01");
    assertEquals(2, stdin.status(), stdin::toString);
    assertEquals(List.of("cpt price: standard input" + why(how)), stdin.errLines());
    assertEquals("", stdin.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"LE with mark", "BE with mark", "LE", "BE"})
  void validateRefusesAUtf16File(String how) throws IOException {
    Path in = file("codes.txt", utf16("99213\n27447-RT\n", how));
    Cli.Result r = Cli.run("validate", in.toString());
    assertEquals(2, r.status(), r::toString);
    assertEquals(List.of("cpt validate: '" + in + "'" + why(how)), r.errLines());
    assertEquals("", r.out());
    Path csv = file("codes.csv", utf16("id,code\n1,99213\n", how));
    Cli.Result column = Cli.run("validate", csv.toString(), "--column", "code");
    assertEquals(2, column.status(), column::toString);
    assertEquals(List.of("cpt validate: '" + csv + "'" + why(how)), column.errLines());
    Cli.Result stdin = Cli.runWithInput(utf16("99213\n", how), "validate", "-");
    assertEquals(2, stdin.status(), stdin::toString);
    assertEquals(List.of("cpt validate: standard input" + why(how)), stdin.errLines());
  }

  @ParameterizedTest
  @ValueSource(strings = {"LE with mark", "LE"})
  void scrubRefusesAUtf16Batch(String how) throws IOException {
    Path mue =
        Files.writeString(
            dir.resolve("mue.csv"), ScrubCommandTest.MUE, StandardCharsets.ISO_8859_1);
    Path in = file("lines.csv", utf16("code\nJ1100\n", how));
    Cli.Result r =
        Cli.run("scrub", "--mue", mue.toString(), "-i", in.toString(), "-d", "2025-06-02");
    assertEquals(2, r.status(), r::toString);
    assertEquals(List.of("cpt scrub: '" + in + "'" + why(how)), r.errLines());
  }

  /** UTF-8 with a stray NUL, or with its own byte order mark, is read as before. */
  @Test
  void utf8WithANulOrAMarkIsReadAsBefore() throws IOException {
    Path nul = file("nul.txt", "99213\n9921\u00003\n27447\n".getBytes(StandardCharsets.UTF_8));
    Cli.Result r = Cli.run("validate", nul.toString());
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("ILLEGAL_CHARACTER"), r::toString);
    Path marked = file("marked.csv", "\uFEFFcode\n99213\n".getBytes(StandardCharsets.UTF_8));
    Cli.Result priced =
        Cli.run("price", "-i", marked.toString(), "-z", "10001", "-d", "2025-06-01");
    assertEquals(0, priced.status(), priced::toString);
    assertEquals("99213,101.06,priced,", priced.outLines().get(1));
    Cli.Result empty = Cli.run("validate", file("empty.txt", new byte[0]).toString());
    assertEquals(0, empty.status(), empty::toString);
  }

  @Test
  void theCheckLooksAtTheFirstBytesOnly() {
    byte[] le = "code,zip\n".getBytes(StandardCharsets.UTF_16LE);
    assertEquals(
        "UTF-16 (it has a NUL byte beside each character, and no byte order mark)",
        Inputs.wideText(le, le.length));
    assertNull(Inputs.wideText(le, 3), "one character is not enough to tell");
    assertNull(Inputs.wideText(new byte[] {(byte) 0xFF}, 1));
    assertNull(Inputs.wideText(new byte[] {0, 0, 0, 0, 0, 0}, 6), "NULs alone are not text");
    assertNull(Inputs.wideText("99213\n".getBytes(StandardCharsets.UTF_8), 6));
    assertNull(Inputs.wideText(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}, 4));
    // Mostly UTF-16 is UTF-16 (a character beyond Latin-1 has no NUL); a NUL in four is not.
    byte[] mixed = "ab\u4e2dcd".getBytes(StandardCharsets.UTF_16BE);
    assertTrue(Inputs.wideText(mixed, mixed.length) != null);
    assertNull(Inputs.wideText(new byte[] {'a', 0, 'b', 'c', 'd', 'e', 'f', 'g'}, 8));
  }

  /**
   * UTF-32, with or without its mark, is named: its little-endian mark starts with UTF-16's and was
   * called UTF-16, and without a mark it was read as UTF-8 with three NULs beside every character.
   */
  @ParameterizedTest
  @ValueSource(strings = {"UTF-32LE", "UTF-32BE"})
  void utf32IsSaidToBeUtf32(String encoding) throws IOException {
    Charset charset = Charset.forName(encoding);
    for (boolean mark : List.of(true, false)) {
      Path in =
          file("lines.csv", ((mark ? "\uFEFF" : "") + "code,zip\n99213,10001\n").getBytes(charset));
      Cli.Result r = Cli.run("price", "-i", in.toString(), "-d", "2025-06-01");
      assertEquals(2, r.status(), r::toString);
      String why =
          mark
              ? "it starts with a UTF-32 byte order mark"
              : "it has three NUL bytes beside each character, and no byte order mark";
      assertEquals(
          List.of(
              "cpt price: '"
                  + in
                  + "' is UTF-32 ("
                  + why
                  + "): expected UTF-8 text (save the file as UTF-8)"),
          r.errLines());
    }
    // The mark's four bytes are waited for: two of them were read as UTF-16's mark, or as NULs.
    byte[] marked = "\uFEFF99213".getBytes(charset);
    assertEquals(
        "UTF-32 (it starts with a UTF-32 byte order mark)", Inputs.wideText(marked, 4), encoding);
  }
}
