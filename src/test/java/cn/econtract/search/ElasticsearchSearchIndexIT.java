package cn.econtract.search;

import cn.econtract.app.search.ElasticsearchSearchIndex;
import cn.econtract.app.search.SearchIndex;
import cn.econtract.support.ElasticsearchNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The distributed engine against a real Elasticsearch 8.19.6 node started for this class. */
class ElasticsearchSearchIndexIT extends SearchIndexContract {

    private static ElasticsearchNode node;
    private static ElasticsearchSearchIndex shared;

    @BeforeAll
    static void startElasticsearch() throws Exception {
        node = ElasticsearchNode.start();
        shared = new ElasticsearchSearchIndex(node.url(), "contracts-test", null, null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (shared != null) {
            shared.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Override
    SearchIndex newIndex() {
        return shared;
    }
}
