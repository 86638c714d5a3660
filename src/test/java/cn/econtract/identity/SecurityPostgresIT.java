package cn.econtract.identity;

import cn.econtract.support.OnPostgres;

@OnPostgres
class SecurityPostgresIT extends SecurityScenarios {
}
