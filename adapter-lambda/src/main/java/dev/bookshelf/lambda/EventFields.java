package dev.bookshelf.lambda;

import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.http.UriParts;
import dev.bookshelf.api.problem.ApiProblem;
import dev.bookshelf.core.shared.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The fields of one proxy event that the service uses, as read; turned into an {@link ApiRequest}. */
final class EventFields {
    String method;
    String path;
    /** Only HTTP API events have it ({@code "1.0"}); their path arrives already decoded. */
    String version;
    Map<String, List<String>> headers;
    Map<String, List<String>> multiValueHeaders;
    Map<String, List<String>> query;
    Map<String, List<String>> multiValueQuery;
    String body;
    boolean base64;
    boolean hasRequestContext;
    String requestId;
    String sourceIp;

    boolean isProxyEvent() {
        return method != null && path != null && hasRequestContext;
    }

    ProxyEvent.Request toEvent(Supplier<String> fallbackId) {
        // Decoded by the api's rule, as the HTTP server decodes: a malformed escape is a 400 naming path.
        String decodedPath = path;
        ApiProblem problem = null;
        if (version == null) {
            try {
                decodedPath = UriParts.decodePath(path);
            } catch (ApiProblem undecodable) {
                decodedPath = "/";
                problem = undecodable;
            }
        }
        Headers.Builder h = Headers.builder();
        preferred(multiValueHeaders, headers).forEach(h::addAll);
        // Query values arrive decoded already: they are never decoded again.
        Map<String, List<String>> q = preferred(multiValueQuery, query);
        String id = requestId == null || requestId.isBlank() ? fallbackId.get() : requestId;
        byte[] bytes = new byte[0];
        if (body != null && base64) {
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                if (problem == null) {
                    problem = ApiProblem.invalid("The body is marked as base64 but is not valid base64.",
                            FieldError.of("body", FieldError.Code.INVALID_FORMAT));
                }
            }
        } else if (body != null) {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        return new ProxyEvent.Request(new ApiRequest(method, decodedPath, h.build(), q, bytes, id, sourceIp), problem);
    }

    /** The multi-valued form when it holds anything (it keeps repeated names), else the single-valued one. */
    private static Map<String, List<String>> preferred(Map<String, List<String>> multi, Map<String, List<String>> single) {
        if (multi != null && !multi.isEmpty()) {
            return multi;
        }
        return single == null ? Map.of() : single;
    }
}
