package dev.bookshelf.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.json.Json;
import dev.bookshelf.lambda.local.ClientRequest;
import dev.bookshelf.lambda.local.FrontDoor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Telling event kinds apart by shape, and what each delivers decoded, joined or elsewhere. */
class EventKindReaderTest {
    private final ProxyEventReader reader = new ProxyEventReader(new Json());

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void eachFrontDoorsEvent_isRecognisedAsItsKind(FrontDoor door) {
        ProxyEvent.Request read = read(door.event(ClientRequest.of("GET", "/health")));

        EventKind expected = switch (door) {
            case REST -> EventKind.PAYLOAD_1;
            case HTTP_API -> EventKind.HTTP_API_2;
            case FUNCTION_URL -> EventKind.FUNCTION_URL;
            case ALB -> EventKind.ALB;
            case ALB_MULTI_VALUE -> EventKind.ALB_MULTI_VALUE;
        };
        assertThat(read.kind()).isEqualTo(expected);
        assertThat(read.request().path()).isEqualTo("/health");
    }

    @Test
    void payload2_methodSourceIpAndRequestId_comeFromTheRequestContext() {
        ApiRequest req = request(v2("\"rawPath\": \"/health\"", "\"requestId\": \"ATfSmjLgPHcESJw=\""));

        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.sourceIp()).isEqualTo("198.51.100.7");
        assertThat(req.requestId()).isEqualTo("ATfSmjLgPHcESJw=");
    }

    @Test
    void payload2_cookiesArray_becomesOneCookieHeader_replacingAFunctionUrlsCopy() {
        ApiRequest req = request(v2("\"rawPath\": \"/health\", \"cookies\": [\"session=abc123\", \"theme=dark\"],"
                + " \"headers\": {\"cookie\": \"session=abc123; theme=dark\"}", null));

        assertThat(req.headers().all("Cookie")).containsExactly("session=abc123; theme=dark");
    }

    @Test
    void payload2_commaJoinedHeaderValues_stayOneValue() {
        ApiRequest req = request(v2("\"rawPath\": \"/health\", \"headers\": {\"accept-language\": \"ko,en;q=0.5\","
                + " \"x-probe\": \"first,second\", \"if-match\": \"\\\"1\\\",\\\"2\\\"\"}", null));

        assertThat(req.headers().all("Accept-Language")).containsExactly("ko,en;q=0.5");
        assertThat(req.headers().all("X-Probe")).containsExactly("first,second");
        assertThat(req.headers().all("If-Match")).containsExactly("\"1\",\"2\"");
    }

    @Test
    void payload2_rawQueryString_isDecodedOnce_keepingRepeatedKeys_andPreferredToTheJoinedMap() {
        ApiRequest req = request(v2("\"rawPath\": \"/books\", \"rawQueryString\":"
                + " \"status=READ&status=READING&redirect=https%3A%2F%2Fexample.com&plus=a+b&encodedPlus=a%2Bb&empty=\","
                + " \"queryStringParameters\": {\"status\": \"READ,READING\"}", null));

        assertThat(req.query()).containsEntry("status", List.of("READ", "READING"))
                .containsEntry("redirect", List.of("https://example.com"))
                .containsEntry("plus", List.of("a b"))
                .containsEntry("encodedPlus", List.of("a+b"))
                .containsEntry("empty", List.of(""));
    }

    @Test
    void payload2_withoutRawQueryString_usesTheQueryMapAsItIs() {
        ApiRequest req = request(v2("\"rawPath\": \"/books\", \"queryStringParameters\": {\"limit\": \"5\"}", null));

        assertThat(req.query()).containsExactly(java.util.Map.entry("limit", List.of("5")));
    }

    @Test
    void httpApiRawPath_arrivesDecoded_andIsNotDecodedAgain_butAFunctionUrlsIs() {
        ApiRequest httpApi = request(v2("\"rawPath\": \"/shelf/100%25 done\"", null));
        ApiRequest functionUrl = request(v2("\"rawPath\": \"/shelf/100%25%20done\"",
                "\"domainName\": \"abcdefghij0123456789abcdefghij01.lambda-url.ap-northeast-2.on.aws\""));

        assertThat(httpApi.path()).isEqualTo("/shelf/100%25 done");
        assertThat(functionUrl.path()).isEqualTo("/shelf/100% done");
    }

    @ParameterizedTest(name = "{0} on stage {1} -> {2}")
    @CsvSource({
            "/prod/health, prod, /health",
            "/prod, prod, /",
            "/production/health, prod, /production/health",
            "/health, prod, /health",
            "/prod/health, $default, /prod/health"})
    void httpApiNamedStage_isStrippedFromTheFrontOfRawPathOnly(String rawPath, String stage, String path) {
        ApiRequest req = request(v2("\"rawPath\": \"" + rawPath + "\"", "\"stage\": \"" + stage + "\""));

        assertThat(req.path()).isEqualTo(path);
    }

    @Test
    void httpApiPayload1_namedStageInFrontOfPath_isStripped_butARestPathIsNeverTouched() {
        String httpApi = "{\"version\": \"1.0\", \"httpMethod\": \"GET\", \"path\": \"/dev/health\","
                + " \"requestContext\": {\"stage\": \"dev\"}}";
        String rest = "{\"httpMethod\": \"GET\", \"path\": \"/dev/health\", \"requestContext\": {\"stage\": \"dev\"}}";

        assertThat(request(httpApi).path()).isEqualTo("/health");
        assertThat(request(rest).path()).isEqualTo("/dev/health");
    }

    @Test
    void alb_pathAndQueryArriveEncoded_andAreDecodedOnce() {
        ProxyEvent.Request read = read(("{\"requestContext\": {\"elb\": {\"targetGroupArn\": \"arn\"}},"
                + " \"httpMethod\": \"GET\", \"path\": \"/shelf/space%20value\", \"queryStringParameters\": null,"
                + " \"multiValueQueryStringParameters\": {\"redirect\": [\"https%3A%2F%2Fexample.com%2Fa\"],"
                + " \"literalPlus\": [\"a+b\"], \"encodedPlus\": [\"a%2Bb\"], \"repeat\": [\"one\", \"two\"]},"
                + " \"headers\": null, \"multiValueHeaders\": {\"x-forwarded-for\": [\"203.0.113.9, 198.51.100.7\"]},"
                + " \"body\": \"\", \"isBase64Encoded\": false}").getBytes(StandardCharsets.UTF_8));

        assertThat(read.kind()).isEqualTo(EventKind.ALB_MULTI_VALUE);
        ApiRequest req = read.request();
        assertThat(req.path()).isEqualTo("/shelf/space value");
        assertThat(req.query()).containsEntry("redirect", List.of("https://example.com/a"))
                .containsEntry("literalPlus", List.of("a b"))
                .containsEntry("encodedPlus", List.of("a+b"))
                .containsEntry("repeat", List.of("one", "two"));
        assertThat(req.sourceIp()).as("the address the load balancer appended").isEqualTo("198.51.100.7");
        assertThat(req.requestId()).as("an ALB event has none: the invocation's").isEqualTo("fallback-id");
    }

    @Test
    void alb_withoutMultiValueHeaders_isTheSingleValueMode() {
        ProxyEvent.Request read = read(("{\"requestContext\": {\"elb\": {\"targetGroupArn\": \"arn\"}},"
                + " \"httpMethod\": \"GET\", \"path\": \"/health\", \"queryStringParameters\": {\"q\": \"%ED%95%9C\"},"
                + " \"headers\": {\"x-forwarded-for\": \"198.51.100.7\"}, \"body\": \"\", \"isBase64Encoded\": false}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(read.kind()).isEqualTo(EventKind.ALB);
        assertThat(read.request().query()).containsEntry("q", List.of("한"));
        assertThat(read.request().sourceIp()).isEqualTo("198.51.100.7");
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void binaryBody_travelsAsBase64_andArrivesAsItsBytes(FrontDoor door) {
        byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};

        ApiRequest req = read(door.event(ClientRequest.of("POST", "/books")
                .withHeader("Content-Type", "image/png").withBody(bytes))).request();

        assertThat(req.body()).containsExactly(bytes);
    }

    @ParameterizedTest
    @EnumSource(FrontDoor.class)
    void bodyMarkedBase64ButNotBase64_isLeftForTheDispatcherToJudge(FrontDoor door) {
        String event = new String(door.event(ClientRequest.of("POST", "/books")
                .withHeader("Content-Type", "image/png").withBody(new byte[] {1, 2, 3})), StandardCharsets.UTF_8)
                .replace("\"AQID\"", "\"Hello from Lambda!\"");

        ProxyEvent.Request read = read(event.getBytes(StandardCharsets.UTF_8));

        assertThat(read.problem()).isNull();
        assertThat(read.bodyProblem()).isNotNull();
        assertThat(read.bodyProblem().errors().get(0).field()).isEqualTo("body");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"version\": \"2.0\", \"rawPath\": \"/health\", \"requestContext\": {}}",
            "{\"version\": \"2.0\", \"requestContext\": {\"http\": {\"method\": \"GET\"}}}",
            "{\"version\": \"2.0\", \"rawPath\": \"/health\", \"requestContext\": {\"http\": \"GET\"}}",
            "{\"version\": \"2.0\", \"rawPath\": \"/h\", \"cookies\": \"a=1\", \"requestContext\": {\"http\": {\"method\": \"GET\"}}}",
            "{\"requestContext\": {\"elb\": {}}, \"httpMethod\": \"GET\"}",
            "{\"requestContext\": {\"elb\": {}}, \"path\": \"/health\"}"})
    void incompleteOrMistypedEventsOfTheNewKinds_areNotProxyEvents(String event) {
        assertThat(reader.read(event.getBytes(StandardCharsets.UTF_8), () -> "id"))
                .isInstanceOf(ProxyEvent.NotProxy.class);
    }

    private ProxyEvent.Request read(byte[] event) {
        ProxyEvent read = reader.read(event, () -> "fallback-id");
        assertThat(read).isInstanceOf(ProxyEvent.Request.class);
        return (ProxyEvent.Request) read;
    }

    private ApiRequest request(String event) {
        ProxyEvent.Request read = read(event.getBytes(StandardCharsets.UTF_8));
        assertThat(read.problem()).isNull();
        return read.request();
    }

    /** A payload 2.0 event with {@code fields} and {@code context} fields added to its request context. */
    private static String v2(String fields, String context) {
        return "{\"version\": \"2.0\", \"routeKey\": \"$default\", " + fields + ", \"requestContext\": {"
                + "\"http\": {\"method\": \"POST\", \"path\": \"/x\", \"sourceIp\": \"198.51.100.7\"}"
                + (context == null ? "" : ", " + context) + "}}";
    }
}
