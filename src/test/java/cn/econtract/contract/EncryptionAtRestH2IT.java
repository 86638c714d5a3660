package cn.econtract.contract;

import cn.econtract.support.OnH2;

@OnH2
class EncryptionAtRestH2IT extends EncryptionAtRestScenarios {
}
