package cn.econtract.evidence;

import cn.econtract.support.OnH2;

@OnH2
class EvidenceH2IT extends EvidenceScenarios {

    @Override
    boolean databaseGuardsTheTable() {
        return false;
    }
}
