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
        String value = header.get().strip();
        if (!isBearer(value)) {
            throw new Unauthenticated(Unauthenticated.Reason.INVALID_TOKEN);
        }
        String token = value.substring(7).strip();
        if (token.isEmpty()) {
            throw new Unauthenticated(Unauthenticated.Reason.INVALID_TOKEN);
        }
        return token;
    }

    /** Whether an {@code Authorization} value (already stripped) names the Bearer scheme, in any case. */
    public static boolean isBearer(String authorization) {
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
