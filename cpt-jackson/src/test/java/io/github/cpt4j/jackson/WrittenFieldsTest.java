package io.github.cpt4j.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.dmepos.DmeposArea;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.pfs.FeeCalculation;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierRule;
import io.github.cpt4j.modifier.ModifierViolation;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps each type's JSON in step with its accessors: every public accessor of a type the module
 * writes is listed here with the JSON field that carries it (or the field it is worked out from),
 * and every such field is in the JSON written. An accessor added to a core type fails this test
 * until the module writes it (or this list says which field already carries it), where before it
 * went silently missing from every report and API response.
 */
class WrittenFieldsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new CptModule());

  /** Each type's accessors, by name, and the field of its JSON that carries each. */
  private static final Map<Class<?>, Map<String, String>> FIELDS =
      Map.ofEntries(
          Map.entry(
              ClaimLine.class,
              Map.of(
                  "code", "code",
                  "packedCode", "code",
                  "modifiers", "modifiers",
                  "units", "units",
                  "minutes", "minutes",
                  "hasMinutes", "minutes",
                  "minutesOrZero", "minutes")),
          Map.entry(
              BilledLine.class,
              Map.of(
                  "line", "code",
                  "charge", "charge",
                  "dateOfService", "dateOfService",
                  "renderingProvider", "renderingProvider")),
          Map.entry(Claim.class, Map.of("lines", "lines", "size", "lines")),
          Map.entry(
              FeeResult.class,
              Map.of(
                  "isPriced", "priced",
                  "amount", "amount",
                  "amountOrThrow", "amount",
                  "exactAmount", "exactAmount",
                  "settingNotAvailable", "settingNotAvailable",
                  "reason", "reason",
                  "detail", "detail",
                  "explanation", "explanation")),
          Map.entry(
              PricingStep.class,
              Map.of("rule", "rule", "description", "description", "amountAfter", "amountAfter")),
          Map.entry(
              EditFinding.class,
              Map.of(
                  "edit", "edit",
                  "line", "line",
                  "lineNumber", "lineNumber",
                  "action", "action",
                  "deniedUnits", "deniedUnits",
                  "reason", "reason",
                  "message", "message",
                  "data", "data")),
          Map.entry(
              PricedClaim.class,
              Map.of(
                  "context", "context",
                  "lines", "lines",
                  "isLimitingCharges", "limitingCharges",
                  "total", "total",
                  "pricedTotal", "total",
                  "isFullyPriced", "fullyPriced",
                  "warnings", "warnings")),
          Map.entry(
              PricedLine.class,
              Map.ofEntries(
                  Map.entry("index", "index"),
                  Map.entry("lineNumber", "lineNumber"),
                  Map.entry("billed", "billed"),
                  Map.entry("line", "billed"),
                  Map.entry("result", "result"),
                  Map.entry("isPriced", "result"),
                  Map.entry("amount", "result"),
                  Map.entry("amountOrThrow", "result"),
                  Map.entry("exactAmount", "result"),
                  Map.entry("reason", "result"),
                  Map.entry("detail", "result"),
                  Map.entry("explanation", "result"),
                  Map.entry("explanationWithoutDetail", "result"),
                  Map.entry("explanationWithoutDetailOrWarnings", "result"),
                  Map.entry("refusedBy", "refusedBy"),
                  Map.entry("warnings", "warnings"))),
          Map.entry(
              PricingContext.class,
              Map.of(
                  "dateOfService", "dateOfService",
                  "area", "area",
                  "setting", "setting",
                  "participating", "participating",
                  "qualifyingApmParticipant", "qualifyingApmParticipant",
                  "practitioner", "practitioner",
                  "practitioners", "practitioners",
                  "placeOfService", "placeOfService",
                  "beneficiaryZip", "beneficiaryZip",
                  "supervisorPresentAtInduction", "supervisorPresentAtInduction")),
          Map.entry(
              ClaimWarning.class, Map.of("kind", "kind", "rule", "rule", "message", "message")),
          Map.entry(
              ModifierViolation.class,
              Map.of(
                  "rule", "rule", "code", "code", "modifiers", "modifiers", "message", "message")));

  /**
   * The public accessors of {@code type}: its instance methods without parameters that return a
   * value, other than Object's and the copies a value makes of itself ({@code with...}).
   */
  private static Set<String> accessors(Class<?> type) {
    Set<String> names = new TreeSet<>();
    for (Method method : type.getMethods()) {
      String name = method.getName();
      if (method.getParameterCount() == 0
          && method.getReturnType() != void.class
          && !java.lang.reflect.Modifier.isStatic(method.getModifiers())
          && !Set.of("toString", "hashCode", "getClass").contains(name)
          && !name.startsWith("with")) {
        names.add(name);
      }
    }
    return names;
  }

  @Test
  void everyAccessorOfAWrittenTypeIsListedWithItsField() {
    for (Map.Entry<Class<?>, Map<String, String>> type : FIELDS.entrySet()) {
      assertEquals(
          new TreeSet<>(type.getValue().keySet()),
          accessors(type.getKey()),
          () ->
              type.getKey().getSimpleName()
                  + " has accessors this test does not list: write them, then list them");
    }
  }

  @Test
  void everyListedFieldIsWritten() throws Exception {
    PartBClaimPricer pricer =
        PartBClaimPricer.of(
            BundledData.partBFeeSchedule(),
            MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));
    PricingContext everything =
        PricingContext.of(
                LocalDate.of(2025, 3, 14), Locality.parse("13202-01"), Setting.NON_FACILITY)
            .withPlaceOfService(PlaceOfService.OFFICE)
            .withBeneficiaryZip("10001")
            .withSupervisorPresentAtInduction(true)
            .withPractitioner(Npi.parse("1000000004"), PractitionerType.NURSE_PRACTITIONER);
    // A priced line of its own date, provider and charge, an anesthesia line with minutes, a line
    // refused, and a warning (99213's minutes are not paid by time).
    Claim claim =
        Claim.of(
            List.of(
                BilledLine.parse("99213-25 $180.00 on 2025-03-14 by 1234567893"),
                BilledLine.parse("00790-AA 95min"),
                BilledLine.parse("99999"),
                BilledLine.parse("99214 30min")));
    PricedClaim priced = pricer.limitingCharges(claim, everything);
    EditFinding finding =
        EditFinding.builder()
            .edit("ncci-mue")
            .line(1)
            .lineNumber(2)
            .action(EditAction.DENY_UNITS)
            .deniedUnits(1)
            .reason(UnpricedReason.NCCI_MUE)
            .message("m")
            .putData("kind", "MUE")
            .build();
    ModifierViolation violation =
        ModifierViolation.of(
            ModifierRule.values()[0],
            ProcedureCode.parse("71046"),
            List.of(Modifier.parse("26"), Modifier.parse("TC")),
            "m");
    FeeResult result = priced.line(0).result();
    Map<Class<?>, List<Object>> samples =
        Map.ofEntries(
            Map.entry(ClaimLine.class, List.of(ClaimLine.parse("00790-AA 95min"))),
            Map.entry(BilledLine.class, List.of(claim.line(0))),
            Map.entry(Claim.class, List.of(claim)),
            Map.entry(FeeResult.class, List.of(result, priced.line(2).result())),
            Map.entry(PricingStep.class, steps(result.explanation())),
            Map.entry(EditFinding.class, List.of(finding)),
            Map.entry(PricedClaim.class, List.of(priced)),
            Map.entry(PricedLine.class, List.copyOf(priced.lines())),
            Map.entry(PricingContext.class, List.of(everything)),
            Map.entry(ClaimWarning.class, List.copyOf(priced.warnings())),
            Map.entry(ModifierViolation.class, List.of(violation)));
    assertEquals(FIELDS.keySet(), samples.keySet());
    for (Map.Entry<Class<?>, Map<String, String>> type : FIELDS.entrySet()) {
      Set<String> written = new HashSet<>();
      for (Object sample : samples.get(type.getKey())) {
        JsonNode json = MAPPER.valueToTree(sample);
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
          written.add(names.next());
        }
      }
      for (String field : type.getValue().values()) {
        assertTrue(
            written.contains(field),
            () -> type.getKey().getSimpleName() + " writes no '" + field + "': " + written);
      }
    }
  }

  /** An application's own object holding a value cpt-jackson does not write. */
  record Response(Object value) {}

  /**
   * A cpt4j type the module does not write is refused, naming it and what to write instead: its
   * accessors are no bean getters, so Jackson's defaults wrote it as {@code {}} or a field or two
   * ({@code FeeCalculation} as {@code {"oppsCapped":false}}), and an endpoint returning one lost
   * its data without an error.
   */
  @Test
  void aTypeNotWrittenIsRefusedNotWrittenInPart() {
    MedicareFeeSchedule schedule = BundledData.medicareFeeSchedule();
    PricingContext context =
        PricingContext.of(
            LocalDate.of(2025, 3, 14), Locality.parse("13202-01"), Setting.NON_FACILITY);
    ObjectMapper lenient =
        new ObjectMapper()
            .registerModule(new CptModule())
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    Map<Object, String> refused =
        Map.of(
            schedule.calculation(ClaimLine.parse("99213"), context).orElseThrow(),
            "FeeResult",
            schedule.evaluate(ClaimLine.parse("99999"), context),
            "FeeResult",
            schedule,
            "PricedClaim",
            BundledData.medicareReleases(),
            "PricedClaim",
            schedule.rvuEntry(ClaimLine.parse("99213")).orElseThrow(),
            "FeeResult");
    for (Map.Entry<Object, String> value : refused.entrySet()) {
      String type = value.getKey().getClass().getSimpleName();
      for (ObjectMapper mapper : List.of(MAPPER, lenient)) {
        JsonMappingException e =
            assertThrows(
                JsonMappingException.class,
                () -> mapper.writeValueAsString(new Response(value.getKey())),
                type);
        String message = e.getMessage();
        assertTrue(message.contains("cpt-jackson does not write"), message);
        assertTrue(message.contains(value.getValue()), message);
        assertTrue(message.contains("Response[\"value\"]"), message);
      }
    }
  }

  /** A mix-in an application gives a type cpt-jackson does not write, to write it its own way. */
  abstract static class AmountOnly {
    @JsonProperty("amount")
    abstract BigDecimal amount();
  }

  @Test
  void aRecordAndATypeTheApplicationConfiguresAreLeftToJackson() throws Exception {
    assertEquals(
        "{\"state\":\"NY\",\"rural\":false}",
        MAPPER.writeValueAsString(new DmeposArea("NY", false)));
    ObjectMapper mixedIn =
        new ObjectMapper()
            .registerModule(new CptModule())
            .addMixIn(FeeCalculation.class, AmountOnly.class);
    FeeCalculation calculation =
        BundledData.medicareFeeSchedule()
            .calculation(
                ClaimLine.parse("99213"),
                PricingContext.of(
                    LocalDate.of(2025, 3, 14), Locality.parse("13202-01"), Setting.NON_FACILITY))
            .orElseThrow();
    String json = mixedIn.writeValueAsString(calculation);
    assertTrue(json.contains("\"amount\":" + calculation.amount()), json);
    String refused =
        assertThrows(JsonMappingException.class, () -> MAPPER.writeValueAsString(calculation))
            .getMessage();
    assertTrue(refused.startsWith("cpt-jackson does not write a FeeCalculation"), refused);
  }

  private static List<Object> steps(Explanation explanation) {
    return List.copyOf(explanation.steps());
  }
}
