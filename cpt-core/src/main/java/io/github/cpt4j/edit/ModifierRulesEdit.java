package io.github.cpt4j.edit;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.modifier.ModifierRules;
import io.github.cpt4j.modifier.ModifierViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * The modifier rules ({@link ModifierRules}) as a claim edit: every rule a line breaks is a {@link
 * EditAction#FLAG} finding named {@value #NAME}, with the rule's name in its data ({@code rule}).
 * Flags, not denials: the payment rules refuse the combinations that change the payment, with a
 * reason of their own.
 *
 * <pre>{@code
 * ClaimEdit modifiers = ModifierRulesEdit.standard();
 * modifiers.check(Claim.ofLines(ClaimLine.parse("71046-26-TC")), context);
 * // [modifier-rules line 1 FLAG: PROFESSIONAL_WITH_TECHNICAL_COMPONENT: ...]
 * }</pre>
 */
public final class ModifierRulesEdit implements ClaimEdit {

  /** The edit's name, {@code "modifier-rules"}. */
  public static final String NAME = "modifier-rules";

  private static final ModifierRulesEdit STANDARD = new ModifierRulesEdit(ModifierRules.standard());

  private final ModifierRules rules;

  private ModifierRulesEdit(ModifierRules rules) {
    this.rules = rules;
  }

  /** {@return the edit of {@link ModifierRules#standard()}} */
  public static ModifierRulesEdit standard() {
    return STANDARD;
  }

  /**
   * {@return the edit of {@code rules}}
   *
   * @param rules the modifier rules that the edit checks each line against
   */
  public static ModifierRulesEdit of(ModifierRules rules) {
    return new ModifierRulesEdit(requireNonNull(rules, "rules"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<EditFinding> check(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    List<EditFinding> findings = null;
    for (int i = 0; i < claim.size(); i++) {
      ClaimLine line = claim.line(i).line();
      if (line.modifiers().isEmpty()) {
        continue; // no rule judges a line without modifiers (and most lines have none)
      }
      List<ModifierViolation> violations = rules.check(line);
      // A clean line, the usual case, costs no allocation.
      for (int v = 0; v < violations.size(); v++) {
        ModifierViolation violation = violations.get(v);
        if (findings == null) {
          findings = new ArrayList<>(2);
        }
        findings.add(
            EditFinding.builder()
                .edit(NAME)
                .line(i)
                .lineNumber(claim.lineNumber(i))
                .action(EditAction.FLAG)
                .deniedUnits(0)
                .reason(UnpricedReason.EDIT_DENIED)
                .message(violation.rule().name() + ": " + violation.message())
                .putData("rule", violation.rule().name())
                .build());
      }
    }
    return findings == null ? List.of() : findings;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
