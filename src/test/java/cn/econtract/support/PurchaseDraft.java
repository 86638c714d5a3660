package cn.econtract.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A realistic purchase contract drafted from the shipped PURCHASE_STD template. */
public final class PurchaseDraft {

    public static final String COUNTERPARTY = "上海精工机床有限公司";

    private PurchaseDraft() {
    }

    public static String templateId(Http http) {
        JsonNode list = Http.json(http.get("/api/v1/templates"));
        for (JsonNode t : list) {
            if (t.get("code").asText().equals("PURCHASE_STD")) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("PURCHASE_STD not in " + list);
    }

    /** Creates the draft and returns its id. */
    public static String create(Http http) {
        var created = http.post("/api/v1/contracts", Map.of("templateId", templateId(http), "title", "数控车床采购合同",
                "variables", variables()));
        if (created.statusCode() != 201) {
            throw new AssertionError(created.body());
        }
        return Http.json(created).get("id").asText();
    }

    /** A draft for {@code amount} yuan with a counterparty of the given name (unique names make it a new counterparty). */
    public static String create(Http http, String amount, String counterparty) {
        return create(http, amount, counterparty, null);
    }

    /** As {@link #create(Http, String, String)}, with the counterparty's contact (e.g. a name, a phone and an e-mail address). */
    public static String create(Http http, String amount, String counterparty, String contact) {
        Map<String, Object> v = variables();
        @SuppressWarnings("unchecked")
        Map<String, Object> partyB = new LinkedHashMap<>((Map<String, Object>) v.get("partyB"));
        partyB.put("name", counterparty);
        if (contact != null) {
            partyB.put("contact", contact);
        }
        v.put("partyB", partyB);
        v.put("amount", amount);
        var created = http.post("/api/v1/contracts", Map.of("templateId", templateId(http), "title", "设备采购合同 " + counterparty,
                "variables", v));
        if (created.statusCode() != 201) {
            throw new AssertionError(created.body());
        }
        return Http.json(created).get("id").asText();
    }

    public static Map<String, Object> variables() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("partyA", Map.of("name", "华东机械制造股份有限公司", "creditCode", "91310000132212345X", "address", "上海市浦东新区张江路100号",
                "legalRepresentative", "王建华", "contact", "刘敏 021-58881234"));
        v.put("partyB", Map.of("name", COUNTERPARTY, "creditCode", "91310115MA1H7GXX2K", "address", "上海市嘉定区安亭镇园区路8号",
                "legalRepresentative", "陈立", "contact", "李建国 13912345678"));
        v.put("goodsName", "数控车床 CK6150");
        v.put("quantity", 3);
        v.put("amount", "258000.00");
        v.put("signDate", "2026-12-01");
        v.put("deliveryPlace", "上海市浦东新区张江路100号甲方仓库");
        v.put("paymentSchedule", List.of(
                Map.of("stage", "预付款", "ratio", 30, "amount", "77400.00", "due", "合同签订后10个工作日内"),
                Map.of("stage", "验收款", "ratio", 60, "amount", "154800.00", "due", "验收合格后30日内"),
                Map.of("stage", "质保金", "ratio", 10, "amount", "25800.00", "due", "质保期满后15日内")));
        v.put("milestones", List.of(Map.of("item", "设备交付", "date", "2027-01-15"), Map.of("item", "安装调试完成", "date", "2027-02-01")));
        v.put("jurisdiction", "甲方所在地有管辖权的人民法院");
        v.put("warrantyMonths", 12);
        v.put("lateFeeRate", 0.5);
        return v;
    }

}
