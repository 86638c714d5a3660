package cn.econtract.evidence;

import cn.econtract.support.OnPostgres;

@OnPostgres
class EvidencePostgresIT extends EvidenceScenarios {

    @Override
    boolean databaseGuardsTheTable() {
        return true;
    }
}
