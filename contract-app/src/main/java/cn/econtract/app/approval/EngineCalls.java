package cn.econtract.app.approval;

import cn.econtract.app.identity.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call for a user of our API after our own checks passed: the engine knows who
 * acts (the trail and the listeners read it) but does not check Camunda authorizations again,
 * which Tasklist users need and our checks already cover.
 */
@Component
public class EngineCalls {

    private final IdentityService identity;
    private final ProcessEngineConfigurationImpl configuration;

    public EngineCalls(IdentityService identity, ProcessEngineConfiguration configuration) {
        this.identity = identity;
        this.configuration = (ProcessEngineConfigurationImpl) configuration;
    }

    public <T> T as(UserProfile user, Supplier<T> call) {
        List<String> groups = new ArrayList<>(user.roles());
        groups.addAll(user.departmentIds());
        var previous = identity.getCurrentAuthentication();
        identity.setAuthentication(user.id(), groups);
        try {
            return configuration.getCommandExecutorTxRequired().execute(command -> command.runWithoutAuthorization(call::get));
        } finally {
            if (previous == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(previous);
            }
        }
    }

    public void as(UserProfile user, Runnable call) {
        as(user, () -> {
            call.run();
            return null;
        });
    }
}
