package dev.bookshelf.api.problem;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bookshelf.api.http.ApiResponse;
import dev.bookshelf.api.http.Headers;
import dev.bookshelf.api.json.Json;
import dev.bookshelf.core.shared.EmailAlreadyTaken;
import dev.bookshelf.core.shared.FieldError;
import dev.bookshelf.core.shared.InvalidInput;
import dev.bookshelf.core.shared.NotFound;
import dev.bookshelf.core.shared.TooManyAttempts;
import dev.bookshelf.core.shared.Unauthenticated;
import dev.bookshelf.core.shared.VersionConflict;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Maps every failure to one problem-details answer (RFC 9457 plus a localized {@code message}).
 * The only place statuses of failures are decided. Never exposes exception text of unexpected
 * failures, class names or stack traces.
 */
public final class Problems {
    public static final String JSON_TYPE = "application/json; charset=utf-8";
    /** {@code Content-Type: application/json; charset=utf-8}, one field shared by every JSON answer. */
    public static final Headers JSON_CONTENT = Headers.builder().set("Content-Type", JSON_TYPE).build();

    private final Json json;
    private final Messages messages;

    public Problems(Json json, Messages messages) {
        this.json = json;
        this.messages = messages;
    }

    /** A resolved failure: what to answer. {@code unexpected} marks our own faults. */
    public record Resolved(ProblemKind kind, String detail, List<FieldError> errors, Map<String, String> headers,
                           String messageKey, boolean unexpected) {
    }

    public static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    public Resolved resolve(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ApiProblem p) {
            return new Resolved(p.kind(), p.getMessage(), p.errors(), p.headers(), null, false);
        }
        if (t instanceof InvalidInput e) {
            return new Resolved(ProblemKind.INVALID_INPUT, "The input is not valid.", e.errors(), Map.of(), null, false);
        }
        if (t instanceof Unauthenticated u) {
            return unauthenticated(u);
        }
        if (t instanceof NotFound n) {
            return simple(ProblemKind.NOT_FOUND, "No " + n.kind() + " with this id on your shelf.");
        }
        if (t instanceof VersionConflict v) {
            return simple(ProblemKind.VERSION_CONFLICT,
                    "You sent version " + v.expected() + " but the current version is " + v.current() + ".");
        }
        if (t instanceof TooManyAttempts tooMany) {
            long wait = Math.max(1, (tooMany.retryAfter().toMillis() + 999) / 1000);
            return new Resolved(ProblemKind.TOO_MANY_REQUESTS, "Too many failed log-ins. Try again in " + wait
                    + " seconds.", List.of(), Map.of("Retry-After", Long.toString(wait)), null, false);
        }
        if (t instanceof EmailAlreadyTaken) {
            return simple(ProblemKind.EMAIL_TAKEN, "An account with this email already exists.");
        }
        return new Resolved(ProblemKind.INTERNAL, "An unexpected error occurred.", List.of(), Map.of(), null, true);
    }

    private static Resolved simple(ProblemKind kind, String detail) {
        return new Resolved(kind, detail, List.of(), Map.of(), null, false);
    }

    private static Resolved unauthenticated(Unauthenticated u) {
        String challenge = switch (u.reason()) {
            case MISSING_TOKEN, BAD_CREDENTIALS, WRONG_PASSWORD -> "Bearer realm=\"bookshelf\"";
            default -> "Bearer realm=\"bookshelf\", error=\"invalid_token\"";
        };
        boolean login = u.reason() == Unauthenticated.Reason.BAD_CREDENTIALS;
        String detail = switch (u.reason()) {
            case MISSING_TOKEN -> "This request needs an Authorization: Bearer token.";
            case BAD_CREDENTIALS -> "The email or the password is wrong.";
            case WRONG_PASSWORD -> "The password is wrong.";
            default -> "The bearer token is invalid or has expired.";
        };
        return new Resolved(ProblemKind.UNAUTHENTICATED, detail, List.of(), Map.of("WWW-Authenticate", challenge),
                login ? "problem.bad-credentials.message"
                        : u.reason() == Unauthenticated.Reason.WRONG_PASSWORD ? "problem.wrong-password.message" : null,
                false);
    }

    /** The response for a resolved problem, in the caller's language. */
    public ApiResponse response(Resolved r, Messages.Language language, String requestId) {
        Headers.Builder headers = Headers.builder().setAll(JSON_CONTENT);
        r.headers().forEach(headers::set);
        String messageKey = r.messageKey() != null ? r.messageKey() : r.kind().messageKey() + ".message";
        byte[] body = json.write(g -> {
            g.writeStartObject();
            g.writeStringField("type", r.kind().type());
            g.writeStringField("title", messages.get(Messages.Language.EN, r.kind().messageKey() + ".title"));
            g.writeNumberField("status", r.kind().status());
            g.writeStringField("detail", r.detail());
            g.writeStringField("message", messages.get(language, messageKey));
            if (!r.errors().isEmpty()) {
                writeErrors(g, r.errors(), language);
            }
            g.writeStringField("requestId", requestId);
            g.writeEndObject();
        });
        return new ApiResponse(r.kind().status(), headers.build(), body);
    }

    private void writeErrors(JsonGenerator g, List<FieldError> errors, Messages.Language language) throws IOException {
        g.writeArrayFieldStart("errors");
        for (FieldError e : errors) {
            g.writeStartObject();
            g.writeStringField("field", e.field());
            g.writeStringField("code", e.code().name());
            g.writeStringField("message", messages.field(language, e));
            if (e.min() != null) {
                g.writeNumberField("min", e.min());
            }
            if (e.max() != null) {
                g.writeNumberField("max", e.max());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
