package cn.econtract.evidence.fisco;

import cn.econtract.app.evidence.EvidenceLedger;
import cn.econtract.app.evidence.fisco.FiscoBcosLedger;
import cn.econtract.app.evidence.fisco.FiscoBcosProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The shared ledger suite against a real FISCO BCOS chain. No node can run in this project's CI
 * (no Docker, no FISCO binaries on Maven Central or Debian), so this runs only where an operator
 * points it at one: ECONTRACT_FISCO_CONFIG (the SDK's config.toml with peers, certificates and the
 * account) and ECONTRACT_FISCO_CONTRACT (the deployed EvidenceAnchor address); see docs/evidence.md.
 */
@EnabledIfEnvironmentVariable(named = "ECONTRACT_FISCO_CONFIG", matches = ".+")
class FiscoBcosChainIT extends cn.econtract.evidence.FiscoLedgerContractAccess {

    private static FiscoBcosLedger ledger;

    @Override
    protected EvidenceLedger ledger() {
        if (ledger == null) {
            ledger = FiscoBcosLedger.connect(new FiscoBcosProperties(Path.of(System.getenv("ECONTRACT_FISCO_CONFIG")),
                    System.getenv().getOrDefault("ECONTRACT_FISCO_GROUP", "group0"), System.getenv("ECONTRACT_FISCO_CONTRACT"),
                    3, java.time.Duration.ofSeconds(2)));
        }
        return ledger;
    }
}
