/**
 * What a user would write without cpt4j: the baselines every benchmark measures in the same run.
 *
 * <p>Two styles. {@link io.github.cpt4j.benchmarks.baseline.RegexCodes} is the first answer on any
 * forum: a regular expression for the shape of a code, and text keys in a {@link
 * java.util.HashMap}. {@link io.github.cpt4j.benchmarks.baseline.GuavaCodes} is what a careful
 * engineer with Guava writes: {@link com.google.common.base.CharMatcher} checks without a regex
 * engine, and an {@link com.google.common.collect.ImmutableMap}. Both are written to be fast and
 * correct, so that a ratio against them means something.
 */
package io.github.cpt4j.benchmarks.baseline;
