package dev.bookshelf.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bookshelf.api.BookshelfApi;
import dev.bookshelf.api.Dispatcher;
import dev.bookshelf.api.RequestLog;
import dev.bookshelf.api.config.Settings;
import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.http.RequestContext;
import dev.bookshelf.api.problem.ApiProblem;
import dev.bookshelf.api.problem.ProblemKind;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reader, dispatch, writer, with a catch-all at the edge: one container's translation between
 * Lambda events and the service. Every outcome becomes a complete response in the format of the
 * event's kind; nothing is thrown to the Lambda runtime. Large answers are gzipped for clients
 * that accept it; one still over the kind's limit becomes a 502 problem. Built once per container;
 * the only state kept across events is whether the non-proxy warning was logged.
 */
final class ProxyAdapter {
    /** Time kept before the function's deadline to answer a request that has not finished. */
    static final long DEADLINE_MARGIN_MS = 500;

    private static final byte[] LAST_RESORT = ("{\"statusCode\":500,\"multiValueHeaders\":{\"Content-Type\":"
            + "[\"application/json; charset=utf-8\"]},\"body\":\"{\\\"type\\\":\\\"/problems/internal\\\","
            + "\\\"title\\\":\\\"Internal error\\\",\\\"status\\\":500}\",\"isBase64Encoded\":false}")
            .getBytes(StandardCharsets.UTF_8);

    private final Dispatcher dispatcher;
    private final RequestLog log;
    private final Settings settings;
    private final ProxyEventReader reader;
    private final ProxyResponseWriter writer;
    private final ResponseLimits limits;
    private final InvocationContext invocations = new InvocationContext();
    private final AtomicBoolean warnedNotProxy = new AtomicBoolean();

    ProxyAdapter(BookshelfApi api, ResponseLimits limits) {
        this.dispatcher = api.dispatcher();
        this.log = api.log();
        this.settings = api.settings();
        this.reader = new ProxyEventReader(api.json(),
                new BasePathInference(!api.settings().basePath().isEmpty(), api.log()));
        this.writer = new ProxyResponseWriter(api.json());
        this.limits = limits;
    }

    /** The service's log, for container-level events (priming, restore). */
    RequestLog log() {
        return log;
    }

    /** The service's settings (priming signs its token with the service's key). */
    Settings settings() {
        return settings;
    }

    /** Answers one event with the bytes of a proxy response; never throws. */
    byte[] handle(byte[] event, Context context) {
        ApiRequest request = null;
        RequestContext transport = RequestContext.NONE;
        try {
            RequestContext invoked = invocations.of(context);
            transport = invoked;
            ProxyEvent read = reader.read(event, () -> invocationId(invoked), transport);
            if (read instanceof ProxyEvent.NotProxy notProxy) {
                request = unknownRequest(transport);
                return write(request, EventKind.PAYLOAD_1, notProxy(request, notProxy.detail()));
            }
            ProxyEvent.Request proxy = (ProxyEvent.Request) read;
            request = proxy.request();
            ApiResponse response = proxy.problem() != null
                    ? dispatcher.failure(request, proxy.problem())
                    : await(request, proxy.bodyProblem(), context);
            return write(request, proxy.kind(), response.withLocationUnder(proxy.mapping()));
        } catch (RuntimeException e) {
            return lastResort(request != null ? request : unknownRequest(transport), e);
        } finally {
            log.flush();
        }
    }

    private ApiResponse notProxy(ApiRequest request, String detail) {
        if (warnedNotProxy.compareAndSet(false, true)) {
            log.event("WARN", "Received a Lambda event that is not an API Gateway Lambda proxy integration event;"
                    + " answering 500 " + ProblemKind.NOT_PROXY_EVENT.type() + ". Enable 'Use Lambda Proxy"
                    + " integration' (integration type AWS_PROXY) on the API Gateway method, then deploy the API"
                    + " again. Logged once per container.");
        }
        return dispatcher.failure(request, new ApiProblem(ProblemKind.NOT_PROXY_EVENT, detail));
    }

    /** Waits for the answer, but not past the function's deadline (less a margin to send a problem). */
    private ApiResponse await(ApiRequest request, ApiProblem unreadableBody, Context context) {
        long budgetMs = context == null ? -1 : Math.max(1, context.getRemainingTimeInMillis() - DEADLINE_MARGIN_MS);
        CompletableFuture<ApiResponse> answer = dispatcher.dispatch(request, unreadableBody).toCompletableFuture();
        try {
            return budgetMs < 0 ? answer.join() : answer.get(budgetMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return dispatcher.failure(request, e);
        } catch (ExecutionException | TimeoutException | CompletionException e) {
            return dispatcher.failure(request, e);
        }
    }

    /**
     * Writes the answer in the kind's format. A body from {@code gzipMinBodyBytes} on, or an
     * answer over the kind's limit, varies on Accept-Encoding and is gzipped when the client
     * allows it; an answer still over the limit becomes a 502 problem (Lambda or the load
     * balancer would otherwise fail the invocation with no useful answer).
     */
    private byte[] write(ApiRequest request, EventKind kind, ApiResponse response) {
        int max = limits.maxBytes(kind);
        boolean large = response.bodyUnsafe().length >= limits.gzipMinBodyBytes();
        byte[] bytes = large ? null : writer.write(response, kind);
        if (large || bytes.length > max) {
            ApiResponse varied = ResponseCompression.varyOnAcceptEncoding(response);
            boolean compress = !response.headers().contains("Content-Encoding")
                    && ResponseCompression.acceptsGzip(request.headers());
            bytes = writer.write(compress ? ResponseCompression.gzip(varied) : varied, kind);
        }
        if (bytes.length <= max) {
            return bytes;
        }
        return writer.write(dispatcher.failure(request, new ApiProblem(ProblemKind.RESPONSE_TOO_LARGE,
                "The answer has " + bytes.length + " bytes; the " + kind + " takes at most " + max + ".")), kind);
    }

    private byte[] lastResort(ApiRequest request, RuntimeException failure) {
        try {
            return writer.write(dispatcher.failure(request, failure));
        } catch (RuntimeException again) {
            return LAST_RESORT.clone();
        }
    }

    /** Stands for an event that could not be read as a request. */
    private static ApiRequest unknownRequest(RequestContext transport) {
        return new ApiRequest("-", "/", Headers.empty(), Map.of(), null, invocationId(transport), null, transport);
    }

    /**
     * The Lambda invocation's id, as {@link InvocationContext} read it; null without one (the
     * request then gets a fresh id).
     */
    private static String invocationId(RequestContext transport) {
        return transport.invocation() == null ? null : transport.invocation().requestId();
    }
}
