package io.github.cpt4j.edit.ncci;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.modifier.Modifier;
import java.util.List;

/**
 * The NCCI-associated modifiers: those that bypass a procedure-to-procedure edit whose modifier
 * indicator is {@link PtpModifierIndicator#ALLOWED 1}, when they are on either line of the pair.
 *
 * <p>The list is the NCCI Policy Manual for Medicare Services, Chapter I, Section E (Modifiers and
 * Modifier Indicators):
 *
 * <ul>
 *   <li>anatomic: E1-E4, FA, F1-F9, TA, T1-T9, LT, RT, LC, LD, LM, RC, RI;
 *   <li>global surgery: 24, 25, 57, 58, 78, 79;
 *   <li>other: 27, 59, 91, and the subsets of 59: XE, XS, XP, XU.
 * </ul>
 *
 * <p>On either line: CMS Change Request 11168 had Medicare's practitioner claims system accept 59
 * and XE, XS, XP, XU on the column 1 or the column 2 code from July 2019. Contractors still ask for
 * the modifier on the column 2 code; the edit cannot tell which line a biller meant, so every
 * listed modifier counts on either line. Whether it is used rightly (different sites, separate
 * encounters) is for the biller's documentation: the edit looks at its presence only.
 */
public final class NcciModifiers {

  private static final ImmutableSortedSet<Modifier> ALL;
  private static final boolean[] BYPASSES = new boolean[Modifier.COUNT];

  static {
    ImmutableSortedSet.Builder<Modifier> all = ImmutableSortedSet.naturalOrder();
    for (String text :
        List.of(
            "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
            "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD",
            "LM", "RC", "RI", "24", "25", "57", "58", "78", "79", "27", "59", "91", "XE", "XS",
            "XP", "XU")) {
      Modifier modifier = Modifier.parse(text);
      all.add(modifier);
      BYPASSES[modifier.ordinal()] = true;
    }
    ALL = all.build();
  }

  private NcciModifiers() {}

  /** Returns every NCCI-associated modifier, in modifier order. */
  public static ImmutableSortedSet<Modifier> all() {
    return ALL;
  }

  /** Tells whether {@code modifier} is NCCI-associated. Does not allocate. */
  public static boolean bypasses(Modifier modifier) {
    return BYPASSES[requireNonNull(modifier, "modifier").ordinal()];
  }

  /**
   * Returns the first NCCI-associated modifier of {@code line} in billed order, or {@code null}
   * when it has none. Does not allocate.
   */
  static Modifier firstOn(ClaimLine line) {
    List<Modifier> modifiers = line.modifiers();
    for (int i = 0; i < modifiers.size(); i++) {
      Modifier modifier = modifiers.get(i);
      if (BYPASSES[modifier.ordinal()]) {
        return modifier;
      }
    }
    return null;
  }
}
