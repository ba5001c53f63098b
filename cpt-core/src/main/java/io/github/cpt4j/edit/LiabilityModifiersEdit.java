package io.github.cpt4j.edit;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.modifier.ModifierRegistry;
import io.github.cpt4j.modifier.PaymentEffect;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Denies the lines whose own liability modifier says Medicare does not cover them, each a {@link
 * EditAction#DENY_LINE} finding named {@value #NAME}, reason {@link
 * UnpricedReason#BILLED_AS_NOT_COVERED}:
 *
 * <ul>
 *   <li>GZ ({@link PaymentEffect#NOT_NECESSARY_WITHOUT_NOTICE}): the provider expects the service
 *       to be denied as not reasonable and necessary and has no advance beneficiary notice (ABN)
 *       signed. From 1 July 2011 Medicare denies every claim line billed with GZ, without medical
 *       review, the provider liable (CMS change request 7228, Transmittal 2148, revising Claims
 *       Processing Manual ch. 23 §20.9.1.1; MLN Matters MM7228). A GZ line of an earlier date of
 *       service is not denied here: the contractor reviewed it.
 *   <li>GY ({@link PaymentEffect#STATUTORILY_EXCLUDED}): the item or service is excluded by law or
 *       is not a Medicare benefit (ch. 23 §20.9.1.1), and no payment may be made for it (Social
 *       Security Act section 1862(a)).
 * </ul>
 *
 * GA (an ABN signed) does not deny a line: Medicare still decides whether the service is covered,
 * and pays it when it is. GA, GY and GZ contradict one another on one line, which the modifier
 * rules flag ({@code io.github.cpt4j.modifier.ModifierRule#CONTRADICTORY_LIABILITY_MODIFIERS}).
 *
 * <pre>{@code
 * LiabilityModifiersEdit.denial(ClaimLine.parse("99213-GZ"), LocalDate.of(2025, 11, 3));
 * // Optional[modifier GZ: the provider expects ... (CMS change request 7228, ...)]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class LiabilityModifiersEdit implements ClaimEdit {

  /** The edit's name, {@code "liability-modifiers"}. */
  public static final String NAME = "liability-modifiers";

  /** The first date of service on which Medicare denies a GZ line automatically (CR 7228). */
  public static final LocalDate GZ_DENIED_FROM = LocalDate.of(2011, 7, 1);

  private static final LiabilityModifiersEdit STANDARD = new LiabilityModifiersEdit();

  private static final int GZ = PaymentEffect.NOT_NECESSARY_WITHOUT_NOTICE.bit();
  private static final int GY = PaymentEffect.STATUTORILY_EXCLUDED.bit();

  private LiabilityModifiersEdit() {}

  /** {@return the edit} */
  public static LiabilityModifiersEdit standard() {
    return STANDARD;
  }

  /**
   * {@return why Medicare denies {@code line} furnished on {@code dateOfService} for its liability
   * modifier (GZ, or GY: GZ first when the line has both), or empty when it does not}
   *
   * @param line the line billed
   * @param dateOfService the date the service was furnished: GZ is denied from {@link
   *     #GZ_DENIED_FROM} on
   */
  public static Optional<String> denial(ClaimLine line, LocalDate dateOfService) {
    requireNonNull(line, "line");
    requireNonNull(dateOfService, "dateOfService");
    int effects = ModifierRegistry.standard().paymentEffects(line.modifiers());
    if ((effects & (GZ | GY)) == 0) {
      return Optional.empty(); // the usual line: no allocation
    }
    if ((effects & GZ) != 0 && !dateOfService.isBefore(GZ_DENIED_FROM)) {
      return Optional.of(
          "modifier GZ: the provider expects "
              + line.code()
              + " to be denied as not reasonable and necessary and has no advance beneficiary"
              + " notice (ABN) signed; Medicare denies every line billed with GZ from "
              + GZ_DENIED_FROM
              + ", the provider liable (CMS change request 7228, Transmittal 2148; Claims"
              + " Processing Manual ch. 23 §20.9.1.1)");
    }
    if ((effects & GY) != 0) {
      return Optional.of(
          "modifier GY: "
              + line.code()
              + " is billed as excluded by law or not a Medicare benefit, for which Medicare pays"
              + " nothing (Social Security Act section 1862(a); Claims Processing Manual ch. 23"
              + " §20.9.1.1)");
    }
    return Optional.empty();
  }

  /**
   * Returns {@code result}, the price a schedule gives {@code line} alone on {@code dateOfService},
   * with a note step saying that claim pricing denies the line when {@link #denial} says Medicare
   * does: {@code modifier-GZ: not applied to the fee schedule amount: claim pricing denies the line
   * (edit liability-modifiers)}. The amount is the schedule's: a schedule prices the service, and
   * only a claim's edits deny it. An unpriced result, and a priced line without such a modifier,
   * are returned as they are. Every Medicare schedule's {@code price} calls it, so that no GZ or GY
   * line is paid alone without a word.
   *
   * @param line the line priced
   * @param dateOfService the date the service was furnished
   * @param result the price a schedule gives {@code line} alone
   * @return {@code result} with the note step, or {@code result} itself when no note is due
   */
  public static FeeResult noteWhenPricedAlone(
      ClaimLine line, LocalDate dateOfService, FeeResult result) {
    requireNonNull(line, "line");
    requireNonNull(dateOfService, "dateOfService");
    requireNonNull(result, "result");
    int effects = ModifierRegistry.standard().paymentEffects(line.modifiers());
    if ((effects & (GZ | GY)) == 0 || !result.isPriced()) {
      return result; // the usual line: no allocation
    }
    // The modifier the claim's denial names: GZ from its first date, else GY.
    boolean gz = (effects & GZ) != 0 && !dateOfService.isBefore(GZ_DENIED_FROM);
    if (!gz && (effects & GY) == 0) {
      return result; // GZ alone before 2011-07-01: claim pricing pays it too
    }
    return result.withStep(
        PricingStep.note(
            gz ? "modifier-GZ" : "modifier-GY",
            "not applied to the fee schedule amount: claim pricing denies the line (edit "
                + NAME
                + ")"));
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Judges each line on its own, on its date of service: the context's, one provider's day. */
  @Override
  public List<EditFinding> check(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    List<EditFinding> findings = null;
    for (int i = 0; i < claim.size(); i++) {
      ClaimLine line = claim.line(i).line();
      LocalDate date = claim.line(i).dateOfService().orElse(context.dateOfService());
      Optional<String> denial = denial(line, date);
      if (denial.isPresent()) {
        if (findings == null) {
          findings = new ArrayList<>(2);
        }
        findings.add(
            EditFinding.builder()
                .edit(NAME)
                .line(i)
                .lineNumber(claim.lineNumber(i))
                .action(EditAction.DENY_LINE)
                .deniedUnits(line.units())
                .reason(UnpricedReason.BILLED_AS_NOT_COVERED)
                .message(denial.get())
                .build());
      }
    }
    return findings == null ? List.of() : findings;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
