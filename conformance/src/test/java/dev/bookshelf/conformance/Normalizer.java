package dev.bookshelf.conformance;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders an answer as text in which only what legitimately differs per request or per store is
 * replaced by a placeholder, so that two transports' renderings must be equal character for
 * character. The rules, in order, and nothing else:
 * <ol>
 *   <li>Transport framing headers ({@value #FRAMING_LIST}) are left out: the server computes them,
 *       and API Gateway does for a Lambda answer. Every other header is kept, names lower-cased
 *       (HTTP names are case-insensitive), values in order.</li>
 *   <li>{@code X-Request-Id} must be present exactly once, a safe token; its value becomes
 *       {@code <request-id>} wherever it appears (header and problem {@code requestId}).</li>
 *   <li>{@code Retry-After} (time left in the log-in window) must be whole seconds in
 *       [1, {@code LOGIN_WINDOW_SECONDS}]; it becomes {@code <retry-after>} in the header and, as
 *       the same whole number, in the body.</li>
 *   <li>Values a scenario captured as per-transport ids (book and account ids, tokens, cursors)
 *       become {@code {{name}}}, so that e.g. {@code Location} must name the id the body names.</li>
 *   <li>Any other JWT becomes {@code <jwt>}, UUID {@code <uuid>}, ISO-8601 millisecond timestamp
 *       {@code <timestamp>}, a {@code nextCursor} string that was not captured {@code "<cursor>"}.</li>
 *   <li>{@code "expiresIn":n} (seconds until the token expires, computed from the clock) must be
 *       in [0, {@code TOKEN_TTL_SECONDS}] and becomes {@code <seconds>}.</li>
 * </ol>
 * The body is compared as UTF-8 text (its bytes), or as {@code base64:} when it is not UTF-8.
 */
final class Normalizer {
    static final String FRAMING_LIST = "connection, content-length, date, keep-alive, transfer-encoding";
    static final Set<String> FRAMING = Set.of(FRAMING_LIST.split(", "));

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:+/=-]{1,128}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\":\"(?!\\{\\{)[^\"]*\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expiresIn\":(\\d+)");

    private final long tokenTtlSeconds;
    private final long loginWindowSeconds;

    Normalizer(long tokenTtlSeconds, long loginWindowSeconds) {
        this.tokenTtlSeconds = tokenTtlSeconds;
        this.loginWindowSeconds = loginWindowSeconds;
    }

    /** The normalized rendering; {@code ids} maps captured names to this transport's values. */
    String render(HttpAnswer answer, Map<String, String> ids) {
        String requestId = requestId(answer);
        String retryAfter = retryAfter(answer);
        StringBuilder head = new StringBuilder("HTTP ").append(answer.status()).append('\n');
        answer.headers().forEach((name, values) -> {
            if (!FRAMING.contains(name)) {
                values.forEach(v -> head.append(name).append(": ")
                        .append(name.equals("retry-after") ? "<retry-after>" : v).append('\n'));
            }
        });
        String body = body(answer.body());
        if (retryAfter != null) {
            body = body.replaceAll("\\b" + retryAfter + "\\b", "<retry-after>");
        }
        String text = (head + "\n" + body).replace(requestId, "<request-id>");
        List<Map.Entry<String, String>> byLength = new ArrayList<>(ids.entrySet());
        byLength.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed());
        for (Map.Entry<String, String> id : byLength) {
            text = text.replace(id.getValue(), "{{" + id.getKey() + "}}");
        }
        text = JWT.matcher(text).replaceAll("<jwt>");
        text = UUID.matcher(text).replaceAll("<uuid>");
        text = TIMESTAMP.matcher(text).replaceAll("<timestamp>");
        text = NEXT_CURSOR.matcher(text).replaceAll("\"nextCursor\":\"<cursor>\"");
        return expiresIn(text);
    }

    private static String requestId(HttpAnswer answer) {
        List<String> ids = answer.header("X-Request-Id");
        if (ids.size() != 1 || !SAFE_REQUEST_ID.matcher(ids.get(0)).matches()) {
            throw new AssertionError("X-Request-Id must be present once and safe, but was " + ids);
        }
        return ids.get(0);
    }

    private String retryAfter(HttpAnswer answer) {
        List<String> values = answer.header("Retry-After");
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() != 1 || !values.get(0).matches("\\d{1,9}")
                || Long.parseLong(values.get(0)) < 1 || Long.parseLong(values.get(0)) > loginWindowSeconds) {
            throw new AssertionError("Retry-After must be once, whole seconds in [1, " + loginWindowSeconds
                    + "], but was " + values);
        }
        return values.get(0);
    }

    private String expiresIn(String text) {
        Matcher m = EXPIRES_IN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long seconds = Long.parseLong(m.group(1));
            if (seconds > tokenTtlSeconds) {
                throw new AssertionError("expiresIn " + seconds + " is beyond TOKEN_TTL_SECONDS " + tokenTtlSeconds);
            }
            m.appendReplacement(out, "\"expiresIn\":<seconds>");
        }
        m.appendTail(out);
        return out.toString();
    }

    static String body(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(bytes);
        }
    }
}
