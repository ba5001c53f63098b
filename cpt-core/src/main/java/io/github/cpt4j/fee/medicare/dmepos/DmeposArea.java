package io.github.cpt4j.fee.medicare.dmepos;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;

/**
 * Where a beneficiary lives, as the DMEPOS fee schedule needs it: the state (or territory, such as
 * {@code PR}) and whether the ZIP code is one of CMS's DMEPOS rural ZIP codes.
 *
 * @param state the two-letter state, such as {@code NY}
 * @param rural whether the ZIP code is in CMS's DMEPOS rural ZIP code file
 */
public record DmeposArea(String state, boolean rural) {

  /**
   * Checks the state.
   *
   * @param state the two-letter state, such as {@code NY}
   * @param rural whether the ZIP code is in CMS's DMEPOS rural ZIP code file
   * @throws IllegalArgumentException if it is not two upper-case letters
   */
  public DmeposArea {
    requireNonNull(state, "state");
    if (!DmeposZipTable.isState(state)) {
      throw new IllegalArgumentException(
          "a state is two upper-case letters, not " + CodeFormatException.quote(state));
    }
  }

  /** Returns {@code NY non-rural} or {@code NY rural}. */
  @Override
  public String toString() {
    return state + (rural ? " rural" : " non-rural");
  }
}
