package dev.bookshelf.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code Content-Type} value: type and subtype in lower case, and the values of its
 * {@code charset} parameters (quotes removed). Parsed forms of the few values a service sees
 * again and again are remembered (a bounded number of short ones).
 */
public record MediaType(String type, String subtype, List<String> charsets) {
    private static final int MAX_REMEMBERED = 64;
    private static final int MAX_REMEMBERED_LENGTH = 128;
    private static final Map<String, Optional<MediaType>> PARSED = new ConcurrentHashMap<>();

    /** The media type of {@code value}; empty when it has no {@code type/subtype}. */
    public static Optional<MediaType> parse(String value) {
        Optional<MediaType> known = PARSED.get(value);
        if (known != null) {
            return known;
        }
        Optional<MediaType> parsed = compute(value);
        if (value.length() <= MAX_REMEMBERED_LENGTH && PARSED.size() < MAX_REMEMBERED) {
            PARSED.put(value, parsed);
        }
        return parsed;
    }

    private static Optional<MediaType> compute(String value) {
        String[] parts = value.toLowerCase(Locale.ROOT).split(";");
        String media = parts[0].strip();
        int slash = media.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        List<String> charsets = new ArrayList<>(1);
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            if (param.startsWith("charset=")) {
                charsets.add(param.substring("charset=".length()).replace("\"", "").strip());
            }
        }
        return Optional.of(new MediaType(media.substring(0, slash), media.substring(slash + 1), List.copyOf(charsets)));
    }

    /** True when every charset named is one of {@code allowed} (or none is named). */
    public boolean charsetsWithin(Set<String> allowed) {
        return allowed.containsAll(charsets);
    }

    /** {@code application/json} or any {@code application/*+json}. */
    public boolean isJson() {
        return type.equals("application") && (subtype.equals("json") || subtype.endsWith("+json"));
    }
}
