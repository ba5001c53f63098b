package io.github.cpt4j.fee.medicare.pfs;

import io.github.cpt4j.code.ProcedureCode;

/**
 * The int key of an RVU row: the packed code times four plus the {@link RowModifier} ordinal (0
 * global, 1 for 26, 2 for TC, 3 for 53), below {@link #BOUND}.
 */
final class RowKey {

  static final int BOUND = ProcedureCode.PACKED_BOUND * 4;

  private RowKey() {}

  static int of(ProcedureCode code, RowModifier row) {
    return of(code.packed(), row);
  }

  static int of(int packedCode, RowModifier row) {
    return packedCode * 4 + row.ordinal();
  }
}
