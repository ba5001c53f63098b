package io.github.cpt4j.fee.medicare.pfs;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.modifier.Modifier;
import java.util.Optional;

/**
 * The int key of an RVU row: the packed code times four plus the modifier slot (0 global, 1 for 26,
 * 2 for TC, 3 for 53), below {@link #BOUND}.
 */
final class RowKey {

  static final int BOUND = ProcedureCode.PACKED_BOUND * 4;

  private RowKey() {}

  static int of(ProcedureCode code, Optional<Modifier> modifier) {
    return of(code, modifier.orElse(null));
  }

  static int of(ProcedureCode code, Modifier modifier) {
    return code.packed() * 4 + slot(modifier);
  }

  /** Returns the slot of a row modifier, or -1 if {@code modifier} selects no row. */
  static int slotOrMinusOne(Modifier modifier) {
    if (modifier == Modifier.PROFESSIONAL_COMPONENT) {
      return 1;
    } else if (modifier == Modifier.TECHNICAL_COMPONENT) {
      return 2;
    } else if (modifier == Modifier.DISCONTINUED) {
      return 3;
    }
    return -1;
  }

  private static int slot(Modifier modifier) {
    if (modifier == null) {
      return 0;
    }
    int slot = slotOrMinusOne(modifier);
    if (slot < 0) {
      throw new IllegalArgumentException("an RVU row's modifier is 26, TC or 53, not " + modifier);
    }
    return slot;
  }
}
