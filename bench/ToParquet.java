import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/** Converts a bar CSV to Parquet with DuckDB: java -cp duckdb_jdbc.jar ToParquet.java IN OUT */
public class ToParquet {
  public static void main(String[] a) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement ps =
            c.prepareStatement(
                "COPY (SELECT * FROM read_csv('"
                    + a[0].replace("'", "''")
                    + "', header = true)) TO '"
                    + a[1].replace("'", "''")
                    + "' (FORMAT parquet)")) {
      ps.execute();
    }
  }
}
