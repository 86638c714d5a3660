package cn.econtract.app.contract;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.compare.ClauseText;
import cn.econtract.app.compare.Comparison;
import cn.econtract.app.compare.VersionComparison;
import cn.econtract.app.document.ContractLayout;
import cn.econtract.app.document.DocxRenderer;
import cn.econtract.app.document.HtmlRenderer;
import cn.econtract.app.document.PdfRenderer;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.kernel.ContractEvent;
import cn.econtract.app.kernel.Sha256;
import cn.econtract.app.template.VariableValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The contract as PDF, Word and live preview, and the difference between two of its versions. */
@Service
public class ContractDocuments {

    private final ContractService contracts;
    private final ContractText text;
    private final PdfRenderer pdf;
    private final DocxRenderer docx;
    private final OperationLogService log;
    private final SignedCopies signed;

    ContractDocuments(ContractService contracts, ContractText text, PdfRenderer pdf, DocxRenderer docx, OperationLogService log,
                      SignedCopies signed) {
        this.signed = signed;
        this.contracts = contracts;
        this.text = text;
        this.pdf = pdf;
        this.docx = docx;
        this.log = log;
    }

    /**
     * The current version as PDF — once signing began, the latest signed revision instead; its
     * SHA-256 is logged so a downloaded copy can be matched later.
     */
    public Rendered pdf(String id) {
        ContractService.Drafted d = contracts.drafted(id, Permission.CONTRACT_VIEW, OperationAction.DOWNLOAD);
        return logged(d, signed.latest(id).map(SignedCopies.SignedCopy::pdf).orElseGet(() -> render(d)), "pdf");
    }

    /**
     * The current version as PDF for a document that embeds or quotes it (audit report, evidence
     * package): checked like a download, but logged and proven by that document's own export, not
     * as a second download.
     */
    public Rendered quoted(String id) {
        ContractService.Drafted d = contracts.drafted(id, Permission.CONTRACT_VIEW, OperationAction.VIEW);
        byte[] bytes = render(d);
        return new Rendered(d.contract().contractNo(), d.version().version(), bytes, Sha256.hex(bytes));
    }

    private byte[] render(ContractService.Drafted d) {
        return pdf.render(text.source(d.contract(), d.version().content(), d.schema(), d.version().createdAt()));
    }

    public Rendered docx(String id) {
        ContractService.Drafted d = contracts.drafted(id, Permission.CONTRACT_EXPORT, OperationAction.EXPORT);
        byte[] bytes = docx.render(text.source(d.contract(), d.version().content(), d.schema(), d.version().createdAt()));
        return logged(d, bytes, "docx");
    }

    /**
     * For filing, a process step (the step that led here was checked): the contract's current
     * version laid out as XHTML body, and the document as it stands — the latest signed revision,
     * else the current version rendered ({@code signedRevision} null then).
     */
    public Original original(String id) {
        ContractService.Drafted d = contracts.registered(id);
        String body = HtmlRenderer.body(ContractLayout.layout(text.source(d.contract(), d.version().content(), d.schema(),
                d.version().createdAt())));
        return signed.latest(id)
                .map(copy -> new Original(body, copy.pdf(), copy.revision()))
                .orElseGet(() -> new Original(body, render(d), null));
    }

    /** See {@link #original}. */
    public record Original(String bodyXhtml, byte[] pdf, Integer signedRevision) {
    }

    /** The editor's unsaved state as HTML, laid out exactly as the PDF will be. */
    public String preview(String id, SaveDraft draft) {
        ContractService.Drafted d = contracts.drafted(id, Permission.CONTRACT_EDIT, OperationAction.VIEW);
        Map<String, Object> values = VariableValues.check(d.schema(), draft.variables(), false).values();
        ContractContent content = new ContractContent(draft.preamble(), draft.clauses(), values);
        return HtmlRenderer.body(ContractLayout.layout(text.source(d.contract(), content, d.schema(), null)));
    }

    public Comparison diff(String id, int from, int to) {
        ContractVersion a = contracts.version(id, from);
        ContractVersion b = contracts.version(id, to);
        return VersionComparison.compare(from, to, clauses(a.content()), clauses(b.content()),
                values(a.content().variables()), values(b.content().variables()));
    }

    private Rendered logged(ContractService.Drafted d, byte[] bytes, String kind) {
        String hash = Sha256.hex(bytes);
        log.record(OperationRecord.success(null, kind.equals("pdf") ? OperationAction.DOWNLOAD : OperationAction.EXPORT,
                "contract", d.contract().id()).withDetail(kind + " v" + d.version().version() + " sha256:" + hash));
        contracts.event(ContractEvent.Type.DOWNLOADED, d.contract().id(), null, kind + " sha256:" + hash);
        return new Rendered(d.contract().contractNo(), d.version().version(), bytes, hash);
    }

    /** A rendered file with the version it shows and its hash. */
    public record Rendered(String contractNo, int version, byte[] bytes, String sha256) {
    }

    private static List<ClauseText> clauses(ContractContent content) {
        return ClauseText.withPreamble(content.preamble(),
                content.clauses().stream().map(c -> new ClauseText(c.key(), c.heading(), c.text())).toList());
    }

    private static Map<String, String> values(Map<String, Object> variables) {
        Map<String, String> out = new LinkedHashMap<>();
        variables.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
        return out;
    }
}
