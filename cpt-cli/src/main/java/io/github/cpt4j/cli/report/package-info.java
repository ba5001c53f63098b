/**
 * Streaming writers of the command's tabular results as an aligned table, CSV or JSON. Each writes
 * one row at a time and holds nothing but the current row, so output of any size runs in constant
 * memory.
 */
package io.github.cpt4j.cli.report;
