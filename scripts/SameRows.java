import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Exits 1 unless two sweep results directories hold the same rows: java SameRows.java A B */
public class SameRows {
  public static void main(String[] a) throws Exception {
    String x = "read_parquet('" + a[0].replace("'", "''") + "/*.parquet')";
    String y = "read_parquet('" + a[1].replace("'", "''") + "/*.parquet')";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT count(*) FROM (SELECT * FROM " + x + " EXCEPT ALL SELECT * FROM " + y
                    + ")), (SELECT count(*) FROM (SELECT * FROM " + y + " EXCEPT ALL SELECT * FROM "
                    + x + ")), (SELECT count(*) FROM " + x + ")")) {
      rs.next();
      long diff = rs.getLong(1) + rs.getLong(2);
      System.out.println("== rows: " + rs.getLong(3) + ", differing between the two runs: " + diff);
      if (diff != 0) {
        System.exit(1);
      }
    }
  }
}
