package cn.econtract.app.template;

/** A line of the template library: the template and its newest published version. */
public record TemplateSummary(String id, String code, String name, String category, String contractType,
                              Integer publishedVersion, String description) {
}
