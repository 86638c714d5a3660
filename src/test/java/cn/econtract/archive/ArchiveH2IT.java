package cn.econtract.archive;

import cn.econtract.support.OnH2;

@OnH2
class ArchiveH2IT extends ArchiveScenarios {
}
