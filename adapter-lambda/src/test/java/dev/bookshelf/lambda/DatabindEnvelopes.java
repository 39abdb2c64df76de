package dev.bookshelf.lambda;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bookshelf.api.Dispatcher;
import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The two alternatives to the streaming envelope that {@link ColdStartMain} measures: the same
 * translation, but with the event read and the response written through Jackson data binding,
 * either to POJOs (the usual {@code APIGatewayProxyRequestEvent} style) or to a tree. Happy path
 * only: they exist to be timed, not shipped.
 */
final class DatabindEnvelopes {
    private DatabindEnvelopes() {
    }

    /** One event in, one proxy response out. */
    interface Envelope {
        byte[] handle(byte[] event) throws IOException;
    }

    private static JsonMapper mapper() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** Data binding to POJOs, in and out. */
    static Envelope pojo(Dispatcher dispatcher) {
        JsonMapper mapper = mapper();
        return event -> {
            RestEvent e = mapper.readValue(event, RestEvent.class);
            Map<String, List<String>> headers = e.multiValueHeaders != null ? e.multiValueHeaders : single(e.headers);
            Map<String, List<String>> query = e.multiValueQueryStringParameters != null
                    ? e.multiValueQueryStringParameters : single(e.queryStringParameters);
            String requestId = e.requestContext == null ? null : e.requestContext.requestId;
            String sourceIp = e.requestContext == null || e.requestContext.identity == null
                    ? null : e.requestContext.identity.sourceIp;
            ApiRequest request = request(e.httpMethod, e.path, headers, query, e.body,
                    Boolean.TRUE.equals(e.isBase64Encoded), requestId, sourceIp);
            ApiResponse r = dispatcher.dispatch(request).toCompletableFuture().join();
            String text = ProxyResponseWriter.travelsAsText(r.bodyUnsafe(), r.headers().first("Content-Type").orElse(null))
                    ? new String(r.bodyUnsafe(), StandardCharsets.UTF_8) : null;
            RestResponse out = new RestResponse();
            out.statusCode = r.status();
            out.multiValueHeaders = r.headers().asMap();
            out.body = text != null ? text : Base64.getEncoder().encodeToString(r.bodyUnsafe());
            out.isBase64Encoded = text == null;
            return mapper.writeValueAsBytes(out);
        };
    }

    /** Data binding to a JSON tree, in and out. */
    static Envelope tree(Dispatcher dispatcher) {
        JsonMapper mapper = mapper();
        return event -> {
            JsonNode e = mapper.readTree(event);
            JsonNode context = e.path("requestContext");
            ApiRequest request = request(e.path("httpMethod").asText(), e.path("path").asText(),
                    multi(e.get("multiValueHeaders"), e.get("headers")),
                    multi(e.get("multiValueQueryStringParameters"), e.get("queryStringParameters")),
                    e.path("body").textValue(), e.path("isBase64Encoded").asBoolean(),
                    context.path("requestId").textValue(), context.path("identity").path("sourceIp").textValue());
            ApiResponse r = dispatcher.dispatch(request).toCompletableFuture().join();
            ObjectNode out = mapper.createObjectNode();
            out.put("statusCode", r.status());
            ObjectNode headers = out.putObject("multiValueHeaders");
            r.headers().asMap().forEach((name, values) -> values.forEach(headers.withArray(name)::add));
            String text = ProxyResponseWriter.travelsAsText(r.bodyUnsafe(), r.headers().first("Content-Type").orElse(null))
                    ? new String(r.bodyUnsafe(), StandardCharsets.UTF_8) : null;
            out.put("body", text != null ? text : Base64.getEncoder().encodeToString(r.bodyUnsafe()));
            out.put("isBase64Encoded", text == null);
            return mapper.writeValueAsBytes(out);
        };
    }

    private static ApiRequest request(String method, String path, Map<String, List<String>> headers,
                                      Map<String, List<String>> query, String body, boolean base64,
                                      String requestId, String sourceIp) {
        Headers.Builder h = Headers.builder();
        headers.forEach(h::addAll);
        byte[] bytes = body == null ? null
                : base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        return new ApiRequest(method, dev.bookshelf.api.http.UriParts.decodePath(path), h.build(), query, bytes,
                requestId != null ? requestId : UUID.randomUUID().toString(), sourceIp);
    }

    private static Map<String, List<String>> single(Map<String, String> map) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((k, v) -> out.put(k, List.of(v)));
        }
        return out;
    }

    private static Map<String, List<String>> multi(JsonNode multi, JsonNode single) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (multi != null && multi.isObject()) {
            multi.properties().forEach(f -> {
                List<String> values = new ArrayList<>();
                f.getValue().forEach(v -> values.add(v.asText()));
                out.put(f.getKey(), values);
            });
        } else if (single != null && single.isObject()) {
            single.properties().forEach(f -> out.put(f.getKey(), List.of(f.getValue().asText())));
        }
        return out;
    }

    /** The REST event as a POJO, the usual data-binding shape. */
    public static final class RestEvent {
        public String httpMethod;
        public String path;
        public Map<String, String> headers;
        public Map<String, List<String>> multiValueHeaders;
        public Map<String, String> queryStringParameters;
        public Map<String, List<String>> multiValueQueryStringParameters;
        public Map<String, String> pathParameters;
        public Map<String, String> stageVariables;
        public RequestContext requestContext;
        public String body;
        public Boolean isBase64Encoded;
    }

    public static final class RequestContext {
        public String requestId;
        public String stage;
        public Identity identity;
    }

    public static final class Identity {
        public String sourceIp;
    }

    /** The proxy response as a POJO. */
    public static final class RestResponse {
        public int statusCode;
        public Map<String, List<String>> multiValueHeaders;
        public String body;
        public boolean isBase64Encoded;
    }
}
