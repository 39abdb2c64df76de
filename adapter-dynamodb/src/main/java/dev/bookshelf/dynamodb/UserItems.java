package dev.bookshelf.dynamodb;

import static dev.bookshelf.dynamodb.Schema.s;

import dev.bookshelf.core.account.User;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Users as items. The user item ({@code USER#id}) and the email claim ({@code EMAIL#email}) carry
 * the same attributes, written together in one transaction, so a login reads one item. An erased
 * account leaves a tombstone in place of its user item ({@code closed}, no personal data, deleted
 * by time to live a day later) so that a request still in flight cannot add a book to it.
 */
final class UserItems {
    static final String GENERATION = "tokenGeneration";
    static final String CLOSING = "closing";
    static final String CLOSED = "closed";
    static final long TOMBSTONE_SECONDS = 86_400;

    private UserItems() {
    }

    static Map<String, AttributeValue> userItem(User user) {
        return item(Schema.userPk(user.id()), Schema.USER_SK, user);
    }

    static Map<String, AttributeValue> emailClaim(User user) {
        return item(Schema.emailPk(user.email()), Schema.EMAIL_SK, user);
    }

    static Map<String, AttributeValue> tombstone(String userId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(Schema.key(Schema.userPk(userId), Schema.USER_SK));
        item.put(CLOSED, AttributeValue.builder().bool(true).build());
        item.put(Schema.EXPIRES_AT, Schema.n(now.getEpochSecond() + TOMBSTONE_SECONDS));
        return item;
    }

    private static Map<String, AttributeValue> item(String pk, String sk, User user) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Schema.PK, s(pk));
        item.put(Schema.SK, s(sk));
        item.put("id", s(user.id()));
        item.put("email", s(user.email()));
        item.put("displayName", s(user.displayName()));
        item.put("passwordHash", s(user.passwordHash()));
        item.put("createdAt", s(user.createdAt().toString()));
        item.put(GENERATION, Schema.n(user.tokenGeneration()));
        if (user.closing()) {
            item.put(CLOSING, AttributeValue.builder().bool(true).build());
        }
        return item;
    }

    /** The user of an item; empty for a tombstone. */
    static Optional<User> fromItem(Map<String, AttributeValue> item) {
        if (item.containsKey(CLOSED) || !item.containsKey("id")) {
            return Optional.empty();
        }
        AttributeValue generation = item.get(GENERATION);
        AttributeValue closing = item.get(CLOSING);
        return Optional.of(new User(item.get("id").s(), item.get("email").s(), item.get("displayName").s(),
                item.get("passwordHash").s(), Instant.parse(item.get("createdAt").s()),
                generation == null ? 0 : Long.parseLong(generation.n()),
                closing != null && Boolean.TRUE.equals(closing.bool())));
    }
}
