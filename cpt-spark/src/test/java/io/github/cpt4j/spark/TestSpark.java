package io.github.cpt4j.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of this module's tests: local, two threads, few partitions, no UI, made on
 * first use and stopped when the test JVM exits. Starting Spark takes seconds; every test class
 * shares it.
 */
public final class TestSpark {

  private static SparkSession session;

  private TestSpark() {}

  /** Returns the session, starting it on first use. */
  public static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSession.builder()
              .appName("cpt4j tests")
              .master("local[2]")
              .config("spark.ui.enabled", false)
              .config("spark.sql.shuffle.partitions", 3)
              .config("spark.default.parallelism", 2)
              .config("spark.driver.host", "localhost")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "stop-spark"));
    }
    return session;
  }
}
