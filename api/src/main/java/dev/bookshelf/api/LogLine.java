package dev.bookshelf.api;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One JSON log line built directly into a {@link StringBuilder}, values escaped by Jackson's
 * encoder only when they need it: written on every request, so without a generator per line.
 */
final class LogLine {
    private final StringBuilder b = new StringBuilder(320).append('{');

    /** A string member; null is written as JSON null. */
    LogLine string(String name, String value) {
        name(name);
        if (value == null) {
            b.append("null");
        } else {
            quoted(b, value);
        }
        return this;
    }

    /** A string member when {@code value} is not null; else nothing (the member is absent). */
    LogLine optional(String name, String value) {
        return value == null ? this : string(name, value);
    }

    LogLine number(String name, long value) {
        name(name).append(value);
        return this;
    }

    /** Milliseconds with two decimals ({@code 12.05}). */
    LogLine millis(String name, double millis) {
        long hundredths = Math.round(millis * 100);
        long cents = hundredths % 100;
        name(name).append(hundredths / 100).append('.').append(cents < 10 ? "0" : "").append(cents);
        return this;
    }

    LogLine bool(String name, boolean value) {
        name(name).append(value);
        return this;
    }

    /** Members already written as JSON ({@code "a":1,"b":"c"}), e.g. constant ones built once. */
    LogLine raw(String members) {
        if (!members.isEmpty()) {
            separator().append(members);
        }
        return this;
    }

    /** The line, closed and ended with a newline, as UTF-8. */
    byte[] bytes() {
        return b.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code "name":"value"}, escaped: for members built once. */
    static String member(String name, String value) {
        StringBuilder m = new StringBuilder().append('"').append(name).append("\":");
        quoted(m, value);
        return m.toString();
    }

    private StringBuilder name(String name) {
        return separator().append('"').append(name).append("\":");
    }

    private StringBuilder separator() {
        if (b.length() > 1) {
            b.append(',');
        }
        return b;
    }

    private static void quoted(StringBuilder out, String value) {
        out.append('"');
        if (plain(value)) {
            out.append(value);
        } else {
            JsonStringEncoder.getInstance().quoteAsString(value, out);
        }
        out.append('"');
    }

    /** Printable ASCII without quote or backslash: nothing to escape (routes, ids, levels usually are). */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
