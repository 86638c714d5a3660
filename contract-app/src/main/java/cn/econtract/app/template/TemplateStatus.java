package cn.econtract.app.template;

/** A template version's life: drafts change, published versions are immutable, retired ones are kept. */
public enum TemplateStatus {
    DRAFT, PUBLISHED, RETIRED
}
