package io.github.cpt4j.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Splitter;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Keeps this module's Javadoc examples honest: each runs here, and every fragment of JSON the
 * Javadoc shows (the parts between its {@code ...} elisions) is in what the code writes.
 */
class JavadocExamplesTest {

  private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "cpt4j");
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new CptModule());

  @Test
  void cptModuleWritesAndReadsAClaimLine() throws IOException {
    ObjectMapper found = new ObjectMapper().findAndRegisterModules();
    String json = MAPPER.writeValueAsString(ClaimLine.parse("71046-26 x2"));
    assertEquals(json, found.writeValueAsString(ClaimLine.parse("71046-26 x2")));
    assertTrue(
        javadoc("jackson/CptModule.java").contains("// " + json),
        () -> "CptModule's example does not state " + json);
    assertEquals(ClaimLine.parse("71046-26 x2"), MAPPER.readValue(json, ClaimLine.class));
    assertEquals(CptCode.parse("0001F"), MAPPER.readValue("\"0001F\"", CptCode.class));
  }

  @Test
  void feeResultJsonShowsTheManhattanVisit() throws IOException {
    PricingContext manhattan =
        PricingContext.of(
            LocalDate.of(2025, 6, 2), Locality.parse("13202-01"), Setting.NON_FACILITY);
    String json =
        MAPPER.writeValueAsString(
            BundledData.medicareFeeSchedule().price(ClaimLine.parse("99213"), manhattan));
    assertShownIn("jackson/FeeResultJson.java", json);
  }

  @Test
  void pricedClaimJsonShowsTheKneeClaim() throws IOException {
    Claim claim =
        Claim.builder()
            .add("29880-RT", "2400.00")
            .add("20610-LT", "310.00")
            .add("99213-25", "180.00")
            .build();
    PricingContext outpatient =
        PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);
    String json =
        MAPPER.writeValueAsString(
            MedicareClaimPricer.of(BundledData.medicareFeeSchedule()).price(claim, outpatient));
    assertShownIn("jackson/PricedClaimJson.java", json);
  }

  /**
   * Checks that each piece of the JSON the first example of {@code file} shows, split at its {@code
   * ...} elisions and with the Javadoc's line breaks and indentation taken out, is in {@code json}.
   */
  private static void assertShownIn(String file, String json) throws IOException {
    String shown = example(file);
    for (String piece : Splitter.on("...").split(shown)) {
      String p = piece.replaceAll("^[,\\s]+|[,\\s\\[\\]{}]+$", "");
      if (!p.isEmpty()) {
        assertTrue(json.contains(p), () -> file + " shows " + p + ", which is not in " + json);
      }
    }
  }

  /** The first preformatted code block of {@code file}'s Javadoc, its lines joined. */
  private static String example(String file) throws IOException {
    String doc = javadoc(file);
    int from = doc.indexOf("<pre>{@code") + "<pre>{@code".length();
    String block = doc.substring(from, doc.indexOf("}</pre>", from));
    StringBuilder sb = new StringBuilder();
    for (String line : block.lines().toList()) {
      sb.append(line.strip().replaceFirst("^\\*", "").strip());
    }
    return sb.toString();
  }

  private static String javadoc(String file) throws IOException {
    return Files.readString(SOURCES.resolve(file));
  }
}
