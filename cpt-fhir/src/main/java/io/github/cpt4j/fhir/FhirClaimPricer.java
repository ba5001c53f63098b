package io.github.cpt4j.fhir;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.ClaimResponse.AdjudicationComponent;
import org.hl7.fhir.r4.model.ClaimResponse.ItemComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Reference;

/**
 * Prices a professional FHIR R4 {@code Claim} with cpt4j's Medicare claim pricer and answers with a
 * {@code ClaimResponse}.
 *
 * <pre>{@code
 * FhirClaimPricer pricer = FhirClaimPricer.of(MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));
 * ClaimResponse response = pricer.price(fhirClaim, context);
 * }</pre>
 *
 * <p>The claim's items are read by {@link FhirClaims#toClaim}; the date of service, locality and
 * setting come from the {@link PricingContext} the caller gives, because a FHIR claim carries them
 * in forms (facility addresses, place-of-service extensions) that vary between implementation
 * guides. Each response item, by {@code itemSequence}, carries adjudications in the categories of
 * HL7's {@value #ADJUDICATION} code system:
 *
 * <ul>
 *   <li>{@code submitted}: the billed charge, when the item has one;
 *   <li>{@code eligible}: the allowed amount the fee schedule and the claim rules give, rounded
 *       once to cents; for an unpriced line, no amount but a {@code reason} whose code is the
 *       {@code UnpricedReason} (system {@value #UNPRICED_REASON}) and whose text is the detail;
 *   <li>{@code benefit}: the same allowed amount (cpt4j applies no deductible or coinsurance).
 * </ul>
 *
 * <p>The totals are {@code submitted} (when every item has a charge), {@code eligible} and {@code
 * benefit}; {@code outcome} is {@code complete} when every line is priced, else {@code partial}.
 * Amounts are in USD.
 */
public final class FhirClaimPricer {

  /** HL7's code system of adjudication categories. */
  public static final String ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";

  /** cpt4j's code system of the reasons a line has no amount: the names of UnpricedReason. */
  public static final String UNPRICED_REASON = "https://github.com/cpt4j/cpt4j/unpriced-reason";

  private static final String USD = "USD";

  private final MedicareClaimPricer pricer;
  private final Clock clock;

  private FhirClaimPricer(MedicareClaimPricer pricer, Clock clock) {
    this.pricer = pricer;
    this.clock = clock;
  }

  /** Returns a FHIR pricer over {@code pricer}, stamping responses with the system clock. */
  public static FhirClaimPricer of(MedicareClaimPricer pricer) {
    return of(pricer, Clock.systemUTC());
  }

  /** Returns a FHIR pricer over {@code pricer} whose responses are created at {@code clock}'s. */
  public static FhirClaimPricer of(MedicareClaimPricer pricer, Clock clock) {
    return new FhirClaimPricer(requireNonNull(pricer, "pricer"), requireNonNull(clock, "clock"));
  }

  /**
   * Prices {@code claim} in {@code context}.
   *
   * @throws FhirMappingException if an item cannot be read (see {@link FhirClaims})
   */
  public ClaimResponse price(org.hl7.fhir.r4.model.Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    Claim lines = FhirClaims.toClaim(claim);
    PricedClaim priced = pricer.price(lines, context);

    ClaimResponse response = new ClaimResponse();
    response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
    response.setType(claim.getType());
    response.setUse(ClaimResponse.Use.CLAIM);
    response.setPatient(claim.getPatient());
    response.setCreated(Date.from(clock.instant()));
    response.setInsurer(claim.getInsurer());
    if (claim.hasIdElement() && claim.getIdElement().hasIdPart()) {
      response.setRequest(new Reference("Claim/" + claim.getIdElement().getIdPart()));
    }
    response.setOutcome(
        priced.isFullyPriced()
            ? ClaimResponse.RemittanceOutcome.COMPLETE
            : ClaimResponse.RemittanceOutcome.PARTIAL);

    BigDecimal submitted = BigDecimal.ZERO;
    boolean everyChargeKnown = true;
    for (PricedLine line : priced.lines()) {
      org.hl7.fhir.r4.model.Claim.ItemComponent source = claim.getItem().get(line.index());
      ItemComponent item = response.addItem();
      item.setItemSequence(source.hasSequence() ? source.getSequence() : line.index() + 1);
      Optional<BigDecimal> charge = line.billed().charge();
      if (charge.isPresent()) {
        item.addAdjudication(adjudication("submitted", charge.get()));
        submitted = submitted.add(charge.get());
      } else {
        everyChargeKnown = false;
      }
      if (line.result() instanceof FeeResult.Priced paid) {
        item.addAdjudication(adjudication("eligible", paid.roundedAmount()));
        item.addAdjudication(adjudication("benefit", paid.roundedAmount()));
      } else if (line.result() instanceof FeeResult.Unpriced refused) {
        item.addAdjudication(
            new AdjudicationComponent(category("eligible"))
                .setReason(
                    new CodeableConcept(new Coding(UNPRICED_REASON, refused.why().name(), null))
                        .setText(refused.detail())));
      }
    }
    if (everyChargeKnown && !priced.lines().isEmpty()) {
      response.addTotal(total("submitted", submitted));
    }
    response.addTotal(total("eligible", priced.total()));
    response.addTotal(total("benefit", priced.total()));
    return response;
  }

  private static CodeableConcept category(String code) {
    return new CodeableConcept(new Coding(ADJUDICATION, code, null));
  }

  private static AdjudicationComponent adjudication(String category, BigDecimal amount) {
    return new AdjudicationComponent(category(category)).setAmount(money(amount));
  }

  private static ClaimResponse.TotalComponent total(String category, BigDecimal amount) {
    return new ClaimResponse.TotalComponent(category(category), money(amount));
  }

  private static Money money(BigDecimal amount) {
    Money money = new Money();
    money.setValue(amount);
    money.setCurrency(USD);
    return money;
  }
}
