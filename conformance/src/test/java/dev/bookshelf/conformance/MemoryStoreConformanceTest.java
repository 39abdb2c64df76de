package dev.bookshelf.conformance;

import java.util.Map;

/** The suite with {@code STORE=memory}: each service has its own in-process store. */
class MemoryStoreConformanceTest extends ConformanceSuite {
    @Override
    Map<String, String> storeSettings(int index, String transport) {
        return Map.of("STORE", "memory");
    }

    @Override
    String storeName() {
        return "memory";
    }
}
