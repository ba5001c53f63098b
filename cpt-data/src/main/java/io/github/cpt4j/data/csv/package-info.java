/**
 * Internal: where a text the CSV parser refused stops being CSV, found again in the project's own
 * words for the loaders' errors. Depends on no other package of the module. Not exported.
 */
package io.github.cpt4j.data.csv;
