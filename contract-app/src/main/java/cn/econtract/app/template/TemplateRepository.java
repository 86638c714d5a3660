package cn.econtract.app.template;

import cn.econtract.app.kernel.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Templates, their versions (content as JSON) and access rules. */
@Repository
class TemplateRepository {

    private static final String T_COLUMNS = "id, code, name, category, contract_type, created_by, created_at";
    private static final String V_COLUMNS = "id, template_id, version_no, status, content, content_hash, created_by, "
            + "created_at, published_by, published_at, retired_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TemplateRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Template t) {
        jdbc.sql("INSERT INTO contract_template (" + T_COLUMNS + ") VALUES (:id, :code, :name, :cat, :type, :by, :at)")
                .param("id", t.id()).param("code", t.code()).param("name", t.name()).param("cat", t.category())
                .param("type", t.contractType()).param("by", t.createdBy()).param("at", utc(t.createdAt())).update();
    }

    void updateHeader(String id, String name, String category) {
        jdbc.sql("UPDATE contract_template SET name = :name, category = :cat WHERE id = :id")
                .param("name", name).param("cat", category).param("id", id).update();
    }

    Optional<Template> find(String id) {
        return jdbc.sql("SELECT " + T_COLUMNS + " FROM contract_template WHERE id = :id").param("id", id)
                .query(this::mapTemplate).optional();
    }

    Optional<Template> findByCode(String code) {
        return jdbc.sql("SELECT " + T_COLUMNS + " FROM contract_template WHERE code = :code").param("code", code)
                .query(this::mapTemplate).optional();
    }

    List<Template> all(String category) {
        return jdbc.sql("SELECT " + T_COLUMNS + " FROM contract_template"
                        + (category == null ? "" : " WHERE category = :cat") + " ORDER BY category, code")
                .params(category == null ? Map.of() : Map.of("cat", category)).query(this::mapTemplate).list();
    }

    void insertVersion(TemplateVersion v) {
        jdbc.sql("INSERT INTO template_version (" + V_COLUMNS + ") VALUES (:id, :tid, :no, :status, :content, :hash, "
                        + ":by, :at, :pby, :pat, :rat)")
                .param("id", v.id()).param("tid", v.templateId()).param("no", v.version()).param("status", v.status().name())
                .param("content", write(v.content())).param("hash", v.contentHash()).param("by", v.createdBy())
                .param("at", utc(v.createdAt())).param("pby", v.publishedBy()).param("pat", utc(v.publishedAt()))
                .param("rat", utc(v.retiredAt())).update();
    }

    /** Only a draft's content may change; the WHERE clause makes that hold even against a racing publish. */
    boolean updateDraftContent(String versionId, TemplateContent content, String hash) {
        return jdbc.sql("UPDATE template_version SET content = :content, content_hash = :hash WHERE id = :id AND status = 'DRAFT'")
                .param("content", write(content)).param("hash", hash).param("id", versionId).update() == 1;
    }

    boolean changeStatus(String versionId, TemplateStatus from, TemplateStatus to, String by, Instant at) {
        String set = to == TemplateStatus.PUBLISHED ? "published_by = :by, published_at = :at" : "retired_at = :at";
        Map<String, Object> params = new HashMap<>(Map.of("to", to.name(), "from", from.name(), "id", versionId, "at", utc(at)));
        if (to == TemplateStatus.PUBLISHED) {
            params.put("by", by);
        }
        return jdbc.sql("UPDATE template_version SET status = :to, " + set + " WHERE id = :id AND status = :from")
                .params(params).update() == 1;
    }

    Optional<TemplateVersion> version(String templateId, int versionNo) {
        return jdbc.sql("SELECT " + V_COLUMNS + " FROM template_version WHERE template_id = :t AND version_no = :v")
                .param("t", templateId).param("v", versionNo).query(this::mapVersion).optional();
    }

    Optional<TemplateVersion> versionById(String versionId) {
        return jdbc.sql("SELECT " + V_COLUMNS + " FROM template_version WHERE id = :id")
                .param("id", versionId).query(this::mapVersion).optional();
    }

    List<TemplateVersion> versions(String templateId) {
        return jdbc.sql("SELECT " + V_COLUMNS + " FROM template_version WHERE template_id = :t ORDER BY version_no")
                .param("t", templateId).query(this::mapVersion).list();
    }

    Optional<TemplateVersion> latestPublished(String templateId) {
        return jdbc.sql("SELECT " + V_COLUMNS + " FROM template_version WHERE template_id = :t AND status = 'PUBLISHED' "
                        + "ORDER BY version_no DESC LIMIT 1")
                .param("t", templateId).query(this::mapVersion).optional();
    }

    int nextVersion(String templateId) {
        Integer max = jdbc.sql("SELECT MAX(version_no) FROM template_version WHERE template_id = :t")
                .param("t", templateId).query(Integer.class).optional().orElse(null);
        return max == null ? 1 : max + 1;
    }

    List<TemplateRule> rules(String templateId) {
        return jdbc.sql("SELECT action, principal_type, principal_id FROM template_access WHERE template_id = :t")
                .param("t", templateId)
                .query((rs, n) -> new TemplateRule(TemplateAction.valueOf(rs.getString(1)),
                        TemplateRule.PrincipalType.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }

    void replaceRules(String templateId, List<TemplateRule> rules) {
        jdbc.sql("DELETE FROM template_access WHERE template_id = :t").param("t", templateId).update();
        for (TemplateRule r : rules) {
            jdbc.sql("INSERT INTO template_access (template_id, action, principal_type, principal_id) VALUES (:t, :a, :pt, :p)")
                    .param("t", templateId).param("a", r.action().name()).param("pt", r.principalType().name())
                    .param("p", r.principalId()).update();
        }
    }

    String hash(TemplateContent content) {
        return Sha256.hex(write(content));
    }

    private String write(TemplateContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template content not serialisable", e);
        }
    }

    private TemplateContent read(String text) {
        try {
            return json.readValue(text, TemplateContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored template content unreadable", e);
        }
    }

    private Template mapTemplate(ResultSet rs, int row) throws SQLException {
        return new Template(rs.getString("id"), rs.getString("code"), rs.getString("name"), rs.getString("category"),
                rs.getString("contract_type"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    private TemplateVersion mapVersion(ResultSet rs, int row) throws SQLException {
        return new TemplateVersion(rs.getString("id"), rs.getString("template_id"), rs.getInt("version_no"),
                TemplateStatus.valueOf(rs.getString("status")), read(rs.getString("content")), rs.getString("content_hash"),
                rs.getString("created_by"), instant(rs, "created_at"), rs.getString("published_by"),
                instant(rs, "published_at"), instant(rs, "retired_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
