package dev.bookshelf.api.http;

import dev.bookshelf.api.problem.ApiProblem;
import dev.bookshelf.core.shared.FieldError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decoding of raw request-target parts, for transports that deliver them undecoded (the HTTP
 * server, HTTP API 2.0 and Function URL events). Each part is decoded exactly once, as UTF-8.
 */
public final class UriParts {
    private UriParts() {
    }

    /**
     * Percent-decodes a raw path ({@code +} stays a plus). Malformed escapes or bytes that are not
     * UTF-8 are a 400 problem naming {@code path}.
     */
    public static String decodePath(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return rawPath;
        }
        try {
            return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("The path holds a malformed percent-escape.",
                    FieldError.of("path", FieldError.Code.INVALID_FORMAT));
        }
    }

    /**
     * Parses a raw query string ({@code a=1&a=2&b}) into decoded multi-valued parameters, keeping
     * repeated keys in order. {@code +} means a space, as browsers encode forms and URLSearchParams.
     */
    public static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        try {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("The query string holds a malformed percent-escape.",
                    FieldError.of("query", FieldError.Code.INVALID_FORMAT));
        }
        return out;
    }
}
