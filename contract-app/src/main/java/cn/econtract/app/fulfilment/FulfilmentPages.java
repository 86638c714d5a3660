package cn.econtract.app.fulfilment;

import cn.econtract.app.contract.ContractService;
import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.Permission;
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

/** The fulfilment board and a contract's obligation plan (list and calendar). */
@Controller
class FulfilmentPages {

    private static final String[] TEXTS = {"kind.PAYMENT", "kind.DELIVERY", "kind.ACCEPTANCE", "kind.RENEWAL_NOTICE", "kind.EXPIRY",
        "party.OURS", "party.COUNTERPARTY", "party.BOTH", "status.PROPOSED", "status.CONFIRMED", "status.OVERDUE", "status.FULFILLED",
        "status.DISMISSED", "fulfil", "dismiss", "reason", "amount", "note", "proof", "undated", "saved", "none", "receivable", "payable",
        "term.after", "term.before", "term.monthly", "anchor.SIGNING", "anchor.DELIVERY", "anchor.ACCEPTANCE", "anchor.INVOICE",
        "anchor.EXPIRY", "unit.DAYS", "unit.WORKING_DAYS", "unit.MONTHS"};

    private final AccessService access;
    private final ContractService contracts;
    private final MessageSource messages;
    private final ObjectMapper json;

    FulfilmentPages(AccessService access, ContractService contracts, MessageSource messages, ObjectMapper json) {
        this.access = access;
        this.contracts = contracts;
        this.messages = messages;
        this.json = json;
    }

    @ModelAttribute("me")
    UserProfile me() {
        return access.currentUserId().map(access::profile).orElse(null);
    }

    @GetMapping("/fulfilment")
    String board(Model model, Locale locale) throws JsonProcessingException {
        model.addAttribute("i18n", texts(locale));
        return "fulfilment";
    }

    @GetMapping("/contracts/{id}/plan")
    String plan(@PathVariable String id, Model model, Locale locale) throws JsonProcessingException {
        var contract = contracts.drafted(id, Permission.CONTRACT_VIEW, OperationAction.VIEW).contract();
        model.addAttribute("contract", contract);
        model.addAttribute("i18n", texts(locale));
        return "plan";
    }

    private String texts(Locale locale) throws JsonProcessingException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : TEXTS) {
            texts.put(key, messages.getMessage("fulfilment.js." + key, null, key, locale));
        }
        return json.writeValueAsString(texts);
    }
}
