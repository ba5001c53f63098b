package io.github.cpt4j.cli.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which columns not read look like a known one: misspellings and synonyms, not plain words. */
class BatchHeaderTest {

  private static List<BatchHeader.Lookalike> lookalikes(String... names) {
    return BatchHeader.of(List.of(names), false).lookalikes();
  }

  @Test
  void aDuplicateAmongTwoHundredThousandColumnsIsFoundWithBothColumns() {
    // A 1 MiB header holds some 200,000 names; each was looked up in a list, quadratic in them.
    List<String> names = new ArrayList<>();
    names.add("code");
    for (int i = 0; i < 200_000; i++) {
      names.add("c" + i);
    }
    names.add("C7");
    assertEquals(200_002, BatchHeader.of(names, false).size());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BatchHeader.of(names, true));
    assertEquals("the header names column 'c7' twice (columns 9 and 200002)", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "modifier, modifiers",
    "modifier1, modifiers",
    "zip0, zip",
    "pos_1, pos",
    "units2, units",
    "Modifer, modifiers",
    "mod, modifiers",
    "MODS, modifiers",
    "unit, units",
    "unts, units",
    "qty, units",
    "Quantity, units",
    "mintues, minutes",
    "minute, minutes",
    "localty, locality",
    "zipcode, zip",
    "Zip Code, zip",
    "postal_code, zip",
    "settings, setting",
    "place_of_service, pos",
    "Place of Service, pos",
    "dos, date",
    "date_of_service, date",
    "DateOfService, date",
    "service_date, date",
    "dates, date",
    "cliam, claim",
    "claims, claim",
    "claim_id, claim",
    "practioner, practitioner",
    "qualifying-apm, qualifying_apm",
    "Qualifying APM, qualifying_apm",
    "npi, rendering_provider",
    "NPI, rendering_provider",
    "rendering_npi, rendering_provider",
    "Rendering NPI, rendering_provider",
    "Rendering Provider, rendering_provider",
    "RenderingProvider, rendering_provider",
    "provider_npi, rendering_provider",
    "rendering_providr, rendering_provider",
    "taxonomy, practitioner",
    "Taxonomy Code, practitioner",
    "rendering_provider_taxonomy, practitioner",
    "provider_type, practitioner"
  })
  void aNameLikeAKnownColumnsIsALookalike(String name, String known) {
    assertEquals(List.of(new BatchHeader.Lookalike(name, known)), lookalikes("code", name));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "note",
        "patient_id",
        "id",
        "rate",
        "name",
        "state",
        "description",
        "charge",
        "dob",
        "date_of_birth",
        "provider",
        "location",
        "time",
        "notes",
        "mode"
      })
  void aPlainWordIsNot(String name) {
    assertEquals(List.of(), lookalikes("code", name));
  }

  /**
   * An {@code npi} column was a plain word, carried through unread without a word: now that the
   * batch reads a rendering provider, its rows would be priced as one practitioner's, so it warns;
   * with {@code rendering_provider} in the header, it is data of its own again.
   */
  @Test
  void anNpiColumnIsALookalikeUntilTheHeaderHasARenderingProvider() {
    assertEquals(
        List.of(new BatchHeader.Lookalike("npi", "rendering_provider")), lookalikes("code", "npi"));
    assertEquals(List.of(), lookalikes("code", "npi", "Rendering_Provider"));
    assertEquals(
        2,
        BatchHeader.of(List.of("npi", "code", " RENDERING_PROVIDER "), false)
            .indexOf("rendering_provider"));
  }

  /** A known column the header has is read; a column named like it is then data of its own. */
  @Test
  void aKnownColumnPresentHasNoLookalike() {
    assertEquals(List.of(), lookalikes("code", "units", "unit", "date", "dos", "modifiers", "mod"));
    assertEquals(
        List.of(new BatchHeader.Lookalike("unit", "units")),
        lookalikes("code", "date", "dos", "unit"));
  }

  @Test
  void everyLookalikeIsNamedInTheHeadersOrder() {
    List<BatchHeader.Lookalike> found =
        lookalikes(" modifier ", "code", "unit", "locality", "date_of_service", "note");
    assertEquals(
        List.of(
            new BatchHeader.Lookalike("modifier", "modifiers"),
            new BatchHeader.Lookalike("unit", "units"),
            new BatchHeader.Lookalike("date_of_service", "date")),
        found);
    assertEquals("column 'unit' is not read: did you mean 'units'?", found.get(1).message());
  }

  @Test
  void theDistanceCountsASwapAsOneEdit() {
    assertEquals(0, BatchHeader.distance("units", "units"));
    assertEquals(1, BatchHeader.distance("unit", "units"));
    assertEquals(1, BatchHeader.distance("cliam", "claim"));
    assertEquals(2, BatchHeader.distance("note", "date"));
    assertEquals(3, BatchHeader.distance("", "zip"));
  }
}
