package dev.bookshelf.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshelf.core.shared.Unauthenticated;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BearerTest {
    private static ApiRequest withAuthorization(String value) {
        Headers h = value == null ? Headers.empty() : Headers.builder().set("Authorization", value).build();
        return new ApiRequest("GET", "/books", h, Map.<String, List<String>>of(), new byte[0], null, "127.0.0.1");
    }

    /** A fresh string each time, as a transport decodes a header per request. */
    private static String fresh(String s) {
        return new String(s.toCharArray());
    }

    @Test
    void token_isWhatFollowsTheScheme_inAnyCase_withoutSurroundingSpace() {
        assertThat(Bearer.token(withAuthorization("Bearer abc.def.ghi"))).isEqualTo("abc.def.ghi");
        assertThat(Bearer.token(withAuthorization("bearer   abc.def.ghi  "))).isEqualTo("abc.def.ghi");
        assertThat(Bearer.token(withAuthorization(" BEARER x"))).isEqualTo("x");
        assertThat(Bearer.token(withAuthorization(null))).isNull();
        assertThat(Bearer.isBearer("Bearer x")).isTrue();
        assertThat(Bearer.isBearer("bEaReR x")).isTrue();
        assertThat(Bearer.isBearer("Basic eDp5")).isFalse();
        assertThat(Bearer.isBearer("Bearer")).isFalse();
    }

    @Test
    void anotherSchemeOrAnEmptyToken_isAnInvalidToken() {
        for (String value : List.of("Basic eDp5", "Bearer", "Bearer    ", "Bearerx", "", "   ")) {
            assertThatThrownBy(() -> Bearer.token(withAuthorization(value))).as(value)
                    .isInstanceOfSatisfying(Unauthenticated.class,
                            e -> assertThat(e.reason()).isEqualTo(Unauthenticated.Reason.INVALID_TOKEN));
        }
    }

    /**
     * The thread keeps the last header it took a token from: the same header again (a new string
     * with the same text) gives the very same token string, and any other header is read afresh,
     * valid or not, whatever came before it.
     */
    @Test
    void theSameHeaderAgain_givesTheSameToken_andAnyOtherIsReadAfresh() {
        String first = Bearer.token(withAuthorization(fresh("Bearer token-one")));
        assertThat(Bearer.token(withAuthorization(fresh("Bearer token-one")))).isSameAs(first).isEqualTo("token-one");

        assertThat(Bearer.token(withAuthorization(fresh("Bearer token-two")))).isEqualTo("token-two");
        assertThatThrownBy(() -> Bearer.token(withAuthorization(fresh("Basic token-two"))))
                .isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> Bearer.token(withAuthorization(fresh("Bearer  "))))
                .isInstanceOf(Unauthenticated.class);
        assertThat(Bearer.token(withAuthorization(fresh("Bearer token-two")))).isEqualTo("token-two");
        assertThat(Bearer.token(withAuthorization(fresh("bearer token-two ")))).isEqualTo("token-two");
        assertThat(Bearer.token(withAuthorization(null))).isNull();
        assertThat(Bearer.token(withAuthorization(fresh("Bearer token-one")))).isEqualTo("token-one");
    }

    @Test
    void eachThread_keepsItsOwnLastHeader() throws Exception {
        assertThat(Bearer.token(withAuthorization("Bearer mine"))).isEqualTo("mine");
        String[] other = new String[1];
        Thread t = new Thread(() -> other[0] = Bearer.token(withAuthorization("Bearer theirs")));
        t.start();
        t.join(10_000);
        assertThat(other[0]).isEqualTo("theirs");
        assertThat(Bearer.token(withAuthorization(fresh("Bearer mine")))).isEqualTo("mine");
    }
}
