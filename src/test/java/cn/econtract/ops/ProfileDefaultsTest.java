package cn.econtract.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** What an operator gets from each profile without setting anything. */
class ProfileDefaultsTest {

    @Test
    void postgresProfileSeedsNoDemoDataAndGeneratesNoSecrets() throws IOException {
        StandardEnvironment env = environment("application-postgres.yml");
        assertThat(env.getProperty("econtract.identity.demo-data")).isEqualTo("false");
        assertThat(env.getProperty("econtract.crypto.generate-if-missing")).isEqualTo("false");
    }

    @Test
    void httpsProfileAllowsOnlyTls12And13() throws IOException {
        StandardEnvironment env = environment("application-https.yml");
        assertThat(env.getProperty("server.ssl.enabled-protocols")).isEqualTo("TLSv1.3,TLSv1.2");
        assertThat(env.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
    }

    @Test
    void embeddedDefaultSeedsTheDemoOrganisation() throws IOException {
        assertThat(environment("application.yml").getProperty("econtract.identity.demo-data")).isEqualTo("true");
    }

    private static StandardEnvironment environment(String file) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
        sources.forEach(env.getPropertySources()::addLast);
        return env;
    }
}
