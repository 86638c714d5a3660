package cn.econtract.bench;

import cn.econtract.app.search.IndexedContract;
import cn.econtract.app.search.LuceneSearchIndex;
import cn.econtract.app.search.SearchQuery;
import cn.econtract.app.search.SearchResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One API search on the embedded engine without the web layer: the broad query of the API load
 * driver ({@code 数控车床}, which every one of its drafts contains) over 3,750 purchase contracts
 * of ~5,000 characters in the caller's department, indexed as the application does (a refresh
 * every 25 contracts, so the index has the segments a live one has), page of 20 with facets and
 * highlights. Its time is the engine's share of the API figure in {@code RESULTS.md}.
 *
 * <pre>
 * java -cp "$(cat bench/target/classpath.txt):bench/target/classes" org.openjdk.jmh.Main SearchQueryBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class SearchQueryBenchmark {

    private static final String[] CLAUSE_WORDS = ("甲方 乙方 采购 设备 配件 交货 验收 付款 违约金 仲裁 管辖 质量保证 售后服务 发票 增值税 预付款 尾款 "
            + "不可抗力 知识产权 商业秘密 培训 安装 调试 运输 保险 包装 标准 检验 规格 型号 数量 单价 总价 人民币 大写 税率 物流 Model-X200 ISO9001").split(" ");

    private LuceneSearchIndex index;
    private SearchQuery broad;

    @Setup
    public void index() {
        index = new LuceneSearchIndex();
        Random random = new Random(7);
        for (int i = 0; i < 3_750; i++) {
            index.upsert(contract(i, random));
            if (i % 25 == 24) {
                index.search(query("合同"));
            }
        }
        broad = query("数控车床");
        SearchResult first = index.search(broad);
        if (first.total() != 3_750 || first.hits().size() != 20 || first.hits().get(0).highlights().isEmpty()) {
            throw new IllegalStateException("the broad query should find every contract with highlights: " + first.total());
        }
    }

    @TearDown
    public void close() throws Exception {
        index.close();
    }

    @Benchmark
    public SearchResult broadQuery() {
        return index.search(broad);
    }

    private static SearchQuery query(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, null, null, null, null, null, Set.of("purchasing"), "api-client",
                null, 0, 20);
    }

    private static IndexedContract contract(int i, Random random) {
        StringBuilder body = new StringBuilder("采购合同 甲方：上海某某机械有限公司 乙方：供应商").append(i).append("有限公司。第一条 标的：数控车床 CK6150 两台。");
        while (body.length() < 5_000) {
            body.append(CLAUSE_WORDS[random.nextInt(CLAUSE_WORDS.length)]);
            body.append(random.nextInt(8) == 0 ? "。" : random.nextInt(3) == 0 ? "，" : "");
        }
        LocalDate effective = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300));
        return new IndexedContract("c-" + i, String.format("CG-2026-%06d", i), "数控车床采购合同 " + i, body.toString(),
                "供应商" + i + "有限公司", "PURCHASE", "purchasing", "DRAFT", "UNSIGNED", 258_000d, effective, effective.plusDays(365),
                List.of(), "api-client", Instant.now());
    }
}
