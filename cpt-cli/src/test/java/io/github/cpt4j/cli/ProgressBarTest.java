package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void formatsShareCountAndRate() {
    assertEquals(
        "[===============               ]  50%  120,000 rows  60,000 rows/s",
        ProgressBar.line(120_000, 500, 1_000, 2_000_000_000L));
    assertEquals("42 rows", ProgressBar.line(42, 10, -1, 0));
  }

  @Test
  void redrawsAtMostTenTimesASecondAndEndsItsLine() {
    StringWriter text = new StringWriter();
    AtomicLong now = new AtomicLong();
    ProgressBar bar = new ProgressBar(new PrintWriter(text), () -> 0, -1, now::get);
    bar.accept(1);
    assertEquals("", text.toString());
    now.set(150_000_000L);
    bar.accept(2);
    bar.accept(3);
    now.set(200_000_000L);
    bar.accept(4);
    assertEquals(1, text.toString().chars().filter(c -> c == '\r').count(), text::toString);
    bar.finish(5);
    assertTrue(
        text.toString().endsWith("5 rows  25 rows/s" + System.lineSeparator()), text::toString);
  }

  @Test
  void aRunThatFailsEndsTheBarsLineWithoutRedrawing() {
    StringWriter text = new StringWriter();
    AtomicLong now = new AtomicLong();
    ProgressBar bar = new ProgressBar(new PrintWriter(text), () -> 0, -1, now::get);
    now.set(150_000_000L);
    bar.accept(2);
    String drawn = text.toString();
    bar.abandon();
    assertEquals(drawn + System.lineSeparator(), text.toString());
    bar.abandon();
    assertEquals(drawn + System.lineSeparator(), text.toString(), "once");
    StringWriter silent = new StringWriter();
    new ProgressBar(new PrintWriter(silent), () -> 0, -1, () -> 0).abandon();
    assertEquals("", silent.toString());
  }

  @Test
  void staysSilentWhenNothingWasDrawn() {
    StringWriter text = new StringWriter();
    new ProgressBar(new PrintWriter(text), () -> 0, -1, () -> 0).finish(3);
    assertEquals("", text.toString());
  }
}
