package cn.econtract.app.fulfilment;

import cn.econtract.app.approval.TaskDecisions;
import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.contract.Contract;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.document.ChineseAmount;
import cn.econtract.app.document.DocxReader;
import cn.econtract.app.document.HtmlRenderer;
import cn.econtract.app.document.PdfRenderer;
import cn.econtract.app.document.ReadDocument;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ContractEvent;
import cn.econtract.app.notification.MessageGateway;
import cn.econtract.app.notification.Notifications;
import cn.econtract.app.notification.TextMessage;
import cn.econtract.app.storage.Documents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 催款函: drafted from the Word template ({@code econtract.fulfilment.dunning-template}, placeholders
 * like {@code ${contractNo}}) filled with the contract's data, rendered to PDF in the contract
 * fonts (in memory — the letter names the contract), approved by legal, then e-mailed with the PDF
 * to the counterparty's address from the contract's contact, or handed to the owner to post when
 * the contract has none. Each step enters the evidence trail with the letter's hash.
 */
@Service
public class DunningLetters {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s，,;；()（）<>]{1,64}@[^@\\s，,;；()（）<>]{1,190}\\.[A-Za-z]{2,}");
    static final int GRACE_DAYS = 7;

    private final ObligationPlans plans;
    private final ContractService contracts;
    private final DocxReader docx;
    private final PdfRenderer pdf;
    private final Documents documents;
    private final MessageGateway gateway;
    private final Notifications notifications;
    private final TaskDecisions decisions;
    private final OperationLogService log;
    private final JdbcClient jdbc;
    private final Resource template;
    private final String company;

    DunningLetters(ObligationPlans plans, ContractService contracts, DocxReader docx, PdfRenderer pdf, Documents documents,
                   MessageGateway gateway, Notifications notifications, TaskDecisions decisions, OperationLogService log,
                   JdbcClient jdbc, ResourceLoader resources, FulfilmentProperties properties,
                   @org.springframework.beans.factory.annotation.Value("${econtract.signing.organisation:示例科技有限公司}") String company) {
        this.plans = plans;
        this.contracts = contracts;
        this.docx = docx;
        this.pdf = pdf;
        this.documents = documents;
        this.gateway = gateway;
        this.notifications = notifications;
        this.decisions = decisions;
        this.log = log;
        this.jdbc = jdbc;
        this.template = resources.getResource(properties.dunningTemplate());
        this.company = company;
    }

    /** A letter as listed with its contract. */
    public record Letter(String id, String obligationId, int letterNo, int daysOverdue, BigDecimal amountDue, String pdfSha256,
                         String status, Instant createdAt, String decidedBy, String opinion, String sentTo, Instant sentAt) {
    }

    /** 生成催款函 (a process step): the next letter for the obligation, drafted and stored; its id. */
    @Transactional
    public String draft(String obligationId, Instant now) {
        Obligation o = plans.registered(obligationId);
        ContractService.Drafted drafted = contracts.registered(o.contractId());
        Contract c = drafted.contract();
        LocalDate today = LocalDate.ofInstant(now, ReminderPlanner.CHINA);
        int days = (int) ChronoUnit.DAYS.between(o.dueDate(), today);
        BigDecimal due = o.amount() == null ? BigDecimal.ZERO : o.amount().subtract(o.settledAmount());
        int letterNo = jdbc.sql("SELECT COUNT(*) FROM dunning_letter WHERE obligation_id = :o").param("o", obligationId)
                .query(Integer.class).single() + 1;
        String id = UUID.randomUUID().toString();
        Map<String, Object> variables = drafted.version().content().variables();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("counterparty", c.counterpartyName());
        values.put("signDate", String.valueOf(variables.getOrDefault("signDate", c.effectiveDate() == null ? "" : c.effectiveDate())));
        values.put("title", c.title());
        values.put("contractNo", c.contractNo());
        values.put("obligation", o.title());
        values.put("dueDate", o.dueDate().toString());
        values.put("amountDue", due.toPlainString());
        values.put("amountDueUpper", ChineseAmount.upper(due));
        values.put("today", today.toString());
        values.put("daysOverdue", String.valueOf(days));
        values.put("graceDays", String.valueOf(GRACE_DAYS));
        values.put("jurisdiction", String.valueOf(variables.getOrDefault("jurisdiction", "合同约定的争议解决方式")));
        values.put("company", company);
        values.put("letterNo", String.valueOf(letterNo));
        values.put("letterId", id.substring(0, 8));
        byte[] letter = render(values, c.contractNo(), now);
        String sha256 = documents.put(letter);
        jdbc.sql("INSERT INTO dunning_letter (id, obligation_id, contract_id, letter_no, days_overdue, amount_due, pdf_sha256, status, created_at) "
                        + "VALUES (:id, :o, :c, :no, :days, :due, :sha, 'DRAFTED', :at)")
                .param("id", id).param("o", obligationId).param("c", o.contractId()).param("no", letterNo).param("days", days)
                .param("due", due).param("sha", sha256).param("at", time(now)).update();
        log.record(OperationRecord.success(ObligationPlans.SYSTEM, OperationAction.CREATE, "contract", o.contractId())
                .withDetail("dunning letter " + letterNo + " drafted sha256:" + sha256));
        contracts.event(ContractEvent.Type.OBLIGATION_OVERDUE, o.contractId(), ObligationPlans.SYSTEM, "dunning letter " + letterNo
                + " drafted: " + o.title() + " " + days + " days, ¥" + due.toPlainString() + " sha256:" + sha256);
        return id;
    }

    /** 催款函审批 decided (decision and opinion, as every approval task). */
    @Transactional
    public void decided(String letterId, String actor, String decision, String opinion, Instant at) {
        String clean = decisions.check(decision, opinion);
        Letter letter = letter(letterId);
        jdbc.sql("UPDATE dunning_letter SET status = :s, decided_by = :by, decided_at = :at, opinion = :op WHERE id = :id AND status = 'DRAFTED'")
                .param("s", "APPROVE".equals(decision) ? "APPROVED" : "REJECTED").param("by", actor).param("at", time(at))
                .param("op", clean).param("id", letterId).update();
        log.record(OperationRecord.success(actor, "APPROVE".equals(decision) ? OperationAction.APPROVE : OperationAction.REJECT, "contract",
                contractOf(letterId)).withDetail("dunning letter " + letter.letterNo()));
    }

    /** 发送催款函: e-mailed with the PDF when the contract's contact has an address, else handed to the owner to post. */
    @Transactional
    public void send(String letterId, Instant now) {
        Letter letter = letter(letterId);
        Obligation o = plans.registered(letter.obligationId());
        ContractService.Drafted drafted = contracts.registered(o.contractId());
        Contract c = drafted.contract();
        byte[] bytes = documents.get(letter.pdfSha256());
        Optional<String> address = email(c.counterpartyContact()).or(() -> drafted.version().content().variables().values().stream()
                .filter(Map.class::isInstance).map(v -> (Map<?, ?>) v)
                .filter(party -> c.counterpartyName() != null && c.counterpartyName().equals(party.get("name")))
                .map(party -> party.get("contact") == null ? null : String.valueOf(party.get("contact")))
                .map(DunningLetters::email).flatMap(Optional::stream).findFirst());
        String owner = o.responsible() == null ? c.createdBy() : o.responsible();
        if (address.isPresent()) {
            gateway.send(new TextMessage(TextMessage.Channel.EMAIL, address.get(), "催款函 " + c.contractNo() + "（" + company + "）",
                    c.counterpartyName() + "：\n\n附件为我司关于合同 " + c.contractNo() + "《" + c.title() + "》的催款函，请查收。\n\n" + company,
                    List.of(new TextMessage.Attachment("催款函-" + c.contractNo() + "-" + letter.letterNo() + ".pdf", "application/pdf", bytes))));
        } else {
            notifications.send(Set.of(owner), "DUNNING_TO_POST", c.id(), null, "催款函 " + c.contractNo() + " 第 " + letter.letterNo()
                    + " 次已批准，合同未留相对方电子邮箱，请打印后邮寄 Print and post the approved dunning letter");
        }
        String sentTo = address.orElse("POST");
        jdbc.sql("UPDATE dunning_letter SET status = 'SENT', sent_to = :to, sent_at = :at WHERE id = :id")
                .param("to", sentTo).param("at", time(now)).param("id", letterId).update();
        log.record(OperationRecord.success(ObligationPlans.SYSTEM, OperationAction.EXPORT, "contract", c.id())
                .withDetail("dunning letter " + letter.letterNo() + " sent to " + sentTo));
        contracts.event(ContractEvent.Type.OBLIGATION_OVERDUE, c.id(), ObligationPlans.SYSTEM, "dunning letter " + letter.letterNo()
                + " sent to " + sentTo + " sha256:" + letter.pdfSha256());
    }

    /** The first e-mail address in a contact line ("李建国 13912345678 lijg@example.cn"). */
    static Optional<String> email(String contact) {
        return Optional.ofNullable(contact).map(EMAIL::matcher).filter(Matcher::find).map(Matcher::group);
    }

    /** The contract's letters, for a caller who may view it. */
    public List<Letter> ofContract(String contractId) {
        contracts.drafted(contractId, Permission.CONTRACT_VIEW, OperationAction.VIEW);
        return jdbc.sql(COLUMNS + " WHERE contract_id = :c ORDER BY created_at").param("c", contractId).query(DunningLetters::map).list();
    }

    /** A letter's PDF, for a caller who may view the contract; logged as a download. */
    public byte[] pdf(String contractId, String letterId) {
        contracts.drafted(contractId, Permission.CONTRACT_VIEW, OperationAction.DOWNLOAD);
        Letter letter = letter(letterId);
        if (!contractOf(letterId).equals(contractId)) {
            throw BusinessException.notFound("dunning letter", letterId);
        }
        log.record(OperationRecord.success(null, OperationAction.DOWNLOAD, "contract", contractId)
                .withDetail("dunning letter " + letter.letterNo() + " sha256:" + letter.pdfSha256()));
        return documents.get(letter.pdfSha256());
    }

    /** The letter's id for the approval form and who decides it. */
    Letter letter(String letterId) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", letterId).query(DunningLetters::map).optional()
                .orElseThrow(() -> BusinessException.notFound("dunning letter", letterId));
    }

    private String contractOf(String letterId) {
        return jdbc.sql("SELECT contract_id FROM dunning_letter WHERE id = :id").param("id", letterId).query(String.class).single();
    }

    /** The template's paragraphs with their placeholders filled, as the platform's PDF. */
    byte[] render(Map<String, String> values, String contractNo, Instant now) {
        ReadDocument doc;
        try (InputStream in = template.getInputStream()) {
            doc = docx.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dunning letter template " + template, e);
        }
        StringBuilder body = new StringBuilder();
        if (doc.title() != null) {
            body.append("<h1 class=\"title\">").append(HtmlRenderer.escape(fill(doc.title(), values))).append("</h1>");
        }
        paragraphs(body, doc.preamble(), values);
        for (ReadDocument.Section s : doc.sections()) {
            if (s.heading() != null && !s.heading().isBlank() && !s.heading().equals("落款")) {
                body.append("<h2>").append(HtmlRenderer.escape(fill(s.heading(), values))).append("</h2>");
            }
            paragraphs(body, s.text(), values);
        }
        return pdf.report("催款函 " + contractNo, "催款函 " + contractNo, body.toString(), now);
    }

    private static void paragraphs(StringBuilder body, String text, Map<String, String> values) {
        if (text == null) {
            return;
        }
        for (String line : text.split("\\n")) {
            if (!line.isBlank()) {
                body.append("<p>").append(HtmlRenderer.escape(fill(line.strip(), values))).append("</p>");
            }
        }
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    private static final String COLUMNS = "SELECT id, obligation_id, letter_no, days_overdue, amount_due, pdf_sha256, status, created_at, "
            + "decided_by, opinion, sent_to, sent_at FROM dunning_letter";

    private static Letter map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime created = rs.getObject(8, OffsetDateTime.class);
        OffsetDateTime sent = rs.getObject(12, OffsetDateTime.class);
        return new Letter(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getBigDecimal(5), rs.getString(6),
                rs.getString(7), created.toInstant(), rs.getString(9), rs.getString(10), rs.getString(11), sent == null ? null : sent.toInstant());
    }

    private static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
