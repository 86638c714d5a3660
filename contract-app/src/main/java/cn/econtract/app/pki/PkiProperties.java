package cn.econtract.app.pki;

import cn.econtract.app.crypto.KeyAlgorithm;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param algorithm       keys for new people and organisations: {@code EC_P256} (default), {@code RSA_3072}, or {@code SM2} (SM2 with SM3; the CA hierarchy is then SM2 too)
 * @param organisation    the O= of the CAs' names
 * @param publicUrl       where relying parties reach this platform: the CRL and OCSP addresses written
 *                        into every certificate (set it to the public host name before issuing)
 * @param personValidity  a person's certificate
 * @param organisationValidity an organisation's (seal) certificate
 */
@ConfigurationProperties("econtract.pki")
public record PkiProperties(KeyAlgorithm algorithm, String organisation, String publicUrl, Period personValidity,
                            Period organisationValidity) {

    public PkiProperties {
        algorithm = algorithm == null ? KeyAlgorithm.EC_P256 : algorithm;
        organisation = organisation == null || organisation.isBlank() ? "econtract" : organisation;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        personValidity = personValidity == null ? Period.ofYears(2) : personValidity;
        organisationValidity = organisationValidity == null ? Period.ofYears(3) : organisationValidity;
    }
}
