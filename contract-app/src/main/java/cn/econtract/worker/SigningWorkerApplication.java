package cn.econtract.worker;

import cn.econtract.app.signing.RemoteSigningWorker;
import org.springframework.context.annotation.Import;

/**
 * The signing worker as a separate process of the same jar (A2):
 * {@code java -jar contract-app.jar signing-worker}, profile {@code signing-worker}: closes signed
 * documents for the long term (validation data, archive time-stamp) off the application's nodes.
 */
@WorkerProcess
@Import(RemoteSigningWorker.class)
public class SigningWorkerApplication {

    public static final String COMMAND = "signing-worker";

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** Starts the worker; it runs until the process is stopped. */
    public static void run(String[] args) {
        Workers.run(SigningWorkerApplication.class, COMMAND, args, RemoteSigningWorker::subscribe);
    }
}
