package cn.econtract.app.approval;

import static cn.econtract.app.document.HtmlRenderer.escape;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.contract.ContractDocuments;
import cn.econtract.app.document.PdfRenderer;
import cn.econtract.app.document.PlatformSignature;
import cn.econtract.app.kernel.Sha256;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The approval audit report (F2.2): every round and step with opinions, the hash of the contract
 * document approved, signed by the platform key so any change to the file shows in a PDF reader.
 */
@Service
public class AuditReport {

    static final String PURPOSE = "audit-report";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
    private static final Map<StepAction, String> ACTIONS = Map.ofEntries(
            Map.entry(StepAction.SUBMITTED, "提交审批"), Map.entry(StepAction.RESUBMITTED, "修改后重新提交"),
            Map.entry(StepAction.APPROVED, "同意"), Map.entry(StepAction.REJECTED, "驳回"),
            Map.entry(StepAction.RETURNED, "退回修改"), Map.entry(StepAction.CLAIMED, "认领"),
            Map.entry(StepAction.RELEASED, "释放"), Map.entry(StepAction.TRANSFERRED, "转办"),
            Map.entry(StepAction.APPROVER_ADDED, "加签"), Map.entry(StepAction.REMINDED, "催办提醒"),
            Map.entry(StepAction.ESCALATED, "超时升级"), Map.entry(StepAction.WITHDRAWN, "撤回"));
    private static final Map<String, String> OUTCOMES = Map.of("PENDING", "审批中", "APPROVED", "通过", "REJECTED", "驳回",
            "RETURNED", "退回修改", "WITHDRAWN", "已撤回");
    private static final Map<String, String> MODES = Map.of("ANY_ONE", "或签", "COUNTERSIGN", "会签", "SEQUENTIAL", "逐级");

    private final ApprovalTrail trail;
    private final ContractDocuments documents;
    private final PdfRenderer renderer;
    private final PlatformSignature signature;
    private final OperationLogService log;
    private final Clock clock;

    AuditReport(ApprovalTrail trail, ContractDocuments documents, PdfRenderer renderer, PlatformSignature signature,
                OperationLogService log, Clock clock) {
        this.trail = trail;
        this.documents = documents;
        this.renderer = renderer;
        this.signature = signature;
        this.log = log;
        this.clock = clock;
    }

    public record Report(String contractNo, byte[] pdf, String sha256) {
    }

    public Report of(String contractId) {
        ApprovalTrail.Trail t = trail.of(contractId);
        ContractDocuments.Rendered document = documents.quoted(contractId);
        Instant now = clock.instant();
        StringBuilder html = new StringBuilder();
        html.append("<h1 class=\"title\">合同审批记录报告<br/>Approval audit report</h1>");
        html.append("<table class=\"grid\">");
        row(html, "合同编号 Contract no.", t.contractNo());
        row(html, "合同名称 Title", t.title());
        row(html, "当前状态 Status", t.status());
        row(html, "合同文件 Document", "第 " + document.version() + " 版 PDF · SHA-256 " + document.sha256());
        row(html, "报告生成 Generated", TIME.format(now) + "（北京时间 UTC+8）");
        row(html, "平台签名证书 Signed by", signature.certificate(PURPOSE).getSubjectX500Principal().getName()
                + " · SHA-256 " + fingerprint());
        html.append("</table>");
        for (ApprovalTrail.Round round : t.rounds()) {
            html.append("<h2>第 ").append(round.round()).append(" 轮审批 Round ").append(round.round()).append("：")
                    .append(escape(OUTCOMES.getOrDefault(round.outcome(), round.outcome()))).append("</h2>");
            html.append("<p class=\"plain\">提交人 ").append(escape(round.submittedByName())).append("（")
                    .append(escape(round.submittedBy())).append("），").append(TIME.format(round.submittedAt()))
                    .append("；审批版本 第 ").append(round.contractVersion()).append(" 版，内容哈希 <span class=\"mono\">")
                    .append(escape(round.contentHash())).append("</span>");
            if (round.endedAt() != null) {
                html.append("；结束于 ").append(TIME.format(round.endedAt()));
            }
            html.append("</p><p class=\"plain\">审批路线 Route：");
            for (ApprovalLevel level : round.route()) {
                html.append(level.level()).append(" ").append(escape(level.name())).append("（")
                        .append(MODES.getOrDefault(level.mode().name(), level.mode().name())).append("）；");
            }
            html.append("</p><table class=\"grid\"><thead><tr><th>层级</th><th>操作人</th><th>操作</th><th>意见</th>"
                    + "<th>版本</th><th>任务创建</th><th>处理时间</th></tr></thead><tbody>");
            for (ApprovalTrail.Step s : round.steps()) {
                html.append("<tr><td>").append(s.level() == null ? "—" : s.level() + " " + escape(s.levelName() == null ? "" : s.levelName()))
                        .append("</td><td>").append(escape(s.actorName())).append("<br/><span class=\"mono\">")
                        .append(escape(s.actor())).append("</span></td><td>")
                        .append(escape(ACTIONS.getOrDefault(s.action(), s.action().name())))
                        .append(s.targetUser() == null ? "" : " → " + escape(s.targetUser()))
                        .append("</td><td>").append(escape(s.opinion() == null ? "" : s.opinion()))
                        .append("</td><td>").append(s.contractVersion())
                        .append("</td><td class=\"nowrap\">").append(s.taskCreatedAt() == null ? "" : TIME.format(s.taskCreatedAt()))
                        .append("</td><td class=\"nowrap\">").append(TIME.format(s.occurredAt())).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        if (!t.pending().isEmpty()) {
            html.append("<h2>待处理 Pending</h2><table class=\"grid\"><tbody>");
            for (ApprovalTrail.Pending p : t.pending()) {
                row(html, p.name(), (p.assignee() != null ? p.assignee() : String.join("、", p.candidateUsers())
                        + " " + String.join("、", p.candidateGroups())) + " · " + TIME.format(p.created().toInstant()));
            }
            html.append("</tbody></table>");
        }
        html.append("<p class=\"plain\">本报告由电子合同平台生成并以平台密钥签名；任何修改都会使签名失效，可在 PDF 阅读器的签名面板中查看。"
                + " This report is signed with the platform key; any change invalidates the signature.</p>");
        byte[] pdf = renderer.report("审批记录 " + t.contractNo(), "合同审批记录报告 " + t.contractNo(), html.toString(), now);
        byte[] signed = signature.sign(pdf, PURPOSE, "电子合同平台 econtract platform", "审批记录防篡改 Approval trail integrity", now);
        log.record(OperationRecord.success(null, OperationAction.EXPORT, "contract", contractId).withDetail("audit report"));
        return new Report(t.contractNo(), signed, Sha256.hex(signed));
    }

    private String fingerprint() {
        try {
            return Sha256.hex(signature.certificate(PURPOSE).getEncoded()).substring(0, 32);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><td class=\"nowrap\">").append(escape(label)).append("</td><td>").append(escape(value)).append("</td></tr>");
    }
}
