package dev.bookshelf.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshelf.api.problem.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Raw request-target parts are decoded exactly once, the same way for every transport. */
class UriPartsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/books/plain | /books/plain",
            "/space%20value | /space value",
            "/%EC%B1%84%EC%8B%9D | /채식",
            "/%ec%b1%84 | /채",
            "/a+b | /a+b",
            "/a%2Bb | /a+b",
            "/slash%2Fvalue | /slash/value",
            "/literal%252F | /literal%2F",
            "/percent%25 | /percent%",
            "/이미/한글 | /이미/한글"})
    void decodePath_decodesEachEscapeExactlyOnce_andKeepsPlus(String raw, String decoded) {
        assertThat(UriParts.decodePath(raw)).isEqualTo(decoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/100%", "/bad%zzescape", "/cut%4", "/not-utf8%FF", "/overlong%C0%AF", "/half%EC%B1"})
    void decodePath_malformedEscapeOrNotUtf8_is400NamingThePath(String raw) {
        assertThatThrownBy(() -> UriParts.decodePath(raw))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.kind().status()).isEqualTo(400);
                    assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("path"));
                });
    }

    @Test
    void parseQuery_keepsRepeatedKeysInOrder_andDecodesPlusAsSpace() {
        Map<String, List<String>> q = UriParts.parseQuery("repeat=one&repeat=two&redirect=https%3A%2F%2Fexample.com"
                + "&literalPlus=a+b&encodedPlus=a%2Bb&empty=&bare&&%ED%95%9C=%EA%B0%95");

        assertThat(q).containsExactly(
                Map.entry("repeat", List.of("one", "two")),
                Map.entry("redirect", List.of("https://example.com")),
                Map.entry("literalPlus", List.of("a b")),
                Map.entry("encodedPlus", List.of("a+b")),
                Map.entry("empty", List.of("")),
                Map.entry("bare", List.of("")),
                Map.entry("한", List.of("강")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=100%", "q=%zz", "%FF=1", "q=%C3"})
    void parseQuery_malformedEscapeOrNotUtf8_is400NamingTheQuery(String raw) {
        assertThatThrownBy(() -> UriParts.parseQuery(raw))
                .isInstanceOfSatisfying(ApiProblem.class,
                        p -> assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("query")));
    }

    @Test
    void decodeQuery_decodesSplitButEncodedParameters_mergingKeysThatDecodeAlike() {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        raw.put("redirect", List.of("https%3A%2F%2Fexample.com%2Fa%2Fb"));
        raw.put("literalPlus", List.of("a+b"));
        raw.put("encodedPlus", List.of("a%2Bb"));
        raw.put("tag", List.of("one"));
        raw.put("t%61g", List.of("two"));

        assertThat(UriParts.decodeQuery(raw)).containsExactly(
                Map.entry("redirect", List.of("https://example.com/a/b")),
                Map.entry("literalPlus", List.of("a b")),
                Map.entry("encodedPlus", List.of("a+b")),
                Map.entry("tag", List.of("one", "two")));
    }

    @Test
    void requestIds_inTheBase64AlphabetAreEchoed_othersReplaced() {
        assertThat(new ApiRequest("GET", "/", null, null, null, "ATfSmjLgPHcESJw=", null).requestId())
                .isEqualTo("ATfSmjLgPHcESJw=");
        assertThat(new ApiRequest("GET", "/", null, null, null, "a+b/c=", null).requestId()).isEqualTo("a+b/c=");
        assertThat(new ApiRequest("GET", "/", null, null, null, "a b", null).requestId()).isNotEqualTo("a b");
        assertThat(new ApiRequest("GET", "/", null, null, null, "\"quoted\"", null).requestId())
                .doesNotContain("\"");
    }
}
