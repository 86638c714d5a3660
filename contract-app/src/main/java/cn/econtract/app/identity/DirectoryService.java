package cn.econtract.app.identity;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.stereotype.Service;

/**
 * The user directory, read and written through Camunda's identity service so that our UI, our
 * API, Tasklist, Cockpit and Admin all see the same users and groups.
 */
@Service
public class DirectoryService {

    private final IdentityService identity;

    public DirectoryService(IdentityService identity) {
        this.identity = identity;
    }

    public Optional<User> user(String userId) {
        return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult());
    }

    public List<Department> departmentsOf(String userId) {
        return groupsOf(userId, GroupType.DEPARTMENT).stream().map(g -> new Department(g.getId(), g.getName())).toList();
    }

    public List<String> rolesOf(String userId) {
        return groupsOf(userId, GroupType.ROLE).stream().map(Group::getId).toList();
    }

    public List<Group> roles() {
        return identity.createGroupQuery().groupType(GroupType.ROLE).orderByGroupId().asc().list();
    }

    public List<Group> departments() {
        return identity.createGroupQuery().groupType(GroupType.DEPARTMENT).orderByGroupId().asc().list();
    }

    /** Ids of the users in {@code groupId}, and in {@code alsoIn} too when that is given. */
    public List<String> members(String groupId, String alsoIn) {
        List<String> members = identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(User::getId).toList();
        if (alsoIn == null) {
            return members;
        }
        java.util.Set<String> other = new java.util.HashSet<>(identity.createUserQuery().memberOfGroup(alsoIn).list().stream()
                .map(User::getId).toList());
        return members.stream().filter(other::contains).toList();
    }

    public boolean hasAnyUser() {
        return identity.createUserQuery().count() > 0;
    }

    public void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    /**
     * Creates a user unless one exists. {@code enforcePolicy} false is for seeded demo accounts
     * only; every other path goes through Camunda's password policy.
     */
    public void ensureUser(String id, String firstName, String lastName, String email, String password,
                           boolean enforcePolicy) {
        if (user(id).isPresent()) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword(password);
        ((IdentityServiceImpl) identity).saveUser(user, !enforcePolicy);
    }

    public void ensureMembership(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    public void unlock(String userId) {
        identity.unlockUser(userId);
    }

    private List<Group> groupsOf(String userId, String type) {
        return identity.createGroupQuery().groupMember(userId).groupType(type).orderByGroupId().asc().list();
    }
}
