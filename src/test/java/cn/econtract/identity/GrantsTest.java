package cn.econtract.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.identity.Grants;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.identity.PermissionScope;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantsTest {

    private final Grants drafter = new Grants(Map.of(Permission.CONTRACT_VIEW, PermissionScope.OWN_DEPARTMENT));
    private final Grants legal = new Grants(Map.of(Permission.CONTRACT_VIEW, PermissionScope.ALL));

    @Test
    void ownDepartmentScopeReachesOnlyOwnDepartments() {
        assertThat(drafter.allowsIn(Permission.CONTRACT_VIEW, "purchasing", Set.of("purchasing"))).isTrue();
        assertThat(drafter.allowsIn(Permission.CONTRACT_VIEW, "sales", Set.of("purchasing"))).isFalse();
        assertThat(drafter.allowsIn(Permission.CONTRACT_VIEW, null, Set.of("purchasing"))).isFalse();
    }

    @Test
    void allScopeReachesEveryDepartment() {
        assertThat(legal.allowsIn(Permission.CONTRACT_VIEW, "sales", Set.of())).isTrue();
    }

    @Test
    void nothingIsAllowedThatWasNotGranted() {
        assertThat(legal.allows(Permission.CONTRACT_DELETE)).isFalse();
        assertThat(legal.allowsIn(Permission.CONTRACT_DELETE, "sales", Set.of("sales"))).isFalse();
        assertThat(Grants.NONE.allows(Permission.CONTRACT_VIEW)).isFalse();
    }
}
