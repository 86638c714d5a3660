/**
 * 文档 Contract documents: laying a contract out (title, parties, numbered clauses, tables,
 * signature block), rendering it to HTML, PDF (PDFBox through openhtmltopdf, CJK fonts embedded,
 * byte-for-byte reproducible) and Word (docx4j), reading uploaded Word and PDF files after checking
 * them, and importing Word templates.
 */
package cn.econtract.app.document;
