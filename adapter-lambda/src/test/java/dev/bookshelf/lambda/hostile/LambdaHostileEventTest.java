package dev.bookshelf.lambda.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bookshelf.api.hostile.BodyCorpus;
import dev.bookshelf.api.support.ApiFixture;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile REST proxy events through the handler. Bodies, paths and methods a client controls get
 * a 4xx problem; an event API Gateway would never send (fields of the wrong type, no event at all)
 * is a deployment fault, answered with the documented 500 lambda-proxy-integration-required
 * problem. Nothing is stored half-way, and the next event is served.
 */
class LambdaHostileEventTest {
    private static final String BOOK = "{\"title\":\"Dune\",\"author\":\"Frank Herbert\",\"status\":\"READING\"}";
    private static final String WIRE = "{\"email\":\"wire@example.com\",\"password\":\"" + ApiFixture.PASSWORD
            + "\",\"displayName\":\"Wire\"}";
    private static final Lambda LAMBDA = Lambda.start(Map.of("LOGIN_MAX_FAILURES_PER_ACCOUNT", "1000",
            "LOGIN_MAX_FAILURES_PER_SOURCE", "100000"));
    private static final String TOKEN = signUpAndLogIn("lambda-reader@example.com");

    private static String signUpAndLogIn(String email) {
        String account = "{\"email\":\"" + email + "\",\"password\":\"" + ApiFixture.PASSWORD + "\",\"displayName\":\"R\"}";
        assertThat(LAMBDA.invoke(new Lambda.Event("POST", "/auth/signup").json(account)).status()).isEqualTo(201);
        String login = "{\"email\":\"" + email + "\",\"password\":\"" + ApiFixture.PASSWORD + "\"}";
        Lambda.Proxy session = LAMBDA.invoke(new Lambda.Event("POST", "/auth/login").json(login));
        assertThat(session.status()).isEqualTo(200);
        return session.body().path("token").asText();
    }

    private static int bookCount() {
        Lambda.Proxy list = LAMBDA.invoke(new Lambda.Event("GET", "/books").bearer(TOKEN));
        assertThat(list.status()).isEqualTo(200);
        return list.body().path("items").size();
    }

    @AfterEach
    void theNextEventIsServed_andNothingFailedUnexpectedly() {
        assertThat(LAMBDA.invoke(new Lambda.Event("GET", "/health")).status()).isEqualTo(200);
        assertThat(LAMBDA.log()).doesNotContain("\"level\":\"ERROR\"");
    }

    static Stream<BodyCorpus.Case> signUpBodies() {
        return BodyCorpus.forObject(WIRE, "Wire").stream();
    }

