package dev.bookshelf.lambda;

import dev.bookshelf.api.http.Headers;
import java.util.List;
import java.util.Map;

/** The fields of one Lambda event that the service uses, as read, before any translation. */
final class EventFields {
    /** {@code "2.0"} for HTTP API 2.0 and function URLs, {@code "1.0"} for an HTTP API 1.0 event, else absent. */
    String version;
    String method;
    String path;
    String rawPath;
    String rawQueryString;
    /** REST and HTTP API 1.0: the resource API Gateway matched ({@code /books/{id}}, {@code /{proxy+}}). */
    String resource;
    /** HTTP API 2.0: {@code "GET /books/{id}"} or {@code "$default"}. */
    String routeKey;
    /** The values API Gateway matched to the resource's or route's variables; null when absent. */
    Map<String, String> pathParameters;
    /** {@code pathParameters} held something other than strings: no base path is inferred from it. */
    boolean pathParametersUnreadable;
    List<String> cookies;
    Map<String, List<String>> headers;
    /** Where {@code headers} and {@code queryStringParameters} are, until read (see the reader). */
    ProxyEventReader.Span headersSpan;
    ProxyEventReader.Span querySpan;
    /** Read straight into headers: the request's when present and not empty (see the translation). */
    Headers.Builder multiValueHeaders;
    Map<String, List<String>> query;
    Map<String, List<String>> multiValueQuery;
    String body;
    boolean base64;
    boolean hasRequestContext;
    String requestId;
    /** {@code requestContext.identity.sourceIp} (payload 1.0). */
    String identitySourceIp;
    /** {@code requestContext.http.method} and {@code .sourceIp} (payload 2.0). */
    String httpMethod;
    String httpSourceIp;
    String stage;
    String domainName;
    /** {@code requestContext.elb} is an object: the event comes from an Application Load Balancer. */
    boolean elb;

    /** The kind of event, from its shape; null when it is none of the HTTP kinds we answer. */
    EventKind kind() {
        if (!hasRequestContext) {
            return null;
        }
        if (elb) {
            boolean multi = multiValueHeaders != null || multiValueQuery != null;
            return method != null && path != null ? (multi ? EventKind.ALB_MULTI_VALUE : EventKind.ALB) : null;
        }
        if ("2.0".equals(version)) {
            if (httpMethod == null || rawPath == null) {
                return null;
            }
            return domainName != null && domainName.contains(".lambda-url.") ? EventKind.FUNCTION_URL
                    : EventKind.HTTP_API_2;
        }
        return method != null && path != null ? EventKind.PAYLOAD_1 : null;
    }
}
