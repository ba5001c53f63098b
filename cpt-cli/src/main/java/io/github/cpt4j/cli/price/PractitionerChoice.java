package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.text.Blanks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one {@code --practitioner} says: who furnished the lines of every rendering provider ({@code
 * np}), or of one ({@code 1234567893=np}), as {@code PricingContext.withPractitioner} has a form
 * for each.
 *
 * @param provider the rendering provider whose lines this is of, or empty for every provider's
 * @param type who furnished them
 */
public record PractitionerChoice(Optional<Npi> provider, PractitionerType type) {

  /** Checks that nothing is null. */
  public PractitionerChoice {
    requireNonNull(provider, "provider");
    requireNonNull(type, "type");
  }

  /**
   * Parses {@code TYPE} or {@code NPI=TYPE}, the type as {@link Practitioners#parse} reads it.
   *
   * @throws IllegalArgumentException saying which part is wrong
   */
  public static PractitionerChoice parse(String text) {
    requireNonNull(text, "text");
    int equals = text.indexOf('=');
    if (equals < 0) {
      return new PractitionerChoice(Optional.empty(), Practitioners.parse(text));
    }
    Npi npi;
    try {
      npi = Npi.parse(Blanks.strip(text.substring(0, equals)));
    } catch (CodeFormatException e) {
      throw new IllegalArgumentException(
          "before '=' of " + CodeFormatException.quote(text) + ": " + e.getMessage(), e);
    }
    try {
      return new PractitionerChoice(
          Optional.of(npi), Practitioners.parse(text.substring(equals + 1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "after '=' of " + CodeFormatException.quote(text) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the type of every provider's lines the choices give, if they give one.
   *
   * @throws IllegalArgumentException if they give two
   */
  public static Optional<PractitionerType> forEveryProvider(List<PractitionerChoice> choices) {
    PractitionerType found = null;
    for (PractitionerChoice choice : choices) {
      if (choice.provider().isPresent()) {
        continue;
      }
      if (found != null && found != choice.type()) {
        throw new IllegalArgumentException(
            "--practitioner gives the lines of every provider two types, "
                + found.id()
                + " and "
                + choice.type().id()
                + "; give NPI=TYPE for the lines of one provider");
      }
      found = choice.type();
    }
    return Optional.ofNullable(found);
  }

  /**
   * Returns the type of each rendering provider the choices name, in NPI order.
   *
   * @throws IllegalArgumentException if they give one NPI two types
   */
  public static Map<Npi, PractitionerType> byProvider(List<PractitionerChoice> choices) {
    Map<Npi, PractitionerType> types = new TreeMap<>();
    for (PractitionerChoice choice : choices) {
      if (choice.provider().isEmpty()) {
        continue;
      }
      Npi npi = choice.provider().get();
      PractitionerType earlier = types.putIfAbsent(npi, choice.type());
      if (earlier != null && earlier != choice.type()) {
        throw new IllegalArgumentException(
            "--practitioner gives the NPI "
                + npi
                + " two types, "
                + earlier.id()
                + " and "
                + choice.type().id());
      }
    }
    return types;
  }
}
