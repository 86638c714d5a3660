package cn.econtract.app.audit;

/** What was done. Kept in the log as the enum name; labels come from the message bundles. */
public enum OperationAction {
    LOGIN, LOGOUT, LOGIN_FAILED,
    VIEW, DOWNLOAD, CREATE, MODIFY, DELETE, SUBMIT, APPROVE, REJECT, RETURN, WITHDRAW, TRANSFER, ADD_APPROVER, STATUS_CHANGE, SIGN, EXPORT,
    PERMISSION_CHANGE, KEY_ROTATION, PURGE,
    ARCHIVE, BORROW, DESTROY,
    BACKUP, RESTORE
}
