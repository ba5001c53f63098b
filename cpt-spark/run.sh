#!/usr/bin/env bash
# Runs the cpt4j Spark job (io.github.cpt4j.spark.job.PriceJob) on this machine: Spark in local
# mode unless --master says otherwise. All arguments go to the job; --help lists them.
#
#   cpt-spark/run.sh --input lines.csv --output priced --date 2025-06-02 --locality 13282-99
#
# The job jar (cpt4j and the job, target/cpt-spark-job.jar) and the list of Spark's jars as Maven
# resolved them (target/spark-classpath.txt) are built when missing or older than the sources.
# CPT4J_SPARK_JAVA_OPTS adds JVM options, such as -Xmx4g.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/cpt-spark-job.jar"
classpath="$here/target/spark-classpath.txt"

stale() {
  [ ! -f "$jar" ] || [ ! -f "$classpath" ] && return 0
  [ -n "$(find "$root/pom.xml" "$here/pom.xml" "$root/cpt-core/src" "$root/cpt-data/src" \
    "$root/cpt-cli/src" "$here/src/main" -newer "$jar" -type f -print -quit)" ]
}

if stale; then
  echo "cpt-spark: building the job jar (mvn package -pl cpt-spark -am)..." >&2
  (cd "$root" && mvn -B -ntp -q -pl cpt-spark -am package -DskipTests) >&2
fi

# What Spark needs opened on Java 17; spark-submit adds the same to the JVMs it starts.
opens=(
  -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true
)

# shellcheck disable=SC2086 # CPT4J_SPARK_JAVA_OPTS holds several options
exec java "${opens[@]}" ${CPT4J_SPARK_JAVA_OPTS:-} \
  -Dlog4j2.configurationFile="$here/log4j2.properties" \
  -Dspark.ui.showConsoleProgress=false \
  -cp "$jar:$(cat "$classpath")" \
  io.github.cpt4j.spark.job.PriceJob "$@"
