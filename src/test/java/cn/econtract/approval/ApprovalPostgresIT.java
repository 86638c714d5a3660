package cn.econtract.approval;

import cn.econtract.support.OnPostgres;

@OnPostgres
class ApprovalPostgresIT extends ApprovalScenarios {
}
