package io.github.cpt4j.cli;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.cli.price.Outcome;
import io.github.cpt4j.cli.report.Format;
import java.util.List;

/**
 * Which explanations {@code cpt price LINE...} writes. CSV and JSON, and a table with {@code
 * --explain}, explain every line; a table without it has no EXPLANATION column, unless a line has
 * no amount or has a warning: then the column says why there is no amount, as a batch does, and
 * gives the warnings of the priced lines, which CSV and JSON show too, leaving the other priced
 * lines' cells empty. A warning hidden by the table (minutes on a code not paid by time) would
 * leave an amount looking right that the reader should check.
 */
enum ExplanationColumn {

  /** Every line's whole explanation. */
  ALL,

  /** Why a line has no amount, and a priced line's warnings; empty for the other priced lines. */
  NOTES,

  /** No column: a table without {@code --explain} whose lines are all priced without warnings. */
  NONE;

  /**
   * Returns the column for {@code outcomes} written in {@code format}, with or without {@code
   * --explain}.
   */
  static ExplanationColumn of(List<Outcome> outcomes, Format format, boolean explain) {
    requireNonNull(outcomes, "outcomes");
    requireNonNull(format, "format");
    if (explain || format != Format.TABLE) {
      return ALL;
    }
    for (Outcome outcome : outcomes) {
      if (!outcome.isPriced() || !outcome.warnings().isEmpty()) {
        return NOTES;
      }
    }
    return NONE;
  }

  /** Tells whether the output has the column. */
  boolean shown() {
    return this != NONE;
  }

  /**
   * Returns the cell of {@code outcome}, on one line.
   *
   * @throws IllegalStateException if the output has no such column
   */
  String cell(Outcome outcome) {
    requireNonNull(outcome, "outcome");
    return switch (this) {
      case ALL -> Main.oneLine(outcome.explanation());
      // An unpriced line's explanation already starts with its warnings, after the detail.
      case NOTES ->
          Main.oneLine(outcome.isPriced() ? outcome.warningText() : outcome.explanation());
      case NONE -> throw new IllegalStateException("no explanation column");
    };
  }
}
