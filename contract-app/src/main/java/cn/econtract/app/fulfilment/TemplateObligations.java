package cn.econtract.app.fulfilment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Obligations from a template-based contract's structured variables: each row of the payment
 * schedule (付款阶段, 比例, 金额, 付款条件或期限) and of the milestones (交付内容, 交付日期). The shipped
 * templates name us 甲方 and the counterparty 乙方; the buyer pays — 乙方 in a sales contract, 甲方
 * in every other — and the other side delivers.
 */
final class TemplateObligations {

    private TemplateObligations() {
    }

    /** A proposed obligation before it is stored. */
    record Proposal(ObligationKind kind, String title, Obligation.Party party, BigDecimal amount, DueTerm due, String sourceText) {
    }

    static List<Proposal> from(String contractType, Map<String, Object> variables, BigDecimal total) {
        Obligation.Party payer = "SALES".equals(contractType) ? Obligation.Party.COUNTERPARTY : Obligation.Party.OURS;
        Obligation.Party deliverer = payer == Obligation.Party.OURS ? Obligation.Party.COUNTERPARTY : Obligation.Party.OURS;
        List<Proposal> out = new ArrayList<>();
        for (Map<?, ?> row : rows(variables.get("paymentSchedule"))) {
            String stage = text(row.get("stage"));
            String dueText = text(row.get("due"));
            BigDecimal amount = money(row.get("amount"));
            if (amount == null && row.get("ratio") != null && total != null) {
                amount = total.multiply(money(row.get("ratio"))).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
            }
            DueTerm due = ClauseExtractor.due(dueText).orElse(null);
            out.add(new Proposal(ObligationKind.PAYMENT, "付款：" + (stage.isEmpty() ? "款项" : stage), payer, amount, due,
                    stage + "：" + dueText));
        }
        for (Map<?, ?> row : rows(variables.get("milestones"))) {
            String item = text(row.get("item"));
            DueTerm due = date(row.get("date")).<DueTerm>map(DueTerm.ByDate::new).orElse(null);
            out.add(new Proposal(ObligationKind.DELIVERY, "交付：" + item, deliverer, null, due, item + "：" + text(row.get("date"))));
        }
        return out;
    }

    private static List<Map<?, ?>> rows(Object value) {
        List<Map<?, ?>> rows = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).map(m -> (Map<?, ?>) m).forEach(rows::add);
        }
        return rows;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value).strip();
    }

    private static BigDecimal money(Object value) {
        try {
            return value == null || text(value).isEmpty() ? null : new BigDecimal(text(value).replace(",", "")).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static java.util.Optional<LocalDate> date(Object value) {
        try {
            return value == null ? java.util.Optional.empty() : java.util.Optional.of(LocalDate.parse(text(value)));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
