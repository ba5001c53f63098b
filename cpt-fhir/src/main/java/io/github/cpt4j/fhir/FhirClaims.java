package io.github.cpt4j.fhir;

import static java.util.Objects.requireNonNull;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Reads the items of a professional FHIR R4 {@code Claim} as cpt4j {@link Claim} lines:
 *
 * <ul>
 *   <li>the code from {@code item.productOrService}, its CPT or HCPCS Level II codings, which must
 *       agree ({@link FhirCodings#fromConcept});
 *   <li>the modifiers from {@code item.modifier}, in order, each the code of its concept's CPT or
 *       HCPCS coding, else of its coding without a system (CPT and HCPCS modifiers share one
 *       two-character space); a concept coded only in other systems is refused, and so is one whose
 *       codings read (its CPT and HCPCS ones, else those without a system) name two modifiers;
 *   <li>the units from {@code item.quantity.value}, a whole number from 1 (1 when absent), when the
 *       quantity has no unit or UCUM's unity ({@code 1}, or an annotation such as {@code {unit}});
 *       for an anesthesia code (00100-01999), a quantity in minutes (UCUM {@code min}) is the
 *       line's anesthesia time, one unit of that many minutes. Without one, an anesthesia item's
 *       {@code servicedPeriod} whose start and end are both times of day gives the time: the whole
 *       minutes between them (10:00:00 to 11:35:40 is 95), the line dated by its start's day even
 *       past midnight, as one continuous service (Pub. 100-04 ch. 12 section 50.G); a quantity of
 *       other minutes than such a period's is refused at its value, naming both. A quantity in any
 *       other unit is refused at its code, and one whose {@code unit} text says another unit than
 *       its code (the code {@code 1} with the text "min" or "mg", the code {@code min} with
 *       "hours") at its unit;
 *   <li>the billed charge from {@code item.net}, else {@code item.unitPrice} times the units times
 *       {@code item.factor} (R4's {@code net = quantity * unitPrice * factor}, the factor 1 when
 *       absent) rounded half-up to cents (7 x 0.125 is 0.88), in US dollars (none when neither is
 *       given; either in another currency is refused at its currency, with or without a value); an
 *       item with both a {@code net} and a {@code unitPrice} whose product, rounded so, is not the
 *       {@code net} is refused. The claim's {@code total}, R4's "total value of the all the items",
 *       is refused at its currency when not in US dollars, and at {@code Claim.total} when every
 *       item has a charge and it is not their sum;
 *   <li>the line's own date of service from {@code item.servicedDate} (a full date) or a {@code
 *       servicedPeriod} of one day (or an anesthesia item's timed one, above), when given: a claim
 *       of several dates is priced one date at a time. The day is the start's as written, and an
 *       end in another offset is read on the start's clock (23:00-05:00 to 04:35Z is one day). A
 *       {@code servicedPeriod} without an {@code end} is ongoing in R4, and refused at its end. In
 *       {@link #toClaim}, an item without one takes the day of the claim's {@code billablePeriod}
 *       when that period is one day, and is refused at its path ({@code Claim.item[2]}) when the
 *       period is longer or has no end. An item's own date outside the claim's {@code
 *       billablePeriod} is refused at its {@code servicedDate} or {@code servicedPeriod} (R4: line
 *       item dates of service should fall within the billing period). Either period ending before
 *       it starts (R4's invariant per-1) is refused at its {@code end};
 *   <li>in {@link #toClaim}, the line's rendering provider ({@link BilledLine#renderingProvider}):
 *       the NPI of the {@code Claim.careTeam} entries the item's {@code careTeamSequence} names,
 *       given as the entry's {@code provider.identifier} or as an identifier of the contained
 *       {@code Practitioner}, {@code PractitionerRole} (else its {@code practitioner}'s) or {@code
 *       Organization} a local reference ({@code #dr}) names, in the system {@value
 *       FhirCodeSystems#NPI}. Of entries of several NPIs, the one whose {@code role} is {@code
 *       primary} (R4's {@code claimcareteamrole}) or {@code rendering} or {@code performing} (any
 *       system) is the provider; without exactly one such NPI the item is refused at its {@code
 *       careTeamSequence}, as the same-day rules judge each provider's lines apart. Entries without
 *       an NPI name no provider, but an entry in such a role without one (a {@code Practitioner/7}
 *       not resolved) leaves the line without an NPI: another entry's, an assistant's, is not his.
 *       An item without {@code careTeamSequence} is the claim's own provider's: it has the NPI of
 *       the entries in the role {@code primary}, {@code rendering} or {@code performing} (else of
 *       the care team's only entry, when that has no role) when each of them has that one NPI, so
 *       that it is ranked with the items naming them; otherwise it has none (an entry whose NPI
 *       cannot be read is refused only at an item naming it). A sequence that names no entry, and
 *       an NPI that is not one (its check digit too), are refused at their paths;
 *   <li>the line's number from {@code item.sequence}, by which messages and explanations name it
 *       ({@link Claim#withLineNumbers}); an item without a sequence is numbered by its position,
 *       counted from 1. Sequences identify items, in the claim and in the response's {@code
 *       itemSequence}: two items of one number are refused, and so is an item without a sequence
 *       whose position number another item has as its sequence.
 * </ul>
 *
 * <p>The lines are in the order of their items' numbers, which is item order unless the claim lists
 * its items out of sequence order (R4 asks sequences to be unique, not increasing): items listed
 * with sequences 3, 1, 2 become lines numbered 1, 2, 3, in that order, the first line being the
 * second item. A {@link Claim}'s line numbers increase, so a claim cannot keep both the item order
 * and the sequences; with the sequences, "line 3" in a finding or an explanation is the item of
 * sequence 3, as in the {@code ClaimResponse} of {@link FhirClaimPricer}, which prices exactly
 * these lines. Match a line to its item by {@link Claim#lineNumber}, not by position.
 *
 * <p>All or nothing: the first item that cannot be read fails the whole claim with a {@link
 * FhirMappingException} naming its FHIR path. A claim without items, and an item with {@code
 * detail}s, are refused: cpt4j prices items, and a claim of none has nothing to price. An element
 * read here that carries extensions but no value (FHIR's data-absent reason: {@code "_value":
 * {"extension": [...]}}) is refused at its path: what the value would have been is not for cpt4j to
 * guess. A modifier extension on the claim or an item ({@code modifierExtension}) is refused at its
 * path: R4 requires a reader to check for them, as one changes what its element means, and cpt4j
 * knows none. A null in a list read here, which HAPI's parser never leaves but a claim built in
 * code can ({@code claim.getItem().add(null)}), is refused at its path ({@code
 * Claim.item[0].modifier[0]}).
 *
 * <p>The claim's {@code status} and {@code type} are not read here: the items read the same
 * whatever they say. {@link FhirClaimPricer} prices only an active, professional claim.
 *
 * <p>References to resources outside the claim ({@code Practitioner/7}, a Bundle entry's {@code
 * urn:uuid:}) say nothing here, as cpt4j cannot see those resources; the overloads that take a
 * {@link FhirResolver} read what it finds for them as they read contained resources, with paths
 * through FHIRPath's {@code resolve()} ({@code
 * Claim.careTeam[0].provider.resolve().identifier[0].value}).
 *
 * <p>The place of service is not a line's but the claim's, since a claim is priced in one setting:
 * {@link #placeOfService} reads it from the items' {@code locationCodeableConcept}, and {@link
 * FhirClaimPricer} prices the claim there.
 *
 * <pre>{@code
 * Claim claim = FhirClaims.toClaim(fhirClaim);   // one billed line per item, in sequence order
 * Optional<PlaceOfService> place = FhirClaims.placeOfService(fhirClaim);   // 11, office, if given
 * }</pre>
 */
public final class FhirClaims {

  private FhirClaims() {}

  /** Digits before the point of a product that may equal a charge: less than a trillion. */
  private static final int MAX_PRODUCT_DIGITS = 12;

  /** Decimal places of a product worth rounding to compare with a charge. */
  private static final int MAX_PRODUCT_SCALE = 100;

  /**
   * Returns the claim's items as billed lines, in the order of their numbers: each line numbered by
   * its item's {@code sequence}, or by its item's position counted from 1 when it has none (see the
   * class comment).
   *
   * @param claim the FHIR R4 claim
   * @return the claim's lines, each with its line number
   * @throws FhirMappingException naming the first item element that cannot be read, at {@code
   *     Claim.item} if the claim has no items, or at {@code Claim.total} (its {@code currency}) if
   *     the claim's total is not in US dollars or not the sum of its items' charges
   */
  public static Claim toClaim(org.hl7.fhir.r4.model.Claim claim) {
    return toClaim(claim, FhirResolver.none());
  }

  /**
   * Returns the claim's items as billed lines, as {@link #toClaim(org.hl7.fhir.r4.model.Claim)}
   * does, following the care team's references outside the claim through {@code resolver}: an
   * entry's {@code provider} of {@code Practitioner/7} has the NPI of the practitioner the resolver
   * finds.
   *
   * @param claim the FHIR R4 claim
   * @param resolver finds the resources that references outside the claim name
   * @return the claim's lines, each with its line number
   * @throws FhirMappingException as {@link #toClaim(org.hl7.fhir.r4.model.Claim)} does, and at a
   *     reference the resolver finds a resource of another type for
   */
  public static Claim toClaim(org.hl7.fhir.r4.model.Claim claim, FhirResolver resolver) {
    return toClaim(claim, References.of(claim, resolver));
  }

  /** {@link #toClaim(org.hl7.fhir.r4.model.Claim, FhirResolver)}, with the claim's references. */
  static Claim toClaim(org.hl7.fhir.r4.model.Claim claim, References references) {
    List<org.hl7.fhir.r4.model.Claim.ItemComponent> items =
        withoutNulls(claim.getItem(), "Claim.item");
    int n = items.size();
    if (n == 0) {
      // R4 allows a claim without items (0..*), but one to price has nothing to price, and
      // answering it "complete" with a total of 0.00 reads as a claim paid nothing.
      throw new FhirMappingException("Claim.item", "the claim has no items: nothing to price");
    }
    refuseModifierExtension(claim.getModifierExtension(), "Claim");
    // Read once, and only when an item has no date of its own.
    LocalDate[] billable = null;
    // Read once, and only when an item needs its care team.
    CareTeam team = null;
    // The claim's own provider's NPI, for the items that name no entry: read once, when needed.
    Optional<Npi> ownNpi = null;
    List<BilledLine> lines = new ArrayList<>(n);
    int[] sequences = new int[n];
    // Each item's number in the response (its sequence, or its position), and which item has it.
    int[] numbers = new int[n];
    Map<Integer, Integer> itemOf = new HashMap<>();
    for (int i = 0; i < n; i++) {
      var item = items.get(i);
      String path = "Claim.item[" + i + "]";
      BilledLine line = toBilledLine(item, path);
      if (line.dateOfService().isEmpty() && claim.hasBillablePeriod()) {
        if (billable == null) {
          billable = days(claim.getBillablePeriod(), "Claim.billablePeriod");
        }
        line = line.withDateOfService(billableDay(billable, path));
      } else if (claim.hasBillablePeriod()) {
        checkInPeriod(
            line.dateOfService().orElseThrow(),
            claim.getBillablePeriod(),
            path + (item.hasServicedDateType() ? ".servicedDate" : ".servicedPeriod"));
      }
      if (team == null) {
        team = new CareTeam(claim, references);
      }
      Optional<Npi> provider;
      if (!item.getCareTeamSequence().isEmpty()) {
        provider = team.renderingProvider(item, path);
      } else {
        // The claim's own provider's: without its NPI, the line would be ranked apart from the
        // items that name his entry, as another provider's (a second procedure paid in full).
        if (ownNpi == null) {
          ownNpi = team.ownNpi();
        }
        provider = ownNpi;
      }
      if (provider.isPresent()) {
        line = line.withRenderingProvider(provider.get());
      }
      lines.add(line);
      sequences[i] = sequence(item, path + ".sequence");
      int number = sequences[i] >= 1 ? sequences[i] : i + 1;
      numbers[i] = number;
      Integer other = itemOf.putIfAbsent(number, i);
      if (other != null) {
        throw new FhirMappingException(
            path + ".sequence",
            (sequences[i] >= 1
                    ? "sequence " + number
                    : "the item has no sequence, and its position number " + number)
                + " is also Claim.item["
                + other
                + "]'s "
                + (sequences[other] >= 1 ? "sequence" : "position number, as it has no sequence")
                + ": sequences identify items, in the claim and in the response");
      }
    }
    checkTotal(claim, lines);
    return inNumberOrder(lines, numbers);
  }

  /**
   * Refuses a claim whose {@code total} contradicts its items. R4 defines it as "the total value of
   * the all the items in the claim": one in another currency than US dollars says that the items'
   * amounts, read as dollars when they name no currency, are not; and one that is not the sum of
   * the items' charges means that one of them is wrong, as an item's {@code net} that is not its
   * quantity times its unit price does. Not compared when an item has no charge, as there is no
   * sum; a total without a value says nothing.
   */
  private static void checkTotal(org.hl7.fhir.r4.model.Claim claim, List<BilledLine> lines) {
    if (!claim.hasTotal()) {
      return;
    }
    BigDecimal total = dollars(claim.getTotal(), "Claim.total");
    if (total == null) {
      return;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (BilledLine line : lines) {
      Optional<BigDecimal> charge = line.charge();
      if (charge.isEmpty()) {
        return;
      }
      sum = sum.add(charge.get());
    }
    if (total.compareTo(sum) != 0) {
      throw new FhirMappingException(
          "Claim.total",
          "the claim's total "
              // Quoted: a total of a million digits is no message of a million characters.
              + CodeFormatException.quote(total.toString())
              + " is not the sum of the items' charges, "
              + sum.toPlainString()
              + ": R4's total is the total value of all the items, so one of them is wrong");
    }
  }

  /**
   * The lines sorted by their items' numbers, which {@link #toClaim} made unique, and numbered by
   * them. A claim's line numbers increase ({@link Claim#withLineNumbers}), so lines out of sequence
   * order cannot keep both their item order and their sequences; the sequences win, as they are
   * what the claim's reader, and the {@code ClaimResponse}, name the items by.
   */
  private static Claim inNumberOrder(List<BilledLine> lines, int[] numbers) {
    int n = lines.size();
    int[] order =
        IntStream.range(0, n)
            .boxed()
            .sorted(Comparator.comparingInt(i -> numbers[i]))
            .mapToInt(Integer::intValue)
            .toArray();
    List<BilledLine> sorted = new ArrayList<>(n);
    int[] sortedNumbers = new int[n];
    for (int k = 0; k < n; k++) {
      sorted.add(lines.get(order[k]));
      sortedNumbers[k] = numbers[order[k]];
    }
    return Claim.of(sorted).withLineNumbers(sortedNumbers);
  }

  /**
   * The date of service of an item without its own: the day of the claim's {@code billablePeriod}
   * (R4: the period for which charges are being submitted) when it is one day. An undated item of a
   * longer period, or of one without an end (R4: ongoing), is refused: which day of it the service
   * was is not for cpt4j to guess, and the caller's date could lie outside the period and price the
   * claim at another year's rates.
   */
  private static LocalDate billableDay(LocalDate[] period, String path) {
    if (period[1] == null) {
      throw new FhirMappingException(
          path,
          "the item has no date of service (servicedDate), and the claim's billablePeriod starts on "
              + period[0]
              + " without an end, which in FHIR means it is ongoing: give the item its date, or"
              + " the period its end");
    }
    if (period[1].equals(period[0])) {
      return period[0];
    }
    throw new FhirMappingException(
        path,
        "the item has no date of service (servicedDate), and the claim's billablePeriod runs from "
            + period[0]
            + " to "
            + period[1]
            + ": give the item its date");
  }

  /**
   * Refuses an item's own date of service outside the claim's {@code billablePeriod}. R4 defines
   * the period as the one "for which charges are being submitted" and says line item dates of
   * service should fall within it when one is given: a date outside it means that one of the two is
   * wrong, and pricing the item on its own date would pay it at rates of a date the claim does not
   * bill. A period without an end is ongoing, one without a start open before its end (R4's {@code
   * Period}); a bound given as a year or a month ({@code 2025-06}) holds every day of it, and a
   * dateTime is its day as written.
   */
  private static void checkInPeriod(LocalDate date, Period period, String path) {
    String start = bound(startOf(period), "Claim.billablePeriod.start");
    String end = bound(endOf(period), "Claim.billablePeriod.end");
    // A reversed period holds no date: refused as such, not as one whose date is outside it.
    refuseReversed(period, "Claim.billablePeriod");
    if ((start == null || !before(date, start)) && (end == null || !after(date, end))) {
      return;
    }
    throw new FhirMappingException(
        path,
        "the item's date of service, "
            + date
            + ", is outside the claim's billablePeriod, which runs "
            + (start == null
                ? "up to " + end + ", without a start"
                : end == null
                    ? "from " + start + ", without an end"
                    : "from " + start + " to " + end)
            + ": one of the two dates is wrong");
  }

  /**
   * The start of {@code period}, or null when it has none. Not {@code getStartElement()} alone,
   * which sets an empty start on the caller's claim: pricing never writes to what it reads, so that
   * one claim may be priced, read or written out on several threads at once.
   */
  static DateTimeType startOf(Period period) {
    return period.hasStartElement() ? period.getStartElement() : null;
  }

  /** The end of {@code period}, or null when it has none; see {@link #startOf}. */
  static DateTimeType endOf(Period period) {
    return period.hasEndElement() ? period.getEndElement() : null;
  }

  /**
   * A bound of a period as compared: a year, a year and month, or a day (of a dateTime, as
   * written); null when the period has none, or only extensions (such as a data-absent reason),
   * which bound nothing.
   */
  static String bound(PrimitiveType<?> element, String path) {
    if (element == null) {
      return null;
    }
    refuseTextWithoutValue(element, path);
    String value = element.getValueAsString();
    if (value == null) {
      return null;
    }
    if (value.length() >= 10) {
      return dayOf(value, path).toString();
    }
    return value;
  }

  /** Whether {@code date} is before every day of {@code bound}, a year, month or day. */
  static boolean before(LocalDate date, String bound) {
    return date.toString().substring(0, bound.length()).compareTo(bound) < 0;
  }

  /** Whether {@code date} is after every day of {@code bound}, a year, month or day. */
  static boolean after(LocalDate date, String bound) {
    return date.toString().substring(0, bound.length()).compareTo(bound) > 0;
  }

  /**
   * Refuses a modifier extension: R4 requires an application processing a resource to check for
   * them, as one changes the meaning of the element that holds it (a "not billed" or "void" flag),
   * and cpt4j knows none, so pricing around it would price what the claim does not mean.
   */
  private static void refuseModifierExtension(
      List<org.hl7.fhir.r4.model.Extension> extensions, String path) {
    withoutNulls(extensions, path, "modifierExtension");
    if (!extensions.isEmpty()) {
      // One without a url (built in code) was quoted as one whose url is 'null', and one of an
      // empty url as '': neither names an extension.
      String url = extensions.get(0).getUrl();
      throw new FhirMappingException(
          path + ".modifierExtension[0]",
          "cpt4j does not know the modifier extension "
              + (url == null || url.isEmpty() ? "without a url" : CodeFormatException.quote(url))
              + ", which changes what "
              + path
              + " means: it cannot be priced as if it were absent");
    }
  }

  /** The item's sequence, or 0 when it has none. */
  private static int sequence(org.hl7.fhir.r4.model.Claim.ItemComponent item, String path) {
    if (!item.hasSequenceElement()) {
      return 0;
    }
    requireValue(item.getSequenceElement(), path);
    int sequence = item.getSequence();
    if (sequence < 1) {
      throw new FhirMappingException(path, "a sequence is a positive integer, not " + sequence);
    }
    return sequence;
  }

  /**
   * Returns {@code list}, a HAPI list of the elements at {@code path}, after refusing a null in it.
   * HAPI's parser never puts one there, but a resource built in code can ({@code
   * item.getModifier().add(null)}), and reading it failed deep inside with a {@code
   * NullPointerException}, HAPI's own {@code hasDetail()} and {@code copy()} among the readers.
   *
   * @throws FhirMappingException at the first null's path, such as {@code
   *     Claim.item[2].modifier[0]}
   */
  static <T> List<T> withoutNulls(List<T> list, String path) {
    for (int k = 0; k < list.size(); k++) {
      if (list.get(k) == null) {
        throw nullElement(path + "[" + k + "]");
      }
    }
    return list;
  }

  /**
   * Returns {@code list}, the HAPI list {@code name} of the element at {@code path}, after refusing
   * a null in it, at {@code path.name[k]}, as {@link #withoutNulls(List, String)} does: the path is
   * built only for a null found, as most lists checked hold none.
   *
   * @throws FhirMappingException at the first null's path, such as {@code
   *     Claim.item[2].modifier[0]}
   */
  static <T> List<T> withoutNulls(List<T> list, String path, String name) {
    for (int k = 0; k < list.size(); k++) {
      if (list.get(k) == null) {
        throw nullElement(path + "." + name + "[" + k + "]");
      }
    }
    return list;
  }

  /** The refusal of a null in a HAPI list, at its path, such as {@code Claim.item[2]}. */
  static FhirMappingException nullElement(String path) {
    return new FhirMappingException(
        path,
        "the element is null: a list built in code holds a null where FHIR has an element,"
            + " and there is nothing to read");
  }

  /**
   * Refuses an element that carries extensions but no value, such as FHIR's data-absent reason
   * ({@code "_value": {"extension": [...]}}), where its value is needed: HAPI says such an element
   * is present ({@code hasX()}) and then gives null for its value.
   *
   * @throws FhirMappingException at {@code path}
   */
  static void requireValue(PrimitiveType<?> element, String path) {
    if (element != null && !element.isEmpty() && element.getValue() == null) {
      refuseTextWithoutValue(element, path);
      throw new FhirMappingException(
          path,
          "the element has extensions but no value (such as a data-absent reason); a value is"
              + " needed to price the item");
    }
  }

  /**
   * Refuses an element whose text HAPI could not read as a value of its type, such as a date with a
   * sign or a five-digit year ({@code +2025-06-02}) or a day that does not exist ({@code
   * 2025-02-30}). HAPI's parser refuses these by default, but one told not to ({@code
   * setErrorOnInvalidValue(false)}) keeps the text without a value: read as absent, the element
   * would be priced around, and read as a data-absent reason, misnamed.
   *
   * @throws FhirMappingException at {@code path}, quoting the text
   */
  private static void refuseTextWithoutValue(PrimitiveType<?> element, String path) {
    String text = element.getValueAsString();
    if (element.getValue() != null || text == null || text.isEmpty()) {
      return;
    }
    throw new FhirMappingException(
        path,
        CodeFormatException.quote(text)
            + " is not a valid FHIR "
            + element.fhirType()
            + (element instanceof BaseDateTimeType
                ? " (a date is written 2025-06-02: a four-digit year, no sign, a day that exists)"
                : ""));
  }

  /**
   * Returns the practitioner type of each provider the claim's care team qualifies, by NPI: an
   * entry with an NPI ({@code provider}, read as {@link #toClaim} reads it) and a {@code
   * qualification} coded in the NUCC Health Care Provider Taxonomy ({@link
   * FhirCodeSystems#PROVIDER_TAXONOMY}), as US Core and CARIN Blue Button code it, whose code
   * {@link PractitionerType#fromTaxonomy} gives a type: {@code 363L00000X}, a nurse practitioner,
   * whom Medicare pays 85% of the fee schedule. An entry without a {@code qualification} is
   * qualified by the contained resource its provider reference names ({@code #role}): a {@code
   * PractitionerRole}'s {@code specialty} (where US Core codes the taxonomy), else its contained
   * {@code practitioner}'s, or a {@code Practitioner}'s {@code qualification.code}s (where Da Vinci
   * Plan-Net does), in the same code system; two types there say nothing, as a provider directory
   * may list the qualifications of several years. {@link FhirClaimPricer} prices each provider's
   * lines as furnished by that type, unless the caller's context names the NPI's type itself.
   *
   * <p>A qualification coded in other systems, or in a taxonomy code of a provider Medicare pays no
   * share of the schedule to (a registered nurse), says nothing, and so does a taxonomy coding
   * without a code (a display alone); neither does one on an entry without an NPI, whose items have
   * no rendering provider of their own, nor on an entry whose NPI cannot be read (a wrong check
   * digit) and that no item names: the care team is optional detail to items that do not name it.
   * An NPI qualified as two types, in two entries or in two codings of one, is refused: which of
   * them furnished its lines is not for cpt4j to guess.
   *
   * <pre>{@code
   * FhirClaims.practitioners(fhirClaim);   // {1234567893=NURSE_PRACTITIONER}
   * }</pre>
   *
   * @param claim the FHIR R4 claim
   * @return the type of each qualified provider, by NPI; empty when no entry is qualified
   * @throws FhirMappingException at a taxonomy coding whose code is not shaped as one ({@code
   *     Claim.careTeam[1].qualification.coding[0].code}, or in a contained resource, {@code
   *     Claim.contained[0].specialty[0].coding[0].code}), at an NPI that is not one of an entry an
   *     item's {@code careTeamSequence} names, or at the second type given one NPI
   */
  public static SortedMap<Npi, PractitionerType> practitioners(org.hl7.fhir.r4.model.Claim claim) {
    return practitioners(claim, FhirResolver.none());
  }

  /**
   * Returns the practitioner type of each provider the claim's care team qualifies, by NPI, as
   * {@link #practitioners(org.hl7.fhir.r4.model.Claim)} does, reading the resources {@code
   * resolver} finds for references outside the claim as it reads contained ones: a {@code
   * Practitioner/7} whose {@code qualification.code} is {@code 363L00000X} is a nurse
   * practitioner's.
   *
   * @param claim the FHIR R4 claim
   * @param resolver finds the resources that references outside the claim name
   * @return the type of each qualified provider, by NPI; empty when no entry is qualified
   * @throws FhirMappingException as {@link #practitioners(org.hl7.fhir.r4.model.Claim)} does, at
   *     {@code Claim.careTeam[0].provider.resolve().qualification[0].code} for a resolved one, and
   *     at a reference the resolver finds a resource of another type for
   */
  public static SortedMap<Npi, PractitionerType> practitioners(
      org.hl7.fhir.r4.model.Claim claim, FhirResolver resolver) {
    return new CareTeam(claim, References.of(claim, resolver)).practitioners();
  }

  /**
   * Returns the practitioner type of the claim's own provider, whom its items without {@code
   * careTeamSequence} and its lines that name no NPI (items naming entries without one) are of
   * ({@link #toClaim}): the type the NUCC taxonomy {@code qualification} (else, as {@link
   * #practitioners} reads it, that of the contained resource the entry names) of its care team
   * entries in the role {@code primary} (R4's care team roles), {@code rendering} or {@code
   * performing} gives, else of the care team's only entry when that entry has no role. A claim of
   * one provider often names him in its care team without an item naming the entry: a nurse
   * practitioner's own claim, {@code 363L00000X}, is paid 85% whether or not its items say {@code
   * careTeamSequence}. Empty when no such entry has a type, when they have two (the claim's own
   * provider is then not for cpt4j to guess: the caller's context says it), and when the only entry
   * is in another role (an assistant is not the claim's own provider). An entry whose NPI cannot be
   * read (a wrong check digit) and that no item names still gives its type: the lines it is the
   * provider of name no NPI.
   *
   * @param claim the FHIR R4 claim
   * @return the claim's own provider's type, or empty as described above
   * @throws FhirMappingException at a taxonomy coding whose code is not shaped as one (in an
   *     entry's qualification or a contained resource's), at the second of two codes of one entry's
   *     qualification that give it two types, or at an NPI that is not one of a qualified entry an
   *     item's {@code careTeamSequence} names
   */
  public static Optional<PractitionerType> practitioner(org.hl7.fhir.r4.model.Claim claim) {
    return practitioner(claim, FhirResolver.none());
  }

  /**
   * Returns the practitioner type of the claim's own provider, as {@link
   * #practitioner(org.hl7.fhir.r4.model.Claim)} does, reading the resources {@code resolver} finds
   * for references outside the claim as it reads contained ones.
   *
   * @param claim the FHIR R4 claim
   * @param resolver finds the resources that references outside the claim name
   * @return the claim's own provider's type, or empty as described above
   * @throws FhirMappingException as {@link #practitioner(org.hl7.fhir.r4.model.Claim)} does, and at
   *     a reference the resolver finds a resource of another type for
   */
  public static Optional<PractitionerType> practitioner(
      org.hl7.fhir.r4.model.Claim claim, FhirResolver resolver) {
    return new CareTeam(claim, References.of(claim, resolver)).ownProvider().map(OwnProvider::type);
  }

  /**
   * The claim's own provider, as {@link #practitioner} reads it, with the one NPI among its entries
   * when exactly one has an NPI (entries of the same type without one are taken for the same
   * provider): the caller's context may name that NPI's type itself.
   */
  record OwnProvider(PractitionerType type, Optional<Npi> npi) {}

  /**
   * What the care team says of who furnished the lines: each NPI's type ({@link #practitioners})
   * and the claim's own provider ({@link #practitioner}), from one reading of its entries.
   */
  record CareTeamTypes(SortedMap<Npi, PractitionerType> byNpi, Optional<OwnProvider> own) {}

  /** Both {@link #practitioners} and the claim's own provider, each entry's NPI read once. */
  static CareTeamTypes careTeamTypes(org.hl7.fhir.r4.model.Claim claim, References references) {
    CareTeam team = new CareTeam(claim, references);
    return new CareTeamTypes(team.practitioners(), team.ownProvider());
  }

  /**
   * Returns the place of service the claim's items carry: the code of each item's {@code
   * locationCodeableConcept} coding in CMS's place-of-service system ({@link
   * FhirCodeSystems#isPlaceOfService}, in any of its accepted forms), or empty when no item has
   * one. Other locations — a coding of another system, a {@code locationReference} or a {@code
   * locationAddress} — say nothing about the setting and are ignored.
   *
   * <p>An item without a place of service is taken to be where the others are, as an X12 837P line
   * without its own place of service is where the claim's is. Items at different places are
   * refused: the Medicare claim pricer prices one claim in one setting, and its same-day rules
   * (multiple procedures, bilateral surgery) apply across the claim, so pricing each line in its
   * own setting would apply them across places no payer would put on one claim.
   *
   * @param claim the FHIR R4 claim
   * @return the items' place of service, or empty when no item has one
   * @throws FhirMappingException at the code of a place-of-service coding ({@code
   *     Claim.item[2].locationCodeableConcept.coding[0].code}) that is not two digits of CMS's code
   *     set ({@code 01} to {@code 99}), or that differs from an earlier item's or an earlier coding
   *     of its own item's; or at a coding without a code
   */
  public static Optional<PlaceOfService> placeOfService(org.hl7.fhir.r4.model.Claim claim) {
    requireNonNull(claim, "claim");
    PlaceOfService found = null;
    String foundAt = null;
    int foundItem = -1;
    List<org.hl7.fhir.r4.model.Claim.ItemComponent> items =
        withoutNulls(claim.getItem(), "Claim.item");
    for (int i = 0; i < items.size(); i++) {
      var item = items.get(i);
      if (!item.hasLocationCodeableConcept()) {
        continue;
      }
      String path = "Claim.item[" + i + "].locationCodeableConcept";
      List<Coding> codings =
          withoutNulls(item.getLocationCodeableConcept().getCoding(), path, "coding");
      for (int c = 0; c < codings.size(); c++) {
        Coding coding = codings.get(c);
        if (!FhirCodeSystems.isPlaceOfService(coding.getSystem())) {
          continue;
        }
        String codePath = path + ".coding[" + c + "].code";
        PlaceOfService place = placeOfService(coding, path + ".coding[" + c + "]", codePath);
        if (found == null) {
          found = place;
          foundAt = codePath;
          foundItem = i;
        } else if (place != found && foundItem == i) {
          // The codings of a concept translate one another: splitting the claim cannot help an
          // item whose own location names two places.
          throw new FhirMappingException(
              codePath,
              "the item's location names two places of service, "
                  + found
                  + " at "
                  + foundAt
                  + " and "
                  + place
                  + ": the codings of a concept are one place in several systems, so give the"
                  + " item the one it was furnished at");
        } else if (place != found) {
          throw new FhirMappingException(
              codePath,
              "place of service "
                  + place
                  + " ("
                  + place.setting().words()
                  + ") differs from "
                  + found
                  + " ("
                  + found.setting().words()
                  + ") at "
                  + foundAt
                  + ": a claim is priced at one place of service, so price the items of each"
                  + " place as separate claims");
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Reads a coding of CMS's place-of-service system: its code is two digits, as CMS writes every
   * code of the set ({@code 01}, never {@code 1}), and names a place the core knows.
   */
  private static PlaceOfService placeOfService(Coding coding, String path, String codePath) {
    if (!coding.hasCode()) {
      throw new FhirMappingException(path, "the place-of-service coding has no code");
    }
    requireValue(coding.getCodeElement(), codePath);
    String code = coding.getCode();
    // Two ASCII digits, then the core's set; 00 is two digits but no place.
    boolean twoDigits =
        code.length() == 2
            && code.charAt(0) >= '0'
            && code.charAt(0) <= '9'
            && code.charAt(1) >= '0'
            && code.charAt(1) <= '9';
    if (twoDigits && !code.equals("00")) {
      return PlaceOfService.parse(code);
    }
    throw new FhirMappingException(
        codePath,
        "a place of service is a two-digit code of CMS's set, 01 to 99, not "
            + CodeFormatException.quote(code));
  }

  /**
   * Returns the five-digit ZIP code of where the claim's services were furnished, by which Medicare
   * finds their payment locality (Claims Processing Manual, Pub. 100-04, ch. 1 §10.1.1), or empty
   * when the claim does not say. An item's location is its {@code locationAddress}, or the address
   * of the contained {@code Location} its {@code locationReference} names. An item without one (an
   * item coded with a place of service, or with no location) is at the claim's {@code facility} (a
   * contained {@code Location}: the CMS-1500's item 32, the 837P's service facility); without a
   * facility, it is where the other items are. When no item says where and there is no facility, a
   * claim at the office (place of service 11) or of no place of service is at its billing {@code
   * provider}'s office (item 33): a contained {@code Organization} or {@code Practitioner}, by its
   * addresses that are neither {@code old}, {@code billing}, {@code postal} nor abroad, when they
   * share one ZIP code; a {@code PractitionerRole} says nothing. At any other place (the patient's
   * home, 12) the office is not where the service was. {@link
   * FhirClaimPricer#withZipLocalities(java.util.function.Function)} prices the claim in that ZIP
   * code's locality.
   *
   * <p>A postal code is five digits, or nine as ZIP+4 ({@code 14620-1234} or {@code 146201234}),
   * whose last four are dropped, of an address without a {@code country} or in the United States or
   * a territory ({@code US}, {@code USA}, {@code United States}, {@code PR}, {@code Guam}, ...): an
   * item's or a facility's address abroad ({@code CA}, or {@code DE} with a postal code of five
   * digits) is refused at its {@code country}, as a postal code abroad is no ZIP code. A location
   * that is named but whose ZIP code cannot be read (a reference to a resource outside the claim,
   * {@code Location/1}, which is not followed; an address without a {@code postalCode}) leaves the
   * claim's ZIP code unknown, and the answer empty: the facility does not stand for an item that
   * says it was elsewhere, nor the office for a facility. Items at different ZIP codes are refused,
   * as the CMS-1500 has one service location per claim: price them as separate claims. The {@code
   * facility} is read only when an item has no location of its own, and the {@code provider} only
   * when neither items nor facility say where.
   *
   * <pre>{@code
   * FhirClaims.serviceZip(fhirClaim);   // Optional[14620], from "14620-1234" of Claim.facility
   * }</pre>
   *
   * @param claim the FHIR R4 claim
   * @return the five-digit ZIP code, or empty when the claim does not say
   * @throws FhirMappingException at a {@code postalCode} that is not a US ZIP code ({@code
   *     Claim.contained[0].address.postalCode}) or differs from an earlier item's; at the {@code
   *     country} of an item's or a facility's address abroad ({@code
   *     Claim.item[0].locationAddress.country}); at a local reference read that names no contained
   *     resource, or one of another type; or where {@link #placeOfService} throws, when the office
   *     is looked for
   */
  public static Optional<String> serviceZip(org.hl7.fhir.r4.model.Claim claim) {
    return serviceZip(claim, FhirResolver.none());
  }

  /**
   * Returns the five-digit ZIP code of where the claim's services were furnished, as {@link
   * #serviceZip(org.hl7.fhir.r4.model.Claim)} does, reading the resources {@code resolver} finds
   * for references outside the claim ({@code Location/12} of an item or of the {@code facility},
   * the billing {@code provider}'s {@code Organization/3}) as it reads contained ones.
   *
   * @param claim the FHIR R4 claim
   * @param resolver finds the resources that references outside the claim name
   * @return the five-digit ZIP code, or empty when the claim does not say
   * @throws FhirMappingException as {@link #serviceZip(org.hl7.fhir.r4.model.Claim)} does, at
   *     {@code Claim.facility.resolve().address.postalCode} for a resolved one, and at a reference
   *     the resolver finds a resource of another type for
   */
  public static Optional<String> serviceZip(
      org.hl7.fhir.r4.model.Claim claim, FhirResolver resolver) {
    return ServiceZip.of(claim, References.of(claim, resolver)).map(ServiceZip.Found::zip);
  }

  /**
   * Returns the five-digit ZIP code where the claim's patient lives on {@code dateOfService}, which
   * prices DMEPOS items by the beneficiary's state of residence and its rural or non-rural amount
   * (42 CFR 414 subpart D; Claims Processing Manual, Pub. 100-04, ch. 20 §20.2), or empty when the
   * claim does not say. It is the {@code Patient} that {@code Claim.patient} names (a contained
   * one; see {@link #beneficiaryZip(org.hl7.fhir.r4.model.Claim, LocalDate, FhirResolver)} for
   * {@code Patient/7}), by its addresses that are where the patient lives on that date: of {@code
   * use} {@code home} or none (not {@code work}, {@code temp}, {@code old} or {@code billing}), not
   * of {@code type} {@code postal} (mail only, such as a post office box), of no {@code country} or
   * a US one ({@code US}, {@code USA}, a territory such as {@code PR}: an address abroad has no ZIP
   * code), and whose {@code period}, if any, holds the date. Addresses of two ZIP codes say
   * nothing. {@link FhirClaimPricer} prices the claim's DMEPOS lines with it, on the first date of
   * those lines, when the context has no beneficiary ZIP code of its own.
   *
   * <pre>{@code
   * FhirClaims.beneficiaryZip(fhirClaim, date);   // Optional[10001], from the contained #pat's home
   * }</pre>
   *
   * @param claim the FHIR R4 claim
   * @param dateOfService the date on which the patient's address is taken
   * @return the five-digit ZIP code, or empty when the claim does not say
   * @throws FhirMappingException at a {@code postalCode} of such an address that is not a US ZIP
   *     code ({@code Claim.contained[0].address[0].postalCode}) or a {@code period} bound that is
   *     no date; at a local reference that names no contained resource, or one that is not a {@code
   *     Patient}
   */
  public static Optional<String> beneficiaryZip(
      org.hl7.fhir.r4.model.Claim claim, LocalDate dateOfService) {
    return beneficiaryZip(claim, dateOfService, FhirResolver.none());
  }

  /**
   * Returns the ZIP code where the claim's patient lives on {@code dateOfService}, as {@link
   * #beneficiaryZip(org.hl7.fhir.r4.model.Claim, LocalDate)} does, reading the {@code Patient}
   * {@code resolver} finds for a reference outside the claim ({@code Patient/7}, a Bundle's entry).
   *
   * @param claim the FHIR R4 claim
   * @param dateOfService the date on which the patient's address is taken
   * @param resolver finds the resources that references outside the claim name
   * @return the five-digit ZIP code, or empty when the claim does not say
   * @throws FhirMappingException as {@link #beneficiaryZip(org.hl7.fhir.r4.model.Claim, LocalDate)}
   *     does, at {@code Claim.patient.resolve().address[0].postalCode} for a resolved one, and at a
   *     reference the resolver finds a resource of another type for
   */
  public static Optional<String> beneficiaryZip(
      org.hl7.fhir.r4.model.Claim claim, LocalDate dateOfService, FhirResolver resolver) {
    requireNonNull(dateOfService, "dateOfService");
    return BeneficiaryZip.of(claim, References.of(claim, resolver), dateOfService)
        .map(ServiceZip.Found::zip);
  }

  /**
   * Reads one claim item. The item alone does not say its rendering provider, which is in the
   * claim's {@code careTeam}: {@link #toClaim} reads it.
   *
   * @param item the claim item
   * @param path the item's FHIR path, for messages, such as {@code Claim.item[0]}
   * @return the item as a billed line, without a rendering provider
   * @throws FhirMappingException naming the element that cannot be read
   */
  public static BilledLine toBilledLine(
      org.hl7.fhir.r4.model.Claim.ItemComponent item, String path) {
    requireNonNull(item, "item");
    requireNonNull(path, "path");
    refuseModifierExtension(item.getModifierExtension(), path);
    // HAPI's hasDetail() fails inside on a null detail.
    withoutNulls(item.getDetail(), path, "detail");
    if (item.hasDetail()) {
      // A detail is a service of its own, priced and totalled apart from its item: dropping it
      // silently lost its charge and its amount.
      throw new FhirMappingException(
          path + ".detail",
          "cpt4j prices items, not their details: bill each detail as an item of its own");
    }
    // With HAPI's auto-creation off, a missing element is null: refused as one of no coding.
    CodeableConcept product = item.getProductOrService();
    ProcedureCode code =
        FhirCodings.fromConcept(
            product == null ? new CodeableConcept() : product, path + ".productOrService");
    List<Modifier> modifiers = new ArrayList<>();
    List<CodeableConcept> concepts = withoutNulls(item.getModifier(), path, "modifier");
    for (int m = 0; m < concepts.size(); m++) {
      modifiers.add(modifier(concepts.get(m), path + ".modifier[" + m + "]"));
    }
    Count count = count(item, code, path + ".quantity");
    OptionalInt periodMinutes =
        AnesthesiaBaseUnits.isAnesthesiaCode(code)
            ? anesthesiaMinutes(item, path + ".servicedPeriod", !count.minutes())
            : OptionalInt.empty();
    if (count.minutes() && periodMinutes.isPresent() && periodMinutes.getAsInt() != count.count()) {
      // Two records of one time that disagree: which was mistyped is not for cpt4j to guess, and
      // either pays a guess (as a net that is not quantity x unitPrice is refused).
      Period period = item.getServicedPeriod();
      throw new FhirMappingException(
          path + ".quantity.value",
          "the quantity says "
              + count.count()
              + " anesthesia minutes, and "
              + path
              + ".servicedPeriod ("
              + period.getStartElement().getValueAsString()
              + " to "
              + period.getEndElement().getValueAsString()
              + ") "
              + periodMinutes.getAsInt()
              + ": one of the two is wrong");
    }
    ClaimLine line;
    try {
      if (count.minutes()) {
        line = ClaimLine.of(code, modifiers, 1).withMinutes(count.count());
      } else if (periodMinutes.isPresent()) {
        line = ClaimLine.of(code, modifiers, count.count()).withMinutes(periodMinutes.getAsInt());
      } else {
        line = ClaimLine.of(code, modifiers, count.count());
      }
    } catch (IllegalArgumentException e) {
      // One modifier too many is the first one past the limit's fault: named, as other elements.
      String at =
          modifiers.size() > ClaimLine.MAX_MODIFIERS
              ? path + ".modifier[" + ClaimLine.MAX_MODIFIERS + "]"
              : path;
      throw new FhirMappingException(at, e.getMessage(), e);
    }
    // An amount in another currency is refused even without a value: skipped, a net of euros
    // left the charge to the unit price, read as dollars (the claim's total is refused so).
    if (item.hasNet()) {
      requireDollars(item.getNet(), path + ".net");
    }
    BigDecimal net =
        item.hasNet() && item.getNet().hasValue() ? dollars(item.getNet(), path + ".net") : null;
    BigDecimal computed = unitPriceTimesFactor(item, count.count(), path);
    // Without a net, the product rounded to cents as a net is compared with it: R4 puts no bound on
    // unitPrice's or factor's decimals (7 x 0.125 is 0.875), and a submitter's net of 0.88 was
    // read where the same item without it was refused. A product no rounding makes a charge (of a
    // trillion dollars, or of a hundred decimals) goes as it is, for BilledLine to refuse.
    BigDecimal charge = net;
    if (charge == null && computed != null) {
      BigDecimal cents = toCents(computed);
      charge = cents != null ? cents : computed;
    }
    BilledLine billed;
    try {
      billed = charge == null ? BilledLine.of(line) : BilledLine.of(line, charge);
    } catch (IllegalArgumentException e) {
      // Name the element the charge came from: net, or unitPrice times the units and factor; of a
      // negative product, the negative one of the two (a negative factor was blamed on unitPrice).
      String at;
      if (net != null) {
        at = ".net";
      } else if (charge != null
          && charge.signum() < 0
          && item.hasFactor()
          && item.getFactor().signum() < 0) {
        at = ".factor";
      } else {
        at = ".unitPrice";
      }
      throw new FhirMappingException(
          path + at, e.getMessage() + (net != null ? "" : " (quantity x unitPrice x factor)"), e);
    }
    if (net != null && computed != null) {
      checkNet(billed.charge().orElseThrow(), computed, path);
    }
    if (item.hasServicedDateType()) {
      requireValue(item.getServicedDateType(), path + ".servicedDate");
      return billed.withDateOfService(servicedDate(item, path + ".servicedDate"));
    }
    if (periodMinutes.isPresent()) {
      // One continuous anesthesia service (Pub. 100-04 ch. 12 section 50.G), past midnight or not:
      // dated by its start, as written.
      return billed.withDateOfService(
          dayOf(
              item.getServicedPeriod().getStartElement().getValueAsString(),
              path + ".servicedPeriod.start"));
    }
    if (item.hasServicedPeriod()) {
      return billed.withDateOfService(servicedPeriodDay(item, path + ".servicedPeriod"));
    }
    return billed;
  }

  /**
   * The anesthesia time an anesthesia item's {@code servicedPeriod} gives: the whole minutes from
   * its start to its end, when both are times of day (to the minute, second or finer). CMS defines
   * anesthesia time as the continuous time from when the practitioner begins to prepare the patient
   * to when he is no longer in personal attendance, reported in minutes (Pub. 100-04 ch. 12 section
   * 50.G; 42 CFR 414.46); a period timed so is that time. CMS says nothing of seconds: a minute
   * begun is no minute elapsed, so 10:00:00 to 11:35:40 is 95 minutes. Empty when the item has no
   * period, or a bound without a value or a time of day (a day says no time, as before).
   *
   * <p>A timed bound without an offset, which R4's dateTime requires with a time, is refused when
   * the period is the only record of the time ({@code needed}), as the minutes between two times
   * depend on it; beside a quantity of minutes it is read as before, for its day alone.
   *
   * @throws FhirMappingException at a timed bound without an offset when {@code needed}, at {@code
   *     end} for a period that ends before it starts, and at the period when it holds no whole
   *     minute or more than {@value ClaimLine#MAX_MINUTES}
   */
  private static OptionalInt anesthesiaMinutes(
      org.hl7.fhir.r4.model.Claim.ItemComponent item, String path, boolean needed) {
    if (!item.hasServicedPeriod()) {
      return OptionalInt.empty();
    }
    Period period = item.getServicedPeriod();
    DateTimeType start = startOf(period);
    DateTimeType end = endOf(period);
    if (start == null
        || end == null
        || start.getValue() == null
        || end.getValue() == null
        || start.getPrecision().compareTo(TemporalPrecisionEnum.DAY) <= 0
        || end.getPrecision().compareTo(TemporalPrecisionEnum.DAY) <= 0) {
      return OptionalInt.empty();
    }
    for (DateTimeType bound : List.of(start, end)) {
      if (bound.getTimeZone() == null && !needed) {
        return OptionalInt.empty();
      }
      if (bound.getTimeZone() == null) {
        throw new FhirMappingException(
            path + (bound == start ? ".start" : ".end"),
            "the time "
                + CodeFormatException.quote(bound.getValueAsString())
                + " has no offset, which R4 requires of a time of day: the anesthesia minutes"
                + " between two times depend on it (give Z or +hh:mm)");
      }
    }
    refuseReversed(period, path);
    long minutes =
        Duration.between(start.getValue().toInstant(), end.getValue().toInstant()).toMinutes();
    if (minutes < 1 || minutes > ClaimLine.MAX_MINUTES) {
      throw new FhirMappingException(
          path,
          "anesthesia time is 1 to "
              + ClaimLine.MAX_MINUTES
              + " whole minutes, and this period, "
              + start.getValueAsString()
              + " to "
              + end.getValueAsString()
              + ", holds "
              + minutes);
    }
    return OptionalInt.of((int) minutes);
  }

  /**
   * The one day of an item's {@code servicedPeriod}: its start, when it ends that day. A line is
   * priced on one date of service, and which day of a longer period a payer prices by is its rule,
   * not a guess to make here, so such a period is refused; so is one without an end, which R4
   * defines as ongoing (its last day unknown), not as a day.
   */
  private static LocalDate servicedPeriodDay(
      org.hl7.fhir.r4.model.Claim.ItemComponent item, String path) {
    LocalDate[] days = days(item.getServicedPeriod(), path);
    if (days[1] == null) {
      throw new FhirMappingException(
          path + ".end",
          "the period starts on "
              + days[0]
              + " and has no end, which in FHIR means it is ongoing: a line is priced on one date"
              + " of service, so give the end ("
              + days[0]
              + " for one day) or a servicedDate");
    }
    if (!days[1].equals(days[0])) {
      throw new FhirMappingException(
          path,
          "a line is priced on one date of service, and this period runs from "
              + days[0]
              + " to "
              + days[1]
              + ": give one item per date (servicedDate)");
    }
    return days[0];
  }

  /**
   * The first and last days of a period; the last is null when the period has no end, which R4's
   * {@code Period} defines as ongoing, not as one day.
   */
  private static LocalDate[] days(Period period, String path) {
    if (!period.hasStart()) {
      throw new FhirMappingException(path + ".start", "a period of service needs its start");
    }
    requireValue(period.getStartElement(), path + ".start");
    LocalDate start = dayOf(period.getStartElement().getValueAsString(), path + ".start");
    if (!period.hasEnd()) {
      return new LocalDate[] {start, null};
    }
    requireValue(period.getEndElement(), path + ".end");
    LocalDate end = dayOf(period.getEndElement().getValueAsString(), path + ".end");
    refuseReversed(period, path);
    return new LocalDate[] {start, endOnStartsClock(period, end)};
  }

  /**
   * The day of a period's end on its start's clock, when both bounds are times with an offset: the
   * service's day is its start's as written, and an end written in another offset (23:00-05:00 to
   * 04:35Z) said a period of 35 minutes ran over two days. Otherwise {@code end}, as written.
   */
  private static LocalDate endOnStartsClock(Period period, LocalDate end) {
    BaseDateTimeType from = period.getStartElement();
    BaseDateTimeType to = period.getEndElement();
    if (from.getPrecision().compareTo(TemporalPrecisionEnum.DAY) <= 0
        || to.getPrecision().compareTo(TemporalPrecisionEnum.DAY) <= 0
        || from.getTimeZone() == null
        || to.getTimeZone() == null) {
      return end;
    }
    return to.getValue().toInstant().atZone(from.getTimeZone().toZoneId()).toLocalDate();
  }

  /**
   * Refuses a period that ends before it starts, at its {@code end}: R4's Period invariant per-1
   * ("if present, start SHALL have a lower value than end"). Read as it stands, such a period was
   * priced on its day (10:00 to 09:00), taken for two dates, or said to leave out a date inside
   * neither bound. Two bounds with a time are compared as instants, each in its own offset;
   * otherwise at the precision they share (a day, a month, a year), as FHIRPath compares dates of
   * different precisions. A bound without a value is none.
   *
   * @throws FhirMappingException at {@code path.end}, naming both bounds as written
   */
  static void refuseReversed(Period period, String path) {
    BaseDateTimeType start = period.hasStart() ? period.getStartElement() : null;
    BaseDateTimeType end = period.hasEnd() ? period.getEndElement() : null;
    if (start == null || end == null || start.getValue() == null || end.getValue() == null) {
      return;
    }
    String from = start.getValueAsString();
    String to = end.getValueAsString();
    boolean reversed;
    if (start.getPrecision().compareTo(TemporalPrecisionEnum.DAY) > 0
        && end.getPrecision().compareTo(TemporalPrecisionEnum.DAY) > 0) {
      reversed = end.getValue().toInstant().isBefore(start.getValue().toInstant());
    } else {
      // "2025-07" against "2025-06-30" at the month, "2025-06-03" against a time at the day.
      int shared = Math.min(Math.min(from.length(), to.length()), "2025-06-02".length());
      reversed = to.substring(0, shared).compareTo(from.substring(0, shared)) < 0;
    }
    if (reversed) {
      throw new FhirMappingException(
          path + ".end",
          "the period ends at "
              + to
              + ", before it starts at "
              + from
              + ": R4 requires a period's start to be no later than its end (Period invariant"
              + " per-1), so one of the two is wrong");
    }
  }

  /**
   * The day of a FHIR date, or of a dateTime as written (in its own offset), which must name a full
   * day: the claim pricer's same-day rules are per day.
   */
  private static LocalDate dayOf(String value, String path) {
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw new FhirMappingException(
          path,
          "a date is a full date here, such as 2025-06-02, not " + CodeFormatException.quote(value),
          e);
    }
  }

  /** The item's own date of service, a full date. */
  private static LocalDate servicedDate(
      org.hl7.fhir.r4.model.Claim.ItemComponent item, String path) {
    return dayOf(item.getServicedDateType().getValueAsString(), path);
  }

  private static Modifier modifier(CodeableConcept concept, String path) {
    // The CPT or HCPCS coding when there is one, as for productOrService: a local coding placed
    // first is another system's code, not a modifier to read. Else a coding without a system;
    // a code of another system (ICD-10-CM's, say) is no modifier, whatever its shape.
    List<Coding> codings = withoutNulls(concept.getCoding(), path, "coding");
    int chosen = -1;
    for (int c = 0; c < codings.size() && chosen < 0; c++) {
      if (FhirCodeSystems.isProcedureSystem(codings.get(c).getSystem())) {
        chosen = c;
      }
    }
    for (int c = 0; c < codings.size() && chosen < 0; c++) {
      if (!codings.get(c).hasSystem()) {
        chosen = c;
      }
    }
    if (chosen < 0 && !codings.isEmpty()) {
      requireValue(codings.get(0).getSystemElement(), path + ".coding[0].system");
      throw new FhirMappingException(
          path + ".coding[0].system",
          "a modifier is coded in CPT ("
              + FhirCodeSystems.CPT
              + ") or HCPCS ("
              + FhirCodeSystems.HCPCS_LEVEL_II
              + "), or without a system, not in "
              + CodeFormatException.quote(codings.get(0).getSystem()));
    }
    if (chosen < 0) {
      throw new FhirMappingException(path, "the modifier has no coding");
    }
    if (!codings.get(chosen).hasCode()) {
      // The coding read is the first CPT or HCPCS one, else the first without a system: named
      // with its place and system, so that a code in a later coding does not look overlooked.
      String system = codings.get(chosen).getSystem();
      throw new FhirMappingException(
          path + ".coding[" + chosen + "].code",
          "the modifier's coding "
              + (system == null
                  ? "without a system has no code"
                  : "in "
                      + system
                      + " has no code: the first CPT or HCPCS coding is the one read"));
    }
    Coding coding = codings.get(chosen);
    requireValue(coding.getCodeElement(), path + ".coding[" + chosen + "].code");
    // The codings of a concept translate one another: two CPT or HCPCS modifiers that differ
    // (26 and TC) are a contradiction, not a choice, as for productOrService; and so are two
    // codings without a system when one of them is the modifier (the second was dropped).
    boolean chosenHasSystem = codings.get(chosen).hasSystem();
    for (int c = chosen + 1; c < codings.size(); c++) {
      Coding other = codings.get(c);
      boolean sameKind =
          chosenHasSystem
              ? FhirCodeSystems.isProcedureSystem(other.getSystem())
              : !other.hasSystem();
      if (!sameKind || !other.hasCode()) {
        continue;
      }
      // A code with extensions alone has no value to compare (it was a NullPointerException).
      requireValue(other.getCodeElement(), path + ".coding[" + c + "].code");
      if (!other.getCode().equals(coding.getCode())) {
        throw new FhirMappingException(
            path + ".coding[" + c + "].code",
            "the modifier's codings name two modifiers, "
                + CodeFormatException.quote(coding.getCode())
                + " and "
                + CodeFormatException.quote(other.getCode())
                + ": give each modifier a concept of its own");
      }
    }
    try {
      return Modifier.parse(coding.getCode());
    } catch (CodeFormatException e) {
      throw new FhirMappingException(path + ".coding[" + chosen + "]", e.getMessage(), e);
    }
  }

  /** UCUM, the system of a quantity's unit code. */
  private static final String UCUM = "http://unitsofmeasure.org";

  /**
   * What an item's quantity counts: units of service, or minutes of anesthesia time (then the line
   * is one unit with those minutes). {@code count} is the quantity's value, what R4's {@code net =
   * quantity * unitPrice * factor} multiplies.
   */
  private record Count(boolean minutes, int count) {}

  private static Count count(
      org.hl7.fhir.r4.model.Claim.ItemComponent item, ProcedureCode code, String path) {
    if (!item.hasQuantity()) {
      return new Count(false, 1);
    }
    Quantity quantity = item.getQuantity();
    if (quantity.hasComparator()) {
      // One with extensions alone was refused as "not null one".
      requireValue(quantity.getComparatorElement(), path + ".comparator");
      // A SimpleQuantity has none in FHIR; "more than 2" is no number of units to price.
      throw new FhirMappingException(
          path + ".comparator",
          "units are a whole number, not "
              + quantity.getComparatorElement().getValueAsString()
              + " one");
    }
    Optional<String> minutesAt = minutesAt(quantity, path);
    boolean minutes = minutesAt.isPresent();
    if (minutes && !AnesthesiaBaseUnits.isAnesthesiaCode(code)) {
      // Medicare counts minutes for anesthesia alone; a timed service such as 97110 is billed in
      // its own units, and its minutes read as one unit would underpay it. Refused at the element
      // that said minutes: the unit text, when the quantity has no code.
      throw new FhirMappingException(
          minutesAt.get(),
          "minutes are anesthesia time, for codes 00100-01999; bill "
              + code
              + " in its units (no unit, or UCUM 1)");
    }
    if (!quantity.hasValue()) {
      if (minutes) {
        throw new FhirMappingException(path + ".value", "the anesthesia time has no minutes");
      }
      return new Count(false, 1);
    }
    requireValue(quantity.getValueElement(), path + ".value");
    BigDecimal value = quantity.getValue();
    int max = minutes ? ClaimLine.MAX_MINUTES : ClaimLine.MAX_UNITS;
    try {
      int count = value.intValueExact();
      if (count < 1 || count > max) {
        throw new ArithmeticException("out of range");
      }
      return new Count(minutes, count);
    } catch (ArithmeticException e) {
      throw new FhirMappingException(
          path + ".value",
          (minutes ? "anesthesia minutes" : "units")
              + " are a whole number from 1 to "
              + max
              + ", not "
              // Quoted: a quantity of a million digits is no message of a million characters.
              + CodeFormatException.quote(value.toString()),
          e);
    }
  }

  /**
   * Tells whether a quantity is in minutes (UCUM {@code min}) rather than units of service (no
   * unit, or UCUM's unity: {@code 1} or an annotation such as {@code {unit}}): the path of the
   * element that says minutes ({@code quantity.code}, or {@code quantity.unit} without a code), or
   * empty for units. The coded unit decides; without a code, the unit text is read as a UCUM code,
   * since a quantity of "min" read as units would price 95 minutes as 95 services.
   *
   * @throws FhirMappingException at the system, code or unit of any other unit
   */
  private static Optional<String> minutesAt(Quantity quantity, String path) {
    if (quantity.hasSystem()) {
      requireValue(quantity.getSystemElement(), path + ".system");
      if (!isUcum(quantity.getSystem())) {
        throw new FhirMappingException(
            path + ".system",
            "a quantity is counted in UCUM ("
                + UCUM
                + "), not "
                + CodeFormatException.quote(quantity.getSystem()));
      }
    }
    String unit;
    String at;
    if (quantity.hasCode()) {
      requireValue(quantity.getCodeElement(), path + ".code");
      unit = quantity.getCode();
      at = path + ".code";
      refuseOtherUnitText(quantity, path);
    } else if (quantity.hasUnit()) {
      requireValue(quantity.getUnitElement(), path + ".unit");
      unit = quantity.getUnit();
      at = path + ".unit";
    } else {
      return Optional.empty();
    }
    if (unit.equals("min")) {
      return Optional.of(at);
    }
    if (unit.equals("1") || isAnnotation(unit)) {
      return Optional.empty();
    }
    throw new FhirMappingException(
        at,
        "a quantity counts units (no unit, or UCUM 1 or an annotation such as {unit}) or"
            + " anesthesia minutes (UCUM min), not "
            + CodeFormatException.quote(unit));
  }

  /**
   * Refuses a quantity whose {@code unit} text says another unit than its {@code code}: R4 defines
   * the text as the code's human-readable form, so a code of minutes with the text "hours", or of
   * UCUM's unity with the text "min", contradicts itself, and which of the two is meant is not for
   * cpt4j to guess (the code alone priced 30 minutes of 97110 as 30 units). The text of minutes is
   * min, mins, minute or minutes, in any case; the text of unity is free (a unit of service's name,
   * "units" or "visits"), but never a unit of time, nor of a dose ("mg", "mL", "IU": 100 mg of a
   * drug billed per 10 mg are 10 units, not 100). A code cpt4j does not count in is refused at the
   * code.
   */
  private static void refuseOtherUnitText(Quantity quantity, String path) {
    // hasUnitElement first: HAPI's getter alone sets an empty unit on the caller's claim.
    if (!quantity.hasUnitElement() || !quantity.getUnitElement().hasValue()) {
      return;
    }
    String code = quantity.getCode();
    String text = quantity.getUnit();
    boolean codeIsMinutes = code.equals("min");
    if (!codeIsMinutes && !code.equals("1") && !isAnnotation(code)) {
      return;
    }
    boolean agrees =
        codeIsMinutes
            ? MINUTES_TEXT.contains(text.strip().toLowerCase(Locale.ROOT))
            : !isTime(text.strip()) && !isDose(text.strip());
    if (!agrees) {
      throw new FhirMappingException(
          path + ".unit",
          "the quantity's code "
              + CodeFormatException.quote(code)
              + (codeIsMinutes ? " (minutes)" : " (units of service)")
              + " and its unit "
              + CodeFormatException.quote(text)
              + " say two units, and R4's unit is the code's text for people: which of the two"
              + " is meant is not for cpt4j to guess"
              + (isDose(text.strip())
                  ? " (a drug is billed in its HCPCS code's units, as many as its dosage"
                      + " descriptor makes the dose, not in the dose's own unit)"
                  : ""));
    }
  }

  /** The texts of a quantity in minutes (UCUM {@code min}), in lower case. */
  private static final Set<String> MINUTES_TEXT = Set.of("min", "mins", "minute", "minutes");

  /**
   * Whether a unit text names a unit of time, as a UCUM code (case-sensitive: {@code h} is an hour,
   * {@code H} no time) or as an English word in any case: a quantity of UCUM's unity counts none.
   */
  private static boolean isTime(String text) {
    return TIME_UCUM.contains(text) || TIME_WORDS.contains(text.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether a unit text names a unit of a dose (mass, volume, international units), in any case: a
   * quantity of UCUM's unity counts units of service, and a drug's HCPCS code is billed in units of
   * its dosage descriptor (10 mg each, say), so 100 mg read as 100 units would pay ten times over.
   */
  private static boolean isDose(String text) {
    return DOSE_WORDS.contains(text.toLowerCase(Locale.ROOT));
  }

  /** Units of a dose, as UCUM codes and in English, in lower case. */
  private static final Set<String> DOSE_WORDS =
      Set.of(
          "ug",
          "mcg",
          "\u00b5g",
          "mg",
          "g",
          "gm",
          "kg",
          "microgram",
          "micrograms",
          "milligram",
          "milligrams",
          "gram",
          "grams",
          "ml",
          "l",
          "cc",
          "milliliter",
          "milliliters",
          "millilitre",
          "millilitres",
          "liter",
          "liters",
          "litre",
          "litres",
          "iu",
          "[iu]",
          "i.u.",
          "meq",
          "mmol",
          "international unit",
          "international units");

  /** UCUM's codes of time. */
  private static final Set<String> TIME_UCUM =
      Set.of(
          "s", "ms", "min", "h", "d", "wk", "mo", "a", "mo_j", "mo_g", "mo_s", "a_j", "a_g", "a_t");

  /** Units of time in English, in lower case. */
  private static final Set<String> TIME_WORDS =
      Set.of(
          "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr", "hrs",
          "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years");

  /** UCUM's system, also as https or with a trailing slash. */
  private static boolean isUcum(String system) {
    String s = system.endsWith("/") ? system.substring(0, system.length() - 1) : system;
    return s.equals(UCUM) || s.equals("https://unitsofmeasure.org");
  }

  /** A UCUM annotation alone, such as {@code {unit}}: a unit of 1 with a name for people. */
  private static boolean isAnnotation(String unit) {
    if (unit.length() < 2 || unit.charAt(0) != '{' || unit.charAt(unit.length() - 1) != '}') {
      return false;
    }
    for (int i = 1; i < unit.length() - 1; i++) {
      char c = unit.charAt(i);
      // UCUM: an annotation is printable ASCII without braces.
      if (c < '!' || c > '~' || c == '{' || c == '}') {
        return false;
      }
    }
    return true;
  }

  /**
   * The item's {@code unitPrice} times its quantity (units, or minutes) and its {@code factor} (1
   * when absent), as R4 defines {@code net}: {@code quantity * unitPrice * factor}; null without a
   * unit price.
   */
  private static BigDecimal unitPriceTimesFactor(
      org.hl7.fhir.r4.model.Claim.ItemComponent item, int units, String path) {
    if (item.hasUnitPrice()) {
      requireDollars(item.getUnitPrice(), path + ".unitPrice");
    }
    if (!item.hasUnitPrice() || !item.getUnitPrice().hasValue()) {
      return null;
    }
    BigDecimal unitPrice = dollars(item.getUnitPrice(), path + ".unitPrice");
    BigDecimal amount = unitPrice.multiply(BigDecimal.valueOf(units));
    // A factor discounts or surcharges the item (0.5 for a half-priced one); ignoring it
    // overstated the charge, and with it the "lower of fee and charge" cap.
    if (!item.hasFactor()) {
      return amount;
    }
    requireValue(item.getFactorElement(), path + ".factor");
    if (unitPrice.signum() < 0 && item.getFactor().signum() < 0) {
      // Two wrongs make a positive product: the charge would be taken as billed, sign lost.
      throw new FhirMappingException(
          path + ".unitPrice",
          "a unit price is never negative: "
              + CodeFormatException.quote(unitPrice.toPlainString())
              + " (and the factor "
              + CodeFormatException.quote(item.getFactor().toPlainString())
              + " is negative too)");
    }
    try {
      return amount.multiply(item.getFactor());
    } catch (ArithmeticException e) {
      // The exponents of the two add up beyond what a BigDecimal holds.
      throw new FhirMappingException(
          path + ".factor",
          "unitPrice x factor is beyond any charge: "
              + CodeFormatException.quote(item.getFactor().toString()),
          e);
    }
  }

  /**
   * Refuses an item whose {@code net} is not its quantity times unit price times factor: one of
   * them is wrong, and which one is not for cpt4j to guess. The product is compared rounded to
   * cents, as a submitter writes {@code net}; {@code net} is already a bounded charge, and a
   * product far from any charge is refused before it is rounded, which for an exponent in the
   * millions would cost what the charge's bounds exist to avoid.
   */
  private static void checkNet(BigDecimal net, BigDecimal computed, String path) {
    BigDecimal cents = toCents(computed);
    if (cents == null || cents.compareTo(net) != 0) {
      throw new FhirMappingException(
          path + ".net",
          "net "
              + net.toPlainString()
              + " is not quantity x unitPrice x factor, "
              + CodeFormatException.quote(computed.toString()));
    }
  }

  /**
   * {@code product} rounded half-up to cents, as a submitter writes a charge; null when it is far
   * from any charge (more than {@value #MAX_PRODUCT_DIGITS} digits before the point, or more than
   * {@value #MAX_PRODUCT_SCALE} after it), as rounding a product of an exponent in the millions
   * would cost what the charge's bounds exist to avoid; null too when it is negative, which no
   * rounding makes a charge (-0.004 would round to a charge of 0.00, and be paid 0.00).
   */
  private static BigDecimal toCents(BigDecimal product) {
    if (product.signum() < 0
        || product.scale() > MAX_PRODUCT_SCALE
        || (long) product.precision() - product.scale() > MAX_PRODUCT_DIGITS) {
      return null;
    }
    return product.setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal dollars(Money money, String path) {
    requireValue(money.getValueElement(), path + ".value");
    requireDollars(money, path);
    return money.getValue();
  }

  /**
   * Refuses an amount whose currency is not US dollars, at {@code path.currency}, whether or not it
   * has a value: an amount without a currency is read as dollars.
   */
  private static void requireDollars(Money money, String path) {
    if (money.hasCurrency()) {
      requireValue(money.getCurrencyElement(), path + ".currency");
    }
    if (money.hasCurrency() && !money.getCurrency().equals("USD")) {
      // Quoted as all text is: it was written whole and raw, line breaks and all.
      throw new FhirMappingException(
          path + ".currency",
          "amounts are US dollars (USD), not " + CodeFormatException.quote(money.getCurrency()));
    }
  }
}
