package cn.econtract.app.search;

/** The search engine port: Lucene in the process, or Elasticsearch. Both pass {@code SearchIndexContract}. */
public interface SearchIndex extends AutoCloseable {

    /** Adds or replaces the contract's entry (idempotent). */
    void upsert(IndexedContract contract);

    void delete(String contractId);

    SearchResult search(SearchQuery query);

    /** Drops every entry (before a full reindex). */
    void clear();

    /** Many at once (a reindex): engines with a bulk API override this. */
    default void upsertAll(java.util.List<IndexedContract> contracts) {
        contracts.forEach(this::upsert);
    }

    @Override
    default void close() throws Exception {
    }

    /** For operators, e.g. {@code lucene (memory)} or {@code elasticsearch http://…/econtract-contracts}. */
    String describe();
}
