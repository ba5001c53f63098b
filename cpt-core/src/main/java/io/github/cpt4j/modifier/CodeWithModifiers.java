package io.github.cpt4j.modifier;

import io.github.cpt4j.code.ProcedureCode;
import java.util.List;

/**
 * A procedure code with the modifiers billed on it, in billed order: what {@link
 * ModifierRules#check(CodeWithModifiers)} checks. {@link io.github.cpt4j.claim.ClaimLine} is the
 * library's implementation; a claim system may implement it on its own line type.
 */
public interface CodeWithModifiers {

  /** {@return the procedure code} */
  ProcedureCode code();

  /** {@return the modifiers in billed order; empty when there are none} */
  List<Modifier> modifiers();
}
