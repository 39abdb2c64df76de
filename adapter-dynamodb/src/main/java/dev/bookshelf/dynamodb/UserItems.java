package dev.bookshelf.dynamodb;

import static dev.bookshelf.dynamodb.Schema.s;

import dev.bookshelf.core.account.User;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Users as items. The user item ({@code USER#id}) and the email claim ({@code EMAIL#email}) carry
 * the same attributes, written together in one transaction, so a login reads one item.
 */
final class UserItems {
    private UserItems() {
    }

    static Map<String, AttributeValue> userItem(User user) {
        return item(Schema.userPk(user.id()), Schema.USER_SK, user);
    }

    static Map<String, AttributeValue> emailClaim(User user) {
        return item(Schema.emailPk(user.email()), Schema.EMAIL_SK, user);
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
        return item;
    }

    static User fromItem(Map<String, AttributeValue> item) {
        return new User(item.get("id").s(), item.get("email").s(), item.get("displayName").s(),
                item.get("passwordHash").s(), Instant.parse(item.get("createdAt").s()));
    }
}
