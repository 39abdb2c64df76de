package dev.bookshelf.lambda;

/**
 * The kinds of synchronous HTTP invocation one handler answers, told apart by the event's shape,
 * each answered in its own response format.
 */
enum EventKind {
    /** API Gateway REST API proxy integration, or an HTTP API with payload format 1.0. */
    PAYLOAD_1("API Gateway payload 1.0"),
    /** API Gateway HTTP API, payload format 2.0. */
    HTTP_API_2("API Gateway HTTP API payload 2.0"),
    /** A Lambda function URL (payload format 2.0, served on {@code *.lambda-url.<region>.on.aws}). */
    FUNCTION_URL("Lambda function URL"),
    /** An Application Load Balancer target group with multi-value headers off. */
    ALB("Application Load Balancer"),
    /** An Application Load Balancer target group with multi-value headers on. */
    ALB_MULTI_VALUE("Application Load Balancer, multi-value headers");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    boolean isPayload2() {
        return this == HTTP_API_2 || this == FUNCTION_URL;
    }

    boolean isAlb() {
        return this == ALB || this == ALB_MULTI_VALUE;
    }

    @Override
    public String toString() {
        return label;
    }
}
