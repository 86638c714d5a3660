package cn.econtract.app.archive;

import cn.econtract.app.identity.Permission;
import cn.econtract.app.identity.PermissionScope;
import cn.econtract.app.identity.UserProfile;
import cn.econtract.app.kernel.BusinessException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who reaches what in the archive. The register (metadata) is open to anyone who may read,
 * borrow or manage archives of the item's department; the content only to readers and managers,
 * or to a borrower during an approved loan.
 */
final class ArchiveAccess {

    private static final List<Permission> ANY = List.of(Permission.ARCHIVE_READ, Permission.ARCHIVE_BORROW, Permission.ARCHIVE_MANAGE);

    private ArchiveAccess() {
    }

    /** Departments whose items the user may see in the register; empty: every department; 403 without any archive permission. */
    static Optional<Set<String>> browsable(UserProfile user) {
        if (ANY.stream().noneMatch(user::can)) {
            throw BusinessException.forbidden(Permission.ARCHIVE_READ.code());
        }
        boolean everywhere = ANY.stream().anyMatch(p -> user.grants().scopeOf(p).filter(s -> s == PermissionScope.ALL).isPresent());
        return everywhere ? Optional.empty() : Optional.of(user.departmentIds());
    }

    static boolean mayBrowse(UserProfile user, ArchiveRecord record) {
        return ANY.stream().anyMatch(p -> user.canIn(p, record.departmentId()));
    }

    static boolean mayRead(UserProfile user, ArchiveRecord record) {
        return user.canIn(Permission.ARCHIVE_READ, record.departmentId()) || user.canIn(Permission.ARCHIVE_MANAGE, record.departmentId());
    }
}
