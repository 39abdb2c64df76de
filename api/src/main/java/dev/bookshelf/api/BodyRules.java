package dev.bookshelf.api;

import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.http.MediaType;
import dev.bookshelf.api.problem.ApiProblem;
import dev.bookshelf.api.problem.ProblemKind;
import dev.bookshelf.core.shared.FieldError;
import java.util.Set;

/** Checks a JSON route's body before it is parsed: size (413), media type (415), presence (400). */
final class BodyRules {
    private static final Set<String> UTF_8_NAMES = Set.of("utf-8", "utf8");

    private BodyRules() {
    }

    static void check(ApiRequest req, int limit) {
        if (req.bodyUnsafe().length > limit) {
            throw new ApiProblem(ProblemKind.PAYLOAD_TOO_LARGE, "The body is larger than " + limit + " bytes.");
        }
        if (!req.hasBody()) {
            throw ApiProblem.invalid("A JSON object body is required.", FieldError.of("body", FieldError.Code.REQUIRED));
        }
        String type = req.header("Content-Type").orElse("");
        if (!isJsonUtf8(type)) {
            throw new ApiProblem(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as application/json in UTF-8 (got '" + sanitize(type) + "').");
        }
    }

    static boolean isJsonUtf8(String contentType) {
        return MediaType.parse(contentType).map(m -> m.isJson() && m.charsetsWithin(UTF_8_NAMES)).orElse(false);
    }

    private static String sanitize(String s) {
        String cut = s.length() > 100 ? s.substring(0, 100) : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
