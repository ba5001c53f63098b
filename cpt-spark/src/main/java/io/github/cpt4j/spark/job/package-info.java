/**
 * The Spark job behind {@code cpt-spark/run.sh} and {@code spark-submit}: {@code cpt price --input}
 * on a cluster.
 */
package io.github.cpt4j.spark.job;
