package dev.bookshelf.lambda;

/**
 * How large an answer may be. {@code lambdaMaxBytes}: Lambda's synchronous response limit
 * (6 MB), for API Gateway and function URLs; {@code albMaxBytes}: an Application Load Balancer
 * accepts at most 1 MB of response JSON; {@code gzipMinBodyBytes}: bodies from this size on are
 * gzipped for clients that accept it (as is any answer whose envelope would exceed its limit).
 * Sizes count the whole response envelope as written, base64 included.
 */
record ResponseLimits(int lambdaMaxBytes, int albMaxBytes, int gzipMinBodyBytes) {
    /** Lambda's 6 MB taken as 6 MiB, as the existing limit; ALB's "1 MB" taken as 10^6, the smaller reading. */
    static final ResponseLimits AWS = new ResponseLimits(6 * 1024 * 1024, 1_000_000, 1024 * 1024);

    int maxBytes(EventKind kind) {
        return kind.isAlb() ? albMaxBytes : lambdaMaxBytes;
    }
}
