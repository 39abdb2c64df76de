package dev.bookshelf.api.hostile;

import static dev.bookshelf.api.hostile.Hostile.bytes;
import static dev.bookshelf.api.hostile.Hostile.nestedArrays;
import static dev.bookshelf.api.hostile.Hostile.nestedObjects;
import static dev.bookshelf.api.hostile.Hostile.utf8;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile JSON bodies for a route whose valid body is {@code valid}: each is refused with a 4xx
 * (never stored), whatever the route. Every case keeps the valid fields where it can, so the
 * refusal is about the defect alone.
 */
public final class BodyCorpus {
    /** One hostile body and the statuses it may be refused with. */
    public record Case(String name, byte[] body, List<Integer> statuses) {
        @Override
        public String toString() {
            return name;
        }
    }

    private BodyCorpus() {
    }

    /**
     * Cases for a JSON object route: {@code valid} is a valid compact body, {@code text} one of its
     * text values (quoted once in it), which some cases replace.
     */
    public static List<Case> forObject(String valid, String text) {
        String open = valid.substring(0, valid.length() - 1);
        List<Case> c = new ArrayList<>();
        malformed(c, valid, open);
        encodings(c, valid, text);
        nesting(c, open);
        numbers(c, open);
        strings(c, open);
        nulBytes(c, open);
        return c;
    }

    private static void add(List<Case> c, String name, byte[] body, Integer... statuses) {
        c.add(new Case(name, body, statuses.length == 0 ? List.of(400) : List.of(statuses)));
    }

    private static void malformed(List<Case> c, String valid, String open) {
        add(c, "just an opening brace", utf8("{"));
        add(c, "truncated after a key", utf8(open + ",\"note\":"));
        add(c, "truncated in a string", utf8(open + ",\"note\":\"abc"));
        add(c, "truncated before the closing brace", utf8(open));
        for (int cut : new int[] {1, 2, 5, 9, 17}) {
            add(c, "valid body cut " + cut + " bytes short", utf8(valid.substring(0, valid.length() - cut)));
        }
        add(c, "trailing comma", utf8(open + ",}"));
        add(c, "single quotes", utf8(open.replace('"', '\'') + "}"));
        add(c, "unquoted keys", utf8("{email:1}"));
        add(c, "two documents", utf8(valid + valid));
        add(c, "trailing garbage", utf8(valid + " x"));
        add(c, "an extra closing brace", utf8(valid + "}"));
        add(c, "comment", utf8("/* hi */" + valid));
        add(c, "leading zero", utf8(open + ",\"rating\":01}"));
        add(c, "NaN", utf8(open + ",\"rating\":NaN}"));
        add(c, "Infinity", utf8(open + ",\"rating\":-Infinity}"));
        add(c, "bare fraction", utf8(open + ",\"rating\":.5}"));
        add(c, "bad escape", utf8(open + ",\"note\":\"\\x41\"}"));
        add(c, "short unicode escape", utf8(open + ",\"note\":\"\\u12\"}"));
        add(c, "array instead of object", utf8("[" + valid + "]"));
        add(c, "string instead of object", utf8("\"" + valid.replace("\"", "\\\"") + "\""));
        add(c, "number instead of object", utf8("42"));
        add(c, "null instead of object", utf8("null"));
        add(c, "true instead of object", utf8("true"));
        add(c, "only whitespace", utf8(" \t\r\n "));
        add(c, "duplicate key with the same value", utf8(open + "," + valid.substring(1)));
        String escapedFirst = String.format("\\u%04x", (int) valid.charAt(2));
        add(c, "duplicate key differing only in escapes",
                utf8("{\"" + escapedFirst + valid.substring(3, valid.length() - 1) + "," + valid.substring(1)));
        add(c, "wrong types everywhere", utf8(valid.replaceAll("\"[^\"]*\"(\\s*[,}])", "[1,{}]$1")));
    }

