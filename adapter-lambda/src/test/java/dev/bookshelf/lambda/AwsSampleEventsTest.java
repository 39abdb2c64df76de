package dev.bookshelf.lambda;

import static dev.bookshelf.lambda.Invocations.ENV;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bookshelf.lambda.FrontDoors.Answer;
import dev.bookshelf.lambda.local.FrontDoor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Events in the shape of AWS's documented examples (aws-lambda-java-tests 1.1.2 bundles no sample
 * event: its jar holds EventLoader and annotations only, so the samples live in
 * {@code src/test/resources/dev/bookshelf/lambda/aws/}). AWS's own EventLoader and event classes
 * read each one, the handler answers it in its kind's format, and AWS's own serializers read the
 * answer back.
 */
class AwsSampleEventsTest {
    private static final String DIR = "/dev/bookshelf/lambda/aws/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BookshelfHandler handler = BookshelfHandler.forEnvironment(ENV,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    @Test
    void awsEventLoader_readsEverySample_asAwsEventClasses() {
        APIGatewayProxyRequestEvent rest = EventLoader.loadApiGatewayRestEvent(DIR + "rest-api-event.json");
        APIGatewayProxyRequestEvent proxy = EventLoader.loadApiGatewayRestEvent(DIR + "rest-api-proxy-event.json");
        APIGatewayV2HTTPEvent http = EventLoader.loadApiGatewayHttpEvent(DIR + "http-api-event.json");
        APIGatewayV2HTTPEvent url = EventLoader.loadEvent(DIR + "function-url-event.json", APIGatewayV2HTTPEvent.class);
        ApplicationLoadBalancerRequestEvent alb =
                EventLoader.loadApplicationLoadBalancerRequestEvent(DIR + "alb-event.json");
        ApplicationLoadBalancerRequestEvent albMulti =
                EventLoader.loadApplicationLoadBalancerRequestEvent(DIR + "alb-multi-value-event.json");

        assertThat(rest.getPath()).isEqualTo("/my/path");
        assertThat(rest.getMultiValueQueryStringParameters().get("parameter1")).containsExactly("value1", "value2");
        assertThat(proxy.getRequestContext().getStage()).isEqualTo("prod");
        assertThat(http.getRawPath()).isEqualTo("/my/path");
        assertThat(http.getCookies()).containsExactly("cookie1", "cookie2");
        assertThat(url.getRequestContext().getDomainName()).contains(".lambda-url.");
        assertThat(alb.getRequestContext().getElb().getTargetGroupArn()).startsWith("arn:aws:elasticloadbalancing:");
        assertThat(albMulti.getMultiValueQueryStringParameters().get("myKey")).containsExactly("val1", "val2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "rest-api-event.json, REST",
            "rest-api-proxy-event.json, REST",
            "http-api-event.json, HTTP_API",
            "function-url-event.json, FUNCTION_URL",
            "alb-event.json, ALB",
            "alb-multi-value-event.json, ALB_MULTI_VALUE"})
    void sampleAsItIs_pathIsNoRouteOfOurs_answers404ProblemInTheKindsFormat(String sample, FrontDoor door)
            throws IOException {
        byte[] event = resource(sample);

        Answer answer = FrontDoors.call(handler, door, event);

        answer.assertProblem(404, "not-found");
        assertThat(answer.json().path("detail").asText()).startsWith("No route for ");
        readBackWithAwsSerializers(door, answer);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "rest-api-event.json, REST",
            "rest-api-proxy-event.json, REST",
            "http-api-event.json, HTTP_API",
            "function-url-event.json, FUNCTION_URL",
            "alb-event.json, ALB",
            "alb-multi-value-event.json, ALB_MULTI_VALUE"})
    void sampleSentToHealth_answers200InTheKindsFormat(String sample, FrontDoor door) throws IOException {
        byte[] event = toHealth(resource(sample));

        Answer answer = FrontDoors.call(handler, door, event);

        assertThat(answer.assertFormat().status()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("UP");
        readBackWithAwsSerializers(door, answer);
    }

    @Test
    void restSample_bodyMarkedBase64ThatIsNot_isIgnoredByAGet_butRefusedWhereABodyIsRead() throws IOException {
        ObjectNode signup = (ObjectNode) MAPPER.readTree(resource("rest-api-event.json"));
        signup.put("httpMethod", "POST").put("path", "/auth/signup");

        Answer answer = FrontDoors.call(handler, FrontDoor.REST, MAPPER.writeValueAsBytes(signup));

        answer.assertProblem(400, "invalid-input");
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("body");
    }

    @Test
    void httpApiSample_cookiesAndRepeatedQueryKeys_reachTheApi() throws IOException {
        ProxyEvent.Request read = (ProxyEvent.Request) new ProxyEventReader(new dev.bookshelf.api.json.Json())
                .read(resource("http-api-event.json"), () -> "fallback");

        assertThat(read.request().header("Cookie")).contains("cookie1; cookie2");
        assertThat(read.request().query()).containsEntry("parameter1", java.util.List.of("value1", "value2"));
        assertThat(read.request().headers().all("header2")).containsExactly("value1,value2");
        assertThat(read.request().requestId()).isEqualTo("id");
    }

    /** AWS's own response classes, through AWS's own serializers, read the answer. */
    static void readBackWithAwsSerializers(FrontDoor door, Answer answer) {
        String json = answer.envelope().toString();
        switch (door) {
            case REST -> {
                APIGatewayProxyResponseEvent r = serializer(APIGatewayProxyResponseEvent.class).fromJson(json);
                assertThat(r.getStatusCode()).isEqualTo(answer.status());
                assertThat(r.getMultiValueHeaders()).containsKey("X-Request-Id");
                assertThat(r.getBody()).isEqualTo(answer.http().bodyText());
            }
            case HTTP_API, FUNCTION_URL -> {
                APIGatewayV2HTTPResponse r = serializer(APIGatewayV2HTTPResponse.class).fromJson(json);
                assertThat(r.getStatusCode()).isEqualTo(answer.status());
                assertThat(r.getHeaders()).containsKey("X-Request-Id");
                assertThat(r.getBody()).isEqualTo(answer.http().bodyText());
            }
            case ALB, ALB_MULTI_VALUE -> {
                ApplicationLoadBalancerResponseEvent r =
                        serializer(ApplicationLoadBalancerResponseEvent.class).fromJson(json);
                assertThat(r.getStatusCode()).isEqualTo(answer.status());
                assertThat(r.getStatusDescription()).startsWith(Integer.toString(answer.status()));
                Map<String, ?> headers = door == FrontDoor.ALB ? r.getHeaders() : r.getMultiValueHeaders();
                assertThat(headers).containsKey("X-Request-Id");
                assertThat(r.getBody()).isEqualTo(answer.http().bodyText());
            }
        }
    }

    private static <T> com.amazonaws.services.lambda.runtime.serialization.PojoSerializer<T> serializer(Class<T> type) {
        return LambdaEventSerializers.serializerFor(type, AwsSampleEventsTest.class.getClassLoader());
    }

    /** The same sample, sent as {@code GET /health}. */
    private static byte[] toHealth(byte[] sample) throws IOException {
        ObjectNode event = (ObjectNode) MAPPER.readTree(sample);
        if (event.has("rawPath")) {
            event.put("rawPath", "/health");
            ((ObjectNode) event.path("requestContext").path("http")).put("method", "GET").put("path", "/health");
        } else {
            event.put("path", "/health").put("httpMethod", "GET");
        }
        return MAPPER.writeValueAsBytes(event);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = AwsSampleEventsTest.class.getResourceAsStream(DIR + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
