package dev.bookshelf.api.http;

/** A transport-neutral HTTP response; adapters copy it to the wire verbatim. */
public record ApiResponse(int status, Headers headers, byte[] body) {
    public ApiResponse {
        headers = headers == null ? Headers.empty() : headers;
        body = body == null ? new byte[0] : body;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body without copying; callers must not modify it. */
    public byte[] bodyUnsafe() {
        return body;
    }

    public ApiResponse withHeaders(Headers replaced) {
        return new ApiResponse(status, replaced, body);
    }

    /**
     * This response with a {@code Location} relative to the API ({@code /books/1}) put under
     * {@code prefix} ({@code /api/books/1}): the prefix a transport received the request under (a
     * base-path mapping, a router's mount point), so a client that follows it stays there. Absolute
     * and protocol-relative locations, and an empty prefix, leave the response as it is.
     */
    public ApiResponse withLocationUnder(String prefix) {
        if (prefix.isEmpty()) {
            return this;
        }
        String location = headers.first("Location").orElse(null);
        if (location == null || !location.startsWith("/") || location.startsWith("//")) {
            return this;
        }
        return withHeaders(headers.toBuilder().set("Location", prefix + location).build());
    }

    public ApiResponse withoutBody() {
        return new ApiResponse(status, headers, new byte[0]);
    }

    @Override
    public String toString() {
        return "ApiResponse[" + status + ", " + headers + ", " + body.length + " bytes]";
    }
}
