package cn.econtract.app.signing;

import static cn.econtract.app.document.HtmlRenderer.escape;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.contract.Contract;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.document.PdfRenderer;
import cn.econtract.app.document.PlatformSignature;
import cn.econtract.app.evidence.EvidenceEntry;
import cn.econtract.app.evidence.EvidenceProofs;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ContractEvent;
import cn.econtract.app.kernel.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * 签署证明 (S7): for a signed contract, the document's hash, and for every signer how they
 * authenticated, when (the time-stamp's time, not the server's claim), from which address, with
 * which certificate, and the evidence entries that record it — as a PDF signed by the platform.
 */
@Service
public class SigningCertificateReport {

    static final String PURPOSE = "signing-certificate";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
    private static final Map<String, String> METHODS = Map.of("SMS", "短信验证码", "EMAIL", "邮件验证码", "TOTP", "身份验证器",
            "REAL_NAME", "实名核验", "BATCH", "批量签署");

    private final SigningRepository repository;
    private final ContractService contracts;
    private final SignatureVerification verification;
    private final EvidenceProofs evidence;
    private final PdfRenderer renderer;
    private final PlatformSignature signature;
    private final OperationLogService log;
    private final Clock clock;

    SigningCertificateReport(SigningRepository repository, ContractService contracts, SignatureVerification verification,
                             EvidenceProofs evidence, PdfRenderer renderer, PlatformSignature signature, OperationLogService log,
                             Clock clock) {
        this.repository = repository;
        this.contracts = contracts;
        this.verification = verification;
        this.evidence = evidence;
        this.renderer = renderer;
        this.signature = signature;
        this.log = log;
        this.clock = clock;
    }

    public record Certificate(String contractNo, byte[] pdf) {
    }

    public Certificate of(String contractId) {
        Contract contract = contracts.drafted(contractId, Permission.CONTRACT_VIEW, OperationAction.EXPORT).contract();
        SigningPlan plan = repository.latestPlan(contractId).filter(p -> p.status() == SigningPlan.Status.SIGNED)
                .orElseThrow(() -> BusinessException.stateConflict("error.signing.notSigned", contract.contractNo()));
        SigningRepository.Revision last = repository.latestRevision(contractId).orElseThrow();
        byte[] signedPdf = repository.content(contractId, last.revision());
        Map<String, SignatureVerification.SignatureCheck> checks = verification.verify(signedPdf).checks().stream()
                .collect(Collectors.toMap(SignatureVerification.SignatureCheck::field, Function.identity(), (a, b) -> a));
        List<EvidenceEntry> entries = evidence.entriesOf(contractId).stream()
                .filter(e -> e.type() == ContractEvent.Type.SIGNED || e.type() == ContractEvent.Type.SEALED).toList();
        Instant now = clock.instant();
        StringBuilder html = new StringBuilder("<h1 class=\"title\">电子合同签署证明<br/>Certificate of signing</h1><table class=\"grid\">");
        row(html, "合同编号 Contract no.", contract.contractNo());
        row(html, "合同名称 Title", contract.title());
        row(html, "相对方 Counterparty", contract.counterpartyName());
        row(html, "审批通过文本 Approved PDF", "SHA-256 " + plan.sourceSha256());
        row(html, "签署完成文件 Signed PDF", "第 " + last.revision() + " 次修订 revision · SHA-256 " + last.sha256());
        row(html, "签署完成 Completed", plan.endedAt() == null ? "" : TIME.format(plan.endedAt()) + "（北京时间 UTC+8）");
        row(html, "签署顺序 Order", plan.order() == SigningPlan.SigningOrder.SEQUENTIAL ? "依次签署 sequential" : "同时签署 parallel");
        html.append("</table><h2>签署人 Signers</h2><table class=\"grid\"><thead><tr><th>签署方</th><th>认证方式</th>"
                + "<th>可信时间</th><th>IP</th><th>证书序列号</th><th>存证编号</th></tr></thead><tbody>");
        for (Signer s : repository.signers(plan.id())) {
            SignatureVerification.SignatureCheck check = checks.get(s.signatureField());
            String seqs = entries.stream().filter(e -> e.detail() != null && e.detail().startsWith(s.signatureField() + " "))
                    .map(e -> "#" + e.seq()).collect(Collectors.joining(" "));
            html.append("<tr><td>").append(escape((s.external() ? "相对方 " : "我方 ") + (s.organisationSigns()
                            ? s.organisation() + "（盖章）" : s.displayName() + (s.organisation() == null ? "" : "，" + s.organisation()))))
                    .append("</td><td>").append(escape(methods(s.authMethods())))
                    .append("</td><td class=\"nowrap\">").append(check == null || check.timeStamp() == null ? "—" : TIME.format(check.timeStamp()))
                    .append("</td><td>").append(escape(s.clientIp() == null ? "—" : s.clientIp()))
                    .append("</td><td class=\"mono\">").append(escape(String.valueOf(s.certificateSerial())))
                    .append("</td><td>").append(escape(seqs)).append("</td></tr>");
        }
        html.append("</tbody></table><p class=\"plain\">可信时间取自各签名内的 RFC 3161 时间戳；签署文件的哈希与存证记录可在平台验证页或离线核验。"
                + " Times are those of the RFC 3161 time-stamps inside each signature; this certificate is signed by the platform.</p>");
        byte[] pdf = renderer.report("签署证明 " + contract.contractNo(), "电子合同签署证明 " + contract.contractNo(), html.toString(), now);
        byte[] signed = signature.sign(pdf, PURPOSE, "电子合同平台 econtract platform", "签署证明 Certificate of signing", now);
        log.record(OperationRecord.success(null, OperationAction.EXPORT, "contract", contractId)
                .withDetail("signing certificate sha256:" + Sha256.hex(signed)));
        return new Certificate(contract.contractNo(), signed);
    }

    static String methods(String methods) {
        if (methods == null) {
            return "—";
        }
        String out = methods;
        for (Map.Entry<String, String> m : METHODS.entrySet()) {
            out = out.replace(m.getKey(), m.getValue() + " " + m.getKey());
        }
        return out;
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><td class=\"nowrap\">").append(escape(label)).append("</td><td>").append(escape(value == null ? "" : value))
                .append("</td></tr>");
    }
}
