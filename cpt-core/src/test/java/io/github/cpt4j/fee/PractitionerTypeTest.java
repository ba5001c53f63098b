package io.github.cpt4j.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PractitionerTypeTest {

  @Test
  void sharesAsChapter12StatesThem() {
    assertEquals(new BigDecimal("0.85"), PractitionerType.NURSE_PRACTITIONER.medicareShare());
    assertEquals(
        new BigDecimal("0.85"), PractitionerType.CLINICAL_NURSE_SPECIALIST.medicareShare());
    assertEquals(new BigDecimal("0.85"), PractitionerType.PHYSICIAN_ASSISTANT.medicareShare());
    assertEquals(new BigDecimal("0.75"), PractitionerType.CLINICAL_SOCIAL_WORKER.medicareShare());
    assertEquals(
        new BigDecimal("0.75"), PractitionerType.MARRIAGE_AND_FAMILY_THERAPIST.medicareShare());
    assertEquals(new BigDecimal("0.75"), PractitionerType.MENTAL_HEALTH_COUNSELOR.medicareShare());
    assertEquals(new BigDecimal("0.85"), PractitionerType.REGISTERED_DIETITIAN.medicareShare());
    assertEquals(new BigDecimal("0.85"), PractitionerType.THERAPY_ASSISTANT.medicareShare());
    for (PractitionerType full :
        new PractitionerType[] {
          PractitionerType.PHYSICIAN,
          PractitionerType.CERTIFIED_NURSE_MIDWIFE,
          PractitionerType.CLINICAL_PSYCHOLOGIST,
          PractitionerType.NURSE_ANESTHETIST,
          PractitionerType.THERAPIST,
          PractitionerType.AUDIOLOGIST
        }) {
      assertSame(BigDecimal.ONE, full.medicareShare(), full.name());
      assertFalse(full.isReduced(), full.name());
    }
    assertTrue(PractitionerType.NURSE_PRACTITIONER.isReduced());
    assertEquals(
        "Claims Processing Manual ch. 12 §120.1",
        PractitionerType.NURSE_PRACTITIONER.medicareSource());
    for (PractitionerType type : PractitionerType.values()) {
      assertFalse(type.medicareSource().isEmpty(), type.name());
    }
  }

  @Test
  void theShareIsTheOneOnTheDateOfService() {
    LocalDate y2010 = LocalDate.of(2010, 12, 31);
    LocalDate y2021 = LocalDate.of(2021, 12, 31);
    // Before Change Request 7005 (ch. 12 §130.1): 65%; from 2011 the full share.
    assertEquals(
        new BigDecimal("0.65"), PractitionerType.CERTIFIED_NURSE_MIDWIFE.medicareShare(y2010));
    assertTrue(PractitionerType.CERTIFIED_NURSE_MIDWIFE.isReduced(y2010));
    assertSame(
        BigDecimal.ONE,
        PractitionerType.CERTIFIED_NURSE_MIDWIFE.medicareShare(LocalDate.of(2011, 1, 1)));
    // Social Security Act §1834(v): no reduction before 2022.
    assertSame(BigDecimal.ONE, PractitionerType.THERAPY_ASSISTANT.medicareShare(y2021));
    assertFalse(PractitionerType.THERAPY_ASSISTANT.isReduced(y2021));
    assertEquals(
        new BigDecimal("0.85"),
        PractitionerType.THERAPY_ASSISTANT.medicareShare(LocalDate.of(2022, 1, 1)));
    assertEquals(
        "100% for a therapy assistant before 2022-01-01, when the 85% share began (Social Security"
            + " Act §1834(v))",
        PractitionerType.THERAPY_ASSISTANT.describeShare(y2021));
    assertEquals(
        "65% for a certified nurse-midwife before 2011-01-01, when the share became 100% (Claims"
            + " Processing Manual ch. 12 §130.1, before Change Request 7005)",
        PractitionerType.CERTIFIED_NURSE_MIDWIFE.describeShare(y2010));
    assertEquals(
        "85% for a nurse practitioner (Claims Processing Manual ch. 12 §120.1)",
        PractitionerType.NURSE_PRACTITIONER.describeShare(y2010));
    // The others' share has not changed.
    for (PractitionerType type : PractitionerType.values()) {
      boolean changed =
          type == PractitionerType.CERTIFIED_NURSE_MIDWIFE
              || type == PractitionerType.THERAPY_ASSISTANT;
      assertEquals(changed, type.medicareShareFrom().isPresent(), type.name());
      if (!changed) {
        assertSame(type.medicareShare(), type.medicareShare(LocalDate.of(1992, 1, 1)), type.name());
      }
    }
  }

  @Test
  void marriageAndFamilyTherapistsAndCounselorsAreCoveredFrom2024() {
    LocalDate from = LocalDate.of(2024, 1, 1);
    for (PractitionerType type : PractitionerType.values()) {
      boolean added =
          type == PractitionerType.MARRIAGE_AND_FAMILY_THERAPIST
              || type == PractitionerType.MENTAL_HEALTH_COUNSELOR;
      assertEquals(
          added ? java.util.Optional.of(from) : java.util.Optional.empty(), type.coveredFrom());
      assertEquals(!added, type.isCoveredOn(from.minusDays(1)), type.name());
      assertTrue(type.isCoveredOn(from), type.name());
    }
  }

  @Test
  void thePractitionersOfSection1842b18CMustAcceptAssignment() {
    java.util.EnumSet<PractitionerType> listed =
        java.util.EnumSet.of(
            PractitionerType.PHYSICIAN_ASSISTANT,
            PractitionerType.NURSE_PRACTITIONER,
            PractitionerType.CLINICAL_NURSE_SPECIALIST,
            PractitionerType.NURSE_ANESTHETIST,
            PractitionerType.CERTIFIED_NURSE_MIDWIFE,
            PractitionerType.CLINICAL_SOCIAL_WORKER,
            PractitionerType.CLINICAL_PSYCHOLOGIST,
            PractitionerType.REGISTERED_DIETITIAN,
            PractitionerType.MARRIAGE_AND_FAMILY_THERAPIST,
            PractitionerType.MENTAL_HEALTH_COUNSELOR);
    for (PractitionerType type : PractitionerType.values()) {
      assertEquals(listed.contains(type), type.mustAcceptAssignment(), type.name());
    }
    // Physicians, therapists in private practice (and the assistants billing under them) and
    // audiologists may decline assignment, and then have a limiting charge.
    assertEquals(4, PractitionerType.values().length - listed.size());
  }

  @Test
  void parsesIdsAndNames() {
    for (PractitionerType type : PractitionerType.values()) {
      assertSame(type, PractitionerType.parse(type.id()));
      assertSame(type, PractitionerType.parse(type.name().toLowerCase(java.util.Locale.ROOT)));
    }
    assertSame(PractitionerType.CLINICAL_SOCIAL_WORKER, PractitionerType.parse(" CSW "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PractitionerType.parse("nurse"));
    assertTrue(
        e.getMessage().contains("'nurse'") && e.getMessage().contains("np, cns"), e.getMessage());
    new NullPointerTester().testAllPublicStaticMethods(PractitionerType.class);
  }

  @Test
  void readsTheClassificationOfATaxonomyCode() {
    String[][] examples = {
      {"207Q00000X", "PHYSICIAN"}, // family medicine
      {"2084N0400X", "PHYSICIAN"}, // a neurologist: an area of specialization
      {"202C00000X", "PHYSICIAN"},
      {"209800000X", "PHYSICIAN"},
      {"1223G0001X", "PHYSICIAN"}, // general practice dentist
      {"213ES0103X", "PHYSICIAN"}, // foot and ankle surgery podiatrist
      {"152W00000X", "PHYSICIAN"},
      {"111N00000X", "PHYSICIAN"},
      {"363L00000X", "NURSE_PRACTITIONER"},
      {"363LF0000X", "NURSE_PRACTITIONER"},
      {"364S00000X", "CLINICAL_NURSE_SPECIALIST"},
      {"363A00000X", "PHYSICIAN_ASSISTANT"},
      {"363AS0400X", "PHYSICIAN_ASSISTANT"},
      {"367A00000X", "CERTIFIED_NURSE_MIDWIFE"},
      {"367500000X", "NURSE_ANESTHETIST"},
      {"367H00000X", "NURSE_ANESTHETIST"},
      {"1041C0700X", "CLINICAL_SOCIAL_WORKER"},
      {"103TC0700X", "CLINICAL_PSYCHOLOGIST"},
      {"103G00000X", "CLINICAL_PSYCHOLOGIST"}, // clinical neuropsychologist
      {"231H00000X", "AUDIOLOGIST"},
      {"106H00000X", "MARRIAGE_AND_FAMILY_THERAPIST"},
      {"101YM0800X", "MENTAL_HEALTH_COUNSELOR"},
      {"101YP2500X", "MENTAL_HEALTH_COUNSELOR"},
      {"133V00000X", "REGISTERED_DIETITIAN"},
      {"133N00000X", "REGISTERED_DIETITIAN"},
      {"225100000X", "THERAPIST"},
      {"225X00000X", "THERAPIST"},
      {"235Z00000X", "THERAPIST"},
      {"225200000X", "THERAPY_ASSISTANT"},
      {"224Z00000X", "THERAPY_ASSISTANT"},
    };
    for (String[] example : examples) {
      assertEquals(
          java.util.Optional.of(PractitionerType.valueOf(example[1])),
          PractitionerType.fromTaxonomy(example[0]),
          example[0]);
    }
    // Providers Medicare pays no share of the fee schedule to: no type, not a physician's.
    for (String none :
        new String[] {"163W00000X", "282N00000X", "176B00000X", "261QP2300X", "183500000X"}) {
      assertEquals(java.util.Optional.empty(), PractitionerType.fromTaxonomy(none), none);
    }
  }

  @Test
  void refusesTextNotShapedAsATaxonomyCode() {
    for (String bad :
        new String[] {
          "",
          "363L00000",
          "363l00000X",
          "363L00000x",
          "363L000000X",
          " 363L00000X",
          "363L-0000X",
          "np"
        }) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> PractitionerType.fromTaxonomy(bad), bad);
      assertTrue(
          e.getMessage().startsWith("not a provider taxonomy code: '")
              && e.getMessage().contains("ten characters"),
          e.getMessage());
    }
  }
}
