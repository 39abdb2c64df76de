package dev.bookshelf.lambda;

import static dev.bookshelf.lambda.Invocations.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our REST event fixtures use exactly the field names of AWS's own event class (test scope only). */
class FixtureShapeTest {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @ParameterizedTest
    @ValueSource(strings = {"signup.json", "login.json", "add-book.json", "list-books.json", "patch-book.json",
            "delete-book.json", "get-book.json", "health.json", "health-null-maps.json", "signup-base64.json",
            "list-books-duplicate-status.json", "unknown-encoded-path.json", "health-custom-domain.json",
            "preflight-books.json"})
    void restFixture_readsAsApiGatewayProxyRequestEvent_withNoUnknownField(String name) throws Exception {
        APIGatewayProxyRequestEvent event = STRICT.readValue(fixture(name), APIGatewayProxyRequestEvent.class);

        assertThat(event.getHttpMethod()).isNotBlank();
        assertThat(event.getPath()).startsWith("/");
        assertThat(event.getRequestContext().getStage()).isEqualTo("prod");
        assertThat(event.getRequestContext().getRequestId()).isNotBlank();
        assertThat(event.getRequestContext().getIdentity().getSourceIp()).isEqualTo("203.0.113.7");
    }
}
