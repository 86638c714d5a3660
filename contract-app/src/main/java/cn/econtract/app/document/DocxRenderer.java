package cn.econtract.app.document;

import jakarta.xml.bind.JAXBElement;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import org.docx4j.jaxb.Context;
import org.docx4j.model.table.TblFactory;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.exceptions.InvalidFormatException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.FooterPart;
import org.docx4j.openpackaging.parts.WordprocessingML.HeaderPart;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.relationships.Relationship;
import org.docx4j.wml.BooleanDefaultTrue;
import org.docx4j.wml.CTSimpleField;
import org.docx4j.wml.FooterReference;
import org.docx4j.wml.Ftr;
import org.docx4j.wml.HdrFtrRef;
import org.docx4j.wml.Hdr;
import org.docx4j.wml.HeaderReference;
import org.docx4j.wml.HpsMeasure;
import org.docx4j.wml.Jc;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.PPrBase;
import org.docx4j.wml.R;
import org.docx4j.wml.RFonts;
import org.docx4j.wml.RPr;
import org.docx4j.wml.SectPr;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Text;
import org.docx4j.wml.Tr;
import org.springframework.stereotype.Component;

/**
 * Contract → .docx with docx4j: the same blocks as the PDF, Song for text and Hei for headings
 * (Word and LibreOffice substitute locally installed CJK fonts), contract number in the header and
 * the page number in the footer.
 */
@Component
public class DocxRenderer {

    private static final ObjectFactory WML = Context.getWmlObjectFactory();
    private static final String SONG = "SimSun";
    private static final String HEI = "SimHei";
    /** A4 width minus 2 cm margins each side, in twentieths of a point. */
    private static final int TEXT_WIDTH = 9638;

    public byte[] render(DocumentSource source) {
        try {
            WordprocessingMLPackage pkg = WordprocessingMLPackage.createPackage();
            MainDocumentPart main = pkg.getMainDocumentPart();
            for (Block block : ContractLayout.layout(source)) {
                if (block instanceof Block.Title t) {
                    main.addObject(paragraph(t.text(), HEI, 36, true, JcEnumeration.CENTER, false));
                } else if (block instanceof Block.Parties p) {
                    for (Block.Party party : p.parties()) {
                        main.addObject(paragraph(party.role() + "：" + party.name(), HEI, 22, true, null, false));
                        main.addObject(paragraph("统一社会信用代码：" + party.creditCode(), SONG, 21, false, null, false));
                        main.addObject(paragraph("住所：" + party.address(), SONG, 21, false, null, false));
                        main.addObject(paragraph("法定代表人：" + party.legalRepresentative(), SONG, 21, false, null, false));
                        main.addObject(paragraph("联系人及电话：" + party.contact(), SONG, 21, false, null, false));
                    }
                } else if (block instanceof Block.Paragraph p) {
                    main.addObject(paragraph(p.text(), SONG, 22, false, JcEnumeration.BOTH, true));
                } else if (block instanceof Block.Heading h) {
                    main.addObject(paragraph(h.number() + "　" + h.text(), HEI, 24, true, null, false));
                } else if (block instanceof Block.Table t) {
                    main.addObject(table(t));
                } else if (block instanceof Block.Signatures s) {
                    main.addObject(paragraph("", SONG, 22, false, null, false));
                    for (Block.Party party : s.parties()) {
                        main.addObject(paragraph(party.role() + "（盖章）：" + party.name(), SONG, 22, false, null, false));
                        main.addObject(paragraph("法定代表人或授权代表（签字）：", SONG, 22, false, null, false));
                        main.addObject(paragraph("日期：", SONG, 22, false, null, false));
                    }
                }
            }
            headerAndFooter(pkg, source.contractNo());
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            pkg.save(out);
            return out.toByteArray();
        } catch (Docx4JException e) {
            throw new IllegalStateException("Word export failed", e);
        }
    }

