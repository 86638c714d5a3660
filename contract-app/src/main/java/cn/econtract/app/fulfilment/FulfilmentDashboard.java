package cn.econtract.app.fulfilment;

import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.Permission;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 履约看板 (F5): across the contracts the caller may view — what falls due in the next 30 days,
 * what is overdue, contracts expiring within 60 days, and the open receivable and payable amounts.
 */
@Service
public class FulfilmentDashboard {

    static final int DUE_SOON_DAYS = 30;
    static final int EXPIRING_DAYS = 60;
    private static final String ITEM = "SELECT o.id, o.contract_id, c.contract_no, c.title, c.counterparty_name, o.kind, o.title, o.party, "
            + "o.amount, o.settled_amount, o.due_date, o.status, o.responsible FROM obligation o JOIN contract c ON c.id = o.contract_id "
            + "WHERE c.deleted_at IS NULL";

    private final JdbcClient jdbc;
    private final AccessService access;
    private final Clock clock;

    FulfilmentDashboard(JdbcClient jdbc, AccessService access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /** One line of the board. */
    public record Item(String obligationId, String contractId, String contractNo, String contractTitle, String counterparty, String kind,
                       String title, String party, BigDecimal amount, BigDecimal settledAmount, LocalDate dueDate, String status,
                       String responsible) {
    }

    public record Board(List<Item> dueSoon, List<Item> overdue, List<Item> expiring, BigDecimal receivable, BigDecimal payable) {
    }

    public Board board() {
        Optional<Set<String>> departments = access.departmentFilter(Permission.CONTRACT_VIEW);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ReminderPlanner.CHINA);
        String scope = departments.map(d -> d.isEmpty() ? " AND 1 = 0" : " AND c.department_id IN (:departments)").orElse("");
        Map<String, Object> p = new LinkedHashMap<>();
        departments.filter(d -> !d.isEmpty()).ifPresent(d -> p.put("departments", d));
        p.put("today", today);
        p.put("soon", today.plusDays(DUE_SOON_DAYS));
        p.put("expiring", today.plusDays(EXPIRING_DAYS));
        List<Item> dueSoon = items(ITEM + scope + " AND o.status = 'CONFIRMED' AND o.kind <> 'EXPIRY' AND o.due_date BETWEEN :today AND :soon "
                + "ORDER BY o.due_date FETCH FIRST 50 ROWS ONLY", p);
        List<Item> overdue = items(ITEM + scope + " AND o.status = 'OVERDUE' ORDER BY o.due_date FETCH FIRST 50 ROWS ONLY", p);
        List<Item> expiring = items(ITEM + scope + " AND o.kind = 'EXPIRY' AND o.status = 'CONFIRMED' AND o.due_date BETWEEN :today AND :expiring "
                + "ORDER BY o.due_date FETCH FIRST 50 ROWS ONLY", p);
        return new Board(dueSoon, overdue, expiring, open(scope, p, "COUNTERPARTY"), open(scope, p, "OURS"));
    }

    private List<Item> items(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query((rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                rs.getObject(11, LocalDate.class), rs.getString(12), rs.getString(13))).list();
    }

    /** Open amounts of confirmed or overdue payments owed by {@code party}. */
    private BigDecimal open(String scope, Map<String, Object> params, String party) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put("party", party);
        BigDecimal sum = jdbc.sql("SELECT SUM(o.amount - o.settled_amount) FROM obligation o JOIN contract c ON c.id = o.contract_id "
                        + "WHERE c.deleted_at IS NULL" + scope + " AND o.kind = 'PAYMENT' AND o.party = :party AND o.status IN ('CONFIRMED', 'OVERDUE') "
                        + "AND o.amount IS NOT NULL")
                .params(p).query(BigDecimal.class).optional().orElse(null);
        return sum == null ? BigDecimal.ZERO.setScale(2) : sum;
    }
}
