package io.github.cpt4j.fee;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.dmepos.DmeposCategory;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every parser that refuses its input quotes at most 64 characters of it, with anything unprintable
 * escaped: a message stays one short line whatever it was given.
 */
class ParserMessagesTest {

  private static final String HOSTILE = "\u001b[31m" + "x".repeat(100_000) + "\u0000";

  private static void assertShortAndPrintable(Consumer<String> parser, String input) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> parser.accept(input));
    String message = e.getMessage();
    assertTrue(message.length() < 300, () -> "too long: " + message.length());
    assertTrue(message.chars().allMatch(c -> c >= 0x20 && c < 0x7f), () -> "raw: " + message);
  }

  @Test
  void textParsersQuoteTheirInputShortAndEscaped() {
    List<Consumer<String>> parsers =
        List.of(
            Quarter::parse,
            PractitionerType::parse,
            GlobalPeriod::of,
            DmeposCategory::of,
            s -> Locality.of(s, "01"),
            s -> Locality.of("01182", s),
            s ->
                PricingContext.withoutArea(java.time.LocalDate.of(2025, 1, 2), Setting.FACILITY)
                    .withBeneficiaryZip(s),
            s -> BilledLine.parse("99213 $" + s),
            s -> BilledLine.parse("99213 on " + s));
    for (Consumer<String> parser : parsers) {
      assertShortAndPrintable(parser, HOSTILE);
    }
  }

  @Test
  void characterParsersEscapeAControlCharacter() {
    assertShortAndPrintable(s -> PaymentStatus.of(s.charAt(0)), "\u001b");
  }
}
