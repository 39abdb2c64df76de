package dev.bookshelf.lambda;

import static dev.bookshelf.lambda.Invocations.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The translation of REST API proxy events into neutral requests, field by field. */
class ProxyEventReaderTest {
    private final ProxyEventReader reader = new ProxyEventReader(new Json());

    @Test
    void restEvent_givesMethodDecodedPathHeadersQueryBodyRequestIdAndSourceIp() {
        ApiRequest req = read(fixture("list-books.json", java.util.Map.of("TOKEN", "t0k3n")));

        assertThat(req.method()).isEqualTo("GET");
        assertThat(req.path()).isEqualTo("/books");
        assertThat(req.header("authorization")).contains("Bearer t0k3n");
        assertThat(req.query()).containsEntry("status", List.of("READING")).containsEntry("limit", List.of("10"));
        assertThat(req.requestId()).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbe04");
        assertThat(req.sourceIp()).isEqualTo("203.0.113.7");
        assertThat(req.hasBody()).isFalse();
    }

    @Test
    void multiValueHeaders_arePreferred_andKeepRepeatedValuesAndCommasIntact() {
        ApiRequest req = read(event("\"headers\": {\"X-Probe\": \"second\", \"Accept\": \"text/html, application/json\"},"
                + " \"multiValueHeaders\": {\"X-Probe\": [\"first\", \"second\"],"
                + " \"Accept\": [\"text/html, application/json\"]}"));

        assertThat(req.headers().all("x-probe")).containsExactly("first", "second");
        assertThat(req.headers().all("Accept")).containsExactly("text/html, application/json");
    }

    @Test
    void multiValueHeaders_namesDifferingInCaseMerge_anEmptyListStillNamesTheHeader_nullsAreLeftOut() {
        ApiRequest req = read(event("\"multiValueHeaders\": {\"Accept\": [\"a\"], \"accept\": [\"b\", null],"
                + " \"X-Empty\": [], \"X-Null\": null}"));

        assertThat(req.headers().all("ACCEPT")).containsExactly("a", "b");
        assertThat(req.headers().contains("x-empty")).isTrue();
        assertThat(req.headers().all("x-empty")).isEmpty();
        assertThat(req.headers().contains("x-null")).isFalse();
    }

    @Test
    void multiValueHeaders_namingOneKeyTwice_isNotAProxyEvent() {
        ProxyEvent read = reader.read(bytes(event("\"multiValueHeaders\": {\"Authorization\": [\"Bearer a\"],"
                + " \"Authorization\": [\"Bearer b\"]}")), () -> "id");

        assertThat(read).isInstanceOf(ProxyEvent.NotProxy.class);
        assertThat(((ProxyEvent.NotProxy) read).detail()).contains("multiValueHeaders.Authorization");
    }

    @Test
    void headers_areUsedWhenMultiValueHeadersIsNullOrEmpty() {
        ApiRequest fromNull = read(event("\"headers\": {\"Accept-Language\": \"ko\"}, \"multiValueHeaders\": null"));
        ApiRequest fromEmpty = read(event("\"headers\": {\"Accept-Language\": \"ko\"}, \"multiValueHeaders\": {}"));

        assertThat(fromNull.header("Accept-Language")).contains("ko");
        assertThat(fromEmpty.header("Accept-Language")).contains("ko");
    }

    @Test
    void multiValueQuery_isPreferred_andItsDecodedValuesAreNeverDecodedAgain() {
        ApiRequest req = read(event("\"queryStringParameters\": {\"q\": \"100%\"},"
                + " \"multiValueQueryStringParameters\": {\"q\": [\"a%20b\", \"100%\"], \"plus\": [\"a+b\"]}"));

        assertThat(req.query()).containsEntry("q", List.of("a%20b", "100%")).containsEntry("plus", List.of("a+b"));
    }

    @Test
    void queryStringParameters_areUsedWhenTheMultiValueFormIsNull() {
        ApiRequest req = read(event("\"queryStringParameters\": {\"limit\": \"5\"},"
                + " \"multiValueQueryStringParameters\": null"));

        assertThat(req.query()).containsExactly(java.util.Map.entry("limit", List.of("5")));
    }

