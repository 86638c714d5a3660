package cn.econtract.pki;

import cn.econtract.support.OnH2;

@OnH2
class PkiH2IT extends PkiScenarios {
}
