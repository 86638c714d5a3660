package cn.econtract.app.document;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fonts for PDF rendering. Each entry is {@code path#name}: a TrueType file or collection and the
 * PostScript name inside it. The first entry that exists is used. Fonts must have TrueType outlines
 * (PDFBox cannot subset CFF-flavoured OpenType such as Noto CJK).
 */
@ConfigurationProperties("econtract.rendering")
public record RenderingProperties(List<String> serifFonts, List<String> sansFonts) {

    public RenderingProperties {
        serifFonts = serifFonts == null ? null : serifFonts.stream().filter(f -> f != null && !f.isBlank()).toList();
        sansFonts = sansFonts == null ? null : sansFonts.stream().filter(f -> f != null && !f.isBlank()).toList();
        serifFonts = serifFonts == null || serifFonts.isEmpty() ? List.of(
                "/usr/share/fonts/truetype/arphic/uming.ttc#UMingCN",
                "C:/Windows/Fonts/simsun.ttc#SimSun") : List.copyOf(serifFonts);
        sansFonts = sansFonts == null || sansFonts.isEmpty() ? List.of(
                "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc#WenQuanYiZenHei",
                "C:/Windows/Fonts/simhei.ttf#SimHei") : List.copyOf(sansFonts);
    }
}
