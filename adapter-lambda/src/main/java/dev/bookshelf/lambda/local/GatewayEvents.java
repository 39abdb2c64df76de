package dev.bookshelf.lambda.local;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bookshelf.api.http.UriParts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the Lambda event each AWS front door sends for a {@link ClientRequest}, the way it builds
 * it (from AWS's documentation and live captures): what is decoded and what is not, header name
 * case, how repeated headers and query keys travel, cookies, the stage, the client address, the
 * body's encoding. For the local gateway and for tests that must hold for every event kind.
 *
 * <p>Bodies travel as text when the content type is textual (JSON, text/*, XML, JavaScript, form)
 * and the bytes are UTF-8, else base64 (for a REST API, as if {@code binaryMediaTypes} covered
 * every non-text type). An empty body is {@code null} (REST), absent (payload 2.0) or {@code ""}
 * (load balancer).
 */
public final class GatewayEvents {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    static final String ACCOUNT = "123456789012";
    static final String TARGET_GROUP =
            "arn:aws:elasticloadbalancing:us-east-1:" + ACCOUNT + ":targetgroup/bookshelf/6d0ecf831eec9f09";

    private GatewayEvents() {
    }

    /**
     * A REST API Lambda proxy integration event (payload 1.0). {@code path} is the raw path as
     * sent (REST does not decode it) and never holds the stage ({@code requestContext.path} does);
     * header names keep their case; {@code headers} and {@code queryStringParameters} hold the last
     * value of a repeated name, the {@code multiValue...} maps all of them; query keys and values
     * arrive decoded ({@code +} as a space).
     */
    public static byte[] rest(ClientRequest r, String stage) {
        return rest(r, stage, "");
    }

    /**
     * A REST proxy event for a request to a custom domain whose base-path mapping {@code mapping}
     * (e.g. {@code /api}; empty: the API's own domain) points at the API: {@code path} is the path
     * as requested, mapping included; the resource API Gateway matched after removing the mapping
     * is {@code /{proxy+}} with the rest in {@code pathParameters.proxy}, or {@code /} for the
     * mapping itself; {@code requestContext.path} is the requested path (no stage on a custom domain).
     */
    public static byte[] rest(ClientRequest r, String stage, String mapping) {
        String relative = relative(r.rawPath(), mapping);
        boolean root = !mapping.isEmpty() && relative.equals("/");
        Instant now = Instant.now();
        String id = r.requestId() != null ? r.requestId() : UUID.randomUUID().toString();
        Map<String, List<String>> headers = withForwarding(r, false);
        Map<String, List<String>> query = decodedLeniently(rawQueryPairs(r.rawQuery()));
        return EventJson.write(g -> {
            g.writeStartObject();
            g.writeStringField("resource", root ? "/" : "/{proxy+}");
            g.writeStringField("path", r.rawPath());
            g.writeStringField("httpMethod", r.method());
            EventJson.lastValues(g, "headers", headers);
            EventJson.allValues(g, "multiValueHeaders", headers);
            EventJson.lastValues(g, "queryStringParameters", query);
            EventJson.allValues(g, "multiValueQueryStringParameters", query);
            if (root) {
                g.writeNullField("pathParameters");
            } else {
                g.writeObjectFieldStart("pathParameters");
                g.writeStringField("proxy", relative.substring(1));
                g.writeEndObject();
            }
            g.writeNullField("stageVariables");
            g.writeObjectFieldStart("requestContext");
            g.writeStringField("accountId", ACCOUNT);
            g.writeStringField("apiId", "local");
            g.writeStringField("domainName", host(r));
            g.writeStringField("extendedRequestId", id);
            g.writeStringField("httpMethod", r.method());
            g.writeObjectFieldStart("identity");
            g.writeStringField("sourceIp", r.sourceIp());
            g.writeStringField("userAgent", r.header("User-Agent"));
            g.writeEndObject();
            g.writeStringField("path", mapping.isEmpty() ? "/" + stage + r.rawPath() : r.rawPath());
            g.writeStringField("protocol", "HTTP/1.1");
            g.writeStringField("requestId", id);
            g.writeStringField("requestTime", REQUEST_TIME.format(now));
            g.writeNumberField("requestTimeEpoch", now.toEpochMilli());
            g.writeStringField("resourcePath", root ? "/" : "/{proxy+}");
            g.writeStringField("stage", stage);
            g.writeEndObject();
            EventJson.body(g, r, EventJson.EmptyBody.NULL);
            g.writeEndObject();
        });
    }

    /**
     * An HTTP API event, payload 2.0. The HTTP API decodes the path ({@code rawPath} holds it
     * decoded, with {@code /stage} in front for a stage other than {@code $default}) but not
     * {@code rawQueryString}; header names are lower case and repeated headers are joined with
     * commas; the {@code Cookie} header becomes the {@code cookies} array.
     *
     * @throws IllegalArgumentException when the raw path cannot be decoded (the HTTP API refuses
     *                                  such a request with 400 before invoking anything)
     */
    public static byte[] httpApi(ClientRequest r, String stage) {
        String path = UriParts.decodePath(r.rawPath());
        String rawPath = stage.equals("$default") ? path : "/" + stage + path;
        return payload2(r, rawPath, stage, "local", "local.execute-api.us-east-1.amazonaws.com", ACCOUNT, false,
                r.requestId() != null ? r.requestId() : randomHttpApiId(), "$default", null);
    }

    /**
     * An HTTP API event (payload 2.0) for a request to a custom domain whose API mapping
     * {@code mapping} (e.g. {@code /api}) points at the API's stage: {@code rawPath} is the
     * requested path decoded, mapping included and no stage; the API's route is
     * {@code ANY /{proxy+}} with the rest in {@code pathParameters.proxy} ({@code ANY /} for the
     * mapping itself). Empty {@code mapping}: as {@link #httpApi(ClientRequest, String)}.
     *
     * @throws IllegalArgumentException when the raw path cannot be decoded
     */
    public static byte[] httpApi(ClientRequest r, String stage, String mapping) {
        if (mapping.isEmpty()) {
            return httpApi(r, stage);
        }
        String path = UriParts.decodePath(r.rawPath());
        String relative = relative(path, mapping);
        boolean root = relative.equals("/");
        return payload2(r, path, stage, "local", "api.local.example", ACCOUNT, false,
                r.requestId() != null ? r.requestId() : randomHttpApiId(), root ? "ANY /" : "ANY /{proxy+}",
                root ? null : relative.substring(1));
    }

    /** {@code path} without {@code mapping} in front ({@code /} for the mapping itself). */
    static String relative(String path, String mapping) {
        if (mapping.isEmpty()) {
            return path;
        }
        if (!isUnder(path, mapping)) {
            throw new IllegalArgumentException("The path is not under the base-path mapping " + mapping);
        }
        return path.length() == mapping.length() ? "/" : path.substring(mapping.length());
    }

    /** The path is the mapping or below it, as a custom domain matches base-path mappings. */
    public static boolean isUnder(String path, String mapping) {
        return mapping.isEmpty() || path.equals(mapping) || path.startsWith(mapping + "/");
    }

    /**
     * A Lambda function URL event: payload 2.0 as an HTTP API sends it, except that
     * {@code rawPath} stays percent-encoded and the {@code cookie} header is kept beside the
     * {@code cookies} array (both as live captures show).
     */
    public static byte[] functionUrl(ClientRequest r) {
        String urlId = "bookshelflocalfunctionurl0000000";
        return payload2(r, r.rawPath(), "$default", urlId, urlId + ".lambda-url.us-east-1.on.aws", "anonymous", true,
                r.requestId() != null ? r.requestId() : UUID.randomUUID().toString(), "$default", null);
    }

    private static byte[] payload2(ClientRequest r, String rawPath, String stage, String apiId, String domain,
                                   String account, boolean keepCookieHeader, String id, String routeKey,
                                   String proxy) {
        Instant now = Instant.now();
        Map<String, List<String>> headers = withForwarding(r, true);
        List<String> cookies = cookies(headers.getOrDefault("cookie", List.of()));
        if (!keepCookieHeader) {
            headers.remove("cookie");
        }
        Map<String, List<String>> query = decodedLeniently(rawQueryPairs(r.rawQuery()));
        return EventJson.write(g -> {
            g.writeStartObject();
            g.writeStringField("version", "2.0");
            g.writeStringField("routeKey", routeKey);
            g.writeStringField("rawPath", rawPath);
            g.writeStringField("rawQueryString", r.rawQuery() == null ? "" : r.rawQuery());
            if (!cookies.isEmpty()) {
                EventJson.strings(g, "cookies", cookies);
            }
            EventJson.joinedValues(g, "headers", headers);
            if (!query.isEmpty()) {
                EventJson.joinedValues(g, "queryStringParameters", query);
            }
            if (proxy != null) {
                g.writeObjectFieldStart("pathParameters");
                g.writeStringField("proxy", proxy);
                g.writeEndObject();
            }
            g.writeObjectFieldStart("requestContext");
            g.writeStringField("accountId", account);
            g.writeStringField("apiId", apiId);
            g.writeStringField("domainName", domain);
            g.writeStringField("domainPrefix", apiId);
            g.writeObjectFieldStart("http");
            g.writeStringField("method", r.method());
            g.writeStringField("path", lenientPath(r.rawPath()));
            g.writeStringField("protocol", "HTTP/1.1");
            g.writeStringField("sourceIp", r.sourceIp());
            g.writeStringField("userAgent", r.header("User-Agent"));
            g.writeEndObject();
            g.writeStringField("requestId", id);
            g.writeStringField("routeKey", routeKey);
            g.writeStringField("stage", stage);
            g.writeStringField("time", REQUEST_TIME.format(now));
            g.writeNumberField("timeEpoch", now.toEpochMilli());
            g.writeEndObject();
            EventJson.body(g, r, EventJson.EmptyBody.ABSENT);
            g.writeEndObject();
        });
    }

    /**
     * An Application Load Balancer target group event. The load balancer decodes neither the path
     * nor the query; header names are lower case. With {@code multiValue} (the target group's
     * multi-value headers attribute) every value travels in {@code multiValueHeaders} and
     * {@code multiValueQueryStringParameters}; without it, only the last value of a repeated name,
     * in {@code headers} and {@code queryStringParameters}.
     */
    public static byte[] alb(ClientRequest r, boolean multiValue) {
        Map<String, List<String>> headers = withForwarding(r, true);
        Map<String, List<String>> query = rawQueryPairs(r.rawQuery());
        return EventJson.write(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("requestContext");
            g.writeObjectFieldStart("elb");
            g.writeStringField("targetGroupArn", TARGET_GROUP);
            g.writeEndObject();
            g.writeEndObject();
            g.writeStringField("httpMethod", r.method());
            g.writeStringField("path", r.rawPath());
            if (multiValue) {
                g.writeNullField("queryStringParameters");
                EventJson.allValues(g, "multiValueQueryStringParameters", query);
                g.writeNullField("headers");
                EventJson.allValues(g, "multiValueHeaders", headers);
            } else {
                EventJson.lastValues(g, "queryStringParameters", query);
                EventJson.lastValues(g, "headers", headers);
            }
            EventJson.body(g, r, EventJson.EmptyBody.EMPTY_STRING);
            g.writeEndObject();
        });
    }

    /** The client's headers plus what every AWS front door adds: the client address, scheme, port. */
    private static Map<String, List<String>> withForwarding(ClientRequest r, boolean lowerCaseNames) {
        Map<String, List<String>> headers = r.headerMap(lowerCaseNames);
        String xff = lowerCaseNames ? "x-forwarded-for" : "X-Forwarded-For";
        List<String> forwarded = new ArrayList<>();
        headers.entrySet().removeIf(h -> {
            boolean match = h.getKey().equalsIgnoreCase("X-Forwarded-For");
            if (match) {
                forwarded.addAll(h.getValue());
            }
            return match;
        });
        forwarded.add(r.sourceIp());
        headers.put(xff, List.of(String.join(", ", forwarded)));
        headers.putIfAbsent(lowerCaseNames ? "x-forwarded-proto" : "X-Forwarded-Proto", List.of("http"));
        return headers;
    }

    /** {@code a=1&a=2&b} as raw (undecoded) keys and values, repeated keys kept in order. */
    static Map<String, List<String>> rawQueryPairs(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                out.computeIfAbsent(eq < 0 ? pair : pair.substring(0, eq), k -> new ArrayList<>())
                        .add(eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return out;
    }

    /** Decodes keys and values once ({@code +} as a space); a part that cannot be decoded stays raw. */
    private static Map<String, List<String>> decodedLeniently(Map<String, List<String>> raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        raw.forEach((k, values) -> {
            List<String> list = out.computeIfAbsent(lenient(k), x -> new ArrayList<>());
            values.forEach(v -> list.add(lenient(v)));
        });
        return out;
    }

    private static String lenientPath(String raw) {
        try {
            return UriParts.decodePath(raw);
        } catch (RuntimeException e) {
            return raw;
        }
    }

    private static String lenient(String raw) {
        try {
            return UriParts.decodeQueryComponent(raw);
        } catch (RuntimeException e) {
            return raw;
        }
    }

    /** The {@code Cookie} header's pairs, as payload 2.0's {@code cookies} array. */
    private static List<String> cookies(List<String> cookieHeaders) {
        List<String> out = new ArrayList<>();
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                if (!pair.isBlank()) {
                    out.add(pair.strip());
                }
            }
        }
        return out;
    }

    private static String host(ClientRequest r) {
        String host = r.header("Host");
        return host == null ? "localhost" : host;
    }

    /** HTTP API request ids look like {@code ATfSmjLgPHcESJw=}: 16 base64 characters. */
    private static String randomHttpApiId() {
        byte[] bytes = new byte[11];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }
}
