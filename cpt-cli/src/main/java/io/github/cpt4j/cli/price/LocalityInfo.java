package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One Medicare payment locality as {@code cpt localities} lists it: its identity, state and
 * name, and its geographic practice cost indices.
 *
 * @param id the MAC and locality number
 * @param state the two-letter state or territory code, such as {@code NY}
 * @param name the locality's name as CMS gives it, such as {@code REST OF NEW YORK}
 * @param work the work GPCI
 * @param practiceExpense the practice-expense GPCI
 * @param malpractice the malpractice GPCI
 */
public record LocalityInfo(LocalityId id, String state, String name, BigDecimal work,
    BigDecimal practiceExpense, BigDecimal malpractice) {

  /** Checks that nothing is null. */
  public LocalityInfo {
    requireNonNull(id, "id");
    requireNonNull(state, "state");
    requireNonNull(name, "name");
    requireNonNull(work, "work");
    requireNonNull(practiceExpense, "practiceExpense");
    requireNonNull(malpractice, "malpractice");
  }
}
