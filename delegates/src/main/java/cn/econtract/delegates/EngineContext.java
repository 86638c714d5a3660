package cn.econtract.delegates;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** Who is acting, and how the application's calls run inside the engine's command. */
public final class EngineContext {

    /** Actor recorded when a timer or the engine itself moves the process. */
    public static final String SYSTEM = "system";

    private EngineContext() {
    }

    /** The authenticated user of the call that moved the process (Tasklist, REST, our API), or {@link #SYSTEM}. */
    public static String actor(ProcessEngineServices engine) {
        var authentication = engine.getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }

    /**
     * Runs the application's side of a step without the caller's Camunda authorizations: an
     * approver completing a task must not limit what the next step may read (other users' groups,
     * the contract's department heads). What the application does is checked by the application.
     */
    public static <T> T asEngine(Supplier<T> call) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            return call.get();
        }
        return command.runWithoutAuthorization(call::get);
    }

    public static void asEngine(Runnable call) {
        asEngine(() -> {
            call.run();
            return null;
        });
    }
}
