package cn.econtract.app.ops;

import cn.econtract.app.audit.ChainVerification;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.backup.BackupException;
import cn.econtract.app.backup.BackupManifest;
import cn.econtract.app.backup.BackupProperties;
import cn.econtract.app.backup.BackupRestore;
import cn.econtract.app.backup.Backups;
import cn.econtract.app.backup.RestoreCheck;
import cn.econtract.app.backup.RestoredData;
import cn.econtract.app.crypto.CryptoProperties;
import cn.econtract.app.crypto.KeyRotatedEvent;
import cn.econtract.app.crypto.KeyRotationService;
import cn.econtract.app.evidence.EvidenceVerification;
import cn.econtract.app.evidence.TrailVerification;
import cn.econtract.app.storage.StorageProperties;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Maintenance commands run from the same jar against the configured database, without a web
 * server or job executor: {@code java -jar contract-app.jar verify-operation-log} and
 * {@code verify-evidence} (exit 0 intact, 1 broken, naming the first bad entry), {@code rotate-keys},
 * {@code backup [directory]} (a snapshot of the embedded default, into econtract.backup.directory
 * unless named) and {@code restore <snapshot>} (with the platform stopped: checks the snapshot,
 * puts it back, then opens every document and verifies the evidence trail and operation log; exit 0
 * intact, 1 refused, damaged or broken, 2 usage).
 */
public final class MaintenanceCommand {

    static final String VERIFY_OPERATION_LOG = "verify-operation-log";
    static final String ROTATE_KEYS = "rotate-keys";
    static final String VERIFY_EVIDENCE = "verify-evidence";
    static final String BACKUP = "backup";
    static final String RESTORE = "restore";
    private static final Set<String> COMMANDS = Set.of(VERIFY_OPERATION_LOG, ROTATE_KEYS, VERIFY_EVIDENCE, BACKUP, RESTORE);

    private MaintenanceCommand() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(Class<?> application, String[] args, PrintStream out) {
        String[] springArgs = Arrays.copyOfRange(args, 1, args.length);
        String operand = Arrays.stream(springArgs).filter(a -> !a.startsWith("--")).findFirst().orElse(null);
        if (RESTORE.equals(args[0])) {
            if (operand == null) {
                out.println("usage: restore <snapshot directory> [--spring.datasource.url=... ...]");
                return 2;
            }
            try {
                BackupManifest manifest = restoreFiles(Path.of(operand), springArgs);
                out.println("restored " + operand + ": recovery point " + manifest.createdAt() + ", " + manifest.documents()
                        + " document objects");
            } catch (BackupException e) {
                out.println("restore refused: " + e.getMessage());
                return 1;
            }
        }
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
                case BACKUP -> backup(context, operand, out);
                case RESTORE -> verify(context.getBean(RestoredData.class).check(Path.of(operand).getFileName().toString()), out);
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

    private static int backup(ConfigurableApplicationContext context, String operand, PrintStream out) {
        Path root = operand != null ? Path.of(operand) : context.getBean(BackupProperties.class).directory();
        if (root == null) {
            out.println("usage: backup <directory> (or set econtract.backup.directory)");
            return 2;
        }
        try {
            out.println("snapshot " + context.getBean(Backups.class).create(root));
            return 0;
        } catch (BackupException e) {
            out.println("backup refused: " + e.getMessage());
            return 1;
        }
    }

    /** The files back where the configuration says they live; only the settings are read, no database is opened. */
    private static BackupManifest restoreFiles(Path snapshot, String[] springArgs) {
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN").run(springArgs)) {
            Environment environment = settings.getEnvironment();
            Binder binder = Binder.get(environment);
            StorageProperties storage = binder.bindOrCreate("econtract.storage", StorageProperties.class);
            CryptoProperties crypto = binder.bindOrCreate("econtract.crypto", CryptoProperties.class);
            if (!"local".equals(storage.engine())) {
                throw new BackupException("documents are in " + storage.engine() + ": restore them with its own tools (docs/backup.md)");
            }
            return BackupRestore.to(environment.getProperty("spring.datasource.url"), storage.localDirectory(), crypto)
                    .restore(snapshot);
        }
    }

    static int verify(RestoreCheck check, PrintStream out) {
        out.println("documents: " + check.documents() + " opened and checked" + (check.badDocuments().isEmpty() ? "" : ", BROKEN: "
                + String.join("; ", check.badDocuments())));
        int evidence = verify(check.evidence(), out);
        int log = verify(check.operationLog(), out);
        return check.intact() && evidence == 0 && log == 0 ? 0 : 1;
    }

    /** Nothing but the configuration files, profiles and arguments: where the data lives. */
    @Configuration(proxyBeanMethods = false)
    static class Settings {
    }

    private static int rotate(KeyRotatedEvent event, PrintStream out) {
        out.println("new key-encryption key " + event.newKekId() + "; re-wrapped " + event.rewrappedValues() + " values");
        return 0;
    }
}
