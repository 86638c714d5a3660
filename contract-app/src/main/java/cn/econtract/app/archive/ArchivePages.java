package cn.econtract.app.archive;

import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.UserProfile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The archive browser; {@code /archives/{no}} opens it on one item (the tasks' forms link there). */
@Controller
class ArchivePages {

    private static final String[] TEXTS = {"total", "copy", "borrow", "borrow.sent", "return", "noLoans", "until",
        "facet.category", "facet.year", "facet.department", "retention.Y", "retention.D30", "retention.D10",
        "status.KEPT", "status.DESTROYED", "loan.REQUESTED", "loan.LENT", "loan.REFUSED", "loan.CLOSED"};

    private final AccessService access;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final ArchiveProperties properties;

    ArchivePages(AccessService access, MessageSource messages, ObjectMapper json, ArchiveProperties properties) {
        this.access = access;
        this.messages = messages;
        this.json = json;
        this.properties = properties;
    }

    @ModelAttribute("me")
    UserProfile me() {
        return access.currentUserId().map(access::profile).orElse(null);
    }

    @GetMapping("/archives")
    String archives(Model model, Locale locale) throws JsonProcessingException {
        return page(model, locale, null);
    }

    @GetMapping("/archives/{archiveNo}")
    String archive(@PathVariable String archiveNo, Model model, Locale locale) throws JsonProcessingException {
        return page(model, locale, ArchiveNumbers.wellFormed(archiveNo) ? archiveNo : null);
    }

    private String page(Model model, Locale locale, String query) throws JsonProcessingException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : TEXTS) {
            texts.put(key, messages.getMessage("archive.js." + key, null, key, locale));
        }
        model.addAttribute("i18n", json.writeValueAsString(texts));
        model.addAttribute("query", query);
        model.addAttribute("maxDays", properties.maxBorrowingDays());
        return "archives";
    }
}
