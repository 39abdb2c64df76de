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

    public ApiResponse withoutBody() {
        return new ApiResponse(status, headers, new byte[0]);
    }

    @Override
    public String toString() {
        return "ApiResponse[" + status + ", " + headers + ", " + body.length + " bytes]";
    }
}
