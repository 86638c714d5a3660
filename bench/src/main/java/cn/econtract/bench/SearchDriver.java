package cn.econtract.bench;

import cn.econtract.app.search.ElasticsearchSearchIndex;
import cn.econtract.app.search.IndexedContract;
import cn.econtract.app.search.LuceneSearchIndex;
import cn.econtract.app.search.SearchIndex;
import cn.econtract.app.search.SearchQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Search load driver: N synthetic contracts (Chinese text of ~600 characters from a contract
 * vocabulary, tags, amounts, dates, five departments) indexed in batches of 1,000 through the
 * port, then Q queries — one or two words, half with a filter, every one cut to a user's two
 * departments as the API does — timed one by one.
 *
 * <pre>
 * java -cp "$(cat bench/target/classpath.txt):bench/target/classes" cn.econtract.bench.SearchDriver lucene 100000 2000
 * java -cp … cn.econtract.bench.SearchDriver http://127.0.0.1:9200 100000 2000
 * </pre>
 */
public final class SearchDriver {

    private static final String[] WORDS = ("甲方 乙方 采购 销售 租赁 技术服务 保密 数控车床 空调 维修 设备 配件 软件 许可 交货 验收 付款 "
            + "违约金 仲裁 管辖 上海 北京 深圳 广州 杭州 质量保证 售后服务 发票 增值税 预付款 尾款 分期 合同期限 续约 解除 不可抗力 "
            + "知识产权 商业秘密 培训 安装 调试 运输 保险 包装 标准 检验 样品 订单 框架协议 年度 季度 结算 对账 银行 账户 授权 代表 "
            + "盖章 签字 生效 终止 通知 送达 地址 联系人 电话 邮箱 附件 清单 规格 型号 数量 单价 总价 人民币 大写 小写 税率 物流 仓储").split(" ");
    private static final String[] DEPARTMENTS = {"purchasing", "sales", "legaldept", "finance", "it"};
    private static final String[] TYPES = {"PURCHASE", "SALES", "LEASE", "TECH_SERVICE", "NDA"};
    private static final String[] STATUSES = {"DRAFT", "IN_APPROVAL", "APPROVED", "SIGNING", "IN_FORCE", "COMPLETED"};
    private static final String[] TAGS = {"框架协议", "重点客户", "重点供应商", "年度合同", "政府采购", "海外"};

    private SearchDriver() {
    }

    public static void main(String[] args) throws Exception {
        String engine = args.length > 0 ? args[0] : "lucene";
        int contracts = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        try (SearchIndex index = engine.equals("lucene") ? new LuceneSearchIndex()
                : new ElasticsearchSearchIndex(engine, "bench-contracts", null, null)) {
            index.clear();
            Random random = new Random(42);
            long start = System.nanoTime();
            List<IndexedContract> batch = new ArrayList<>();
            for (int i = 0; i < contracts; i++) {
                batch.add(contract(i, random));
                if (batch.size() == 1_000) {
                    index.upsertAll(batch);
                    batch.clear();
                }
            }
            index.upsertAll(batch);
            if (index instanceof ElasticsearchSearchIndex elastic) {
                elastic.refresh();
            }
            // the first search also makes the in-memory engine's last writes visible: part of indexing
            index.search(query("合同", null, random));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: indexed %,d contracts in %.1f s = %,.0f contracts/s%n", index.describe(), contracts, seconds,
                    contracts / seconds);
            for (int i = 0; i < 200; i++) {
                index.search(query(WORDS[random.nextInt(WORDS.length)], null, random));
            }
            long[] nanos = new long[queries];
            long hits = 0;
            for (int i = 0; i < queries; i++) {
                String text = WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? " " + WORDS[random.nextInt(WORDS.length)] : "");
                SearchQuery q = query(text, random.nextBoolean() ? STATUSES[random.nextInt(STATUSES.length)] : null, random);
                long t = System.nanoTime();
                hits += index.search(q).total();
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf("%s: %,d queries, p50 %.2f ms, p99 %.2f ms, max %.2f ms (mean hits %,d)%n", index.describe(), queries,
                    nanos[queries / 2] / 1e6, nanos[(int) (queries * 0.99)] / 1e6, nanos[queries - 1] / 1e6, hits / queries);
        }
    }

    private static SearchQuery query(String text, String status, Random random) {
        int first = random.nextInt(DEPARTMENTS.length);
        Set<String> departments = Set.of(DEPARTMENTS[first], DEPARTMENTS[(first + 1 + random.nextInt(DEPARTMENTS.length - 1)) % DEPARTMENTS.length]);
        return new SearchQuery(text, status, null, null, null, null, null, null, null, null, null, null, departments, "bench", null, 0, 20);
    }

    private static IndexedContract contract(int i, Random random) {
        StringBuilder body = new StringBuilder();
        while (body.length() < 600) {
            body.append(WORDS[random.nextInt(WORDS.length)]);
            body.append(random.nextInt(8) == 0 ? "。" : random.nextInt(3) == 0 ? "，" : "");
        }
        LocalDate effective = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1000));
        return new IndexedContract("bench-" + i, String.format("HT-2026-%06d", i), WORDS[random.nextInt(WORDS.length)] + "合同 " + i,
                body.toString(), "供应商" + random.nextInt(5_000) + "有限公司", TYPES[random.nextInt(TYPES.length)],
                DEPARTMENTS[random.nextInt(DEPARTMENTS.length)], STATUSES[random.nextInt(STATUSES.length)], "UNSIGNED",
                (double) random.nextInt(5_000_000), effective, effective.plusDays(365 + random.nextInt(730)),
                random.nextInt(4) == 0 ? List.of(TAGS[random.nextInt(TAGS.length)]) : List.of(), "bench", Instant.now());
    }
}
