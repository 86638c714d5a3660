package cn.econtract.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.document.DocxReader;
import cn.econtract.app.document.ReadDocument;
import cn.econtract.support.Docs;
import org.junit.jupiter.api.Test;

class WordImportTest {

    @Test
    void readsPlaceholdersThatWordSplitAcrossRuns() {
        byte[] docx = Docs.docx(
                new String[] {"设备采购合同"},
                new String[] {"甲方：", "${party", "A.name}", "，乙方：${partyB.", "name}"},
                new String[] {"#第一条 标的"},
                new String[] {"乙方向甲方提供", "${goods", "Name", "}", "，总价", "${amount.upper}", "。"},
                new String[] {"第二条 争议解决"},
                new String[] {"提交${jurisdiction}解决。"});
        ReadDocument read = new DocxReader().read(docx);
        assertThat(read.title()).isEqualTo("设备采购合同");
        assertThat(read.preamble()).isEqualTo("甲方：${partyA.name}，乙方：${partyB.name}");
        assertThat(read.sections()).extracting(ReadDocument.Section::heading).containsExactly("标的", "争议解决");
        assertThat(read.sections().get(0).text()).isEqualTo("乙方向甲方提供${goodsName}，总价${amount.upper}。");
    }
}
