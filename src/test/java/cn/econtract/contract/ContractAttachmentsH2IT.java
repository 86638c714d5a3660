package cn.econtract.contract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.identity.DirectoryService;
import cn.econtract.app.search.SearchIndexer;
import cn.econtract.support.Docs;
import cn.econtract.support.Http;
import cn.econtract.support.OnH2;
import cn.econtract.support.PurchaseDraft;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 7: a contract's attachments — checked like every upload, kept encrypted, readable by who
 * may view the contract, found by search through their text, fixed once the contract leaves draft.
 */
@OnH2
class ContractAttachmentsH2IT {

    @LocalServerPort
    int port;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    DirectoryService directory;
    @Autowired
    JdbcClient jdbc;

    Http as(String user) {
        return Http.basic(port, user, "demo");
    }

    @Test
    void anAttachmentIsCheckedFoundBySearchThroughItsTextAndFixedOnceSubmitted() {
        String id = PurchaseDraft.create(as("drafter"), "66000.00", "附件测试" + UUID.randomUUID().toString().substring(0, 6) + "有限公司");
        String phrase = "主轴转速" + UUID.randomUUID().toString().substring(0, 4).replaceAll("\\d", "九");
        byte[] docx = Docs.docx(new String[] {"#技术协议"}, new String[] {"数控车床" + phrase + "不低于八千转每分钟。"});

        // hostile or wrong files are refused with problem+json and leave nothing behind
        HttpResponse<String> disguised = as("drafter").postMultipart("/api/v1/contracts/" + id + "/attachments", Map.of(), "技术协议.pdf", docx);
        assertThat(disguised.statusCode()).isEqualTo(415);
        assertThat(disguised.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(as("drafter").postMultipart("/api/v1/contracts/" + id + "/attachments", Map.of(), "bomb.docx", Docs.zipBomb(20))
                .statusCode()).isBetween(400, 499);
        assertThat(as("drafter").postMultipart("/api/v1/contracts/" + id + "/attachments", Map.of(), "xxe.docx", Docs.docxWithDocument(
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>")).statusCode()).isBetween(400, 499);
        assertThat(count(id)).isZero();

        // another department's drafter reaches nothing
        directory.ensureUser("salesattach", "销售", "吴", "salesattach@demo.econtract.cn", "demo", false);
        directory.ensureMembership("salesattach", "drafter");
        directory.ensureMembership("salesattach", "sales");
        assertThat(as("salesattach").postMultipart("/api/v1/contracts/" + id + "/attachments", Map.of(), "技术协议.docx", docx).statusCode())
                .isEqualTo(404);

        HttpResponse<String> added = as("drafter").postMultipart("/api/v1/contracts/" + id + "/attachments", Map.of(), "技术协议.docx", docx);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode attachment = Http.json(added);
        assertThat(attachment.get("fileName").asText()).isEqualTo("技术协议.docx");
        String attachmentId = attachment.get("id").asText();
        assertThat(as("drafter").getBytes("/api/v1/contracts/" + id + "/attachments/" + attachmentId).body()).isEqualTo(docx);
        assertThat(as("salesattach").get("/api/v1/contracts/" + id + "/attachments/" + attachmentId).statusCode()).isEqualTo(404);

        // search reads the attachment's text
        indexer.drain();
        assertThat(hits("drafter", phrase)).as("found through the attachment").isEqualTo(1);
        assertThat(hits("salesattach", phrase)).as("not for another department").isZero();

        // removed: gone from search, still named in the trail
        assertThat(as("drafter").delete("/api/v1/contracts/" + id + "/attachments/" + attachmentId).statusCode()).isEqualTo(204);
        indexer.drain();
        assertThat(hits("drafter", phrase)).isZero();
        assertThat(Http.json(as("drafter").get("/api/v1/contracts/" + id + "/attachments"))).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_entry WHERE contract_id = :c AND detail LIKE 'attachment removed 技术协议.docx%'")
                .param("c", id).query(Long.class).single()).isEqualTo(1);

        // once submitted, the attachments are what approval sees: no more changes
        assertThat(as("drafter").postMultipart("/api/v1/contracts/" + id + "/attachments", Map.of(), "技术协议.docx", docx).statusCode())
                .isEqualTo(201);
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/submit", Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> late = as("drafter").postMultipart("/api/v1/contracts/" + id + "/attachments", Map.of(), "报价单.docx", docx);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(count(id)).isEqualTo(2);
    }

    private long count(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM contract_attachment WHERE contract_id = :c").param("c", id).query(Long.class).single();
    }

    private long hits(String user, String phrase) {
        return Http.json(as(user).get("/api/v1/search?q=" + URLEncoder.encode("\"" + phrase + "\"", StandardCharsets.UTF_8)))
                .get("total").asLong();
    }
}
