package cn.econtract.pki;

import cn.econtract.support.OnPostgres;

@OnPostgres
class PkiPostgresIT extends PkiScenarios {
}
