package cn.econtract.ops;

import cn.econtract.support.OnPostgres;

@OnPostgres
class ApiAndOperationsPostgresIT extends ApiAndOperationsScenarios {
}
