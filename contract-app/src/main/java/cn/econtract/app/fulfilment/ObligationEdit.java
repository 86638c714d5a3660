package cn.econtract.app.fulfilment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the owner sets on an obligation: {@code dueTerm} as a {@link DueTerm#code()} (counted from
 * an event) or {@code dueDate} (a fixed date; wins when both are given).
 */
public record ObligationEdit(ObligationKind kind, String title, Obligation.Party party, BigDecimal amount, String dueTerm,
                             LocalDate dueDate, String responsible) {
}
