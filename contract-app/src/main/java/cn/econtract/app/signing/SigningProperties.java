package cn.econtract.app.signing;

import cn.econtract.app.tasks.TopicWorkerSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signing settings ({@code econtract.signing.*}).
 *
 * @param organisation     our company as seals and organisation certificates name it
 * @param organisationCode its unified social credit code (统一社会信用代码), the certificate's serial number attribute
 * @param publicUrl        where e-mailed signing links point (the web UI's address as counterparties reach it)
 * @param realName         which real-name verification service checks counterparties: {@code demo} (a stand-in, see
 *                         {@link DemoRealNameVerifier}) or {@code none} to refuse policies that need one
 * @param worker           the signing worker (external task {@code signing-long-term}); its user is a member of signingworker
 */
@ConfigurationProperties("econtract.signing")
public record SigningProperties(String organisation, String organisationCode, String publicUrl, String realName,
                                TopicWorkerSettings worker) {

    public SigningProperties {
        organisation = organisation == null || organisation.isBlank() ? "示例科技有限公司" : organisation.strip();
        organisationCode = organisationCode == null || organisationCode.isBlank() ? "91110000MA00000000" : organisationCode.strip();
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        realName = realName == null || realName.isBlank() ? "demo" : realName.strip();
        worker = worker == null ? TopicWorkerSettings.defaults() : worker;
    }
}
