package io.github.cpt4j.codeset;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeLevel;
import io.github.cpt4j.code.CptCategory;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.code.Section;
import io.github.cpt4j.code.Subsection;
import io.github.cpt4j.style.ValueStyle;
import io.github.cpt4j.text.OneLine;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One code of a {@link CodeSet}: the code, its descriptions, whether it is an add-on code, and the
 * dates of service it is valid for.
 *
 * <p>Immutable and thread-safe. Level, category, section and subsection are derived from the code.
 * The dates are inclusive: a code with {@code effectiveTo = 2020-12-31} is valid for services on
 * that day and not after. A code set holds one entry per code, spanning the code's whole life; a
 * changed descriptor in a later release belongs in a later set, {@linkplain
 * CodeSet#overlaidWith(CodeSet) overlaid} on the earlier one.
 *
 * <pre>{@code
 * CodeEntry visit = CodeEntry.builder()
 *     .code(ProcedureCode.parse("99213"))
 *     .shortDescription("Office visit, established patient, low complexity")
 *     .effectiveFrom(LocalDate.of(1992, 1, 1))
 *     .build();
 * visit.isEffectiveOn(LocalDate.of(2025, 3, 1));   // true
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class CodeEntry {

  /**
   * The start date sources use when they give none, such as the AMA's descriptor files and the
   * bundled sample for most of its codes: read it as "in use on that date, or introduced later on a
   * date the source does not record".
   */
  public static final LocalDate BASELINE_DATE = LocalDate.of(2000, 1, 1);

  /** The longest description accepted, in characters; AMA long descriptors stay well below. */
  public static final int MAX_DESCRIPTION_LENGTH = 4_000;

  CodeEntry() {}

  /** {@return the code} */
  public abstract ProcedureCode code();

  /** {@return the short description: one line, never blank} */
  public abstract String shortDescription();

  /** {@return the long description, if the source has one} */
  public abstract Optional<String> longDescription();

  /**
   * Returns whether this is an add-on code, reported only together with a primary procedure (CPT
   * marks these with a plus sign; the Medicare fee schedule gives them the global period {@code
   * ZZZ}). Defaults to {@code false}.
   *
   * @return true for an add-on code
   */
  @Value.Default
  public boolean addOn() {
    return false;
  }

  /** {@return the first date of service the code is valid for} */
  public abstract LocalDate effectiveFrom();

  /** {@return the last date of service the code is valid for, or empty while it is active} */
  public abstract Optional<LocalDate> effectiveTo();

  /** {@return the level of the code: CPT (Level I) or HCPCS Level II} */
  public final CodeLevel level() {
    return code().level();
  }

  /** {@return the CPT category of the code, or empty for a Level II code} */
  public final Optional<CptCategory> category() {
    ProcedureCode code = code();
    return code instanceof CptCode ? Optional.of(((CptCode) code).category()) : Optional.empty();
  }

  /**
   * {@return the CPT section of the code ({@link Section#UNASSIGNED} for a CPT number in no range),
   * or empty for a Level II code}
   */
  public final Optional<Section> section() {
    ProcedureCode code = code();
    return code instanceof CptCode ? Optional.of(((CptCode) code).section()) : Optional.empty();
  }

  /**
   * {@return the CPT subsection of the code ({@link Subsection#NONE} in a section without
   * subsections, {@link Subsection#UNASSIGNED} for a code in no section), or empty for a Level II
   * code}
   */
  public final Optional<Subsection> subsection() {
    ProcedureCode code = code();
    return code instanceof CptCode ? Optional.of(((CptCode) code).subsection()) : Optional.empty();
  }

  /**
   * Returns whether the code is valid for services on {@code date} (both ends inclusive). Does not
   * allocate.
   *
   * @param date the date of service
   * @return true if {@code date} is within the entry's effective dates
   */
  public final boolean isEffectiveOn(LocalDate date) {
    long day = requireNonNull(date, "date").toEpochDay();
    return day >= firstDay() && day <= lastDay();
  }

  // The generated accessor of an Optional attribute wraps the stored value in a new Optional on
  // every call; the dated lookups compare epoch days computed once, when the entry is built.

  /** The first valid day as an epoch day. */
  @Value.Derived
  @Value.Auxiliary
  long firstDay() {
    return effectiveFrom().toEpochDay();
  }

  /** The last valid day as an epoch day, {@link Long#MAX_VALUE} while the code is active. */
  @Value.Derived
  @Value.Auxiliary
  long lastDay() {
    return effectiveTo().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
  }

  /**
   * Checks the invariants when an entry is built: descriptions are non-blank single lines of at
   * most {@value #MAX_DESCRIPTION_LENGTH} characters, and the end date is not before the start.
   *
   * @throws IllegalArgumentException naming the code and what is wrong
   */
  @Value.Check
  protected void check() {
    checkDescription("short description", shortDescription());
    longDescription().ifPresent(d -> checkDescription("long description", d));
    effectiveTo()
        .ifPresent(
            to -> {
              if (to.isBefore(effectiveFrom())) {
                throw new IllegalArgumentException(
                    "code "
                        + code()
                        + " ends on "
                        + to
                        + ", before it starts on "
                        + effectiveFrom());
              }
            });
  }

  private void checkDescription(String what, String text) {
    // Blank as the parsers see it (a no-break or figure space alone too), or broken over lines.
    String problem = OneLine.problemOf(text);
    if (problem != null) {
      throw new IllegalArgumentException("the " + what + " of code " + code() + " " + problem);
    }
    if (text.length() > MAX_DESCRIPTION_LENGTH) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " of code "
              + code()
              + " has "
              + text.length()
              + " characters, more than "
              + MAX_DESCRIPTION_LENGTH);
    }
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CodeEntry} values; every attribute may be set once. */
  public static final class Builder extends ImmutableCodeEntry.Builder {}
}
