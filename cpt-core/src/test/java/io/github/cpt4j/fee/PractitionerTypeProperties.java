package io.github.cpt4j.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of reading provider taxonomy codes. */
class PractitionerTypeProperties {

  /** Any text: a type, none, or the method's own exception; never anything else. */
  @Property
  void taxonomyIsTotal(@ForAll String text) {
    try {
      PractitionerType.fromTaxonomy(text);
    } catch (IllegalArgumentException expected) {
      assertTrue(expected.getMessage().startsWith("not a provider taxonomy code: "));
    }
  }

  /** Every well-formed code has an answer, a type or none: the shape is all that is checked. */
  @Property
  void everyWellFormedCodeIsRead(@ForAll("anyCodes") String code) {
    PractitionerType.fromTaxonomy(code);
  }

  /**
   * An area of specialization is its classification's type: the last six characters never change
   * the answer.
   */
  @Property
  void specializationKeepsTheClassificationsType(
      @ForAll("codes") String code, @ForAll("anyCodes") String other) {
    String sibling = code.substring(0, 4) + other.substring(4);
    assertEquals(
        PractitionerType.fromTaxonomy(code),
        PractitionerType.fromTaxonomy(sibling),
        code + " vs " + sibling);
  }

  @Provide
  Arbitrary<String> codes() {
    Arbitrary<String> prefix =
        Arbitraries.of(
            "363L", "364S", "363A", "367A", "3675", "367H", "1041", "103T", "106H", "101Y", "133V",
            "2251", "225X", "235Z", "2252", "224Z", "207Q", "163W", "282N", "103G", "231H");
    Arbitrary<String> rest =
        Arbitraries.strings().withChars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ").ofLength(5);
    return net.jqwik.api.Combinators.combine(prefix, rest).as((p, r) -> p + r + "X");
  }

  @Provide
  Arbitrary<String> anyCodes() {
    return Arbitraries.strings()
        .withChars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        .ofLength(9)
        .map(s -> s + "X");
  }
}
