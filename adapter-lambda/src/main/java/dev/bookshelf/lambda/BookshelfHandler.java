package dev.bookshelf.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.bookshelf.api.BookshelfApi;
import dev.bookshelf.api.config.ConfigException;
import dev.bookshelf.api.config.Settings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.crac.Core;

/**
 * The AWS Lambda entry point for every synchronous HTTP invocation: API Gateway REST API proxy
 * integration and HTTP API (payload 1.0 and 2.0), Lambda function URLs, and Application Load
 * Balancer target groups (with or without multi-value headers). The kind is told from the
 * event's shape and answered in its own response format. Handler string:
 * {@code dev.bookshelf.lambda.BookshelfHandler::handleRequest}.
 *
 * <p>The service is built once per container, from the environment, when the runtime creates
 * the first handler (Lambda's init phase); invalid configuration fails that init with a
 * {@link ConfigException} listing every problem. Each event is read with Jackson's streaming
 * parser, dispatched, and answered. Every outcome is answered as JSON, including events that are
 * not HTTP events (a 500 problem telling how to enable Lambda proxy integration) and unexpected
 * failures (a 500 problem with CORS headers).
 */
public final class BookshelfHandler implements RequestStreamHandler {
    private static final int LOG_BUFFER_BYTES = 16 * 1024;

    private final ProxyAdapter adapter;

    /** Used by the Lambda runtime: shares the container's service, built from {@code System.getenv()}. */
    public BookshelfHandler() {
        this(Container.adapter());
    }

    private BookshelfHandler(ProxyAdapter adapter) {
        this.adapter = adapter;
    }

    /**
     * A handler with its own service built from {@code env} (not {@code System.getenv()}), logging
     * to {@code log}: for the local gateway, tests and benchmarks. Throws {@link ConfigException}
     * for invalid configuration, as the runtime's constructor does.
     */
    public static BookshelfHandler forEnvironment(Map<String, String> env, PrintStream log) {
        return new BookshelfHandler(adapterFor(env, log));
    }

    /** A handler for an already built service, with AWS's response size limits. */
    static BookshelfHandler forApi(BookshelfApi api) {
        return forApi(api, ResponseLimits.AWS);
    }

    /** A handler for an already built service, with the given response size limits. */
    static BookshelfHandler forApi(BookshelfApi api, ResponseLimits limits) {
        return new BookshelfHandler(new ProxyAdapter(api, limits));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] answer = adapter.handle(input.readAllBytes(), context);
        output.write(answer);
        output.flush();
    }

    /**
     * Validated settings, a direct hashing executor (the handler waits anyway), the system clock;
     * request metrics as Embedded Metric Format lines on the log stream.
     */
    private static ProxyAdapter adapterFor(Map<String, String> env, PrintStream stream) {
        PrintStream log = perInvocation(stream);
        BookshelfApi api = BookshelfApi.create(Settings.fromEnv(env), Runnable::run, Clock.systemUTC(), log);
        api.dispatcher().listen(new EmfMetrics(api.settings().telemetry(), log, System::currentTimeMillis));
        return new ProxyAdapter(api, ResponseLimits.AWS);
    }

    /**
     * {@code stream}, buffered: an invocation's log and metrics lines reach it in one write when the
     * adapter flushes the log, before it answers (events are flushed at once). Lambda splits
     * standard output into log events at line ends, so each line stays its own event.
     */
    private static PrintStream perInvocation(PrintStream stream) {
        return new PrintStream(new BufferedOutputStream(stream, LOG_BUFFER_BYTES), false, StandardCharsets.UTF_8);
    }

    /** The container's service: built on first use, kept for the life of the JVM. */
    private static final class Container {
        private static final ProxyAdapter ADAPTER;
        /** Held here: CRaC contexts (Lambda's included) hold their resources only weakly. */
        private static final Priming PRIMING;
        private static final RuntimeException FAILURE;

        static {
            ProxyAdapter adapter = null;
            Priming priming = null;
            RuntimeException failure = null;
            try {
                adapter = adapterFor(System.getenv(), System.out);
                priming = Priming.register(adapter, adapter.log(), Core.getGlobalContext());
            } catch (RuntimeException e) {
                failure = e;
            }
            ADAPTER = adapter;
            PRIMING = priming;
            FAILURE = failure;
        }

        private Container() {
        }

        /** The service, or the failure that kept it from being built, thrown again for every attempt. */
        static ProxyAdapter adapter() {
            if (FAILURE != null) {
                throw FAILURE;
            }
            return ADAPTER;
        }
    }
}
