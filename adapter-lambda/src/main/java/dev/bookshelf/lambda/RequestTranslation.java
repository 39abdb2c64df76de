package dev.bookshelf.lambda;

import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.http.RequestContext;
import dev.bookshelf.api.http.UriParts;
import dev.bookshelf.api.problem.ApiProblem;
import dev.bookshelf.core.shared.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns the fields of one event into a neutral request, the way its kind delivers them: which
 * parts arrive percent-encoded (decoded here exactly once, with the api's {@link UriParts}, as the
 * HTTP server does), where the method, client address and cookies are, and whether a stage
 * prefix is in the path. Header values are never split on commas. A path or query that cannot be
 * decoded becomes the request's problem, answered instead of dispatching (as the HTTP server
 * does); a body that cannot be decoded is left for the dispatcher to judge where bodies are judged.
 */
final class RequestTranslation {
    private final BasePathInference basePaths;
    private ApiProblem problem;
    private ApiProblem bodyProblem;
    private String mapping = "";

    private RequestTranslation(BasePathInference basePaths) {
        this.basePaths = basePaths;
    }

    static ProxyEvent.Request translate(EventFields f, EventKind kind, Supplier<String> fallbackId,
                                        BasePathInference basePaths, RequestContext transport) {
        return new RequestTranslation(basePaths).request(f, kind, fallbackId, transport);
    }

    private ProxyEvent.Request request(EventFields f, EventKind kind, Supplier<String> fallbackId,
                                       RequestContext transport) {
        Headers headers = headers(f, kind);
        String id = f.requestId == null || f.requestId.isBlank() ? fallbackId.get() : f.requestId;
        ApiRequest request = new ApiRequest(kind.isPayload2() ? f.httpMethod : f.method, path(f, kind), headers,
                query(f, kind), body(f), id, sourceIp(f, kind, headers), context(transport, f, headers));
        return new ProxyEvent.Request(request, problem, bodyProblem, kind, mapping);
    }

    /**
     * The invocation's context with the event's: API Gateway's request id as the correlation id
     * (when safe to echo) and the W3C trace id of a valid {@code traceparent} header.
     */
    private static RequestContext context(RequestContext transport, EventFields f, Headers headers) {
        return RequestContext.of(transport.invocation(), f.requestId, transport.xrayTraceId(), headers);
    }

    /**
     * The path as the kind delivers it, less what {@link BasePathInference} finds in front of the
     * resource or route the event names (a base-path mapping, an HTTP API's named stage).
     */
    private String path(EventFields f, EventKind kind) {
        return switch (kind) {
            // A REST API's path is encoded and never holds the stage.
            case PAYLOAD_1 -> f.version == null ? restPath(f, kind) : inferred(f, kind, f.path, f.path,
                    withoutStage(f.path, f.stage));
            // An HTTP API delivers the path decoded already (live captures; "version" 1.0 and 2.0 alike),
            // with a named stage in front.
            case HTTP_API_2 -> inferred(f, kind, f.rawPath, f.rawPath, withoutStage(f.rawPath, f.stage));
            case FUNCTION_URL -> decodePath(f.rawPath);
            case ALB, ALB_MULTI_VALUE -> decodePath(f.path);
        };
    }

    private String restPath(EventFields f, EventKind kind) {
        ApiProblem before = problem;
        String decoded = decodePath(f.path);
        return problem != before ? decoded : inferred(f, kind, decoded, f.path, decoded);
    }

    /**
     * The inferred path; what it removed beyond {@code asDelivered} (not the HTTP API stage, which
     * was always removed) is the mapping.
     */
    private String inferred(EventFields f, EventKind kind, String decoded, String raw, String asDelivered) {
        String path = basePaths.apiPath(f, kind, decoded, raw, asDelivered);
        if (path.length() < asDelivered.length() && asDelivered.endsWith(path)) {
            String removed = asDelivered.substring(0, asDelivered.length() - path.length());
            mapping = removed.startsWith("/") && !removed.endsWith("/") ? removed : "";
        }
        return path;
    }

    /**
     * An HTTP API stage other than {@code $default} is the first segment of the path it delivers;
     * it is not part of the route. (A custom domain's mapping key, when present, is BASE_PATH's.)
     */
    static String withoutStage(String path, String stage) {
        if (stage == null || stage.isEmpty() || stage.equals("$default")) {
            return path;
        }
        String prefix = "/" + stage;
        if (path.equals(prefix)) {
            return "/";
        }
        return path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path;
    }

    private static Headers headers(EventFields f, EventKind kind) {
        Headers.Builder h = Headers.builder();
        if (kind.isPayload2()) {
            if (f.headers != null) {
                f.headers.forEach(h::addAll);
            }
            if (f.cookies != null && !f.cookies.isEmpty()) {
                h.set("Cookie", String.join("; ", f.cookies));
            }
        } else if (f.multiValueHeaders != null && !f.multiValueHeaders.isEmpty()) {
            return f.multiValueHeaders.build();
        } else if (f.headers != null) {
            f.headers.forEach(h::addAll);
        }
        return h.build();
    }

    private Map<String, List<String>> query(EventFields f, EventKind kind) {
        try {
            return switch (kind) {
                // Both API Gateway maps hold decoded values: never decoded again.
                case PAYLOAD_1 -> preferred(f.multiValueQuery, f.query);
                case HTTP_API_2, FUNCTION_URL -> f.rawQueryString != null ? UriParts.parseQuery(f.rawQueryString)
                        : preferred(null, f.query);
                // "If the query parameters are URL-encoded, the load balancer does not decode them."
                case ALB, ALB_MULTI_VALUE -> UriParts.decodeQuery(preferred(f.multiValueQuery, f.query));
            };
        } catch (ApiProblem p) {
            keep(p);
            return Map.of();
        }
    }

    private String decodePath(String raw) {
        try {
            return UriParts.decodePath(raw);
        } catch (ApiProblem p) {
            keep(p);
            return raw;
        }
    }

    private byte[] body(EventFields f) {
        if (f.body == null) {
            return new byte[0];
        }
        if (!f.base64) {
            return f.body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(f.body);
        } catch (IllegalArgumentException e) {
            bodyProblem = ApiProblem.invalid("The body is marked as base64 but is not valid base64.",
                    FieldError.of("body", FieldError.Code.INVALID_FORMAT));
            return new byte[0];
        }
    }

    /** The client's address: API Gateway names it; a load balancer appends it to X-Forwarded-For. */
    private static String sourceIp(EventFields f, EventKind kind, Headers headers) {
        return switch (kind) {
            case PAYLOAD_1 -> f.identitySourceIp;
            case HTTP_API_2, FUNCTION_URL -> f.httpSourceIp;
            case ALB, ALB_MULTI_VALUE -> lastForwardedFor(headers.all("X-Forwarded-For"));
        };
    }

    private static String lastForwardedFor(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        String last = values.get(values.size() - 1);
        String ip = last.substring(last.lastIndexOf(',') + 1).strip();
        return ip.isEmpty() ? null : ip;
    }

    private void keep(ApiProblem p) {
        if (problem == null) {
            problem = p;
        }
    }

    /** The multi-valued form when it holds anything (it keeps repeated names), else the single-valued one. */
    private static Map<String, List<String>> preferred(Map<String, List<String>> multi,
                                                       Map<String, List<String>> single) {
        if (multi != null && !multi.isEmpty()) {
            return multi;
        }
        return single == null ? Map.of() : single;
    }
}
