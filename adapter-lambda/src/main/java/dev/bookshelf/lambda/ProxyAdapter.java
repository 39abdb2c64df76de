package dev.bookshelf.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bookshelf.api.BookshelfApi;
import dev.bookshelf.api.Dispatcher;
import dev.bookshelf.api.RequestLog;
import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.problem.ApiProblem;
import dev.bookshelf.api.problem.ProblemKind;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reader, dispatch, writer, with a catch-all at the edge: one container's translation between
 * Lambda events and the service. Every outcome becomes a complete proxy response; nothing is
 * thrown to the Lambda runtime. Built once per container; the only state kept across events is
 * whether the non-proxy warning was logged.
 */
final class ProxyAdapter {
    /** Lambda refuses synchronous responses over 6 MB; a larger answer becomes a 502 problem. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;
    /** Time kept before the function's deadline to answer a request that has not finished. */
    static final long DEADLINE_MARGIN_MS = 500;

    private static final byte[] LAST_RESORT = ("{\"statusCode\":500,\"multiValueHeaders\":{\"Content-Type\":"
            + "[\"application/json; charset=utf-8\"]},\"body\":\"{\\\"type\\\":\\\"/problems/internal\\\","
            + "\\\"title\\\":\\\"Internal error\\\",\\\"status\\\":500}\",\"isBase64Encoded\":false}")
            .getBytes(StandardCharsets.UTF_8);

    private final Dispatcher dispatcher;
    private final RequestLog log;
    private final ProxyEventReader reader;
    private final ProxyResponseWriter writer;
    private final int maxResponseBytes;
    private final AtomicBoolean warnedNotProxy = new AtomicBoolean();

    ProxyAdapter(BookshelfApi api, int maxResponseBytes) {
        this.dispatcher = api.dispatcher();
        this.log = api.log();
        this.reader = new ProxyEventReader(api.json());
        this.writer = new ProxyResponseWriter(api.json());
        this.maxResponseBytes = maxResponseBytes;
    }

    /** Answers one event with the bytes of a proxy response; never throws. */
    byte[] handle(byte[] event, Context context) {
        ApiRequest request = null;
        try {
            ProxyEvent read = reader.read(event, () -> fallbackRequestId(context));
            if (read instanceof ProxyEvent.NotProxy notProxy) {
                request = unknownRequest(context);
                return write(request, notProxy(request, notProxy.detail()));
            }
            ProxyEvent.Request proxy = (ProxyEvent.Request) read;
            request = proxy.request();
            ApiResponse response = proxy.problem() != null
                    ? dispatcher.failure(request, proxy.problem())
                    : await(request, context);
            return write(request, response);
        } catch (RuntimeException e) {
            return lastResort(request != null ? request : unknownRequest(context), e);
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
    private ApiResponse await(ApiRequest request, Context context) {
        long budgetMs = context == null ? -1 : Math.max(1, context.getRemainingTimeInMillis() - DEADLINE_MARGIN_MS);
        CompletableFuture<ApiResponse> answer = dispatcher.dispatch(request).toCompletableFuture();
        try {
            return budgetMs < 0 ? answer.join() : answer.get(budgetMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return dispatcher.failure(request, e);
        } catch (ExecutionException | TimeoutException | CompletionException e) {
            return dispatcher.failure(request, e);
        }
    }

    private byte[] write(ApiRequest request, ApiResponse response) {
        byte[] bytes = writer.write(response);
        if (bytes.length <= maxResponseBytes) {
            return bytes;
        }
        return writer.write(dispatcher.failure(request, new ApiProblem(ProblemKind.RESPONSE_TOO_LARGE,
                "The answer has " + bytes.length + " bytes; Lambda returns at most " + maxResponseBytes + ".")));
    }

    private byte[] lastResort(ApiRequest request, RuntimeException failure) {
        try {
            return writer.write(dispatcher.failure(request, failure));
        } catch (RuntimeException again) {
            return LAST_RESORT.clone();
        }
    }

    /** Stands for an event that could not be read as a request. */
    private static ApiRequest unknownRequest(Context context) {
        return new ApiRequest("-", "/", Headers.empty(), Map.of(), null, fallbackRequestId(context), null);
    }

    /** The Lambda invocation's id when there is one, else a fresh one. */
    private static String fallbackRequestId(Context context) {
        try {
            String awsRequestId = context == null ? null : context.getAwsRequestId();
            if (awsRequestId != null && !awsRequestId.isBlank()) {
                return awsRequestId;
            }
        } catch (RuntimeException e) {
            // A broken context must not keep the event from being answered.
        }
        return UUID.randomUUID().toString();
    }
}
