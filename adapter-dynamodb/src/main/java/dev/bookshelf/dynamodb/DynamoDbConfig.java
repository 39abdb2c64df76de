package dev.bookshelf.dynamodb;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the DynamoDB store lives and how it signs list cursors, read once at startup.
 *
 * @param tableName        the single table of the store
 * @param region           the AWS region, e.g. {@code eu-central-1}
 * @param endpointOverride another endpoint (a local DynamoDB-compatible server), or null for AWS
 * @param cursorKey        the HMAC-SHA256 key that signs list cursors, at least 32 bytes
 * @param httpClient       which HTTP client carries the calls ({@link HttpClientChoice#AUTO}: by classpath)
 */
public record DynamoDbConfig(String tableName, String region, URI endpointOverride, byte[] cursorKey,
                             HttpClientChoice httpClient) {
    public static final String ENV_TABLE = "BOOKSHELF_DYNAMODB_TABLE";
    public static final String ENV_ENDPOINT = "BOOKSHELF_DYNAMODB_ENDPOINT";
    public static final String ENV_CURSOR_KEY = "BOOKSHELF_CURSOR_KEY";
    public static final String ENV_HTTP_CLIENT = "BOOKSHELF_DYNAMODB_HTTP_CLIENT";
    public static final String DEFAULT_TABLE = "bookshelf";
    public static final int MIN_KEY_BYTES = 32;
    private static final String LOCAL_REGION = "us-east-1";
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    public DynamoDbConfig {
        List<String> problems = new ArrayList<>();
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            problems.add("table name must be 3..255 characters of a-z, A-Z, 0-9, '_', '-', '.'");
        }
        if (region == null || region.isBlank()) {
            problems.add("region is required (e.g. eu-central-1)");
        }
        if (endpointOverride != null && !isHttpUri(endpointOverride)) {
            problems.add("endpoint override must be an absolute http(s) URI, got " + endpointOverride);
        }
        if (cursorKey == null || cursorKey.length < MIN_KEY_BYTES) {
            problems.add("cursor signing key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid DynamoDB configuration: " + String.join("; ", problems));
        }
        cursorKey = cursorKey.clone();
        httpClient = httpClient == null ? HttpClientChoice.AUTO : httpClient;
    }

    /** A configuration whose HTTP client is chosen by the classpath. */
    public DynamoDbConfig(String tableName, String region, URI endpointOverride, byte[] cursorKey) {
        this(tableName, region, endpointOverride, cursorKey, HttpClientChoice.AUTO);
    }

    /**
     * Reads {@value #ENV_TABLE} (default {@value #DEFAULT_TABLE}), {@code AWS_REGION} (or
     * {@code AWS_DEFAULT_REGION}; {@code us-east-1} only with an endpoint override),
     * {@value #ENV_ENDPOINT} (optional), {@value #ENV_CURSOR_KEY} (base64, required: there is
     * no safe default for a signing key) and {@value #ENV_HTTP_CLIENT} ({@code crt} or
     * {@code url-connection}; absent: CRT when it is on the classpath).
     */
    public static DynamoDbConfig fromEnvironment(Map<String, String> env) {
        URI endpoint = Optional.ofNullable(blankToNull(env.get(ENV_ENDPOINT))).map(URI::create).orElse(null);
        String region = Optional.ofNullable(blankToNull(env.get("AWS_REGION")))
                .or(() -> Optional.ofNullable(blankToNull(env.get("AWS_DEFAULT_REGION"))))
                .orElse(endpoint == null ? null : LOCAL_REGION);
        String table = Optional.ofNullable(blankToNull(env.get(ENV_TABLE))).orElse(DEFAULT_TABLE);
        HttpClientChoice httpClient = HttpClientChoice.parse(env.get(ENV_HTTP_CLIENT));
        return new DynamoDbConfig(table, region, endpoint, decodeKey(env.get(ENV_CURSOR_KEY)), httpClient);
    }

    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpointOverride);
    }

    @Override
    public byte[] cursorKey() {
        return cursorKey.clone();
    }

    @Override
    public String toString() {
        return "DynamoDbConfig[tableName=" + tableName + ", region=" + region + ", endpointOverride="
                + endpointOverride + ", cursorKey=(" + cursorKey.length + " bytes), httpClient=" + httpClient + "]";
    }

    private static byte[] decodeKey(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException(ENV_CURSOR_KEY + " is required: a base64 key of at least "
                    + MIN_KEY_BYTES + " random bytes (e.g. openssl rand -base64 32)");
        }
        String trimmed = raw.strip();
        try {
            return trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed) : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV_CURSOR_KEY + " is not valid base64", e);
        }
    }

    private static boolean isHttpUri(URI uri) {
        return uri.isAbsolute() && uri.getHost() != null
                && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
