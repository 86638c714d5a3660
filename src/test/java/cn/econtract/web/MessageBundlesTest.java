package cn.econtract.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Chinese and English bundles stay in step: a key in one is a key in the other. */
class MessageBundlesTest {

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties zh = load("/i18n/messages.properties");
        Properties en = load("/i18n/messages_en.properties");

        assertThat(keys(en)).as("keys missing in English").containsAll(keys(zh));
        assertThat(keys(zh)).as("keys missing in Chinese").containsAll(keys(en));
    }

    @Test
    void chineseIsTheDefaultAndIsChinese() throws IOException {
        assertThat(load("/i18n/messages.properties").getProperty("app.name")).isEqualTo("电子合同管理平台");
    }

    private static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (Reader reader = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
