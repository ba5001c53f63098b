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

  /**
   * An area of specialization is its classification's type: a code reads as its classification's
   * own code (the first four characters, then 00000X) does, whatever its last six characters.
   */
  @Property
  void aCodeReadsAsItsClassification(@ForAll("codes") String code) {
    assertEquals(
        PractitionerType.fromTaxonomy(code.substring(0, 4) + "00000X"),
        PractitionerType.fromTaxonomy(code),
        code);
  }

  /** The same law over codes of any classification, most of them of no type. */
  @Property
  void anyCodeReadsAsItsClassification(@ForAll("anyCodes") String code) {
    aCodeReadsAsItsClassification(code);
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
