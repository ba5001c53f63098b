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
 *
 * <p>Except where a line is an evaluation and management (E/M) service: the Policy Manual (Chapter
 * I, Section E) does not use 59 or its X subsets with E/M services, and separates a visit from a
 * procedure on the same date with 25 (57 for the decision for surgery, 24 in another procedure's
 * postoperative period) on the visit's line. 27 (multiple outpatient hospital E/M encounters on the
 * same date) is an E/M modifier too: it is only ever reported on a visit. So on a visit's line only
 * 24, 25, 27 and 57 count, and on any other line every listed modifier but those four, which are
 * E/M modifiers. A visit is an E/M code, 99201 on its dates, an eye exam (92002-92014), which NCCI
 * separates with the E/M modifiers as it does E/M codes ({@link io.github.cpt4j.edit.Visits}), or
 * G0463, the hospital outpatient clinic visit.
 *
 * <p>And except 27 on a practitioner's claim: 27 marks one of a hospital's several outpatient E/M
 * encounters of a day, a modifier of outpatient hospital claims that CPT does not let a physician
 * report, so it passes no edit of the practitioner table (CMS's PTP files {@code ccipra-...}).
 */
public final class NcciModifiers {

  private static final ImmutableSortedSet<Modifier> ALL;
  private static final boolean[] BYPASSES = new boolean[Modifier.COUNT];
  private static final boolean[] ANATOMIC = new boolean[Modifier.COUNT];

  /** 24, 25, 27 and 57: the modifiers of an E/M service, the only ones that separate a visit. */
  private static final boolean[] VISIT = new boolean[Modifier.COUNT];

  /** 27, the hospital's: multiple outpatient hospital E/M encounters on the same date. */
  private static final int HOSPITAL_VISITS = Modifier.parse("27").ordinal();

  static {
    ImmutableSortedSet.Builder<Modifier> all = ImmutableSortedSet.naturalOrder();
    List<String> anatomic =
        List.of(
            "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
            "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD",
            "LM", "RC", "RI");
    for (String text : anatomic) {
      ANATOMIC[Modifier.parse(text).ordinal()] = true;
    }
    List<String> others =
        List.of("24", "25", "57", "58", "78", "79", "27", "59", "91", "XE", "XS", "XP", "XU");
    for (List<String> family : List.of(anatomic, others)) {
      for (String text : family) {
        Modifier modifier = Modifier.parse(text);
        all.add(modifier);
        BYPASSES[modifier.ordinal()] = true;
      }
    }
    ALL = all.build();
    for (String text : List.of("24", "25", "27", "57")) {
      VISIT[Modifier.parse(text).ordinal()] = true;
    }
  }

  private NcciModifiers() {}

  /** {@return every NCCI-associated modifier, in modifier order} */
  public static ImmutableSortedSet<Modifier> all() {
    return ALL;
  }

  /**
   * Tells whether {@code modifier} is NCCI-associated. Does not allocate.
   *
   * @param modifier the modifier billed
   * @return true if {@code modifier} may bypass a procedure-to-procedure edit of indicator 1
   */
  public static boolean bypasses(Modifier modifier) {
    return BYPASSES[requireNonNull(modifier, "modifier").ordinal()];
  }

  /** Tells whether {@code modifier} is one of the anatomic NCCI-associated modifiers. */
  static boolean isAnatomic(Modifier modifier) {
    return ANATOMIC[modifier.ordinal()];
  }

  /**
   * Tells whether the only NCCI-associated modifiers that pass an edit on {@code first} and {@code
   * second} ({@code firstVisit} and {@code secondVisit} telling whether each is a visit, see {@link
   * #firstBypassingOn}; {@code hospital} whether 27 counts) are anatomic and the same on both lines
   * (27447-RT with 20610-RT): they name one site, not two. A modifier that passes no edit on its
   * line (25 on a procedure) changes nothing.
   */
  static boolean sameSiteOnly(
      ClaimLine first,
      boolean firstVisit,
      ClaimLine second,
      boolean secondVisit,
      boolean hospital) {
    return anatomicOnly(first, firstVisit, hospital)
        && anatomicOnly(second, secondVisit, hospital)
        && sameAnatomic(first, second);
  }

  private static boolean anatomicOnly(ClaimLine line, boolean visit, boolean hospital) {
    boolean any = false;
    for (Modifier modifier : line.modifiers()) {
      int ordinal = modifier.ordinal();
      if (ANATOMIC[ordinal]) {
        any = true;
      } else if (passesOn(ordinal, visit, hospital)) {
        return false; // another modifier that passes the edit on this line: not one site only
      }
    }
    return any;
  }

  /**
   * Whether the modifier of {@code ordinal} passes an edit on a line that is a visit ({@code
   * visit}) or not: an NCCI-associated modifier, an E/M one on a visit and any other elsewhere; 27
   * only when the claim may be a hospital's ({@code hospital}).
   */
  private static boolean passesOn(int ordinal, boolean visit, boolean hospital) {
    return BYPASSES[ordinal] && VISIT[ordinal] == visit && (hospital || ordinal != HOSPITAL_VISITS);
  }

  private static boolean sameAnatomic(ClaimLine first, ClaimLine second) {
    for (Modifier modifier : first.modifiers()) {
      if (ANATOMIC[modifier.ordinal()] && !second.hasModifier(modifier)) {
        return false;
      }
    }
    for (Modifier modifier : second.modifiers()) {
      if (ANATOMIC[modifier.ordinal()] && !first.hasModifier(modifier)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the first NCCI-associated modifier of {@code line} in billed order that bypasses an
   * edit on that line, or {@code null} when it has none: on an E/M service ({@code visit}) 24, 25,
   * 27 or 57, 27 only when the claim may be a hospital's ({@code hospital}); on any other line one
   * of the others. Does not allocate.
   */
  static Modifier firstBypassingOn(ClaimLine line, boolean visit, boolean hospital) {
    List<Modifier> modifiers = line.modifiers();
    for (int i = 0; i < modifiers.size(); i++) {
      int ordinal = modifiers.get(i).ordinal();
      if (passesOn(ordinal, visit, hospital)) {
        return modifiers.get(i);
      }
    }
    return null;
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

  /** Tells whether {@code modifier} is 27, the outpatient hospital claims' E/M modifier. */
  static boolean isHospitalVisits(Modifier modifier) {
    return modifier.ordinal() == HOSPITAL_VISITS;
  }
}
