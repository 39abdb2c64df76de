package dev.bookshelf.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class DynamoDbConfigTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void fromEnvironment_readsEverySetting() {
        DynamoDbConfig config = DynamoDbConfig.fromEnvironment(Map.of("BOOKSHELF_DYNAMODB_TABLE", "shelf-prod",
                "AWS_REGION", "ap-northeast-2", "BOOKSHELF_CURSOR_KEY", KEY));

        assertThat(config.tableName()).isEqualTo("shelf-prod");
        assertThat(config.region()).isEqualTo("ap-northeast-2");
        assertThat(config.endpoint()).isEmpty();
        assertThat(config.cursorKey()).hasSize(32);
    }

    @Test
    void fromEnvironment_withALocalEndpoint_defaultsTheTableAndRegion() {
        DynamoDbConfig config = DynamoDbConfig.fromEnvironment(Map.of(
                "BOOKSHELF_DYNAMODB_ENDPOINT", "http://127.0.0.1:4567", "BOOKSHELF_CURSOR_KEY", KEY));

        assertThat(config.tableName()).isEqualTo("bookshelf");
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.endpoint()).contains(URI.create("http://127.0.0.1:4567"));
        assertThat(CredentialSource.choose(Map.of(), config.endpoint())).isInstanceOf(StaticCredentialsProvider.class);
    }

    @Test
    void fromEnvironment_refusesToRunWithoutASigningKeyOrRegion() {
        assertThatThrownBy(() -> DynamoDbConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1")))
                .hasMessageContaining("BOOKSHELF_CURSOR_KEY");
        assertThatThrownBy(() -> DynamoDbConfig.fromEnvironment(Map.of("BOOKSHELF_CURSOR_KEY", KEY)))
                .hasMessageContaining("region");
        assertThatThrownBy(() -> DynamoDbConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1",
                "BOOKSHELF_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void constructor_reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> new DynamoDbConfig("x", " ", URI.create("ftp://host"), new byte[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table name").hasMessageContaining("region")
                .hasMessageContaining("endpoint").hasMessageContaining("signing key");
    }

    @Test
    void toString_neverShowsTheKey() {
        DynamoDbConfig config = new DynamoDbConfig("bookshelf", "eu-west-1", null,
                "super-secret-signing-key-material!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(config.toString()).doesNotContain("super-secret").contains("35 bytes");
    }
}
