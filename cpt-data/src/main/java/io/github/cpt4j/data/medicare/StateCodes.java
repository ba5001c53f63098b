package io.github.cpt4j.data.medicare;

import com.google.common.collect.ImmutableSet;

/**
 * The state codes of CMS's files, as the USPS writes them: the one list the loaders check a state
 * against, so that a damaged or invented code ({@code QQ}) is refused rather than loaded as a state
 * of its own.
 */
final class StateCodes {

  /**
   * The 50 states and the District of Columbia: the 48 contiguous states and DC in alphabetical
   * order, then Alaska and Hawaii.
   */
  static final ImmutableSet<String> STATES_AND_DC =
      ImmutableSet.of(
          "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "IA", "ID", "IL", "IN", "KS",
          "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ",
          "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT",
          "WA", "WI", "WV", "WY", "AK", "HI");

  /**
   * The codes of CMS's ZIP code to locality file ({@code ZIP5_OCT2025.txt}, once its split states
   * are merged, see {@link Zip5File#state}): the states and DC, the territories (Puerto Rico, the
   * Virgin Islands, Guam, American Samoa, the Northern Mariana Islands) and the freely associated
   * states the USPS serves (Micronesia, the Marshall Islands, Palau). The USPS's military codes
   * (AA, AE, AP) are in none of CMS's files.
   */
  static final ImmutableSet<String> OF_ZIP_CODES =
      ImmutableSet.<String>builder()
          .addAll(STATES_AND_DC)
          .add("PR", "VI", "GU", "AS", "MP")
          .add("FM", "MH", "PW")
          .build();

  /** How the codes of {@link #OF_ZIP_CODES} are named in an error. */
  static final String OF_ZIP_CODES_TEXT =
      "a USPS state code such as NY (the 50 states, DC, PR, VI, GU, AS, MP, FM, MH or PW)";

  private StateCodes() {}
}
