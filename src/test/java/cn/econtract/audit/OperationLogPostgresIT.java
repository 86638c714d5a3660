package cn.econtract.audit;

import cn.econtract.support.OnPostgres;

@OnPostgres
class OperationLogPostgresIT extends OperationLogScenarios {

    @Override
    boolean databaseGuardsTheTable() {
        return true;
    }
}
