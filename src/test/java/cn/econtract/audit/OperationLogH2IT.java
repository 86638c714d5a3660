package cn.econtract.audit;

import cn.econtract.support.OnH2;

@OnH2
class OperationLogH2IT extends OperationLogScenarios {

    /** H2 has no trigger guard (the embedded default is a single-user laptop database); the chain still catches edits. */
    @Override
    boolean databaseGuardsTheTable() {
        return false;
    }
}
