package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line to price and the context to price it in, every default applied and every ZIP code and
 * place of service already resolved to a locality and a setting.
 *
 * @param line the code, modifiers and units
 * @param locality the payment locality
 * @param setting facility or non-facility
 * @param date the date of service
 * @param beneficiaryZip the five-digit ZIP code where the patient lives, if known: the DMEPOS fee
 *     schedule prices by it
 * @param practitioner who furnished the service: a physician, or a non-physician practitioner paid
 *     a share of the fee
 * @param qualifyingApm whether the provider is a qualifying APM participant, paid with the higher
 *     conversion factor from 2026
 * @param place the place of service, when the line gave one (the setting is then its setting): it
 *     decides whether incident-to and independent therapists' services are paid
 * @param presentAtInduction whether the physician supervising AD anesthesia was present at the
 *     induction of the session, which pays an AD line one time unit more
 * @param renderingProvider the NPI of the practitioner who furnished the line, when the line names
 *     one: the claim pricer applies its same-day rules to each practitioner's lines apart, and the
 *     lines without one are all one practitioner's. Not part of the claim's context: the lines of
 *     one claim may name different practitioners of a group.
 * @param charge the line's billed charge in dollars at scale 2, when the row gives one: the claim
 *     pricer then pays the lower of it and the fee schedule amount, as for a {@code BilledLine}
 *     with a charge (42 CFR 414.46(b)); not part of the claim's context either
 */
