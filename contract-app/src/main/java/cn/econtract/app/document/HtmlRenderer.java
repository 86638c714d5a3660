package cn.econtract.app.document;

import java.util.List;

/**
 * The laid-out contract as XHTML: the editor's live preview shows the body, the PDF renderer the
 * whole page with running header (contract number) and footer (page x of y).
 */
public final class HtmlRenderer {

    static final String SERIF = "ContractSerif";
    static final String SANS = "ContractSans";

    private HtmlRenderer() {
    }

    public static String page(String contractNo, List<Block> blocks) {
        String header = contractNo == null ? "" : "合同编号：" + contractNo;
        return document(header, "25mm 20mm 22mm 20mm", "font-size: 11pt; line-height: 1.6;", "", body(blocks));
    }

    /** A report page (audit report): the contract look, denser, with {@code table.grid} rows and {@code h2} sections. */
    static String report(String header, String body) {
        return document(header, "22mm 16mm 20mm 16mm", "font-size: 10pt; line-height: 1.5;",
                "h2 { font-family: " + SANS + "; font-size: 12pt; margin: 12pt 0 4pt; }"
                        + "p.plain { text-indent: 0; } td.nowrap { white-space: nowrap; } .mono { font-family: " + SANS
                        + "; font-size: 8pt; }", body);
    }

    /** An A4 XHTML document with a running header and 第 n 页 共 m 页 page numbers. */
    private static String document(String header, String margins, String bodyStyle, String extraStyle, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head>"
                + "<meta charset=\"UTF-8\"/><style>"
                + "@page { size: A4; margin: " + margins + ";"
                + " @top-right { content: \"" + css(header) + "\"; font-family: " + SANS + "; font-size: 9pt; color: #555; }"
                + " @bottom-center { content: \"第 \" counter(page) \" 页 共 \" counter(pages) \" 页\"; font-family: " + SANS
                + "; font-size: 9pt; color: #555; } }"
                + "body { font-family: " + SERIF + ", " + SANS + "; " + bodyStyle + " }"
                + STYLE + extraStyle + "</style></head><body>" + body + "</body></html>";
    }

    /** Escapes text for the XHTML the renderers read. */
    public static String escape(String s) {
        return esc(s);
    }

    /** The shared look; the editor's preview pane uses the same classes. */
    static final String STYLE = "h1.title { font-family: " + SANS + ", " + SERIF + "; text-align: center; font-size: 18pt; margin: 0 0 14pt; }"
            + "table.parties { width: 100%; border-collapse: collapse; margin-bottom: 10pt; }"
            + "table.parties td { padding: 1pt 0; vertical-align: top; }"
            + "h2.clause { font-family: " + SANS + ", " + SERIF + "; font-size: 12pt; margin: 12pt 0 4pt; }"
            + "p { margin: 0 0 4pt; text-indent: 2em; }"
            + "table.grid { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; }"
            + "table.grid th, table.grid td { border: 0.5pt solid #333; padding: 2pt 4pt; font-size: 10pt; }"
            + "table.sign { width: 100%; margin-top: 24pt; page-break-inside: avoid; }"
            + "table.sign td { width: 50%; vertical-align: top; padding-bottom: 8pt; line-height: 2.2; }";

    public static String body(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Block.Title t) {
                out.append("<h1 class=\"title\">").append(esc(t.text())).append("</h1>");
            } else if (block instanceof Block.Parties p) {
                out.append("<table class=\"parties\">");
                for (Block.Party party : p.parties()) {
                    out.append("<tr><td><b>").append(esc(party.role())).append("：</b>").append(esc(party.name()))
                            .append("<br/>统一社会信用代码：").append(esc(party.creditCode()))
                            .append("<br/>住所：").append(esc(party.address()))
                            .append("<br/>法定代表人：").append(esc(party.legalRepresentative()))
                            .append("<br/>联系人及电话：").append(esc(party.contact())).append("</td></tr>");
                }
                out.append("</table>");
            } else if (block instanceof Block.Paragraph p) {
                out.append("<p>").append(esc(p.text())).append("</p>");
            } else if (block instanceof Block.Heading h) {
                out.append("<h2 class=\"clause\">").append(esc(h.number())).append("　").append(esc(h.text())).append("</h2>");
            } else if (block instanceof Block.Table t) {
                out.append("<table class=\"grid\"><thead><tr>");
                t.headers().forEach(hd -> out.append("<th>").append(esc(hd)).append("</th>"));
                out.append("</tr></thead><tbody>");
                for (List<String> row : t.rows()) {
                    out.append("<tr>");
                    row.forEach(cell -> out.append("<td>").append(esc(cell)).append("</td>"));
                    out.append("</tr>");
                }
                out.append("</tbody></table>");
            } else if (block instanceof Block.Signatures s) {
                out.append("<table class=\"sign\"><tr>");
                for (Block.Party party : s.parties()) {
                    out.append("<td>").append(esc(party.role())).append("（盖章）：").append(esc(party.name()))
                            .append("<br/>法定代表人或授权代表（签字）：<br/>日期：</td>");
                }
                out.append("</tr></table>");
            }
        }
        return out.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // XML 1.0 forbids most control characters; drop them rather than fail the render
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String css(String s) {
        return esc(s).replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
