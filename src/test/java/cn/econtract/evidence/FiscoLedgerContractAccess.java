package cn.econtract.evidence;

import cn.econtract.app.evidence.EvidenceLedger;

/** Opens the package-private ledger suite to the FISCO BCOS test in its own package. */
public abstract class FiscoLedgerContractAccess extends EvidenceLedgerContract {

    @Override
    protected abstract EvidenceLedger ledger();
}
