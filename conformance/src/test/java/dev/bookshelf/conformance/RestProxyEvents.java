package dev.bookshelf.conformance;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the API Gateway REST API Lambda proxy event (payload 1.0) that API Gateway would build
 * for an {@link HttpCall} on stage {@value #STAGE}:
 * <ul>
 *   <li>{@code path} as received, still percent-encoded; {@code requestContext.path} with the stage;</li>
 *   <li>{@code multiValueHeaders} with every header (the client's plus the ones the gateway adds;
 *       {@code Expect: 100-continue} is the gateway's business and not passed on) and {@code headers}
 *       with the last value of each;</li>
 *   <li>{@code multiValueQueryStringParameters} with decoded values ({@code +} is a space) and
 *       {@code queryStringParameters} with the last value of each; both null without a query;</li>
 *   <li>{@code body} as text when it is UTF-8, else base64 with {@code isBase64Encoded: true};
 *       null without a body;</li>
 *   <li>{@code resource} {@code /{proxy+}}, {@code pathParameters} and {@code stageVariables} null;</li>
 *   <li>a full {@code requestContext} with the request id, {@code identity.sourceIp} 127.0.0.1, the stage,
 *       the method and the stage-prefixed path.</li>
 * </ul>
 */
final class RestProxyEvents {
    static final String STAGE = "prod";
    static final String API_ID = "conf0rm4nc";
    static final String DOMAIN = API_ID + ".execute-api.us-east-1.amazonaws.com";
    static final String SOURCE_IP = "127.0.0.1";

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private RestProxyEvents() {
    }

    static ObjectNode event(HttpCall call, String requestId) {
        Map<String, List<String>> headers = gatewayHeaders(call);
        Map<String, List<String>> query = query(call.rawQuery());
        ObjectNode e = JSON.createObjectNode();
        e.put("resource", "/{proxy+}");
        e.put("path", call.rawPath());
        e.put("httpMethod", call.method());
        e.set("headers", lastValues(headers));
        e.set("multiValueHeaders", allValues(headers));
        e.set("queryStringParameters", lastValues(query));
        e.set("multiValueQueryStringParameters", allValues(query));
        e.putNull("pathParameters");
        e.putNull("stageVariables");
        e.set("requestContext", requestContext(call, requestId, headers));
        String text = call.hasBody() ? utf8OrNull(call.body()) : null;
        if (!call.hasBody()) {
            e.putNull("body");
        } else if (text != null) {
            e.put("body", text);
        } else {
            e.put("body", Base64.getEncoder().encodeToString(call.body()));
        }
        e.put("isBase64Encoded", call.hasBody() && text == null);
        return e;
    }

    /** The client's headers, in order, with those API Gateway adds in front of them. */
    private static Map<String, List<String>> gatewayHeaders(HttpCall call) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        add(out, "Host", DOMAIN);
        for (HttpCall.Header h : call.headers()) {
            if (!h.name().equalsIgnoreCase("Expect")) {
                add(out, h.name(), h.value());
            }
        }
        add(out, "X-Amzn-Trace-Id", "Root=1-6744a0f2-3c9e2b7d5a1f4e8c6b0d2a49");
        add(out, "X-Forwarded-For", SOURCE_IP);
        add(out, "X-Forwarded-Port", "443");
        add(out, "X-Forwarded-Proto", "https");
        return out;
    }

    private static void add(Map<String, List<String>> map, String name, String value) {
        String existing = map.keySet().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst().orElse(name);
        map.computeIfAbsent(existing, n -> new ArrayList<>()).add(value);
    }

    /** Query parameters as API Gateway hands them over: decoded once, repeated keys kept in order. */
    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static ObjectNode lastValues(Map<String, List<String>> values) {
        if (values.isEmpty()) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        values.forEach((name, list) -> node.put(name, list.get(list.size() - 1)));
        return node;
    }

    private static ObjectNode allValues(Map<String, List<String>> values) {
        if (values.isEmpty()) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        values.forEach((name, list) -> {
            ArrayNode array = node.putArray(name);
            list.forEach(array::add);
        });
        return node;
    }

    private static ObjectNode requestContext(HttpCall call, String requestId, Map<String, List<String>> headers) {
        Instant now = Instant.now();
        ObjectNode c = JSON.createObjectNode();
        c.put("resourceId", "pr0xy1");
        c.put("resourcePath", "/{proxy+}");
        c.put("httpMethod", call.method());
        c.put("extendedRequestId", "Conf" + Integer.toHexString(requestId.hashCode()) + "=");
        c.put("requestTime", REQUEST_TIME.format(now));
        c.put("path", "/" + STAGE + call.rawPath());
        c.put("accountId", "123456789012");
        c.put("protocol", "HTTP/1.1");
        c.put("stage", STAGE);
        c.put("domainPrefix", API_ID);
        c.put("requestTimeEpoch", now.toEpochMilli());
        c.put("requestId", requestId);
        ObjectNode identity = c.putObject("identity");
        for (String field : List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller",
                "principalOrgId", "accessKey", "cognitoAuthenticationType", "cognitoAuthenticationProvider",
                "userArn", "user")) {
            identity.putNull(field);
        }
        identity.put("sourceIp", SOURCE_IP);
        List<String> agent = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("User-Agent"))
                .map(Map.Entry::getValue).findFirst().orElse(List.of());
        if (agent.isEmpty()) {
            identity.putNull("userAgent");
        } else {
            identity.put("userAgent", agent.get(0));
        }
        c.put("domainName", DOMAIN);
        c.put("apiId", API_ID);
        return c;
    }

    private static String utf8OrNull(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
