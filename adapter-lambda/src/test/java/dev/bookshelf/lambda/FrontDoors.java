package dev.bookshelf.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshelf.lambda.local.ClientRequest;
import dev.bookshelf.lambda.local.FrontDoor;
import dev.bookshelf.lambda.local.GatewayResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Requests sent through each front door to the handler, and its answers read back as that door would. */
final class FrontDoors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FrontDoors() {
    }

    static Answer call(BookshelfHandler handler, FrontDoor door, ClientRequest request) {
        return call(handler, door, door.event(request));
    }

    static Answer call(BookshelfHandler handler, FrontDoor door, byte[] event) {
        byte[] raw = Invocations.invokeRaw(handler, event, StubContext.withRequestId("lambda-invocation-" + door));
        return new Answer(door, ProxyResponse.parse(raw).json(), GatewayResponse.parse(raw));
    }

    /** One answer: the envelope as written and the HTTP response the front door makes of it. */
    record Answer(FrontDoor door, JsonNode envelope, GatewayResponse http) {
        int status() {
            return http.status();
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(http.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return http.header(name).orElse(null);
        }

        /** A problem of this type and status, in this front door's response format. */
        Answer assertProblem(int status, String type) {
            assertFormat();
            assertThat(status()).as("%s %s", door, json()).isEqualTo(status);
            assertThat(json().path("type").asText()).isEqualTo("/problems/" + type);
            assertThat(json().path("status").asInt()).isEqualTo(status);
            assertThat(header("Content-Type")).isEqualTo("application/json; charset=utf-8");
            return this;
        }

        /** The fields of this front door's response format, and only those. */
        Answer assertFormat() {
            assertThat(envelope.path("statusCode").isInt()).isTrue();
            assertThat(envelope.path("body").isTextual()).isTrue();
            assertThat(envelope.path("isBase64Encoded").isBoolean()).isTrue();
            switch (door) {
                case REST -> assertThat(names()).containsExactlyInAnyOrder("statusCode", "multiValueHeaders", "body",
                        "isBase64Encoded");
                case HTTP_API, FUNCTION_URL -> {
                    assertThat(names()).contains("headers").doesNotContain("multiValueHeaders", "statusDescription");
                    envelope.get("headers").forEach(v -> assertThat(v.isTextual()).isTrue());
                }
                case ALB -> {
                    assertThat(names()).containsExactlyInAnyOrder("statusCode", "statusDescription", "headers", "body",
                            "isBase64Encoded");
                    envelope.get("headers").forEach(v -> assertThat(v.isTextual()).isTrue());
                }
                case ALB_MULTI_VALUE -> assertThat(names()).containsExactlyInAnyOrder("statusCode", "statusDescription",
                        "multiValueHeaders", "body", "isBase64Encoded");
            }
            if (door == FrontDoor.ALB || door == FrontDoor.ALB_MULTI_VALUE) {
                assertThat(envelope.get("statusDescription").asText())
                        .isEqualTo(status() + " " + StatusLine.reason(status()));
            }
            return this;
        }

        private java.util.List<String> names() {
            java.util.List<String> names = new java.util.ArrayList<>();
            envelope.properties().forEach(e -> names.add(e.getKey()));
            return names;
        }
    }
}
