package dev.bookshelf.api;

import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.problem.ApiProblem;
import dev.bookshelf.api.problem.ProblemKind;
import dev.bookshelf.api.problem.Problems;
import dev.bookshelf.core.shared.FieldError;
import java.util.Locale;

/** Checks a JSON route's body before it is parsed: size (413), media type (415), presence (400). */
final class BodyRules {
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
        if (contentType.equals("application/json") || contentType.equals(Problems.JSON_TYPE)) {
            return true;
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String media = parts[0].strip();
        boolean json = media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
        if (!json) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.startsWith("charset=")) {
                String cs = p.substring("charset=".length()).replace("\"", "").strip();
                if (!cs.equals("utf-8") && !cs.equals("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String sanitize(String s) {
        String cut = s.length() > 100 ? s.substring(0, 100) : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
