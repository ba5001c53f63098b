package io.github.cpt4j.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderDayTest {

  private static final LocalDate DAY = LocalDate.of(2025, 6, 2);
  private static final PricingContext CONTEXT = PricingContext.withoutArea(DAY, Setting.FACILITY);

  private static Claim claim(String... lines) {
    return Claim.of(List.of(lines).stream().map(BilledLine::parse).toList());
  }

  @Test
  void oneProvidersLinesOfOneDateAreNotSplit() {
    assertNull(ProviderDay.split(claim("27447", "27130 on 2025-06-02"), CONTEXT));
    assertNull(ProviderDay.split(claim("27447 by 1234567893", "27130 by 1234567893"), CONTEXT));
    assertEquals(DAY, ProviderDay.single(claim("27447 by 1234567893"), CONTEXT));
    assertEquals(DAY, ProviderDay.single(Claim.of(), CONTEXT));
  }

  @Test
  void theContextOfOneProvidersDayIsTheContextOfThatDayAsASplitGivesIt() {
    PricingContext np =
        CONTEXT.withPractitioner(Npi.parse("1234567893"), PractitionerType.NURSE_PRACTITIONER);
    Claim oneDay = claim("99213 on 2025-03-03 by 1234567893");
    PricingContext day = ProviderDay.singleContext(oneDay, np);
    assertEquals(LocalDate.of(2025, 3, 3), day.dateOfService());
    assertEquals(PractitionerType.NURSE_PRACTITIONER, day.practitioner());
    Claim twoDays = claim("99213 on 2025-03-03 by 1234567893", "20610 on 2025-03-05");
    assertNull(ProviderDay.singleContext(twoDays, np));
    assertEquals(day, ProviderDay.split(twoDays, np).get(0).context());
  }

  @Test
  void splitsByDateThenLinesWithoutAProviderThenByNpi() {
    Claim claim =
        claim(
            "27447 by 2000000002",
            "27447-80 by 1234567893",
            "99213",
            "99024 on 2025-06-01 by 1234567893",
            "27130-80 by 1234567893");
    assertNull(ProviderDay.single(claim, CONTEXT));
    List<ProviderDay> days = ProviderDay.split(claim, CONTEXT);
    assertEquals(4, days.size());
    assertEquals(LocalDate.of(2025, 6, 1), days.get(0).date());
    assertEquals(List.of(3), lines(days.get(0)));
    assertEquals(Optional.empty(), days.get(1).renderingProvider());
    assertEquals(List.of(2), lines(days.get(1)));
    assertEquals(Optional.of(Npi.parse("1234567893")), days.get(2).renderingProvider());
    assertEquals(List.of(1, 4), lines(days.get(2)));
    assertEquals(List.of(0), lines(days.get(3)));
    // Each day's lines keep their numbers on the whole claim, and the day's date as context.
    assertEquals(5, days.get(2).claim().lineNumber(1));
    assertEquals(DAY, days.get(3).context().dateOfService());
    assertEquals("2025-06-02 by 2000000002 [27447 by 2000000002]", days.get(3).toString());
  }

  @Test
  void linesWithoutAProviderBesideOneNamedProviderAreHisDays() {
    Npi surgeon = Npi.parse("1234567893");
    assertEquals(DAY, ProviderDay.single(claim("27447 by 1234567893", "20610"), CONTEXT));
    List<ProviderDay> days =
        ProviderDay.split(claim("27447 by 1234567893", "20610", "99213 on 2025-06-03"), CONTEXT);
    assertEquals(2, days.size());
    assertEquals(Optional.of(surgeon), days.get(0).renderingProvider());
    assertEquals(List.of(0, 1), lines(days.get(0)));
    assertEquals(Optional.of(surgeon), days.get(1).renderingProvider());
    assertEquals(List.of(2), lines(days.get(1)));
    // Beside two NPIs they are a day of their own, as they are when the context makes the one
    // named provider another kind of practitioner than the claim's own.
    Claim two = claim("27447 by 1234567893", "20610", "99213 by 2000000002");
    assertEquals(List.of(1), lines(ProviderDay.split(two, CONTEXT).get(0)));
    PricingContext np = CONTEXT.withPractitioner(surgeon, PractitionerType.NURSE_PRACTITIONER);
    assertNull(ProviderDay.single(claim("27447 by 1234567893", "20610"), np));
    // The lines of a larger claim, whose providers that claim decides.
    RenderingProviders whose = RenderingProviders.of(two, CONTEXT);
    assertNull(ProviderDay.single(claim("27447 by 1234567893", "20610"), CONTEXT, whose));
  }

  @Test
  void theWarningNamesTheLinesNamingNoProviderAndTheNpis() {
    RenderingProviders one = RenderingProviders.of(claim("27447 by 1234567893", "20610"), CONTEXT);
    assertEquals(Optional.of(Npi.parse("1234567893")), one.ofLinesNamingNone());
    assertEquals(Optional.empty(), one.unknownProviderWarning(claim("20610")));
    List<String> lines = new java.util.ArrayList<>(List.of("27447 by 1234567893"));
    for (int i = 0; i < 12; i++) {
      lines.add("20610");
    }
    lines.add("99213 by 2000000002");
    Claim claim = claim(lines.toArray(String[]::new));
    RenderingProviders several = RenderingProviders.of(claim, CONTEXT);
    assertEquals(Optional.empty(), several.ofLinesNamingNone());
    assertEquals(Optional.empty(), several.of(claim.line(1)));
    assertEquals(
        "lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more name no rendering provider beside lines of"
            + " 1234567893 and 2000000002: whose they are cannot be told, so the same-day rules"
            + " (NCCI pairs and units, the surgical ranking, bilateral pairs, add-ons, the global"
            + " package, same-day visits, critical care) judge them as another provider's; give each line its rendering provider's NPI",
        several.unknownProviderWarning(claim).orElseThrow());
    assertEquals(
        "line 1 names no rendering provider beside lines of 1234567893 and 2000000002: whose it"
            + " is cannot be told, so the same-day rules (NCCI pairs and units, the surgical"
            + " ranking, bilateral pairs, add-ons, the global package, same-day visits, critical"
            + " care) judge it as another provider's; give each line its rendering provider's NPI",
        several.unknownProviderWarning(claim("20610")).orElseThrow());
  }

  private static List<Integer> lines(ProviderDay day) {
    List<Integer> lines = new java.util.ArrayList<>();
    for (int j = 0; j < day.claim().size(); j++) {
      lines.add(day.lineInClaim(j));
    }
    return lines;
  }
}
