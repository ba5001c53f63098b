package io.github.cpt4j.moduletest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.code.ProcedureCode;
import java.lang.module.ModuleDescriptor;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Checks the library from the outside, on the module path: what it exports, what it hides, and that
 * the API works for a named module.
 */
class ModuleExportsTest {

  /**
   * The packages each library module exports, and nothing else. UPDATE THIS when you add an API
   * package to a module-info.java (and only then): the test fails until both agree.
   */
  private static final Map<String, Set<String>> EXPORTED =
      Map.of(
          "io.github.cpt4j.core",
              Set.of(
                  "io.github.cpt4j.claim",
                  "io.github.cpt4j.code",
                  "io.github.cpt4j.codeset",
                  "io.github.cpt4j.edit",
                  "io.github.cpt4j.edit.ncci",
                  "io.github.cpt4j.fee",
                  "io.github.cpt4j.fee.medicare",
                  "io.github.cpt4j.fee.medicare.pfs",
                  "io.github.cpt4j.fee.medicare.pfs.claim",
                  "io.github.cpt4j.fee.medicare.clfs",
                  "io.github.cpt4j.fee.medicare.dmepos",
                  "io.github.cpt4j.fee.medicare.asp",
                  "io.github.cpt4j.fee.medicare.partb",
                  "io.github.cpt4j.fee.medicare.anesthesia",
                  "io.github.cpt4j.fee.medicare.release",
                  "io.github.cpt4j.modifier"),
          "io.github.cpt4j.data",
              Set.of(
                  "io.github.cpt4j.data",
                  "io.github.cpt4j.data.fee",
                  "io.github.cpt4j.data.load",
                  "io.github.cpt4j.data.medicare",
                  "io.github.cpt4j.data.ncci"),
          "io.github.cpt4j.jackson", Set.of("io.github.cpt4j.jackson"));

  /**
   * The packages a library module exports to named modules of the project alone, and to which: not
   * API, hidden from every user module. The command line and the data loaders share the core's one
   * definition of blank text instead of keeping copies of it, and they and the JSON module its one
   * strict reading of a date.
   */
  private static final Map<String, Map<String, Set<String>>> QUALIFIED =
      Map.of(
          "io.github.cpt4j.core",
          Map.of(
              "io.github.cpt4j.text",
              Set.of("io.github.cpt4j.cli", "io.github.cpt4j.data", "io.github.cpt4j.jackson")));

  /** Packages that exist inside a module and must stay hidden from its users. */
  private static final Map<String, Set<String>> INTERNAL =
      Map.of(
          "io.github.cpt4j.core",
              Set.of("io.github.cpt4j.index", "io.github.cpt4j.style", "io.github.cpt4j.text"),
          "io.github.cpt4j.data", Set.of("io.github.cpt4j.data.csv", "io.github.cpt4j.data.table"));

  @Test
  void runsAsANamedModuleOnTheModulePath() {
    Module self = getClass().getModule();
    assertTrue(self.isNamed(), "the tests must run on the module path");
    assertEquals("io.github.cpt4j.moduletest", self.getName());
    Module core = ProcedureCode.class.getModule();
    assertTrue(core.isNamed(), "cpt-core must be a named module, not the classpath");
    assertTrue(self.canRead(core));
    assertTrue(self.canRead(OutsideUser.dataEntryPoint().getModule()));
  }

  @Test
  void eachModuleExportsExactlyItsApiPackages() {
    for (Map.Entry<String, Set<String>> entry : EXPORTED.entrySet()) {
      Module module = module(entry.getKey());
      ModuleDescriptor descriptor = module.getDescriptor();
      assertFalse(descriptor.isOpen(), entry.getKey() + " must not be an open module");
      assertEquals(Set.of(), descriptor.opens(), entry.getKey() + " must not open packages");
      Map<String, Set<String>> qualified =
          descriptor.exports().stream()
              .filter(ModuleDescriptor.Exports::isQualified)
              .collect(
                  Collectors.toMap(
                      ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
      assertEquals(
          QUALIFIED.getOrDefault(entry.getKey(), Map.of()),
          qualified,
          entry.getKey() + " has other qualified exports than listed in this test");
      Set<String> exported =
          descriptor.exports().stream()
              .filter(exports -> !exports.isQualified())
              .map(ModuleDescriptor.Exports::source)
              .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(
          new TreeSet<>(entry.getValue()),
          exported,
          entry.getKey() + " exports other packages than listed in this test");
    }
  }

  @Test
  void internalPackagesExistButAreHidden() throws ClassNotFoundException {
    for (Map.Entry<String, Set<String>> entry : INTERNAL.entrySet()) {
      Module module = module(entry.getKey());
      for (String pkg : entry.getValue()) {
        assertTrue(module.getPackages().contains(pkg), pkg + " no longer exists: update the test");
        assertFalse(module.isExported(pkg), pkg + " must stay internal");
        assertFalse(module.isExported(pkg, getClass().getModule()), pkg + " must stay internal");
      }
    }
    // Loading an internal class works; using it from outside does not.
    Class<?> index = Class.forName("io.github.cpt4j.index.PackedIndex");
    assertThrows(
        IllegalAccessException.class,
        () -> index.getMethod("of", int[].class).invoke(null, (Object) new int[] {1}));
  }

  @Test
  void theApiWorksFromANamedModule() {
    assertEquals(
        "71046-26 x2 | Radiology/Diagnostic Radiology | ok", OutsideUser.describe("71046 26 x2"));
    assertEquals(
        "27447-RT | Surgery/Musculoskeletal System | ok", OutsideUser.describe("27447-rt"));
    assertEquals(
        "J1100 | Level II/Drugs usually given other than by mouth, and chemotherapy | ok",
        OutsideUser.describe("J1100"));
    assertEquals(
        "71046-26-TC | Radiology/Diagnostic Radiology | " + "PROFESSIONAL_WITH_TECHNICAL_COMPONENT",
        OutsideUser.describe("71046-26-TC"));
  }

  @Test
  void theBundledSampleLoadsFromTheDataModulesResources() {
    assertEquals(
        "99213 in 2025: Office visit, established patient, low complexity decision making",
        OutsideUser.lookUp("99213", LocalDate.of(2025, 1, 1)));
    assertEquals("99201 in 2025: not valid", OutsideUser.lookUp("99201", LocalDate.of(2025, 1, 1)));
  }

  @Test
  void jacksonFindsTheModuleAndRoundTripsOnTheModulePath() throws Exception {
    assertTrue(
        OutsideJsonUser.mapper()
            .getRegisteredModuleIds()
            .contains("io.github.cpt4j.jackson.CptModule"),
        "found through the module's provides clause");
    assertEquals("\"0001F\"", OutsideJsonUser.roundTripCode("0001F"));
    assertEquals(
        "{\"code\":\"71046\",\"modifiers\":[\"26\"],\"units\":2}",
        OutsideJsonUser.roundTripLine("71046-26 x2"));
    assertEquals("614.69", OutsideJsonUser.priceAndReadBackTotal());
  }

  private static Module module(String name) {
    return ModuleLayer.boot()
        .findModule(name)
        .orElseThrow(() -> new AssertionError(name + " is not on the module path"));
  }
}
