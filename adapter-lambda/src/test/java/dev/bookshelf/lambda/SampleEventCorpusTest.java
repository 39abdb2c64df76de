package dev.bookshelf.lambda;

import static dev.bookshelf.lambda.Invocations.ENV;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bookshelf.api.routes.RouteSpec;
import dev.bookshelf.api.routes.Routes;
import dev.bookshelf.lambda.FrontDoors.Answer;
import dev.bookshelf.lambda.local.FrontDoor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every HTTP-event sample AWS publishes in its own repositories (origins and licences:
 * {@code samples/NOTICE.md}), through the handler: a well-formed answer in the kind's format
 * (read back by AWS's own serializers), never a 5xx, the route the event names (or a 404 problem
 * naming exactly that path), CORS and charset as everywhere; then the same event re-pointed at
 * {@code GET /health}, directly and behind a custom domain's {@code /api} mapping.
 */
class SampleEventCorpusTest {
    private static final String DIR = "/dev/bookshelf/lambda/samples/";
    private static final String ORIGIN = "https://app.example.org";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BookshelfHandler handler = handler(Map.of());

    /** Sample, front door (response format), method and the API path the event names. */
    private static final String CORPUS = """
            aws-lambda-go/apigw-request.json                                      | REST            | POST | /hello/world
            aws-lambda-go/apigw-restapi-openapi-request.json                      | REST            | POST | /hello/world
            aws-lambda-go/apigw-v2-request-no-authorizer.json                     | HTTP_API        | GET  | /
            aws-lambda-go/apigw-v2-request-iam.json                               | HTTP_API        | GET  | /my/path
            aws-lambda-go/apigw-v2-request-jwt-authorizer.json                    | HTTP_API        | GET  | /my/path
            aws-lambda-go/apigw-v2-request-lambda-authorizer.json                 | HTTP_API        | GET  | /my/path
            aws-lambda-go/lambda-urls-request.json                                | FUNCTION_URL    | POST | /my/path
            aws-lambda-go/function-url-domain-only-get-request.json               | FUNCTION_URL    | GET  | /
            aws-lambda-go/function-url-domain-only-get-request-trailing-slash.json | FUNCTION_URL   | GET  | /
            aws-lambda-go/function-url-domain-only-request-with-base64-encoded-body.json | FUNCTION_URL | POST | /
            aws-lambda-go/function-url-request-with-headers-and-cookies-and-text-body.json | FUNCTION_URL | POST | /hello
            aws-lambda-go/alb-lambda-target-request-headers-only.json             | ALB             | GET  | /
            aws-lambda-go/alb-lambda-target-request-multivalue-headers.json       | ALB_MULTI_VALUE | GET  | /
            aws-sam-cli/AwsProxy.json                                             | REST            | POST | /path/to/resource
            aws-sam-cli/HttpApi.json                                              | HTTP_API        | POST | /path/to/resource
            aws-sam-cli/ALBRequest.json                                           | ALB             | POST | /path/to/resource
            aws-lambda-java-libs/apigw_event.json                                 | REST            | POST | /path/to/resource
            aws-lambda-java-libs/apigw_event_nobody.json                          | REST            | POST | /path/to/resource
            aws-lambda-java-libs/apigw_http_event.json                            | HTTP_API        | POST | /my/path
            aws-lambda-java-libs/apigw_rest_event.json                            | REST            | GET  | /my/path
            aws-lambda-java-libs/elb_event.json                                   | ALB             | GET  | /
            aws-lambda-developer-guide/java-events-apigateway-v1.json             | REST            | GET  | /
            aws-lambda-developer-guide/java-events-apigateway-v2.json             | HTTP_API        | GET  | /nodejs-apig-function-1G3XMPLZXVXYI
            aws-lambda-developer-guide/nodejs-apig-event.json                     | REST            | GET  | /
            aws-lambda-developer-guide/nodejs-apig-event-v2.json                  | HTTP_API        | GET  | /nodejs-apig-function-1G3XMPLZXVXYI
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = CORPUS)
    void sampleAsItIs_answersTheRouteItNames_wellFormed_neverA5xx(String sample, FrontDoor door, String method,
                                                                 String apiPath) throws IOException {
        Answer answer = FrontDoors.call(handler, door, sample(sample));

        assertThat(answer.assertFormat().status()).as(sample).isLessThan(500);
        if (isRoute(method, apiPath)) {
            assertThat(answer.status()).as(sample).isNotEqualTo(404);
        } else {
            answer.assertProblem(404, "not-found");
            assertThat(answer.json().path("detail").asText()).isEqualTo("No route for " + method + " " + apiPath + ".");
        }
        assertThat(answer.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(answer.header("Vary")).contains("Origin");
        assertThat(answer.header("X-Request-Id")).isNotBlank();
        AwsSampleEventsTest.readBackWithAwsSerializers(door, answer);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = CORPUS)
    void sampleFromAnAllowedOrigin_getsItsCorsHeaders(String sample, FrontDoor door, String method, String apiPath)
            throws IOException {
        ObjectNode event = (ObjectNode) MAPPER.readTree(sample(sample));
        addHeader(event, door, "Origin", ORIGIN);

        Answer answer = FrontDoors.call(handler, door, MAPPER.writeValueAsBytes(event));

        assertThat(answer.status()).as(sample).isLessThan(500);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = CORPUS)
    void sampleSentToHealth_answers200Up(String sample, FrontDoor door, String method, String apiPath)
            throws IOException {
        Answer answer = FrontDoors.call(handler, door, MAPPER.writeValueAsBytes(toHealth(sample(sample), "")));

        assertThat(answer.assertFormat().status()).as(sample).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("UP");
    }

    /**
     * Behind a custom domain mapped at {@code /api}: where the event names its resource or route
     * (REST, HTTP API 1.0, an HTTP API route other than {@code $default}) the mapping is inferred;
     * elsewhere (function URLs, load balancers, the {@code $default} route) only BASE_PATH says it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = CORPUS)
    void sampleBehindABasePathMapping_isInferredWhereTheEventNamesItsRoute_elseNeedsBasePath(
            String sample, FrontDoor door, String method, String apiPath) throws IOException {
        ObjectNode mapped = toHealth(sample(sample), "/api");
        boolean named = door == FrontDoor.REST || !mapped.path("routeKey").asText("$default").equals("$default");

        Answer inferred = FrontDoors.call(handler, door, MAPPER.writeValueAsBytes(mapped));
        Answer configured = FrontDoors.call(handler(Map.of("BASE_PATH", "/api")), door, MAPPER.writeValueAsBytes(mapped));

        if (named) {
            assertThat(inferred.status()).as(sample).isEqualTo(200);
        } else {
            inferred.assertProblem(404, "not-found");
            assertThat(inferred.json().path("detail").asText()).isEqualTo("No route for GET /api/health.");
        }
        assertThat(configured.status()).as(sample).isEqualTo(200);
    }

    private static BookshelfHandler handler(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("CORS_ALLOWED_ORIGINS", ORIGIN);
        env.putAll(extra);
        return BookshelfHandler.forEnvironment(env, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    private static boolean isRoute(String method, String path) {
        for (RouteSpec spec : Routes.ALL) {
            if (spec.method().equals(method) && path.matches(spec.path().replaceAll("\\{[^/]+}", "[^/]+"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sample as {@code GET /health}, the path fields kept consistent the way API Gateway
     * fills them, with {@code mapping} (e.g. {@code /api}) in front of the path as a custom
     * domain's base-path mapping puts it there.
     */
    private static ObjectNode toHealth(byte[] sample, String mapping) throws IOException {
        ObjectNode event = (ObjectNode) MAPPER.readTree(sample);
        String path = mapping + "/health";
        if (event.has("rawPath")) {
            event.put("rawPath", path);
            ((ObjectNode) event.path("requestContext").path("http")).put("method", "GET").put("path", path);
            if (!event.path("routeKey").asText("$default").equals("$default")) {
                event.put("routeKey", "ANY /health");
            }
        } else {
            event.put("path", path).put("httpMethod", "GET");
            if (event.has("resource")) {
                event.put("resource", "/health");
            }
        }
        event.putNull("pathParameters");
        return event;
    }

    /** A request header, where the kind carries headers (both maps of payload 1.0 and ALB multi-value). */
    private static void addHeader(ObjectNode event, FrontDoor door, String name, String value) {
        boolean lower = door != FrontDoor.REST;
        String key = lower ? name.toLowerCase(java.util.Locale.ROOT) : name;
        JsonNode multi = event.get("multiValueHeaders");
        if (multi instanceof ObjectNode m) {
            m.putArray(key).add(value);
        }
        JsonNode single = event.get("headers");
        if (single instanceof ObjectNode s) {
            s.put(key, value);
        } else if (!(multi instanceof ObjectNode)) {
            event.putObject("headers").put(key, value);
        }
    }

    /** A sample; SAM CLI's templates rendered with the defaults `sam local generate-event` uses. */
    private static byte[] sample(String name) throws IOException {
        byte[] bytes;
        try (InputStream in = SampleEventCorpusTest.class.getResourceAsStream(DIR + name)) {
            assertThat(in).as(name).isNotNull();
            bytes = in.readAllBytes();
        }
        if (!name.startsWith("aws-sam-cli/")) {
            return bytes;
        }
        String text = new String(bytes, StandardCharsets.UTF_8)
                .replace("\"{{{querystringparameters}}}\"", "{\"foo\": \"bar\"}")
                .replace("{{{body}}}", Base64.getEncoder().encodeToString(
                        "{\"test\":\"body\"}".getBytes(StandardCharsets.UTF_8)))
                .replace("{{{stage}}}", name.endsWith("HttpApi.json") ? "$default" : "prod")
                .replace("{{{method}}}", "POST")
                .replace("{{{resource}}}", "/{proxy+}")
                .replace("{{{path}}}", "path/to/resource")
                .replace("{{{account_id}}}", "123456789012")
                .replace("{{{dns_suffix}}}", name.endsWith("ALBRequest.json") ? "us-east-2.elb.amazonaws.com"
                        : "us-east-1.amazonaws.com");
        assertThat(text).as(name).doesNotContain("{{{");
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
