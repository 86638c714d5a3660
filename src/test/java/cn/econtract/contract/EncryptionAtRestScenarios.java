package cn.econtract.contract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.crypto.KeyRotationService;
import cn.econtract.app.crypto.SealedValue;
import cn.econtract.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** S1: what the database holds for a contract is ciphertext; tampering fails loudly; rotation re-wraps. */
abstract class EncryptionAtRestScenarios {

    private static final String BODY = "第一条 标的：乙方向甲方提供数控机床三台，总价人民币贰拾伍万捌仟元整。";
    private static final String CONTACT = "联系人：李建国，手机 13912345678";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KeyRotationService rotation;

    @Test
    void bodyAndContactAreNeverStoredInPlaintext() {
        String id = create();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM contract WHERE id = ?", id);
        String everything = row.values().toString();

        assertThat(everything).doesNotContain("数控机床").doesNotContain("13912345678").doesNotContain("李建国");
        assertThat(everything).doesNotContain(Base64.getEncoder().encodeToString(BODY.getBytes(StandardCharsets.UTF_8)).substring(0, 16));
        assertThat(jdbc.queryForObject("SELECT body FROM contract WHERE id = ?", String.class, id)).startsWith("ev1.");
        // every saved version is sealed too
        String versions = jdbc.queryForList("SELECT content FROM contract_version WHERE contract_id = ?", String.class, id).toString();
        assertThat(versions).contains("ev1.").doesNotContain("数控机床").doesNotContain("13912345678");

        JsonNode api = Http.json(Http.basic(port, "drafter", "demo").get("/api/v1/contracts/" + id));
        assertThat(api.get("body").asText()).isEqualTo(BODY);
        assertThat(api.get("counterpartyContact").asText()).isEqualTo(CONTACT);
    }

    @Test
    void tamperedCiphertextFailsLoudlyWithoutLeakingDetails() {
        String id = create();
        String stored = jdbc.queryForObject("SELECT body FROM contract WHERE id = ?", String.class, id);
        SealedValue sealed = SealedValue.decode(stored);
        byte[] changed = sealed.ciphertext().clone();
        changed[0] ^= 0x01;
        jdbc.update("UPDATE contract SET body = ? WHERE id = ?",
                new SealedValue(sealed.kekId(), sealed.wrappedKey(), sealed.iv(), changed).encode(), id);

        HttpResponse<String> response = Http.basic(port, "drafter", "demo").get("/api/v1/contracts/" + id);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(Http.json(response).get("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at cn.").doesNotContain("SELECT");
    }

    @Test
    void aSealedValueCopiedToAnotherContractDoesNotOpen() {
        String a = create();
        String b = create();
        jdbc.update("UPDATE contract SET body = (SELECT body FROM contract WHERE id = ?) WHERE id = ?", a, b);

        assertThat(Http.basic(port, "drafter", "demo").get("/api/v1/contracts/" + b).statusCode()).isEqualTo(500);
        assertThat(Http.basic(port, "drafter", "demo").get("/api/v1/contracts/" + a).statusCode()).isEqualTo(200);
    }

    @Test
    void keyRotationRewrapsDataKeysAndKeepsCiphertext() {
        String id = create();
        SealedValue before = SealedValue.decode(jdbc.queryForObject("SELECT body FROM contract WHERE id = ?", String.class, id));

        var event = rotation.rotate("test");

        SealedValue after = SealedValue.decode(jdbc.queryForObject("SELECT body FROM contract WHERE id = ?", String.class, id));
        assertThat(after.kekId()).isEqualTo(event.newKekId()).isNotEqualTo(before.kekId());
        assertThat(after.ciphertext()).isEqualTo(before.ciphertext());
        assertThat(after.iv()).isEqualTo(before.iv());
        assertThat(event.rewrappedValues()).isGreaterThanOrEqualTo(1);
        assertThat(Http.json(Http.basic(port, "drafter", "demo").get("/api/v1/contracts/" + id)).get("body").asText()).isEqualTo(BODY);
        List<String> rotations = jdbc.queryForList("SELECT resource_id FROM operation_log WHERE action = 'KEY_ROTATION'", String.class);
        assertThat(rotations).contains(event.newKekId());
    }

    private String create() {
        HttpResponse<String> created = Http.basic(port, "drafter", "demo").post("/api/v1/contracts", Map.of(
                "title", "设备采购合同", "contractType", "PURCHASE", "counterpartyName", "上海东方精密机械有限公司",
                "counterpartyContact", CONTACT, "amount", "258000.00", "body", BODY));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asText();
    }
}
