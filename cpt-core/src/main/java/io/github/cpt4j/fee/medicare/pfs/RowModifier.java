package io.github.cpt4j.fee.medicare.pfs;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.modifier.Modifier;
import java.util.List;
import java.util.Optional;

/**
 * Which row of the relative value file a line selects: the global row (no row modifier), the
 * professional component ({@code 26}), the technical component ({@code TC}) or the discontinued
 * procedure ({@code 53}). The one place that decides which modifiers are row modifiers: rows, OPPS
 * caps, their keys and the loaders all ask here.
 *
 * <pre>{@code
 * RowModifier.of(Modifier.parse("26"));   // PROFESSIONAL_COMPONENT
 * RowModifier.of(Modifier.parse("LT"));   // null: LT selects no row
 * }</pre>
 */
public enum RowModifier {
  /** The global row: the code without a row modifier. */
  GLOBAL(null),
  /** {@code 26}: the professional component row. */
  PROFESSIONAL_COMPONENT(Modifier.PROFESSIONAL_COMPONENT),
  /** {@code TC}: the technical component row. */
  TECHNICAL_COMPONENT(Modifier.TECHNICAL_COMPONENT),
  /** {@code 53}: the discontinued procedure row. */
  DISCONTINUED(Modifier.DISCONTINUED);

  @SuppressWarnings("ImmutableEnumChecker") // Modifier is an immutable value type
  private final Modifier modifier;

  RowModifier(Modifier modifier) {
    this.modifier = modifier;
  }

  /**
   * Returns the row {@code modifier} selects, or {@code null} when it selects none (every modifier
   * but 26, TC and 53). Null rather than an {@code Optional}: this runs for every modifier of every
   * line priced.
   *
   * @param modifier a modifier of the line
   * @return the row it selects, or null for a modifier that selects none
   */
  public static RowModifier of(Modifier modifier) {
    requireNonNull(modifier, "modifier");
    if (modifier == Modifier.PROFESSIONAL_COMPONENT) {
      return PROFESSIONAL_COMPONENT;
    } else if (modifier == Modifier.TECHNICAL_COMPONENT) {
      return TECHNICAL_COMPONENT;
    } else if (modifier == Modifier.DISCONTINUED) {
      return DISCONTINUED;
    }
    return null;
  }

  /**
   * Returns the row of an optional modifier: {@link #GLOBAL} when empty.
   *
   * @param modifier the row's modifier; empty for the global row
   * @return the row
   * @throws IllegalArgumentException if the modifier is not 26, TC or 53
   */
  public static RowModifier ofRow(Optional<Modifier> modifier) {
    requireNonNull(modifier, "modifier");
    if (modifier.isEmpty()) {
      return GLOBAL;
    }
    RowModifier row = of(modifier.get());
    if (row == null) {
      throw new IllegalArgumentException("a row's modifier is 26, TC or 53, not " + modifier.get());
    }
    return row;
  }

  /**
   * {@return the row {@code modifiers} select together: {@link #GLOBAL} when none is a row
   * modifier, the one row they name (repeats allowed), or {@code null} when two of them select
   * different rows}
   *
   * @param modifiers the modifiers of a line
   */
  public static RowModifier selectedBy(List<Modifier> modifiers) {
    requireNonNull(modifiers, "modifiers");
    RowModifier row = GLOBAL;
    for (int i = 0; i < modifiers.size(); i++) {
      RowModifier selected = of(modifiers.get(i));
      if (selected != null) {
        if (row != GLOBAL && row != selected) {
          return null;
        }
        row = selected;
      }
    }
    return row;
  }

  /**
   * Tells whether {@code modifier} selects a row: 26, TC or 53.
   *
   * @param modifier a modifier of the line
   * @return true for 26, TC and 53
   */
  public static boolean selectsRow(Modifier modifier) {
    return of(modifier) != null;
  }

  /** {@return the modifier of the row: empty for {@link #GLOBAL}} */
  public Optional<Modifier> modifier() {
    return Optional.ofNullable(modifier);
  }

  /**
   * {@return the row as billed for {@code code}: {@code 71046-26}, or the code alone}
   *
   * @param code the code billed, written by its {@code toString()}
   */
  public String row(Object code) {
    requireNonNull(code, "code"); // not "null-26"
    return modifier == null ? code.toString() : code + "-" + modifier;
  }
}
