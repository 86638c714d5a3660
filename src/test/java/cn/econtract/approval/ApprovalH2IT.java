package cn.econtract.approval;

import cn.econtract.support.OnH2;

@OnH2
class ApprovalH2IT extends ApprovalScenarios {
}
