package io.github.cpt4j.codeset;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeRange;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.code.Section;
import io.github.cpt4j.code.SectionTable;
import io.github.cpt4j.code.Subsection;
import io.github.cpt4j.text.NullElements;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An immutable set of {@link CodeEntry} values, at most one per {@link ProcedureCode}, in code
 * order (the order of {@link ProcedureCode#packed()}).
 *
 * <p>Immutable and thread-safe. Lookups go through an index keyed by the packed form of the code,
 * never by {@code String} hashing, and do not allocate: every entry carries a pre-built {@code
 * Optional}, and {@link #find(CharSequence)} reads the code straight from the text without building
 * a code object or a string.
 *
 * <pre>{@code
 * CodeSet sample = BundledData.codeSet();                        // the bundled sample
 * sample.find("99213").map(CodeEntry::shortDescription);         // Optional[Office visit, ...]
 * sample.find(ProcedureCode.parse("99201"), LocalDate.of(2024, 5, 1));  // empty: deleted in 2021
 * sample.between(CptCode.of(99202), CptCode.of(99215));          // the office visit family
 * sample.inSubsection(Subsection.MUSCULOSKELETAL);               // 20100-29999, in code order
 *
 * CodeSet licensed = ...;                                        // loaded from an AMA file
 * CodeSet merged = sample.overlaidWith(licensed);                // licensed entries win
 * }</pre>
 *
 * <h2>Versions of a code</h2>
 *
 * A set holds one entry per code, whose dates span the code's whole life. A descriptor that changed
 * in a later release is modelled by a later set {@linkplain #overlaidWith(CodeSet) overlaid} on the
 * earlier one. One entry per code dates a code correctly as long as a deleted number is not given
 * to a different service later, which CPT avoids; should that happen, keep the two lives in two
 * sets, one per release.
 *
 * <h2>Equality</h2>
 *
 * Two code sets are equal when they hold equal entries, whatever way they were built (an overlay
 * equals the flat set with the same entries).
 */
public abstract sealed class CodeSet implements Iterable<CodeEntry>
    permits IndexedCodeSet, OverlayCodeSet {

  /** CPT codes are the packed values below the first Level II code, {@code A0000}. */
  private static final int FIRST_LEVEL_II = HcpcsCode.of('A', 0).packed();

  private int hash;

  CodeSet() {}

  /** {@return the empty code set} */
  public static CodeSet empty() {
    return IndexedCodeSet.EMPTY;
  }

  /**
   * Returns a code set of the given entries, in any order.
   *
   * @param entries the entries, each of a different code
   * @return the code set, immutable
   * @throws IllegalArgumentException if two entries have the same code
   */
  public static CodeSet of(CodeEntry... entries) {
    // Not List.of, whose null check has no message: the builder names a null entry and its index.
    return builder().addAll(Arrays.asList(requireNonNull(entries, "entries"))).build();
  }

  /**
   * Returns a code set of the given entries, in any order.
   *
   * @param entries the entries, each of a different code
   * @return the code set, immutable
   * @throws IllegalArgumentException if two entries have the same code
   */
  public static CodeSet copyOf(Iterable<? extends CodeEntry> entries) {
    // Named here: the builder's addAll would call it "more".
    requireNonNull(entries, "entries");
    if (entries instanceof CodeSet) {
      return (CodeSet) entries;
    }
    return builder().addAll(entries).build();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the entry for {@code packed}, or empty; {@code packed} may be any int. */
  abstract Optional<CodeEntry> findPacked(int packed);

  /** Returns the entries whose packed codes lie in {@code [first, last]}, in code order. */
  abstract List<CodeEntry> range(int first, int last);

  /** {@return the number of entries} */
  public abstract int size();

  /** {@return whether the set has no entries} */
  public final boolean isEmpty() {
    return size() == 0;
  }

  /**
   * Returns the entry for {@code code}, or empty. Does not allocate.
   *
   * @param code the code to look up
   * @return the entry, whatever its dates, or empty
   */
  public final Optional<CodeEntry> find(ProcedureCode code) {
    requireNonNull(code, "code"); // free: the JIT folds it into the read of the packed value
    return findPacked(code.packed());
  }

  /**
   * Returns the entry for {@code code} if the code is valid for services on {@code date}, or empty.
   * Does not allocate.
   *
   * @param code the code to look up
   * @param date the date of service
   * @return the entry if it is effective on {@code date}, or empty
   */
  public final Optional<CodeEntry> find(ProcedureCode code, LocalDate date) {
    requireNonNull(code, "code");
    requireNonNull(date, "date");
    Optional<CodeEntry> hit = findPacked(code.packed());
    return hit.isPresent() && hit.get().isEffectiveOn(date) ? hit : Optional.empty();
  }

  /**
   * Returns the entry for the code written in {@code code}, or empty if the set has no such code or
   * the text is not a code in strict canonical form ({@code "99213"}, {@code "G0438"}; use {@link
   * ProcedureCode#parseLenient(CharSequence)} for text as people type it). Builds neither a code
   * object nor a string: this is the fast path from a claim file to an entry.
   *
   * @param code the code as text, in strict form
   * @return the entry, whatever its dates, or empty
   */
  public final Optional<CodeEntry> find(CharSequence code) {
    // Named here: packedOf would call it "text".
    requireNonNull(code, "code");
    return findPacked(ProcedureCode.packedOf(code));
  }

  /**
   * {@return the entry for the code written in {@code code} if it is valid for services on {@code
   * date}, or empty; see {@link #find(CharSequence)}}
   *
   * @param code the code as text, in strict form
   * @param date the date of service
   */
  public final Optional<CodeEntry> find(CharSequence code, LocalDate date) {
    requireNonNull(code, "code");
    requireNonNull(date, "date");
    Optional<CodeEntry> hit = findPacked(ProcedureCode.packedOf(code));
    return hit.isPresent() && hit.get().isEffectiveOn(date) ? hit : Optional.empty();
  }

  /**
   * {@return whether the set has an entry for {@code code}, whatever its dates}
   *
   * @param code the code to look up
   */
  public final boolean contains(ProcedureCode code) {
    requireNonNull(code, "code");
    return findPacked(code.packed()).isPresent();
  }

  /**
   * Returns the entries from {@code first} to {@code last}, both inclusive, in code order: for
   * example {@code between(CptCode.of(99202), CptCode.of(99215))}. The range follows the order of
   * {@link ProcedureCode}, in which every numeric range is contiguous; it may span both levels.
   *
   * @param first the first code of the range
   * @param last the last code of the range
   * @return the entries in the range, in code order; empty if the set has none
   * @throws IllegalArgumentException if {@code first} comes after {@code last}
   */
  public final List<CodeEntry> between(ProcedureCode first, ProcedureCode last) {
    requireNonNull(first, "first");
    requireNonNull(last, "last");
    int from = first.packed();
    int to = last.packed();
    if (from > to) {
      throw new IllegalArgumentException("range " + first + " to " + last + " is backwards");
    }
    return range(from, to);
  }

  /**
   * Returns the CPT entries whose {@linkplain CptCode#section() section} is {@code section}, in
   * code order: for example all of Pathology and Laboratory, which is 80047-89398 and every PLA and
   * MAAA code. Ranges come from {@link SectionTable#standard()}; for {@link Section#UNASSIGNED} the
   * entries are the CPT codes that no range contains.
   *
   * @param section the section of the CPT code book
   * @return the entries, in code order
   */
  public final List<CodeEntry> inSection(Section section) {
    requireNonNull(section, "section");
    if (section == Section.UNASSIGNED) {
      return filtered(code -> code.section() == Section.UNASSIGNED);
    }
    List<List<CodeEntry>> parts = new ArrayList<>();
    for (CodeRange row : SectionTable.standard().rows()) {
      if (!row.isSubsectionRow() && row.section() == section) {
        parts.add(between(row.first(), row.last()));
      }
    }
    return concat(parts);
  }

  /**
   * Returns the CPT entries whose {@linkplain CptCode#subsection() subsection} is {@code
   * subsection}, in code order: for example {@code inSubsection(Subsection.DIGESTIVE)}. For {@link
   * Subsection#NONE} and {@link Subsection#UNASSIGNED} the entries are the CPT codes classified so.
   *
   * @param subsection the subsection or Category II group
   * @return the entries, in code order
   */
  public final List<CodeEntry> inSubsection(Subsection subsection) {
    requireNonNull(subsection, "subsection");
    if (!subsection.isAssigned()) {
      return filtered(code -> code.subsection() == subsection);
    }
    List<List<CodeEntry>> parts = new ArrayList<>();
    for (CodeRange row : SectionTable.standard().rows()) {
      if (row.isSubsectionRow() && row.subsection() == subsection) {
        parts.add(between(row.first(), row.last()));
      }
    }
    return concat(parts);
  }

  private List<CodeEntry> filtered(Predicate<CptCode> test) {
    List<CodeEntry> cpt = range(0, FIRST_LEVEL_II - 1);
    ImmutableList.Builder<CodeEntry> result = ImmutableList.builder();
    for (CodeEntry entry : cpt) {
      if (test.test((CptCode) entry.code())) {
        result.add(entry);
      }
    }
    return result.build();
  }

  private static List<CodeEntry> concat(List<List<CodeEntry>> parts) {
    parts.removeIf(List::isEmpty);
    if (parts.isEmpty()) {
      return ImmutableList.of();
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    ImmutableList.Builder<CodeEntry> all = ImmutableList.builder();
    parts.forEach(all::addAll);
    return all.build();
  }

  /**
   * Returns a view of this set with the entries of {@code top} laid over it: where both have a
   * code, the entry of {@code top} wins (all of it, dates included); every other entry of either
   * set is kept. Nothing is copied: a lookup asks {@code top} first, then this set.
   *
   * <pre>{@code
   * CodeSet merged = BundledData.codeSet().overlaidWith(licensedAmaSet);
   * }</pre>
   *
   * @param top the set whose entries win, such as one loaded from a licensed AMA file
   * @return a view of both sets; neither is changed
   */
  public final CodeSet overlaidWith(CodeSet top) {
    requireNonNull(top, "top");
    if (top.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return top;
    }
    return new OverlayCodeSet(this, top);
  }

  /** Returns the entries in code order. */
  @Override
  public abstract Iterator<CodeEntry> iterator();

  /** Performs {@code action} for each entry, in code order. */
  @Override
  public void forEach(Consumer<? super CodeEntry> action) {
    // Iterable's default checks the action without naming it.
    requireNonNull(action, "action");
    for (CodeEntry entry : this) {
      action.accept(entry);
    }
  }

  @Override
  public Spliterator<CodeEntry> spliterator() {
    return Spliterators.spliterator(
        iterator(),
        size(),
        Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL | Spliterator.IMMUTABLE);
  }

  /** {@return a sequential stream of the entries in code order} */
  public final Stream<CodeEntry> stream() {
    return StreamSupport.stream(spliterator(), false);
  }

  /** Returns whether {@code other} is a code set with equal entries. */
  @Override
  public final boolean equals(Object other) {
    if (other == this) {
      return true;
    }
    if (!(other instanceof CodeSet)) {
      return false;
    }
    CodeSet that = (CodeSet) other;
    if (size() != that.size() || hashCode() != that.hashCode()) {
      return false;
    }
    Iterator<CodeEntry> mine = iterator();
    Iterator<CodeEntry> theirs = that.iterator();
    while (mine.hasNext()) {
      if (!mine.next().equals(theirs.next())) {
        return false;
      }
    }
    return true;
  }

  /** Returns a hash of the entries, consistent with {@link #equals(Object)}. */
  @Override
  public final int hashCode() {
    int h = hash;
    if (h == 0) {
      for (CodeEntry entry : this) {
        h = 31 * h + entry.hashCode();
      }
      hash = h;
    }
    return h;
  }

  /** Returns a short summary such as {@code CodeSet[747 codes, 00100..V5299]}. */
  @Override
  public final String toString() {
    if (isEmpty()) {
      return "CodeSet[0 codes]";
    }
    List<CodeEntry> all = range(0, Integer.MAX_VALUE);
    return "CodeSet["
        + size()
        + (size() == 1 ? " code, " : " codes, ")
        + all.get(0).code()
        + ".."
        + all.get(all.size() - 1).code()
        + "]";
  }

  /**
   * Builds a {@link CodeSet}. Not thread-safe; the built set is.
   *
   * <pre>{@code
   * CodeSet set = CodeSet.builder().add(visit).add(ecg).build();
   * }</pre>
   */
  public static final class Builder {

    private final Map<ProcedureCode, CodeEntry> entries = new HashMap<>();

    private Builder() {}

    /**
     * Adds an entry.
     *
     * @param entry the entry
     * @return this builder
     * @throws IllegalArgumentException if an entry with the same code was added before (the message
     *     names the code and quotes the start of both descriptions, as {@link
     *     CodeFormatException#quote} does)
     */
    public Builder add(CodeEntry entry) {
      requireNonNull(entry, "entry");
      CodeEntry previous = entries.putIfAbsent(entry.code(), entry);
      if (previous != null) {
        // Quoted as every message quotes text, cut short: a description may run to 4,000
        // characters, and two of them made one unreadable line.
        throw new IllegalArgumentException(
            "duplicate code "
                + entry.code()
                + ": "
                + CodeFormatException.quote(previous.shortDescription())
                + " and "
                + CodeFormatException.quote(entry.shortDescription()));
      }
      return this;
    }

    /**
     * Adds every entry of {@code more}, or none of them: when one is refused, the builder is left
     * as it was before the call, so that a caller who catches the error holds no half-added batch.
     *
     * @param more the entries to add
     * @return this builder
     * @throws IllegalArgumentException on the first code added twice (the message names its index
     *     in {@code more}, the code and the start of both descriptions)
     * @throws NullPointerException if {@code more} or one of its entries is null (the message names
     *     the index)
     */
    public Builder addAll(Iterable<? extends CodeEntry> more) {
      requireNonNull(more, "more");
      List<ProcedureCode> added = new ArrayList<>();
      int i = 0;
      try {
        for (CodeEntry entry : more) {
          if (entry == null) {
            throw new NullPointerException(NullElements.at("entry", i));
          }
          try {
            add(entry);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("entry at index " + i + ": " + e.getMessage(), e);
          }
          added.add(entry.code());
          i++;
        }
      } catch (RuntimeException e) {
        // Only this call's codes: a code refused as a duplicate was not put, and the entry the
        // builder held for it before stays.
        added.forEach(entries::remove);
        throw e;
      }
      return this;
    }

    /** {@return the number of entries added so far} */
    public int size() {
      return entries.size();
    }

    /** {@return a code set of the entries added so far} */
    public CodeSet build() {
      if (entries.isEmpty()) {
        return IndexedCodeSet.EMPTY;
      }
      List<CodeEntry> sorted = new ArrayList<>(entries.values());
      sorted.sort(Comparator.comparingInt(entry -> entry.code().packed()));
      return new IndexedCodeSet(ImmutableList.copyOf(sorted));
    }
  }
}
