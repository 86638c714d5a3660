package cn.econtract.app.search;

import cn.econtract.app.contract.ContractStatus;
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

/** The search page. */
@Controller
class SearchPages {

    private final AccessService access;
    private final MessageSource messages;
    private final ObjectMapper json;

    SearchPages(AccessService access, MessageSource messages, ObjectMapper json) {
        this.access = access;
        this.messages = messages;
        this.json = json;
    }

    @ModelAttribute("me")
    UserProfile me() {
        return access.currentUserId().map(access::profile).orElse(null);
    }

    @GetMapping("/search")
    String search(Model model, Locale locale) throws JsonProcessingException {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("total", messages.getMessage("search.js.total", null, locale));
        for (String field : Facets.FIELDS) {
            texts.put("facet." + field, messages.getMessage("search.facet." + field, null, field, locale));
        }
        for (ContractStatus status : ContractStatus.values()) {
            texts.put("status." + status, messages.getMessage("status." + status, null, status.name(), locale));
        }
        model.addAttribute("statuses", ContractStatus.values());
        model.addAttribute("i18n", json.writeValueAsString(texts));
        return "search";
    }
}
