package dev.bookshelf.api.hostile;

import static dev.bookshelf.api.hostile.Hostile.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bookshelf.api.support.Answer;
import dev.bookshelf.api.support.ApiFixture;
import dev.bookshelf.core.account.User;
import dev.bookshelf.core.account.UserRepository;
import dev.bookshelf.core.store.InMemoryStoreProvider;
import dev.bookshelf.core.store.Store;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Authentication as an attacker probes it, through the dispatcher (what AuthenticationTest does not cover). */
class AttackerAuthTest {

    /** A user repository in which accounts can be deleted: they are then found neither by id nor by email. */
    static final class DeletingUsers implements UserRepository {
        private final UserRepository delegate;
        private final Set<String> deleted = ConcurrentHashMap.newKeySet();

        DeletingUsers(UserRepository delegate) {
            this.delegate = delegate;
        }

        void delete(String id) {
            deleted.add(id);
        }

        @Override
        public CompletionStage<Void> insert(User user) {
            return delegate.insert(user);
        }

        @Override
        public CompletionStage<Optional<User>> findByEmail(String normalizedEmail) {
            return delegate.findByEmail(normalizedEmail).thenApply(u -> u.filter(x -> !deleted.contains(x.id())));
        }

        @Override
        public CompletionStage<Optional<User>> findById(String id) {
            return deleted.contains(id) ? CompletableFuture.completedFuture(Optional.empty()) : delegate.findById(id);
        }

        @Override
        public CompletionStage<Boolean> changePassword(User user, String newPasswordHash) {
            return delegate.changePassword(user, newPasswordHash);
        }

        @Override
        public CompletionStage<Boolean> beginClosing(User user) {
            return delegate.beginClosing(user);
        }

        @Override
        public CompletionStage<Void> delete(User user) {
            return delegate.delete(user);
        }
    }

    @Test
    void tokenOfADeletedUser_answers401OnEveryRoute_andStoresNothing() {
        Store memory = new InMemoryStoreProvider().open(Map.of());
        DeletingUsers users = new DeletingUsers(memory.users());
        ApiFixture fx = ApiFixture.withStore(new Store("memory", users, memory.books(), memory.resources()), Map.of());
        String email = ApiFixture.newEmail();
        String token = fx.tokenFor(email);
        String id = fx.get("/me").bearer(token).send().json().path("id").asText();
        String book = fx.addBook(token, "Dune", "READ");

        users.delete(id);

        Answer[] answers = {
            fx.get("/me").bearer(token).send(),
            fx.get("/books").bearer(token).send(),
            fx.get("/books/" + book).bearer(token).send(),
            fx.post("/books").bearer(token).json("{\"title\":\"t\",\"author\":\"a\",\"status\":\"READ\"}").send(),
            fx.patch("/books/" + book).bearer(token).ifMatch("\"1\"").json("{\"rating\":1}").send(),
            fx.delete("/books/" + book).bearer(token).send()};
        for (Answer answer : answers) {
            assertProblem(answer, 401);
            assertThat(answer.header("WWW-Authenticate")).contains("invalid_token");
        }
        JsonNode refused = assertProblem(fx.logIn(email, ApiFixture.PASSWORD), 401);
        assertThat(refused.path("detail").asText()).isEqualTo("The email or the password is wrong.");
        assertThat(memory.books().find(id, book).toCompletableFuture().join()).hasValueSatisfying(
                b -> assertThat(b.version()).isEqualTo(1));
    }

    @Test
    void tokenSentAnywhereButTheAuthorizationHeader_isIgnored() {
        ApiFixture fx = ApiFixture.start();
        String token = fx.newReaderToken();

        assertProblem(fx.get("/me").query("access_token", token).send(), 401);
        assertProblem(fx.get("/me").header("Cookie", "token=" + token).send(), 401);
        assertProblem(fx.get("/me").header("X-Authorization", "Bearer " + token).send(), 401);
        assertProblem(fx.get("/me").header("Authorization", token).send(), 401);
    }

