package cn.econtract.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the engine demands of a model before it deploys it, checked at build time so an analyst's
 * change fails here rather than at start-up: every decision and process has a history time to live.
 */
class ModelConventionsTest {

    private static final Pattern ELEMENT = Pattern.compile("<(?:decision|process)\\b[^>]*>");

    @Test
    void everyDecisionAndProcessHasAHistoryTimeToLive() throws Exception {
        List<Path> models;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("..", "rules")), Files.walk(Path.of("..", "processes")))) {
            models = files.filter(p -> p.toString().endsWith(".dmn") || p.toString().endsWith(".bpmn")).toList();
        }
        assertThat(models).isNotEmpty();
        for (Path model : models) {
            Matcher m = ELEMENT.matcher(Files.readString(model));
            while (m.find()) {
                assertThat(m.group()).as(model + ": camunda:historyTimeToLive (the engine refuses the model without it)")
                        .contains("camunda:historyTimeToLive=");
            }
        }
    }
}
