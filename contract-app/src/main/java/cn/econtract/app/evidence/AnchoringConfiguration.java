package cn.econtract.app.evidence;

import cn.econtract.app.crypto.KeyEncryptionKeyProvider;
import cn.econtract.app.evidence.fisco.FiscoBcosLedger;
import cn.econtract.app.evidence.fisco.FiscoBcosProperties;
import cn.econtract.app.timestamp.TimeStampAuthority;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What anchoring needs, shared by the application and the separate worker process: the ledger
 * chosen by {@code econtract.evidence.ledger} and the service the worker calls.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EvidenceProperties.class, FiscoBcosProperties.class})
public class AnchoringConfiguration {

    @Bean
    EvidenceLedger evidenceLedger(EvidenceProperties properties, LedgerRepository blocks, KeyEncryptionKeyProvider keys,
                                  Clock clock, PlatformTransactionManager transactions, FiscoBcosProperties fisco) {
        return switch (properties.ledger()) {
            case EvidenceProperties.LOCAL_LEDGER -> {
                // created at start-up, by the application that starts first, not by a worker racing it
                keys.signingCertificate(LocalLedger.PURPOSE);
                yield new LocalLedger(blocks, keys, clock, new TransactionTemplate(transactions));
            }
            case FiscoBcosLedger.NAME -> FiscoBcosLedger.connect(fisco);
            default -> throw new IllegalArgumentException(
                    "econtract.evidence.ledger must be local or fisco-bcos, was " + properties.ledger());
        };
    }

    @Bean
    BatchAnchoring batchAnchoring(EvidenceRepository repository, TimeStampAuthority authority, EvidenceLedger ledger,
                                  Clock clock) {
        return new BatchAnchoring(repository, authority, ledger, clock);
    }
}
