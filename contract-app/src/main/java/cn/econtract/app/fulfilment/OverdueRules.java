package cn.econtract.app.fulfilment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.springframework.stereotype.Component;

/**
 * Drools over {@code rules/drl/overdue.drl}: compiled once at start (a rule that does not compile
 * stops the application with the compiler's messages), then a fresh session per case.
 */
@Component
public class OverdueRules {

    static final String RESOURCE = "rules/drl/overdue.drl";

    private final KieContainer container;

    public OverdueRules() {
        this(read(RESOURCE));
    }

    /** From DRL text (tests evaluate the shipped file and variants of it). */
    public OverdueRules(String drl) {
        KieServices kie = KieServices.Factory.get();
        KieFileSystem files = kie.newKieFileSystem().write("src/main/resources/overdue.drl", drl);
        // the executable model: rules compile to Java at start, no MVEL interpreter at run time
        KieBuilder builder = kie.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("overdue.drl does not compile:\n" + builder.getResults().getMessages(Message.Level.ERROR).stream()
                    .map(Message::toString).collect(Collectors.joining("\n")));
        }
        this.container = kie.newKieContainer(kie.getRepository().getDefaultReleaseId());
    }

    /** Runs every rule on the case; its actions are filled in. */
    public OverdueCase decide(OverdueCase fact) {
        KieSession session = container.newKieSession();
        try {
            session.insert(fact);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return fact;
    }

    private static String read(String resource) {
        try (InputStream in = OverdueRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
