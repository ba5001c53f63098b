package io.github.cpt4j.fhirconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.fhir.FhirClaims;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Laws of reading an anesthesia item's time from its timed {@code servicedPeriod}. */
class FhirAnesthesiaPeriodProperties {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  /**
   * The minutes are the whole minutes from start to end, whatever offsets the two are written in
   * (any R4 allows, -12:00 to +14:00, by quarter hours), and the date is the start's as written.
   */
  @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
  void theMinutesAreTheWholeMinutesFromStartToEnd(
      @ForAll @LongRange(min = 1_735_689_600L, max = 1_767_225_599L) long startSecond,
      @ForAll @IntRange(min = 60, max = 24 * 60 * 60) int seconds,
      @ForAll @IntRange(min = -48, max = 56) int startQuarters,
      @ForAll @IntRange(min = -48, max = 56) int endQuarters) {
    Instant start = Instant.ofEpochSecond(startSecond);
    Instant end = start.plusSeconds(seconds);
    OffsetDateTime from = start.atOffset(ZoneOffset.ofTotalSeconds(startQuarters * 15 * 60));
    OffsetDateTime to = end.atOffset(ZoneOffset.ofTotalSeconds(endQuarters * 15 * 60));
    BilledLine line =
        FhirClaims.toClaim(
                FhirAnesthesiaPeriodTest.claim(
                    FhirAnesthesiaPeriodTest.ANESTHESIA,
                    FhirAnesthesiaPeriodTest.period(SECONDS.format(from), SECONDS.format(to))))
            .line(0);
    assertEquals(seconds / 60, line.line().minutesOrZero(), from + " to " + to);
    assertEquals(from.toLocalDate(), line.dateOfService().orElseThrow(), from + " to " + to);
  }
}
