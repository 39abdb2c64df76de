package dev.bookshelf.core.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshelf.core.testing.SourceRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreDependsOnJdkOnlyTest {
    private static final String[] TRANSPORT_AND_VENDOR_PACKAGES = {
        "io.vertx", "com.amazonaws", "software.amazon", "com.fasterxml"
    };

    /** Surefire runs with the module directory as its working directory. */
    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");
    private static final Path REUSABLE_FAKES = Path.of("src", "test", "java", "dev", "bookshelf", "core", "testing");

    @Test
    void coreMainSources_referenceNoTransportJsonOrAwsPackage() {
        SourceRules.assertNoReferences(MAIN_SOURCES, TRANSPORT_AND_VENDOR_PACKAGES);
    }

    @Test
    void reusableTestFakes_referenceNoTransportJsonOrAwsPackage_soEveryModuleCanUseThem() {
        SourceRules.assertNoReferences(REUSABLE_FAKES, TRANSPORT_AND_VENDOR_PACKAGES);
    }

    @Test
    void sourceRules_withAForbiddenImport_failsNamingTheFileAndLine(@TempDir Path root) throws IOException {
        write(root.resolve("dev/bookshelf/core/Leaky.java"),
                "package dev.bookshelf.core;\n\nimport io.vertx.core.Vertx;\n\nclass Leaky {}\n");

        assertThatThrownBy(() -> SourceRules.assertNoReferences(root, TRANSPORT_AND_VENDOR_PACKAGES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Leaky.java:3")
                .hasMessageContaining("import io.vertx.core.Vertx;");
    }

    @Test
    void sourceRules_withAFullyQualifiedMentionAndNoImport_failsToo(@TempDir Path root) throws IOException {
        write(root.resolve("Sneaky.java"), "class Sneaky {\n"
                + "    Object mapper = new com.fasterxml.jackson.databind.ObjectMapper();\n"
                + "    Object client = software.amazon.awssdk.services.dynamodb.DynamoDbClient.create();\n"
                + "}\n");

        assertThatThrownBy(() -> SourceRules.assertNoReferences(root, TRANSPORT_AND_VENDOR_PACKAGES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Sneaky.java:2")
                .hasMessageContaining("Sneaky.java:3");
    }

    @Test
    void sourceRules_listsEveryViolatingFile_notOnlyTheFirst(@TempDir Path root) throws IOException {
        write(root.resolve("a/One.java"), "import com.amazonaws.services.lambda.runtime.Context;\nclass One {}\n");
        write(root.resolve("b/Two.java"), "class Two {}\n// uses io.vertx.core.json.JsonObject\n");

        assertThatThrownBy(() -> SourceRules.assertNoReferences(root, TRANSPORT_AND_VENDOR_PACKAGES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("One.java:1")
                .hasMessageContaining("Two.java:2");
    }

    @Test
    void sourceRules_withOnlyLookalikeNames_passes(@TempDir Path root) throws IOException {
        write(root.resolve("Clean.java"), "import java.util.List;\n"
                + "class Clean {\n"
                + "    String radio = \"studio.vertxlike\";\n"
                + "    String other = \"bio.vertx.lab\";\n"
                + "}\n");

        assertThatCode(() -> SourceRules.assertNoReferences(root, TRANSPORT_AND_VENDOR_PACKAGES))
                .doesNotThrowAnyException();
    }

    @Test
    void sourceRules_onADirectoryWithoutJavaFiles_failsInsteadOfPassingSilently(@TempDir Path root)
            throws IOException {
        write(root.resolve("README.md"), "import io.vertx.core.Vertx;\n");

        assertThatThrownBy(() -> SourceRules.assertNoReferences(root, TRANSPORT_AND_VENDOR_PACKAGES))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void sourceRules_onAMissingDirectory_fails(@TempDir Path root) {
        assertThatThrownBy(() -> SourceRules.assertNoReferences(root.resolve("nowhere"), "io.vertx"))
                .isInstanceOf(AssertionError.class);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
