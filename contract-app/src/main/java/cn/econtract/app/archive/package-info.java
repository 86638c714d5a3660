/**
 * 归档 (F4.2): completed contracts filed under an archive number 全宗号-年度-保管期限-类别-件号
 * (DA/T 22) with a PDF/A-3b archival copy that embeds the signed original and its evidence, and a
 * package with a manifest; browsing by category, year and department; loans (借阅) with approval
 * and expiry; at the end of a fixed term a destruction review, never a silent deletion. Classes
 * and terms are decided in {@code archive-classification.dmn}, the flows in the archive BPMN models.
 */
package cn.econtract.app.archive;
