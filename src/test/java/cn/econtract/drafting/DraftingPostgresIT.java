package cn.econtract.drafting;

import cn.econtract.support.OnPostgres;

@OnPostgres
class DraftingPostgresIT extends DraftingScenarios {
}
