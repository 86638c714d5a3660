/**
 * 检索 (F4.3): full text and filters over contracts, through one port — Lucene in the process
 * (Chinese-aware, kept in memory and rebuilt from the database at start, so no plaintext index
 * reaches the disk) or Elasticsearch. The index follows the database through a transactional
 * outbox; results are cut to what the caller may view.
 */
package cn.econtract.app.search;
