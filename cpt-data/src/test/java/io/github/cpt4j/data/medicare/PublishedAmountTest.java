package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PublishedAmount} as a value: equality, hashing and null arguments. */
class PublishedAmountTest {

  /** Rows in CMS's payment-amount layout (numbers only), each followed by the trailer. */
  private static PublishedAmount read(String row) throws Exception {
    String text = row + "\n\"TRL- A TRAILER RECORD\"\n";
    List<PublishedAmount> amounts =
        PaymentAmountFile.read(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "pf.txt");
    return amounts.get(0);
  }

  private static final String ROW =
      "\"2025\",\"13282\",\"99\",\"90471\",\"  \",\"0000019.24\",\"0000019.24\",\" \","
          + "\"5\",\"A\",\"0\",\"0000000.00\",\"0000000.00\",\"9\",\"0000000.00\",\"0000000.00\"";

  @Test
  void equalsAndHashCode() throws Exception {
    new EqualsTester()
        .addEqualityGroup(read(ROW), read(ROW))
        .addEqualityGroup(read(ROW.replace("\"2025\"", "\"2024\"")))
        .addEqualityGroup(read(ROW.replace("\"99\"", "\"01\"")))
        .addEqualityGroup(read(ROW.replace("\"90471\",\"  \"", "\"90471\",\"26\"")))
        .addEqualityGroup(read(ROW.replaceFirst("0000019.24", "0000019.25")))
        .addEqualityGroup(read(ROW.replace("\"A\"", "\"R\"")))
        .testEquals();
  }

  /** {@link #ROW} with field {@code index} (from 0, in the layout's order) set to {@code value}. */
  private static PublishedAmount readWith(int index, String value) throws Exception {
    String[] fields = ROW.substring(1, ROW.length() - 1).split("\",\"", -1);
    fields[index] = value;
    return read("\"" + String.join("\",\"", fields) + "\"");
  }

  /** Every field the value holds tells two values apart, as the group above does for six. */
  @Test
  void eachFieldTellsAmountsApart() throws Exception {
    new EqualsTester()
        .addEqualityGroup(read(ROW), readWith(7, " "))
        .addEqualityGroup(readWith(1, "13202"))
        .addEqualityGroup(readWith(3, "90472"))
        .addEqualityGroup(readWith(5, "0000019.25"))
        .addEqualityGroup(readWith(6, "0000019.25"))
        .addEqualityGroup(readWith(8, "0"))
        .addEqualityGroup(readWith(10, "2"))
        .addEqualityGroup(readWith(13, "1"))
        .addEqualityGroup(readWith(14, "0000001.00"))
        .addEqualityGroup(readWith(15, "0000001.00"))
        .testEquals();
  }

  @Test
  void nullArgumentsAreRefusedByName() throws Exception {
    PublishedAmount amount = read(ROW);
    new NullPointerTester().testAllPublicInstanceMethods(amount);
    // A null setting read as non-facility: a wrong answer rather than an error.
    NullPointerException e = assertThrows(NullPointerException.class, () -> amount.amount(null));
    assertEquals("setting", e.getMessage());
  }
}
