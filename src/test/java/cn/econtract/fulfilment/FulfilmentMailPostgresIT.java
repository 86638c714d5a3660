package cn.econtract.fulfilment;

import cn.econtract.app.ContractPlatformApplication;
import cn.econtract.support.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The fulfilment scenarios on PostgreSQL, in a database of their own on the test run's server. */
@SpringBootTest(classes = ContractPlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"econtract.identity.demo-data=true", "econtract.crypto.generate-if-missing=true",
            "camunda.bpm.process-engine-name=mailpg", "econtract.notification.mail.enabled=true",
            "econtract.notification.mail.from=电子合同平台 <econtract@demo.econtract.cn>", "econtract.fulfilment.dispatch-interval=PT1H"})
@ActiveProfiles({"postgres", "test"})
class FulfilmentMailPostgresIT extends FulfilmentScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgres.database("econtract_fulfilment"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