public record LineRequest(
    ClaimLine line,
    Locality locality,
    Setting setting,
    LocalDate date,
    Optional<String> beneficiaryZip,
    PractitionerType practitioner,
    boolean qualifyingApm,
    Optional<PlaceOfService> place,
    boolean presentAtInduction,
    Optional<Npi> renderingProvider,
    Optional<BigDecimal> charge) {

  /** Checks that nothing is missing. */
  public LineRequest {
    requireNonNull(line, "line");
    requireNonNull(locality, "locality");
    requireNonNull(setting, "setting");
    requireNonNull(date, "date");
    requireNonNull(beneficiaryZip, "beneficiaryZip");
    requireNonNull(practitioner, "practitioner");
    requireNonNull(place, "place");
    requireNonNull(renderingProvider, "renderingProvider");
    requireNonNull(charge, "charge");
  }

  /**
   * Returns the explanation of a claim refused because {@code other}'s context is not this one's:
   * it names what differs, as {@link #sameContext} compares it, and the two values. A locality is
   * given with each line's date, since a ZIP code's locality is that of its date's ZIP5 file, and
   * one ZIP code can be in two localities on two dates.
   */
  public String mixedContext(String claimKey, LineRequest other) {
    return mixedContext(claimKey, other, true);
  }

  /**
   * The explanation of {@link #mixedContext(String, LineRequest)}, the practitioner left out when
   * {@code withPractitioner} is false: the rows of two rendering providers may differ in it.
   */
  private String mixedContext(String claimKey, LineRequest other, boolean withPractitioner) {
    List<String> differ = new ArrayList<>(2);
    if (!locality.equals(other.locality)) {
      differ.add(
          "locality ("
              + locality
              + (date.equals(other.date) ? "" : " on " + date)
              + " and "
              + other.locality
              + (date.equals(other.date) ? "" : " on " + other.date)
              + ")");
    }
    if (setting != other.setting) {
      differ.add("setting (" + setting.words() + " and " + other.setting.words() + ")");
    }
    if (!place.equals(other.place)) {
      differ.add(
          "place of service (" + placeWords(place) + " and " + placeWords(other.place) + ")");
    }
    if (!beneficiaryZip.equals(other.beneficiaryZip)) {
      differ.add(
          "beneficiary ZIP code ("
              + zipWords(beneficiaryZip)
              + " and "
              + zipWords(other.beneficiaryZip)
              + ")");
    }
    if (withPractitioner && practitioner != other.practitioner) {
      differ.add("practitioner (" + practitioner.id() + " and " + other.practitioner.id() + ")");
    }
    if (qualifyingApm != other.qualifyingApm) {
      differ.add("qualifying APM status");
    }
    return "the lines of claim "
        + CodeFormatException.quote(claimKey)
        + " differ in "
        + String.join(" and ", differ)
        + "; a claim has one of each";
  }

  private static String placeWords(Optional<PlaceOfService> place) {
    return place.map(PlaceOfService::toString).orElse("none");
  }

  private static String zipWords(Optional<String> zip) {
    return zip.map(CodeFormatException::quote).orElse("none");
  }

  /**
   * Returns why {@code lines}, the lines of claim {@code claimKey} in order, cannot be priced
   * together, or empty when they can: every line must have the first line's context as {@link
   * #sameContext} compares it, except the practitioner. The lines of two rendering providers may
   * name two practitioner types (a group's physician and its nurse practitioner): {@link
   * #claimContext} gives each NPI its own. The lines of one NPI must agree on it, and so must the
   * lines naming none, which are all one provider's; the explanation then names the NPI, or says
   * there is none, and the two types.
   */
  public static Optional<String> mixedClaim(String claimKey, List<LineRequest> lines) {
    requireNonNull(claimKey, "claimKey");
    LineRequest first = lines.get(0);
    boolean practitionersDiffer = false;
    for (int i = 1; i < lines.size(); i++) {
      LineRequest line = lines.get(i);
      if (!first.sameContextButPractitioner(line)) {
        return Optional.of(first.mixedContext(claimKey, line, false));
      }
      practitionersDiffer |= line.practitioner != first.practitioner;
    }
    if (!practitionersDiffer) {
      return Optional.empty(); // most claims: nothing more to look at, nothing allocated
    }
    Map<Optional<Npi>, LineRequest> byProvider = new HashMap<>();
    for (LineRequest line : lines) {
      LineRequest earlier = byProvider.putIfAbsent(line.renderingProvider, line);
      if (earlier != null && earlier.practitioner != line.practitioner) {
        return Optional.of(
            "the lines of claim "
                + CodeFormatException.quote(claimKey)
                + line.renderingProvider
                    .map(npi -> " by " + npi)
                    .orElse(" without a rendering provider")
                + " differ in practitioner ("
                + earlier.practitioner.id()
                + " and "
                + line.practitioner.id()
                + "); the lines of one rendering provider have one practitioner");
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the context {@code lines}, the lines of one claim that {@link #mixedClaim} accepts, are
   * priced in: the first line's ({@link #context}), each line with its own date; presence at
   * induction when any line says so ({@link #anyPresentAtInduction}). Its own {@link
   * PricingContext#practitioner()} is that of the lines naming no rendering provider, or, when
   * every line names one, the first line's; each NPI whose lines name another type gets it ({@link
   * PricingContext#withPractitioner(Npi, PractitionerType)}), so that a nurse practitioner's lines
   * are paid 85% beside the physicians' full amounts.
   */
  public static PricingContext claimContext(List<LineRequest> lines, boolean participating) {
    LineRequest first = lines.get(0);
    PractitionerType own = first.practitioner;
    for (LineRequest line : lines) {
      if (line.renderingProvider.isEmpty()) {
        own = line.practitioner;
        break;
      }
    }
    PricingContext context = first.context(participating);
    if (context.practitioner() != own) {
      context = context.withPractitioner(own);
    }
    for (LineRequest line : lines) {
      if (line.practitioner != own && line.renderingProvider.isPresent()) {
        Npi npi = line.renderingProvider.get();
        if (context.practitioners().get(npi) != line.practitioner) {
          context = context.withPractitioner(npi, line.practitioner);
        }
      }
    }
    if (!context.supervisorPresentAtInduction() && anyPresentAtInduction(lines)) {
      context = context.withSupervisorPresentAtInduction(true);
    }
    return context;
  }

  /**
   * Tells whether any of {@code lines}, the lines of one claim, says the AD supervisor was present
   * at induction: the claim's anesthesia session then has it (Claims Processing Manual ch. 12
   * section 50.D), so that a file need mark only the AD line and leave the others blank.
   */
  public static boolean anyPresentAtInduction(List<LineRequest> lines) {
    for (LineRequest line : lines) {
      if (line.presentAtInduction) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether {@code other} may be on one claim with this line: the same locality, setting,
   * beneficiary's ZIP code, practitioner, APM status and place of service. The dates may differ:
   * each line of a claim carries its own date of service, and the claim pricer applies its same-day
   * rules per date. Presence at induction may differ too: a biller marks the AD line, and the claim
   * has it when any line says so ({@link #anyPresentAtInduction}). So may the rendering provider: a
   * group's claim holds the lines of several of its practitioners, each judged apart.
   */
  public boolean sameContext(LineRequest other) {
    return sameContextButPractitioner(other) && practitioner == other.practitioner;
  }

  /** {@link #sameContext} but for the practitioner, which differs by rendering provider. */
  private boolean sameContextButPractitioner(LineRequest other) {
    return locality.equals(other.locality)
        && setting == other.setting
        && beneficiaryZip.equals(other.beneficiaryZip)
        && qualifyingApm == other.qualifyingApm
        && place.equals(other.place);
  }

  /**
   * Returns the context this line is priced in, for a participating provider or not; a claim is
   * priced in {@link #claimContext}, its first line's with each rendering provider's practitioner.
   */
  public PricingContext context(boolean participating) {
    // A wither only where the value differs from the default: a batch makes one context a claim.
    PricingContext context = PricingContext.of(date, locality, setting);
    if (context.participating() != participating) {
      context = context.withParticipating(participating);
    }
    if (context.practitioner() != practitioner) {
      context = context.withPractitioner(practitioner);
    }
    if (context.qualifyingApmParticipant() != qualifyingApm) {
      context = context.withQualifyingApmParticipant(qualifyingApm);
    }
    if (presentAtInduction) {
      context = context.withSupervisorPresentAtInduction(true);
    }
    if (place.isPresent()) {
      context = context.withPlaceOfService(place.get());
    }
    return beneficiaryZip.map(context::withBeneficiaryZip).orElse(context);
  }
}
