package cn.econtract.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.ContractPlatformApplication;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.evidence.EvidenceSealing;
import cn.econtract.app.evidence.EvidenceVerification;
import cn.econtract.app.evidence.InProcessEvidenceWorker;
import cn.econtract.app.evidence.OfflineVerifier;
import cn.econtract.app.identity.DirectoryService;
import cn.econtract.app.ops.MaintenanceCommand;
import cn.econtract.support.Http;
import cn.econtract.support.Nodes;
import cn.econtract.support.PurchaseDraft;
import cn.econtract.support.SignedContracts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 9 (S6): the embedded default is backed up while it runs, its data destroyed, and restored
 * from the snapshot by the jar's own commands; the restore checks every document and the evidence
 * trail, and each restored contract's evidence package verifies offline. A damaged snapshot and a
 * damaged document object are caught, and a restore never overwrites data that is there.
 */
class BackupRestoreH2IT {

    @TempDir
    Path work;

    @Test
    void aSnapshotTakenWhileRunningRestoresEveryContractWithItsEvidenceAfterTheDataIsGone() throws Exception {
        Path data = work.resolve("data");
        Path backups = work.resolve("backups");
        String signedId;
        String laterId;
        byte[] signedPdf;
        long evidenceEntries;
        ConfigurableApplicationContext node = node("backupnode1", data);
        try {
            int port = Nodes.port(node);
            DirectoryService directory = node.getBean(DirectoryService.class);
            signedId = SignedContracts.signed(u -> Http.basic(port, u, "demo"), node.getBean(TaskService.class), directory, "128000.00", d -> { });
            assertThat(node.getBean(EvidenceSealing.class).sealDue(true)).isNotEmpty();
            node.getBean(InProcessEvidenceWorker.class).drain();
            signedPdf = Http.basic(port, "drafter", "demo").getBytes("/api/v1/contracts/" + signedId + "/document").body();
            evidenceEntries = node.getBean(EvidenceVerification.class).verify().entriesChecked();

            // the snapshot is taken while the node serves
            Run backup = command("backup", backups.toString(), args("backupcli", data));
            assertThat(backup.exit()).as(backup.output()).isZero();
            assertThat(backup.output()).contains("snapshot ");

            // work after the snapshot is past the recovery point
            laterId = PurchaseDraft.create(Http.basic(port, "drafter", "demo"), "9000.00", "备份之后" + UUID.randomUUID().toString().substring(0, 6) + "有限公司");
        } finally {
            node.close();
        }
        Path snapshot = only(backups);
        destroy(data);

        // a damaged snapshot is refused before anything is written
        Path zip = snapshot.resolve("database.zip");
        byte[] good = Files.readAllBytes(zip);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x01;
        Files.write(zip, flipped);
        Run damaged = command("restore", snapshot.toString(), args("restorecli0", data));
        assertThat(damaged.exit()).isEqualTo(1);
        assertThat(damaged.output()).contains("database.zip").contains("SHA-256");
        assertThat(data).as("nothing written").doesNotExist();
        Files.write(zip, good);

        // the real restore: files back, then every document opened and both chains verified
        Run restored = command("restore", snapshot.toString(), args("restorecli1", data));
        assertThat(restored.exit()).as(restored.output()).isZero();
        assertThat(restored.output()).contains("evidence trail intact: " + evidenceEntries + " entries")
                .contains("operation log intact").containsPattern("documents: [1-9][0-9]* opened and checked");

        // a second restore over the restored data is refused: it overwrites nothing
        Run again = command("restore", snapshot.toString(), args("restorecli2", data));
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.output()).contains("exists").contains("move the damaged data away first");

