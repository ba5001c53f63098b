package io.github.cpt4j.jackson;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A parser of a value's text, such as {@code CptCode::parse}. Serializable, so that a mapper with
 * the module registered is too: {@code ObjectMapper} is, and people capture one in the closures of
 * distributed jobs (Spark, Flink), which are serialized.
 */
@FunctionalInterface
interface TextParser<T> extends Function<String, T>, Serializable {}