    private static P paragraph(String text, String font, int halfPoints, boolean bold, JcEnumeration align, boolean indent) {
        P p = WML.createP();
        PPr ppr = WML.createPPr();
        if (align != null) {
            Jc jc = WML.createJc();
            jc.setVal(align);
            ppr.setJc(jc);
        }
        if (indent) {
            PPrBase.Ind ind = WML.createPPrBaseInd();
            ind.setFirstLineChars(BigInteger.valueOf(200));
            ppr.setInd(ind);
        }
        p.setPPr(ppr);
        R r = WML.createR();
        RPr rpr = WML.createRPr();
        RFonts fonts = WML.createRFonts();
        fonts.setEastAsia(font);
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        rpr.setRFonts(fonts);
        HpsMeasure size = WML.createHpsMeasure();
        size.setVal(BigInteger.valueOf(halfPoints));
        rpr.setSz(size);
        rpr.setSzCs(size);
        if (bold) {
            rpr.setB(new BooleanDefaultTrue());
        }
        r.setRPr(rpr);
        Text t = WML.createText();
        t.setValue(text);
        t.setSpace("preserve");
        r.getContent().add(t);
        p.getContent().add(r);
        return p;
    }

    private static Tbl table(Block.Table t) {
        int columns = Math.max(1, t.headers().size());
        Tbl tbl = TblFactory.createTable(t.rows().size() + 1, columns, TEXT_WIDTH / columns);
        fill((Tr) tbl.getContent().get(0), t.headers(), true);
        for (int i = 0; i < t.rows().size(); i++) {
            fill((Tr) tbl.getContent().get(i + 1), t.rows().get(i), false);
        }
        return tbl;
    }

    private static void fill(Tr row, List<String> cells, boolean header) {
        for (int c = 0; c < cells.size() && c < row.getContent().size(); c++) {
            Object cell = row.getContent().get(c);
            Tc tc = (Tc) (cell instanceof JAXBElement<?> e ? e.getValue() : cell);
            tc.getContent().clear();
            tc.getContent().add(paragraph(cells.get(c), header ? HEI : SONG, 20, header, null, false));
        }
    }

    private static void headerAndFooter(WordprocessingMLPackage pkg, String contractNo) throws InvalidFormatException {
        MainDocumentPart main = pkg.getMainDocumentPart();
        SectPr sectPr = main.getJaxbElement().getBody().getSectPr();
        if (sectPr == null) {
            sectPr = WML.createSectPr();
            main.getJaxbElement().getBody().setSectPr(sectPr);
        }
        if (contractNo != null) {
            HeaderPart headerPart = new HeaderPart();
            Relationship rel = main.addTargetPart(headerPart);
            Hdr hdr = WML.createHdr();
            hdr.getContent().add(paragraph("合同编号：" + contractNo, SONG, 18, false, JcEnumeration.RIGHT, false));
            headerPart.setJaxbElement(hdr);
            HeaderReference ref = WML.createHeaderReference();
            ref.setId(rel.getId());
            ref.setType(HdrFtrRef.DEFAULT);
            sectPr.getEGHdrFtrReferences().add(ref);
        }
        FooterPart footerPart = new FooterPart();
        Relationship rel = main.addTargetPart(footerPart);
        Ftr ftr = WML.createFtr();
        P p = paragraph("第 ", SONG, 18, false, JcEnumeration.CENTER, false);
        CTSimpleField page = WML.createCTSimpleField();
        page.setInstr(" PAGE ");
        p.getContent().add(WML.createPFldSimple(page));
        R tail = WML.createR();
        Text text = WML.createText();
        text.setValue(" 页");
        text.setSpace("preserve");
        tail.getContent().add(text);
        p.getContent().add(tail);
        ftr.getContent().add(p);
        footerPart.setJaxbElement(ftr);
        FooterReference ref = WML.createFooterReference();
        ref.setId(rel.getId());
        ref.setType(HdrFtrRef.DEFAULT);
        sectPr.getEGHdrFtrReferences().add(ref);
    }
}
