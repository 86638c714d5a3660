package cn.econtract.app.search;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(SearchProperties properties) {
        return switch (properties.engine()) {
            case "lucene" -> new LuceneSearchIndex();
            case "elasticsearch" -> {
                if (properties.url() == null || properties.url().isBlank()) {
                    throw new IllegalStateException("econtract.search.engine=elasticsearch needs econtract.search.url");
                }
                yield new ElasticsearchSearchIndex(properties.url(), properties.index(), properties.username(), properties.password(),
                        properties.analyzer());
            }
            default -> throw new IllegalStateException("econtract.search.engine is lucene or elasticsearch, not " + properties.engine());
        };
    }
}
