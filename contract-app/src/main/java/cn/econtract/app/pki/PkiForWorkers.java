package cn.econtract.app.pki;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** The CA and its OCSP responder for a worker process; the application scans these beans itself. */
@EnableConfigurationProperties(PkiProperties.class)
@Import({CertificateAuthority.class, OcspResponder.class, IssuedCertificateRepository.class})
public class PkiForWorkers {
}
