package cn.econtract.app.clause;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Library clauses; tags are stored as {@code ,tag1,tag2,} so one LIKE finds a whole tag. */
@Repository
class LibraryClauseRepository {

    private static final String COLUMNS = "code, version_no, category, title, tags, body, content_hash, created_by, created_at";
    /** The newest version of each code. */
    private static final String CURRENT = " FROM library_clause c WHERE version_no = "
            + "(SELECT MAX(version_no) FROM library_clause m WHERE m.code = c.code)";

    private final JdbcClient jdbc;

    LibraryClauseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(LibraryClause c) {
        jdbc.sql("INSERT INTO library_clause (" + COLUMNS + ") VALUES (:code, :v, :cat, :title, :tags, :body, :hash, :by, :at)")
                .param("code", c.code()).param("v", c.version()).param("cat", c.category()).param("title", c.title())
                .param("tags", "," + String.join(",", c.tags()) + ",").param("body", c.text())
                .param("hash", c.contentHash()).param("by", c.createdBy())
                .param("at", OffsetDateTime.ofInstant(c.createdAt(), ZoneOffset.UTC)).update();
    }

    Optional<LibraryClause> current(String code) {
        return jdbc.sql("SELECT " + COLUMNS + CURRENT + " AND code = :code").param("code", code).query(this::map).optional();
    }

    Optional<LibraryClause> find(String code, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM library_clause WHERE code = :code AND version_no = :v")
                .param("code", code).param("v", version).query(this::map).optional();
    }

    List<LibraryClause> versions(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM library_clause WHERE code = :code ORDER BY version_no")
                .param("code", code).query(this::map).list();
    }

    /** Current versions matching all given filters; {@code query} matches title, text or a tag. */
    List<LibraryClause> search(String query, String tag, String category) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + CURRENT);
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (query != null && !query.isBlank()) {
            sql.append(" AND (LOWER(title) LIKE :q OR LOWER(body) LIKE :q OR LOWER(tags) LIKE :q)");
            params.put("q", "%" + escape(query.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (tag != null && !tag.isBlank()) {
            sql.append(" AND tags LIKE :tag");
            params.put("tag", "%," + escape(tag.trim()) + ",%");
        }
        if (category != null && !category.isBlank()) {
            sql.append(" AND category = :category");
            params.put("category", category.trim());
        }
        sql.append(" ORDER BY category, code");
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    int nextVersion(String code) {
        Integer max = jdbc.sql("SELECT MAX(version_no) FROM library_clause WHERE code = :code")
                .param("code", code).query(Integer.class).optional().orElse(null);
        return max == null ? 1 : max + 1;
    }

    /** LIKE wildcards typed by a user are searched for literally (both databases default to '\' as escape). */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private LibraryClause map(ResultSet rs, int row) throws SQLException {
        List<String> tags = Arrays.stream(rs.getString("tags").split(",")).filter(t -> !t.isBlank()).toList();
        return new LibraryClause(rs.getString("code"), rs.getInt("version_no"), rs.getString("category"),
                rs.getString("title"), tags, rs.getString("body"), rs.getString("content_hash"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
