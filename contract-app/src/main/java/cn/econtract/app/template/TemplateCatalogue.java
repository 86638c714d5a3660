package cn.econtract.app.template;

import cn.econtract.app.clause.ClauseLibrary;
import cn.econtract.app.clause.NewClauseVersion;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The standard templates and library clauses that ship with the product ({@code contract-templates/}
 * on the classpath, YAML a legal department can read). Seeded at start-up when their code is new;
 * a template already in the database is never overwritten, its changes go through new versions.
 */
@Component
@Order(20)
class TemplateCatalogue implements ApplicationRunner {

    static final String AUTHOR = "system";
    private static final Logger log = LoggerFactory.getLogger(TemplateCatalogue.class);

    private final TemplateService templates;
    private final ClauseLibrary clauses;
    private final ObjectMapper json;

    TemplateCatalogue(TemplateService templates, ClauseLibrary clauses, ObjectMapper json) {
        this.templates = templates;
        this.clauses = clauses;
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        Resource library = resolver.getResource("classpath:contract-templates/clauses.yml");
        if (library.exists()) {
            for (Object clause : (List<?>) load(library)) {
                clauses.store(json.convertValue(clause, NewClauseVersion.class), AUTHOR);
            }
        }
        Resource[] files = resolver.getResources("classpath:contract-templates/*.yml");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        int added = 0;
        for (Resource file : files) {
            if (!"clauses.yml".equals(file.getFilename()) && templates.seedPublished(parse(load(file)), AUTHOR)) {
                added++;
            }
        }
        log.info("Template catalogue: {} new templates published", added);
    }

    /** A catalogue file as a new template; {@code library: CODE} in a clause takes the library's text. */
    @SuppressWarnings("unchecked")
    NewTemplate parse(Object yaml) {
        Map<String, Object> file = (Map<String, Object>) yaml;
        List<TemplateClause> clauseList = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) file.get("clauses")) {
            clauseList.add(new TemplateClause((String) c.get("key"), (String) c.get("heading"), strip((String) c.get("text")),
                    (String) c.get("library"), null, null));
        }
        List<VariableSpec> variables = ((List<Object>) file.get("variables")).stream()
                .map(v -> json.convertValue(v, VariableSpec.class)).toList();
        TemplateContent content = new TemplateContent((String) file.get("description"), (String) file.get("counterparty"),
                (String) file.get("amount"), (String) file.get("effectiveDate"), (String) file.get("expiryDate"),
                strip((String) file.get("preamble")), variables, clauseList);
        return new NewTemplate((String) file.get("code"), (String) file.get("name"), (String) file.get("category"),
                (String) file.get("contractType"), content);
    }

    private static Object load(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }

    private static String strip(String text) {
        return text == null ? null : ClauseLibrary.normalise(text);
    }
}
