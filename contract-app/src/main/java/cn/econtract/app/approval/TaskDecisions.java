package cn.econtract.app.approval;

import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The decision on a two-way task outside contract approval (loans, destruction reviews, dunning
 * letters, disputes) — APPROVE or REJECT, the same form keys as every approval task — checked the
 * same way whichever client completed it. Refusing needs an opinion: the record must say why.
 * Spelled out in both languages for a Tasklist user.
 */
@Component
public class TaskDecisions {

    static final int MAX_OPINION = 2000;

    private final MessageSource messages;

    TaskDecisions(MessageSource messages) {
        this.messages = messages;
    }

    /** The opinion, stripped (null if none); 400 if the decision is not one of the two or lacks a needed opinion. */
    public String check(String decision, String opinion) {
        List<FieldError> errors = new ArrayList<>();
        boolean blank = opinion == null || opinion.isBlank();
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            errors.add(new FieldError("decision", "validation.archive.decision"));
        } else if ("REJECT".equals(decision) && blank) {
            errors.add(new FieldError("opinion", "validation.approval.opinionRequired"));
        }
        if (!blank && opinion.length() > MAX_OPINION) {
            errors.add(new FieldError("opinion", "validation.maxLength", MAX_OPINION));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors, errors.stream().map(e -> text(e.messageKey(), e.args()))
                    .reduce((a, b) -> a + " " + b).orElse(""));
        }
        return blank ? null : opinion.strip();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE) + " / " + messages.getMessage(key, args, key, Locale.ENGLISH);
    }
}
