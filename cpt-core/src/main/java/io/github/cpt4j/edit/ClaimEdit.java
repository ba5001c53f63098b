package io.github.cpt4j.edit;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.PricingContext;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A check over a whole claim that denies or flags lines before payment: the service provider
 * interface of claim scrubbing. An edit sees every line at once, so it can judge pairs of lines
 * (procedure-to-procedure edits) and totals over lines (units of one code on one date).
 *
 * <pre>{@code
 * ClaimEdit noCosmetic = new ClaimEdit() {
 *   public String name() { return "payer-cosmetic"; }
 *   public List<EditFinding> check(Claim claim, PricingContext context) {
 *     List<EditFinding> found = new ArrayList<>();
 *     for (int i = 0; i < claim.size(); i++) {
 *       if (claim.line(i).line().code().equals(COSMETIC)) {
 *         found.add(EditFinding.denyLine(name(), i, claim.line(i).line().units(),
 *             "cosmetic procedures are not covered"));
 *       }
 *     }
 *     return found;
 *   }
 * };
 * }</pre>
 *
 * <p>Implementations must be immutable and thread-safe, must never throw for data, and should
 * return {@link List#of()} (no allocation) when they find nothing: edits run on every claim. An
 * exception an edit throws is a bug of the edit: a {@link ClaimScrubber}, and so a claim pricer,
 * throws an {@code IllegalArgumentException} naming the edit and the lines it was given, the edit's
 * exception as its cause.
 */
public interface ClaimEdit {

  /**
   * Returns the edit's short, stable name, such as {@code "ncci-ptp"}; findings carry it, and a
   * pipeline refuses two edits of one name. A rule id, as a claim step's name is: no spaces, {@code
   * ';'} or {@code ':'} ({@link io.github.cpt4j.fee.PricingStep#checkRule}), since a denied line's
   * explanation and {@link io.github.cpt4j.fee.PricedLine#refusedBy()} name the edit by it; {@link
   * ClaimScrubber#of} and {@link EditFinding} refuse any other.
   *
   * @return the edit's name, a rule id
   */
  String name();

  /**
   * Returns what this edit denies or flags on {@code claim} in {@code context}, in line order; an
   * empty list when the claim passes. Never {@code null}.
   *
   * <p>An edit of one provider's day ({@link #perProviderDay()}, the default) gets the context of
   * that day ({@link ProviderDay#context()}): its date of service is the lines' date, and its
   * practitioner type the one the caller's context gives their rendering provider ({@link
   * PricingContext#forRenderingProvider}), whether the claim holds that one day or several. An edit
   * of the whole claim gets the caller's context as given, whose date of service is that of the
   * lines without a date of their own; it reads each line's date and provider itself, the provider
   * of a line naming none as {@link RenderingProviders} says.
   *
   * @param claim the claim, or one provider's day of it
   * @param context the date of service, locality, setting and practitioner type the claim is
   *     checked in
   * @return the findings, in line order; empty when the claim passes
   */
  List<EditFinding> check(Claim claim, PricingContext context);

  /**
   * Tells whether this edit judges the lines of one provider's day (the default): when a claim's
   * lines carry several dates ({@link io.github.cpt4j.claim.BilledLine#dateOfService()}) or
   * rendering providers ({@link io.github.cpt4j.claim.BilledLine#renderingProvider()}), a {@link
   * ClaimScrubber} then checks each provider's lines of each date as a claim of their own ({@link
   * ProviderDay}), in the context of that day, so that an edit of "the same provider on the same
   * date" never pairs lines of different days or practitioners. A claim of one provider's day is
   * checked whole, in the context of that day too ({@link ProviderDay#singleContext}). The line
   * indexes of its findings count the lines it is given, that day's; the scrubber moves them to the
   * whole claim's lines. An edit that reads each line's date and provider itself, to judge lines
   * across them (NCCI's, global surgery), returns {@code false} and sees the whole claim in the
   * caller's context.
   *
   * @return true if the edit sees one provider's day at a time, false if it sees the whole claim
   */
  default boolean perProviderDay() {
    return true;
  }

  /**
   * Returns the names this edit's findings carry ({@link EditFinding#edit()}): its own {@link
   * #name()} by default. An edit made of others whose findings keep their parts' names, as {@link
   * io.github.cpt4j.edit.ncci.NcciEdits} does ({@code ncci-ptp}, {@code ncci-mue}), returns those.
   * A {@link ClaimScrubber} refuses a finding of another name: a denied line's explanation, its
   * {@link io.github.cpt4j.fee.PricedLine#refusedBy()} and the kind of a warning are told by it,
   * and would name an edit the pipeline does not have; it refuses two edits whose findings carry
   * one name too, which would make them ambiguous.
   *
   * @return the names of this edit's findings; {@code List.of(name())} by default
   */
  default List<String> findingNames() {
    return List.of(name());
  }

  /**
   * Tells whether this edit judges a claim knowing which lines the other edits deny whole: a {@link
   * ClaimScrubber} then runs it after every edit that does not, with {@link #check(Claim,
   * PricingContext, IntPredicate)}. False by default. The global surgery edit says true: a
   * procedure another edit denies (an NCCI edit's column two code, say) is not paid, so it opens no
   * global surgical package that would deny the visits of its day. Edits that say true run in their
   * order after the others, each knowing the denials of the edits before it too; when one of them
   * then denies a line whole, they run again, each knowing every other edit's denials, until none
   * changes its findings (at most four times; the last stand).
   *
   * @return true if a scrubber is to tell this edit the lines the other edits deny whole
   */
  default boolean judgesAfterDenials() {
    return false;
  }

  /**
   * Returns what this edit finds on {@code claim} when other edits deny whole the lines {@code
   * denied} accepts (a line is denied whole by a {@link EditAction#DENY_LINE} finding, or by a
   * {@link EditAction#DENY_UNITS} finding of all its units: {@link EditFinding#deniesWholeLine});
   * called instead of {@link #check(Claim, PricingContext)} for an edit that {@link
   * #judgesAfterDenials()}. The indexes are the claim's given, one provider's day's for an edit of
   * one day. The default ignores the denials.
   *
   * @param claim the claim, or one provider's day of it
   * @param context the context the claim is checked in, as for {@link #check(Claim,
   *     PricingContext)}
   * @param denied tells, by the index of a line in {@code claim}, whether other edits deny it whole
   * @return the findings, in line order; empty when the claim passes
   */
  default List<EditFinding> check(Claim claim, PricingContext context, IntPredicate denied) {
    requireNonNull(denied, "denied");
    return check(claim, context);
  }
}
