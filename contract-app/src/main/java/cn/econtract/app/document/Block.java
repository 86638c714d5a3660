package cn.econtract.app.document;

import java.util.List;

/** The laid-out pieces of a contract, shared by the HTML, PDF and Word renderers. */
public sealed interface Block {

    record Title(String text) implements Block {
    }

    /** One line per party: 甲方（采购方）, then its registered particulars. */
    record Parties(List<Party> parties) implements Block {
    }

    record Party(String role, String name, String creditCode, String address, String legalRepresentative,
                 String contact) {
    }

    record Paragraph(String text) implements Block {
    }

    /** 第一条 标的 */
    record Heading(String number, String text) implements Block {
    }

    record Table(List<String> headers, List<List<String>> rows) implements Block {
    }

    /** The signature and seal block at the end, one column per party. */
    record Signatures(List<Party> parties) implements Block {
    }
}
