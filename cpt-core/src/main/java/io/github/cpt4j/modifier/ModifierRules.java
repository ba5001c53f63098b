package io.github.cpt4j.modifier;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.text.NullElements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks the modifiers of a line against the modifier rules and reports <em>every</em> violation,
 * never just the first.
 *
 * <p>The rules of {@link #standard()}, each a {@link ModifierRule} (whose constants document them
 * with their sources): at most four modifiers; no modifier twice; Category II modifiers only on
 * Category II codes; 50 and 51 never on them; P1-P6 only on anesthesia codes 00100-01999; 47 never
 * on anesthesia codes, nor 26, TC, 50, 62, 66, 80, 81, 82 or AS (the relative value file gives
 * every anesthesia code indicator 9, concept does not apply, for components, bilateral surgery,
 * co-surgeons, team surgery and assistants at surgery: the anesthesia pricer refuses them); 63 only
 * on surgery codes 20100-69990 and a short list of cardiovascular medicine codes; 92 only on the
 * HIV tests 86701-86703 and 87389; CT only on the CT codes of CMS change request 9250; CQ and CO
 * only on the therapy codes (MULT PROC 5 in CMS's relative value file); at most one of each of {22,
 * 52}, {25, 57, 59}, {52, 53, 73, 74}, {76, 77, 78, 79}, {93, 95}, {CQ, CO}, {JW, JZ}, {AA, AD, QK,
 * QX, QY, QZ}; never 26 with TC; never 50 with LT or RT; never 59 with XE, XS, XP or XU; never 54,
 * 55 or 56 with 80, 81, 82 or AS; never 78 with 54, 55 or 56; 25 and 57 only on visits
 * (99201-99499, the eye exams 92002-92014, G0402, G0438, G0439 and G0463); at most one of GA, GY
 * and GZ, and never GX with GA or GZ. Which modifiers and codes each rule covers is data, kept in
 * one table.
 *
 * <p>Violations come grouped in the order of {@link ModifierRule}, and within a rule in billed
 * order. A line that breaks no rule gets an empty list; checking it does not allocate, so a pricer
 * can run the check on every line first.
 *
 * <pre>{@code
 * List<ModifierViolation> problems =
 *     ModifierRules.standard().check(ClaimLine.parse("99213-25-59-25"));
 * // [DUPLICATE_MODIFIER: modifier 25 appears 2 times on 99213; ...,
 * //  MUTUALLY_EXCLUSIVE: modifiers 25, 59 on 99213: ...]
 * }</pre>
 */
public final class ModifierRules {

  /** The most modifiers one line may carry: the claim form has four slots. */
  public static final int MAX_MODIFIERS = 4;

  private static final ModifierRules STANDARD =
      new ModifierRules(StandardModifierRules.restrictions(), StandardModifierRules.exclusions());

  private final ImmutableList<CodeRestriction> restrictions;
  private final ImmutableList<Exclusion> exclusions;
  // Indexed by Modifier.ordinal(): bit i set if restrictions[i] (exclusions[i]) names the
  // modifier. Most modifiers have 0 and cost one array read.
  private final int[] restrictionBits = new int[Modifier.COUNT];
  private final int[] exclusionBits = new int[Modifier.COUNT];
  // Bit i set if exclusions[i] names the modifier among those it refuses beside its own
  // (Exclusion.against); such an exclusion is broken by one of each side, not by two of its own.
  private final int[] againstBits = new int[Modifier.COUNT];
  private final int oneSided;

  private ModifierRules(List<CodeRestriction> restrictions, List<Exclusion> exclusions) {
    if (restrictions.size() > Integer.SIZE || exclusions.size() > Integer.SIZE) {
      throw new IllegalArgumentException("at most 32 restrictions and 32 exclusions");
    }
    this.restrictions = ImmutableList.copyOf(restrictions);
    this.exclusions = ImmutableList.copyOf(exclusions);
    for (int i = 0; i < restrictions.size(); i++) {
      for (Modifier m : restrictions.get(i).modifiers()) {
        restrictionBits[m.ordinal()] |= 1 << i;
      }
    }
    int sets = 0;
    for (int i = 0; i < exclusions.size(); i++) {
      Exclusion exclusion = exclusions.get(i);
      for (Modifier m : exclusion.modifiers()) {
        exclusionBits[m.ordinal()] |= 1 << i;
      }
      for (Modifier m : exclusion.against()) {
        againstBits[m.ordinal()] |= 1 << i;
      }
      if (exclusion.against().isEmpty()) {
        sets |= 1 << i;
      }
    }
    this.oneSided = sets;
  }

