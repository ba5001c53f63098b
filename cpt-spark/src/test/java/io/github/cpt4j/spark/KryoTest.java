package io.github.cpt4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The broadcast files travel with Kryo, the serializer Spark's tuning guide recommends ({@code
 * spark.serializer=org.apache.spark.serializer.KryoSerializer}), which Spark uses for a broadcast's
 * value: the driver writes it so and every executor reads it so. Spark's Kryo cannot write a Java
 * record.
 */
class KryoTest {

  private static final ClassTag<FeeScheduleFiles> TAG =
      ClassTag$.MODULE$.apply(FeeScheduleFiles.class);

  /** Writes and reads back {@code files} as a broadcast does under Kryo. */
  static FeeScheduleFiles throughKryo(FeeScheduleFiles files) {
    SerializerInstance kryo = new KryoSerializer(new SparkConf()).newInstance();
    return kryo.deserialize(kryo.serialize(files, TAG), TAG);
  }

  @Test
  void theBundledFilesTravelThroughKryo() {
    FeeScheduleFiles copy = throughKryo(FeeScheduleFiles.bundled());
    assertTrue(copy.isBundled());
    assertEquals(FeeScheduleFiles.bundled().identity(), copy.identity());
  }

  @HadoopFileTest
  void filesReadFromStorageTravelThroughKryoWithTheirIdentity(@TempDir Path dir)
      throws IOException {
    Path gpci = Files.writeString(dir.resolve("GPCI2025.csv"), "not read\n");
    FeeScheduleFiles files =
        FeeScheduleFiles.read(
            new Configuration(), Optional.empty(), Optional.of(gpci.toString()), Optional.empty());
    FeeScheduleFiles copy = throughKryo(files);
    assertEquals(files.identity(), copy.identity());
    assertEquals("GPCI2025.csv", copy.toString());
    assertEquals("GPCI2025.csv", copy.gpci().orElseThrow().name());
    assertArrayEquals(
        "not read\n".getBytes(StandardCharsets.UTF_8), copy.gpci().orElseThrow().bytes());
    assertTrue(copy.rvu().isEmpty() && copy.oppsCap().isEmpty());
  }
}
