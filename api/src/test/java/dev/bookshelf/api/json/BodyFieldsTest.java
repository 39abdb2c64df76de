package dev.bookshelf.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bookshelf.core.shared.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** integer() takes only integral numbers that fit an int; text() only strings. */
class BodyFieldsTest {
    private static BodyFields fields(String body) {
        return new BodyFields(new Json().readObject(body.getBytes(StandardCharsets.UTF_8)),
                Set.of("a", "b", "c", "d", "e", "f", "g", "h"));
    }

    @Test
    void integer_acceptsTheWholeIntRange() {
        BodyFields f = fields("{\"a\":2147483647,\"b\":-2147483648,\"c\":0,\"d\":-0}");

        assertThat(f.integer("a")).isEqualTo(Integer.MAX_VALUE);
        assertThat(f.integer("b")).isEqualTo(Integer.MIN_VALUE);
        assertThat(f.integer("c")).isZero();
        assertThat(f.integer("d")).isZero();
        f.done();
    }

    @Test
    void integer_refusesFractionsExponentsAndNumbersBeyondInt() {
        BodyFields f = fields("{\"a\":2147483648,\"b\":-2147483649,\"c\":1.0,\"d\":1e3,"
                + "\"e\":123456789012345678901234567890,\"f\":\"5\",\"g\":true,\"h\":[5]}");

        for (String name : new String[] {"a", "b", "c", "d", "e", "f", "g", "h"}) {
            assertThat(f.integer(name)).as(name).isNull();
        }
        InvalidInput e = catchThrowableOfType(InvalidInput.class, f::done);
        assertThat(e.errors()).extracting(x -> x.field() + ":" + x.code()).containsExactly("a:WRONG_TYPE",
                "b:WRONG_TYPE", "c:WRONG_TYPE", "d:WRONG_TYPE", "e:WRONG_TYPE", "f:WRONG_TYPE", "g:WRONG_TYPE",
                "h:WRONG_TYPE");
    }

    @Test
    void text_refusesEveryNonString_andTreatsNullAsAbsent() {
        BodyFields f = fields("{\"a\":1,\"b\":{},\"c\":[],\"d\":false,\"e\":null,\"f\":\"채식주의자\"}");

        assertThat(f.text("e")).isNull();
        assertThat(f.text("f")).isEqualTo("채식주의자");
        assertThat(f.text("h")).isNull();
        f.done();
        for (String name : new String[] {"a", "b", "c", "d"}) {
            assertThat(f.text(name)).as(name).isNull();
        }
        InvalidInput e = catchThrowableOfType(InvalidInput.class, f::done);
        assertThat(e.errors()).hasSize(4);
    }
}
