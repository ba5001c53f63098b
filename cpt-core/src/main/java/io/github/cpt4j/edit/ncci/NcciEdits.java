package io.github.cpt4j.edit.ncci;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.medicare.Quarter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Medicare's National Correct Coding Initiative edits of one claim type: the procedure-to-procedure
 * edit ({@link PtpClaimEdit}) and the medically unlikely edit ({@link MueClaimEdit}), either or
 * both, as one {@link ClaimEdit}. Checking a claim scrubs it: the findings of both, in line order
 * (PTP first on a line), each naming the edit that found it ({@code ncci-ptp} or {@code ncci-mue}).
 *
 * <pre>{@code
 * NcciEdits ncci = NcciEdits.of(
 *     PtpFile.read(Path.of("ccipra-v322r0-f1.txt"), Path.of("ccipra-v322r0-f2.txt")),
 *     MueFile.read(Path.of("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv")));
 * List<EditFinding> findings = ncci.check(claim, context);   // empty when the claim is clean
 * }</pre>
 *
 * <p>Practitioner, outpatient hospital and DME tables are separate: build one {@code NcciEdits} per
 * claim type ({@link NcciClaimType}). Tables that say they are for different claim types are
 * refused together; a table that does not say takes the other's type. So is a PTP table of a
 * quarter before the MUE table's, when both know theirs (CMS's file names say it: {@code v322r0}
 * and {@code Eff_07-01-2026} are both July to September 2026).
 *
 * <p>Immutable and thread-safe: one instance checks claims on any number of threads at once.
 */
public final class NcciEdits implements ClaimEdit {

  /** The name of the combined edit. */
  public static final String NAME = "ncci";

  private final Optional<PtpClaimEdit> ptp;
  private final Optional<MueClaimEdit> mue;

  /** The names of its edits, made once: a scrubber asks for them at each finding. */
  private final ImmutableList<String> findingNames;

  private NcciEdits(Optional<PtpClaimEdit> ptp, Optional<MueClaimEdit> mue) {
    this.ptp = ptp;
    this.mue = mue;
    this.findingNames = edits().stream().map(ClaimEdit::name).collect(toImmutableList());
  }

  /**
   * Returns the edits of a PTP table and an MUE table of one claim type. When only one table says
   * which claim type it is for, the other is taken to be for the same ({@link
   * PtpTable#withClaimType}, {@link MueTable#withClaimType}): both edits then pair lines and add up
   * units the same way, per rendering provider on practitioner claims and across the claim's
   * physicians on outpatient hospital ones ({@link NcciClaimType#byRenderingProvider()}).
   *
   * @param ptp the procedure-to-procedure edits
   * @param mue the medically unlikely edits (unit limits)
   * @return the edits of both tables
   * @throws IllegalArgumentException if both tables say which claim type they are for ({@link
   *     PtpTable#claimType()}, {@link MueTable#claimType()}) and the types differ: a practitioner
   *     claim checked against the outpatient hospital unit limits would be denied or passed
   *     wrongly; or if the MUE table is for a kind of claims CMS publishes no PTP edits for (DME
   *     supplier services: {@link #ofMue} checks their units alone), whatever the PTP table says;
   *     or if both tables know their quarter ({@link PtpTable#effective()}, {@link
   *     MueTable#effective()}) and the PTP table's is the earlier: it knows none of the pairs CMS
   *     added in the MUE table's quarter, so no date would be checked against both. A newer PTP
   *     table combines with an older quarter's MUE table: its rows' dates say which pairs were in
   *     force then (re-checking a past quarter's claims), and a date outside the MUE table's
   *     quarter is flagged by it. A table that does not know its quarter (a renamed file, a table
   *     built by hand) combines with any.
   */
  public static NcciEdits of(PtpTable ptp, MueTable mue) {
    requireNonNull(ptp, "ptp");
    requireNonNull(mue, "mue");
    Optional<NcciClaimType> pairs = ptp.claimType();
    Optional<NcciClaimType> units = mue.claimType();
    if (units.isPresent() && !units.get().hasPtpEdits()) {
      // A PTP table that does not say its type is still some other claims' pairs.
      throw new IllegalArgumentException(
          "the MUE table is for "
              + units.get().words()
              + ", which CMS publishes no PTP edits for: use NcciEdits.ofMue(mue) for their units"
              + " alone");
    }
    if (pairs.isPresent() && units.isPresent() && pairs.get() != units.get()) {
      throw new IllegalArgumentException(
          "the PTP table is for "
              + pairs.get().words()
              + " but the MUE table for "
              + units.get().words()
              + ": give the tables of one claim type");
    }
    Optional<LocalDate> pairsFrom = ptp.effective();
    Optional<LocalDate> unitsFrom = mue.effective();
    if (pairsFrom.isPresent() && unitsFrom.isPresent()) {
      // CMS publishes both kinds each quarter. A PTP table judges the dates of its quarter and
      // earlier ones by its rows' dates, and flags later ones; an MUE table judges its quarter
      // alone. With an older PTP table, every date either table judges is flagged by the other.
      Quarter pairsQuarter = Quarter.of(pairsFrom.get());
      Quarter unitsQuarter = Quarter.of(unitsFrom.get());
      if (pairsQuarter.compareTo(unitsQuarter) < 0) {
        throw new IllegalArgumentException(
            "the PTP table is of "
                + pairsQuarter
                + " (effective "
                + pairsFrom.get()
                + ") but the MUE table of "
                + unitsQuarter
                + " (effective "
                + unitsFrom.get()
                + "): give a PTP table of the MUE table's quarter or a later one");
      }
    }
    // One claim type for both edits: the type decides whether lines are paired and units added
    // per rendering provider or across the claim, and a table that does not say its type (a
    // renamed file, a table built by hand) would be read as a practitioner's while the other
    // counts the hospital's way. A type one table states is the other's.
    PtpTable typedPtp = pairs.isEmpty() && units.isPresent() ? ptp.withClaimType(units.get()) : ptp;
    MueTable typedMue = units.isEmpty() && pairs.isPresent() ? mue.withClaimType(pairs.get()) : mue;
    return new NcciEdits(
        Optional.of(PtpClaimEdit.of(typedPtp)), Optional.of(MueClaimEdit.of(typedMue)));
  }

