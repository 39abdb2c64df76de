package dev.bookshelf.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshelf.api.problem.ApiProblem;
import dev.bookshelf.api.problem.ProblemKind;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonTest {
    private final Json json = new Json();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String codeOf(String body) {
        ApiProblem p = catchThrowableOfType(ApiProblem.class, () -> json.readObject(utf8(body)));
        assertThat(p.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
        return p.errors().get(0).field() + ":" + p.errors().get(0).code();
    }

    @Test
    void write_sendsNonAsciiAsRawUtf8() {
        byte[] out = json.write(g -> {
            g.writeStartObject();
            g.writeStringField("title", "채식주의자 — «café» 😀");
            g.writeEndObject();
        });

        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"채식주의자 — «café» 😀\"}");
    }

    @Test
    void readObject_acceptsNestingUpToTheLimit() {
        String inner = "[".repeat(Json.MAX_DEPTH - 1) + "]".repeat(Json.MAX_DEPTH - 1);

        JsonObject node = json.readObject(utf8("{\"a\":" + inner + "}"));

        assertThat(node.has("a")).isTrue();
    }

    @Test
    void readObject_refusesNestingBeyondTheLimit() {
        String inner = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);

        assertThat(codeOf("{\"a\":" + inner + "}")).isEqualTo("body:TOO_LARGE");
    }

    @Test
    void readObject_refusesHugeNumbers() {
        assertThat(codeOf("{\"rating\":" + "9".repeat(100) + "}")).isEqualTo("body:TOO_LARGE");
    }

    @Test
    void readObject_refusesDuplicateKeysAndTrailingTokens() {
        assertThat(codeOf("{\"a\":1,\"a\":2}")).isEqualTo("body:INVALID_FORMAT");
        assertThat(codeOf("{\"a\":1}{}")).isEqualTo("body:INVALID_FORMAT");
    }

    @Test
    void readObject_buildsTheSameTreeAsAnObjectMapper() throws Exception {
        String body = "{\"i\":5,\"l\":12345678901,\"big\":123456789012345678901234567890,\"d\":4.5,\"e\":1e3,"
                + "\"s\":\"한강 😀\",\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[\"x\"],{}],\"o\":{\"k\":{\"v\":-1}}}";

        JsonObject node = json.readObject(utf8(body));

        assertThat(node.fields()).isEqualTo(plain(new ObjectMapper().readTree(body)));
        assertThat(node.names()).containsExactly("i", "l", "big", "d", "e", "s", "t", "f", "n", "a", "o");
        assertThat(node.get("i")).isInstanceOf(Integer.class);
        assertThat(node.get("l")).isInstanceOf(Long.class);
        assertThat(node.get("big")).isInstanceOf(BigInteger.class);
        assertThat(node.get("d")).isEqualTo(4.5);
        assertThat(node.get("e")).isEqualTo(1000.0);
        assertThat(node.get("n")).isSameAs(JsonNull.INSTANCE);
        assertThat(node.has("n")).isTrue();
        assertThat(node.has("missing")).isFalse();
        assertThat(node.get("missing")).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void readObject_givesAnImmutableTree() {
        JsonObject node = json.readObject(utf8("{\"a\":[1],\"o\":{}}"));

        assertThat(catchThrowableOfType(UnsupportedOperationException.class, () -> node.fields().put("b", 1)))
                .isNotNull();
        assertThat(catchThrowableOfType(UnsupportedOperationException.class,
                () -> ((List<Object>) node.get("a")).add(2))).isNotNull();
        assertThat(node).isEqualTo(json.readObject(utf8("{\"a\":[1],\"o\":{}}")))
                .hasSameHashCodeAs(json.readObject(utf8("{\"a\":[1],\"o\":{}}")));
    }

    /** An ObjectMapper tree as the plain values {@link JsonTree} builds, to compare the two. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), plainValue(e.getValue())));
            return fields;
        }
        List<Object> items = new ArrayList<>();
        node.forEach(item -> items.add(plainValue(item)));
        return items;
    }

    private static Object plainValue(JsonNode node) {
        if (node.isObject()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) plain(node);
            return new JsonObject(new LinkedHashMap<>(fields));
        }
        if (node.isArray()) {
            return plain(node);
        }
        if (node.isNull()) {
            return JsonNull.INSTANCE;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return node.isBoolean() ? (Object) node.booleanValue() : node.textValue();
    }

    @Test
    void readObject_refusesMalformedJsonAndTrailingGarbage() {
        assertThat(codeOf("{\"a\":}")).isEqualTo("body:INVALID_FORMAT");
        assertThat(codeOf("{\"a\":1} x")).isEqualTo("body:INVALID_FORMAT");
        assertThat(codeOf("{\"a\":[1,2}")).isEqualTo("body:INVALID_FORMAT");
    }

    @Test
    void readObject_refusesEmptyAndNonObjectBodies() {
        assertThat(codeOf("")).startsWith("body:");
        assertThat(codeOf("[]")).isEqualTo("body:WRONG_TYPE");
        assertThat(codeOf("null")).isEqualTo("body:WRONG_TYPE");
    }

    @Test
    void bodyFields_reportUnknownFieldsAndWrongTypesTogether() {
        BodyFields f = new BodyFields(json.readObject(utf8("{\"a\":1,\"b\":\"x\",\"c\":true,\"d\":null}")),
                Set.of("a", "b", "d"));

        assertThat(f.text("a")).isNull();
        assertThat(f.integer("b")).isNull();
        assertThat(f.text("d")).isNull();
        assertThat(f.present("d")).isTrue();
        assertThat(f.present("e")).isFalse();
        assertThat(f.text("b")).isEqualTo("x");
        var e = catchThrowableOfType(dev.bookshelf.core.shared.InvalidInput.class, f::done);
        assertThat(e.errors()).extracting(x -> x.field() + ":" + x.code())
                .containsExactlyInAnyOrder("c:UNKNOWN_FIELD", "a:WRONG_TYPE", "b:WRONG_TYPE");
    }

    /** {"t":"<bytes>"} around raw bytes. */
    private static byte[] withRawValue(int... bytes) {
        byte[] head = utf8("{\"t\":\"");
        byte[] out = new byte[head.length + bytes.length + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int i = 0; i < bytes.length; i++) {
            out[head.length + i] = (byte) bytes[i];
        }
        out[out.length - 2] = '"';
        out[out.length - 1] = '}';
        return out;
    }

    private String refusal(byte[] body) {
        ApiProblem p = catchThrowableOfType(ApiProblem.class, () -> json.readObject(body));
        assertThat(p).as("refused").isNotNull();
        return p.errors().get(0).field() + ":" + p.errors().get(0).code();
    }

    @Test
    void readObject_refusesEveryMalformedUtf8Sequence() {
        int[][] malformed = {
            {0xC0, 0xAF}, {0xE0, 0x80, 0xAF}, {0xF0, 0x80, 0x80, 0xAF}, // overlong forms of '/'
            {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF},                     // UTF-16 surrogates
            {0xF4, 0x90, 0x80, 0x80}, {0xF8, 0x88, 0x80, 0x80, 0x80},   // past U+10FFFF
            {0x80}, {0xC3}, {0xE2, 0x82}, {0xFE}, {0xFF},               // stray, truncated, never in UTF-8
            {0xE9}};                                                    // Latin-1 é
        for (int[] bytes : malformed) {
            assertThat(refusal(withRawValue(bytes))).as(java.util.Arrays.toString(bytes)).isEqualTo("body:INVALID_FORMAT");
        }
    }

    @Test
    void readObject_acceptsWellFormedUtf8_includingAReplacementCharacterAndALeadingByteOrderMark() {
        assertThat(json.readObject(withRawValue(0xEF, 0xBF, 0xBD)).get("t")).isEqualTo("\uFFFD");
        assertThat(json.readObject(withRawValue(0xF0, 0x9F, 0x93, 0x9A)).get("t")).isEqualTo("📚");
        assertThat(json.readObject(utf8("{\"t\":\"채식주의자 \\uFFFD\"}")).get("t")).isEqualTo("채식주의자 \uFFFD");
        byte[] bom = utf8("\uFEFF{\"t\":\"한강\"}");
        assertThat(bom[0] & 0xff).isEqualTo(0xEF);
        assertThat(json.readObject(bom).get("t")).isEqualTo("한강");
    }

    @Test
    void readObject_neverReadsABodyAsUtf16Or32() {
        byte[] utf16 = "{\"t\":\"x\"}".getBytes(StandardCharsets.UTF_16LE);
        byte[] utf16WithBom = "{\"t\":\"x\"}".getBytes(StandardCharsets.UTF_16);
        byte[] utf32 = "{\"t\":\"x\"}".getBytes(java.nio.charset.Charset.forName("UTF-32BE"));

        assertThat(refusal(utf16)).isEqualTo("body:INVALID_FORMAT");
        assertThat(refusal(utf16WithBom)).isEqualTo("body:INVALID_FORMAT");
        assertThat(refusal(utf32)).isEqualTo("body:INVALID_FORMAT");
    }

    private String text(Json.Writer writer) {
        return new String(json.write(writer), StandardCharsets.UTF_8);
    }

    @Test
    void write_documentsOneAfterAnother_areEachWhole_withNothingBetweenOrLeftOver() {
        assertThat(text(g -> g.writeString("채식주의자"))).isEqualTo("\"채식주의자\"");
        assertThat(text(g -> {
            g.writeStartObject();
            g.writeNumberField("n", 1);
            g.writeEndObject();
        })).isEqualTo("{\"n\":1}");
        assertThat(text(g -> {
            g.writeStartArray();
            g.writeEndArray();
        })).isEqualTo("[]");
        assertThat(text(g -> g.writeNumber(2))).isEqualTo("2");
    }

    @Test
    void write_afterAWriterThatFailed_orLeftAnObjectOpen_startsClean() {
        assertThatThrownBy(() -> json.write(g -> {
            g.writeStartObject();
            g.writeStringField("half", "written");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(text(g -> g.writeString("next"))).isEqualTo("\"next\"");

        assertThat(text(g -> {
            g.writeStartObject();
            g.writeFieldName("a");
            g.writeStartArray();
        })).as("open values are closed, as closing a generator does").isEqualTo("{\"a\":[]}");
        assertThat(text(g -> g.writeString("after"))).isEqualTo("\"after\"");
    }

    @Test
    void write_insideAWriter_andAfterALargeDocument_staysCorrect() {
        String inner = "x".repeat(10);
        assertThat(text(g -> {
            g.writeStartObject();
            g.writeStringField("inner", new String(json.write(h -> h.writeString(inner)), StandardCharsets.UTF_8));
            g.writeEndObject();
        })).isEqualTo("{\"inner\":\"\\\"xxxxxxxxxx\\\"\"}");

        String large = "책".repeat(Json.KEPT_BYTES);
        assertThat(text(g -> g.writeString(large))).hasSize(large.length() + 2);
        assertThat(text(g -> g.writeString("small"))).isEqualTo("\"small\"");
    }

    @Test
    void write_onManyThreadsAtOnce_givesEachItsOwnDocument() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> checks = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                checks.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String id = thread + "-" + i;
                        String written = text(g -> {
                            g.writeStartObject();
                            g.writeStringField("id", id);
                            g.writeEndObject();
                        });
                        if (!written.equals("{\"id\":\"" + id + "\"}")) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var check : checks) {
                assertThat(check.get(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
