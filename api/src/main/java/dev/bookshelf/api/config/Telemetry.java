package dev.bookshelf.api.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the service reports on itself: the log level, the share of requests logged at DEBUG
 * whatever the level, and the names its metrics go under. Each setting also answers to the name
 * AWS Lambda Powertools gives it, so a function configured for Powertools keeps its settings:
 *
 * <ul>
 *   <li>{@code LOG_LEVEL} (or {@code POWERTOOLS_LOG_LEVEL}): DEBUG, INFO, WARN or ERROR; default INFO.
 *   <li>{@code LOG_DEBUG_SAMPLE_RATE} (or {@code POWERTOOLS_LOGGER_SAMPLE_RATE}): 0 to 1, default 0.
 *   <li>{@code METRICS_NAMESPACE} (or {@code POWERTOOLS_METRICS_NAMESPACE}): default {@value #DEFAULT_NAMESPACE}.
 *   <li>{@code SERVICE_NAME} (or {@code POWERTOOLS_SERVICE_NAME}): default {@value #DEFAULT_SERVICE}.
 * </ul>
 * When both names of a setting are given they must agree.
 */
public record Telemetry(Level level, double sampleRate, String namespace, String service) {
    public static final String DEFAULT_NAMESPACE = "Bookshelf";
    public static final String DEFAULT_SERVICE = "bookshelf";
    public static final Telemetry DEFAULT = new Telemetry(Level.INFO, 0, DEFAULT_NAMESPACE, DEFAULT_SERVICE);

    /** CloudWatch's namespace alphabet; {@code AWS/} is reserved for AWS. */
    private static final Pattern NAMESPACE = Pattern.compile("[0-9A-Za-z._/#: -]{1,255}");
    /** A plain decimal ({@code 0.05}, {@code 1}, {@code .5}): no sign, exponent, NaN or type suffix. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{0,17})?|\\.[0-9]{1,17}");
    /** Printable ASCII: a CloudWatch dimension value (and safe in every log line). */
    private static final Pattern SERVICE = Pattern.compile("[!-~]([ -~]{0,253}[!-~])?");

    /** Log levels, least severe first. */
    public enum Level {
        DEBUG, INFO, WARN, ERROR;

        /** The level named {@code name} (any case; {@code WARNING} for WARN), or null for another name. */
        public static Level of(String name) {
            String norm = name.toUpperCase(Locale.ROOT);
            norm = norm.equals("WARNING") ? "WARN" : norm;
            for (Level l : values()) {
                if (l.name().equals(norm)) {
                    return l;
                }
            }
            return null;
        }

        /** True when a line of this level is written under {@code threshold}. */
        public boolean atLeast(Level threshold) {
            return compareTo(threshold) >= 0;
        }
    }

    static Telemetry read(EnvReader r, Map<String, String> env) {
        String levelText = either(r, env, "LOG_LEVEL", "POWERTOOLS_LOG_LEVEL");
        Level level = level(r, levelText);
        double rate = rate(r, either(r, env, "LOG_DEBUG_SAMPLE_RATE", "POWERTOOLS_LOGGER_SAMPLE_RATE"));
        String namespace = either(r, env, "METRICS_NAMESPACE", "POWERTOOLS_METRICS_NAMESPACE");
        namespace = namespace == null ? DEFAULT_NAMESPACE : namespace;
        if (!NAMESPACE.matcher(namespace).matches() || namespace.startsWith("AWS/")) {
            r.problem("METRICS_NAMESPACE must be 1-255 of A-Z a-z 0-9 . - _ / # : and space, not starting with"
                    + " AWS/ (got '" + namespace + "')");
        }
        String service = either(r, env, "SERVICE_NAME", "POWERTOOLS_SERVICE_NAME");
        service = service == null ? DEFAULT_SERVICE : service;
        if (!SERVICE.matcher(service).matches()) {
            r.problem("SERVICE_NAME must be 1-255 printable ASCII characters (got '" + service + "')");
        }
        return new Telemetry(level, rate, namespace, service);
    }

    /** The value of {@code name}, else of {@code alias}, stripped; null when neither is set. */
    private static String either(EnvReader r, Map<String, String> env, String name, String alias) {
        String value = blankToNull(env.get(name));
        String aliased = blankToNull(env.get(alias));
        if (value != null && aliased != null && !value.equalsIgnoreCase(aliased)) {
            r.problem(name + " and " + alias + " are both set and differ ('" + value + "', '" + aliased
                    + "'): set one of them");
        }
        return value != null ? value : aliased;
    }

    private static Level level(EnvReader r, String text) {
        if (text == null) {
            return Level.INFO;
        }
        Level level = Level.of(text);
        if (level != null) {
            return level;
        }
        r.problem("LOG_LEVEL must be one of " + List.of(Level.values()) + " (got '" + text + "')");
        return Level.INFO;
    }

    private static double rate(EnvReader r, String text) {
        if (text == null) {
            return 0;
        }
        if (DECIMAL.matcher(text).matches()) {
            double rate = Double.parseDouble(text);
            if (rate <= 1) {
                return rate;
            }
        }
        r.problem("LOG_DEBUG_SAMPLE_RATE must be a number from 0 to 1, e.g. 0.05 to log 5% of requests at DEBUG"
                + " (got '" + text + "')");
        return 0;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
