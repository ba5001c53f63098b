package io.github.cpt4j.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cpt4j.data.load.DataLoadException;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code RELEASED MM/DD/YYYY} row that a relative value file and a CMS directory both read. */
class ReleasedDateTest {

  private static final ReleasedDate.Place NOWHERE =
      (offset, message) -> new DataLoadException("t.csv", 1, offset, message);

  @Test
  void readsTheFirstReleasedRowInAnyCase() throws DataLoadException {
    assertEquals(
        Optional.of(LocalDate.of(2025, 9, 11)),
        ReleasedDate.find(",,RELEASED 09/11/2025,", NOWHERE));
    assertEquals(
        Optional.of(LocalDate.of(2025, 9, 1)),
        ReleasedDate.find("released\t9/1/2025 and RELEASED 02/30/2025", NOWHERE));
  }

  @Test
  void findsNothingWithoutAFourDigitYearOrAsciiDigits() throws DataLoadException {
    assertEquals(Optional.empty(), ReleasedDate.find("", NOWHERE));
    assertEquals(Optional.empty(), ReleasedDate.find("RELEASED 09/11/25", NOWHERE));
    assertEquals(Optional.empty(), ReleasedDate.find("RELEASED 09-11-2025", NOWHERE));
    assertEquals(Optional.empty(), ReleasedDate.find("RELEASED \u0660\u0669/11/2025", NOWHERE));
    assertEquals(Optional.empty(), ReleasedDate.find("RELEASED: 09/11/2025", NOWHERE));
  }

  @Test
  void aRowThatIsNoDateFailsWhereItStarts() {
    DataLoadException e =
        assertThrows(
            DataLoadException.class, () -> ReleasedDate.find("x,released 02/30/2025", NOWHERE));
    assertEquals(2, e.column());
    assertEquals(
        "t.csv, line 1, column 2: the title block's 'released 02/30/2025' is not a date: expected"
            + " RELEASED MM/DD/YYYY",
        e.getMessage());
  }
}
