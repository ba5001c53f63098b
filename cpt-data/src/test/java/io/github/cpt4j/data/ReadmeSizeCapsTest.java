package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.base.Splitter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's list of size caps ("Sizes are capped per kind") the loaders' own: it said
 * "other CSV 64 MiB" while the payment amount loader allowed 256 MiB, and left out the MUE loader.
 */
class ReadmeSizeCapsTest {

  private static final Path README = Path.of("..", "README.md");

  /** Each kind the README names, and the loader's constant that caps it. */
  private static final Map<String, String> CAPS =
      Map.ofEntries(
          Map.entry("GPCI", "medicare.GpciFile.MAX_CHARS"),
          Map.entry("ANES", "medicare.AnesthesiaConversionFactorFile.MAX_CHARS"),
          Map.entry("anesthesia base units", "medicare.AnesthesiaBaseUnitFile.MAX_BYTES"),
          Map.entry("ASP", "medicare.AspFile.MAX_CHARS"),
          Map.entry("DMEPOS rural ZIP", "medicare.DmeposRuralZipFile.MAX_CHARS"),
          Map.entry("OPPS cap", "medicare.OppsCapFile.MAX_CHARS"),
          Map.entry("lab", "medicare.ClfsFile.MAX_CHARS"),
          Map.entry("relative values", "medicare.RvuFile.MAX_CHARS"),
          Map.entry("NCCI MUE", "ncci.MueFile.MAX_CHARS"),
          Map.entry("ZIP5", "medicare.Zip5File.MAX_CHARS"),
          Map.entry("DMEPOS", "medicare.DmeposFile.MAX_CHARS"),
          // Conversion factors and flat fee schedules are read by CsvTable.read, under its cap.
          Map.entry("conversion factors", "table.CsvTable.MAX_CHARS"),
          Map.entry("flat fee schedules", "table.CsvTable.MAX_CHARS"),
          Map.entry("code-set files", "load.SourceText.MAX_BYTES"),
          Map.entry("other CSV", "table.CsvTable.MAX_CHARS"),
          Map.entry("payment amounts", "medicare.PaymentAmountFile.MAX_CHARS"));

  @Test
  void theReadmeListsEachLoadersCap() throws Exception {
    String text = Files.readString(README, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    Matcher list = Pattern.compile("Sizes are capped per kind\\*\\* \\(([^)]*)\\)").matcher(text);
    assertTrue(list.find(), "the README's list of size caps");
    // Groups such as "OPPS cap, lab, relative values and NCCI MUE 16 MiB", one after another.
    Matcher group = Pattern.compile("(?:; )?([^;]+?) (\\d+) MiB").matcher(list.group(1));
    Map<String, Long> listed = new TreeMap<>();
    while (group.find()) {
      for (String kind : Splitter.onPattern(", | and ").split(group.group(1))) {
        listed.put(kind, Long.parseLong(group.group(2)) << 20);
      }
    }
    Map<String, Long> actual = new TreeMap<>();
    for (Map.Entry<String, String> cap : CAPS.entrySet()) {
      actual.put(cap.getKey(), constant(cap.getValue()));
    }
    assertEquals(actual, listed);
  }

  private static long constant(String name) throws ReflectiveOperationException {
    int dot = name.lastIndexOf('.');
    Field field =
        Class.forName("io.github.cpt4j.data." + name.substring(0, dot))
            .getDeclaredField(name.substring(dot + 1));
    field.setAccessible(true);
    return ((Number) field.get(null)).longValue();
  }
}
