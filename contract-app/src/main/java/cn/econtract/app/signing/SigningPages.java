package cn.econtract.app.signing;

import cn.econtract.app.approval.TaskInbox;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.UserProfile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The signing pages: my signing tasks, arranging signers, the signing desk (also for a link's signer), verification. */
@Controller
class SigningPages {

    private static final List<String> SIGNING_TEXTS = List.of("deadline", "factorCount", "sealNote", "sent", "signed", "refused",
            "ours", "counterparty", "signature", "seal", "userId", "name", "organisation", "email", "phone", "idNumber", "arranged", "passkeyReady");
    private static final List<String> VERIFY_TEXTS = List.of("valid", "invalid", "evidence", "noEvidence");

    private final AccessService access;
    private final TaskInbox inbox;
    private final MessageSource messages;
    private final ObjectMapper json;

    SigningPages(AccessService access, TaskInbox inbox, MessageSource messages, ObjectMapper json) {
        this.access = access;
        this.inbox = inbox;
        this.messages = messages;
        this.json = json;
    }

    @ModelAttribute("me")
    UserProfile me() {
        return access.currentUserId().map(access::profile).orElse(null);
    }

    @GetMapping("/signing")
    String signing(@RequestParam(required = false) String task, @RequestParam(required = false) String contract, Model model,
                   Locale locale) throws JsonProcessingException {
        if (task != null) {
            model.addAttribute("mode", "sign");
            model.addAttribute("base", "/api/v1/signing/" + task);
            model.addAttribute("document", "");
        } else if (contract != null) {
            model.addAttribute("mode", "arrange");
            model.addAttribute("contractId", contract);
        } else {
            model.addAttribute("mode", "list");
            model.addAttribute("tasks", inbox.openTasksOf(access.currentUser(), null, 200).stream()
                    .filter(t -> "Task_Sign".equals(t.taskKey()) || SigningArrangements.ARRANGE_TASK.equals(t.taskKey())).toList());
        }
        model.addAttribute("i18n", texts("signing.js.", SIGNING_TEXTS, locale));
        return "signing";
    }

    /** A counterparty's signer from the e-mailed link: no account, the token is the credential. */
    @GetMapping("/sign/{token}")
    String external(@PathVariable String token, Model model, Locale locale) throws JsonProcessingException {
        String base = "/api/v1/external-signing/" + (SigningLinks.wellFormed(token) ? token : "invalid");
        model.addAttribute("mode", "sign");
        model.addAttribute("base", base);
        model.addAttribute("document", base + "/document");
        model.addAttribute("i18n", texts("signing.js.", SIGNING_TEXTS, locale));
        return "signing";
    }

    @GetMapping("/verify")
    String verify(Model model, Locale locale) throws JsonProcessingException {
        model.addAttribute("i18n", texts("verify.js.", VERIFY_TEXTS, locale));
        return "verify";
    }

    private String texts(String prefix, List<String> keys, Locale locale) throws JsonProcessingException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : keys) {
            texts.put(key, messages.getMessage(prefix + key, null, key, locale));
        }
        return json.writeValueAsString(texts);
    }
}
