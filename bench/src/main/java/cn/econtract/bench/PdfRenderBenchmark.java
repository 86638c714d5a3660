package cn.econtract.bench;

import cn.econtract.app.document.DocumentSource;
import cn.econtract.app.document.FontLibrary;
import cn.econtract.app.document.PdfRenderer;
import cn.econtract.app.document.RenderingProperties;
import cn.econtract.app.template.VariableSpec;
import cn.econtract.app.template.VariableType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Renders a ten-page Chinese contract (parties, 30 numbered clauses, a payment table) to PDF with
 * the production renderer and fonts. Sample mode gives p50 and p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(1)
public class PdfRenderBenchmark {

    private PdfRenderer renderer;
    private DocumentSource source;

    @Setup
    public void setUp() throws Exception {
        renderer = new PdfRenderer(new FontLibrary(new RenderingProperties(null, null)));
        source = tenPages();
        int pages;
        try (var doc = Loader.loadPDF(renderer.render(source))) {
            pages = doc.getNumberOfPages();
        }
        if (pages < 10) {
            throw new IllegalStateException("benchmark document has only " + pages + " pages");
        }
    }

    @Benchmark
    public byte[] renderTenPageContract() {
        return renderer.render(source);
    }

    static DocumentSource tenPages() {
        List<VariableSpec> schema = List.of(
                new VariableSpec("partyA", "甲方（采购方）", VariableType.PARTY, true, null, null, null, null, null, null),
                new VariableSpec("partyB", "乙方（供应方）", VariableType.PARTY, true, null, null, null, null, null, null),
                new VariableSpec("amount", "合同总价", VariableType.MONEY, true, null, null, null, null, null, null),
                new VariableSpec("schedule", "付款计划", VariableType.TABLE, true, null, null, null, null, null, List.of(
                        new VariableSpec("stage", "阶段", VariableType.TEXT, true, null, null, null, null, null, null),
                        new VariableSpec("due", "付款条件", VariableType.TEXT, true, null, null, null, null, null, null))));
        Map<String, Object> values = Map.of(
                "partyA", Map.of("name", "华东机械制造股份有限公司", "creditCode", "91310000132212345X", "address", "上海市浦东新区张江路100号"),
                "partyB", Map.of("name", "上海精工机床有限公司", "creditCode", "91310115MA1H7GXX2K", "address", "上海市嘉定区安亭镇园区路8号"),
                "amount", "258000.00",
                "schedule", List.of(Map.of("stage", "预付款", "due", "合同签订后10个工作日内"), Map.of("stage", "验收款", "due", "验收合格后30日内")));
        String paragraph = "乙方应按照本合同约定的时间、地点和方式向甲方交付合同货物，并保证所交付的货物符合国家标准、行业标准及本合同约定的技术要求。"
                + "如乙方未能按期交付，每逾期一日，应按合同总价${amount}的千分之零点五向甲方支付违约金，逾期超过三十日的，甲方有权解除合同。";
        List<DocumentSource.SourceClause> clauses = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            String text = String.join("\n", List.of("1. " + paragraph, "2. " + paragraph, "3. " + paragraph));
            clauses.add(new DocumentSource.SourceClause("第" + i + "项约定", i == 2 ? text + "\n${schedule}" : text));
        }
        return new DocumentSource("数控车床采购合同", "CG-2026-000123", "CNY", "甲乙双方经协商一致，订立本合同。", clauses, schema,
                values, Instant.parse("2026-11-28T08:00:00Z"));
    }
}
