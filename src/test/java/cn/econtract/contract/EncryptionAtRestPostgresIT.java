package cn.econtract.contract;

import cn.econtract.support.OnPostgres;

@OnPostgres
class EncryptionAtRestPostgresIT extends EncryptionAtRestScenarios {
}
