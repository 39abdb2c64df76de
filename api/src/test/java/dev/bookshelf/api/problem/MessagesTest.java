package dev.bookshelf.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.shared.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagesTest {
    private final Messages messages = new Messages();

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/dev/bookshelf/api/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothBundles_haveExactlyTheSameKeys() throws IOException {
        assertThat(bundle("messages_ko.properties").stringPropertyNames())
                .isEqualTo(bundle("messages_en.properties").stringPropertyNames());
    }

    @Test
    void everyProblemKind_hasATitleAndMessageInBothLanguages() throws IOException {
        Properties en = bundle("messages_en.properties");
        Properties ko = bundle("messages_ko.properties");

        for (ProblemKind kind : ProblemKind.values()) {
            for (String key : new String[] {kind.messageKey() + ".title", kind.messageKey() + ".message"}) {
                assertThat(en.getProperty(key)).as(key).isNotBlank();
                assertThat(ko.getProperty(key)).as(key).isNotBlank().isNotEqualTo(en.getProperty(key));
            }
        }
    }

    @Test
    void everyFieldCode_hasAMessageInBothLanguages() throws IOException {
        Properties en = bundle("messages_en.properties");
        Properties ko = bundle("messages_ko.properties");

        for (FieldError.Code code : FieldError.Code.values()) {
            assertThat(en.getProperty("field." + code.name())).as(code.name()).isNotBlank();
            assertThat(ko.getProperty("field." + code.name())).as(code.name()).isNotBlank();
        }
    }

    @Test
    void koreanBundle_isReadAsUtf8() {
        assertThat(messages.get(Messages.Language.KO, "problem.not-found.message")).isEqualTo("요청하신 항목을 찾을 수 없습니다.");
    }

    @Test
    void fieldMessage_fillsInBoundsInEachLanguage() {
        FieldError tooShort = FieldError.bounded("password", FieldError.Code.TOO_SHORT, 8, 128);

        assertThat(messages.field(Messages.Language.EN, tooShort)).isEqualTo("Must be at least 8 characters.");
        assertThat(messages.field(Messages.Language.KO, tooShort)).isEqualTo("8자 이상이어야 합니다.");
    }

    @ParameterizedTest(name = "Accept-Language: [{0}] -> {1}")
    @CsvSource(value = {"ko|KO", "KO|KO", "ko-KR|KO", "ko-KR,ko;q=0.9,en;q=0.8|KO", "de,ko;q=0.2|KO",
        "en;q=0.1,ko;q=0.9|KO", "en|EN", "en-US,ko;q=0.5|EN", "*|EN", "de|EN", "ko;q=0|EN", "|EN", "   |EN",
        "@@@|EN", "ko;q=2|EN", "kor|EN"}, delimiter = '|')
    void negotiate_picksKoreanOnlyWhenPreferred(String header, Messages.Language expected) {
        assertThat(Messages.negotiate(header)).isEqualTo(expected);
    }

    @Test
    void negotiate_null_isEnglish() {
        assertThat(Messages.negotiate(null)).isEqualTo(Messages.Language.EN);
    }
}
