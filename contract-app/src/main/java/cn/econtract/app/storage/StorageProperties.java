package cn.econtract.app.storage;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where document objects live ({@code econtract.storage.*}).
 *
 * @param engine         {@code local} (default) or {@code hdfs}
 * @param localDirectory the local store's root (ciphertext only)
 * @param hdfsUri        the NameNode, e.g. {@code hdfs://namenode:8020}
 * @param hdfsRoot       the directory in HDFS
 * @param hdfsUser       the HDFS user to act as (simple authentication), empty for the process's
 */
@ConfigurationProperties("econtract.storage")
public record StorageProperties(String engine, Path localDirectory, URI hdfsUri, String hdfsRoot, String hdfsUser) {

    public StorageProperties {
        engine = engine == null || engine.isBlank() ? "local" : engine.strip();
        localDirectory = localDirectory == null ? Path.of("data", "documents") : localDirectory;
        hdfsUri = hdfsUri == null || hdfsUri.toString().isBlank() ? null : hdfsUri;
        hdfsRoot = hdfsRoot == null || hdfsRoot.isBlank() ? "/econtract/documents" : hdfsRoot;
    }
}
