package io.github.cpt4j.cli;

import io.github.cpt4j.cli.price.Outcome;
import io.github.cpt4j.cli.report.Column;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code limiting_charge} column of {@code cpt price LINE... --limiting-charge}: after the
 * amount, as wide as its widest figure, the total included.
 */
final class LimitingChargeColumn {

  /** The column's name, as the batch output names it. */
  static final String NAME = "limiting_charge";

  private LimitingChargeColumn() {}

  /**
   * Returns {@code columns} (line, amount, ...) with the column inserted after the amount; {@code
   * total} is empty when no line has a limiting charge.
   */
  static List<Column> inserted(
      List<Column> columns, List<Outcome> outcomes, Optional<BigDecimal> total) {
    int width = Math.max(NAME.length(), total.map(t -> t.toPlainString().length()).orElse(0));
    for (Outcome outcome : outcomes) {
      if (outcome.limitingCharge().isPresent()) {
        width = Math.max(width, outcome.limitingCharge().get().toPlainString().length());
      }
    }
    List<Column> with = new ArrayList<>(columns);
    with.add(2, Column.number(NAME, width));
    return List.copyOf(with);
  }
}
