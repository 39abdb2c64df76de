package dev.bookshelf.http;

import dev.bookshelf.core.testing.SourceRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The HTTP adapter depends inward only: never on another adapter, never on AWS. */
class AdapterArchitectureTest {

    @Test
    void adapterSources_referenceNoOtherAdapterAndNoAwsPackage() {
        SourceRules.assertNoReferences(Path.of("src", "main", "java"),
                "dev.bookshelf.lambda", "dev.bookshelf.dynamodb", "com.amazonaws", "software.amazon");
    }
}
