package dev.bookshelf.api.http;

import dev.bookshelf.core.shared.Unauthenticated;
import java.util.Optional;

/** The bearer token of a request's {@code Authorization} header. */
public final class Bearer {
    private Bearer() {
    }

    /**
     * The token, or null without an {@code Authorization} header; another scheme or an empty
     * token is {@code Unauthenticated(INVALID_TOKEN)}.
     */
    public static String token(ApiRequest req) {
        Optional<String> header = req.header("Authorization");
        if (header.isEmpty()) {
            return null;
        }
        String value = header.get();
        Last last = LAST.get();
        if (value.equals(last.header)) {
            return last.token;
        }
        String stripped = value.strip();
        if (!isBearer(stripped)) {
            throw new Unauthenticated(Unauthenticated.Reason.INVALID_TOKEN);
        }
        String token = stripped.substring(7).strip();
        if (token.isEmpty()) {
            throw new Unauthenticated(Unauthenticated.Reason.INVALID_TOKEN);
        }
        last.header = value;
        last.token = token;
        return token;
    }

    /**
     * The last header this thread took a token out of, and that token. A client sends the same
     * header on each request of its session, each time a new string from the transport: comparing
     * it costs less than cutting a new ~300-character token out of it, and the token handed on is
     * then the very string the verified tokens were remembered by. Only a header whose token was
     * valid in form is kept.
     */
    private static final class Last {
        String header;
        String token;
    }

    private static final ThreadLocal<Last> LAST = ThreadLocal.withInitial(Last::new);

    /** Whether an {@code Authorization} value (already stripped) names the Bearer scheme, in any case. */
    public static boolean isBearer(String authorization) {
        // As clients write it, compared at once; then in any case.
        return authorization.startsWith("Bearer ") || authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
