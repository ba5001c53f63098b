package io.github.cpt4j.text;

import com.google.common.collect.ImmutableList;
import java.util.Collection;

/**
 * The one wording of a null element in a list given to the API: {@code "line at index 2"}, the
 * element's name and its index, as {@code requireNonNull(line, "line")} names a single one. Guava's
 * copies say only {@code "at index 2"}, and {@code List.of} nothing. Public only for the packages
 * of this module: the package is exported to no user module.
 */
public final class NullElements {

  private NullElements() {}

  /**
   * Returns an immutable copy of {@code elements}, or throws a {@link NullPointerException} naming
   * the first null one as {@code element} at its index. One pass, as {@code ImmutableList.copyOf};
   * the message is written only when there is a null, so that a copy on a hot path costs no more.
   *
   * @throws NullPointerException if {@code elements} or one of them is null
   */
  public static <E> ImmutableList<E> copyOf(Collection<? extends E> elements, String element) {
    try {
      return ImmutableList.copyOf(elements);
    } catch (NullPointerException e) {
      int i = 0;
      for (Object each : elements) {
        if (each == null) {
          NullPointerException named = new NullPointerException(at(element, i));
          named.initCause(e);
          throw named;
        }
        i++;
      }
      throw e; // not a null element: the collection's own failure
    }
  }

  /**
   * Returns {@code "line at index 2"}: the message for null element {@code element} at {@code i}.
   */
  public static String at(String element, int i) {
    return element + " at index " + i;
  }
}
