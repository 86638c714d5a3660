package cn.econtract.support;

import cn.econtract.app.ContractPlatformApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real PostgreSQL server (embedded binaries from Maven, started by
 * the test run), with the {@code postgres} profile exactly as production uses it; demo data is
 * asked for explicitly, as an operator would.
 */
@Target(ElementType.TYPE)
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ContractPlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"econtract.identity.demo-data=true", "econtract.crypto.generate-if-missing=true"})
@ActiveProfiles({"postgres", "test"})
@ContextConfiguration(initializers = EmbeddedPostgres.Initializer.class)
public @interface OnPostgres {
}
