package cn.econtract.worker;

import cn.econtract.app.evidence.RemoteEvidenceWorker;
import java.util.Arrays;
import org.camunda.bpm.client.ExternalTaskClient;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The evidence anchoring worker as a separate process of the same jar (A2):
 * {@code java -jar contract-app.jar evidence-worker}, profile {@code evidence-worker}. Outside the
 * application's scanned packages on purpose: it starts no engine, web server, security or
 * migrations, only the database pool, the keys, the time-stamp authority, the ledger and the
 * external-task client that talks to the engine's REST API.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration",
        "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
        "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration"})
@Import(RemoteEvidenceWorker.class)
public class EvidenceWorkerApplication {

    public static final String COMMAND = "evidence-worker";
    public static final String PROFILE = "evidence-worker";

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** Starts the worker; it runs until the process is stopped. */
    public static void run(String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EvidenceWorkerApplication.class)
                .web(WebApplicationType.NONE).profiles(PROFILE).run(Arrays.copyOfRange(args, 1, args.length));
        ExternalTaskClient client = RemoteEvidenceWorker.subscribe(context, COMMAND);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            client.stop();
            context.close();
        }, "evidence-worker-shutdown"));
    }
}
