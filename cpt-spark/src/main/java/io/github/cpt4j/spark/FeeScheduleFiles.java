package io.github.cpt4j.spark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The CMS files a Medicare fee schedule is built from, as bytes, so that they travel to the
 * executors inside one broadcast: no shared storage is needed, and each executor receives them
 * once. A file not given is replaced by its bundled 2025 counterpart, as with {@code cpt price}.
 * The full 2025 relative value file is about 2.5 MB (3.1 MB with the GPCI and OPPS cap files).
 *
 * <pre>{@code
 * FeeScheduleFiles files = FeeScheduleFiles.read(
 *     spark.sparkContext().hadoopConfiguration(),
 *     Optional.of("s3a://bucket/cms/PPRRVU2025_Oct.csv"),
 *     Optional.of("s3a://bucket/cms/GPCI2025.csv"),
 *     Optional.empty());
 * }</pre>
 */
public final class FeeScheduleFiles implements Serializable {

  // 3 since NamedBytes is a class (for Kryo): an executor of another version must not read this.
  private static final long serialVersionUID = 3L;

  /** The bundled data alone. */
  private static final FeeScheduleFiles BUNDLED = new FeeScheduleFiles(null, null, null);

  /** The relative value file, or null for the bundled one. */
  private final NamedBytes rvu;

  /** The GPCI file, or null for the bundled one. */
  private final NamedBytes gpci;

  /** The OPPS imaging cap file, or null for the bundled one. */
  private final NamedBytes oppsCap;

  /**
   * Identifies these files wherever they travel: the key of the schedule built from them in each
   * JVM. A broadcast's id cannot serve, since every new Spark context numbers its broadcasts from 0
   * again, and a JVM may run one context after another (local mode, notebooks, test suites).
   */
  private final UUID identity;

  private FeeScheduleFiles(NamedBytes rvu, NamedBytes gpci, NamedBytes oppsCap) {
    this.rvu = rvu;
    this.gpci = gpci;
    this.oppsCap = oppsCap;
    this.identity = UUID.randomUUID();
  }

  /**
   * A file's name (for messages) and content. A class, not a record: a broadcast's value is written
   * with the session's serializer, and Spark's Kryo ({@code spark.serializer=...KryoSerializer})
   * cannot write a record's fields.
   */
  static final class NamedBytes implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final byte[] bytes;

    NamedBytes(String name, byte[] bytes) {
      this.name = requireNonNull(name, "name");
      this.bytes = requireNonNull(bytes, "bytes");
    }

    /** Returns the file's name, without its directory. */
    String name() {
      return name;
    }

    /** Returns the file's content, not copied: never changed once read. */
    byte[] bytes() {
      return bytes;
    }
  }

  /** {@return the bundled 2025 data for the sample codes: nothing to read, nothing to ship} */
  public static FeeScheduleFiles bundled() {
    return BUNDLED;
  }

  /**
   * Reads the given files through Hadoop's file systems, so that paths may be local files or
   * cluster URIs ({@code hdfs://}, {@code s3a://}...).
   *
   * @param conf the Hadoop configuration, usually the Spark context's
   * @param rvu a CMS relative value file (PPRRVU...csv)
   * @param gpci a CMS GPCI file (GPCI...csv)
   * @param oppsCap a CMS OPPS imaging cap file (OPPSCAP...csv)
   * @return the files' contents, read now; a file not given is the bundled one
   * @throws IOException if a file cannot be read, or Hadoop's file system client cannot run on this
   *     Java (Java 23 and later refuse its call of {@code Subject.getSubject}: run on Java 17 or
   *     21)
   */
  public static FeeScheduleFiles read(
      Configuration conf, Optional<String> rvu, Optional<String> gpci, Optional<String> oppsCap)
      throws IOException {
    requireNonNull(conf, "conf");
    return new FeeScheduleFiles(
        read(conf, requireNonNull(rvu, "rvu")),
        read(conf, requireNonNull(gpci, "gpci")),
        read(conf, requireNonNull(oppsCap, "oppsCap")));
  }

  private static NamedBytes read(Configuration conf, Optional<String> file) throws IOException {
    if (file.isEmpty()) {
      return null;
    }
    Path path = new Path(file.get());
    try {
      FileSystem fs = path.getFileSystem(conf);
      try (InputStream in = fs.open(path)) {
        return new NamedBytes(path.getName(), in.readAllBytes());
      }
    } catch (UnsupportedOperationException e) {
      // Hadoop 3.4's client, Spark 4.1's, asks for the current Subject with Subject.getSubject,
      // which Java 23 refuses unless the Security Manager is allowed and Java 24 and later always
      // do; the JDK's message names neither Hadoop nor the file.
      if (e.getMessage() != null && e.getMessage().startsWith("getSubject is ")) {
        throw new IOException(
            file.get()
                + ": Spark's Hadoop file system client cannot run on Java "
                + Runtime.version().feature()
                + " ("
                + e.getMessage()
                + "): run on Java 17 or 21, the versions Spark 4 supports",
            e);
      }
      throw e;
    }
  }

  /** Returns the relative value file, if given. */
  Optional<NamedBytes> rvu() {
    return Optional.ofNullable(rvu);
  }

  /** Returns the GPCI file, if given. */
  Optional<NamedBytes> gpci() {
    return Optional.ofNullable(gpci);
  }

  /** Returns the OPPS cap file, if given. */
  Optional<NamedBytes> oppsCap() {
    return Optional.ofNullable(oppsCap);
  }

  /**
   * Returns what tells these files from any other in every JVM they reach: a copy made by
   * serialization (a broadcast's value on an executor) has the same identity, other files never.
   */
  UUID identity() {
    return identity;
  }

  /**
   * Tells whether no file was given: the bundled data alone.
   *
   * @return true if no file was given
   */
  public boolean isBundled() {
    return rvu == null && gpci == null && oppsCap == null;
  }

  /** Returns the names of the files given, or {@code bundled}. */
  @Override
  public String toString() {
    if (isBundled()) {
      return "bundled";
    }
    StringBuilder sb = new StringBuilder();
    for (NamedBytes file : new NamedBytes[] {rvu, gpci, oppsCap}) {
      if (file != null) {
        sb.append(sb.length() == 0 ? "" : ", ").append(file.name());
      }
    }
    return sb.toString();
  }
}
