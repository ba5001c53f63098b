package io.github.cpt4j.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpiTest {

  @ParameterizedTest
  @ValueSource(strings = {"1234567893", "1000000004", "1999999992", "2000000002", "2999999990"})
  void readsNpisWhoseCheckDigitIsRight(String text) {
    Npi npi = Npi.parse(text);
    assertEquals(text, npi.toString());
    assertTrue(Npi.isValid(text));
    assertEquals(Optional.of(npi), Npi.tryParse(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''           | EMPTY             | 0",
        "123456789    | WRONG_LENGTH      | 9",
        "12345678930  | WRONG_LENGTH      | 10",
        "1234567890   | BAD_CHECK_DIGIT   | 9",
        "1234567894   | BAD_CHECK_DIGIT   | 9",
        "3234567893   | ILLEGAL_CHARACTER | 0",
        "0234567893   | ILLEGAL_CHARACTER | 0",
        "12345-7893   | ILLEGAL_CHARACTER | 5",
        "123456789X   | ILLEGAL_CHARACTER | 9",
        "' 1234567893' | ILLEGAL_CHARACTER | 0",
        "１234567893  | ILLEGAL_CHARACTER | 0",
      })
  void refusesWhatIsNoNpiSayingWhatAndWhere(String text, ErrorType type, int index) {
    CodeFormatException e = assertThrows(CodeFormatException.class, () -> Npi.parse(text));
    assertEquals(type, e.errorType(), e.getMessage());
    assertEquals(index, e.errorIndex(), e.getMessage());
    assertEquals(text, e.input());
    assertFalse(Npi.isValid(text));
    assertEquals(Optional.empty(), Npi.tryParse(text));
  }

  @Test
  void aWrongCheckDigitSaysTheRightOne() {
    CodeFormatException e = assertThrows(CodeFormatException.class, () -> Npi.parse("1234567890"));
    assertTrue(e.getMessage().contains("is 3"), e.getMessage());
  }

  @Test
  void theFirstDigitIsOneOrTwoAndSaysNothingMore() {
    // CMS issues NPIs from 1 and 2 alike to people and organisations: no entity type to read.
    assertEquals("1999999992", Npi.parse("1999999992").toString());
    assertEquals("2000000002", Npi.parse("2000000002").toString());
    CodeFormatException e = assertThrows(CodeFormatException.class, () -> Npi.parse("3000000008"));
    assertEquals("an NPI starts with 1 or 2", e.getMessage().replaceAll(".*: ", ""));
  }

  @Test
  void ordersByNumber() {
    assertTrue(Npi.parse("1234567893").compareTo(Npi.parse("2000000002")) < 0);
    assertTrue(Npi.parse("2999999990").compareTo(Npi.parse("2000000002")) > 0);
    assertEquals(0, Npi.parse("1234567893").compareTo(Npi.parse("1234567893")));
  }

  @Test
  void equalsByNumber() {
    new EqualsTester()
        .addEqualityGroup(Npi.parse("1234567893"), Npi.parse("1234567893"))
        .addEqualityGroup(Npi.parse("2000000002"))
        .testEquals();
  }

  @Test
  void refusesNulls() throws NoSuchMethodException {
    new NullPointerTester()
        // Documented to never throw: null is simply no NPI, as for the codes.
        .ignore(Npi.class.getMethod("tryParse", CharSequence.class))
        .ignore(Npi.class.getMethod("isValid", CharSequence.class))
        .testAllPublicStaticMethods(Npi.class);
    new NullPointerTester().testAllPublicInstanceMethods(Npi.parse("1234567893"));
    assertEquals(Optional.empty(), Npi.tryParse(null));
    assertFalse(Npi.isValid(null));
  }
}
