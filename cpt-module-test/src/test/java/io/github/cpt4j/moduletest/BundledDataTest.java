package io.github.cpt4j.moduletest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every table the data module bundles loads from its resources when the module is a named one. A
 * named module's resources are encapsulated: a lookup through a class loader, which finds them on
 * the class path where the data module's own tests run, finds nothing here. So each of {@link
 * BundledData}'s tables is loaded, found by reflection so that a new one is checked too.
 */
class BundledDataTest {

  @Test
  void everyBundledTableLoadsOnTheModulePath() throws IllegalAccessException {
    List<String> loaded = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (Method method : BundledData.class.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0) {
        continue;
      }
      try {
        Object table = method.invoke(null);
        (table == null ? failed : loaded).add(method.getName());
      } catch (InvocationTargetException e) {
        failed.add(method.getName() + ": " + e.getCause());
      }
    }
    assertEquals(List.of(), failed);
    assertTrue(loaded.size() >= 13, "only " + loaded + " found");
  }

  /** The releases' catalog: each quarter's rows, the ZIP codes and the conversion factors. */
  @Test
  void theBundledReleasesPriceOnTheModulePath() {
    PricingContext context =
        PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);
    assertEquals(
        "61.92",
        BundledData.medicareReleases()
            .price(ClaimLine.parse("99213"), context)
            .amount()
            .orElseThrow()
            .toPlainString());
  }
}
