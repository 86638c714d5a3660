/**
 * 文档存储: every document version the platform keeps (signed revisions, archival copies,
 * attachments) as encrypted, content-addressed, write-once objects. {@link DocumentStore} is the
 * engine port — a local directory by default, HDFS to scale out — and {@link Documents} the
 * service that encrypts, addresses and checks on every read.
 */
package cn.econtract.app.storage;
