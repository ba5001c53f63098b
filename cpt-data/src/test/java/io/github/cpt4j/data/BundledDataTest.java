package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BundledDataTest {

  @Test
  void theSampleIsLoadedOnceAndShared() {
    assertSame(BundledData.codeSet(), BundledData.codeSet());
  }

  @Test
  void aMissingResourceIsAClearError() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> BundledData.load("no-such-codes.csv"));
    assertEquals(
        "cpt4j resource io/github/cpt4j/data/no-such-codes.csv is missing; is cpt-data"
            + " on the class path or module path?",
        e.getMessage());
  }

  @Test
  void aMalformedResourceIsAClearErrorNamingIt() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> BundledData.load("malformed-codes.csv"));
    assertEquals(
        "cannot load cpt4j resource io/github/cpt4j/data/malformed-codes.csv:"
            + " io/github/cpt4j/data/malformed-codes.csv, line 3, column 1: code 99213 is already"
            + " on line 2; expected each code once",
        e.getMessage());
  }
}
