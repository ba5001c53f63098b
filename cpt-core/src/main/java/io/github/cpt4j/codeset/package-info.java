/**
 * Code sets: immutable collections of {@link io.github.cpt4j.codeset.CodeEntry} values keyed by
 * procedure code, with allocation-free lookups, effective dating, range queries and overlays (a
 * licensed descriptor set over the bundled sample).
 */
package io.github.cpt4j.codeset;
