package cn.econtract.ops;

import cn.econtract.support.OnH2;

@OnH2
class ApiAndOperationsH2IT extends ApiAndOperationsScenarios {
}
