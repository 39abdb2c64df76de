package dev.bookshelf.api;

import java.util.regex.Pattern;

/**
 * The message of an unexpected failure as it may be logged: cut to {@value #MAX_CHARS} characters,
 * with anything shaped like a credential replaced by {@code [redacted]} (a JWT, a bearer token,
 * {@code password=...}-like pairs). The messages that reach here are our own (ids, never secrets),
 * the JDK's (helpful NullPointerException messages name methods and variables, not values), the
 * AWS SDK's (service, status, AWS request id, DynamoDB's text, which names attributes, not their
 * values) and Jackson's (without source excerpts: Jackson leaves them out by default since 2.16);
 * the redaction is a second line of defence, not the first.
 */
final class ErrorText {
    static final int MAX_CHARS = 300;
    private static final String REDACTED = "[redacted]";
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*){1,2}");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[^\\s\"',;]+");
    private static final Pattern PAIR = Pattern.compile(
            "(?i)\\b(password|passwd|secret|token|authorization|cookie|api[_-]?key)([\"']?\\s*[:=]\\s*)[^\\s,;&]+");

    private ErrorText() {
    }

    /** The failure's message fit for a log line, or null when it has none. */
    static String of(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return null;
        }
        String cut = message.length() > MAX_CHARS * 4 ? message.substring(0, MAX_CHARS * 4) : message;
        String safe = PAIR.matcher(BEARER.matcher(JWT.matcher(cut).replaceAll(REDACTED))
                .replaceAll("$1 " + REDACTED)).replaceAll("$1$2" + REDACTED);
        return safe.length() > MAX_CHARS ? safe.substring(0, MAX_CHARS) + "..." : safe;
    }
}
