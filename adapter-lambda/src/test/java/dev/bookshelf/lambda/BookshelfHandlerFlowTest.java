package dev.bookshelf.lambda;

import static dev.bookshelf.lambda.Invocations.ENV;
import static dev.bookshelf.lambda.Invocations.fixture;
import static dev.bookshelf.lambda.Invocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole reading-log flow through {@code handleRequest}, with events as API Gateway sends them. */
class BookshelfHandlerFlowTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final BookshelfHandler handler =
            BookshelfHandler.forEnvironment(ENV, new PrintStream(log, true, StandardCharsets.UTF_8));

    @Test
    void readingLog_signUpLogInAddListPatchDelete_answersEachStepAsAProxyResponse() {
        ProxyResponse signup = invoke(handler, fixture("signup.json"));
        assertThat(signup.status()).isEqualTo(201);
        assertThat(signup.header("Location")).containsExactly("/me");
        assertThat(signup.bodyJson().get("displayName").textValue()).isEqualTo("독자");

        ProxyResponse login = invoke(handler, fixture("login.json"));
        assertThat(login.status()).isEqualTo(200);
        String token = login.bodyJson().get("token").textValue();
        assertThat(login.bodyJson().get("tokenType").textValue()).isEqualTo("Bearer");

        ProxyResponse added = invoke(handler, fixture("add-book.json", Map.of("TOKEN", token)));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.header("ETag")).containsExactly("\"1\"");
        JsonNode book = added.bodyJson();
        String id = book.get("id").textValue();
        assertThat(added.header("Location")).containsExactly("/books/" + id);
        assertThat(book.get("title").textValue()).isEqualTo("채식주의자");
        assertThat(book.get("author").textValue()).isEqualTo("한강");

        ProxyResponse listed = invoke(handler, fixture("list-books.json", Map.of("TOKEN", token)));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.bodyJson().get("items")).hasSize(1);
        assertThat(listed.bodyJson().get("items").get(0).get("title").textValue()).isEqualTo("채식주의자");

        Map<String, String> bookVars = Map.of("TOKEN", token, "BOOK_ID", id, "VERSION", "1");
        ProxyResponse patched = invoke(handler, fixture("patch-book.json", bookVars));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.header("ETag")).containsExactly("\"2\"");
        assertThat(patched.bodyJson().get("status").textValue()).isEqualTo("READ");
        assertThat(patched.bodyJson().get("note").isNull()).isTrue();

        ProxyResponse stale = invoke(handler, fixture("patch-book.json", bookVars));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.bodyJson().get("type").textValue()).isEqualTo("/problems/version-conflict");

        ProxyResponse deleted = invoke(handler, fixture("delete-book.json", bookVars));
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(deleted.base64()).isFalse();

        ProxyResponse gone = invoke(handler, fixture("get-book.json", bookVars));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.bodyJson().get("type").textValue()).isEqualTo("/problems/not-found");
    }

    @Test
    void koreanText_travelsAsRawUtf8InTheBodyString_neverEscaped() {
        String token = signUpAndLogIn();
        byte[] raw = Invocations.invokeRaw(handler,
                fixture("add-book.json", Map.of("TOKEN", token)).getBytes(StandardCharsets.UTF_8),
                StubContext.withRequestId("lambda-invocation-2"));

        String text = new String(raw, StandardCharsets.UTF_8);
        assertThat(text).contains("채식주의자", "한강").doesNotContain("\\u");
        ProxyResponse response = ProxyResponse.parse(raw);
        assertThat(response.base64()).isFalse();
        assertThat(response.header("Content-Type")).containsExactly("application/json; charset=utf-8");
    }

    @Test
    void requestId_fromTheRequestContext_isAnsweredInXRequestIdAndTheLog() {
        ProxyResponse response = invoke(handler, fixture("health.json"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).containsExactly("c6af9ac6-7b61-11e6-9a41-93e8deadbe09");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("\"requestId\":\"c6af9ac6-7b61-11e6-9a41-93e8deadbe09\"");
    }

    @Test
    void requestId_missingFromTheEvent_isTheLambdaInvocationId() {
        String event = fixture("health.json").replace("\"c6af9ac6-7b61-11e6-9a41-93e8deadbe09\"", "null");

        ProxyResponse response = invoke(handler, event.getBytes(StandardCharsets.UTF_8),
                StubContext.withRequestId("8f2d7c3a-lambda"));

        assertThat(response.header("X-Request-Id")).containsExactly("8f2d7c3a-lambda");
    }

    @Test
    void requestId_missingEverywhere_isGenerated() {
        String event = fixture("health.json").replace("\"c6af9ac6-7b61-11e6-9a41-93e8deadbe09\"", "null");

        ProxyResponse response = invoke(handler, event.getBytes(StandardCharsets.UTF_8), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).singleElement().asString()
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void nullHeadersQueryMapsPathParametersAndBody_answerLikeAnyOtherRequest() {
        ProxyResponse response = invoke(handler, fixture("health-null-maps.json"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyJson().get("status").textValue()).isEqualTo("UP");
        assertThat(response.header("X-Request-Id")).containsExactly("c6af9ac6-7b61-11e6-9a41-93e8deadbe08");
        assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void base64Body_isDecodedToItsBytesBeforeDispatch() {
        ProxyResponse response = invoke(handler, fixture("signup-base64.json"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.bodyJson().get("displayName").textValue()).isEqualTo("한강 독자");
    }

    @Test
    void bodyMarkedBase64ButNotBase64_answers400NamingTheBody() {
        String event = fixture("signup-base64.json").replaceFirst("\"body\": \"[^\"]*\"", "\"body\": \"*not base64*\"");

        ProxyResponse response = invoke(handler, event);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyJson().get("errors").get(0).get("field").textValue()).isEqualTo("body");
        assertThat(response.bodyJson().get("errors").get(0).get("code").textValue()).isEqualTo("INVALID_FORMAT");
        assertThat(response.header("Access-Control-Allow-Origin")).containsExactly("http://localhost:5173");
    }

    @Test
    void duplicateQueryKeys_reachTheApiAsRepeatedValues_whichItRefusesForStatus() {
        String token = signUpAndLogIn();

        ProxyResponse response = invoke(handler, fixture("list-books-duplicate-status.json", Map.of("TOKEN", token)));

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.bodyJson().get("errors").get(0);
        assertThat(error.get("field").textValue()).isEqualTo("status");
        assertThat(error.get("code").textValue()).isEqualTo("INVALID_FORMAT");
    }

    @Test
    void restApiPath_isPercentDecodedExactlyOnce() {
        ProxyResponse response = invoke(handler, fixture("unknown-encoded-path.json"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.bodyJson().get("detail").textValue()).isEqualTo("No route for GET /shelf/책 + space.");
    }

    @Test
    void httpApiPayload1Path_arrivesDecodedAndIsNotDecodedAgain() {
        ProxyResponse response = invoke(handler, fixture("http-api-v1-decoded-path.json"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.bodyJson().get("detail").textValue()).isEqualTo("No route for GET /shelf/100%25.");
    }

    @Test
    void customDomainBasePathMapping_prefixIsStrippedByBasePath() {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put("BASE_PATH", "/bookshelf");
        BookshelfHandler mapped = BookshelfHandler.forEnvironment(env, new PrintStream(log, true, StandardCharsets.UTF_8));

        ProxyResponse response = invoke(mapped, fixture("health-custom-domain.json"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyJson().get("status").textValue()).isEqualTo("UP");
    }

    @Test
    void allowedOrigin_getsCorsHeadersOnTheProxyResponse() {
        ProxyResponse response = invoke(handler, fixture("health.json"));

        assertThat(response.header("Access-Control-Allow-Origin")).containsExactly("http://localhost:5173");
        assertThat(response.header("Vary")).contains("Origin");
    }

    @Test
    void corsPreflight_answers204WithTheAllowedMethodsAndHeaders() {
        ProxyResponse response = invoke(handler, fixture("preflight-books.json"));

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.header("Access-Control-Allow-Origin")).containsExactly("http://localhost:5173");
        assertThat(String.join(",", response.header("Access-Control-Allow-Methods"))).contains("POST");
        assertThat(String.join(",", response.header("Access-Control-Allow-Headers")).toLowerCase())
                .contains("authorization", "content-type");
    }

    @Test
    void publicConstructor_buildsTheContainerServiceOnceFromTheEnvironment() {
        BookshelfHandler first = new BookshelfHandler();
        BookshelfHandler second = new BookshelfHandler();

        assertThat(invoke(first, fixture("signup.json")).status()).isEqualTo(201);
        assertThat(invoke(second, fixture("signup.json")).status()).isEqualTo(409);
    }

    private String signUpAndLogIn() {
        assertThat(invoke(handler, fixture("signup.json")).status()).isEqualTo(201);
        return invoke(handler, fixture("login.json")).bodyJson().get("token").textValue();
    }
}
