package io.github.cpt4j.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import java.math.BigDecimal;
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
          PractitionerType.THERAPIST
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
}
