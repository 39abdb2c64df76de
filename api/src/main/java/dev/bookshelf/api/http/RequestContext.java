package dev.bookshelf.api.http;

/**
 * What a transport knows about a request besides HTTP, for the request's log line and metrics:
 * the Lambda invocation it arrived in, a correlation id, trace ids. Immutable; a null member is
 * absent (left out of the log line, not written as null or empty). Filled by the adapters.
 *
 * @param invocation    the Lambda invocation (Lambda only; null on the server and for events
 *                      that are not invocations, such as SnapStart priming)
 * @param correlationId API Gateway's request id on Lambda; on the server an incoming
 *                      {@code X-Request-Id} when it is safe to echo
 * @param xrayTraceId   an X-Ray trace id ({@code 1-5759e988-bd862e3fe1be46a994272793})
 * @param traceId       a W3C trace id (32 lower-case hex digits) from {@code traceparent}
 */
public record RequestContext(Invocation invocation, String correlationId, String xrayTraceId, String traceId) {
    /** Nothing known beyond HTTP. */
    public static final RequestContext NONE = new RequestContext(null, null, null, null);

    /**
     * One Lambda invocation: whether it is the container's first (a cold start), the function's
     * name and version, and the invocation's request id (the Lambda context's aws request id).
     */
    public record Invocation(boolean coldStart, String functionName, String functionVersion, String requestId) {
    }

    public RequestContext {
        correlationId = safe(correlationId);
        xrayTraceId = safe(xrayTraceId);
        traceId = safe(traceId);
    }

    /**
     * The context of a request to the HTTP server, from its headers: {@code X-Request-Id} as the
     * correlation id when well formed (see {@link ApiRequest}), {@code X-Amzn-Trace-Id}'s root and
     * {@code traceparent}'s trace id when valid. Malformed values are ignored.
     */
    public static RequestContext fromHeaders(Headers headers) {
        return of(null, headers.first("X-Request-Id").orElse(null),
                TraceIds.xrayRoot(headers.first("X-Amzn-Trace-Id").orElse(null)), headers);
    }

    /**
     * A context with what the transport knows ({@code invocation}, {@code correlationId},
     * {@code xrayTraceId}, each may be null) and the W3C trace id of the request's
     * {@code traceparent} header when it is valid: the one place either transport reads it.
     */
    public static RequestContext of(Invocation invocation, String correlationId, String xrayTraceId,
                                    Headers headers) {
        String w3c = TraceIds.w3cTraceId(headers.first("traceparent").orElse(null));
        if (invocation == null && correlationId == null && xrayTraceId == null && w3c == null) {
            return NONE;
        }
        return new RequestContext(invocation, correlationId, xrayTraceId, w3c);
    }

    private static String safe(String id) {
        return ApiRequest.isSafeId(id) ? id : null;
    }
}
