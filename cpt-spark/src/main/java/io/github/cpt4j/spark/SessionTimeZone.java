package io.github.cpt4j.spark;

import io.github.cpt4j.code.CodeFormatException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;

/**
 * The session time zone, {@code spark.sql.session.timeZone}, read with Java's public API as Spark
 * reads it: the zone in which Spark itself finds a timestamp's day ({@code CAST(ts AS DATE)}), and
 * so the one a {@code TIMESTAMP} date of service is read in (the executors' default zone may be
 * another).
 *
 * <p>Spark's own parser of the setting is internal (catalyst's {@code DateTimeUtils}) and may
 * change between releases without notice, so it is not called. Spark documents the setting as a
 * region id ({@code America/Los_Angeles}), an offset ({@code -08}, {@code +01:00}, {@code
 * -13:33:33}) or {@code UTC} and {@code Z}; it also accepts what {@link ZoneId#of(String,
 * java.util.Map)} accepts with the JDK's {@link ZoneId#SHORT_IDS} ({@code PST} is {@code
 * America/Los_Angeles}; {@code EST}, five hours behind UTC all year, is {@code -05:00} on Java 17
 * and {@code America/Panama} on Java 25, whose table changed in between), and the one-digit hours
 * and minutes it accepted before 3.0 ({@code +8:00}, {@code +08:3}). This class reads all of them
 * alike.
 */
final class SessionTimeZone {

  /** The setting, as Spark names it. */
  static final String KEY = "spark.sql.session.timeZone";

  /** A sign and a one-digit hour before a colon: {@code +8:00} means {@code +08:00}. */
  private static final Pattern ONE_DIGIT_HOUR = Pattern.compile("([+-])(\\d):");

  /** Two-digit hours and a one-digit minute at the end: {@code +08:3} means {@code +08:03}. */
  private static final Pattern ONE_DIGIT_MINUTE = Pattern.compile("([+-])(\\d\\d):(\\d)$");

  private SessionTimeZone() {}

  /**
   * Returns the time zone of {@code spark}'s session as it is now.
   *
   * @throws IllegalArgumentException if the setting names no time zone
   */
  static ZoneId of(SparkSession spark) {
    return parse(spark.conf().get(KEY));
  }

  /**
   * Reads a value of {@code spark.sql.session.timeZone}.
   *
   * @throws IllegalArgumentException naming the setting and the value, if it is no time zone
   */
  static ZoneId parse(String value) {
    // The legacy one-digit forms are padded first, as Spark pads them, since ZoneId.of refuses
    // them; only the first match of each, as Spark replaces only the first.
    String padded = ONE_DIGIT_HOUR.matcher(value).replaceFirst("$10$2:");
    padded = ONE_DIGIT_MINUTE.matcher(padded).replaceFirst("$1$2:0$3");
    try {
      return ZoneId.of(padded, ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          KEY
              + " is "
              + CodeFormatException.quote(value)
              + ", which is not a time zone: give a region id such as America/New_York, an offset"
              + " such as -05:00, or UTC",
          e);
    }
  }
}
