package dev.bookshelf.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MediaTypeTest {
    @Test
    void parse_lowersTypeAndSubtype_andKeepsEveryCharsetWithoutQuotes() {
        MediaType m = MediaType.parse(" Application/Problem+JSON ; q=1; charset=\"UTF-8\" ;charset=latin1").orElseThrow();

        assertThat(m.type()).isEqualTo("application");
        assertThat(m.subtype()).isEqualTo("problem+json");
        assertThat(m.charsets()).containsExactly("utf-8", "latin1");
        assertThat(m.isJson()).isTrue();
        assertThat(m.charsetsWithin(Set.of("utf-8"))).isFalse();
        assertThat(m.charsetsWithin(Set.of("utf-8", "latin1"))).isTrue();
    }

    @Test
    void parse_withoutASlash_isEmpty_andRepeatedValuesGiveTheSameAnswer() {
        assertThat(MediaType.parse("json")).isEmpty();
        assertThat(MediaType.parse("")).isEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(MediaType.parse("application/json; charset=utf-8"))
                    .contains(new MediaType("application", "json", List.of("utf-8")));
        }
        assertThat(MediaType.parse("text/plain").orElseThrow().charsetsWithin(Set.of())).isTrue();
        assertThat(MediaType.parse("text/json").orElseThrow().isJson()).isFalse();
    }

    @Test
    void parse_staysCorrectBeyondWhatItRemembers() {
        for (int i = 0; i < 500; i++) {
            String value = "application/x-" + i + "+json; charset=" + (i % 2 == 0 ? "utf-8" : "utf-16") + ";p=" + "x".repeat(i % 200);
            MediaType m = MediaType.parse(value).orElseThrow();
            assertThat(m.subtype()).isEqualTo("x-" + i + "+json");
            assertThat(m.charsetsWithin(Set.of("utf-8"))).isEqualTo(i % 2 == 0);
        }
    }
}
