package cn.econtract.app.ops;

import cn.econtract.app.audit.ChainVerification;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.crypto.KeyRotatedEvent;
import cn.econtract.app.crypto.KeyRotationService;
import cn.econtract.app.evidence.EvidenceVerification;
import cn.econtract.app.evidence.TrailVerification;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Maintenance commands run from the same jar against the configured database, without a web
 * server or job executor: {@code java -jar contract-app.jar verify-operation-log} and
 * {@code verify-evidence} (exit 0 intact, 1 broken, naming the first bad entry) and {@code rotate-keys}.
 */
public final class MaintenanceCommand {

    static final String VERIFY_OPERATION_LOG = "verify-operation-log";
    static final String ROTATE_KEYS = "rotate-keys";
    static final String VERIFY_EVIDENCE = "verify-evidence";
    private static final Set<String> COMMANDS = Set.of(VERIFY_OPERATION_LOG, ROTATE_KEYS, VERIFY_EVIDENCE);

    private MaintenanceCommand() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(Class<?> application, String[] args, PrintStream out) {
        String[] springArgs = Arrays.copyOfRange(args, 1, args.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("camunda.bpm.job-execution.enabled=false", "econtract.identity.demo-data=false",
                        "econtract.evidence.auto-seal=false", "econtract.evidence.worker.in-process=false",
                        "spring.main.banner-mode=off", "logging.level.root=WARN",
                        // no web server: leave out Camunda's REST and webapp wiring
                        "spring.autoconfigure.exclude="
                                + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                                + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration")
                .run(springArgs)) {
            return switch (args[0]) {
                case VERIFY_OPERATION_LOG -> verify(context.getBean(OperationLogService.class).verify(), out);
                case VERIFY_EVIDENCE -> verify(context.getBean(EvidenceVerification.class).verify(), out);
                case ROTATE_KEYS -> rotate(context.getBean(KeyRotationService.class).rotate("cli"), out);
                default -> 2;
            };
        }
    }

    static int verify(ChainVerification result, PrintStream out) {
        if (result.intact()) {
            out.println("operation log intact: " + result.entriesChecked() + " entries verified");
            return 0;
        }
        out.println("operation log BROKEN at entry " + result.firstBadSeq() + ": " + result.reason());
        return 1;
    }

    static int verify(TrailVerification result, PrintStream out) {
        if (result.intact()) {
            out.println("evidence trail intact: " + result.entriesChecked() + " entries, " + result.batchesChecked()
                    + " batches verified");
            return 0;
        }
        out.println("evidence trail BROKEN" + (result.firstBadSeq() == null ? "" : " at entry " + result.firstBadSeq())
                + ": " + result.reason());
        return 1;
    }

    private static int rotate(KeyRotatedEvent event, PrintStream out) {
        out.println("new key-encryption key " + event.newKekId() + "; re-wrapped " + event.rewrappedValues() + " values");
        return 0;
    }
}
