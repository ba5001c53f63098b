package io.github.cpt4j.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import java.time.LocalDate;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LocalityAndContextTest {

  private static final Npi NP = Npi.parse("1000000004");

  @Test
  void parsesTheForms() {
    Locality l = Locality.parse("01112-05");
    assertEquals("01112", l.mac());
    assertEquals("05", l.number());
    assertEquals(l, Locality.parse("0111205"));
    assertEquals(l, Locality.parse(" 01112 05 "));
    assertEquals(l, Locality.of("01112", "05"));
    assertEquals("01112-05", l.toString());
    assertEquals(111205, l.packed());
    for (String bad : new String[] {"", "1112-05", "01112-5", "0111205x", "01112/05", "A1112-05"}) {
      assertThrows(IllegalArgumentException.class, () -> Locality.parse(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> Locality.of("1112", "05"));
    assertThrows(IllegalArgumentException.class, () -> Locality.ofPacked(10_000_000));
  }

  @Property
  void roundTrips(@ForAll @IntRange(min = 0, max = 9_999_999) int packed) {
    Locality locality = Locality.ofPacked(packed);
    assertEquals(locality, Locality.parse(locality.toString()));
    assertEquals(locality, Locality.of(locality.mac(), locality.number()));
    assertEquals(
        Integer.signum(packed - 1_328_299),
        Integer.signum(locality.compareTo(Locality.parse("13282-99"))));
  }

  @Test
  void localityEqualsByValue() {
    new EqualsTester()
        .addEqualityGroup(
            Locality.parse("13282-99"), Locality.of("13282", "99"), Locality.valueOf("1328299"))
        .addEqualityGroup(Locality.parse("13282-98"))
        .testEquals();
    new NullPointerTester().testAllPublicStaticMethods(Locality.class);
  }

  @Test
  void contextHasDefaultsAndWithers() {
    LocalDate date = LocalDate.of(2025, 3, 14);
    Locality l = Locality.parse("13282-99");
    PricingContext c = PricingContext.of(date, l, Setting.NON_FACILITY);
    assertTrue(c.participating());
    assertEquals(false, c.qualifyingApmParticipant());
    assertEquals("2025-03-14 13282-99 non-facility", c.toString());
    PricingContext other =
        c.withParticipating(false).withQualifyingApmParticipant(true).withSetting(Setting.FACILITY);
    assertEquals("2025-03-14 13282-99 facility non-participating QP", other.toString());
    assertEquals(Optional.empty(), PricingContext.withoutArea(date, Setting.FACILITY).area());
    assertEquals(Optional.empty(), Locality.in(PricingContext.withoutArea(date, Setting.FACILITY)));
    assertEquals(Optional.of(l), Locality.in(c));
    assertEquals(Optional.of(l), c.area());
    assertEquals("13282-99", l.id());
    new EqualsTester()
        .addEqualityGroup(c, PricingContext.of(date, l, Setting.NON_FACILITY))
        .addEqualityGroup(c.withParticipating(false))
        .addEqualityGroup(c.withQualifyingApmParticipant(true))
        .addEqualityGroup(c.withSetting(Setting.FACILITY))
        .addEqualityGroup(c.withDateOfService(date.plusDays(1)))
        .addEqualityGroup(c.withArea(Locality.parse("13202-01")))
        .addEqualityGroup(c.withBeneficiaryZip("10001"), c.withBeneficiaryZip("10001-1234"))
        .addEqualityGroup(c.withBeneficiaryZip("10002"))
        .addEqualityGroup(
            c.withPractitioner(PractitionerType.NURSE_PRACTITIONER),
            c.withPractitioner(PractitionerType.parse(" NP ")))
        .addEqualityGroup(
            c.withPractitioner(NP, PractitionerType.NURSE_PRACTITIONER),
            c.withPractitioner(NP, PractitionerType.PHYSICIAN_ASSISTANT)
                .withPractitioner(NP, PractitionerType.NURSE_PRACTITIONER))
        .addEqualityGroup(c.withPractitioner(NP, PractitionerType.PHYSICIAN))
        .testEquals();
    // Each rendering provider's type: its lines' context says it; other providers keep the claim's.
    PricingContext group =
        c.withPractitioner(PractitionerType.PHYSICIAN_ASSISTANT)
            .withPractitioner(NP, PractitionerType.NURSE_PRACTITIONER);
    assertEquals(
        PractitionerType.NURSE_PRACTITIONER, group.forRenderingProvider(NP).practitioner());
    assertEquals(
        PractitionerType.PHYSICIAN_ASSISTANT,
        group.forRenderingProvider(Npi.parse("1234567893")).practitioner());
    assertSame(group, group.forRenderingProvider(Npi.parse("1234567893")));
    assertEquals(
        "2025-03-14 13282-99 non-facility physician assistant, 1000000004 nurse practitioner",
        group.toString());
    assertEquals(java.util.Map.of(NP, PractitionerType.NURSE_PRACTITIONER), group.practitioners());
    // Equal contexts print alike, whatever order their providers were given in.
    Npi pa = Npi.parse("2000000002");
    PricingContext one =
        c.withPractitioner(pa, PractitionerType.PHYSICIAN_ASSISTANT)
            .withPractitioner(NP, PractitionerType.NURSE_PRACTITIONER);
    PricingContext reversed =
        c.withPractitioner(NP, PractitionerType.NURSE_PRACTITIONER)
            .withPractitioner(pa, PractitionerType.PHYSICIAN_ASSISTANT);
    assertEquals(one, reversed);
    assertEquals(one.toString(), reversed.toString());
    assertEquals(java.util.List.of(NP, pa), java.util.List.copyOf(one.practitioners().keySet()));
    assertEquals(c, c.withPractitioner(PractitionerType.PHYSICIAN));
    PricingContext hospital =
        c.withPlaceOfService(io.github.cpt4j.fee.medicare.PlaceOfService.parse("22"));
    assertEquals(Setting.FACILITY, hospital.setting());
    assertEquals("2025-03-14 13282-99 facility POS 22", hospital.toString());
    assertEquals(Optional.empty(), hospital.withSetting(Setting.NON_FACILITY).placeOfService());
    assertEquals(hospital, hospital.withSetting(Setting.FACILITY));
    assertEquals(
        hospital.withPlaceOfService(io.github.cpt4j.fee.medicare.PlaceOfService.OFFICE),
        c.withPlaceOfService(io.github.cpt4j.fee.medicare.PlaceOfService.parse("11")));
    assertEquals(PractitionerType.PHYSICIAN, c.practitioner());
    assertEquals(
        "2025-03-14 13282-99 non-facility clinical social worker",
        c.withPractitioner(PractitionerType.CLINICAL_SOCIAL_WORKER).toString());
    assertEquals(c, c.withBeneficiaryZip("10001").withoutBeneficiaryZip());
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(Locality.class, l)
            .setDefault(PaymentArea.class, l)
            .setDefault(Npi.class, NP);
    tester.testAllPublicStaticMethods(PricingContext.class);
    tester.testAllPublicInstanceMethods(c);
    assertEquals(Setting.FACILITY, Setting.NON_FACILITY.other());
  }

  @Test
  void supervisorPresenceAtInductionIsOffUntilSaidAndKeptByTheOtherWithers() {
    PricingContext c =
        PricingContext.of(LocalDate.of(2025, 3, 14), Locality.parse("13282-99"), Setting.FACILITY);
    assertFalse(c.supervisorPresentAtInduction());
    assertFalse(
        PricingContext.withoutArea(LocalDate.of(2025, 3, 14), Setting.FACILITY)
            .supervisorPresentAtInduction());
    PricingContext present = c.withSupervisorPresentAtInduction(true);
    assertTrue(present.supervisorPresentAtInduction());
    assertEquals(
        "2025-03-14 13282-99 facility supervisor present at induction", present.toString());
    assertEquals(c, present.withSupervisorPresentAtInduction(false));
    new EqualsTester()
        .addEqualityGroup(c, c.withSupervisorPresentAtInduction(false))
        .addEqualityGroup(present, c.withSupervisorPresentAtInduction(true))
        .testEquals();
    // A claim's lines of other dates are priced in copies of the claim's context: it must stay.
    PricingContext copied =
        present
            .withDateOfService(LocalDate.of(2025, 3, 15))
            .withArea(Locality.parse("13202-01"))
            .withSetting(Setting.NON_FACILITY)
            .withPlaceOfService(io.github.cpt4j.fee.medicare.PlaceOfService.parse("22"))
            .withParticipating(false)
            .withQualifyingApmParticipant(true)
            .withBeneficiaryZip("10001")
            .withoutBeneficiaryZip()
            .withPractitioner(PractitionerType.NURSE_PRACTITIONER);
    assertTrue(copied.supervisorPresentAtInduction(), copied::toString);
  }

  @Test
  void beneficiaryZipKeepsFiveDigits() {
    PricingContext c =
        PricingContext.of(LocalDate.of(2025, 3, 14), Locality.parse("13282-99"), Setting.FACILITY);
    assertEquals(Optional.empty(), c.beneficiaryZip());
    assertEquals(Optional.of("10001"), c.withBeneficiaryZip(" 100011234 ").beneficiaryZip());
    assertEquals(
        "2025-03-14 13282-99 facility beneficiary ZIP 10001",
        c.withBeneficiaryZip("10001-1234").toString());
    // The other withers keep the ZIP code.
    assertEquals(
        Optional.of("10001"),
        c.withBeneficiaryZip("10001")
            .withParticipating(false)
            .withSetting(Setting.NON_FACILITY)
            .withDateOfService(LocalDate.of(2025, 1, 2))
            .withArea(Locality.parse("13202-01"))
            .withQualifyingApmParticipant(true)
            .beneficiaryZip());
    for (String bad : new String[] {"", "1000", "100011", "10001-123", "1000a", "10001+1234"}) {
      assertThrows(IllegalArgumentException.class, () -> c.withBeneficiaryZip(bad), bad);
    }
  }

  @Test
  void aZipCodeMayHaveBlanksAroundItButNoControlCharacter() {
    PricingContext c =
        PricingContext.of(LocalDate.of(2025, 3, 14), Locality.parse("13282-99"), Setting.FACILITY);
    // trim() once dropped NUL and escape around the ZIP code, which is neither of its forms.
    for (String bad :
        new String[] {
          "\u000010001\u0000",
          "\u001b10001",
          "10001\n",
          "\r10001",
          "10001\u001f",
          "10001-1234\u007f"
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> c.withBeneficiaryZip(bad), bad);
      assertTrue(e.getMessage().matches("[\\x20-\\x7e]+"), e.getMessage());
    }
    assertEquals(
        Optional.of("10001"), c.withBeneficiaryZip("\t\u00a010001-1234 \u3000").beneficiaryZip());
  }

  /** Below 0 is out of range as above 9,999,999 is; -1 included. */
  @Test
  void ofPackedRefusesNegatives() {
    for (int bad : new int[] {-1, -2, Integer.MIN_VALUE, 10_000_000}) {
      assertThrows(IllegalArgumentException.class, () -> Locality.ofPacked(bad), "" + bad);
    }
    assertEquals("00000-00", Locality.ofPacked(0).toString());
  }

  /** The characters just outside '0'..'9' ('/' and ':') are not digits of a locality. */
  @Test
  void refusesTheCharactersNextToTheDigits() {
    for (String bad :
        new String[] {"0111:-05", "/1112-05", "01112-0:", "01112-/5", "0111205:", "01112 :5"}) {
      assertThrows(IllegalArgumentException.class, () -> Locality.parse(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> Locality.of("0111:", "05"));
    assertThrows(IllegalArgumentException.class, () -> Locality.of("01112", "/5"));
  }

  /** Every wither other than withSetting keeps the place of service, as they keep the ZIP code. */
  @Test
  void theOtherWithersKeepThePlaceOfService() {
    PricingContext hospital =
        PricingContext.of(LocalDate.of(2025, 3, 14), Locality.parse("13282-99"), Setting.FACILITY)
            .withPlaceOfService(io.github.cpt4j.fee.medicare.PlaceOfService.parse("22"));
    Optional<Integer> pos = Optional.of(22);
    assertEquals(pos, hospital.withParticipating(false).placeOfService().map(ServicePlace::code));
    assertEquals(
        pos, hospital.withQualifyingApmParticipant(true).placeOfService().map(ServicePlace::code));
    assertEquals(
        pos,
        hospital
            .withDateOfService(LocalDate.of(2025, 1, 2))
            .placeOfService()
            .map(ServicePlace::code));
    assertEquals(
        pos,
        hospital.withArea(Locality.parse("13202-01")).placeOfService().map(ServicePlace::code));
    assertEquals(
        pos, hospital.withBeneficiaryZip("10001").placeOfService().map(ServicePlace::code));
    assertEquals(
        pos,
        hospital
            .withBeneficiaryZip("10001")
            .withoutBeneficiaryZip()
            .placeOfService()
            .map(ServicePlace::code));
    assertEquals(
        pos,
        hospital
            .withPractitioner(PractitionerType.NURSE_PRACTITIONER)
            .placeOfService()
            .map(ServicePlace::code));
  }

  /**
   * A place of service of the caller's own whose code is no place's (0) was taken, and the context
   * then failed deep inside a Medicare schedule that read it back by its code; it is refused where
   * it is given. Medicare's places, all 99, are taken and read back as themselves.
   */
  @Test
  void aPlaceOfServiceOutsideOneToNinetyNineIsRefused() {
    PricingContext facility =
        PricingContext.of(LocalDate.of(2025, 3, 14), Locality.parse("13282-99"), Setting.FACILITY);
    for (int bad : new int[] {0, -1, 100, Integer.MIN_VALUE}) {
      ServicePlace place =
          new ServicePlace() {
            @Override
            public int code() {
              return bad;
            }

            @Override
            public Setting setting() {
              return Setting.NON_FACILITY;
            }
          };
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> facility.withPlaceOfService(place));
      assertTrue(
          e.getMessage().startsWith("a place of service is 01 to 99, not " + bad + " ("),
          e::getMessage);
    }
    for (int code = 1; code <= 99; code++) {
      PricingContext at = facility.withPlaceOfService(PlaceOfService.of(code));
      assertSame(PlaceOfService.of(code), PlaceOfService.in(at).orElseThrow());
      assertEquals(PlaceOfService.of(code).setting(), at.setting());
    }
  }
}
