package dev.bookshelf.api.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of JSON-ish text: valid JSON built from the keys a route knows and random ones,
 * with any characters (control characters and unpaired surrogates sent as escapes), numbers of
 * every spelling, nesting, and then often broken: cut short, a byte changed, a key repeated.
 */
public final class Jsonish {
    private Jsonish() {
    }

    /** A JSON-ish object whose keys are mostly {@code known}, as UTF-8 bytes. */
    public static Arbitrary<byte[]> objectBytes(List<String> known) {
        return mutated(object(known, 3)).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON-ish document, bytes of any kind, or a near-valid object of the known keys. */
    public static Arbitrary<byte[]> bodies(List<String> known) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, objectBytes(known)),
                Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                Tuple.of(2, mutated(value(known, 2)).map(s -> s.getBytes(StandardCharsets.UTF_8))));
    }

    public static Arbitrary<String> object(List<String> known, int depth) {
        Arbitrary<String> key = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(known)), Tuple.of(1, anyText(12)));
        Arbitrary<String> member = Combinators.combine(key, value(known, depth)).as((k, v) -> quote(k) + ":" + v);
        return member.list().ofMaxSize(known.size() + 2).map(m -> "{" + String.join(",", m) + "}");
    }

    public static Arbitrary<String> value(List<String> known, int depth) {
        Arbitrary<String> leaf = Arbitraries.frequencyOf(
                Tuple.of(5, anyText(60).map(Jsonish::quote)),
                Tuple.of(2, number()),
                Tuple.of(1, Arbitraries.of("true", "false", "null")));
        if (depth <= 0) {
            return leaf;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(6, leaf),
                Tuple.of(1, Arbitraries.lazy(() -> value(known, depth - 1)).list().ofMaxSize(4)
                        .map(l -> "[" + String.join(",", l) + "]")),
                Tuple.of(1, Arbitraries.lazy(() -> object(known, depth - 1))));
    }

    /** Text of any characters, often plausible (ASCII, Korean, emails). */
    public static Arbitrary<String> anyText(int maxLength) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(maxLength)),
                Tuple.of(3, Arbitraries.strings().ascii().ofMaxLength(maxLength)),
                Tuple.of(1, Arbitraries.strings().withCharRange('가', '힣').ofMaxLength(maxLength)),
                Tuple.of(2, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10)
                        .map(s -> s + "@example.com")));
    }

    public static Arbitrary<String> number() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(),
                        java.math.BigInteger.TEN.pow(70)).map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.strings().withChars("0123456789eE+-.").ofMinLength(1).ofMaxLength(24));
    }

    /** The text as it is, cut short, with one character replaced or inserted, or with trailing text. */
    public static Arbitrary<String> mutated(Arbitrary<String> text) {
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 5);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Character> ch = Arbitraries.chars().all();
        return Combinators.combine(text, kind, position, ch).as(Jsonish::mutate);
    }

    private static String mutate(String s, int kind, int position, char c) {
        int at = s.isEmpty() ? 0 : position % (s.length() + 1);
        return switch (kind) {
            case 0 -> s.substring(0, at);
            case 1 -> s.substring(0, at) + c + s.substring(at);
            case 2 -> at < s.length() ? s.substring(0, at) + c + s.substring(at + 1) : s;
            case 3 -> s + s;
            default -> s;
        };
    }

    /** A JSON string literal; control characters and every surrogate are escaped, the rest sent raw. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
