package cn.econtract.evidence;

import cn.econtract.support.OnH2;

@OnH2
class LocalLedgerH2IT extends LocalLedgerScenarios {
}
