package dev.bookshelf.api.problem;

import dev.bookshelf.core.shared.FieldError;
import java.util.List;
import java.util.Map;

/**
 * A failure of the HTTP contract itself (unknown path, wrong method, bad body...), as opposed to
 * a domain failure. Carries its status, its problem kind and any extra response headers. Created
 * without a stack trace.
 */
public final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ProblemKind kind;
    private final transient List<FieldError> errors;
    private final transient Map<String, String> headers;

    public ApiProblem(ProblemKind kind, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public ApiProblem(ProblemKind kind, String detail) {
        this(kind, detail, List.of(), Map.of());
    }

    public static ApiProblem invalid(String detail, FieldError error) {
        return new ApiProblem(ProblemKind.INVALID_INPUT, detail, List.of(error), Map.of());
    }

    public ProblemKind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
