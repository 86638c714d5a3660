/**
 * 备份与恢复 for the embedded default (H2 file database, local document store, PKCS#12 key
 * store): online snapshots on a schedule or by command, a restore that checks the snapshot before
 * it writes anything and every document and evidence chain after. PostgreSQL and HDFS are backed
 * up with their own tools (docs/backup.md).
 */
package cn.econtract.app.backup;
