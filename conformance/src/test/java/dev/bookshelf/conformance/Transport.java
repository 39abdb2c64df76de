package dev.bookshelf.conformance;

import java.util.Map;

/**
 * One way of reaching the service: it takes an HTTP request description and answers what a
 * client of that deployment would receive. Every transport (the Vert.x server, the Lambda handler
 * behind each API Gateway or ALB event kind, a local gateway...) is one implementation, so a new
 * one is one class plus one line in {@link ConformanceSuite#TRANSPORTS}.
 */
interface Transport extends AutoCloseable {

    HttpAnswer send(HttpCall call);

    /** Stops the service behind the transport, within a bound. */
    @Override
    void close();

    /** Starts a transport around a fresh service built from environment-style settings. */
    interface Factory {
        /** A short name for reports, e.g. {@code vertx} or {@code lambda-rest}. */
        String name();

        Transport start(Map<String, String> env);
    }
}
