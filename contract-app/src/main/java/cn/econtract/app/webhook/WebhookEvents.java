package cn.econtract.app.webhook;

import cn.econtract.app.kernel.ContractEvent;
import java.util.List;
import java.util.Optional;

/** The lifecycle events a system can subscribe to, as they follow from the contract's events. */
final class WebhookEvents {

    static final List<String> ALL = List.of("contract.submitted", "contract.approved", "contract.rejected", "contract.signed",
            "contract.completed", "contract.terminated", "contract.archived", "obligation.overdue");

    private WebhookEvents() {
    }

    static Optional<String> of(ContractEvent event) {
        String detail = event.detail() == null ? "" : event.detail();
        return switch (event.type()) {
            case SUBMITTED -> Optional.of("contract.submitted");
            case ARCHIVED -> Optional.of("contract.archived");
            case OBLIGATION_OVERDUE -> detail.startsWith("dunning") || detail.startsWith("dispute")
                    ? Optional.empty() : Optional.of("obligation.overdue");
            case STATUS_CHANGED -> switch (detail.substring(detail.lastIndexOf('→') + 1).strip()) {
                case "APPROVED" -> Optional.of("contract.approved");
                case "REJECTED" -> Optional.of("contract.rejected");
                case "IN_FORCE" -> Optional.of("contract.signed");
                case "COMPLETED" -> Optional.of("contract.completed");
                case "TERMINATED" -> Optional.of("contract.terminated");
                default -> Optional.empty();
            };
            default -> Optional.empty();
        };
    }
}
