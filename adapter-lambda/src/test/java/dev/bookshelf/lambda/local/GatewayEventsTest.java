package dev.bookshelf.lambda.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The events built "as AWS builds them", read back with AWS's own event classes and serializers. */
class GatewayEventsTest {
    private static final ClientRequest REQUEST = ClientRequest.of("POST",
                    "/shelf/space%20value?repeat=one&repeat=two&redirect=https%3A%2F%2Fexample.com&plus=a+b")
            .withHeader("Accept", "*/*")
            .withHeader("X-Probe", "first")
            .withHeader("X-Probe", "second")
            .withHeader("Cookie", "session=abc123; theme=dark")
            .withBody("application/json", "{\"unicode\":\"한강\"}")
            .withSourceIp("198.51.100.7")
            .withRequestId("req-1");

    private static <T> T read(byte[] event, Class<T> type) {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor(type, GatewayEventsTest.class.getClassLoader());
        return serializer.fromJson(new ByteArrayInputStream(event));
    }

    @Test
    void rest_pathStaysEncoded_queryDecoded_headersKeepCase_lastValueInTheSingleMaps() {
        APIGatewayProxyRequestEvent e = read(GatewayEvents.rest(REQUEST, "prod"), APIGatewayProxyRequestEvent.class);

        assertThat(e.getPath()).isEqualTo("/shelf/space%20value");
        assertThat(e.getRequestContext().getPath()).isEqualTo("/prod/shelf/space%20value");
        assertThat(e.getRequestContext().getStage()).isEqualTo("prod");
        assertThat(e.getRequestContext().getRequestId()).isEqualTo("req-1");
        assertThat(e.getRequestContext().getIdentity().getSourceIp()).isEqualTo("198.51.100.7");
        assertThat(e.getMultiValueQueryStringParameters()).containsEntry("repeat", List.of("one", "two"))
                .containsEntry("redirect", List.of("https://example.com")).containsEntry("plus", List.of("a b"));
        assertThat(e.getQueryStringParameters()).containsEntry("repeat", "two");
        assertThat(e.getMultiValueHeaders()).containsEntry("X-Probe", List.of("first", "second"));
        assertThat(e.getHeaders()).containsEntry("X-Probe", "second").containsEntry("X-Forwarded-For", "198.51.100.7");
        assertThat(e.getBody()).isEqualTo("{\"unicode\":\"한강\"}");
        assertThat(e.getIsBase64Encoded()).isFalse();
    }

    @Test
    void httpApi_rawPathDecodedWithTheStage_rawQueryRaw_headersJoined_cookiesApart() {
        APIGatewayV2HTTPEvent e = read(GatewayEvents.httpApi(REQUEST, "prod"), APIGatewayV2HTTPEvent.class);

        assertThat(e.getVersion()).isEqualTo("2.0");
        assertThat(e.getRawPath()).isEqualTo("/prod/shelf/space value");
        assertThat(e.getRawQueryString()).isEqualTo("repeat=one&repeat=two&redirect=https%3A%2F%2Fexample.com&plus=a+b");
        assertThat(e.getQueryStringParameters()).containsEntry("repeat", "one,two").containsEntry("plus", "a b");
        assertThat(e.getHeaders()).containsEntry("x-probe", "first,second").doesNotContainKey("cookie");
        assertThat(e.getCookies()).containsExactly("session=abc123", "theme=dark");
        assertThat(e.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(e.getRequestContext().getHttp().getSourceIp()).isEqualTo("198.51.100.7");
        assertThat(e.getRequestContext().getStage()).isEqualTo("prod");
    }

    @Test
    void functionUrl_rawPathStaysEncoded_andTheCookieHeaderIsKept() {
        APIGatewayV2HTTPEvent e = read(GatewayEvents.functionUrl(REQUEST), APIGatewayV2HTTPEvent.class);

        assertThat(e.getRawPath()).isEqualTo("/shelf/space%20value");
        assertThat(e.getRequestContext().getHttp().getPath()).isEqualTo("/shelf/space value");
        assertThat(e.getRequestContext().getDomainName()).endsWith(".lambda-url.us-east-1.on.aws");
        assertThat(e.getHeaders()).containsEntry("cookie", "session=abc123; theme=dark");
        assertThat(e.getCookies()).containsExactly("session=abc123", "theme=dark");
    }

    @Test
    void alb_nothingDecoded_lowerCaseNames_multiValueOrLastValue() {
        ApplicationLoadBalancerRequestEvent multi = read(GatewayEvents.alb(REQUEST, true),
                ApplicationLoadBalancerRequestEvent.class);
        ApplicationLoadBalancerRequestEvent single = read(GatewayEvents.alb(REQUEST, false),
                ApplicationLoadBalancerRequestEvent.class);

        assertThat(multi.getPath()).isEqualTo("/shelf/space%20value");
        assertThat(multi.getMultiValueQueryStringParameters()).containsEntry("redirect", List.of("https%3A%2F%2Fexample.com"))
                .containsEntry("repeat", List.of("one", "two")).containsEntry("plus", List.of("a+b"));
        assertThat(multi.getMultiValueHeaders()).containsEntry("x-probe", List.of("first", "second"))
                .containsEntry("x-forwarded-for", List.of("198.51.100.7"));
        assertThat(multi.getHeaders()).isNull();
        assertThat(single.getQueryStringParameters()).containsEntry("repeat", "two");
        assertThat(single.getHeaders()).containsEntry("x-probe", "second");
        assertThat(single.getMultiValueHeaders()).isNull();
        assertThat(single.getRequestContext().getElb().getTargetGroupArn()).contains(":targetgroup/");
    }

    @Test
    void forwardedFor_theClientAddressIsAppended() {
        ClientRequest proxied = ClientRequest.of("GET", "/health").withHeader("X-Forwarded-For", "203.0.113.9")
                .withSourceIp("198.51.100.7");

        ApplicationLoadBalancerRequestEvent e = read(GatewayEvents.alb(proxied, false),
                ApplicationLoadBalancerRequestEvent.class);

        assertThat(e.getHeaders()).containsEntry("x-forwarded-for", "203.0.113.9, 198.51.100.7");
    }

    @Test
    void binaryBody_travelsBase64_everywhere() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        ClientRequest binary = ClientRequest.of("POST", "/x").withHeader("Content-Type", "image/png").withBody(png);

        for (FrontDoor door : FrontDoor.values()) {
            Map<?, ?> event = read(door.event(binary), Map.class);
            assertThat(event.get("isBase64Encoded")).as("%s", door).isEqualTo(true);
            assertThat(Base64.getDecoder().decode((String) event.get("body"))).as("%s", door).containsExactly(png);
        }
    }

    @Test
    void emptyBody_isNullForRest_absentForPayload2_emptyForTheLoadBalancer() {
        ClientRequest get = ClientRequest.of("GET", "/health");

        assertThat(new String(FrontDoor.REST.event(get), StandardCharsets.UTF_8)).contains("\"body\":null");
        assertThat(new String(FrontDoor.HTTP_API.event(get), StandardCharsets.UTF_8)).doesNotContain("\"body\"");
        assertThat(new String(FrontDoor.ALB.event(get), StandardCharsets.UTF_8)).contains("\"body\":\"\"");
    }
}
