package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.cli.input.CsvRecordReader;
import io.github.cpt4j.cli.price.BatchHeader;
import io.github.cpt4j.cli.price.PricingDefaults;
import io.github.cpt4j.cli.price.RowParser;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the parsers that read what people type: codes, claim lines,
 * localities, places of service and batch rows (CSV records, then their cells). Each may refuse its
 * input only with its documented exception, whose message is one short printable line; anything
 * else is a finding.
 *
 * <p>{@code mvn verify} runs it in regression mode: the inputs under {@code
 * ParserFuzzTestInputs/parsers} in the test resources, plus an empty one. CI then fuzzes it for
 * {@link FuzzTest#maxDuration() five seconds} ({@code .ci/run}). To fuzz longer by hand (Linux or
 * macOS), raise {@code maxDuration} (say to {@code "10m"}) and run:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -ntp -pl cpt-cli -am test -Dtest=ParserFuzzTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * A finding is saved beside the seed inputs; commit it, so that it stays a regression test.
 */
class ParserFuzzTest {

  private static final int MAX_MESSAGE = 64 * 6 + 200;

  private static final PricingDefaults DEFAULTS =
      new PricingDefaults(
          Optional.of(Locality.parse("13282-99")), Setting.NON_FACILITY, LocalDate.of(2025, 6, 1));

  private static final BatchHeader HEADER =
      BatchHeader.of(
          List.of(
              "code", "modifiers", "units", "locality", "zip", "setting", "pos", "date", "claim"),
          false);

  @FuzzTest(maxDuration = "5s")
  void parsers(FuzzedDataProvider data) throws IOException {
    String text = data.consumeRemainingAsString();
    try {
      ProcedureCode.parse(text);
    } catch (CodeFormatException e) {
      checkMessage(e);
    }
    try {
      ProcedureCode.parseLenient(text);
    } catch (CodeFormatException e) {
      checkMessage(e);
    }
    try {
      ClaimLine.parse(text);
    } catch (CodeFormatException e) {
      checkMessage(e);
    }
    try {
      Locality.parse(text);
      assertTrue(text.chars().noneMatch(c -> c < 0x20 && !Character.isWhitespace(c)), text);
    } catch (IllegalArgumentException e) {
      checkMessage(e);
    }
    try {
      PlaceOfService.parse(text);
    } catch (IllegalArgumentException e) {
      checkMessage(e);
    }
    RowParser rows = new RowParser(HEADER, DEFAULTS, zip -> Optional.empty());
    try (CsvRecordReader csv = new CsvRecordReader(new StringReader(text))) {
      for (CsvRecordReader.Record r; (r = csv.next()) != null; ) {
        if (r.problem().isEmpty()) {
          RowParser.Row row = rows.parse(r.fields());
          row.problem().ifPresent(p -> checkLine(p.explanation()));
        }
      }
    }
  }

  private static void checkMessage(Exception e) {
    checkLine(e.getMessage());
  }

  /**
   * One line of printable ASCII and not too long: what a person can read in a terminal. An error
   * quotes at most 64 characters of the input, escaped, and a control character escapes to six
   * ({@code \u001c}): up to 384 characters of quote, plus the words around it.
   */
  private static void checkLine(String message) {
    assertTrue(message.length() < MAX_MESSAGE, () -> message.length() + " characters");
    assertTrue(message.chars().allMatch(c -> c >= 0x20 && c < 0x7f), message);
  }
}
