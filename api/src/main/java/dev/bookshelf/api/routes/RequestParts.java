package dev.bookshelf.api.routes;

import dev.bookshelf.api.http.ApiRequest;
import dev.bookshelf.api.problem.ApiProblem;
import dev.bookshelf.api.problem.ProblemKind;
import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.InvalidInput;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the non-body parts of a request: query parameters and preconditions. */
final class RequestParts {
    private static final Pattern ETAG = Pattern.compile("^\"(\\d{1,18})\"$");

    private RequestParts() {
    }

    /** A single-valued query parameter; repeating it is ambiguous and refused. */
    static String single(ApiRequest req, String name) {
        List<String> values = req.query().getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw InvalidInput.of(name, FieldError.Code.INVALID_FORMAT);
        }
        return values.isEmpty() ? null : values.get(0);
    }

    static Integer integer(ApiRequest req, String name) {
        String v = single(req, name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of(name, FieldError.Code.WRONG_TYPE);
        }
    }

    /** The version named by {@code If-Match: "n"}; 428 when absent, 400 when unreadable. */
    static long ifMatchVersion(ApiRequest req) {
        List<String> values = req.headers().all("If-Match");
        if (values.isEmpty()) {
            throw new ApiProblem(ProblemKind.PRECONDITION_REQUIRED,
                    "Send the version you are changing, as returned in ETag, in the If-Match header.");
        }
        Matcher m = values.size() == 1 ? ETAG.matcher(values.get(0).strip()) : null;
        if (m == null || !m.matches()) {
            throw new ApiProblem(ProblemKind.INVALID_INPUT, "If-Match must be one ETag such as \"3\".",
                    List.of(FieldError.of("If-Match", FieldError.Code.INVALID_FORMAT)), Map.of());
        }
        return Long.parseLong(m.group(1));
    }
}
