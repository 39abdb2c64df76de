package dev.bookshelf.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshelf.api.support.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** What every answer to hostile input must look like: a complete JSON problem, and nothing of our insides. */
public final class Hostile {
    /** Traces of internals: exception and class names, stack frames, library packages. */
    private static final List<Pattern> INTERNALS = List.of(
            Pattern.compile("Exception"), Pattern.compile("\\bat [a-z]+\\.[a-z]+\\."), Pattern.compile("Caused by"),
            Pattern.compile("\\b(java|javax|jdk|sun|com\\.fasterxml|io\\.vertx|io\\.netty|dev\\.bookshelf|"
                    + "com\\.nimbusds|at\\.favre)\\.[a-z]"),
            Pattern.compile("(?i)jackson"), Pattern.compile("(?i)stack ?trace"), Pattern.compile("\\.java:\\d+"));

    private Hostile() {
    }

    /** Asserts a problem answer with one of {@code statuses}; returns its body. */
    public static JsonNode assertProblem(Answer answer, Integer... statuses) {
        assertThat(answer.status()).as("status of %s", answer).isIn((Object[]) statuses);
        assertThat(answer.header("Content-Type")).as("%s", answer).isEqualTo(Answer.JSON_TYPE);
        JsonNode body = answer.json();
        assertThat(body.path("type").asText()).as("%s", answer).startsWith("/problems/");
        assertThat(body.path("status").asInt()).isEqualTo(answer.status());
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.path("requestId").asText()).isEqualTo(answer.requestId());
        assertNoInternals(answer.text());
        return body;
    }

    /** Asserts the text shows no exception, class or stack-frame names. */
    public static void assertNoInternals(String text) {
        for (Pattern p : INTERNALS) {
            assertThat(p.matcher(text).find()).as("'%s' in %s", p, text).isFalse();
        }
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes of {@code prefix}, then {@code raw} bytes, then {@code suffix}. */
    public static byte[] bytes(String prefix, int[] raw, String suffix) {
        byte[] a = utf8(prefix);
        byte[] c = utf8(suffix);
        byte[] out = Arrays.copyOf(a, a.length + raw.length + c.length);
        for (int i = 0; i < raw.length; i++) {
            out[a.length + i] = (byte) raw[i];
        }
        System.arraycopy(c, 0, out, a.length + raw.length, c.length);
        return out;
    }

    /** {@code depth} nested arrays around nothing: {@code [[[...]]]}. */
    public static String nestedArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** {@code depth} nested objects: {@code {"a":{"a":...{}}}}. */
    public static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth) + "{}" + "}".repeat(depth);
    }
}
