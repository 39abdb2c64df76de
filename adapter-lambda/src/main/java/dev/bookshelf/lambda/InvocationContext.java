package dev.bookshelf.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bookshelf.api.http.RequestContext;
import dev.bookshelf.api.http.TraceIds;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What one container knows of each invocation besides the event, for the log line and metrics:
 * whether it is the container's first (its cold start), the function's name and version and the
 * invocation's id from the Lambda context, and the X-Ray trace id of the runtime's trace header
 * (the Java runtime sets the system property {@value #TRACE_PROPERTY} for each invocation; the
 * environment variable {@value #TRACE_ENV}, fixed for the process and read once, otherwise). Events without a Lambda context (SnapStart
 * priming) are no invocation: they neither use up the cold start nor carry invocation fields, so a
 * container restored from a snapshot still reports its first real invocation as its cold start.
 */
final class InvocationContext {
    static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";
    static final String TRACE_ENV = "_X_AMZN_TRACE_ID";

    private final AtomicBoolean cold = new AtomicBoolean(true);
    private final Supplier<String> traceHeader;

    InvocationContext() {
        this(runtimeTraceHeader(System.getenv(TRACE_ENV)));
    }

    /** {@code traceHeader}: the current invocation's X-Ray trace header, or null. */
    InvocationContext(Supplier<String> traceHeader) {
        this.traceHeader = traceHeader;
    }

    /** The context of an invocation ({@link RequestContext#NONE} without a Lambda context); never throws. */
    RequestContext of(Context context) {
        if (context == null) {
            return RequestContext.NONE;
        }
        boolean coldStart = cold.get() && cold.getAndSet(false);
        String name = null;
        String version = null;
        String id = null;
        try {
            name = context.getFunctionName();
            version = context.getFunctionVersion();
            id = context.getAwsRequestId();
        } catch (RuntimeException e) {
            // A broken context must not keep the event from being answered: what it told is kept.
        }
        String xray = TraceIds.xrayRoot(traceHeader.get());
        return new RequestContext(new RequestContext.Invocation(coldStart, name, version, id), null, xray, null);
    }

    /** The system property, read for each invocation; else the environment's header (fixed for the process). */
    private static Supplier<String> runtimeTraceHeader(String fromEnvironment) {
        return () -> {
            String header = System.getProperty(TRACE_PROPERTY);
            return header != null ? header : fromEnvironment;
        };
    }
}
