/**
 * A stand-in for an application that uses cpt4j from the module path: it may read only what the
 * library modules export.
 */
module io.github.cpt4j.moduletest {
  requires io.github.cpt4j.core;
  requires io.github.cpt4j.data;
  requires io.github.cpt4j.jackson;

  exports io.github.cpt4j.moduletest;
}
