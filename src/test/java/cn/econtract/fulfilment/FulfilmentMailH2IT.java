package cn.econtract.fulfilment;

import cn.econtract.app.ContractPlatformApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(classes = ContractPlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:econtract-mail;DB_CLOSE_DELAY=-1", "camunda.bpm.process-engine-name=mail",
            "econtract.notification.mail.enabled=true", "econtract.notification.mail.from=电子合同平台 <econtract@demo.econtract.cn>",
            "econtract.fulfilment.dispatch-interval=PT1H"})
@ActiveProfiles("test")
class FulfilmentMailH2IT extends FulfilmentScenarios {
}
