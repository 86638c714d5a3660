package cn.econtract.app.web;

import cn.econtract.app.approval.TaskInbox;
import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationQuery;
import cn.econtract.app.audit.Outcome;
import cn.econtract.app.contract.ContractFilter;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.contract.ContractStatus;
import cn.econtract.app.template.TemplateService;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.identity.PermissionScope;
import cn.econtract.app.identity.RoleAdministration;
import cn.econtract.app.identity.SessionControl;
import cn.econtract.app.identity.UserProfile;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the web shell. Each calls the feature's service; access rules are the same as the API's. */
@Controller
class PageController {

    private final AccessService access;
    private final TaskInbox inbox;
    private final ContractService contracts;
    private final OperationLogService operationLog;
    private final RoleAdministration roles;
    private final SessionControl sessions;
    private final TemplateService templates;
    private final org.springframework.context.MessageSource messages;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private static final ContractFilter NO_FILTER = new ContractFilter(null, null, null, null);

    PageController(AccessService access, TaskInbox inbox, ContractService contracts, OperationLogService operationLog,
                   RoleAdministration roles, SessionControl sessions, TemplateService templates,
                   org.springframework.context.MessageSource messages, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.templates = templates;
        this.messages = messages;
        this.json = json;
        this.access = access;
        this.inbox = inbox;
        this.contracts = contracts;
        this.operationLog = operationLog;
        this.roles = roles;
        this.sessions = sessions;
    }

    @ModelAttribute("me")
    UserProfile me() {
        return access.currentUserId().map(access::profile).orElse(null);
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Model model, @ModelAttribute("me") UserProfile me) {
        model.addAttribute("tasks", inbox.openTasksOf(me, null, 5));
        model.addAttribute("contracts", me.can(Permission.CONTRACT_VIEW) ? contracts.list(NO_FILTER, 0, 5) : java.util.List.of());
        return "home";
    }

    @GetMapping("/tasks")
    String tasks(Model model, @ModelAttribute("me") UserProfile me, java.util.Locale locale) throws Exception {
        model.addAttribute("tasks", inbox.openTasksOf(me, null, 200));
        model.addAttribute("i18n", json.writeValueAsString(Map.of("tasks.done",
                messages.getMessage("tasks.done", null, "tasks.done", locale))));
        return "tasks";
    }

    @GetMapping("/contracts")
    String contracts(Model model, @RequestParam(required = false) ContractStatus status,
                     @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean mine) {
        model.addAttribute("contracts", contracts.list(new ContractFilter(status, null, mine, blankToNull(q)), 0, 100));
        model.addAttribute("statuses", ContractStatus.values());
        model.addAttribute("templates", me().can(Permission.TEMPLATE_USE) ? templates.list(null) : java.util.List.of());
        return "contracts";
    }

    @GetMapping("/contracts/{id}/edit")
    String editor(@PathVariable String id, Model model, java.util.Locale locale) throws Exception {
        model.addAttribute("contract", contracts.get(id));
        model.addAttribute("i18n", editorTexts(locale));
        return "editor";
    }

    /** The editor's and diff view's texts in the user's language, as JSON for the page's script. */
    private String editorTexts(java.util.Locale locale) throws Exception {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (String key : EDITOR_TEXTS) {
            texts.put(key, messages.getMessage("editor.js." + key, null, key, locale));
        }
        return json.writeValueAsString(texts);
    }

    /** "New contract" on the contracts page: a draft from the chosen template, then straight into the editor. */
    @PostMapping("/contracts/new")
    String newContract(@RequestParam String templateId, @RequestParam String title) {
        var contract = contracts.create(new cn.econtract.app.contract.NewContract(title, null, null, null, null, null, null,
                null, templateId, null, null, null, true));
        return "redirect:/contracts/" + contract.id() + "/edit";
    }

    private static final java.util.List<String> EDITOR_TEXTS = java.util.List.of("drag", "heading", "fromLibrary", "modified",
            "up", "down", "remove", "insert", "confirmRemove", "addRow", "unsaved", "saving", "saved", "failed", "compare",
            "identical", "variable", "party.name", "party.creditCode", "party.address", "party.legalRepresentative",
            "party.contact", "kind.CHANGED", "kind.ADDED", "kind.REMOVED", "kind.MOVED");

    @GetMapping("/templates")
    String templates(Model model) {
        model.addAttribute("templates", templates.list(null));
        return "templates";
    }

    @GetMapping("/templates/{id}")
    String template(@PathVariable String id, Model model, java.util.Locale locale) throws Exception {
        model.addAttribute("detail", templates.get(id));
        model.addAttribute("i18n", editorTexts(locale));
        return "template";
    }

    @GetMapping("/audit")
    String audit(Model model, @RequestParam(required = false) String actor,
                 @RequestParam(required = false) OperationAction action,
                 @RequestParam(required = false) Outcome outcome,
                 @RequestParam(defaultValue = "false") boolean verify) {
        OperationQuery query = new OperationQuery(blankToNull(actor), action, null, null, outcome, null, null);
        model.addAttribute("entries", operationLog.find(query, 0, 200));
        model.addAttribute("actions", OperationAction.values());
        model.addAttribute("outcomes", Outcome.values());
        if (verify) {
            model.addAttribute("verification", operationLog.verify());
        }
        return "audit";
    }

    @GetMapping("/admin/roles")
    String adminRoles(Model model) {
        model.addAttribute("roles", roles.roles());
        model.addAttribute("permissions", Permission.values());
        return "admin-roles";
    }

    @PostMapping("/admin/roles/{roleId}")
    String saveRole(@PathVariable String roleId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<Permission, PermissionScope> granted = new EnumMap<>(Permission.class);
        Arrays.stream(Permission.values()).forEach(p -> {
            String value = form.get("p_" + p.code());
            if (value != null && !"NONE".equals(value)) {
                granted.put(p, PermissionScope.valueOf(value));
            }
        });
        roles.replacePermissions(roleId, granted);
        redirect.addFlashAttribute("saved", roleId);
        return "redirect:/admin/roles";
    }

    @GetMapping("/profile")
    String profile() {
        return "profile";
    }

    @PostMapping("/profile/logout-everywhere")
    String logoutEverywhere(@ModelAttribute("me") UserProfile me) {
        sessions.endAllSessionsOf(me.id());
        return "redirect:/login?logout";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
