package io.github.cpt4j.edit.ncci;

import io.github.cpt4j.code.CodeFormatException;

/**
 * The MUE adjudication indicator (MAI) of a medically unlikely edit: whether the value limits each
 * claim line or all the lines of the code on a date of service, and why.
 *
 * <p>From the NCCI Policy Manual for Medicare Services, Chapter I, Section V (Medically Unlikely
 * Edits), and the MUE file's {@code MUE Adjudication Indicator} column, whose text begins with the
 * digit ({@code 1 Line Edit}, {@code 2 Date of Service Edit: Policy}, {@code 3 Date of Service
 * Edit: Clinical}).
 */
public enum MueAdjudicationIndicator {
  /**
   * {@code 1}: a claim line edit. A line whose units exceed the value is denied whole; units beyond
   * it may be billed on other lines with an anatomic modifier, 59 or its X subsets, or 76, 77 or 91
   * when they were really furnished.
   */
  LINE('1', "line edit"),
  /**
   * {@code 2}: an absolute date-of-service edit based on policy. The units of all lines of the code
   * on the date are added up; over the value, every one of those lines is denied. Units above it
   * are not payable, and an appeal is not expected to succeed.
   */
  DATE_OF_SERVICE_POLICY('2', "date of service edit: policy"),
  /**
   * {@code 3}: a date-of-service edit based on clinical benchmarks. Adjudicated as {@link
   * #DATE_OF_SERVICE_POLICY}, but a denial may be appealed with documentation of medical necessity.
   */
  DATE_OF_SERVICE_CLINICAL('3', "date of service edit: clinical");

  private final char digit;
  private final String words;

  MueAdjudicationIndicator(char digit, String words) {
    this.digit = digit;
    this.words = words;
  }

  /** {@return the digit of the file, {@code '1'}, {@code '2'} or {@code '3'}} */
  public char digit() {
    return digit;
  }

  /** {@return what it means in a few words, such as {@code "date of service edit: clinical"}} */
  public String words() {
    return words;
  }

  /**
   * Tells whether the units of every line of the code on the date are added up (MAI 2 and 3).
   *
   * @return true for MAI 2 and 3, false for MAI 1 (each line's units alone)
   */
  public boolean perDateOfService() {
    return this != LINE;
  }

  /**
   * Tells whether a denial can be overturned: MAI 1 (rebill the extra units on lines of their own
   * with a modifier, through a reopening or an appeal) and MAI 3 (with documentation of medical
   * necessity). Not MAI 2: contractors cannot override a policy edit, on appeal or otherwise. CMS
   * lets any MUE denial be appealed (CMS FAQ 11354, "whether a claim line MUE or date of service
   * MUE"); this tells whether an appeal can succeed.
   *
   * @return true for MAI 1 and 3, false for MAI 2
   */
  public boolean appealable() {
    return this != DATE_OF_SERVICE_POLICY;
  }

  /**
   * Returns the indicator written {@code digit}.
   *
   * @param digit the indicator's digit in the MUE file, {@code 1} to {@code 3}
   * @return the indicator
   * @throws IllegalArgumentException if {@code digit} is not 1, 2 or 3
   */
  public static MueAdjudicationIndicator of(char digit) {
    return switch (digit) {
      case '1' -> LINE;
      case '2' -> DATE_OF_SERVICE_POLICY;
      case '3' -> DATE_OF_SERVICE_CLINICAL;
      default ->
          throw new IllegalArgumentException(
              "an MUE adjudication indicator is 1, 2 or 3, not "
                  + CodeFormatException.quote(String.valueOf(digit)));
    };
  }
}
