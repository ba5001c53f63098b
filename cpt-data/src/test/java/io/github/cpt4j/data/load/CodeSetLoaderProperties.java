package io.github.cpt4j.data.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.CptKind;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of the loaders: they never fail with anything but their own exception, and round-trip. */
class CodeSetLoaderProperties {

  private static final CodeSetLoader LOADER = CodeSetLoader.defaults();

  /**
   * Text made mostly of the characters that matter to the parsers, the no-break spaces among them
   * (blank to CodeEntry, not to String.strip).
   */
  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.oneOf(
        Arbitraries.strings()
            .withChars("0123456789AFGTUJ|,\t\r\n \"#-abcé\u0000\u00A0\u2007\u202F")
            .ofMaxLength(80),
        Arbitraries.strings().ofMaxLength(40));
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
  }

  @Property
  void textNeverFailsWithAnythingButADataLoadException(@ForAll("noise") String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (Format format : Format.values()) {
      try {
        CodeSet set = format.load(bytes);
        assertEquals(false, set.isEmpty(), "a load either has rows or fails");
      } catch (DataLoadException expected) {
        assertEquals("noise", expected.sourceName());
      } catch (IOException e) {
        throw new AssertionError("not a DataLoadException: " + e, e);
      }
    }
  }

  @Property
  void bytesNeverFailWithAnythingButADataLoadException(@ForAll("bytes") byte[] bytes) {
    for (Format format : Format.values()) {
      try {
        format.load(bytes);
      } catch (DataLoadException expected) {
        // fine: bad data is reported, and nothing is built
      } catch (IOException e) {
        throw new AssertionError("not a DataLoadException: " + e, e);
      }
    }
  }

  @Property
  void csvRoundTripsAnySetOfCodes(@ForAll("codeSets") List<CodeEntry> entries) throws IOException {
    CodeSet set = CodeSet.copyOf(entries);
    StringBuilder csv = new StringBuilder("code,description,add_on,effective_from,effective_to\n");
    for (CodeEntry e : set) {
      csv.append(e.code())
          .append(",\"")
          .append(e.shortDescription().replace("\"", "\"\""))
          .append("\",")
          .append(e.addOn() ? "Y" : "N")
          .append(',')
          .append(e.effectiveFrom())
          .append(',')
          .append(e.effectiveTo().map(LocalDate::toString).orElse(""))
          .append("\r\n");
    }
    CodeSet loaded =
        LOADER.loadCsv(
            new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "round.csv");
    assertEquals(set, loaded);
  }

  /** A file's rows as the AMA's formats write them. */
  private enum AmaFormat {
    TAB,
    SPACES,
    PIPE,
    PIPE_WITH_DESCRIPTOR_ID;

    String row(int id, ProcedureCode code, String descriptor) {
      return switch (this) {
        case TAB -> code + "\t" + descriptor;
        case SPACES -> code + "   " + descriptor;
        case PIPE -> id + "|" + code + "|" + descriptor;
        case PIPE_WITH_DESCRIPTOR_ID -> id + "|" + code + "|" + (id * 7) + "|" + descriptor;
      };
    }

    CodeSet load(String text) throws IOException {
      ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
      return this == TAB || this == SPACES
          ? LOADER.loadTabDelimited(in, "ama.txt")
          : LOADER.loadPipeDelimited(in, "ama.txt");
    }
  }

  /**
   * The AMA's tab-delimited files (a tab, or a run of spaces, after the code) and pipe-delimited
   * files (three or four fields) load to their codes and descriptors, of every kind of code.
   */
  @Property
  void amaFilesLoadTheirCodesAndDescriptors(
      @ForAll("anyCodes") List<ProcedureCode> codes,
      @ForAll("descriptors") List<String> descriptors,
      @ForAll AmaFormat format)
      throws IOException {
    StringBuilder text = new StringBuilder();
    List<CodeEntry> expected = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      String descriptor = descriptors.get(i % descriptors.size());
      text.append(format.row(1000 + i, codes.get(i), descriptor)).append('\n');
      expected.add(
          CodeEntry.builder()
              .code(codes.get(i))
              .shortDescription(descriptor)
              .effectiveFrom(LOADER.effectiveFrom())
              .build());
    }
    assertEquals(CodeSet.copyOf(expected), format.load(text.toString()), text::toString);
  }

  /**
   * A code cut short or run on by a character is refused with the same message whether a tab or a
   * run of spaces follows it: the spaces stand for the tab whatever the code field's length.
   */
  @Property
  void aMistypedCodeGetsOneErrorBeforeATabOrSpaces(
      @ForAll("anyCodes") List<ProcedureCode> codes,
      @ForAll @IntRange(min = 0, max = 4) int at,
      @ForAll boolean cut) {
    String code = codes.get(0).toString();
    String typo = cut ? code.substring(0, at) + code.substring(at + 1) : code + code.charAt(at);
    String tab = "99213\tMade up\n" + typo + "\tMade up\n";
    String spaces = "99213 Made up\n" + typo + "  Made up\n";
    assertEquals(loadError(tab), loadError(spaces));
    assertTrue(
        loadError(spaces).contains("expected a procedure code such as"), () -> loadError(spaces));
  }

  private static String loadError(String text) {
    try {
      CodeSet set = AmaFormat.TAB.load(text);
      throw new AssertionError("loaded: " + set + "\n" + text);
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  /**
   * A code on two rows never loads, whichever row repeats it, except in the four-field pipe file
   * (clinician descriptors), where a code has several descriptors and the first is kept.
   */
  @Property
  void aRepeatedCodeIsRefusedOrKeepsItsFirstDescriptor(
      @ForAll("anyCodes") List<ProcedureCode> codes,
      @ForAll("indices") int first,
      @ForAll("indices") int second,
      @ForAll @IntRange(min = 0, max = 4) int formatIndex)
      throws IOException {
    int from = first % codes.size();
    int repeatAt = second % (codes.size() + 1);
    List<ProcedureCode> rows = new ArrayList<>(codes);
    rows.add(Math.max(from + 1, repeatAt), codes.get(from));
    StringBuilder text = new StringBuilder();
    if (formatIndex == 4) {
      text.append("code,description\n");
      for (int i = 0; i < rows.size(); i++) {
        text.append(rows.get(i)).append(",Made up ").append(i).append('\n');
      }
    } else {
      AmaFormat format = AmaFormat.values()[formatIndex];
      for (int i = 0; i < rows.size(); i++) {
        text.append(format.row(1000 + i, rows.get(i), "Made up " + i)).append('\n');
      }
    }
    ByteArrayInputStream in =
        new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    if (formatIndex == AmaFormat.PIPE_WITH_DESCRIPTOR_ID.ordinal()) {
      CodeSet set = LOADER.loadPipeDelimited(in, "ama.txt");
      assertEquals(codes.size(), set.size());
      assertEquals("Made up " + from, set.find(codes.get(from)).orElseThrow().shortDescription());
      return;
    }
    try {
      CodeSet set =
          formatIndex == 4
              ? LOADER.loadCsv(in, "dup.csv")
              : AmaFormat.values()[formatIndex].load(text.toString());
      throw new AssertionError("a repeated code loaded: " + set + "\n" + text);
    } catch (DataLoadException expected) {
      assertTrue(expected.getMessage().contains("already"), expected::getMessage);
    }
  }

  @Provide
  Arbitrary<Integer> indices() {
    return Arbitraries.integers().between(0, 1_000);
  }

  /** Distinct codes of every kind: CPT, Category II and III, PLA, and HCPCS Level II. */
  @Provide
  Arbitrary<List<ProcedureCode>> anyCodes() {
    Arbitrary<ProcedureCode> code =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 99_999).map(CptCode::of),
            Combinators.combine(
                    Arbitraries.of(CptKind.values()).filter(k -> k != CptKind.STANDARD),
                    Arbitraries.integers().between(0, 9_999))
                .as(CptCode::of),
            Combinators.combine(
                    Arbitraries.of('A', 'G', 'J', 'Q', 'V'),
                    Arbitraries.integers().between(0, 9_999))
                .as(HcpcsCode::of));
    return code.list().ofMinSize(1).ofMaxSize(20).uniqueElements();
  }

  @Provide
  Arbitrary<List<String>> descriptors() {
    return Arbitraries.strings()
        .withChars("abc ,\"'é-")
        .ofMaxLength(20)
        .map(t -> "Made up " + t.strip() + ".")
        .list()
        .ofMinSize(1)
        .ofMaxSize(5);
  }

  @Provide
  Arbitrary<List<CodeEntry>> codeSets() {
    Arbitrary<CodeEntry> entries =
        Combinators.combine(
                Arbitraries.integers().between(0, 99_999),
                Arbitraries.strings().withChars("abc ,\"'é-").ofMinLength(1).ofMaxLength(20),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 9_000),
                Arbitraries.integers().between(0, 3_000).optional(0.3))
            .as(
                (number, text, addOn, start, length) -> {
                  LocalDate from = LocalDate.of(2000, 1, 1).plusDays(start);
                  return CodeEntry.builder()
                      .code(CptCode.of(number))
                      .shortDescription("Made up " + text.strip() + ".")
                      .addOn(addOn)
                      .effectiveFrom(from)
                      .effectiveTo(length.map(from::plusDays))
                      .build();
                });
    return entries.list().ofMinSize(1).ofMaxSize(30).uniqueElements(CodeEntry::code);
  }

  private enum Format {
    TAB {
      @Override
      CodeSet load(byte[] bytes) throws IOException {
        return LOADER.loadTabDelimited(new ByteArrayInputStream(bytes), "noise");
      }
    },
    PIPE {
      @Override
      CodeSet load(byte[] bytes) throws IOException {
        return LOADER.loadPipeDelimited(new ByteArrayInputStream(bytes), "noise");
      }
    },
    CSV {
      @Override
      CodeSet load(byte[] bytes) throws IOException {
        return LOADER.loadCsv(new ByteArrayInputStream(bytes), "noise");
      }
    },
    CSV_WITH_HEADER {
      @Override
      CodeSet load(byte[] bytes) throws IOException {
        byte[] header = "code,description\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[header.length + bytes.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(bytes, 0, all, header.length, bytes.length);
        return LOADER.loadCsv(new ByteArrayInputStream(all), "noise");
      }
    };

    abstract CodeSet load(byte[] bytes) throws IOException;
  }
}
