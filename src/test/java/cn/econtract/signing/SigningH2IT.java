package cn.econtract.signing;

import cn.econtract.support.OnH2;

@OnH2
class SigningH2IT extends SigningScenarios {
}
