package cn.econtract.app.signing;

import cn.econtract.app.crypto.DataKeyHolder;
import cn.econtract.app.crypto.SealedValue;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every sealed column of the signing tables, re-wrapped when the key-encryption key rotates. */
@Component
class SigningSealedData implements DataKeyHolder {

    /** table, its key columns, the sealed column. */
    private record Column(String table, List<String> keys, String sealed) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("signer", List.of("id"), "contact"),
            new Column("company_seal", List.of("id"), "image"),
            new Column("handwriting", List.of("owner"), "image"),
            new Column("totp_enrolment", List.of("user_id"), "secret"));

    private final JdbcClient jdbc;

    SigningSealedData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public int rewrapAll(UnaryOperator<SealedValue> rewrap) {
        int changed = 0;
        for (Column c : COLUMNS) {
            String keys = String.join(", ", c.keys());
            List<Object[]> rows = jdbc.sql("SELECT " + keys + ", " + c.sealed() + " FROM " + c.table()).query((rs, n) -> {
                Object[] row = new Object[c.keys().size() + 1];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                return row;
            }).list();
            for (Object[] row : rows) {
                String before = (String) row[row.length - 1];
                String after = rewrap.apply(SealedValue.decode(before)).encode();
                if (after.equals(before)) {
                    continue;
                }
                StringBuilder sql = new StringBuilder("UPDATE " + c.table() + " SET " + c.sealed() + " = :v WHERE ");
                for (int i = 0; i < c.keys().size(); i++) {
                    sql.append(i == 0 ? "" : " AND ").append(c.keys().get(i)).append(" = :k").append(i);
                }
                JdbcClient.StatementSpec update = jdbc.sql(sql.toString()).param("v", after);
                for (int i = 0; i < c.keys().size(); i++) {
                    update = update.param("k" + i, row[i]);
                }
                changed += update.update();
            }
        }
        return changed;
    }
}
