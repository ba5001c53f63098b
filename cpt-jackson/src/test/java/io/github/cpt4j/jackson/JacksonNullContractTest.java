package io.github.cpt4j.jackson;

import io.github.cpt4j.testing.NullContractSweep;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The null contract of the public API of cpt-jackson, swept as cpt-core's is: every public method
 * and constructor of every public type of the packages the module exports (read from its compiled
 * descriptor) refuses a null reference argument at the call with a {@code NullPointerException}
 * naming it: cpt-core's {@link NullContractSweep}, over this module's types.
 */
class JacksonNullContractTest extends NullContractSweep {

  @Override
  protected Class<?> anchor() {
    return CptModule.class;
  }

  @Override
  protected Map<Class<?>, Supplier<?>> samples() {
    Map<Class<?>, Supplier<?>> samples = new LinkedHashMap<>();
    samples.put(String.class, () -> "x");
    return samples;
  }
}
