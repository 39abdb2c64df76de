package dev.bookshelf.lambda.local;

import java.util.Locale;

/** The AWS services that invoke the function for an HTTP request, each with its own event. */
public enum FrontDoor {
    /** API Gateway REST API, Lambda proxy integration (payload 1.0). */
    REST,
    /** API Gateway HTTP API, payload 2.0. */
    HTTP_API,
    /** A Lambda function URL. */
    FUNCTION_URL,
    /** An Application Load Balancer target group, multi-value headers off. */
    ALB,
    /** An Application Load Balancer target group, multi-value headers on. */
    ALB_MULTI_VALUE;

    /** The event this front door sends for {@code request} ({@code stage}: API Gateway kinds only). */
    public byte[] event(ClientRequest request, String stage) {
        return switch (this) {
            case REST -> GatewayEvents.rest(request, stage);
            case HTTP_API -> GatewayEvents.httpApi(request, stage);
            case FUNCTION_URL -> GatewayEvents.functionUrl(request);
            case ALB -> GatewayEvents.alb(request, false);
            case ALB_MULTI_VALUE -> GatewayEvents.alb(request, true);
        };
    }

    /**
     * The event for a request to a custom domain whose base-path mapping {@code mapping} (e.g.
     * {@code /api}) points at the API ({@link #mapsBasePaths()} kinds only; empty: none).
     *
     * @throws IllegalArgumentException when the path is not under the mapping
     */
    public byte[] event(ClientRequest request, String stage, String mapping) {
        if (mapping.isEmpty()) {
            return event(request, stage);
        }
        return switch (this) {
            case REST -> GatewayEvents.rest(request, stage, mapping);
            case HTTP_API -> GatewayEvents.httpApi(request, stage, mapping);
            default -> throw new IllegalArgumentException(this + " has no base-path mappings");
        };
    }

    /** API Gateway's kinds: a custom domain can map a base path to them. */
    public boolean mapsBasePaths() {
        return this == REST || this == HTTP_API;
    }

    /** The event on the default stage: {@code local} for REST, {@code $default} for HTTP APIs. */
    public byte[] event(ClientRequest request) {
        return event(request, defaultStage());
    }

    public String defaultStage() {
        return this == REST ? "local" : "$default";
    }

    /** {@code rest}, {@code http-api}, {@code function-url}, {@code alb}, {@code alb-multi-value}. */
    public static FrontDoor parse(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
