package cn.econtract.app.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Engine settings of the shared directory: bcrypt hashes, lockout, password policy, authorization. */
@Component
class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

    private final IdentityProperties properties;

    IdentityEnginePlugin(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(new BcryptPasswordEncryptor());
        configuration.setLoginMaxAttempts(properties.loginMaxAttempts());
        configuration.setLoginDelayBase(properties.loginDelaySeconds());
        configuration.setLoginDelayFactor(2);
        configuration.setLoginDelayMaxTime(60);
        configuration.setEnablePasswordPolicy(true);
        configuration.setAuthorizationEnabled(true);
    }
}
