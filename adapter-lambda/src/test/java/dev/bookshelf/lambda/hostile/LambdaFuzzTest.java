package dev.bookshelf.lambda.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshelf.api.hostile.Jsonish;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing the Lambda event reader through {@code handleRequest}: whatever bytes arrive, the
 * handler never throws and always writes one well-formed proxy response (integer statusCode,
 * multiValueHeaders of string lists, string body, boolean isBase64Encoded). A well-formed proxy
 * event is never answered 500; only a non-proxy event gets the documented 500. Refusals carry a
 * JSON problem (except answers to HEAD, which have no body). Tries: {@code fuzz.tries}.
 */
class LambdaFuzzTest {
    private static final List<String> EVENT_KEYS = List.of("httpMethod", "path", "headers", "multiValueHeaders",
            "queryStringParameters", "multiValueQueryStringParameters", "body", "isBase64Encoded", "requestContext",
            "version", "resource", "pathParameters");
    private static final List<String> PATHS = List.of("/health", "/me", "/books", "/books/abc", "/auth/login",
            "/auth/signup", "/nowhere", "/books/../me", "/%2e%2e/me", "/books/%zz", "/");

    private final Lambda lambda = Lambda.start(Map.of());
    private final String token = signUpAndLogIn();

    private String signUpAndLogIn() {
        String body = "{\"email\":\"fuzz@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"F\"}";
        lambda.invoke(new Lambda.Event("POST", "/auth/signup").json(body));
        return lambda.invoke(new Lambda.Event("POST", "/auth/login")
                .json("{\"email\":\"fuzz@example.com\",\"password\":\"correct horse battery\"}")).body()
                .path("token").asText();
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
    }

    /** JSON-ish objects built from the event's own keys, with values of any type and shape, often broken. */
    @Provide
    Arbitrary<byte[]> jsonishEvents() {
        return Jsonish.objectBytes(EVENT_KEYS);
    }

    /** A valid event, as text, then cut, a character changed or inserted, or doubled. */
    @Provide
    Arbitrary<byte[]> mutatedEvents() {
        return Jsonish.mutated(wellFormedEvents().map(b -> new String(b, StandardCharsets.UTF_8)))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    /** Proxy events of the right shape whose method, path, headers and body are anything. */
    @Provide
    Arbitrary<byte[]> wellFormedEvents() {
        Arbitrary<String> method = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("GET", "POST", "PATCH", "DELETE", "OPTIONS", "HEAD")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(10)));
        Arbitrary<String> path = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(PATHS)),
                Tuple.of(1, Jsonish.anyText(40).map(p -> "/" + p)));
        Arbitrary<Map<String, String>> headers = Arbitraries.maps(
                Arbitraries.of("Content-Type", "Authorization", "Origin", "Accept-Language", "If-Match",
                        "Access-Control-Request-Method", "Access-Control-Request-Headers", "X-Anything"),
                Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of("application/json", "Bearer " + token,
                        "https://app.example.com", "ko", "\"1\"", "POST", "authorization")),
                        Tuple.of(1, Jsonish.anyText(30)))).ofMaxSize(5);
        Arbitrary<byte[]> body = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(new byte[0])),
                Tuple.of(4, Jsonish.bodies(List.of("title", "author", "status", "email", "password", "displayName"))));
        Arbitrary<Boolean> base64 = Arbitraries.of(true, false);
        Arbitrary<Boolean> authorized = Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false));
        return Combinators.combine(method, path, headers, body, base64, authorized).as((m, p, h, b, b64, auth) -> {
            Lambda.Event event = new Lambda.Event(m, p);
            if (auth) {
                event.bearer(token);
            }
            h.forEach(event::header);
            String text = new String(b, StandardCharsets.UTF_8);
            event.root().put("body", b64 ? Base64.getEncoder().encodeToString(b) : text);
            event.root().put("isBase64Encoded", b64);
            return event.bytes();
        });
    }

    @Property
    void anyBytes_getAWellFormedProxyResponse(@ForAll("anyBytes") byte[] event) {
        assertWellFormed(lambda.invokeRaw(event));
    }

    @Property
    void jsonishEvents_getAWellFormedProxyResponse(@ForAll("jsonishEvents") byte[] event) {
        assertWellFormed(lambda.invokeRaw(event));
    }

    @Property
    void mutatedEvents_getAWellFormedProxyResponse(@ForAll("mutatedEvents") byte[] event) {
        assertWellFormed(lambda.invokeRaw(event));
    }

    @Property
    void wellFormedEvents_areNeverAnswered500(@ForAll("wellFormedEvents") byte[] event) {
        Lambda.Proxy answer = assertWellFormed(lambda.invokeRaw(event));

        assertThat(answer.status()).as("%s", answer).isBetween(200, 499);
    }

    @AfterProperty
    void noUnexpectedFailureWasLogged() {
        assertThat(lambda.log()).doesNotContain("\"level\":\"ERROR\"");
    }

    private static Lambda.Proxy assertWellFormed(byte[] written) {
        Lambda.Proxy answer = Lambda.Proxy.parse(written);
        JsonNode json = answer.json();
        assertThat(json.isObject()).as("%s", answer).isTrue();
        assertThat(json.path("statusCode").isInt()).as("%s", answer).isTrue();
        assertThat(answer.status()).isBetween(200, 599);
        assertThat(json.path("isBase64Encoded").isBoolean()).isTrue();
        assertThat(json.path("body").isTextual()).isTrue();
        assertThat(json.path("multiValueHeaders").isObject()).isTrue();
        json.path("multiValueHeaders").forEach(values -> {
            assertThat(values.isArray()).isTrue();
            values.forEach(v -> assertThat(v.isTextual()).isTrue());
        });
        answer.assertSecurityHeaders();
        if (answer.status() >= 400 && answer.bodyBytes().length > 0) {
            answer.assertProblem(answer.status());
        }
        Statistics.label("status").collect(answer.status());
        return answer;
    }
}