    @Test
    void hugeOrControlCharacterTokens_answer401() {
        ApiFixture fx = ApiFixture.start();
        String token = fx.newReaderToken();

        for (String bad : new String[] {"x".repeat(1 << 20), token + "\r\nX-Admin: 1", token.replace('.', '\u0000'),
            "\u0000", token + "." + token, token.replaceFirst("\\.", ".\n")}) {
            assertProblem(fx.get("/me").bearer(bad).send(), 401);
        }
        assertThat(fx.get("/me").bearer(token).send().status()).isEqualTo(200);
    }

    /**
     * A token is accepted only in the one spelling we issued: junk that a lenient base64url decoder
     * would skip, padding, or other unused low bits in the signature's last character make it another
     * string for the same signature (a second valid spelling that defeats any denylist or cache key).
     */
    @Test
    void ourTokenSpelledAnyOtherWay_answers401() {
        ApiFixture fx = ApiFixture.start();
        String token = fx.newReaderToken();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        String twin = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        int sig = token.lastIndexOf('.') + 1;

        for (String variant : new String[] {token + "\u0000", token + "!", token + "%", token + "*", token + "=",
            token + "==", token.substring(0, sig) + "\u00e9" + token.substring(sig), token.substring(0, sig) + " "
            + token.substring(sig), twin}) {
            assertProblem(fx.get("/me").bearer(variant).send(), 401);
        }
        assertThat(fx.get("/me").bearer(token).send().status()).isEqualTo(200);
    }

    @Test
    void logInWithUnknownEmailAndWithWrongPassword_takeTheSameTime_withRealBcryptCost() {
        ApiFixture fx = ApiFixture.start(Map.of("BCRYPT_COST", "10", "LOGIN_MAX_FAILURES_PER_ACCOUNT", "1000",
                "LOGIN_MAX_FAILURES_PER_SOURCE", "100000"));
        String known = ApiFixture.newEmail();
        assertThat(fx.signUp(known, ApiFixture.PASSWORD, "Known").status()).isEqualTo(201);
        String unknown = ApiFixture.newEmail();
        int rounds = 30;
        long[] wrongPassword = new long[rounds];
        long[] unknownEmail = new long[rounds];
        for (int i = -3; i < rounds; i++) {
            boolean knownFirst = (i & 1) == 0;
            long a = timed(fx, knownFirst ? known : unknown);
            long b = timed(fx, knownFirst ? unknown : known);
            if (i >= 0) {
                wrongPassword[i] = knownFirst ? a : b;
                unknownEmail[i] = knownFirst ? b : a;
            }
        }
        Answer first = fx.logIn(known, "wrong password");
        Answer second = fx.logIn(unknown, "wrong password");

        double ratio = (double) median(unknownEmail) / median(wrongPassword);
        System.out.printf("log-in timing, %d rounds, bcrypt cost 10: median unknown email %.1f ms,"
                + " median wrong password %.1f ms, ratio %.3f%n", rounds, median(unknownEmail) / 1e6,
                median(wrongPassword) / 1e6, ratio);
        assertThat(ratio).as("median unknown-email %d µs / wrong-password %d µs", median(unknownEmail) / 1000,
                median(wrongPassword) / 1000).isBetween(0.5, 2.0);
        assertThat(median(unknownEmail)).as("bcrypt runs for unknown emails too").isGreaterThan(2_000_000L);
        assertThat(withoutRequestId(first)).isEqualTo(withoutRequestId(second));
    }

    private static long timed(ApiFixture fx, String email) {
        long start = System.nanoTime();
        Answer answer = fx.logIn(email, "wrong password");
        long took = System.nanoTime() - start;
        assertThat(answer.status()).isEqualTo(401);
        return took;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static JsonNode withoutRequestId(Answer answer) {
        ObjectNode copy = answer.json().deepCopy();
        copy.remove("requestId");
        copy.put("status-line", answer.status());
        copy.put("headers", answer.response().headers().toBuilder().remove("X-Request-Id").build().asMap().toString());
        return copy;
    }
}