    /**
     * Bytes that are not UTF-8 in place of the text value {@code text} of {@code valid}. (Unpaired
     * surrogates sent as JSON escapes are valid UTF-8 and are stored as sent: see FullFlowTest.)
     */
    private static void encodings(List<Case> c, String valid, String text) {
        int at = valid.indexOf("\"" + text + "\"") + 1;
        String before = valid.substring(0, at);
        String after = valid.substring(at + text.length());
        add(c, "lone 0xFF byte", bytes(before, new int[] {0xFF}, after));
        add(c, "overlong slash", bytes(before, new int[] {0xC0, 0xAF}, after));
        add(c, "overlong letter", bytes(before, new int[] {0xC1, 0x81}, after));
        add(c, "three-byte overlong", bytes(before, new int[] {0xE0, 0x80, 0xAF}, after));
        add(c, "CESU-8 surrogate", bytes(before, new int[] {0xED, 0xA0, 0x80}, after));
        add(c, "beyond U+10FFFF", bytes(before, new int[] {0xF4, 0x90, 0x80, 0x80}, after));
        add(c, "truncated multi-byte sequence", bytes(before, new int[] {0xE4, 0xB8}, after));
        add(c, "five-byte sequence", bytes(before, new int[] {0xF8, 0x88, 0x80, 0x80, 0x80}, after));
        add(c, "continuation byte alone", bytes(before, new int[] {0x80}, after));
        add(c, "invalid byte in a key", bytes(valid.substring(0, valid.length() - 1) + ",\"", new int[] {0xFE}, "\":1}"));
        add(c, "latin-1 body", (before + "caf\u00e9" + after).getBytes(StandardCharsets.ISO_8859_1));
        add(c, "UTF-16 body", valid.getBytes(StandardCharsets.UTF_16LE));
        add(c, "UTF-32 body", valid.getBytes(Charset.forName("UTF-32BE")));
    }

    private static void nesting(List<Case> c, String open) {
        add(c, "value nested 33 deep (over the limit)", utf8(open + ",\"note\":" + nestedArrays(32) + "}"));
        add(c, "value nested 31 deep (a wrong type)", utf8(open + ",\"note\":" + nestedArrays(30) + "}"));
        add(c, "objects nested 40 deep", utf8(open + ",\"note\":" + nestedObjects(40) + "}"));
        add(c, "arrays nested 30000 deep", utf8(nestedArrays(30_000)));
        add(c, "unclosed arrays 60000 deep", utf8(open + ",\"note\":" + "[".repeat(60_000)));
    }

    private static void numbers(List<Case> c, String open) {
        add(c, "integer with 65 digits", utf8(open + ",\"rating\":" + "9".repeat(65) + "}"));
        add(c, "integer with 40 digits", utf8(open + ",\"rating\":" + "9".repeat(40) + "}"));
        add(c, "long overflow", utf8(open + ",\"rating\":9223372036854775808}"));
        add(c, "int overflow", utf8(open + ",\"rating\":2147483648}"));
        add(c, "negative int overflow", utf8(open + ",\"rating\":-2147483649}"));
        add(c, "huge exponent", utf8(open + ",\"rating\":1e999999999}"));
        add(c, "exponent past int range", utf8(open + ",\"rating\":1E2147483648}"));
        add(c, "tiny exponent", utf8(open + ",\"rating\":1e-999999999}"));
        add(c, "fraction", utf8(open + ",\"rating\":4.0}"));
        add(c, "64 digits of fraction", utf8(open + ",\"rating\":0." + "1".repeat(62) + "}"));
        add(c, "number as a key's only value", utf8("{\"rating\":-0}"));
    }

    private static void strings(List<Case> c, String open) {
        add(c, "note of 60 000 characters", utf8(open + ",\"note\":\"" + "n".repeat(60_000) + "\"}"));
        add(c, "body over the limit", utf8(open + ",\"note\":\"" + "n".repeat(70_000) + "\"}"), 413);
        add(c, "body of 3 MiB", utf8(open + ",\"note\":\"" + "가".repeat(1 << 20) + "\"}"), 413);
        add(c, "key of 30 000 characters", utf8(open + ",\"" + "k".repeat(30_000) + "\":1}"));
        add(c, "2000 unknown keys", utf8(open + manyKeys(2000) + "}"));
        add(c, "string of 10 000 escapes", utf8(open + ",\"note\":\"" + "\\u0041".repeat(10_000) + "\"}"));
    }

    private static void nulBytes(List<Case> c, String open) {
        add(c, "raw NUL in a string", bytes(open + ",\"note\":\"a", new int[] {0}, "b\"}"));
        add(c, "raw NUL between tokens", bytes(open, new int[] {0}, "}"));
        add(c, "raw NUL before the body", bytes("", new int[] {0}, open + "}"));
        add(c, "escaped NUL in a value", utf8(open + ",\"note\":\"a\\u0000b\"}"));
        add(c, "escaped NUL in a key", utf8(open + ",\"no\\u0000te\":\"x\"}"));
        add(c, "raw control character in a string", bytes(open + ",\"note\":\"a", new int[] {0x1B}, "b\"}"));
    }

    private static String manyKeys(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(",\"k").append(i).append("\":").append(i);
        }
        return b.toString();
    }
}
