package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * Something a biller should look at, raised by a claim pricer's rule or a claim edit, on a line
 * that was still priced (or refused for another reason): documentation the payer requires, an
 * add-on without its primary procedure, a broken modifier rule. Immutable; the same text also
 * appears as a step of the line's explanation.
 */
public final class ClaimWarning {

  /** What kind of attention the line needs. */
  public enum Kind {
    /**
     * The indicator pays only with documentation of medical necessity (CO-SURG 1, ASST SURG 0, TEAM
     * SURG 1).
     */
    DOCUMENTATION_REQUIRED,
    /**
     * An add-on code (global ZZZ, or an add-on whose primaries CMS names, such as G2211, G2212 or
     * 99439, alone) is billed without any payable primary service of its provider and date on the
     * claim, and none that a claim edit denied: the line is priced. Also an anesthesia add-on
     * (01953, 01968, 01969) without a line of its primary code (01952, 01967) among the same
     * practitioner's lines paid (Transmittal B-03-017).
     */
    ADD_ON_WITHOUT_PRIMARY,
    /**
     * The sixth and later procedures of a multiple-procedure ranking are paid by report: a line
     * whose units straddle rank five. The message names the line, {@code 20610 (line 2), ranks 2-7
     * of 7: ...}.
     */
    PRICED_BY_REPORT,
    /** The relative value file does not identify the technical or professional part of the code. */
    COMPONENT_NOT_IDENTIFIED,
    /** The line breaks one of the modifier rules (the {@code modifier-rules} claim edit). */
    MODIFIER_RULE_BROKEN,
    /** A claim edit flagged the line without denying it. */
    EDIT_FLAG,
    /**
     * Another line of the date is missing from a subset of the relative value file (a sample, an
     * extract): the claim rules could not weigh it, so this line's amount may be too high. The
     * message names the missing lines by code and number, {@code 99998 (line 2)}, and is the same
     * on each line of the date.
     */
    INCOMPLETE_DATA,
    /**
     * The lines of one anesthesia session carry different payment modifiers (AA on one, QK on
     * another): the session is paid once, at the share of the line paid, for the whole time.
     */
    ANESTHESIA_ROLES_DIFFER,
    /**
     * The line carries anesthesia minutes on a code not paid by time (anything outside 00100-01999,
     * or 01953, 01995 and 01996, paid by base units alone): the minutes change no amount.
     */
    MINUTES_IGNORED,
    /**
     * An assistant at surgery's line (80, 81, 82, AS) and a surgeon's line of the same code, one
     * the multiple procedure rules rank, are one provider's, so they are ranked as one physician's
     * procedures, though no one assists at his own surgery: the lines need their rendering
     * providers ({@link io.github.cpt4j.claim.BilledLine#renderingProvider()}).
     */
    SURGEON_AND_ASSISTANT_AS_ONE,
    /**
     * The line was priced in the payment locality of a five-digit ZIP code that CMS splits between
     * localities and prices by its ZIP+4 (flagged in its ZIP5 file), a file cpt4j does not read:
     * the locality may be another where the service was. The claim pricers take a locality, not a
     * ZIP code, and never raise it; a reader that finds the locality from a claim's ZIP code does
     * (cpt-fhir's {@code FhirClaimPricer}, as a note on the response's items).
     */
    LOCALITY_OF_SPLIT_ZIP,
    /**
     * A claim edit denied some of the line's units ({@link
     * io.github.cpt4j.edit.EditAction#DENY_UNITS}), and the line is priced for the units left: its
     * amount is lower than billed, for a reason the amount alone does not say. The message is the
     * explanation's step, {@code 2 of 3 units denied: } and the edit's message, with {@code , no
     * more than an earlier finding denied} before the colon for a denial of no more units than an
     * earlier finding of the line denied (denials of one line do not add up, see {@link
     * io.github.cpt4j.edit.EditAction#DENY_UNITS}); the rule is the edit's name. An edit that
     * denies every unit denies the line, which is then unpriced with the finding's reason instead.
     */
    UNITS_DENIED,
    /**
     * Two co-surgeons' lines (62) of the same code, one the multiple procedure rules rank, name no
     * rendering provider and so are one provider's: they are ranked as one physician's procedures
     * or paired as the two sides of one bilateral procedure, though no surgeon is his own
     * co-surgeon. The lines need their rendering providers ({@link
     * io.github.cpt4j.claim.BilledLine#renderingProvider()}). Not given for lines that say they are
     * one surgeon's: 62-RT with 62-LT, or a line of a second site or session (59, XS).
     */
    CO_SURGEONS_AS_ONE,
    /**
     * The line names no rendering provider ({@link
     * io.github.cpt4j.claim.BilledLine#renderingProvider()}) while the claim's other lines name two
     * or more: whose line it is cannot be told, so the same-provider rules (NCCI's pairs and units,
     * the surgical ranking, bilateral pairs, add-ons, the global package, same-day visits, critical
     * care) judge the lines naming none as a provider of their own ({@link
     * io.github.cpt4j.edit.RenderingProviders}). The message names those lines and the NPIs. Not
     * given when the lines name one NPI: the lines naming none are then that provider's.
     */
    RENDERING_PROVIDER_UNKNOWN
  }

  private final Kind kind;
  private final String rule;
  private final String message;

  private ClaimWarning(Kind kind, String rule, String message) {
    this.kind = kind;
    this.rule = rule;
    this.message = message;
  }

  /**
   * Returns a warning of {@code kind}, raised by the rule or edit {@code rule} (an id as in {@link
   * PricingStep#rule()}), in words.
   *
   * @param kind what the warning is about
   * @param rule the id of the rule or edit that raised it, such as {@code ncci-ptp}
   * @param message the warning, in words for the user
   * @return the warning
   * @throws IllegalArgumentException if {@code rule} is not a valid rule id
   */
  public static ClaimWarning of(Kind kind, String rule, String message) {
    requireNonNull(kind, "kind");
    requireNonNull(rule, "rule");
    requireNonNull(message, "message");
    return new ClaimWarning(kind, PricingStep.checkRule(rule), message);
  }

  /** {@return the kind} */
  public Kind kind() {
    return kind;
  }

  /** {@return the id of the rule or claim edit that raised it, such as {@code "co-surgery"}} */
  public String rule() {
    return rule;
  }

  /** {@return the message in words} */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClaimWarning that
        && kind == that.kind
        && rule.equals(that.rule)
        && message.equals(that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, rule, message);
  }

  /** Returns {@code KIND (rule-id): message}. */
  @Override
  public String toString() {
    return kind + " (" + rule + "): " + message;
  }
}
