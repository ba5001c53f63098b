package io.github.cpt4j.data.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the loaders: they never fail with anything but their own exception, and round-trip. */
class CodeSetLoaderProperties {

  private static final CodeSetLoader LOADER = CodeSetLoader.defaults();

  /** Text made mostly of the characters that matter to the parsers. */
  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789AFGTUJ|,\t\r\n \"#-abcé\u0000").ofMaxLength(80),
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

  @Provide
  Arbitrary<List<CodeEntry>> codeSets() {
    Arbitrary<CodeEntry> entries =
        net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(0, 99_999),
                Arbitraries.strings().withChars("abc ,\"'é-").ofMinLength(1).ofMaxLength(20),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 9_000),
                Arbitraries.integers().between(0, 3_000).optional(0.3))
            .as(
                (number, text, addOn, start, length) -> {
                  LocalDate from = LocalDate.of(2000, 1, 1).plusDays(start);
                  return CodeEntry.builder()
                      .code(io.github.cpt4j.code.CptCode.of(number))
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
