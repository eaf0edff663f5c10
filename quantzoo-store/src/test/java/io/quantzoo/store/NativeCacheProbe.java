package io.quantzoo.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Main class for {@link DuckDbNativeCacheTest}'s child JVM: connects to an in-memory DuckDB, runs a
 * query and prints which file the native library was mapped from (Linux {@code /proc/self/maps}).
 * Uses only JDBC, so it runs with any DuckDB driver jar on the class path.
 */
final class NativeCacheProbe {
  private NativeCacheProbe() {}

  public static void main(String[] args) throws SQLException, IOException {
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 40 + 2")) {
      rs.next();
      System.out.println("ANSWER " + rs.getInt(1));
    }
    System.out.printf("CONNECT_MS %.0f%n", (System.nanoTime() - t0) / 1e6);
    Path maps = Path.of("/proc/self/maps");
    if (Files.isReadable(maps)) {
      Files.readAllLines(maps, StandardCharsets.UTF_8).stream()
          .filter(l -> l.contains("libduckdb_java"))
          .map(l -> l.substring(l.indexOf('/')))
          .distinct()
          .forEach(l -> System.out.println("MAPPED " + l));
    }
  }
}
