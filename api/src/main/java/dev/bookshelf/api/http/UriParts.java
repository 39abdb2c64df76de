package dev.bookshelf.api.http;

import dev.bookshelf.api.problem.ApiProblem;
import dev.bookshelf.core.shared.FieldError;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decoding of raw request-target parts, for transports that deliver them undecoded (the HTTP
 * server, REST API and Function URL paths, HTTP API query strings, ALB query parameters). Each
 * part is decoded exactly once, as UTF-8, the same way for every transport: a {@code %} that does
 * not start two hex digits, or escapes whose bytes are not UTF-8, are a 400 problem naming
 * {@code path} or {@code query}, never guessed at.
 */
public final class UriParts {
    private UriParts() {
    }

    /** Percent-decodes a raw path once ({@code +} stays a plus); malformed: 400 naming {@code path}. */
    public static String decodePath(String rawPath) {
        String decoded = decode(rawPath, false);
        if (decoded == null) {
            throw ApiProblem.invalid("The path holds a malformed percent-escape or bytes that are not UTF-8.",
                    FieldError.of("path", FieldError.Code.INVALID_FORMAT));
        }
        return decoded;
    }

    /**
     * Parses a raw query string ({@code a=1&a=2&b}) into decoded multi-valued parameters, keeping
     * repeated keys in order. {@code +} means a space, as browsers encode forms and URLSearchParams.
     * No query (most requests): an empty map that cannot be changed.
     */
    public static Map<String, List<String>> parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decodeQueryComponent(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeQueryComponent(pair.substring(eq + 1));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    /**
     * Decodes query parameters that arrive split but still encoded (an Application Load Balancer
     * does not decode them): every key and value once, {@code +} as a space. Keys that decode to
     * the same name are merged, values in order.
     */
    public static Map<String, List<String>> decodeQuery(Map<String, List<String>> rawParams) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        rawParams.forEach((rawKey, rawValues) -> {
            List<String> values = out.computeIfAbsent(decodeQueryComponent(rawKey), k -> new ArrayList<>());
            for (String v : rawValues) {
                values.add(decodeQueryComponent(v));
            }
        });
        return out;
    }

    /** One key or value of a query string, decoded once with {@code +} as a space; malformed: 400. */
    public static String decodeQueryComponent(String raw) {
        String decoded = decode(raw, true);
        if (decoded == null) {
            throw ApiProblem.invalid("The query string holds a malformed percent-escape or bytes that are not UTF-8.",
                    FieldError.of("query", FieldError.Code.INVALID_FORMAT));
        }
        return decoded;
    }

    /** The decoded text, or null when an escape is malformed or the bytes are not UTF-8. */
    private static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            return raw;
        }
        byte[] in = raw.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '%') {
                int hi = i + 2 < in.length ? hex(in[i + 1]) : -1;
                int lo = hi >= 0 ? hex(in[i + 2]) : -1;
                if (lo < 0) {
                    return null;
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(plusIsSpace && b == '+' ? ' ' : b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
