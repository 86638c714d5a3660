package cn.econtract.search;

import cn.econtract.app.search.LuceneSearchIndex;
import cn.econtract.app.search.SearchIndex;

/** The embedded default: Lucene in memory with the SmartChineseAnalyzer. */
class LuceneSearchIndexTest extends SearchIndexContract {

    @Override
    SearchIndex newIndex() {
        return new LuceneSearchIndex();
    }
}
