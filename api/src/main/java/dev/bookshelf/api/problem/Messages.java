package dev.bookshelf.api.problem;

import dev.bookshelf.core.shared.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** Human messages in English (default) and Korean, chosen from {@code Accept-Language}. */
public final class Messages {
    public enum Language { EN, KO }

    private final Properties en = load("messages_en.properties");
    private final Properties ko = load("messages_ko.properties");

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/dev/bookshelf/api/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing message bundle " + name);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The best of our languages for an {@code Accept-Language} value; English when unsure. */
    public static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Language.EN;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange r : ranges) {
                String tag = r.getRange().toLowerCase(Locale.ROOT);
                if (r.getWeight() <= 0) {
                    continue;
                }
                if (tag.equals("ko") || tag.startsWith("ko-")) {
                    return Language.KO;
                }
                if (tag.equals("en") || tag.startsWith("en-") || tag.equals("*")) {
                    return Language.EN;
                }
            }
        } catch (IllegalArgumentException e) {
            return Language.EN;
        }
        return Language.EN;
    }

    public String get(Language language, String key) {
        String value = (language == Language.KO ? ko : en).getProperty(key);
        if (value == null) {
            value = en.getProperty(key);
        }
        if (value == null) {
            throw new IllegalStateException("missing message " + key);
        }
        return value;
    }

    public String field(Language language, FieldError error) {
        String text = get(language, "field." + error.code().name());
        if (error.min() != null) {
            text = text.replace("{min}", error.min().toString());
        }
        if (error.max() != null) {
            text = text.replace("{max}", error.max().toString());
        }
        return text;
    }
}
