package io.github.cpt4j.modifier;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.text.OneLine;

/**
 * What the library knows about a modifier: its {@link ModifierKind} and a short description in
 * plain words, written for this project (not the official wording).
 *
 * <pre>{@code
 * ModifierInfo info = Modifier.parse("59").info().orElseThrow();
 * info.kind();          // CPT
 * info.description();   // "Distinct service: ..."
 * }</pre>
 */
public final class ModifierInfo {

  private final Modifier modifier;
  private final ModifierKind kind;
  private final String description;
  private final PaymentEffect paymentEffect;

  private ModifierInfo(
      Modifier modifier, ModifierKind kind, String description, PaymentEffect paymentEffect) {
    this.modifier = modifier;
    this.kind = kind;
    this.description = description;
    this.paymentEffect = paymentEffect;
  }

  /**
   * Returns the information for one modifier.
   *
   * @param modifier the modifier described
   * @param kind who defines the modifier and what it is for
   * @param description a plain-language description, one line, not blank
   * @return the information, with no effect on payment ({@link PaymentEffect#NONE})
   * @throws IllegalArgumentException if {@code description} is blank or not one line (a control
   *     character, C1 included, a line or paragraph separator), as a code's descriptions may not be
   */
  public static ModifierInfo of(Modifier modifier, ModifierKind kind, String description) {
    requireNonNull(modifier, "modifier");
    requireNonNull(kind, "kind");
    requireNonNull(description, "description");
    // Blank as the parsers see it (a no-break space alone too), or broken over lines.
    String problem = OneLine.problemOf(description);
    if (problem != null) {
      throw new IllegalArgumentException("the description of modifier " + modifier + " " + problem);
    }
    return new ModifierInfo(modifier, kind, description, PaymentEffect.NONE);
  }

  /**
   * {@return a copy with the given effect on payment}
   *
   * @param effect what the modifier does to a payment
   */
  public ModifierInfo withPaymentEffect(PaymentEffect effect) {
    return new ModifierInfo(modifier, kind, description, requireNonNull(effect, "effect"));
  }

  /** {@return the modifier described} */
  public Modifier modifier() {
    return modifier;
  }

  /** {@return who defines the modifier and what it is for} */
  public ModifierKind kind() {
    return kind;
  }

  /** {@return a one-line description in plain words} */
  public String description() {
    return description;
  }

  /** {@return what the modifier does to a payment; {@link PaymentEffect#NONE} by default} */
  public PaymentEffect paymentEffect() {
    return paymentEffect;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ModifierInfo that
        && modifier == that.modifier
        && kind == that.kind
        && description.equals(that.description)
        && paymentEffect == that.paymentEffect;
  }

  @Override
  public int hashCode() {
    return ((modifier.hashCode() * 31 + kind.hashCode()) * 31 + description.hashCode()) * 31
        + paymentEffect.hashCode();
  }

  /**
   * Returns the modifier, its kind, its payment effect unless {@link PaymentEffect#NONE}, and its
   * description, such as {@code "26 (CPT): Professional ..."} or {@code "50 (CPT, BILATERAL):
   * Bilateral ..."}: two infos that {@link #equals} tells apart never print alike.
   */
  @Override
  public String toString() {
    String effect = paymentEffect == PaymentEffect.NONE ? "" : ", " + paymentEffect;
    return modifier + " (" + kind + effect + "): " + description;
  }
}
