package io.github.cpt4j.fhir;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.fee.ClaimPricer;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBPayer;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.ClaimResponse.AdjudicationComponent;
import org.hl7.fhir.r4.model.ClaimResponse.ItemComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Prices a professional FHIR R4 {@code Claim} with a cpt4j claim pricer (the Medicare claim pricer,
 * or the Part B one for laboratory, equipment and drug lines beside it) and answers with a {@code
 * ClaimResponse}.
 *
 * <pre>{@code
 * FhirClaimPricer pricer = FhirClaimPricer.of(MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));
 * ClaimResponse response = pricer.price(fhirClaim, context);
 * }</pre>
 *
 * <p>Only an {@code active} claim is priced: a {@code draft}, {@code cancelled} or {@code
 * entered-in-error} one, or one without a status, is refused. So is a claim whose {@code type} has
 * no coding {@code professional} in HL7's {@value #CLAIM_TYPE} (a coding without a system is none):
 * an {@code institutional}, {@code oral}, {@code pharmacy} or {@code vision} one. The schedules
 * cpt4j prices by are those of a physician's or supplier's services, and a hospital's or a
 * dentist's claim is paid by other rules, not at these rates. The response copies the claim's
 * {@code type}, {@code use} ({@code claim}, {@code preauthorization} or {@code predetermination}),
 * {@code patient} and {@code insurer}; a claim without an insurer takes the {@linkplain
 * #withDefaultInsurer default insurer}, or is refused. A claim's patient or insurer that names its
 * target no way a response keeps (by {@code reference}, {@code identifier} or {@code display}) is
 * refused at {@code Claim.patient} or {@code Claim.insurer}, default insurer or not: one holding
 * only a linked resource object ({@code new Reference(organization)}), as the response copies
 * references without their links, or only a {@code type} or extensions, or at {@code
 * Claim.insurer.reference} (or {@code Claim.patient.reference}) one whose {@code reference} has
 * extensions but no value (a data-absent reason). HAPI calls such a reference present, so it is not
 * refused as absent, and the response would name an empty one; and the claim says it has an
 * insurer, which the default may not be.
 *
 * <p>The claim's items are read by {@link FhirClaims#toClaim}, each with its date of service (a
 * line without one is priced on the context's date); the locality and setting come from the {@link
 * PricingContext} the caller gives, unless the claim says them. A pricer given ZIP code tables
 * ({@link #withZipLocalities(Function)}) prices the claim in the locality of the ZIP code where its
 * services were furnished ({@link FhirClaims#serviceZip}: an item's location, the claim's {@code
 * facility}, else its billing provider's office), as Medicare does; without tables, or for a claim
 * that names no ZIP code, the context's locality prices it. A DMEPOS line, priced by where the
 * patient lives, takes the context's beneficiary ZIP code, else that of the home of the claim's
 * {@code Patient} ({@link FhirClaims#beneficiaryZip}), read only for such a line: a {@code
 * PartBClaimPricer} says beforehand which lines are DMEPOS; another pricer is asked a second time,
 * with the patient's ZIP code, when its answer left a line {@code NO_BENEFICIARY_ZIP}. The claim's
 * place of service also wins over the context: R4 and CARIN Blue Button carry it in one form, a
 * coding of CMS's place-of-service code set in each item's {@code locationCodeableConcept}, read by
 * {@link FhirClaims#placeOfService}. When the items carry one, the claim is priced there, in the
 * setting Medicare pays that place at ({@link PricingContext#withPlaceOfService}), whatever the
 * context's setting or place: the context is the caller's default for claims that do not say, the
 * claim's own code is what was billed, and an item billed at inpatient hospital (21) is paid the
 * facility rate however the context was set up. Items without a place of service are where the
 * others are; items at different places are refused, to be priced as separate claims. Who furnished
 * the lines is the third thing the claim says better than the context: a care team entry whose
 * {@code qualification} is a NUCC provider taxonomy code says what its NPI's provider is ({@link
 * FhirClaims#practitioners}), and that provider's lines are priced as furnished by that type (a
 * nurse practitioner's at 85%), unless the context names the NPI's type itself ({@link
 * PricingContext#withPractitioner( io.github.cpt4j.claim.Npi,
 * io.github.cpt4j.fee.PractitionerType)}): a caller who knows its providers' enrollment knows
 * better than a claim's self-declared taxonomy. The lines that name no NPI are the claim's own
 * provider's, whose type the qualification of the care team's entry in the role {@code primary} (or
 * {@code rendering}, {@code performing}), or of its only entry when that entry has no role, gives
 * ({@link FhirClaims#practitioner}) in place of the context's {@link
 * PricingContext#practitioner()}, as the claim's place of service replaces the context's setting;
 * unless the context names that entry's NPI, whose type it then is. The lines of the claim's other
 * NPIs that no qualification types keep the context's {@code practitioner()}. The lines are priced,
 * and the response's items listed, in the order of the items' {@code sequence} (an item without one
 * counts as its position), and numbered by it: an explanation or a reason that names another line
 * names it by its sequence, even when the claim lists its items out of order. Each response item,
 * by {@code itemSequence}, carries adjudications in the categories of HL7's {@value #ADJUDICATION}
 * code system:
 *
 * <ul>
 *   <li>{@code submitted}: the billed charge, when the item has one;
 *   <li>{@code eligible}: the allowed amount the fee schedule and the claim rules give, rounded
 *       once to cents; for an unpriced line, no amount but a {@code reason} whose code is the
 *       {@code UnpricedReason} (system {@value #UNPRICED_REASON}) and whose text is the detail; for
 *       a priced line some of whose units a claim edit denied (a {@link
 *       ClaimWarning.Kind#UNITS_DENIED} warning), the amount of the units left and a {@code reason}
 *       whose code is {@code UNITS_DENIED} (system {@value #WARNING_KIND}) and whose text is the
 *       denial's words, such as {@code 2 of 3 units denied: ...};
 * </ul>
 *
 * <p>There is no {@code benefit} adjudication. HL7 defines it as the amount payable under the
 * coverage, and consumers (CARIN Blue Button, payer portals) read it as what the payer pays. For
 * Medicare Part B that is the allowed amount less the beneficiary's remaining deductible and the
 * coinsurance (usually 20%, none for some preventive services), which depend on the beneficiary's
 * year so far: not knowable from a claim and a fee schedule, so left out rather than reported
 * wrong.
 *
 * <p>The totals are {@code submitted} (when every item has a charge) and {@code eligible}, the sum
 * of the items' eligible amounts (when at least one item has one: a total of 0.00 for a claim of
 * unpriced items would read as a claim allowed nothing). Amounts are in USD, to the cent.
 *
 * <p>The {@code outcome} follows R4's {@code remittance-outcome} definitions, by the unpriced
 * lines' reasons: {@code error} ("one or more errors have been detected in the Claim") when a line
 * cannot be priced as it is billed ({@code MODIFIER_REQUIRED}, {@code MODIFIER_NOT_ALLOWED}, {@code
 * NO_ANESTHESIA_TIME}, and {@code NOT_PAYABLE_IN_PLACE} at a place-of-service code CMS leaves
 * unassigned, whose claim Medicare returns as unprocessable: Claims Processing Manual ch. 26
 * §10.5); else {@code partial} ("some of the adjudication has been performed") when a line is left
 * to the contractor or payer, or lacks the data that prices it ({@code CARRIER_PRICED}, {@code
 * PRICED_BY_REPORT}, {@code NOT_IN_SCHEDULE}, {@code NO_LOCALITY}, {@code NO_BENEFICIARY_ZIP},
 * ...); else {@code complete} ("the processing has completed without errors"), including a claim
 * whose lines a payment rule denied ({@code NCCI_PTP}, {@code STATUS_NOT_PAYABLE}, {@code
 * GLOBAL_SURGERY}, ...): a denial is an adjudication. Each line with an error reason is also an
 * {@code error} of the response, by its {@code itemSequence}, with the reason its adjudication has
 * (code in {@value #UNPRICED_REASON}, detail as text).
 *
 * <p>The lines' {@linkplain PricedLine#warnings() warnings} (documentation a payer requires,
 * minutes no amount uses, an anesthesia session's roles, a broken modifier rule: what the command
 * line shows beside the amount) are the response's {@code processNote}s, the R4 place for what a
 * payer tells the submitter about its processing: one per distinct warning (kind and text),
 * numbered from 1 in the order the items first raise it, of type {@code display} (HL7's {@code
 * note-type}), with the warning's {@linkplain ClaimWarning#message() message} as its text (for a
 * blank message, which R4's required {@code text} cannot be, the warning's kind and rule: {@code
 * EDIT_FLAG (payer-edit)}). Each note carries its warning's {@linkplain ClaimWarning#kind() kind}
 * as a code, in an extension ({@value #WARNING_KIND_EXTENSION}) whose {@code valueCoding} is in the
 * code system {@value #WARNING_KIND}, so that a program tells a {@code DOCUMENTATION_REQUIRED} from
 * a {@code MINUTES_IGNORED} without reading the text; two warnings of different kinds are two notes
 * even when their texts are the same (a payer's edit may word a flag as a rule of cpt4j words its
 * warning). Each item lists the numbers of its warnings' notes in {@code noteNumber}, so two items
 * with the same warning name one note; an item without warnings names none, and a claim without
 * warnings has no notes (but for the setting notes below). Warnings are raised on lines, never on
 * the claim as a whole, so every note is named by some item. An item priced at the other setting's
 * amount, because CMS marks the setting it was billed in NA for its code ({@link
 * FeeResult#settingNotAvailable()}: the amount of the other setting's practice expense, as CMS's
 * payment files list it), names a note of the same form whose text is the command line's, {@code
 * setting NA: priced at the other setting's amount, as CMS publishes it}, and whose code is {@value
 * #SETTING_NOT_AVAILABLE}: the claim pricers say it in the line's result, not as a warning. The
 * notes change no amount, adjudication or outcome; a {@code UNITS_DENIED} warning, whose amount an
 * edit already lowered, is also its item's {@code eligible} reason.
 *
 * <p>Immutable and thread-safe: one pricer serves every thread (its {@link FhirResolver} must be
 * thread-safe too). It only reads the claim it prices, never adding the empty elements HAPI's
 * getters make, so one claim may be priced on several threads at once, or written out while it is
 * priced; each call returns a new {@code ClaimResponse}.
 */
public final class FhirClaimPricer {

  /** HL7's code system of adjudication categories. */
  public static final String ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";

  /** HL7's code system of claim types, whose {@code professional} is the only one priced. */
  public static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";

  /** cpt4j's code system of the reasons a line has no amount: the names of UnpricedReason. */
  public static final String UNPRICED_REASON = "https://github.com/cpt4j/cpt4j/unpriced-reason";

  /**
   * cpt4j's code system of the kinds of a line's warning: the names of {@link ClaimWarning.Kind},
   * such as {@code DOCUMENTATION_REQUIRED}, and {@value #SETTING_NOT_AVAILABLE} for an item priced
   * at the other setting's amount.
   */
  public static final String WARNING_KIND = "https://github.com/cpt4j/cpt4j/warning-kind";

  /**
   * The URL of the extension on each {@code processNote} whose {@code valueCoding} is the kind of
   * the note's warning, in the code system {@value #WARNING_KIND}.
   */
  public static final String WARNING_KIND_EXTENSION =
      "https://github.com/cpt4j/cpt4j/StructureDefinition/warning-kind";

  /**
   * The code, in {@value #WARNING_KIND}, of the note on each item priced at the other setting's
   * amount because CMS marks the setting it was billed in NA for its code ({@link
   * FeeResult#settingNotAvailable()}): cpt-fhir's own code beside the names of {@link
   * ClaimWarning.Kind}, as the claim pricers say this in the line's result, not as a warning.
   */
  public static final String SETTING_NOT_AVAILABLE = "SETTING_NOT_AVAILABLE";

  // The command line's words for such a line (cpt price's "setting NA"), so both say it alike.
  private static final String SETTING_NOT_AVAILABLE_NOTE =
      "setting NA: priced at the other setting's amount, as CMS publishes it";

  private static final String USD = "USD";

  // A reference element of a data-absent reason alone; the caller adds which reference must name.
  private static final String NO_VALUE =
      "the element has extensions but no value (such as a data-absent reason), and the reference"
          + " names its target no other way: ";

  private final ClaimPricer pricer;
  private final Clock clock;
  // Null: a claim without an insurer is refused.
  private final Reference defaultInsurer;
  // Null: a claim's ZIP codes are not read, and the context's locality prices it.
  private final Function<? super LocalDate, ZipLocalityTable> zipTables;
  private final FhirResolver resolver;

  private FhirClaimPricer(
      ClaimPricer pricer,
      Clock clock,
      Reference defaultInsurer,
      Function<? super LocalDate, ZipLocalityTable> zipTables,
      FhirResolver resolver) {
    this.pricer = pricer;
    this.clock = clock;
    this.defaultInsurer = defaultInsurer;
    this.zipTables = zipTables;
    this.resolver = resolver;
  }

  /**
   * Returns a FHIR pricer over {@code pricer}, stamping responses with the system clock: a {@link
   * MedicareClaimPricer} for the Physician Fee Schedule's lines, or a {@code PartBClaimPricer}
   * ({@code io.github.cpt4j.fee.medicare.partb}) for every line of a Part B claim, laboratory
   * tests, equipment and drugs included.
   *
   * @param pricer the claim pricer that prices each claim's lines
   * @return the FHIR pricer
   */
  public static FhirClaimPricer of(ClaimPricer pricer) {
    return of(pricer, Clock.systemUTC());
  }

  /**
   * Returns a FHIR pricer over {@code pricer} whose responses are created at {@code clock}'s.
   *
   * @param pricer the claim pricer that prices each claim's lines
   * @param clock the clock that dates each response's {@code created}
   * @return the FHIR pricer
   */
  public static FhirClaimPricer of(ClaimPricer pricer, Clock clock) {
    return new FhirClaimPricer(
        requireNonNull(pricer, "pricer"),
        requireNonNull(clock, "clock"),
        null,
        null,
        FhirResolver.none());
  }

  /**
   * Returns a pricer like this one that answers a claim without an {@code insurer} as if {@code
   * insurer} were its insurer. R4's {@code ClaimResponse.insurer} is required (1..1) while {@code
   * Claim.insurer} is optional, and the payer whose schedule prices the claim is the caller's
   * knowledge, not the claim's: without a default, such a claim is refused. A claim's own insurer
   * always wins. The reference is copied, here and into each response, without the resource object
   * it may hold ({@link Reference#getResource()}), as the claim's own references are: a response
   * names its insurer, and never shares the caller's objects. So the reference must name its target
   * by {@code reference}, {@code identifier} or {@code display} (a display alone is R4's text
   * alternative, and is taken); one that names it none of these ways is refused.
   *
   * @param insurer a reference that resolves outside the claim, such as {@code
   *     Organization/medicare} or one by identifier; not a local {@code #id}
   * @return a copy of this pricer with that default insurer
   * @throws IllegalArgumentException if {@code insurer} is empty or a local reference, or names no
   *     target: it holds only a linked resource object ({@code new Reference(organization)}), or
   *     only a {@code type} or extensions
   * @throws FhirMappingException (an {@code IllegalArgumentException}) at a null in any list of
   *     {@code insurer}, at any depth, which a reference built in code can hold and HAPI's {@code
   *     copy()} fails inside on; the path starts from the argument's name, {@code
   *     insurer.identifier.type.coding[0]}; at {@code insurer.reference} when that element has
   *     extensions but no value (a data-absent reason) and nothing else names the target
   */
  public FhirClaimPricer withDefaultInsurer(Reference insurer) {
    requireNonNull(insurer, "insurer");
    // First: a reference of a null extension alone would be called empty.
    requireNoNulls(insurer, "insurer");
    if (insurer.isEmpty()) {
      throw new IllegalArgumentException("the default insurer is an empty reference");
    }
    // HAPI calls a reference of a linked object, a type or extensions alone not empty, but none
    // of these names an insurer in the response: it was taken, and answered with no insurer.
    boolean named = namesTarget(insurer);
    String must = "a default insurer must name its target by reference, identifier or display";
    if (!named && insurer.hasReferenceElement()) {
      throw new FhirMappingException("insurer.reference", NO_VALUE + must);
    }
    if (!named && insurer.getResource() != null) {
      throw new IllegalArgumentException(
          "the default insurer holds only a linked resource object, which no response keeps"
              + " (they copy references without their links): "
              + must);
    }
    if (!named) {
      throw new IllegalArgumentException(
          "the default insurer names no target, having only a type or extensions: " + must);
    }
    if (insurer.getReference() != null && insurer.getReference().startsWith("#")) {
      throw new IllegalArgumentException(
          "the default insurer cannot be a local reference, "
              + insurer.getReference()
              + ": no claim contains it");
    }
    Reference copy = insurer.copy();
    // A copy keeps the link: every response would share the caller's resource object.
    copy.setResource(null);
    return new FhirClaimPricer(pricer, clock, copy, zipTables, resolver);
  }

  /**
   * Whether {@code reference} names its target in what a response keeps of it: by {@code
   * reference}, {@code identifier} or {@code display}, not by a linked resource object alone.
   */
  private static boolean namesTarget(Reference reference) {
    return reference.getReference() != null
        || reference.hasIdentifier()
        || reference.getDisplay() != null;
  }

  /**
   * Refuses a reference the response copies from the claim, {@code role} at {@code path} ({@code
   * patient} at {@code Claim.patient}), when it names no target (see the class comment): HAPI calls
   * it present, so it is not absent either, and the response would carry it empty.
   */
  private static void requireNamed(Reference reference, String path, String role) {
    if (namesTarget(reference)) {
      return;
    }
    String must =
        "the claim's " + role + " must name its target by reference, identifier or display";
    if (reference.hasReferenceElement()) {
      throw new FhirMappingException(path + ".reference", NO_VALUE + must);
    }
    if (reference.getResource() != null) {
      throw new FhirMappingException(
          path,
          "the "
              + role
              + " holds only a linked resource object, which the response does not keep (it"
              + " copies references without their links): "
              + must);
    }
    throw new FhirMappingException(
        path, "the " + role + " names no target, having only a type or extensions: " + must);
  }

  /**
   * Returns a pricer like this one that prices a claim in the payment locality of the ZIP code
   * where its services were furnished ({@link FhirClaims#serviceZip}: an item's location, the
   * claim's {@code facility}, else its billing provider's office), found in {@code table}, in place
   * of the context's locality. See {@link #withZipLocalities(Function)}.
   *
   * <pre>{@code
   * FhirClaimPricer pricer = FhirClaimPricer.of(claimPricer).withZipLocalities(BundledData.zipLocalities());
   * }</pre>
   *
   * @param table the ZIP code table of every date of service, such as a quarter's ZIP5 file
   * @return a copy of this pricer that prices by the service ZIP code
   */
  public FhirClaimPricer withZipLocalities(ZipLocalityTable table) {
    requireNonNull(table, "table");
    return withZipLocalities(date -> table);
  }

  /**
   * Returns a pricer like this one that prices a claim in the payment locality of the ZIP code
   * where its services were furnished ({@link FhirClaims#serviceZip}), in the ZIP code table {@code
   * tablesByDate} gives for each line's date of service, as CMS moves ZIP codes between localities
   * from one quarter's ZIP5 file to the next: {@code cmsDirectory::zipLocalities}. Medicare pays a
   * service in the locality where it was furnished (Claims Processing Manual, Pub. 100-04, ch. 1
   * §10.1.1), so the claim's own ZIP code wins over the context's locality, which stays the default
   * for claims that do not say where, as the claim's place of service wins over the context's
   * setting. A claim whose ZIP code is in no locality on the date of a line priced by locality, or
   * in two localities on two such dates, is refused with a {@link FhirMappingException} at the ZIP
   * code; the laboratory, equipment and drug lines a {@link PartBClaimPricer} prices without a
   * locality are not looked up on their dates, and a claim of those alone is priced without looking
   * it up at all (a malformed ZIP code, or two, is refused all the same). A ZIP code CMS splits
   * between localities by ZIP+4 ({@link ZipLocalityTable#isSplitByPlusFour}) is priced in its ZIP5
   * row's locality, as the table gives it, and each item priced there gets a {@code processNote} of
   * kind {@link ClaimWarning.Kind#LOCALITY_OF_SPLIT_ZIP} saying so. The beneficiary's ZIP code, by
   * which DMEPOS items are priced, is never the service's: it is the context's ({@link
   * PricingContext#withBeneficiaryZip}), else the home of the claim's patient ({@link
   * FhirClaims#beneficiaryZip}).
   *
   * @param tablesByDate the ZIP code table in force on a date of service; it must not return null
   * @return a copy of this pricer that prices by the service ZIP code
   */
  public FhirClaimPricer withZipLocalities(
      Function<? super LocalDate, ZipLocalityTable> tablesByDate) {
    return new FhirClaimPricer(
        pricer, clock, defaultInsurer, requireNonNull(tablesByDate, "tablesByDate"), resolver);
  }

  /**
   * Returns a pricer like this one that follows the claim's references outside the claim through
   * {@code resolver}, as it follows those to contained resources: the care team's providers (their
   * NPIs and taxonomy qualifications); with ZIP code tables, the items' locations, the {@code
   * facility} and the billing {@code provider} (the service ZIP code); and, when a DMEPOS line
   * needs it and the context has none, the {@code patient} (the beneficiary's ZIP code). A claim
   * that came in a Bundle is read with the Bundle's entries ({@link FhirResolver#of}); one from a
   * FHIR server, with its store. The resolver is called from every thread that prices with this
   * pricer. The response copies the claim's references as they are, without the resources they
   * name.
   *
   * <pre>{@code
   * ClaimResponse response = pricer.withResolver(FhirResolver.of(bundle)).price(claim, context);
   * }</pre>
   *
   * @param resolver finds the resources that references outside the claim name
   * @return a copy of this pricer that follows references through {@code resolver}
   */
  public FhirClaimPricer withResolver(FhirResolver resolver) {
    return new FhirClaimPricer(
        pricer, clock, defaultInsurer, zipTables, requireNonNull(resolver, "resolver"));
  }

  /**
   * Prices {@code claim} in {@code context}, at the place of service its items carry when they
   * carry one, and in the locality of its service ZIP code when this pricer has ZIP code tables
   * (see the class comment).
   *
   * @param claim the FHIR R4 claim to price
   * @param context the date of service, locality, setting and practitioner type the claim is priced
   *     in
   * @return the claim's response, an adjudication of each item
   * @throws FhirMappingException if the claim's {@code status} is not {@code active}, its {@code
   *     type} has no coding {@code professional} in {@value #CLAIM_TYPE} (at {@code
   *     Claim.type.coding[0]} for such a code without a system), an item cannot be read (see {@link
   *     FhirClaims}), its place of service is not a CMS code or differs from another item's ({@link
   *     FhirClaims#placeOfService}), for a pricer {@linkplain #withZipLocalities(Function) with ZIP
   *     code tables} its service ZIP code cannot be read ({@link FhirClaims#serviceZip}) or is in
   *     no locality or two, when a DMEPOS line needs the patient's home and the context has none,
   *     its address cannot be read ({@link FhirClaims#beneficiaryZip}), or the claim lacks an
   *     element the response requires: {@code type}, {@code patient}, or {@code insurer} when no
   *     {@linkplain #withDefaultInsurer default insurer} is set, or its {@code patient} or {@code
   *     insurer} names no target by {@code reference}, {@code identifier} or {@code display} (at
   *     {@code Claim.patient} or {@code Claim.insurer}, or at its {@code .reference} for a
   *     data-absent one; see the class comment)
   */
  public ClaimResponse price(org.hl7.fhir.r4.model.Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    requireActive(claim);
    // R4 requires these in a ClaimResponse (1..1): refused here rather than answered with a
    // response that no validator accepts.
    if (!claim.hasType()) {
      throw new FhirMappingException(
          "Claim.type", "the claim has no type, which its ClaimResponse must copy");
    }
    requireProfessional(claim.getType());
    if (!claim.hasPatient()) {
      throw new FhirMappingException(
          "Claim.patient", "the claim has no patient, whom its ClaimResponse must name");
    }
    requireNamed(claim.getPatient(), "Claim.patient", "patient");
    if (!claim.hasInsurer() && defaultInsurer == null) {
      throw new FhirMappingException(
          "Claim.insurer",
          "the claim has no insurer, which a ClaimResponse must name (1..1 in R4): give the claim"
              + " one, or the pricer a default with FhirClaimPricer.withDefaultInsurer");
    }
    // The claim says it has an insurer, so the default, which may be another payer, does not
    // stand for one that names no target.
    if (claim.hasInsurer()) {
      requireNamed(claim.getInsurer(), "Claim.insurer", "insurer");
    }
    // In sequence order and numbered by sequence: what the response says about an item names the
    // others by the numbers the claim gives them.
    // One reading of the references for the whole claim: the resolver is asked once for each.
    References references = new References(claim, resolver);
    Claim lines = FhirClaims.toClaim(claim, references);
    // The claim's own place of service wins over the caller's default setting: see the class
    // comment.
    PricingContext where =
        FhirClaims.placeOfService(claim).map(context::withPlaceOfService).orElse(context);
    Optional<ServiceLocality> located = serviceLocality(claim, references, lines, where);
    if (located.isPresent()) {
      where = where.withArea(located.get().locality());
    }
    where = withCareTeamsPractitioners(claim, references, lines, context, where);
    // Where the patient lives prices DMEPOS lines; the claim's patient is read only when a line
    // needs it and the context does not say, so a claim of none is never refused for the address.
    // The Part B pricer says beforehand which lines are DMEPOS; another pricer is asked again when
    // its answer lacked the ZIP code.
    boolean routesLines = pricer instanceof PartBClaimPricer;
    if (where.beneficiaryZip().isEmpty() && routesLines) {
      PartBFeeSchedule partB = ((PartBClaimPricer) pricer).partB();
      // Without a DMEPOS schedule the lines are NO_SCHEDULE_LOADED, whatever the address says.
      if (partB.schedule(PartBPayer.DMEPOS).isPresent()) {
        where =
            withPatientsHome(
                claim,
                references,
                lines,
                where,
                i -> partB.payerOf(lines.line(i).line()) == PartBPayer.DMEPOS);
      }
    }
    PricedClaim priced = pricer.price(lines, where);
    if (where.beneficiaryZip().isEmpty() && !routesLines) {
      PricedClaim first = priced;
      PricingContext home =
          withPatientsHome(
              claim, references, lines, where, i -> lacksBeneficiaryZip(first.lines().get(i)));
      if (home != where) {
        priced = pricer.price(lines, home);
      }
    }

    ClaimResponse response = new ClaimResponse();
    response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
    // Copies, never the claim's own elements: editing the response must not change the claim.
    requireNoNulls(claim.getType(), "Claim.type");
    response.setType(claim.getType().copy());
    response.setUse(use(claim));
    response.setPatient(reference(claim.getPatient(), claim, response, "Claim.patient"));
    // In whole seconds, as HAPI writes a dateTime made from a Date: the milliseconds stayed in the
    // response but not in its JSON, so the response read back was not the one sent.
    response.setCreated(Date.from(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    response.setInsurer(
        claim.hasInsurer()
            ? reference(claim.getInsurer(), claim, response, "Claim.insurer")
            : defaultInsurer.copy());
    Reference request = request(claim);
    if (request != null) {
      response.setRequest(request);
    }
    Optional<PlaceOfService> place = PlaceOfService.in(where);
    response.setOutcome(outcome(priced, place));

    BigDecimal submitted = BigDecimal.ZERO;
    boolean everyChargeKnown = true;
    // Each distinct warning, by its note number, in order of first appearance: a warning two lines
    // share (a subset's missing line, a team surgery on two lines) is said once. Distinct by kind
    // and text, not text alone: a payer's edit words its flags as it likes, so an EDIT_FLAG may
    // share the text of a MINUTES_IGNORED, and one note cannot carry both kinds.
    Map<NoteKey, Integer> notes = new LinkedHashMap<>();
    for (PricedLine line : priced.lines()) {
      ItemComponent item = response.addItem();
      // The line's number is the item's sequence, or its position when it has none.
      item.setItemSequence(line.lineNumber());
      for (ClaimWarning warning : line.warnings()) {
        note(response, item, notes, new NoteKey(warning.kind().name(), noteText(warning)));
      }
      if (located.isPresent()
          && located.get().splitByPlusFour()
          && line.isPriced()
          && byLocality(line.billed().line())) {
        note(
            response,
            item,
            notes,
            new NoteKey(ClaimWarning.Kind.LOCALITY_OF_SPLIT_ZIP.name(), located.get().splitNote()));
      }
      // CMS publishes no rate in this setting for the code: the amount is the other setting's, as
      // the payment files list it, which the submitter cannot tell from the amount alone.
      if (line.result().settingNotAvailable()) {
        note(response, item, notes, new NoteKey(SETTING_NOT_AVAILABLE, SETTING_NOT_AVAILABLE_NOTE));
      }
      Optional<BigDecimal> charge = line.billed().charge();
      if (charge.isPresent()) {
        item.addAdjudication(adjudication("submitted", charge.get()));
        submitted = submitted.add(charge.get());
      } else {
        everyChargeKnown = false;
      }
      if (line.result() instanceof FeeResult.Priced paid) {
        // No 'benefit': see the class comment.
        AdjudicationComponent eligible = adjudication("eligible", paid.roundedAmount());
        // R4's reason "explains variance from the expected amount": an edit that denied units made
        // the amount lower than billed, and a reader of the adjudication must see why.
        unitsDenied(line).ifPresent(eligible::setReason);
        item.addAdjudication(eligible);
      } else if (line.result() instanceof FeeResult.Unpriced refused) {
        item.addAdjudication(
            new AdjudicationComponent(category("eligible")).setReason(reason(refused)));
        // An error in what the claim says is also the response's error, by the line's number: R4's
        // place for what the submitter must correct, where the adjudication says only what was
        // not paid.
        if (kindOf(refused, place) == Adjudication.ERROR) {
          response.addError().setItemSequence(line.lineNumber()).setCode(reason(refused));
        }
      }
    }
    if (everyChargeKnown && !priced.lines().isEmpty()) {
      response.addTotal(total("submitted", submitted));
    }
    // The sum of the items' eligible amounts; none when no item has one, as a total of 0.00 reads
    // as a claim allowed nothing, not as one cpt4j could not price.
    if (priced.lines().stream().anyMatch(PricedLine::isPriced)) {
      response.addTotal(total("eligible", priced.total()));
    }
    return response;
  }

  /**
   * The response's {@code outcome}, in the words of R4's {@code remittance-outcome} code system:
   * {@code error} ("one or more errors have been detected in the Claim") when a line is unpriced
   * for what it says, its place of service one CMS leaves unassigned among it; else {@code partial}
   * ("no errors ... and some of the adjudication has been performed") when a line is left for
   * someone else to price; else {@code complete} ("the processing has completed without errors"),
   * even when a payment rule denied lines: a denial is an adjudication.
   */
  private static ClaimResponse.RemittanceOutcome outcome(
      PricedClaim priced, Optional<PlaceOfService> place) {
    Adjudication worst = Adjudication.ADJUDICATED;
    for (PricedLine line : priced.lines()) {
      if (line.result() instanceof FeeResult.Unpriced refused) {
        Adjudication kind = kindOf(refused, place);
        if (kind.compareTo(worst) > 0) {
          worst = kind;
        }
      }
    }
    return switch (worst) {
      case ADJUDICATED -> ClaimResponse.RemittanceOutcome.COMPLETE;
      case NOT_ADJUDICATED -> ClaimResponse.RemittanceOutcome.PARTIAL;
      case ERROR -> ClaimResponse.RemittanceOutcome.ERROR;
    };
  }

  /**
   * The context with the practitioner types the care team's qualifications give (see the class
   * comment): each NPI's where the caller's {@code context} does not name it, and the claim's own
   * provider's for the lines that name no NPI, in place of the context's default. That default
   * stays the type of every other provider of the claim's lines.
   */
  private static PricingContext withCareTeamsPractitioners(
      org.hl7.fhir.r4.model.Claim claim,
      References references,
      Claim lines,
      PricingContext context,
      PricingContext where) {
    FhirClaims.CareTeamTypes team = FhirClaims.careTeamTypes(claim, references);
    Map<Npi, PractitionerType> qualified = team.byNpi();
    PricingContext result = where;
    for (var practitioner : qualified.entrySet()) {
      if (!context.practitioners().containsKey(practitioner.getKey())) {
        result = result.withPractitioner(practitioner.getKey(), practitioner.getValue());
      }
    }
    Optional<FhirClaims.OwnProvider> own = team.own();
    if (own.isEmpty()) {
      return result;
    }
    // The caller's word on the own provider's NPI wins over the claim's, as for every NPI.
    PractitionerType ownType =
        own.get().npi().map(context.practitioners()::get).orElse(own.get().type());
    if (ownType == context.practitioner()) {
      return result;
    }
    // The default becomes the own provider's type: the other providers of the claim's lines that
    // nothing qualifies keep the context's, named one by one.
    for (int i = 0; i < lines.size(); i++) {
      Optional<Npi> npi = lines.line(i).renderingProvider();
      if (npi.isPresent() && !result.practitioners().containsKey(npi.get())) {
        result = result.withPractitioner(npi.get(), context.practitioner());
      }
    }
    return result.withPractitioner(ownType);
  }

  /**
   * {@code where} with the ZIP code of the claim's patient's home ({@link
   * FhirClaims#beneficiaryZip}) on the first date of the lines that need it, {@code needs}; or
   * {@code where} itself when no line needs it or the claim does not say.
   */
  private static PricingContext withPatientsHome(
      org.hl7.fhir.r4.model.Claim claim,
      References references,
      Claim lines,
      PricingContext where,
      IntPredicate needs) {
    LocalDate first = null;
    for (int i = 0; i < lines.size(); i++) {
      if (!needs.test(i)) {
        continue;
      }
      LocalDate date = lines.line(i).dateOfService().orElse(where.dateOfService());
      if (first == null || date.isBefore(first)) {
        first = date;
      }
    }
    if (first == null) {
      return where;
    }
    Optional<ServiceZip.Found> home = BeneficiaryZip.of(claim, references, first);
    return home.isPresent() ? where.withBeneficiaryZip(home.get().zip()) : where;
  }

  /** Whether a line was left unpriced for want of the beneficiary's ZIP code. */
  private static boolean lacksBeneficiaryZip(PricedLine line) {
    return line.result() instanceof FeeResult.Unpriced refused
        && refused.why() == UnpricedReason.NO_BENEFICIARY_ZIP;
  }

  /**
   * Tells whether a line of {@code lines} is priced by payment locality: every line of a pricer of
   * the Physician Fee Schedule alone; of the Part B pricer, the lines it routes to the Physician
   * Fee Schedule or the anesthesia schedule. Laboratory and drug amounts are national, equipment is
   * priced by the patient's state, so a claim of those alone is priced wherever it was furnished,
   * and its service ZIP code is not read (one in no locality does not refuse it).
   */
  private boolean anyLineByLocality(Claim lines) {
    if (!(pricer instanceof PartBClaimPricer)) {
      return true;
    }
    for (int i = 0; i < lines.size(); i++) {
      if (byLocality(lines.line(i).line())) {
        return true;
      }
    }
    return false;
  }

  /** Tells whether {@code line} is priced by payment locality (see {@link #anyLineByLocality}). */
  private boolean byLocality(ClaimLine line) {
    if (!(pricer instanceof PartBClaimPricer partB)) {
      return true;
    }
    PartBPayer payer = partB.partB().payerOf(line);
    return payer == PartBPayer.PHYSICIAN_FEE_SCHEDULE || payer == PartBPayer.ANESTHESIA;
  }

  /**
   * The locality of the claim's service ZIP code, when this pricer has ZIP code tables and the
   * claim names a ZIP code: the table of each date of the lines priced by locality (the context's
   * for a line without one) must place it, and in one locality. The ZIP code is read, and refused
   * when malformed or two, whatever the lines; it is looked up only on those lines' dates.
   */
  private Optional<ServiceLocality> serviceLocality(
      org.hl7.fhir.r4.model.Claim claim, References references, Claim lines, PricingContext where) {
    if (zipTables == null) {
      return Optional.empty();
    }
    Optional<ServiceZip.Found> found = ServiceZip.of(claim, references);
    if (found.isEmpty() || !anyLineByLocality(lines)) {
      return Optional.empty();
    }
    boolean split = false;
    String zip = found.get().zip();
    // The dates of the lines a locality prices: a lab test's, drug's or walker's amount is the
    // same in every locality, so its date neither asks a table nor refuses the claim.
    SortedSet<LocalDate> dates = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (byLocality(lines.line(i).line())) {
        dates.add(lines.line(i).dateOfService().orElse(where.dateOfService()));
      }
    }
    Locality locality = null;
    LocalDate localityDate = null;
    for (LocalDate date : dates) {
      ZipLocalityTable table = zipTables.apply(date);
      if (table == null) {
        throw new IllegalStateException(
            "the pricer's ZIP code tables gave no table for the date of service " + date);
      }
      Optional<Locality> in = table.find(zip);
      if (in.isEmpty()) {
        throw new FhirMappingException(
            found.get().path(),
            "ZIP code "
                + zip
                + " is in no Medicare payment locality of the ZIP code table in force on "
                + date);
      }
      split |= table.isSplitByPlusFour(zip);
      if (locality == null) {
        locality = in.get();
        localityDate = date;
      } else if (!locality.equals(in.get())) {
        throw new FhirMappingException(
            found.get().path(),
            "ZIP code "
                + zip
                + " is in locality "
                + locality
                + " on "
                + localityDate
                + " and in "
                + in.get()
                + " on "
                + date
                + " (CMS moved it between quarters): price each date's items as separate claims");
      }
    }
    return Optional.of(new ServiceLocality(locality, zip, split));
  }

  /**
   * Where the claim's services were furnished: the payment locality of its ZIP code, and whether
   * CMS splits that ZIP code between localities by ZIP+4 on one of the claim's dates.
   */
  private record ServiceLocality(Locality locality, String zip, boolean splitByPlusFour) {

    /** The note for the items priced in the locality of a split ZIP code. */
    String splitNote() {
      return "CMS splits ZIP code "
          + zip
          + " between payment localities and prices it by its ZIP+4, which cpt4j does not read:"
          + " priced in "
          + locality
          + ", the locality of its five-digit row; price the claim in the context's locality if"
          + " the place is in another";
    }
  }

  /**
   * What an unpriced line says of its adjudication: its reason's ({@link #kindOf(UnpricedReason)}),
   * except that a line refused at a place-of-service code CMS leaves unassigned is an error to
   * correct. Such a claim is returned as unprocessable (Claims Processing Manual ch. 26 §10.5), not
   * denied: the code is most often a mistype (30 for 31), which the submitter must fix.
   */
  private static Adjudication kindOf(FeeResult.Unpriced refused, Optional<PlaceOfService> place) {
    if (refused.why() == UnpricedReason.NOT_PAYABLE_IN_PLACE
        && place.isPresent()
        && !place.get().isAssigned()) {
      return Adjudication.ERROR;
    }
    return kindOf(refused.why());
  }

  /**
   * What an unpriced line's reason says of its adjudication. A switch without {@code default}: a
   * new reason does not compile until it is placed here.
   */
  private static Adjudication kindOf(UnpricedReason reason) {
    return switch (reason) {
      // A payment rule decided the line: it is paid nothing, and that is its adjudication.
      case STATUS_NOT_PAYABLE,
          NOT_PAYABLE_ON_CLAIM,
          NOT_PAYABLE_IN_PLACE,
          NCCI_PTP,
          NCCI_MUE,
          EDIT_DENIED,
          GLOBAL_SURGERY,
          BILLED_AS_NOT_COVERED ->
          Adjudication.ADJUDICATED;
      // The schedule cannot price the line here: a contractor or the payer must, or the data it
      // needs is missing. The beneficiary's ZIP code is among that data when neither the context
      // nor the claim's patient gives it.
      case CARRIER_PRICED,
          PRICED_BY_REPORT,
          NOT_IN_SCHEDULE,
          DATE_NOT_COVERED,
          NO_CONVERSION_FACTOR,
          CONVERSION_FACTOR_MISMATCH,
          NO_LOCALITY,
          NO_GPCI_FOR_LOCALITY,
          NO_BENEFICIARY_ZIP,
          NO_SCHEDULE_LOADED,
          // Only a limiting charge gives them, never a claim's line; were a payer's schedule to
          // answer with one, the line is left unpriced, not denied.
          ASSIGNMENT_REQUIRED,
          NO_LIMITING_CHARGE,
          // A payer's table or percentage gives an amount no fee can be: the payer must price it.
          AMOUNT_OUT_OF_RANGE ->
          Adjudication.NOT_ADJUDICATED;
      // What the line says cannot be priced as it is said: the submitter must correct it.
      case MODIFIER_REQUIRED, MODIFIER_NOT_ALLOWED, NO_ANESTHESIA_TIME -> Adjudication.ERROR;
    };
  }

  /** What an unpriced line's reason says of its adjudication, from the least to the most severe. */
  private enum Adjudication {
    ADJUDICATED,
    NOT_ADJUDICATED,
    ERROR
  }

  /** An unpriced line's reason: its {@code UnpricedReason} as a code, its detail as text. */
  private static CodeableConcept reason(FeeResult.Unpriced refused) {
    return new CodeableConcept(new Coding(UNPRICED_REASON, refused.why().name(), null))
        .setText(refused.detail());
  }

  /**
   * The reason of a priced line's {@code eligible} amount when claim edits denied some of its units
   * ({@link ClaimWarning.Kind#UNITS_DENIED}): that kind as a code of {@value #WARNING_KIND}, as its
   * note has it, and the denials' words as text, joined by {@code "; "} when two findings, of one
   * edit or of two, denied units (R4 allows one reason per adjudication). Not an {@code
   * UnpricedReason}: the line has an amount. Empty for a line whose units no edit denied.
   */
  private static Optional<CodeableConcept> unitsDenied(PricedLine line) {
    StringJoiner words = null;
    for (ClaimWarning warning : line.warnings()) {
      if (warning.kind() == ClaimWarning.Kind.UNITS_DENIED) {
        words = words == null ? new StringJoiner("; ") : words;
        words.add(noteText(warning));
      }
    }
    if (words == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CodeableConcept(new Coding(WARNING_KIND, ClaimWarning.Kind.UNITS_DENIED.name(), null))
            .setText(words.toString()));
  }

  /**
   * Refuses a claim whose {@code status} (1..1 in R4) is not {@code active}: a {@code draft} is not
   * yet submitted, a {@code cancelled} or {@code entered-in-error} one is withdrawn, and answering
   * any of them with an active response would price what no one asked to be paid. A
   * predetermination or preauthorization is an active claim whose {@code use} says so.
   */
  private static void requireActive(org.hl7.fhir.r4.model.Claim claim) {
    org.hl7.fhir.r4.model.Claim.ClaimStatus status = claim.getStatus();
    if (status == org.hl7.fhir.r4.model.Claim.ClaimStatus.ACTIVE) {
      return;
    }
    throw new FhirMappingException(
        "Claim.status",
        (status == null || status == org.hl7.fhir.r4.model.Claim.ClaimStatus.NULL
                ? "the claim has no status (R4 requires one)"
                : "the claim is " + status.toCode())
            + ": only an active claim is priced (a predetermination or preauthorization is an"
            + " active claim whose use says so)");
  }

  /**
   * Refuses a claim whose {@code type} has no coding {@code professional} in {@value #CLAIM_TYPE}:
   * the Physician Fee Schedule and Part B's other schedules price a physician's or supplier's
   * services, and an {@code institutional} claim (a hospital's, paid by the OPPS or the IPPS), an
   * {@code oral} one (a dentist's) or a {@code pharmacy} one priced at their rates would be
   * answered with amounts no payer pays. The system is read in its {@code https} form too; the
   * code, as FHIR's codes are, exactly. A coding {@code professional} without a system is refused
   * at that coding: a code means what its system defines, and this one is the gate to the rates.
   */
  private static void requireProfessional(CodeableConcept type) {
    List<String> found = new ArrayList<>();
    int bare = -1;
    List<Coding> codings = FhirClaims.withoutNulls(type.getCoding(), "Claim.type.coding");
    for (int c = 0; c < codings.size(); c++) {
      Coding coding = codings.get(c);
      if (coding.hasSystem()
          && FhirCodeSystems.sameSystem(coding.getSystem(), CLAIM_TYPE)
          && "professional".equals(coding.getCode())) {
        return;
      }
      // A system with extensions alone (a data-absent reason) has no value either: it was
      // quoted as a system named 'null'.
      if (coding.getSystem() == null && "professional".equals(coding.getCode()) && bare < 0) {
        bare = c;
      }
      if (coding.hasCode()) {
        found.add(
            coding.getCode()
                + (coding.getSystem() != null ? " (" + coding.getSystem() + ")" : " (no system)"));
      }
    }
    if (bare >= 0) {
      FhirClaims.requireValue(
          codings.get(bare).getSystemElement(), "Claim.type.coding[" + bare + "].system");
      // A code without a system has no defined meaning (R4's Coding.system), as a procedure code
      // without CPT's or HCPCS's system is no procedure code here: "professional" of a local code
      // set could be any claim, and this type decides which rates price it.
      throw new FhirMappingException(
          "Claim.type.coding[" + bare + "]",
          "the claim's type is the code professional without a system: only a professional claim ("
              + CLAIM_TYPE
              + "|professional) is priced, so give the coding that system");
    }
    String what =
        found.isEmpty()
            ? "the claim's type has no code"
                + (type.hasText()
                    ? ", only the text " + CodeFormatException.quote(type.getText())
                    : "")
            : "the claim's type is " + String.join(", ", found);
    throw new FhirMappingException(
        "Claim.type",
        what
            + ": only a professional claim ("
            + CLAIM_TYPE
            + "|professional) is priced, at Physician Fee Schedule and Part B rates, which are not"
            + " what an institutional, oral, pharmacy or vision claim is paid");
  }

  /**
   * The claim's {@code use}, as R4 has the response mirror it: a pre-authorization is answered as
   * one, not as an adjudicated claim. {@code claim} when absent ({@code Claim.use} is required, so
   * only a claim built by hand lacks it).
   */
  private static ClaimResponse.Use use(org.hl7.fhir.r4.model.Claim claim) {
    // A use with extensions alone (a data-absent reason) has no value: as if absent.
    if (!claim.hasUse()
        || claim.getUse() == null
        || claim.getUse() == org.hl7.fhir.r4.model.Claim.Use.NULL) {
      return ClaimResponse.Use.CLAIM;
    }
    return ClaimResponse.Use.valueOf(claim.getUse().name());
  }

  /**
   * The reference to the claim: {@code Claim/id} for a claim with a plain id; an absolute id (read
   * from another server) without its version, so that it still names that server; a {@code urn:} id
   * (a Bundle entry's {@code fullUrl}, which HAPI makes the id) as it stands, {@code Claim/urn:}
   * being no reference at all; for a claim without an id, its first identifier; else none.
   */
  private static Reference request(org.hl7.fhir.r4.model.Claim claim) {
    // hasIdElement first: HAPI's getter alone sets an empty id on the caller's claim.
    IdType id = claim.hasIdElement() ? claim.getIdElement() : new IdType();
    if (id.hasIdPart()) {
      String value = id.getValue();
      if (value.startsWith("urn:")) {
        return new Reference(value);
      }
      if (id.hasBaseUrl()) {
        return new Reference(id.toVersionless().getValue());
      }
      return new Reference("Claim/" + id.getIdPart());
    }
    // HAPI's hasIdentifier() and copy() fail inside on a null.
    FhirClaims.withoutNulls(claim.getIdentifier(), "Claim.identifier");
    if (claim.hasIdentifier()) {
      requireNoNulls(claim.getIdentifierFirstRep(), "Claim.identifier[0]");
      return new Reference().setType("Claim").setIdentifier(claim.getIdentifierFirstRep().copy());
    }
    return null;
  }

  /**
   * A copy of {@code source} for the response. A local reference ({@code #pat}) names a resource
   * contained in the claim: the response contains a copy of it, and of the contained resources that
   * one refers to in turn, since a local reference that resolves to nothing makes the response
   * invalid (HAPI's strict parser refuses it).
   *
   * @throws FhirMappingException if the claim contains no resource of that id
   */
  private static Reference reference(
      Reference source, org.hl7.fhir.r4.model.Claim claim, ClaimResponse response, String path) {
    requireNoNulls(source, path);
    Reference copy = source.copy();
    // The parser links a reference to the resource it names (a contained one, a Bundle's entry),
    // and a copy keeps the link: the response must not hold the caller's resources. A local
    // reference resolves to the response's own copy, in its contained list.
    copy.setResource(null);
    String target = source.getReference();
    if (target != null && target.length() > 1 && target.startsWith("#")) {
      contain(target.substring(1), claim, response, path);
    }
    return copy;
  }

  /**
   * Copies the claim's contained resource {@code id}, and those it refers to, into the response.
   */
  private static void contain(
      String id, org.hl7.fhir.r4.model.Claim claim, ClaimResponse response, String path) {
    for (Resource already : response.getContained()) {
      if (id.equals(localId(already))) {
        return;
      }
    }
    int c = References.indexOf(claim, "Claim", id);
    if (c < 0) {
      throw new FhirMappingException(
          path, "the local reference '#" + id + "' names no resource the claim contains");
    }
    String at = "Claim.contained[" + c + "]";
    Resource original = claim.getContained().get(c);
    Resource copy;
    try {
      copy = original.copy();
    } catch (NullPointerException e) {
      // HAPI's copy() fails inside on a null in any of its lists: only then is the claim's own
      // walked, to name the null's path. A copy made walks once, for nulls and references alike.
      requireNoNulls(original, at);
      throw e;
    }
    response.addContained(copy);
    List<Reference> inner = new ArrayList<>();
    referencesIn(copy, at, inner);
    for (Reference next : inner) {
      // The copy's references name, they do not hold: not the caller's resources the parser linked.
      next.setResource(null);
      String target = next.getReference();
      if (target != null && target.length() > 1 && target.startsWith("#")) {
        contain(target.substring(1), claim, response, path);
      }
    }
  }

  /** A contained resource's id without the {@code #} some HAPI versions keep on it. */
  static String localId(Resource resource) {
    // hasIdElement first: HAPI's getter alone sets an empty id on the caller's resource.
    String id = resource.hasIdElement() ? resource.getIdElement().getValue() : null;
    return id != null && id.startsWith("#") ? id.substring(1) : id;
  }

  /**
   * Adds every reference in {@code element}, at {@code path}, at any depth, to {@code out}.
   *
   * @throws FhirMappingException at a null in any list of it, at any depth
   */
  static void referencesIn(Base element, String path, List<Reference> out) {
    String below = referencesBelow(element, out);
    if (below != null) {
      throw FhirClaims.nullElement(path + below);
    }
  }

  /**
   * Adds every reference in {@code element}, at any depth, to {@code out}, and returns the path of
   * the first null in a list of it relative to it ({@code .name[0].coding[1]}), or null when it
   * holds none. The walk visits every element of a resource, so paths are made on the way back from
   * a null alone, not for each element visited. A list is checked whole before its elements are
   * walked, as {@link FhirClaims#withoutNulls} checks one: the null named is the one named when
   * each path was built on the way down.
   */
  private static String referencesBelow(Base element, List<Reference> out) {
    for (Property property : element.children()) {
      List<Base> values = property.getValues();
      int n = values.size();
      for (int k = 0; k < n; k++) {
        if (values.get(k) == null) {
          return "." + property.getName() + "[" + k + "]";
        }
      }
      for (int k = 0; k < n; k++) {
        Base value = values.get(k);
        if (value instanceof Reference found) {
          out.add(found);
        }
        String below = referencesBelow(value, out);
        if (below != null) {
          return "." + childName(property, value, k) + below;
        }
      }
    }
    return null;
  }

  /**
   * The name of a child in a FHIR path: with its index in a list ({@code coding[1]}), and a choice
   * with its type ({@code valueString}, not {@code value[x]}).
   */
  private static String childName(Property property, Base value, int index) {
    String name = property.getName();
    if (property.getMaxCardinality() > 1) {
      return name + "[" + index + "]";
    }
    if (name.endsWith("[x]")) {
      String type = value.fhirType();
      return name.substring(0, name.length() - 3)
          + Character.toUpperCase(type.charAt(0))
          + type.substring(1);
    }
    return name;
  }

  /**
   * Refuses a null in any list of {@code element}, at any depth, at its path: HAPI's {@code copy()}
   * fails inside on one, and an element built in code can hold one.
   */
  private static void requireNoNulls(Base element, String path) {
    referencesIn(element, path, new ArrayList<>());
  }

  /**
   * The text of a warning's note: its message, or, for a blank one (a payer's edit may flag a line
   * without words), its kind and rule, {@code EDIT_FLAG (payer-edit)}. R4 requires a note's {@code
   * text} (1..1), and HAPI writes an empty string as no text at all.
   */
  private static String noteText(ClaimWarning warning) {
    return warning.message().isBlank()
        ? warning.kind() + " (" + warning.rule() + ")"
        : warning.message();
  }

  /**
   * Numbers {@code item} with the note of {@code key}, adding the note to {@code response} at its
   * first use: each distinct note once, by its number, in order of first appearance.
   */
  private static void note(
      ClaimResponse response, ItemComponent item, Map<NoteKey, Integer> notes, NoteKey key) {
    Integer number = notes.get(key);
    if (number == null) {
      number = notes.size() + 1;
      notes.put(key, number);
      ClaimResponse.NoteComponent note =
          response
              .addProcessNote()
              .setNumber(number)
              .setType(Enumerations.NoteType.DISPLAY)
              .setText(key.text());
      // The kind as a code, so that a machine tells the notes apart without reading English.
      note.addExtension(WARNING_KIND_EXTENSION, new Coding(WARNING_KIND, key.kind(), null));
    }
    // A number once per item, even when the line raised the same warning twice.
    if (!item.hasNoteNumber(number)) {
      item.addNoteNumber(number);
    }
  }

  /**
   * What makes two warnings one note: their kind (a {@link ClaimWarning.Kind} name, or {@value
   * #SETTING_NOT_AVAILABLE}) and the note's text.
   */
  private record NoteKey(String kind, String text) {}

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
