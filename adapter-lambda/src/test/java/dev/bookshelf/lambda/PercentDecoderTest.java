package dev.bookshelf.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentDecoderTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/books/plain | /books/plain",
            "/space%20value | /space value",
            "/%EC%B1%84%EC%8B%9D | /채식",
            "/%ec%b1%84 | /채",
            "/a+b | /a+b",
            "/slash%2Fvalue | /slash/value",
            "/literal%252F | /literal%2F",
            "/percent%25 | /percent%",
            "/100% | /100%",
            "/bad%zzescape | /bad%zzescape",
            "/cut%4 | /cut%4",
            "/이미/한글 | /이미/한글",
            "/not-utf8%FF | /not-utf8\uFFFD"})
    void decodePath_decodesEachEscapeExactlyOnce_andNeverFails(String raw, String decoded) {
        assertThat(PercentDecoder.decodePath(raw)).isEqualTo(decoded);
    }
}
