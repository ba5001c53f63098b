package io.github.cpt4j.fee.medicare;

import static java.util.Objects.requireNonNull;

/**
 * The providers a Medicare conversion factor applies to, by qualifying APM participant status: from
 * 2026 CMS sets one physician fee schedule factor, and one anesthesia factor, for qualifying
 * participants in an advanced alternative payment model and another for every other provider
 * (Medicare Access and CHIP Reauthorization Act of 2015, §101(d)); before, one factor for all.
 */
public enum ApmProviders {
  /** Every provider. */
  ALL,
  /** Qualifying participants in an advanced alternative payment model (QPs). */
  QUALIFYING_APM_PARTICIPANTS,
  /** Every provider that is not a qualifying APM participant. */
  NON_QUALIFYING_APM_PARTICIPANTS;

  /**
   * Tells whether a provider with the given QP status is covered.
   *
   * @param qualifyingApmParticipant true if the provider is a qualifying APM participant
   * @return true if a factor for these providers applies to that provider
   */
  public boolean covers(boolean qualifyingApmParticipant) {
    switch (this) {
      case ALL:
        return true;
      case QUALIFYING_APM_PARTICIPANTS:
        return qualifyingApmParticipant;
      default:
        return !qualifyingApmParticipant;
    }
  }

  /**
   * Tells whether some provider is covered by both: the same providers, or all on either side. Two
   * factors of overlapping dates for overlapping providers would each claim the same line.
   *
   * @param other the providers of another factor
   * @return true if both are the same providers, or either is {@link #ALL}
   */
  public boolean overlaps(ApmProviders other) {
    requireNonNull(other, "other");
    return this == other || this == ALL || other == ALL;
  }

  /**
   * Names the providers for messages: {@code every provider}, {@code qualifying APM participants},
   * {@code providers who are not qualifying APM participants}.
   *
   * @return the providers in words, as above
   */
  public String words() {
    switch (this) {
      case ALL:
        return "every provider";
      case QUALIFYING_APM_PARTICIPANTS:
        return "qualifying APM participants";
      default:
        return "providers who are not qualifying APM participants";
    }
  }
}
