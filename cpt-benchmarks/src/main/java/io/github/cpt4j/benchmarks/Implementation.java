package io.github.cpt4j.benchmarks;

/**
 * The values of every benchmark's {@code impl} parameter, so that the results of cpt4j and of its
 * baselines pair up by benchmark method name.
 */
public final class Implementation {

  /** cpt4j's own API. */
  public static final String CPT4J = "cpt4j";

  /** A regular expression and a {@link java.util.HashMap} keyed by code text. */
  public static final String REGEX_HASHMAP = "regex-hashmap";

  /**
   * Guava: {@link com.google.common.base.CharMatcher} checks and an {@link
   * com.google.common.collect.ImmutableMap} keyed by code text.
   */
  public static final String GUAVA_IMMUTABLEMAP = "guava-immutablemap";

  private Implementation() {}

  /**
   * Returns {@code name} if it is one of the three implementations.
   *
   * @throws IllegalArgumentException naming the accepted values otherwise
   */
  public static String check(String name) {
    switch (name) {
      case CPT4J:
      case REGEX_HASHMAP:
      case GUAVA_IMMUTABLEMAP:
        return name;
      default:
        throw new IllegalArgumentException(
            "impl is one of "
                + CPT4J
                + ", "
                + REGEX_HASHMAP
                + ", "
                + GUAVA_IMMUTABLEMAP
                + "; not "
                + name);
    }
  }
}
