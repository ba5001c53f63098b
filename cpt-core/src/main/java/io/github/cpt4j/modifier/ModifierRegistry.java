package io.github.cpt4j.modifier;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.text.NullElements;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The modifiers the library knows, each with its {@link ModifierKind} and a plain-language
 * description. Any other well-formed modifier is still a valid {@link Modifier}, just unknown.
 *
 * <p>{@link #standard()} holds 182 modifiers: 39 CPT modifiers, the anesthesia physical status
 * modifiers P1-P6, the Category II modifiers and 133 common HCPCS Level II modifiers. A registry is
 * immutable and thread-safe; lookups are an array read and never allocate.
 *
 * <pre>{@code
 * ModifierRegistry registry = ModifierRegistry.standard();
 * registry.lookup(Modifier.parse("TC")).map(ModifierInfo::kind);   // Optional[HCPCS_LEVEL_II]
 * registry.isKnown(Modifier.parse("P7"));                          // false: well-formed, unknown
 * registry.ofKind(ModifierKind.CATEGORY_II);                        // 1P, 2P, 3P, 8P
 * }</pre>
 */
public final class ModifierRegistry {

  private static final ModifierRegistry STANDARD = of(StandardModifiers.rows());

  private final ImmutableList<ModifierInfo> all;
  // Indexed by Modifier.ordinal(); holds Optional instances so that lookup never allocates.
  private final List<Optional<ModifierInfo>> byOrdinal;
  // Indexed by Modifier.ordinal(): the payment effect table claim pricers read per modifier.
  private final PaymentEffect[] effects;

  private ModifierRegistry(
      ImmutableList<ModifierInfo> all, List<Optional<ModifierInfo>> byOrdinal) {
    this.all = all;
    this.byOrdinal = byOrdinal;
    this.effects = new PaymentEffect[Modifier.COUNT];
    Arrays.fill(effects, PaymentEffect.NONE);
    for (ModifierInfo info : all) {
      effects[info.modifier().ordinal()] = info.paymentEffect();
    }
  }

  /** {@return the registry of the modifiers described in the library's documentation} */
  public static ModifierRegistry standard() {
    return STANDARD;
  }

  /**
   * Builds a registry from {@code infos}, for example the standard entries plus a payer's own.
   *
   * @param infos what the registry is to know, one entry for each modifier
   * @return the registry
   * @throws IllegalArgumentException if a modifier is described twice (the message names the
   *     indexes of both infos in {@code infos})
   * @throws NullPointerException if {@code infos} or one of them is null (the message names its
   *     index)
   */
  public static ModifierRegistry of(Iterable<ModifierInfo> infos) {
    requireNonNull(infos, "infos");
    List<Optional<ModifierInfo>> byOrdinal = new ArrayList<>(Modifier.COUNT);
    for (int i = 0; i < Modifier.COUNT; i++) {
      byOrdinal.add(Optional.empty());
    }
    List<ModifierInfo> all = new ArrayList<>();
    // The index of each modifier's info, so that a duplicate names both places, not only what.
    int[] indexes = new int[Modifier.COUNT];
    int i = 0;
    for (ModifierInfo info : infos) {
      if (info == null) {
        throw new NullPointerException(NullElements.at("info", i));
      }
      int ordinal = info.modifier().ordinal();
      if (byOrdinal.get(ordinal).isPresent()) {
        throw new IllegalArgumentException(
            "modifier "
                + info.modifier()
                + " is described twice: info at index "
                + indexes[ordinal]
                + " and info at index "
                + i);
      }
      indexes[ordinal] = i;
      byOrdinal.set(ordinal, Optional.of(info));
      all.add(info);
      i++;
    }
    all.sort(Comparator.comparing(ModifierInfo::modifier));
    return new ModifierRegistry(ImmutableList.copyOf(all), List.copyOf(byOrdinal));
  }

  /**
   * {@return what the registry knows about {@code modifier}, or empty if it is unknown}
   *
   * @param modifier the modifier to look up
   */
  public Optional<ModifierInfo> lookup(Modifier modifier) {
    return byOrdinal.get(requireNonNull(modifier, "modifier").ordinal());
  }

  /**
   * {@return what {@code modifier} does to a payment ({@link PaymentEffect#NONE} when unknown): an
   * array read, for pricers that decode every line's modifiers}
   *
   * @param modifier the modifier to look up
   */
  public PaymentEffect paymentEffect(Modifier modifier) {
    requireNonNull(modifier, "modifier");
    return effects[modifier.ordinal()];
  }

  /**
   * {@return the payment effects of {@code modifiers} as a set of {@link PaymentEffect#bit() bits}}
   *
   * @param modifiers the modifiers of a line; unknown ones add no bit
   */
  public int paymentEffects(List<Modifier> modifiers) {
    requireNonNull(modifiers, "modifiers");
    int bits = 0;
    for (int i = 0; i < modifiers.size(); i++) {
      bits |= effects[requireNonNull(modifiers.get(i), "modifier").ordinal()].bit();
    }
    return bits;
  }

  /**
   * Tells whether the registry knows {@code modifier}.
   *
   * @param modifier the modifier to look up
   * @return true if the registry has an entry for {@code modifier}
   */
  public boolean isKnown(Modifier modifier) {
    return lookup(modifier).isPresent();
  }

  /** {@return every known modifier, in modifier order} */
  public ImmutableList<ModifierInfo> all() {
    return all;
  }

  /**
   * {@return the known modifiers of one kind, in modifier order}
   *
   * @param kind the kind of modifier wanted
   */
  public ImmutableList<ModifierInfo> ofKind(ModifierKind kind) {
    requireNonNull(kind, "kind");
    // A loop rather than a stream: it runs at the start of every cpt price (the standard modifier
    // rules), where a stream pipeline is cold code.
    ImmutableList.Builder<ModifierInfo> ofKind = ImmutableList.builder();
    for (ModifierInfo info : all) {
      if (info.kind() == kind) {
        ofKind.add(info);
      }
    }
    return ofKind.build();
  }

  /** Returns a short summary, such as {@code ModifierRegistry[182 modifiers]}: the standard one. */
  @Override
  public String toString() {
    return "ModifierRegistry[" + all.size() + " modifiers]";
  }
}