    @Test
    void nullMapsAndNullValues_giveEmptyHeadersAndQuery() {
        ApiRequest req = read(event("\"headers\": null, \"multiValueHeaders\": {\"A\": null, \"B\": [null, \"b\"]},"
                + " \"queryStringParameters\": {\"x\": null}, \"pathParameters\": null, \"stageVariables\": null,"
                + " \"body\": null, \"isBase64Encoded\": null"));

        assertThat(req.headers().contains("A")).isFalse();
        assertThat(req.headers().all("B")).containsExactly("b");
        assertThat(req.query()).isEmpty();
        assertThat(req.hasBody()).isFalse();
    }

    @Test
    void textBody_isItsUtf8Bytes_andBase64BodyIsDecoded() {
        ApiRequest text = read(event("\"body\": \"{\\\"title\\\":\\\"채식주의자\\\"}\", \"isBase64Encoded\": false"));
        ApiRequest binary = read(event("\"body\": \"AAEC/w==\", \"isBase64Encoded\": true"));

        assertThat(new String(text.body(), StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"채식주의자\"}");
        assertThat(binary.body()).containsExactly(0, 1, 2, 0xff);
    }

    @Test
    void unknownFields_areSkipped_whateverTheirShape() {
        ApiRequest req = read(event("\"resource\": \"/{proxy+}\", \"stageVariables\": {\"a\": {\"b\": [1, 2, {}]}},"
                + " \"pathParameters\": {\"proxy\": \"health\"}, \"extra\": [[[]]]"));

        assertThat(req.path()).isEqualTo("/health");
    }

    @Test
    void restPath_isDecodedOnce_butAnHttpApiPathIsLeftAsItArrives() {
        assertThat(read(fixture("unknown-encoded-path.json")).path()).isEqualTo("/shelf/책 + space");
        assertThat(read(fixture("http-api-v1-decoded-path.json")).path()).isEqualTo("/shelf/100%25");
    }

    @Test
    void restPathWithAMalformedEscape_isA400ProblemNamingPath_keepingTheRequestsHeaders() {
        ProxyEvent.Request read = (ProxyEvent.Request) reader.read(bytes("{\"httpMethod\": \"GET\","
                + " \"path\": \"/books/%zz\", \"headers\": {\"Origin\": \"http://localhost:5173\"},"
                + " \"requestContext\": {\"requestId\": \"r-1\"}}"), () -> "fallback-id");

        assertThat(read.problem()).isNotNull();
        assertThat(read.problem().errors()).extracting(e -> e.field()).containsExactly("path");
        assertThat(read.request().header("Origin")).contains("http://localhost:5173");
        assertThat(read.request().requestId()).isEqualTo("r-1");
    }

    @Test
    void missingRequestId_usesTheFallback() {
        ProxyEvent read = reader.read(bytes("{\"httpMethod\": \"GET\", \"path\": \"/health\","
                + " \"requestContext\": {\"identity\": null}}"), () -> "fallback-id");

        ApiRequest req = ((ProxyEvent.Request) read).request();
        assertThat(req.requestId()).isEqualTo("fallback-id");
        assertThat(req.sourceIp()).isNull();
    }

    @Test
    void missingRequestContext_isNotAProxyEvent() {
        assertThat(reader.read(bytes(fixture("no-request-context.json")), () -> "id"))
                .isEqualTo(new ProxyEvent.NotProxy(ProxyEventReader.NOT_PROXY));
    }

    private ApiRequest read(String event) {
        ProxyEvent read = reader.read(bytes(event), () -> "fallback-id");
        assertThat(read).isInstanceOf(ProxyEvent.Request.class);
        ProxyEvent.Request request = (ProxyEvent.Request) read;
        assertThat(request.problem()).isNull();
        return request.request();
    }

    private static String event(String fields) {
        return "{\"httpMethod\": \"GET\", \"path\": \"/health\", \"requestContext\": {\"requestId\": \"r-1\"}, "
                + fields + "}";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
