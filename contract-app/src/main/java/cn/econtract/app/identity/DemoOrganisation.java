package cn.econtract.app.identity;

import org.springframework.stereotype.Component;

/**
 * The demo organisation of DESIGN §9 (embedded default only): five departments and one user per
 * role, password {@code demo}. Demo accounts skip the password policy, nothing else does.
 */
@Component
class DemoOrganisation {

    static final String PASSWORD = "demo";

    private final DirectoryService directory;

    DemoOrganisation(DirectoryService directory) {
        this.directory = directory;
    }

    void seed() {
        directory.ensureGroup("purchasing", "采购部", GroupType.DEPARTMENT);
        directory.ensureGroup("legaldept", "法务部", GroupType.DEPARTMENT);
        directory.ensureGroup("financedept", "财务部", GroupType.DEPARTMENT);
        directory.ensureGroup("sales", "销售部", GroupType.DEPARTMENT);
        directory.ensureGroup("office", "行政部", GroupType.DEPARTMENT);

        user("admin", "管理员", "系统", "office", "admin");
        directory.ensureMembership("admin", GroupType.CAMUNDA_ADMIN_GROUP);
        user("drafter", "小采", "王", "purchasing", "drafter");
        user("legal", "律", "李", "legaldept", "legal");
        user("finance", "会计", "张", "financedept", "finance");
        user("manager", "经理", "赵", "purchasing", "manager");
        user("gm", "总", "陈", "office", "gm");
        user("seal", "印", "刘", "office", "seal");
        user("archivist", "档", "孙", "office", "archivist");
        user("auditor", "审", "周", "legaldept", "auditor");
    }

    private void user(String id, String firstName, String lastName, String department, String role) {
        directory.ensureUser(id, firstName, lastName, id + "@demo.econtract.cn", PASSWORD, false);
        directory.ensureMembership(id, department);
        directory.ensureMembership(id, role);
    }
}
