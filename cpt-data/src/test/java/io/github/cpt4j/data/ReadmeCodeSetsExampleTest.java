package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.code.Subsection;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import io.github.cpt4j.data.load.CodeSetLoader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README's "Code sets" section honest: its two examples are exactly the blocks between
 * the markers below, which this test runs.
 */
class ReadmeCodeSetsExampleTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path SELF =
      Path.of(
          "src", "test", "java", "io", "github", "cpt4j", "data", "ReadmeCodeSetsExampleTest.java");

  @TempDir Path amaFiles;

  @Test
  void sampleExampleRunsAsTheReadmeSays() {
    // README:begin
    CodeSet sample = BundledData.codeSet();

    Optional<String> visit = sample.find("99213").map(CodeEntry::shortDescription);
    // Optional[Office visit, established patient, low complexity decision making]
    Optional<CodeEntry> retired =
        sample.find(ProcedureCode.parse("99201"), LocalDate.of(2024, 5, 1)); // empty: ended 2020
    List<CodeEntry> office = sample.between(CptCode.of(99202), CptCode.of(99215));
    List<CodeEntry> digestive = sample.inSubsection(Subsection.DIGESTIVE); // 40490-49999
    long addOns = sample.stream().filter(CodeEntry::addOn).count();
    // README:end

    assertEquals(
        Optional.of("Office visit, established patient, low complexity decision making"), visit);
    assertEquals(Optional.empty(), retired);
    assertEquals(9, office.size());
    assertTrue(digestive.size() > 20);
    assertTrue(addOns > 20);
  }

  @Test
  void overlayExampleRunsAsTheReadmeSays() throws IOException {
    // Made-up stand-ins for the licensed files, in Windows-1252 as the AMA often ships them: an
    // accented letter as in Latin-1, and a curly apostrophe, which Latin-1 reads as a control.
    Charset windows1252 = Charset.forName("windows-1252");
    Files.write(
        amaFiles.resolve("SHORTU.txt"), "99213\tMADE-UP SHORT TEXT\n".getBytes(windows1252));
    Files.write(
        amaFiles.resolve("LONGULT.txt"),
        "99213\tMade-up long text, caf\u00e9 style, the writer\u2019s own\n".getBytes(windows1252));

    // README:begin
    CodeSet licensed =
        CodeSetLoader.defaults()
            .withCharset(Charset.forName("windows-1252")) // AMA files often are
            .withEffectiveFrom(LocalDate.of(2025, 1, 1)) // AMA files carry no dates
            .loadTabDelimited(amaFiles.resolve("SHORTU.txt"), amaFiles.resolve("LONGULT.txt"));

    CodeSet codes = BundledData.codeSet().overlaidWith(licensed); // licensed entries win
    Optional<String> text = codes.find("99213").flatMap(CodeEntry::longDescription);
    // README:end

    assertEquals(Optional.of("Made-up long text, caf\u00e9 style, the writer\u2019s own"), text);
    assertEquals(BundledData.codeSet().size(), codes.size());
    assertEquals("MADE-UP SHORT TEXT", codes.find("99213").orElseThrow().shortDescription());
  }

  @Test
  void readmeShowsExactlyTheCodeThatRuns() throws IOException {
    List<String> source = Files.readAllLines(SELF);
    List<String> readme = Files.readAllLines(README);
    int heading = indexOf(readme, "## Code sets", 0);
    int from = heading;
    int searchFrom = 0;
    for (int example = 0; example < 2; example++) {
      int begin = indexOf(source, "// README:begin", searchFrom);
      int end = indexOf(source, "// README:end", begin);
      searchFrom = end + 1;
      int open = indexOf(readme, "```java", from);
      int close = indexOf(readme, "```", open + 1);
      from = close + 1;
      assertEquals(
          dedent(source.subList(begin + 1, end)),
          readme.subList(afterImports(readme, open + 1, close), close),
          "README code-sets example "
              + (example + 1)
              + " differs from this test; copy one to"
              + " the other");
    }
  }

  private static int indexOf(List<String> lines, String marker, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).trim().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("marker not found after line " + from + ": " + marker);
  }

  private static List<String> dedent(List<String> lines) {
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    List<String> result = new ArrayList<>();
    for (String line : lines) {
      result.add(line.isBlank() ? "" : line.substring(indent));
    }
    return result;
  }

  /** Skips the import lines a README snippet starts with, and the blank line after them. */
  private static int afterImports(List<String> readme, int first, int close) {
    int code = first;
    while (code < close && readme.get(code).startsWith("import ")) {
      code++;
    }
    if (code > first && code < close && readme.get(code).isEmpty()) {
      code++;
    }
    return code;
  }
}
