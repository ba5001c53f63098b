/**
 * cpt4j for Jackson 2.x: {@link io.github.cpt4j.jackson.CptModule} reads and writes codes,
 * modifiers, claim lines, claims, localities and pricing results as JSON. {@code
 * ObjectMapper.findAndRegisterModules()} finds it through the service declared here.
 */
module io.github.cpt4j.jackson {
  requires transitive io.github.cpt4j.core;
  requires transitive com.fasterxml.jackson.databind;

  exports io.github.cpt4j.jackson;

  provides com.fasterxml.jackson.databind.Module with
      io.github.cpt4j.jackson.CptModule;
}
