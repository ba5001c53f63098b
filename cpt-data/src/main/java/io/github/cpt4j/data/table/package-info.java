/**
 * Internal: reading delimited sources for the loaders — every record at once, headers spread over
 * several rows, and fields parsed with errors that name the source, line and column. Not exported.
 */
package io.github.cpt4j.data.table;
