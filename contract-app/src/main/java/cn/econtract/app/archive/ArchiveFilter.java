package cn.econtract.app.archive;

/** Browsing the archive: any of category, year, department and a text in the number, contract number or title. */
public record ArchiveFilter(String category, Integer year, String departmentId, String text) {
}
