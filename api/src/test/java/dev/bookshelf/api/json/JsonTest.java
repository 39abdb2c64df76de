package dev.bookshelf.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bookshelf.api.problem.ApiProblem;
import dev.bookshelf.api.problem.ProblemKind;
import java.nio.charset.StandardCharsets;
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

        ObjectNode node = json.readObject(utf8("{\"a\":" + inner + "}"));

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

        ObjectNode node = json.readObject(utf8(body));

        assertThat(node).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(body));
        assertThat(node.get("i").isInt()).isTrue();
        assertThat(node.get("l").isLong()).isTrue();
        assertThat(node.get("big").isBigInteger()).isTrue();
        assertThat(node.get("d").isDouble()).isTrue();
        assertThat(node.get("n").isNull()).isTrue();
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
        var e = catchThrowableOfType(dev.bookshelf.core.shared.InvalidInput.class, f::done);
        assertThat(e.errors()).extracting(x -> x.field() + ":" + x.code())
                .containsExactlyInAnyOrder("c:UNKNOWN_FIELD", "a:WRONG_TYPE", "b:WRONG_TYPE");
    }
}
