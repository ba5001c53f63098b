package io.github.cpt4j.cli.price;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A claim value that comes back after other claims, within the window of ended claims. */
class ClaimOrderTest {

  private static void start(ClaimOrder order, String value, long line) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    order.start(bytes, bytes.length, line);
  }

  @Test
  void aValueThatComesBackIsCountedWithTheFirstLine() {
    ClaimOrder order = new ClaimOrder();
    start(order, "A", 2);
    start(order, "B", 3);
    assertEquals(ClaimOrder.Returns.NONE, order.returns());
    start(order, "A", 4);
    start(order, "C", 5);
    start(order, "B", 6);
    assertEquals(new ClaimOrder.Returns(2, "A", 4), order.returns());
    assertEquals(
        "claim 'A' comes back at file line 4 after other claims: its rows are priced as"
            + " separate claims; sort the file by claim",
        new ClaimOrder.Returns(1, "A", 4).message("priced"));
    assertEquals(
        "claim values come back 2 times after other claims, first 'A' at file line 4: their rows"
            + " are checked as separate claims; sort the file by claim",
        order.returns().message("checked"));
  }

  /** The open claim is not yet ended: a value starting again right away has ended in between. */
  @Test
  void aValueStartingAgainAfterItselfComesBack() {
    ClaimOrder order = new ClaimOrder();
    start(order, "A", 2);
    start(order, "A", 4); // a row without a claim value stood between them
    assertEquals(new ClaimOrder.Returns(1, "A", 4), order.returns());
  }

  @Test
  void theWindowIsTheLastEndedClaims() {
    ClaimOrder order = new ClaimOrder();
    start(order, "A", 1);
    for (int i = 0; i < ClaimOrder.WINDOW; i++) {
      start(order, "other " + i, i + 2);
    }
    start(order, "A", 9_999); // 4,096 claims ended after A's: A is forgotten
    assertEquals(ClaimOrder.Returns.NONE, order.returns());
    for (int i = 0; i < ClaimOrder.WINDOW - 1; i++) {
      start(order, "more " + i, i + 20_000);
    }
    start(order, "A", 99_999); // 4,095 claims ended after A's
    assertEquals(new ClaimOrder.Returns(1, "A", 99_999), order.returns());
  }

  @Test
  void aValueTooLongToRememberIsNotWatched() {
    ClaimOrder order = new ClaimOrder();
    String longValue = "x".repeat(ClaimOrder.MAX_VALUE_BYTES + 1);
    start(order, longValue, 1);
    start(order, "B", 2);
    start(order, longValue, 3);
    assertEquals(ClaimOrder.Returns.NONE, order.returns());
  }

  /**
   * Against a model: a value is remembered while fewer than {@link ClaimOrder#WINDOW} claims ended
   * after its own last end. Few values make many returns and moves; many make the ring evict.
   */
  @Test
  void agreesWithAModelOverRandomClaims() {
    Random random = new Random(42);
    for (int values : new int[] {3, 50, 3_000, 6_000, 100_000}) {
      ClaimOrder order = new ClaimOrder();
      Map<String, Long> lastEnded = new HashMap<>();
      long ended = 0;
      String open = null;
      long count = 0;
      String first = "";
      long firstLine = 0;
      for (long line = 1; line <= 200_000; line++) {
        String value = Integer.toString(random.nextInt(values));
        if (open != null) {
          lastEnded.put(open, ended++);
        }
        Long end = lastEnded.get(value);
        if (end != null && ended - end <= ClaimOrder.WINDOW && count++ == 0) {
          first = value;
          firstLine = line;
        }
        open = value;
        start(order, value, line);
      }
      assertEquals(
          count == 0 ? ClaimOrder.Returns.NONE : new ClaimOrder.Returns(count, first, firstLine),
          order.returns(),
          "values " + values);
    }
  }
}
