package io.github.cpt4j.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/** Reading the CMS files through Hadoop's file systems, where that cannot work. */
class FeeScheduleFilesTest {

  /**
   * On a Java whose {@code Subject.getSubject} Hadoop's client fails in, the file is named with the
   * Java to run on, in an {@link IOException}, not the JDK's bare unsupported operation.
   */
  @Test
  @EnabledForJreRange(min = JRE.JAVA_23)
  void onJavaHadoopCannotRunOnTheFileIsNamedWithTheJavaToUse(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("GPCI2025.csv"), "not read\n");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                FeeScheduleFiles.read(
                    new Configuration(),
                    Optional.empty(),
                    Optional.of(file.toString()),
                    Optional.empty()));
    assertTrue(
        e.getMessage()
            .startsWith(
                file
                    + ": Spark's Hadoop file system client cannot run on Java "
                    + Runtime.version().feature()
                    + " (getSubject is "),
        e::getMessage);
  }
}
