package cn.econtract.worker;

import cn.econtract.app.evidence.RemoteEvidenceWorker;
import org.springframework.context.annotation.Import;

/**
 * The evidence anchoring worker as a separate process of the same jar (A2):
 * {@code java -jar contract-app.jar evidence-worker}, profile {@code evidence-worker}: the keys,
 * the time-stamp authority, the ledger and the external-task client.
 */
@WorkerProcess
@Import(RemoteEvidenceWorker.class)
public class EvidenceWorkerApplication {

    public static final String COMMAND = "evidence-worker";

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** Starts the worker; it runs until the process is stopped. */
    public static void run(String[] args) {
        Workers.run(EvidenceWorkerApplication.class, COMMAND, args, RemoteEvidenceWorker::subscribe);
    }
}
