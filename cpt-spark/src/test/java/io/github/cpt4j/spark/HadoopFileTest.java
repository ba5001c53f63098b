package io.github.cpt4j.spark;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * A test that reads or writes files through Spark, which does so with Hadoop's file system client:
 * run on Java 17 to 22 only. On Java 23 and later Hadoop 3.4's client fails in {@code
 * Subject.getSubject}, and the job then says which Java to run on ({@code
 * job.PriceJobTest#onJavaHadoopCannotRunOnTheJobSaysWhichJavaToUse}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
@EnabledForJreRange(
    max = JRE.JAVA_22,
    disabledReason = "Spark 4.1's Hadoop client reads files on Java 17 to 22 only")
public @interface HadoopFileTest {}
