package io.github.cpt4j.fhir;

/**
 * A FHIR resource that cannot be read as cpt4j values. The message names the element by its FHIR
 * path, such as {@code Claim.item[2].productOrService}, and says what was wrong, including the
 * {@code CodeFormatException}'s message for a malformed code.
 */
public final class FhirMappingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String path;

  /** Returns an exception for the element at {@code path}. */
  public FhirMappingException(String path, String message) {
    super(path + ": " + message);
    this.path = path;
  }

  /** Returns an exception for the element at {@code path}, caused by {@code cause}. */
  public FhirMappingException(String path, String message, Throwable cause) {
    super(path + ": " + message, cause);
    this.path = path;
  }

  /** Returns the FHIR path of the element, such as {@code Claim.item[2].quantity}. */
  public String path() {
    return path;
  }
}
