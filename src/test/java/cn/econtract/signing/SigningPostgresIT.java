package cn.econtract.signing;

import cn.econtract.support.OnPostgres;

@OnPostgres
class SigningPostgresIT extends SigningScenarios {
}