        ConfigurableApplicationContext restoredNode = node("backupnode2", data);
        try {
            int port = Nodes.port(restoredNode);
            Http drafter = Http.basic(port, "drafter", "demo");
            assertThat(Http.json(drafter.get("/api/v1/contracts/" + signedId)).get("status").asText()).isEqualTo("IN_FORCE");
            assertThat(drafter.getBytes("/api/v1/contracts/" + signedId + "/document").body()).isEqualTo(signedPdf);
            assertThat(drafter.get("/api/v1/contracts/" + laterId).statusCode()).as("made after the recovery point").isEqualTo(404);
            // every restored contract's evidence package verifies offline
            JdbcClient jdbc = restoredNode.getBean(JdbcClient.class);
            List<String> contracts = jdbc.sql("SELECT id FROM contract").query(String.class).list();
            assertThat(contracts).contains(signedId).doesNotContain(laterId);
            for (String id : contracts) {
                Path evidencePackage = work.resolve("evidence-" + id + ".zip");
                var download = drafter.getBytes("/api/v1/contracts/" + id + "/evidence-package");
                assertThat(download.statusCode()).isEqualTo(200);
                Files.write(evidencePackage, download.body());
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                int exit = new OfflineVerifier(new PrintStream(buffer, true, StandardCharsets.UTF_8))
                        .run(new String[] {OfflineVerifier.VERIFY_PACKAGE, evidencePackage.toString()});
                assertThat(exit).as(id + ": " + buffer.toString(StandardCharsets.UTF_8)).isZero();
            }
            assertThat(restoredNode.getBean(OperationLogService.class).verify().intact()).isTrue();
            assertThat(jdbc.sql("SELECT outcome FROM operation_log WHERE action = 'RESTORE'").query(String.class).list()).containsExactly("SUCCESS");
        } finally {
            restoredNode.close();
        }
    }

    @Test
    void aDocumentObjectDamagedInTheBackupIsReportedByTheRestore() throws Exception {
        Path data = work.resolve("data");
        Path backups = work.resolve("backups");
        ConfigurableApplicationContext node = node("backupnode3", data);
        try {
            Http drafter = Http.basic(Nodes.port(node), "drafter", "demo");
            String id = PurchaseDraft.create(drafter, "5000.00", "损坏测试" + UUID.randomUUID().toString().substring(0, 6) + "有限公司");
            byte[] docx = cn.econtract.support.Docs.docx(new String[] {"#技术要求"}, new String[] {"办公家具应符合国家环保标准。"});
            var attached = drafter.postMultipart("/api/v1/contracts/" + id + "/attachments", java.util.Map.of(), "技术要求.docx", docx);
            assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
            Run backup = command("backup", backups.toString(), args("backupcli3", data));
            assertThat(backup.exit()).as(backup.output()).isZero();
        } finally {
            node.close();
        }
        destroy(data);
        Path object;
        try (Stream<Path> objects = Files.walk(backups.resolve("documents"))) {
            object = objects.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(object);
        bytes[bytes.length - 1] ^= 0x01;
        object.toFile().setWritable(true);
        Files.write(object, bytes);

        Run restored = command("restore", only(backups).toString(), args("restorecli3", data));
        assertThat(restored.exit()).as(restored.output()).isEqualTo(1);
        assertThat(restored.output()).contains("BROKEN").contains(object.getFileName().toString());
    }

    record Run(int exit, String output) {
    }

    private static Run command(String command, String operand, List<String> settings) {
        List<String> args = new ArrayList<>(List.of(command, operand));
        args.addAll(settings);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit = MaintenanceCommand.run(ContractPlatformApplication.class, args.toArray(String[]::new),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return new Run(exit, buffer.toString(StandardCharsets.UTF_8));
    }

    /** As an operator would pass them: where the data lives, and an engine name of its own in this JVM. */
    private static List<String> args(String engine, Path data) {
        return List.of("--spring.profiles.active=test",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db/econtract") + ";AUTO_SERVER=TRUE",
                "--camunda.bpm.process-engine-name=" + engine,
                "--econtract.crypto.keystore-path=" + data.resolve("keys/kek.p12"),
                "--econtract.storage.local-directory=" + data.resolve("documents"));
    }

    private static ConfigurableApplicationContext node(String engine, Path data) {
        List<String> args = new ArrayList<>(args(engine, data));
        args.add("--server.port=0");
        // no Tasklist/Cockpit: Camunda's webapps keep their engine in static fields, and a closed
        // node would leave them pointing at its engine for the other tests in this JVM
        args.add("--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration");
        return new SpringApplicationBuilder(ContractPlatformApplication.class).run(args.toArray(String[]::new));
    }

    private static Path only(Path backups) throws java.io.IOException {
        try (Stream<Path> children = Files.list(backups)) {
            List<Path> snapshots = children.filter(p -> p.getFileName().toString().startsWith("snapshot-")).toList();
            assertThat(snapshots).hasSize(1);
            return snapshots.get(0);
        }
    }

    /** The disaster: the database, the documents and the keys are gone. */
    private static void destroy(Path data) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
    }
}
