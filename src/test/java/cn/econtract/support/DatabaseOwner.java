package cn.econtract.support;

import java.sql.Statement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Someone with the database owner's rights, bypassing the application: on PostgreSQL also its
 * append-only triggers ({@code session_replication_role = replica}, what a superuser can do).
 */
public final class DatabaseOwner {

    private DatabaseOwner() {
    }

    public static void execute(JdbcTemplate jdbc, boolean bypassTriggers, String... statements) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                if (bypassTriggers) {
                    st.execute("SET LOCAL session_replication_role = replica");
                }
                for (String sql : statements) {
                    st.executeUpdate(sql);
                }
                connection.commit();
            } catch (java.sql.SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return null;
        });
    }
}
