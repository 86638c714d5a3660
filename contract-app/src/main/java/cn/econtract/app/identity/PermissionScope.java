package cn.econtract.app.identity;

/** How far a permission reaches: the holder's own departments, or every department. */
public enum PermissionScope {
    OWN_DEPARTMENT, ALL;

    PermissionScope widest(PermissionScope other) {
        return this == ALL || other == ALL ? ALL : OWN_DEPARTMENT;
    }
}
