package dev.bookshelf.conformance;

import java.util.List;

/**
 * One HTTP request exactly as a client puts it on the wire: method, the path still
 * percent-encoded, the raw query (or null), the headers in order (a name may repeat), and the
 * body bytes (null: no body). Every transport builds what its front end would deliver from this.
 */
record HttpCall(String method, String rawPath, String rawQuery, List<Header> headers, byte[] body) {

    record Header(String name, String value) {
    }

    HttpCall {
        headers = List.copyOf(headers);
    }

    /** The request target: path and, if any, {@code ?query}. */
    String target() {
        return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }

    boolean hasBody() {
        return body != null && body.length > 0;
    }

    @Override
    public String toString() {
        return method + " " + target();
    }
}
