package io.github.cpt4j.benchmarks.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The DuckDB peer of the whole-process batch comparison: runs {@code price.sql} (beside this class)
 * over an input written by {@link BatchInput} and the full CMS 2025 relative value and GPCI files,
 * in an in-memory database, and writes the priced lines.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.cpt4j.benchmarks.batch.DuckDbPricer \
 *     INPUT.csv PPRRVU2025_Oct.csv GPCI2025.csv OUTPUT.csv
 * </pre>
 *
 * DuckDB uses every core by default, as a user running it would.
 */
public final class DuckDbPricer {

  private DuckDbPricer() {}

  /**
   * Prices the input.
   *
   * @param args the input, relative value, GPCI and output files
   */
  public static void main(String[] args) throws IOException, SQLException {
    if (args.length != 4) {
      System.err.println("usage: DuckDbPricer INPUT.csv PPRRVU.csv GPCI.csv OUTPUT.csv");
      System.exit(2);
    }
    String sql;
    try (InputStream in = DuckDbPricer.class.getResourceAsStream("price.sql")) {
      if (in == null) {
        throw new IllegalStateException("price.sql is missing beside " + DuckDbPricer.class);
      }
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    sql =
        sql.replace("${input}", literal(args[0]))
            .replace("${rvu}", literal(args[1]))
            .replace("${gpci}", literal(args[2]))
            .replace("${output}", literal(args[3]));
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** A SQL string literal of the absolute path: quotes doubled. */
  private static String literal(String file) {
    return "'" + Path.of(file).toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
