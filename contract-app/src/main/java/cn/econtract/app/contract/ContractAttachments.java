package cn.econtract.app.contract;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.document.UploadedDocuments;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ContractEvent;
import cn.econtract.app.kernel.ContractIndexable;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import cn.econtract.app.storage.Documents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attachments of a contract (技术协议, 报价单 …): Word or PDF, checked like every upload (size, type,
 * macros, zip bombs, XXE, malformed PDF), kept encrypted with their text, which search reads.
 * Added and removed only while the contract can be edited — what was approved and signed had
 * these attachments; a removal keeps the row, so the evidence trail still names the file.
 */
@Service
public class ContractAttachments {

    static final int MAX_ATTACHMENTS = 20;
    private static final Set<ContractStatus> EDITABLE = Set.of(ContractStatus.DRAFT, ContractStatus.RETURNED);
    private static final String COLUMNS = "SELECT id, contract_id, file_name, media_type, size_bytes, sha256, text_sha256, uploaded_by, "
            + "uploaded_at FROM contract_attachment";

    private final JdbcClient jdbc;
    private final ContractService contracts;
    private final UploadedDocuments uploads;
    private final Documents documents;
    private final AccessService access;
    private final OperationLogService log;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContractAttachments(JdbcClient jdbc, ContractService contracts, UploadedDocuments uploads, Documents documents, AccessService access,
                        OperationLogService log, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.uploads = uploads;
        this.documents = documents;
        this.access = access;
        this.log = log;
        this.events = events;
        this.clock = clock;
    }

    /** One attachment as the register lists it. */
    public record Attachment(String id, String contractId, String fileName, String mediaType, long sizeBytes, String sha256,
                             String uploadedBy, Instant uploadedAt) {
    }

    /** A file with its content, for an archive package. */
    public record File(String fileName, String mediaType, byte[] content) {
    }

    @Transactional
    public Attachment add(String contractId, String fileName, byte[] content) {
        ContractService.Drafted drafted = contracts.drafted(contractId, Permission.CONTRACT_EDIT, OperationAction.MODIFY);
        editable(drafted.contract());
        String name = cleanName(fileName);
        if (active(contractId).size() >= MAX_ATTACHMENTS) {
            throw new InvalidFieldsException(List.of(new FieldError("file", "error.attachment.tooMany", MAX_ATTACHMENTS)));
        }
        UploadedDocuments.Inspected read = uploads.inspected(name, content);
        String sha256 = documents.put(content);
        String textSha256 = documents.put(read.text().getBytes(StandardCharsets.UTF_8));
        Attachment attachment = new Attachment(UUID.randomUUID().toString(), contractId, name, read.mediaType(), content.length, sha256,
                access.currentUser().id(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        jdbc.sql("INSERT INTO contract_attachment (id, contract_id, file_name, media_type, size_bytes, sha256, text_sha256, uploaded_by, "
                        + "uploaded_at) VALUES (:id, :c, :name, :type, :size, :sha, :text, :by, :at)")
                .param("id", attachment.id()).param("c", contractId).param("name", name).param("type", attachment.mediaType())
                .param("size", attachment.sizeBytes()).param("sha", sha256).param("text", textSha256).param("by", attachment.uploadedBy())
                .param("at", OffsetDateTime.ofInstant(attachment.uploadedAt(), ZoneOffset.UTC)).update();
        log.record(OperationRecord.success(null, OperationAction.MODIFY, "contract", contractId)
                .withDetail("attachment added " + name + " sha256:" + sha256));
        contracts.event(ContractEvent.Type.EDITED, contractId, null, "attachment added " + name + " sha256:" + sha256);
        events.publishEvent(new ContractIndexable(contractId));
        return attachment;
    }

    public List<Attachment> list(String contractId) {
        contracts.drafted(contractId, Permission.CONTRACT_VIEW, OperationAction.VIEW);
        return active(contractId);
    }

    /** The file, for a caller who may view the contract; logged as a download. */
    public File content(String contractId, String attachmentId) {
        contracts.drafted(contractId, Permission.CONTRACT_VIEW, OperationAction.DOWNLOAD);
        Attachment a = find(contractId, attachmentId);
        byte[] bytes = documents.get(a.sha256());
        log.record(OperationRecord.success(null, OperationAction.DOWNLOAD, "contract", contractId)
                .withDetail("attachment " + a.fileName() + " sha256:" + a.sha256()));
        contracts.event(ContractEvent.Type.DOWNLOADED, contractId, null, "attachment " + a.fileName() + " sha256:" + a.sha256());
        return new File(a.fileName(), a.mediaType(), bytes);
    }

    @Transactional
    public void remove(String contractId, String attachmentId) {
        ContractService.Drafted drafted = contracts.drafted(contractId, Permission.CONTRACT_EDIT, OperationAction.MODIFY);
        editable(drafted.contract());
        Attachment a = find(contractId, attachmentId);
        jdbc.sql("UPDATE contract_attachment SET removed_by = :by, removed_at = :at WHERE id = :id AND removed_at IS NULL")
                .param("by", access.currentUser().id()).param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("id", a.id()).update();
        log.record(OperationRecord.success(null, OperationAction.MODIFY, "contract", contractId)
                .withDetail("attachment removed " + a.fileName() + " sha256:" + a.sha256()));
        contracts.event(ContractEvent.Type.EDITED, contractId, null, "attachment removed " + a.fileName() + " sha256:" + a.sha256());
        events.publishEvent(new ContractIndexable(contractId));
    }

    /** For the search index: every current attachment's name and text; no permission check. */
    public String textForIndexing(String contractId) {
        StringBuilder out = new StringBuilder();
        for (String[] row : jdbc.sql("SELECT file_name, text_sha256 FROM contract_attachment WHERE contract_id = :c AND removed_at IS NULL "
                + "ORDER BY uploaded_at").param("c", contractId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list()) {
            out.append("\n").append(row[0]).append("\n").append(new String(documents.get(row[1]), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** For filing (a process step): the current attachments with their content; no permission check. */
    public List<File> forArchive(String contractId) {
        return active(contractId).stream().map(a -> new File(a.fileName(), a.mediaType(), documents.get(a.sha256()))).toList();
    }

    private List<Attachment> active(String contractId) {
        return jdbc.sql(COLUMNS + " WHERE contract_id = :c AND removed_at IS NULL ORDER BY uploaded_at").param("c", contractId)
                .query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant())).list();
    }

    private Attachment find(String contractId, String attachmentId) {
        return active(contractId).stream().filter(a -> a.id().equals(attachmentId)).findFirst()
                .orElseThrow(() -> BusinessException.notFound("attachment", attachmentId));
    }

    private static void editable(Contract contract) {
        if (!EDITABLE.contains(contract.status())) {
            throw BusinessException.stateConflict("error.attachment.notEditable", contract.contractNo(), contract.status());
        }
    }

    /** The base name only, without control characters; 400 when nothing usable is left. */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidFieldsException(List.of(new FieldError("file", "error.attachment.name")));
        }
        return name;
    }
}
