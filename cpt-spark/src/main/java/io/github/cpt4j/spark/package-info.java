/**
 * Claim lines priced on Apache Spark: {@link io.github.cpt4j.spark.SparkClaimPricing} for {@code
 * Dataset<Row>}s of batch rows, {@link io.github.cpt4j.spark.CptFunctions} for Spark SQL, the
 * schedule's files shipped to the executors in one broadcast ({@link
 * io.github.cpt4j.spark.FeeScheduleFiles}).
 */
package io.github.cpt4j.spark;
