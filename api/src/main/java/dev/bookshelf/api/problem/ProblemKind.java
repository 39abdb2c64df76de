package dev.bookshelf.api.problem;

/** Every kind of problem the API answers with: its status and its stable type slug. */
public enum ProblemKind {
    INVALID_INPUT(400, "invalid-input"),
    UNAUTHENTICATED(401, "unauthenticated"),
    FORBIDDEN_ORIGIN(403, "cors-rejected"),
    NOT_FOUND(404, "not-found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed"),
    EMAIL_TAKEN(409, "email-taken"),
    VERSION_CONFLICT(412, "version-conflict"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large"),
    URI_TOO_LONG(414, "uri-too-long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
    PRECONDITION_REQUIRED(428, "precondition-required"),
    TOO_MANY_REQUESTS(429, "too-many-requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large"),
    NOT_PROXY_EVENT(500, "lambda-proxy-integration-required"),
    INTERNAL(500, "internal"),
    RESPONSE_TOO_LARGE(502, "response-too-large");

    private final int status;
    private final String slug;

    ProblemKind(int status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    /** The problem's {@code type} URI (relative, resolved against the API's own URL). */
    public String type() {
        return "/problems/" + slug;
    }

    /** The key prefix of this problem's title and message in the message bundles. */
    public String messageKey() {
        return "problem." + slug;
    }
}
