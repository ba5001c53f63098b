/**
 * The whole-process batch comparison: a generator of claim lines ({@link
 * io.github.cpt4j.benchmarks.batch.BatchInput}) and the DuckDB peer that prices the same lines with
 * one SQL statement ({@link io.github.cpt4j.benchmarks.batch.DuckDbPricer}), timed against {@code
 * cpt price --input} by {@code cpt-benchmarks/batch.sh}.
 */
package io.github.cpt4j.benchmarks.batch;
