package io.github.cpt4j.fee.medicare.anesthesia;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who furnished an anesthesia service and how, as its payment modifier says (Medicare Claims
 * Processing Manual, chapter 12, sections 50 and 140): the share of the full amount it is paid, and
 * whether the line is the physician's or the nurse anesthetist's.
 */
public enum AnesthesiaRole {
  /** AA: personally performed by an anesthesiologist; 100% (section 50.B). */
  PERSONALLY_PERFORMED("AA", true, "1", "personally performed by the anesthesiologist"),
  /** QZ: a nurse anesthetist (CRNA) without medical direction; 100% (section 140). */
  CRNA_NOT_DIRECTED("QZ", false, "1", "nurse anesthetist without medical direction"),
  /** QK: medical direction of two to four concurrent procedures; 50% (section 50.C). */
  DIRECTING_TWO_TO_FOUR("QK", true, "0.5", "medical direction of 2-4 concurrent procedures"),
  /** QY: medical direction of one nurse anesthetist; 50% (section 50.C). */
  DIRECTING_ONE("QY", true, "0.5", "medical direction of one nurse anesthetist"),
  /** QX: a nurse anesthetist with medical direction; 50% (sections 50.C and 140). */
  CRNA_DIRECTED("QX", false, "0.5", "nurse anesthetist with medical direction"),
  /**
   * AD: medical supervision of more than four concurrent procedures; three base units (the code's
   * own when it has fewer: {@link AnesthesiaFeeSchedule#supervisionBaseUnits}), plus one time unit
   * when the physician was present at induction (section 50.D).
   */
  SUPERVISING_MORE_THAN_FOUR("AD", true, "1", "medical supervision of more than 4 procedures");

  @SuppressWarnings("ImmutableEnumChecker") // Modifier is an immutable value type
  private final Modifier modifier;

  private final boolean physician;
  private final BigDecimal share;
  private final String words;

  AnesthesiaRole(String modifier, boolean physician, String share, String words) {
    this.modifier = Modifier.parse(modifier);
    this.physician = physician;
    this.share = new BigDecimal(share);
    this.words = words;
  }

  /** {@return the payment modifier, such as {@code QK}} */
  public Modifier modifier() {
    return modifier;
  }

  /**
   * Tells whether the line is the physician's (AA, QK, QY, AD) rather than the CRNA's.
   *
   * @return true for AA, QK, QY and AD, false for QX and QZ
   */
  public boolean isPhysician() {
    return physician;
  }

  /** Tells whether the line is paid by its time: every role but AD (medical supervision). */
  boolean isPaidByTime() {
    return this != SUPERVISING_MORE_THAN_FOUR;
  }

  /** {@return the share of the full amount paid: 1 (100%) or 0.5 (50%)} */
  public BigDecimal share() {
    return share;
  }

  /** {@return what the modifier says, in words} */
  public String words() {
    return words;
  }

  /**
   * {@return the role of {@code modifier}, if it is an anesthesia payment modifier}
   *
   * @param modifier a modifier of the line
   */
  public static Optional<AnesthesiaRole> of(Modifier modifier) {
    requireNonNull(modifier, "modifier");
    for (AnesthesiaRole role : values()) {
      if (role.modifier == modifier) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the payment modifiers among {@code modifiers}, at most one of each, in billed order.
   */
  static List<AnesthesiaRole> among(List<Modifier> modifiers) {
    List<AnesthesiaRole> found = new ArrayList<>(1);
    for (Modifier m : modifiers) {
      of(m).filter(r -> !found.contains(r)).ifPresent(found::add);
    }
    return found;
  }
}
