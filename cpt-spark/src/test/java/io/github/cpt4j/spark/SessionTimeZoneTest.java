package io.github.cpt4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code spark.sql.session.timeZone} in every form Spark documents or accepts for it, read with
 * Java's public API as Spark reads it.
 */
class SessionTimeZoneTest {

  @ParameterizedTest
  @CsvSource({
    "America/Los_Angeles, America/Los_Angeles",
    "UTC, UTC",
    "Z, Z",
    "-08, -08:00",
    "+01:00, +01:00",
    "-13:33:33, -13:33:33",
    // Spark's legacy one-digit hour and minute, padded as Spark pads them.
    "+8:00, +08:00",
    "-8:30, -08:30",
    "+08:3, +08:03",
    "GMT+8:00, GMT+08:00",
    // The JDK's short ids, which Spark maps: PST a region (EST below).
    "PST, America/Los_Angeles",
  })
  void readsEveryFormSparkAccepts(String value, String zone) {
    assertEquals(ZoneId.of(zone), SessionTimeZone.parse(value));
  }

  /**
   * EST is the JDK's short id, five hours behind UTC all year: the offset -05:00 on Java 17, the
   * region America/Panama (no daylight saving time) on Java 25, whose table changed in between.
   * Spark maps it with the same table, so it is read as this JDK reads it.
   */
  @Test
  void estIsTheJdksShortIdFiveHoursBehindAllYear() {
    ZoneId est = SessionTimeZone.parse("EST");
    assertEquals(ZoneId.of("EST", ZoneId.SHORT_IDS), est);
    for (String day : List.of("2025-01-15T12:00:00Z", "2025-07-15T12:00:00Z")) {
      assertEquals(
          ZoneOffset.ofHours(-5), est.getRules().getOffset(Instant.parse(day)), est + " " + day);
    }
  }

  @Test
  void aValueThatNamesNoZoneIsRefusedNamingTheSettingAndTheValue() {
    for (String value : List.of("Mars/Olympus", "+25:00", "")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> SessionTimeZone.parse(value));
      assertTrue(
          e.getMessage().startsWith("spark.sql.session.timeZone is '" + value + "', which is not"),
          e.getMessage());
    }
  }

  /**
   * The session's own reading agrees: a local time Spark renders in the session zone is the instant
   * read in the zone found here, in winter and in summer, for the forms that ZoneId.of alone would
   * refuse or read otherwise.
   */
  @Test
  void agreesWithTheSessionsOwnReading() {
    SparkSession spark = TestSpark.session();
    RuntimeConfig conf = spark.conf();
    String saved = conf.get(SessionTimeZone.KEY);
    List<Instant> instants =
        List.of(Instant.parse("2025-01-15T20:58:00Z"), Instant.parse("2025-07-15T20:58:00Z"));
    DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    try {
      for (String value : List.of("+8:00", "+08:3", "PST", "EST", "Asia/Kolkata")) {
        conf.set(SessionTimeZone.KEY, value);
        ZoneId zone = SessionTimeZone.of(spark);
        Row rendered =
            spark
                .sql(
                    "SELECT date_format(timestamp_seconds("
                        + instants.get(0).getEpochSecond()
                        + "), 'yyyy-MM-dd HH:mm'), date_format(timestamp_seconds("
                        + instants.get(1).getEpochSecond()
                        + "), 'yyyy-MM-dd HH:mm')")
                .first();
        for (int i = 0; i < instants.size(); i++) {
          assertEquals(
              rendered.getString(i), instants.get(i).atZone(zone).format(local), value + " " + i);
        }
      }
    } finally {
      conf.set(SessionTimeZone.KEY, saved);
    }
  }
}
