package cn.econtract.template;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.document.FontLibrary;
import cn.econtract.app.document.RenderingProperties;
import cn.econtract.app.template.TemplateClause;
import cn.econtract.app.template.TemplateContent;
import cn.econtract.app.template.TemplateContentCheck;
import cn.econtract.app.template.VariableSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The shipped template library: complete, consistent, and printable with the configured fonts. */
class TemplateCatalogueTest {

    private static final List<String> HEADINGS = List.of("不可抗力", "争议解决", "合同生效", "其他");

    @Test
    @SuppressWarnings("unchecked")
    void everyShippedTemplateIsCompleteAndPrintable() throws Exception {
        var resolver = new PathMatchingResourcePatternResolver();
        List<Map<String, Object>> library = (List<Map<String, Object>>) load(resolver.getResource("classpath:contract-templates/clauses.yml"));
        Map<String, Map<String, Object>> byCode = library.stream().collect(Collectors.toMap(c -> (String) c.get("code"), c -> c));
        assertThat(byCode.keySet()).containsExactlyInAnyOrder("PAYMENT", "CONFIDENTIALITY", "IP", "LIABILITY_CAP",
                "FORCE_MAJEURE", "DISPUTE_RESOLUTION", "TERMINATION");

        ObjectMapper json = new ObjectMapper();
        Set<String> types = new java.util.HashSet<>();
        StringBuilder allText = new StringBuilder();
        for (Resource file : resolver.getResources("classpath:contract-templates/*.yml")) {
            if ("clauses.yml".equals(file.getFilename())) {
                continue;
            }
            Map<String, Object> t = (Map<String, Object>) load(file);
            types.add((String) t.get("contractType"));
            List<TemplateClause> clauses = new ArrayList<>();
            for (Map<String, Object> c : (List<Map<String, Object>>) t.get("clauses")) {
                Map<String, Object> lib = c.get("library") == null ? null : byCode.get(c.get("library"));
                assertThat(c.get("library") == null || lib != null).as(file.getFilename() + ": library clause " + c.get("library")).isTrue();
                clauses.add(new TemplateClause((String) c.get("key"), lib == null ? (String) c.get("heading") : (String) lib.get("title"),
                        lib == null ? (String) c.get("text") : (String) lib.get("text"), (String) c.get("library"), null, null));
            }
            List<VariableSpec> variables = ((List<Object>) t.get("variables")).stream().map(v -> json.convertValue(v, VariableSpec.class)).toList();
            TemplateContent content = new TemplateContent((String) t.get("description"), (String) t.get("counterparty"),
                    (String) t.get("amount"), (String) t.get("effectiveDate"), (String) t.get("expiryDate"),
                    (String) t.get("preamble"), variables, clauses);
            assertThat(TemplateContentCheck.check(content, byCode::containsKey)).as(file.getFilename()).isEmpty();
            String headings = clauses.stream().map(TemplateClause::heading).collect(Collectors.joining("|"));
            assertThat(headings).as(file.getFilename() + " clauses").contains(HEADINGS);
            assertThat(clauses.size()).as(file.getFilename()).isGreaterThanOrEqualTo(10);
            assertThat(content.counterparty()).as(file.getFilename()).isNotNull();
            assertThat(variables.stream().filter(v -> v.type().name().equals("PARTY")).count()).isEqualTo(2);
            String text = clauses.stream().map(TemplateClause::text).collect(Collectors.joining("\n"));
            assertThat(text).as(file.getFilename() + " has no placeholder text").doesNotContain("XXX", "……", "TODO");
            allText.append(t.get("name")).append(t.get("preamble")).append(text).append(headings);
            variables.forEach(v -> allText.append(v.label()));
        }
        assertThat(types).containsExactlyInAnyOrder("PURCHASE", "SALES", "LEASE", "LABOUR", "TECH_SERVICE", "NDA");
        library.forEach(c -> allText.append(c.get("title")).append(c.get("text")));

        FontLibrary fonts = new FontLibrary(new RenderingProperties(null, null));
        assertThat(fonts.missingCharacters("合同\uE000")).as("the check can fail: a private-use character has no glyph").isEqualTo("\uE000");
        assertThat(fonts.missingCharacters(allText + "第一二三四五六七八九十条页共合同编号统一社会信用代码住所法定代表人联系人及电话盖章签字日期"))
                .as("characters without a glyph in the PDF fonts (install fonts-arphic-uming and fonts-wqy-zenhei)").isEmpty();
    }

    private static Object load(Resource resource) throws Exception {
        try (InputStream in = resource.getInputStream()) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }
}
