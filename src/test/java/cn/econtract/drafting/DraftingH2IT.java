package cn.econtract.drafting;

import cn.econtract.support.OnH2;

@OnH2
class DraftingH2IT extends DraftingScenarios {
}