  /** {@return the rules described on this class} */
  public static ModifierRules standard() {
    return STANDARD;
  }

  /**
   * Checks the modifiers of {@code line}, such as a {@link io.github.cpt4j.claim.ClaimLine}.
   *
   * @param line the code and modifiers billed
   * @return every violation, grouped by rule; empty if the line breaks no rule
   */
  public ImmutableList<ModifierViolation> check(CodeWithModifiers line) {
    requireNonNull(line, "line");
    return check(line.code(), line.modifiers());
  }

  /**
   * Checks {@code modifiers}, in billed order, on {@code code}. Unlike a claim line, the list may
   * hold any number of modifiers; more than four is itself a violation.
   *
   * @param code the procedure the modifiers are billed on
   * @param modifiers the modifiers, in billed order; empty for none
   * @return every violation, grouped by rule; empty if no rule is broken
   * @throws NullPointerException if an argument or an element of {@code modifiers} is null (the
   *     message names the element's index)
   */
  public ImmutableList<ModifierViolation> check(ProcedureCode code, List<Modifier> modifiers) {
    requireNonNull(code, "code");
    requireNonNull(modifiers, "modifiers");
    int n = modifiers.size();
    for (int i = 0; i < n; i++) {
      if (modifiers.get(i) == null) {
        throw new NullPointerException(NullElements.at("modifier", i));
      }
    }
    List<ModifierViolation> found = null;
    if (n > MAX_MODIFIERS) {
      found =
          add(
              found,
              ModifierRule.TOO_MANY_MODIFIERS,
              code,
              modifiers.subList(MAX_MODIFIERS, n),
              code + " has " + n + " modifiers; a claim line has at most " + MAX_MODIFIERS);
    }
    int seenOnce = 0;
    int seenTwice = 0;
    int seenAgainst = 0;
    for (int i = 0; i < n; i++) {
      Modifier modifier = modifiers.get(i);
      if (firstIndex(modifiers, modifier) < i) {
        continue;
      }
      int times = count(modifiers, modifier, i);
      if (times > 1) {
        found =
            add(
                found,
                ModifierRule.DUPLICATE_MODIFIER,
                code,
                List.of(modifier),
                "modifier "
                    + modifier
                    + " appears "
                    + times
                    + " times on "
                    + code
                    + "; a modifier goes on a line once");
      }
      for (int bits = restrictionBits[modifier.ordinal()]; bits != 0; bits &= bits - 1) {
        CodeRestriction restriction = restrictions.get(Integer.numberOfTrailingZeros(bits));
        if (restriction.isBrokenBy(code)) {
          found =
              add(
                  found,
                  restriction.rule(),
                  code,
                  List.of(modifier),
                  restriction.message(modifier, code));
        }
      }
      int bits = exclusionBits[modifier.ordinal()];
      seenTwice |= seenOnce & bits;
      seenOnce |= bits;
      seenAgainst |= againstBits[modifier.ordinal()];
    }
    int broken = (seenTwice & oneSided) | (seenOnce & seenAgainst & ~oneSided);
    for (int bits = broken; bits != 0; bits &= bits - 1) {
      Exclusion exclusion = exclusions.get(Integer.numberOfTrailingZeros(bits));
      List<Modifier> involved = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Modifier modifier = modifiers.get(i);
        if (exclusion.names(modifier) && !involved.contains(modifier)) {
          involved.add(modifier);
        }
      }
      found = add(found, exclusion.rule(), code, involved, exclusion.message(involved, code));
    }
    if (found == null) {
      return ImmutableList.of();
    }
    // Exclusions are found in the order of their table: within a rule, order by where each
    // violation's first modifier is billed ({93, 95} before {52, 53} on 99213-93-52-95-53).
    found.sort(
        Comparator.comparing(ModifierViolation::rule)
            .thenComparingInt(v -> firstIndex(modifiers, v.modifiers().get(0))));
    return ImmutableList.copyOf(found);
  }

  /**
   * Tells whether {@code modifiers} on {@code code} break no rule; the same as an empty {@link
   * #check(ProcedureCode, List)}, and just as free of allocation.
   *
   * @param code the procedure the modifiers are billed on
   * @param modifiers the modifiers, in billed order; empty for none
   * @return true if {@link #check(ProcedureCode, List)} finds no violation
   */
  public boolean isValid(ProcedureCode code, List<Modifier> modifiers) {
    return check(code, modifiers).isEmpty();
  }

  private static int firstIndex(List<Modifier> modifiers, Modifier modifier) {
    int i = 0;
    while (modifiers.get(i) != modifier) {
      i++;
    }
    return i;
  }

  private static int count(List<Modifier> modifiers, Modifier modifier, int from) {
    int times = 0;
    for (int i = from; i < modifiers.size(); i++) {
      if (modifiers.get(i) == modifier) {
        times++;
      }
    }
    return times;
  }

  private static List<ModifierViolation> add(
      List<ModifierViolation> found,
      ModifierRule rule,
      ProcedureCode code,
      List<Modifier> modifiers,
      String message) {
    List<ModifierViolation> list = found == null ? new ArrayList<>(2) : found;
    list.add(ModifierViolation.of(rule, code, modifiers, message));
    return list;
  }

  /** Returns a short summary, such as {@code ModifierRules[7 restrictions, 8 exclusions]}. */
  @Override
  public String toString() {
    return "ModifierRules["
        + restrictions.size()
        + " restrictions, "
        + exclusions.size()
        + " exclusions]";
  }

  /**
   * A rule tying modifiers to codes: the modifiers belong only on the listed codes ({@code
   * onlyOn}), or never on them.
   *
   * @param ranges inclusive ranges of {@linkplain ProcedureCode#packed() packed} codes, as {@code
   *     first, last} pairs
   * @param where the listed codes in plain words, for messages
   * @param why why the rule holds, in plain words, added to messages; empty to add nothing
   */
  // An int[] of range bounds keeps the check allocation-free; the record is internal, copies the
  // array it is given and never hands it out, so the array's identity equality cannot surprise.
  @SuppressWarnings("ArrayRecordComponent")
  record CodeRestriction(
      ModifierRule rule,
      ImmutableSet<Modifier> modifiers,
      boolean onlyOn,
      int[] ranges,
      String where,
      String why) {

    CodeRestriction {
      if (ranges.length == 0 || ranges.length % 2 != 0) {
        throw new IllegalArgumentException("ranges are first, last pairs");
      }
      ranges = ranges.clone();
    }

    CodeRestriction(
        ModifierRule rule,
        ImmutableSet<Modifier> modifiers,
        boolean onlyOn,
        int[] ranges,
        String where) {
      this(rule, modifiers, onlyOn, ranges, where, "");
    }

    boolean isBrokenBy(ProcedureCode code) {
      return covers(code) != onlyOn;
    }

    boolean covers(ProcedureCode code) {
      int packed = code.packed();
      for (int i = 0; i < ranges.length; i += 2) {
        if (packed >= ranges[i] && packed <= ranges[i + 1]) {
          return true;
        }
      }
      return false;
    }

    String message(Modifier modifier, ProcedureCode code) {
      String message =
          onlyOn
              ? "modifier " + modifier + " belongs only on " + where + ", not on " + code
              : "modifier " + modifier + " never belongs on " + where + " such as " + code;
      return why.isEmpty() ? message : message + ": " + why;
    }
  }

  /**
   * A set of modifiers of which at most one may be on a line; or, when {@code against} is not
   * empty, modifiers that may not be on a line beside any of {@code against} (though two of {@code
   * against} may).
   */
  record Exclusion(
      ModifierRule rule,
      ImmutableSet<Modifier> modifiers,
      ImmutableSet<Modifier> against,
      String why) {

    Exclusion(ModifierRule rule, ImmutableSet<Modifier> modifiers, String why) {
      this(rule, modifiers, ImmutableSet.of(), why);
    }

    /** Tells whether this exclusion names {@code modifier}, on either side. */
    boolean names(Modifier modifier) {
      return modifiers.contains(modifier) || against.contains(modifier);
    }

    String message(List<Modifier> involved, ProcedureCode code) {
      String names = involved.stream().map(Modifier::toString).collect(Collectors.joining(", "));
      return "modifiers " + names + " on " + code + ": " + why;
    }
  }
}
