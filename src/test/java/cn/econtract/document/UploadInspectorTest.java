package cn.econtract.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.document.UploadInspector;
import cn.econtract.app.document.UploadProperties;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import cn.econtract.support.Docs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadInspectorTest {

    private final UploadInspector inspector = new UploadInspector(new UploadProperties(1024L * 1024, 20L * 1024 * 1024, 50, 10));

    @Test
    void acceptsARealWordDocumentAndAPdf() {
        assertThat(inspector.inspect("合同.docx", Docs.docx(new String[] {"采购合同"}))).isEqualTo(UploadInspector.Kind.DOCX);
        assertThat(inspector.inspect("a.pdf", Docs.utf8("%PDF-1.7\n..."))).isEqualTo(UploadInspector.Kind.PDF);
    }

    @Test
    void refusesFilesThatAreNotWhatTheyClaim() {
        assertRefused("合同.docx", Docs.utf8("%PDF-1.7 pretending"), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.upload.type");
        assertRefused("合同.pdf", Docs.docx(new String[] {"x"}), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.upload.type");
        assertRefused("合同.exe", Docs.utf8("MZ"), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.upload.type");
        assertRefused("合同.docx", Docs.zip(Map.of("a.txt", Docs.utf8("hello"))), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.upload.type");
        assertRefused("合同.docx", new byte[0], ErrorCode.VALIDATION_FAILED, "error.upload.empty");
    }

    @Test
    void refusesMacros() {
        assertRefused("合同.docm", Docs.docx(new String[] {"x"}), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.upload.macro");
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", Docs.utf8("<Types><Override ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>"));
        parts.put("word/document.xml", Docs.utf8("<w:document/>"));
        assertRefused("合同.docx", Docs.zip(parts), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.upload.macro");
        parts.put("[Content_Types].xml", Docs.utf8("<Types/>"));
        parts.put("word/vbaProject.bin", new byte[] {1, 2, 3});
        assertRefused("合同.docx", Docs.zip(parts), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.upload.macro");
    }

    @Test
    void refusesZipBombsWhileReadingThem() {
        byte[] bomb = Docs.zipBomb(30);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertRefused("合同.docx", bomb, ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.zipBomb");
        Map<String, byte[]> many = new LinkedHashMap<>();
        many.put("[Content_Types].xml", Docs.utf8("<Types/>"));
        many.put("word/document.xml", Docs.utf8("<w:document/>"));
        for (int i = 0; i < 60; i++) {
            many.put("word/media/p" + i + ".bin", new byte[] {(byte) i});
        }
        assertRefused("合同.docx", Docs.zip(many), ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.zipBomb");
    }

    @Test
    void refusesXxePayloads() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document>&x;</w:document>";
        assertRefused("合同.docx", Docs.docxWithDocument(xxe), ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.dtd");
        byte[] utf16 = xxe.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", Docs.utf8("<Types/>"));
        parts.put("word/document.xml", utf16);
        assertRefused("合同.docx", Docs.zip(parts), ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.dtd");
    }

    @Test
    void refusesOversizedAndTruncatedFiles() {
        assertRefused("a.pdf", new byte[2 * 1024 * 1024], ErrorCode.PAYLOAD_TOO_LARGE, "error.upload.tooLarge");
        byte[] good = Docs.docx(new String[] {"采购合同"});
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        assertThatThrownBy(() -> inspector.inspect("合同.docx", truncated)).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).code().status()).matches(s -> (int) s >= 400 && (int) s < 500);
    }

    private void assertRefused(String name, byte[] content, ErrorCode code, String key) {
        assertThatThrownBy(() -> inspector.inspect(name, content)).isInstanceOf(BusinessException.class)
                .satisfies(e -> {
                    assertThat(((BusinessException) e).code()).isEqualTo(code);
                    assertThat(((BusinessException) e).messageKey()).isEqualTo(key);
                });
    }
}