  /**
   * {@return the procedure-to-procedure edit of {@code ptp} alone}
   *
   * @param ptp the procedure-to-procedure edits
   */
  public static NcciEdits ofPtp(PtpTable ptp) {
    return new NcciEdits(Optional.of(PtpClaimEdit.of(ptp)), Optional.empty());
  }

  /**
   * {@return the medically unlikely edit of {@code mue} alone}
   *
   * @param mue the medically unlikely edits (unit limits)
   */
  public static NcciEdits ofMue(MueTable mue) {
    return new NcciEdits(Optional.empty(), Optional.of(MueClaimEdit.of(mue)));
  }

  /** {@return the procedure-to-procedure edit, if there is one} */
  public Optional<PtpClaimEdit> ptp() {
    return ptp;
  }

  /** {@return the medically unlikely edit, if there is one} */
  public Optional<MueClaimEdit> mue() {
    return mue;
  }

  /** {@return the edits one by one, PTP first, for pipelines that take a list} */
  public ImmutableList<ClaimEdit> edits() {
    ImmutableList.Builder<ClaimEdit> edits = ImmutableList.builder();
    ptp.ifPresent(edits::add);
    mue.ifPresent(edits::add);
    return edits.build();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Returns the names of its edits, PTP first: each finding carries the name of its part. */
  @Override
  public ImmutableList<String> findingNames() {
    return findingNames;
  }

  /**
   * Both edits read each line's own date (a pair or a sum of units is of one date), so the whole
   * claim is checked at once, its lines numbered as the claim numbers them.
   */
  @Override
  public boolean perProviderDay() {
    return false;
  }

  @Override
  public List<EditFinding> check(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    List<EditFinding> pairs = ptp.isPresent() ? ptp.get().check(claim, context) : List.of();
    List<EditFinding> units = mue.isPresent() ? mue.get().check(claim, context) : List.of();
    if (units.isEmpty()) {
      return pairs;
    }
    if (pairs.isEmpty()) {
      return units;
    }
    List<EditFinding> all = new ArrayList<>(pairs.size() + units.size());
    all.addAll(pairs);
    all.addAll(units);
    all.sort(Comparator.comparingInt(EditFinding::line)); // stable: PTP first on a line
    return List.copyOf(all);
  }

  @Override
  public String toString() {
    return NAME + edits();
  }
}
