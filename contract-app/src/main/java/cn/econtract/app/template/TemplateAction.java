package cn.econtract.app.template;

import cn.econtract.app.identity.Permission;

/** What a template access rule narrows: each action also needs its global permission. */
public enum TemplateAction {
    USE(Permission.TEMPLATE_USE), EDIT(Permission.TEMPLATE_EDIT), PUBLISH(Permission.TEMPLATE_PUBLISH);

    private final Permission permission;

    TemplateAction(Permission permission) {
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }
}
