package dev.bookshelf.http;

import dev.bookshelf.api.RequestListener;
import dev.bookshelf.api.http.ApiRequest;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.netty4.NettyEventExecutorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The server's Prometheus metrics (Micrometer): {@code http_server_requests_seconds} by route
 * template, method and status class, recorded from the dispatcher's {@link RequestListener};
 * JVM memory, GC, threads, classes, CPU and uptime; and the pending tasks of every Vert.x event
 * loop ({@code netty_eventexecutor_tasks_pending}). Labels are bounded: a route is a template of
 * the route table or {@code "-"}, a method outside the HTTP standard's is {@code OTHER}.
 */
final class ServerMetrics implements RequestListener, AutoCloseable {
    static final String REQUESTS = "http.server.requests";
    /** The content types of the Prometheus client's two text writers. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "OTHER"};
    /** Durations an event loop holds before it records them. */
    static final int BATCH = 128;
    static final Duration FLUSH_WAIT = Duration.ofSeconds(2);
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25),
        Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2)};

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    /** Per route template: the timers by method and status class, made on first use. */
    private final ConcurrentHashMap<String, AtomicReferenceArray<Timer>> timers = new ConcurrentHashMap<>();
    /** Each event loop's durations not yet recorded (see {@link Pending}). */
    private final ThreadLocal<Pending> pending = new ThreadLocal<>();
    private final Set<Pending> loops = ConcurrentHashMap.newKeySet();

    private ServerMetrics(PrometheusMeterRegistry registry, JvmGcMetrics gc) {
        this.registry = registry;
        this.gc = gc;
    }

    /**
     * A registry with the JVM's and {@code vertx}'s event loops' metrics bound. Call it off the
     * event loops (start-up): binding the loops' gauges waits for each loop's thread to start.
     */
    static ServerMetrics create(Vertx vertx) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new NettyEventExecutorMetrics(((VertxInternal) vertx).nettyEventLoopGroup()).bindTo(registry);
        return new ServerMetrics(registry, gc);
    }

    @Override
    public void answered(ApiRequest request, String route, int status, long durationNanos) {
        AtomicReferenceArray<Timer> byMethodAndStatus = timers.get(route);
        if (byMethodAndStatus == null) {
            byMethodAndStatus = timers.computeIfAbsent(route,
                    r -> new AtomicReferenceArray<>(METHODS.length * STATUS_CLASSES.size()));
        }
        int statusClass = RequestListener.statusClass(status);
        int slot = methodIndex(request.method()) * STATUS_CLASSES.size() + statusClass;
        Timer timer = byMethodAndStatus.get(slot);
        if (timer == null) {
            // A race here registers the same meter twice, and the registry answers the same Timer.
            timer = Timer.builder(REQUESTS)
                    .description("Requests the API answered, by route template, method and status class")
                    .tag("route", route)
                    .tag("method", METHODS[slot / STATUS_CLASSES.size()])
                    .tag("status", STATUS_CLASSES.get(statusClass))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
            byMethodAndStatus.set(slot, timer);
        }
        Pending mine = pending.get();
        if (mine == null) {
            Context context = Vertx.currentContext();
            if (context == null || !context.isEventLoopContext() || !Context.isOnEventLoopThread()) {
                timer.record(durationNanos, TimeUnit.NANOSECONDS);
                return;
            }
            mine = new Pending(context);
            pending.set(mine);
            loops.add(mine);
        }
        mine.add(timer, durationNanos);
    }

    /**
     * One event loop's durations not yet in their timers. A timer's histogram is one array that
     * every loop would otherwise write at each request, a cache line passed from core to core;
     * a loop records here, alone, and into the timers {@link #BATCH} at a time, and at each
     * scrape ({@link #flushed}) on its own thread.
     */
    private static final class Pending {
        final Context context;
        final Timer[] timers = new Timer[BATCH];
        final long[] nanos = new long[BATCH];
        int size;

        Pending(Context context) {
            this.context = context;
        }

        void add(Timer timer, long durationNanos) {
            timers[size] = timer;
            nanos[size] = durationNanos;
            if (++size == BATCH) {
                flush();
            }
        }

        void flush() {
            for (int i = 0; i < size; i++) {
                timers[i].record(nanos[i], TimeUnit.NANOSECONDS);
                timers[i] = null;
            }
            size = 0;
        }
    }

    /**
     * Completes once every event loop has put what it holds into the timers (each on its own
     * thread), or after {@link #FLUSH_WAIT}: a loop that is gone (its server stopped) holds
     * nothing that a scrape may wait for.
     */
    private Future<Void> flushed() {
        List<Future<Void>> all = new ArrayList<>();
        for (Pending p : loops) {
            Promise<Void> done = Promise.promise();
            p.context.runOnContext(v -> {
                p.flush();
                done.complete();
            });
            all.add(done.future());
        }
        return Future.all(all).<Void>mapEmpty().timeout(FLUSH_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .recover(e -> Future.succeededFuture());
    }

    static int methodIndex(String method) {
        return switch (method) {
            case "GET" -> 0;
            case "HEAD" -> 1;
            case "POST" -> 2;
            case "PUT" -> 3;
            case "PATCH" -> 4;
            case "DELETE" -> 5;
            case "OPTIONS" -> 6;
            default -> 7;
        };
    }

    /**
     * The registry in the format {@code accept} asks for: OpenMetrics when it names
     * {@code application/openmetrics-text}, else the Prometheus text format 0.0.4.
     */
    Future<Scrape> scrape(Vertx vertx, String accept) {
        boolean openMetrics = accept != null && accept.contains("application/openmetrics-text");
        String type = openMetrics ? OPEN_METRICS : PROMETHEUS_TEXT;
        return flushed().compose(v -> vertx.executeBlocking(() -> new Scrape(type, registry.scrape(type)), false));
    }

    record Scrape(String contentType, String body) {
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
