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
    names.add("c7");
    assertEquals(200_002, BatchHeader.of(names, false).size());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BatchHeader.of(names, true));
    assertEquals("the header names column 'c7' twice (columns 9 and 200002)", e.getMessage());
  }

  /**
   * JSON keys are the names as read: two names that differ in case are two keys, and blank names
   * are no keys at all (the JSON output leaves their columns out), however many there are. A known
   * column is still matched ignoring case, and given twice so is refused.
   */
  @Test
  void uniqueNamesAreTheJsonKeys() {
    assertEquals(4, BatchHeader.of(List.of("code", "Note", "note", "NOTE"), true).size());
    assertEquals(5, BatchHeader.of(List.of("code", "units", "", "", " "), true).size());
    assertEquals(3, BatchHeader.of(List.of("code", "note", "note "), true).size());
    IllegalArgumentException known =
        assertThrows(
            IllegalArgumentException.class,
            () -> BatchHeader.of(List.of("code", "Units", "units"), true));
    assertEquals("the header names column 'units' twice (columns 2 and 3)", known.getMessage());
    IllegalArgumentException note =
        assertThrows(
            IllegalArgumentException.class,
            () -> BatchHeader.of(List.of("code", "Note", "", "Note"), true));
    assertEquals("the header names column 'Note' twice (columns 2 and 4)", note.getMessage());
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
    "provider_type, practitioner",
    "Days or Units, units",
    "units_of_service, units",
    "service_units, units",
    "LINE_SRVC_CNT, units",
    "CLM_LINE_SRVC_UNIT_QTY, units",
    "mod_1, modifiers",
    "MOD2, modifiers",
    "modifier_1, modifiers",
    "CPT Modifier, modifiers",
    "HCPCS_1ST_MDFR_CD, modifiers",
    "anesthesia_minutes, minutes",
    "locality_code, locality",
    "CARR_LINE_PRCNG_LCLTY_CD, locality",
    "place_of_service_code, pos",
    "LINE_PLACE_OF_SRVC_CD, pos",
    "patient_zip, zip",
    "BENE_ZIP_CD, zip",
    "claim_no, claim",
    "CLM_ID, claim",
    "rendering_provider_npi, rendering_provider",
    "PRF_PHYSN_NPI, rendering_provider",
    "RNDRG_PRVDR_NPI_NUM, rendering_provider"
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
   * Exports name a line's date of service in more ways than a list of synonyms holds: CMS-1500 item
   * 24A, "Date(s) of Service From", and Medicare's claim files' {@code CLM_FROM_DT} among them.
   * Without a {@code date} column, every row of such a file was priced on {@code --date} without a
   * word: 0446T dated 2025-03-03 at 2025B's 6,814.71 rather than 2025A's 3,455.73.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "DOS_FROM",
        "dos_to",
        "DOS_END",
        "dos1",
        "line_dos",
        "from_date",
        "FromDate",
        "fromdate",
        "service_from_date",
        "service_to_date",
        "line_date",
        "svc_date",
        "svc_dt",
        "service_dt",
        "SERVICE_DTTM",
        "date_of_svc",
        "dt_of_svc",
        "Date(s) of Service From",
        "Date(s) of Service",
        "CLM_FROM_DT",
        "CLM_THRU_DT",
        "LINE_1ST_EXPNS_DT",
        "visit_date",
        "encounter_date",
        "procedure_date",
        "dos",
        "date_of_service",
        "Service Date",
        // The letters of two words spelled an exclusion: "sedate", a dossier.
        "Expense Date",
        "ExpenseDate",
        "Line 1st Expense Date",
        "Dispense Date",
        "Case Date",
        "Purchase Date",
        "DOS_START",
        "DOSSTART",
        "DOS (Service)",
        "DOSFrom"
      })
  void aNameOfADateOfServiceLooksLikeTheDate(String name) {
    List<BatchHeader.Lookalike> found = lookalikes("code", name);
    assertEquals(List.of(new BatchHeader.Lookalike(name, "date")), found);
    assertEquals("column '" + name + "' is not read: did you mean 'date'?", found.get(0).message());
    assertEquals(List.of(), lookalikes("code", "date", name)); // then it is data of its own
  }

  /**
   * The other dates a claim export carries through are not the date of service, and neither are
   * words that hold the letters of "date" or "dos": no warning for them, a {@code date} column or
   * not.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "birth_date",
        "BENE_BIRTH_DT",
        "patient_dob",
        "paid_date",
        "PAID_DT",
        "CLM_PMT_DT",
        "payment_date",
        "received_date",
        "CLM_RCVD_DT",
        "admission_date",
        "discharge_dt",
        "process_date",
        "adjudication_date",
        "check_date",
        "posted_date",
        "submission_date",
        "created_date",
        "last_update",
        "updated_dt",
        "modified_date",
        "load_dt",
        "effective_date",
        "expiration_date",
        "termination_date",
        "enrollment_date",
        "eligibility_start_date",
        "report_date",
        "file_date",
        "bill_date",
        "onset_date",
        "injury_date",
        "order_date",
        "referral_date",
        "auth_date",
        "preauth_date",
        "readmission_date",
        "BirthDate",
        "DateOfBirth",
        "LastUpdate",
        // Written as one word: the exclusion is found inside it, as before words were split.
        "dateofbirth",
        "DATEOFBIRTH",
        "lastupdate",
        "LASTUPDATE",
        "datepaid",
        "DATERECEIVED",
        "PATDOBDT",
        "CLMPAIDDT",
        "candidate",
        "validated",
        "sedated",
        "dose",
        "dosage",
        "dosing_weight",
        "dossier",
        "Dossier_Number",
        "dtl_line_num"
      })
  void anotherDateOrAWordIsNotTheDate(String name) {
    assertEquals(List.of(), lookalikes("code", name));
  }

  /**
   * A name's words, which the exclusions are matched against: split at anything but letters and
   * digits, and at capitals that start a word.
   */
  @Test
  void theWordsOfANameAreSplitAtSeparatorsAndCapitals() {
    assertEquals(
        List.of("line", "1st", "expense", "date"), BatchHeader.words("Line 1st Expense Date"));
    assertEquals(List.of("line", "1st", "expns", "dt"), BatchHeader.words("LINE_1ST_EXPNS_DT"));
    assertEquals(List.of("date", "of", "birth"), BatchHeader.words("DateOfBirth"));
    assertEquals(List.of("dos", "from"), BatchHeader.words("DOSFrom"));
    assertEquals(List.of("date", "s", "of", "service"), BatchHeader.words("Date(s) of Service"));
    assertEquals(List.of("dos", "service"), BatchHeader.words(" DOS (Service) "));
    assertEquals(List.of(), BatchHeader.words("_-_"));
  }

  /** Two date columns of one line, From and To as the CMS-1500 has them: both are named. */
  @Test
  void eachDateColumnIsNamed() {
    assertEquals(
        List.of(
            new BatchHeader.Lookalike("DOS_FROM", "date"),
            new BatchHeader.Lookalike("DOS_TO", "date")),
        lookalikes("code", "DOS_FROM", "DOS_TO", "paid_date"));
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
