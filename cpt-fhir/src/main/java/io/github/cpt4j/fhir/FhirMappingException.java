package io.github.cpt4j.fhir;

import static java.util.Objects.requireNonNull;

/**
 * A FHIR resource that cannot be read as cpt4j values. The message names the element by its FHIR
 * path, such as {@code Claim.item[2].productOrService}, and says what was wrong, including the
 * {@code CodeFormatException}'s message for a malformed code.
 */
public final class FhirMappingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The FHIR path of the element that could not be read. */
  private final String path;

  /**
   * Creates an exception for the element at {@code path}.
   *
   * @param path the FHIR path of the element, such as {@code Claim.item[2].quantity}
   * @param message what was wrong, appended to the path in the message
   */
  public FhirMappingException(String path, String message) {
    // Checked in the super call, which must come first: a null path was stored, and read back.
    super(requireNonNull(path, "path") + ": " + requireNonNull(message, "message"));
    this.path = path;
  }

  /**
   * Creates an exception for the element at {@code path}, caused by {@code cause}, such as the
   * {@code CodeFormatException} of a malformed code.
   *
   * @param path the FHIR path of the element, such as {@code Claim.item[2].productOrService}
   * @param message what was wrong, appended to the path in the message
   * @param cause the exception that made the element unreadable
   */
  public FhirMappingException(String path, String message, Throwable cause) {
    super(
        requireNonNull(path, "path") + ": " + requireNonNull(message, "message"),
        requireNonNull(cause, "cause"));
    this.path = path;
  }

  /** {@return the FHIR path of the element, such as {@code Claim.item[2].quantity}} */
  public String path() {
    return path;
  }
}
