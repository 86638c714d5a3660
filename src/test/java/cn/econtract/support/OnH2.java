package cn.econtract.support;

import cn.econtract.app.ContractPlatformApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The whole application on an in-memory H2 database (the embedded default), on a random port. */
@Target(ElementType.TYPE)
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ContractPlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:econtract;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
public @interface OnH2 {
}
