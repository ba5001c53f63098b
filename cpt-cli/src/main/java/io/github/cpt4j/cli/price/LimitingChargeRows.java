package io.github.cpt4j.cli.price;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Formats batch output rows with a {@code limiting_charge} cell after the amount ({@code cpt price
 * --input --limiting-charge}): blank when the row has none. A subclass, so that a run without the
 * column formats its rows with {@link CsvRows}'s code as it did before the column existed.
 */
final class LimitingChargeRows extends CsvRows {

  LimitingChargeRows(BatchHeader header, boolean verbatim) {
    super(header, verbatim);
  }

  @Override
  void row(byte[] line, int start, int end, Outcome outcome, ByteText out) {
    out.append(line, start, end);
    out.append((byte) ',');
    if (outcome.isPriced()
        && outcome.explanation().isEmpty()
        && outcome.limitingCharge().isPresent()) {
      appendPlain(outcome.amount().get(), out);
      out.append((byte) ',');
      appendPlain(outcome.limitingCharge().get(), out);
      out.append(PRICED_END, 0, PRICED_END.length);
    } else {
      StringBuilder text = new StringBuilder(128);
      outcome(outcome, text);
      out.append(text);
    }
  }

  @Override
  void outcome(Outcome outcome, StringBuilder out) {
    appendAmount(outcome.amount(), out);
    out.append(',');
    appendAmount(outcome.limitingCharge(), out);
    out.append(',');
    resultAndExplanation(outcome, out);
  }

  private static void appendAmount(Optional<BigDecimal> amount, StringBuilder out) {
    if (amount.isPresent()) {
      out.append(amount.get().toPlainString());
    }
  }
}
