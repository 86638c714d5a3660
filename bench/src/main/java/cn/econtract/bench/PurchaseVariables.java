package cn.econtract.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The shipped PURCHASE_STD template's variables, filled as the tests fill them, for the load drivers. */
final class PurchaseVariables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PurchaseVariables() {
    }

    static ObjectNode of(String counterparty) {
        ObjectNode v = JSON.createObjectNode();
        v.putObject("partyA").put("name", "华东机械制造股份有限公司").put("creditCode", "91310000132212345X")
                .put("address", "上海市浦东新区张江路100号").put("legalRepresentative", "王建华").put("contact", "刘敏 021-58881234");
        v.putObject("partyB").put("name", counterparty).put("creditCode", "91310115MA1H7GXX2K")
                .put("address", "上海市嘉定区安亭镇园区路8号").put("legalRepresentative", "陈立").put("contact", "李建国 13912345678");
        v.put("goodsName", "数控车床 CK6150").put("quantity", 3).put("amount", "258000.00").put("signDate", "2026-12-01")
                .put("deliveryPlace", "上海市浦东新区张江路100号甲方仓库").put("jurisdiction", "甲方所在地有管辖权的人民法院")
                .put("warrantyMonths", 12).put("lateFeeRate", 0.5);
        ArrayNode schedule = v.putArray("paymentSchedule");
        schedule.addObject().put("stage", "预付款").put("ratio", 30).put("amount", "77400.00").put("due", "合同签订后10个工作日内");
        schedule.addObject().put("stage", "验收款").put("ratio", 60).put("amount", "154800.00").put("due", "验收合格后30日内");
        schedule.addObject().put("stage", "质保金").put("ratio", 10).put("amount", "25800.00").put("due", "质保期满后15日内");
        ArrayNode milestones = v.putArray("milestones");
        milestones.addObject().put("item", "设备交付").put("date", "2027-01-15");
        milestones.addObject().put("item", "安装调试完成").put("date", "2027-02-01");
        return v;
    }
}
