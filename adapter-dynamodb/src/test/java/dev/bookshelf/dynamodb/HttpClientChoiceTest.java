package dev.bookshelf.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointParams;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;

/** BOOKSHELF_DYNAMODB_HTTP_CLIENT, and building the client for AWS itself (no endpoint override). */
class HttpClientChoiceTest {
    private static final byte[] KEY = "a test key of thirty-two bytes or more!".getBytes(StandardCharsets.US_ASCII);

    @Test
    void setting_acceptsCrtAndUrlConnection_andDefaultsToTheClasspath() {
        assertThat(HttpClientChoice.parse(null)).isEqualTo(HttpClientChoice.AUTO);
        assertThat(HttpClientChoice.parse("  ")).isEqualTo(HttpClientChoice.AUTO);
        assertThat(HttpClientChoice.parse("crt")).isEqualTo(HttpClientChoice.CRT);
        assertThat(HttpClientChoice.parse(" URL-Connection ")).isEqualTo(HttpClientChoice.URL_CONNECTION);
    }

    @Test
    void setting_refusesAnythingElse_namingTheVariableAndTheChoices() {
        assertThatThrownBy(() -> HttpClientChoice.parse("netty"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DynamoDbConfig.ENV_HTTP_CLIENT)
                .hasMessageContaining("crt or url-connection").hasMessageContaining("netty");
        assertThatThrownBy(() -> DynamoDbConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1",
                DynamoDbConfig.ENV_CURSOR_KEY, Base64.getEncoder().encodeToString(KEY),
                DynamoDbConfig.ENV_HTTP_CLIENT, "apache")))
                .hasMessageContaining(DynamoDbConfig.ENV_HTTP_CLIENT);
    }

    @Test
    void fromEnvironment_readsTheChoice() {
        DynamoDbConfig config = DynamoDbConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1",
                DynamoDbConfig.ENV_CURSOR_KEY, Base64.getEncoder().encodeToString(KEY),
                DynamoDbConfig.ENV_HTTP_CLIENT, "url-connection"));

        assertThat(config.httpClient()).isEqualTo(HttpClientChoice.URL_CONNECTION);
        assertThat(config.toString()).contains("URL_CONNECTION");
    }

    @Test
    void auto_prefersCrt_whenItIsOnTheClasspath() {
        assertThat(HttpClientChoice.AUTO.resolve()).isEqualTo(HttpClientChoice.CRT);
        assertThat(HttpClientChoice.URL_CONNECTION.resolve()).isEqualTo(HttpClientChoice.URL_CONNECTION);
    }

    @Test
    void production_withoutEndpointOverride_buildsBothClients() {
        for (HttpClientChoice choice : new HttpClientChoice[] {HttpClientChoice.CRT, HttpClientChoice.URL_CONNECTION}) {
            DynamoDbConfig config = new DynamoDbConfig("bookshelf", "eu-west-1", null, KEY, choice);
            try (DynamoDbStore store = DynamoDbStore.create(config)) {
                assertThat(store.users()).isNotNull();
                assertThat(store.books()).isNotNull();
            }
        }
    }

    @Test
    void production_withoutEndpointOverride_resolvesTheRegionalEndpoint_onBothClients() {
        DynamoDbConfig config = new DynamoDbConfig("bookshelf", "eu-west-1", null, KEY);
        var credentials = CredentialSource.choose(java.util.Map.of(), config.endpoint());
        for (DynamoDbAsyncClient client : List.of(CrtClients.build(config, credentials),
                UrlConnectionClients.build(config, credentials))) {
            try (client) {
                URI endpoint = ((DynamoDbEndpointProvider) client.serviceClientConfiguration().endpointProvider()
                        .orElseThrow()).resolveEndpoint(DynamoDbEndpointParams.builder().region(Region.EU_WEST_1).build())
                        .join().url();

                assertThat(endpoint.getScheme()).isEqualTo("https");
                assertThat(endpoint.getHost()).startsWith("dynamodb.eu-west-1.");
                assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            }
        }
    }
}
