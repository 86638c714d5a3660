package cn.econtract.app.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Search settings ({@code econtract.search.*}).
 *
 * @param engine    {@code lucene} (default, in memory) or {@code elasticsearch}
 * @param url       Elasticsearch, e.g. {@code http://search:9200}
 * @param index     the Elasticsearch index
 * @param analyzer  the Elasticsearch analyzer for Chinese text: {@code standard} (every cluster has it) or one
 *                  of a plugin the cluster has, e.g. {@code smartcn}
 * @param autoDrain index outbox entries every second (tests drain by hand)
 */
@ConfigurationProperties("econtract.search")
public record SearchProperties(String engine, String url, String index, String analyzer, String username, String password,
                               Boolean autoDrain) {

    public SearchProperties {
        engine = engine == null || engine.isBlank() ? "lucene" : engine.strip();
        index = index == null || index.isBlank() ? "econtract-contracts" : index.strip();
        autoDrain = autoDrain == null || autoDrain;
    }
}
