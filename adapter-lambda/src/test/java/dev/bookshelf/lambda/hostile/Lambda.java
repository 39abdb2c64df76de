package dev.bookshelf.lambda.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bookshelf.api.hostile.Hostile;
import dev.bookshelf.api.support.ApiFixture;
import dev.bookshelf.lambda.BookshelfHandler;
import dev.bookshelf.lambda.local.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One handler, as the Lambda runtime drives it (byte streams in and out), with its log captured.
 * The handler is built by its public factory {@code forEnvironment}.
 */
final class Lambda {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String JSON_TYPE = "application/json; charset=utf-8";

    private final BookshelfHandler handler;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private Lambda(Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>(ApiFixture.baseEnv());
        env.putAll(overrides);
        this.handler = BookshelfHandler.forEnvironment(env, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    static Lambda start(Map<String, String> overrides) {
        return new Lambda(overrides);
    }

    /** The raw bytes the handler wrote for {@code event}; the handler must not throw. */
    byte[] invokeRaw(byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, new LocalContext(UUID.randomUUID().toString(), 30_000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    Proxy invoke(byte[] event) {
        return Proxy.parse(invokeRaw(event));
    }

    Proxy invoke(Event event) {
        return invoke(event.bytes());
    }

    String log() {
        synchronized (log) {
            return log.toString(StandardCharsets.UTF_8);
        }
    }

    /** A REST API (payload 1.0) proxy event, shaped as API Gateway sends it. */
    static final class Event {
        private final ObjectNode root = MAPPER.createObjectNode();
        private final ObjectNode headers = root.putObject("headers");
        private final ObjectNode multi = root.putObject("multiValueHeaders");

        Event(String method, String path) {
            root.put("resource", "/{proxy+}");
            root.put("path", path);
            root.put("httpMethod", method);
            root.putNull("queryStringParameters");
            root.putNull("multiValueQueryStringParameters");
            root.putObject("pathParameters").put("proxy", path.isEmpty() ? "" : path.substring(1));
            root.putNull("stageVariables");
            ObjectNode context = root.putObject("requestContext");
            context.put("requestId", UUID.randomUUID().toString());
            context.put("stage", "prod");
            context.put("httpMethod", method);
            context.putObject("identity").put("sourceIp", "203.0.113.9");
            root.putNull("body");
            root.put("isBase64Encoded", false);
            header("Host", "a1b2c3d4e5.execute-api.ap-northeast-2.amazonaws.com");
        }

        Event header(String name, String value) {
            headers.put(name, value);
            multi.putArray(name).add(value);
            return this;
        }

        Event bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Event json(String body) {
            header("Content-Type", "application/json");
            root.put("body", body);
            return this;
        }

        /** Any bytes as the body, base64-encoded as API Gateway sends binary bodies. */
        Event jsonBytes(byte[] body) {
            header("Content-Type", "application/json");
            root.put("body", Base64.getEncoder().encodeToString(body));
            root.put("isBase64Encoded", true);
            return this;
        }

        ObjectNode root() {
            return root;
        }

        byte[] bytes() {
            try {
                return MAPPER.writeValueAsBytes(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A proxy response as written, with reading helpers. */
    record Proxy(JsonNode json) {
        static Proxy parse(byte[] bytes) {
            try {
                return new Proxy(MAPPER.readTree(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + new String(bytes, StandardCharsets.UTF_8), e);
            }
        }

        int status() {
            return json.path("statusCode").intValue();
        }

        List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            json.path("multiValueHeaders").properties().forEach(h -> {
                if (h.getKey().equalsIgnoreCase(name)) {
                    h.getValue().forEach(v -> values.add(v.asText()));
                }
            });
            return values;
        }

        String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }

        byte[] bodyBytes() {
            String body = json.path("body").asText();
            return json.path("isBase64Encoded").booleanValue() ? Base64.getDecoder().decode(body)
                    : body.getBytes(StandardCharsets.UTF_8);
        }

        String text() {
            return new String(bodyBytes(), StandardCharsets.UTF_8);
        }

        JsonNode body() {
            try {
                return MAPPER.readTree(bodyBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("body not JSON: " + this, e);
            }
        }

        /** A JSON problem with one of {@code statuses}, our headers, and no internals; returns the body. */
        JsonNode assertProblem(Integer... statuses) {
            assertThat(status()).as("%s", this).isIn((Object[]) statuses);
            assertThat(header("Content-Type")).as("%s", this).isEqualTo(JSON_TYPE);
            JsonNode body = body();
            assertThat(body.path("type").asText()).startsWith("/problems/");
            assertThat(body.path("status").asInt()).isEqualTo(status());
            assertThat(body.path("message").asText()).isNotBlank();
            assertThat(body.path("requestId").asText()).isEqualTo(header("X-Request-Id")).isNotBlank();
            assertSecurityHeaders();
            Hostile.assertNoInternals(text());
            return body;
        }

        void assertSecurityHeaders() {
            assertThat(headers("X-Content-Type-Options")).as("%s", this).containsExactly("nosniff");
            assertThat(headers("Cache-Control")).as("%s", this).containsExactly("no-store");
            assertThat(header("Server")).isNull();
            assertThat(header("X-Powered-By")).isNull();
        }

        @Override
        public String toString() {
            return json.toString();
        }
    }
}
