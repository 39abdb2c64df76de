package dev.bookshelf.lambda;

import static dev.bookshelf.lambda.Invocations.ENV;
import static dev.bookshelf.lambda.Invocations.fixture;
import static dev.bookshelf.lambda.Invocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Events that are not Lambda proxy integration events get a proxy-shaped 500 that says how to fix it. */
class NonProxyEventTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final BookshelfHandler handler =
            BookshelfHandler.forEnvironment(ENV, new PrintStream(log, true, StandardCharsets.UTF_8));

    @ParameterizedTest
    @ValueSource(strings = {"no-request-context.json", "bare-body.json", "mapping-template-passthrough.json",
            "not-json.txt"})
    void nonProxyEvent_answers500ProblemAskingToEnableLambdaProxyIntegration(String name) {
        ProxyResponse response = invoke(handler, fixture(name).getBytes(StandardCharsets.UTF_8),
                StubContext.withRequestId("lambda-invocation-7"));

        assertNotProxyAnswer(response);
        assertThat(response.header("X-Request-Id")).containsExactly("lambda-invocation-7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[]", "\"GET /health\"", "42", "null", "{\"httpMethod\": \"GET\"",
            "{\"httpMethod\": \"GET\", \"path\": \"/health\", \"requestContext\": null}",
            "{\"httpMethod\": \"GET\", \"path\": \"/health\", \"requestContext\": {}} trailing",
            "{\"httpMethod\": 7, \"path\": \"/health\", \"requestContext\": {}}",
            "{\"httpMethod\": \"GET\", \"path\": \"/health\", \"requestContext\": {}, \"headers\": \"Accept: */*\"}",
            "{\"httpMethod\": \"GET\", \"path\": \"/health\", \"requestContext\": {}, \"multiValueHeaders\": {\"A\": \"b\"}}",
            "{\"httpMethod\": \"GET\", \"path\": \"/health\", \"requestContext\": [], \"body\": null}",
            "{\"httpMethod\": \"GET\", \"path\": \"/health\", \"requestContext\": {}, \"isBase64Encoded\": \"yes\"}"})
    void malformedOrForeignEvent_answersTheSameProblem_neverAFailure(String event) {
        ProxyResponse response = invoke(handler, event.getBytes(StandardCharsets.UTF_8), null);

        assertNotProxyAnswer(response);
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("Exception", "\tat ");
    }

    @Test
    void wrongFieldType_isNamedInTheDetail() {
        String event = "{\"httpMethod\": \"GET\", \"path\": \"/health\", \"requestContext\": {}, \"headers\": []}";

        ProxyResponse response = invoke(handler, event);

        assertThat(response.bodyJson().get("detail").textValue()).contains("'headers'");
    }

    @Test
    void nonProxyAnswer_tellsHowToEnableLambdaProxyIntegration() {
        ProxyResponse response = invoke(handler, fixture("bare-body.json"));

        assertThat(response.bodyJson().get("message").textValue())
                .contains("Lambda Proxy integration", "AWS_PROXY", "deploy the API again");
    }

    @Test
    void nonProxyEvents_logOneWarningPerContainer_andNoStackTrace() {
        invoke(handler, fixture("bare-body.json"));
        invoke(handler, fixture("not-json.txt"));
        invoke(handler, fixture("no-request-context.json"));

        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().filter(line -> line.contains("\"level\":\"WARN\""))).singleElement().asString()
                .contains("not an API Gateway Lambda proxy integration event", "Use Lambda Proxy integration");
        assertThat(text).doesNotContain("\"level\":\"ERROR\"", "Exception", "\tat ");
    }

    private static void assertNotProxyAnswer(ProxyResponse response) {
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.base64()).isFalse();
        assertThat(response.header("Content-Type")).containsExactly("application/json; charset=utf-8");
        assertThat(response.bodyJson().get("type").textValue()).isEqualTo("/problems/lambda-proxy-integration-required");
        assertThat(response.bodyJson().get("status").intValue()).isEqualTo(500);
        assertThat(response.bodyJson().get("title").textValue()).isEqualTo("Lambda proxy integration required");
        assertThat(response.header("X-Request-Id")).singleElement().asString().isNotBlank();
    }
}
