/**
 * Internal: where a text the CSV parser refused stops being CSV, where a source stops being text in
 * its charset, what its first bytes say its encoding is, which line a record's field is on, and
 * which file a failure to read names (and a path that names no file), found for the loaders' errors
 * in the project's own words. Depends on no other package of the module. Not exported.
 */
package io.github.cpt4j.data.csv;
