package io.github.cpt4j.modifier;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.code.ProcedureCode;
import java.util.List;

/**
 * One broken modifier rule on one line: the {@link ModifierRule}, the code, the modifiers involved
 * (in billed order) and a message in plain words.
 *
 * <pre>{@code
 * ModifierViolation v = ModifierRules.standard().check(ClaimLine.parse("71046-26-TC")).get(0);
 * v.rule();        // PROFESSIONAL_WITH_TECHNICAL_COMPONENT
 * v.modifiers();   // [26, TC]
 * v.message();     // "modifiers 26, TC on 71046: ..."
 * }</pre>
 */
public final class ModifierViolation {

  private final ModifierRule rule;
  private final ProcedureCode code;
  private final ImmutableList<Modifier> modifiers;
  private final String message;

  private ModifierViolation(
      ModifierRule rule, ProcedureCode code, ImmutableList<Modifier> modifiers, String message) {
    this.rule = rule;
    this.code = code;
    this.modifiers = modifiers;
    this.message = message;
  }

  /**
   * Returns a violation.
   *
   * @param rule the rule broken
   * @param code the code the modifiers were billed on
   * @param modifiers the modifiers involved, at least one
   * @param message what is wrong, in words for the user
   * @return the violation
   * @throws IllegalArgumentException if {@code modifiers} is empty: a violation always involves at
   *     least one modifier
   */
  public static ModifierViolation of(
      ModifierRule rule, ProcedureCode code, List<Modifier> modifiers, String message) {
    requireNonNull(rule, "rule");
    requireNonNull(code, "code");
    ImmutableList<Modifier> copy = ImmutableList.copyOf(requireNonNull(modifiers, "modifiers"));
    requireNonNull(message, "message");
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("a violation involves at least one modifier");
    }
    return new ModifierViolation(rule, code, copy, message);
  }

  /** {@return the rule broken} */
  public ModifierRule rule() {
    return rule;
  }

  /** {@return the code the modifiers were billed on} */
  public ProcedureCode code() {
    return code;
  }

  /** {@return the modifiers involved, in billed order; never empty} */
  public ImmutableList<Modifier> modifiers() {
    return modifiers;
  }

  /** {@return what is wrong, in plain words, naming the code and the modifiers} */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ModifierViolation)) {
      return false;
    }
    ModifierViolation that = (ModifierViolation) other;
    return rule == that.rule
        && code.equals(that.code)
        && modifiers.equals(that.modifiers)
        && message.equals(that.message);
  }

  @Override
  public int hashCode() {
    return ((rule.hashCode() * 31 + code.hashCode()) * 31 + modifiers.hashCode()) * 31
        + message.hashCode();
  }

  /** Returns the rule and the message, such as {@code "DUPLICATE_MODIFIER: modifier 25 ..."}. */
  @Override
  public String toString() {
    return rule + ": " + message;
  }
}
