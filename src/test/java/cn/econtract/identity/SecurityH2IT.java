package cn.econtract.identity;

import cn.econtract.support.OnH2;

@OnH2
class SecurityH2IT extends SecurityScenarios {
}
