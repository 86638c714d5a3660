package cn.econtract.app.storage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

    @Bean
    DocumentStore documentStore(StorageProperties properties) {
        return switch (properties.engine()) {
            case "local" -> new LocalDocumentStore(properties.localDirectory());
            case "hdfs" -> {
                if (properties.hdfsUri() == null) {
                    throw new IllegalStateException("econtract.storage.engine=hdfs needs econtract.storage.hdfs-uri");
                }
                yield new HdfsDocumentStore(properties.hdfsUri(), properties.hdfsRoot(), properties.hdfsUser());
            }
            default -> throw new IllegalStateException("econtract.storage.engine is local or hdfs, not " + properties.engine());
        };
    }
}
