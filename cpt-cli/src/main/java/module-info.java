/**
 * The {@code cpt} command line tool. It uses the exported API of cpt4j's library modules and the
 * one package cpt-core exports to it by name, {@code io.github.cpt4j.text} (the text helpers its
 * reading of input shares with the loaders: white space, ISO dates), which this descriptor enforces
 * at compile time; at run time it ships as one executable jar.
 */
module io.github.cpt4j.cli {
  requires io.github.cpt4j.data;
  requires info.picocli;
  requires de.siegmar.fastcsv;
  requires com.google.common;
  requires com.fasterxml.jackson.core;

  // picocli reads the command classes' annotations and sets their fields reflectively.
  opens io.github.cpt4j.cli to
      info.picocli;
}
