package cn.econtract.document;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

    private final PdfRenderer renderer = new PdfRenderer(new FontLibrary(new RenderingProperties(null, null)));

    private static DocumentSource source(String amount, Instant time) {
        List<VariableSpec> schema = List.of(
                new VariableSpec("partyB", "乙方（供应方）", VariableType.PARTY, true, null, null, null, null, null, null),
                new VariableSpec("amount", "合同总价", VariableType.MONEY, true, null, null, null, null, null, null),
                new VariableSpec("plan", "付款计划", VariableType.TABLE, true, null, null, null, null, null, List.of(
                        new VariableSpec("stage", "阶段", VariableType.TEXT, true, null, null, null, null, null, null),
                        new VariableSpec("due", "付款条件", VariableType.TEXT, true, null, null, null, null, null, null))));
        List<DocumentSource.SourceClause> clauses = new ArrayList<>();
        clauses.add(new DocumentSource.SourceClause("价款与支付", "1. 合同总价为${amount}（大写：${amount.upper}）。\n${plan}"));
        for (int i = 0; i < 40; i++) {
            clauses.add(new DocumentSource.SourceClause("违约责任", "乙方逾期交货的，每逾期一日按合同总价的千分之零点五支付违约金。"));
        }
        return new DocumentSource("数控车床采购合同", "CG-2026-000123", "CNY", null, clauses, schema,
                Map.of("partyB", Map.of("name", "上海精工机床有限公司"), "amount", amount,
                        "plan", List.of(Map.of("stage", "验收款", "due", "验收合格后30日内"))), time);
    }

    @Test
    void embedsChineseFontsWithExtractableTextHeaderAndPageNumbers() throws Exception {
        byte[] pdf = renderer.render(source("258000.00", Instant.parse("2026-11-28T08:00:00Z")));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("上海精工机床有限公司", "人民币贰拾伍万捌仟元整", "人民币258,000.00元", "验收合格后30日内",
                    "第一条", "第四十一条", "合同编号：CG-2026-000123", "第1页共" + doc.getNumberOfPages() + "页");
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(Instant.parse("2026-11-28T08:00:00Z"));
        }
    }

    @Test
    void sameVersionGivesTheSameBytesAndADifferentOneDoesNot() {
        Instant time = Instant.parse("2026-11-28T08:00:00Z");
        byte[] first = renderer.render(source("258000.00", time));
        assertThat(renderer.render(source("258000.00", time))).isEqualTo(first);
        assertThat(renderer.render(source("258000.01", time))).isNotEqualTo(first);
    }
}
