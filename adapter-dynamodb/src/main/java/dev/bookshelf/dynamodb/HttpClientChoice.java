package dev.bookshelf.dynamodb;

import java.util.Locale;

/**
 * Which HTTP client carries the DynamoDB calls ({@value DynamoDbConfig#ENV_HTTP_CLIENT}).
 * {@link #AUTO} takes the AWS CRT client when it is on the classpath (the Vert.x server: its calls
 * never block a thread), otherwise the JDK's {@code HttpURLConnection} client behind a synchronous
 * DynamoDB client (Lambda: one event at a time, and a smaller upload without native libraries).
 */
public enum HttpClientChoice {
    AUTO(""),
    CRT("crt"),
    URL_CONNECTION("url-connection");

    static final String CRT_CLASS = "software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient";
    static final String URL_CONNECTION_CLASS = "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient";

    private final String setting;

    HttpClientChoice(String setting) {
        this.setting = setting;
    }

    /** The value of {@value DynamoDbConfig#ENV_HTTP_CLIENT} that picks this client. */
    public String setting() {
        return setting;
    }

    /** Reads the setting: absent or blank is {@link #AUTO}; anything but crt or url-connection is refused. */
    public static HttpClientChoice parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return AUTO;
        }
        String value = raw.strip().toLowerCase(Locale.ROOT);
        for (HttpClientChoice choice : values()) {
            if (choice != AUTO && choice.setting.equals(value)) {
                return choice;
            }
        }
        throw new IllegalArgumentException(DynamoDbConfig.ENV_HTTP_CLIENT + " must be crt or url-connection, got '"
                + shortened(raw.strip()) + "'");
    }

    /** The client to build: an explicit choice as it is, {@link #AUTO} decided by the classpath. */
    HttpClientChoice resolve() {
        HttpClientChoice chosen = this == AUTO ? (onClasspath(CRT_CLASS) ? CRT : URL_CONNECTION) : this;
        String needed = chosen == CRT ? CRT_CLASS : URL_CONNECTION_CLASS;
        if (!onClasspath(needed)) {
            throw new IllegalStateException("the DynamoDB HTTP client '" + chosen.setting + "' is not on the classpath ("
                    + needed + "); add software.amazon.awssdk:"
                    + (chosen == CRT ? "aws-crt-client" : "url-connection-client") + " or choose another with "
                    + DynamoDbConfig.ENV_HTTP_CLIENT);
        }
        return chosen;
    }

    static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, HttpClientChoice.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String shortened(String value) {
        return value.length() <= 32 ? value : value.substring(0, 32) + "…";
    }
}
