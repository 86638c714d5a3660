package cn.econtract.app.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demoData               seed the demo organisation (embedded default only)
 * @param bootstrapAdminPassword creates user {@code admin} when the directory is empty (first start
 *                               on PostgreSQL); from {@code ECONTRACT_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD}
 * @param loginMaxAttempts       failed logins before an account is locked until an administrator unlocks it
 * @param loginDelaySeconds      base of the growing delay after each failed login (0 disables it)
 */
@ConfigurationProperties("econtract.identity")
public record IdentityProperties(boolean demoData, String bootstrapAdminPassword, Integer loginMaxAttempts,
                                 Integer loginDelaySeconds) {

    public IdentityProperties {
        if (loginMaxAttempts == null) {
            loginMaxAttempts = 5;
        }
        if (loginDelaySeconds == null) {
            loginDelaySeconds = 1;
        }
    }
}
