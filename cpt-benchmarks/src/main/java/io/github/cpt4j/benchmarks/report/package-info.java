/**
 * Turns a JMH JSON result file into the paired table of the README: each benchmark method with
 * cpt4j and its baselines side by side, their ratios, allocation per operation and the target.
 */
package io.github.cpt4j.benchmarks.report;