    static Stream<BodyCorpus.Case> bookBodies() {
        return BodyCorpus.forObject(BOOK, "Dune").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signUpBodies")
    void signUp_withHostileBase64Body_isAProblem_andStoresNoAccount(BodyCorpus.Case c) {
        Lambda.Proxy answer = LAMBDA.invoke(new Lambda.Event("POST", "/auth/signup").jsonBytes(c.body()));

        answer.assertProblem(c.statuses().toArray(Integer[]::new));
        String login = "{\"email\":\"wire@example.com\",\"password\":\"" + ApiFixture.PASSWORD + "\"}";
        assertThat(LAMBDA.invoke(new Lambda.Event("POST", "/auth/login").json(login)).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bookBodies")
    void addBook_withHostileBody_isAProblem_andStoresNoBook(BodyCorpus.Case c) {
        int before = bookCount();
        String asText = new String(c.body(), StandardCharsets.UTF_8);
        boolean text = java.util.Arrays.equals(asText.getBytes(StandardCharsets.UTF_8), c.body());

        Lambda.Proxy base64 = LAMBDA.invoke(new Lambda.Event("POST", "/books").bearer(TOKEN).jsonBytes(c.body()));
        base64.assertProblem(c.statuses().toArray(Integer[]::new));
        if (text) {
            LAMBDA.invoke(new Lambda.Event("POST", "/books").bearer(TOKEN).json(asText))
                    .assertProblem(c.statuses().toArray(Integer[]::new));
        }
        assertThat(bookCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/books/../me", "/books/./../me", "/%2e%2e/me", "/%2E%2E/me", "/books/%2e%2e/me",
        "/%252e%252e/me", "/books/..%2fme", "/me%00", "/%00/me", "/me/", "//me", "/books/%c0%ae%c0%ae/me",
        "/books/%ff", "/books/%zz", "me", ""})
    void traversalAndDoubleEncodedPaths_neverReachAnotherRoute(String path) {
        Lambda.Proxy answer = LAMBDA.invoke(new Lambda.Event("GET", path).bearer(TOKEN));

        answer.assertProblem(400, 404);
        assertThat(answer.text()).doesNotContain("displayName");
    }

    @ParameterizedTest(name = "{0} /books")
    @ValueSource(strings = {"PROPFIND", "TRACE", "CONNECT", "PUT", "get", "", "G E T"})
    void unknownOrForbiddenMethods_answer405(String method) {
        Lambda.Proxy answer = LAMBDA.invoke(new Lambda.Event(method, "/books").bearer(TOKEN)
                .header("Cookie", "session=secret-cookie"));

        answer.assertProblem(405);
        assertThat(answer.text()).doesNotContain(TOKEN, "secret-cookie");
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"%%%", "abc", "YWJj=x", "eyJ9\u0000", "가나다", "====", "e30=e30="})
    void bodyMarkedBase64ThatIsNot_isA400_andStoresNothing(String body) {
        int before = bookCount();
        Lambda.Event event = new Lambda.Event("POST", "/books").bearer(TOKEN).json(body);
        event.root().put("isBase64Encoded", true);

        JsonNode problem = LAMBDA.invoke(event).assertProblem(400);

        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("body");
        assertThat(bookCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"httpMethod:5", "httpMethod:[]", "path:7", "path:{}", "headers:[]", "headers:\"x\"",
        "multiValueHeaders:{\"A\":\"b\"}", "multiValueHeaders:{\"A\":[1]}", "body:{}", "body:[]", "body:true",
        "isBase64Encoded:\"true\"", "isBase64Encoded:1", "queryStringParameters:[]",
        "multiValueQueryStringParameters:{\"a\":\"b\"}", "requestContext:\"x\"", "requestContext:[]",
        "requestContext:{\"requestId\":5}", "requestContext:{\"identity\":{\"sourceIp\":[]}}"})
    void eventWithAFieldOfTheWrongType_isTheDocumented500_neverAFailure(String field) {
        int colon = field.indexOf(':');
        ObjectNode event = new Lambda.Event("POST", "/books").bearer(TOKEN).json(BOOK).root();
        event.set(field.substring(0, colon), parse(field.substring(colon + 1)));

        assertNotProxy(LAMBDA.invoke(Lambda.MAPPER.valueToTree(event).toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(bookCount()).isZero();
    }

    @ParameterizedTest(name = "missing {0}")
    @ValueSource(strings = {"httpMethod", "path", "requestContext"})
    void eventMissingARequiredField_isTheDocumented500(String field) {
        ObjectNode event = new Lambda.Event("POST", "/books").bearer(TOKEN).json(BOOK).root();
        event.remove(field);

        assertNotProxy(LAMBDA.invoke(event.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(bookCount()).isZero();
    }

    @ParameterizedTest(name = "event ''{0}''")
    @ValueSource(strings = {"", " ", "{}", "null", "[]", "\"\"", "0", "{\"httpMethod\":null,\"path\":null}",
        "{\"requestContext\":{}}", "{", "\u0000", "{\"body\":\"x\"}"})
    void emptyOrForeignEvents_areTheDocumented500(String event) {
        assertNotProxy(LAMBDA.invoke(event.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"httpMethod\":\"GET\",\"httpMethod\":\"DELETE\"", "\"path\":\"/health\",\"path\":\"/me\"",
        "\"headers\":{\"Authorization\":\"Bearer a\",\"Authorization\":\"Bearer b\"}",
        "\"multiValueHeaders\":{\"Authorization\":[\"Bearer a\"],\"Authorization\":[\"Bearer b\"]}",
        "\"requestContext\":{\"requestId\":\"a\",\"requestId\":\"b\"}"})
    void eventWithADuplicateKey_isNeverReadEitherWay(String members) {
        String event = "{\"httpMethod\":\"GET\",\"path\":\"/health\",\"requestContext\":{}," + members + "}";

        assertNotProxy(LAMBDA.invoke(event.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void invalidUtf8InTheEventItself_isAProblem_neverAFailure() {
        byte[] event = new Lambda.Event("GET", "/health").bytes();
        byte[] broken = java.util.Arrays.copyOf(event, event.length);
        int at = new String(event, StandardCharsets.ISO_8859_1).indexOf("/health") + 1;
        broken[at] = (byte) 0xC0;
        broken[at + 1] = (byte) 0xAF;

        LAMBDA.invoke(broken).assertProblem(404, 500);
    }

    @Test
    void nestingDeeperThanTheLimitInTheEvent_isTheDocumented500() {
        ObjectNode event = new Lambda.Event("GET", "/health").root();
        String text = event.toString();
        String deep = text.substring(0, text.length() - 1) + ",\"extra\":" + "[".repeat(100) + "]".repeat(100) + "}";

        assertNotProxy(LAMBDA.invoke(deep.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void megabyteAuthorizationHeader_isA401() {
        Lambda.Proxy answer = LAMBDA.invoke(new Lambda.Event("GET", "/me").bearer("x".repeat(1 << 20)));

        answer.assertProblem(401);
    }

    private static void assertNotProxy(Lambda.Proxy answer) {
        JsonNode problem = answer.assertProblem(500);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/lambda-proxy-integration-required");
    }

    private static JsonNode parse(String json) {
        try {
            return Lambda.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
