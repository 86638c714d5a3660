package cn.econtract.app.storage;

import org.springframework.context.annotation.Import;

/** The document store for a worker process; the application scans these beans itself. */
@Import({StorageConfiguration.class, Documents.class})
public class StorageForWorkers {
}
