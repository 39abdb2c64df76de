package dev.bookshelf.dynamodb;

import dev.bookshelf.core.book.ReadingStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The single-table layout: key attributes, key shapes and the table definition (see README). */
final class Schema {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String BY_CREATED = "byCreated";
    static final String CREATED_KEY = "createdKey";
    static final String BY_STATUS = "byStatus";
    static final String STATUS_KEY = "statusKey";
    static final String USER_SK = "USER";
    static final String EMAIL_SK = "EMAIL";
    static final String REVOKED_SK = "REVOKED";
    static final String ATTEMPTS_SK = "ATTEMPTS";
    /** Epoch seconds after which DynamoDB's time to live may delete the item (enabled on this attribute). */
    static final String EXPIRES_AT = "expiresAt";
    private static final long MIN_SECOND = Instant.MIN.getEpochSecond();

    private Schema() {
    }

    static String userPk(String userId) {
        return "USER#" + userId;
    }

    static String emailPk(String normalizedEmail) {
        return "EMAIL#" + normalizedEmail;
    }

    static String tokenPk(String tokenId) {
        return "TOKEN#" + tokenId;
    }

    static String loginPk(String key) {
        return "LOGIN#" + key;
    }

    static String ownerPk(String ownerId) {
        return "OWNER#" + ownerId;
    }

    static String bookSk(String bookId) {
        return "BOOK#" + bookId;
    }

    /** 28 digits that sort like the instant: seconds since {@link Instant#MIN}, then nanoseconds. */
    static String timeKey(Instant t) {
        return String.format(Locale.ROOT, "%019d%09d", t.getEpochSecond() - MIN_SECOND, t.getNano());
    }

    static boolean isTimeKey(String s) {
        return s.length() == 28 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static String createdKey(String timeKey, String bookId) {
        return timeKey + "#" + bookId;
    }

    static String statusKey(ReadingStatus status, String timeKey, String bookId) {
        return statusPrefix(status) + createdKey(timeKey, bookId);
    }

    static String statusPrefix(ReadingStatus status) {
        return status.name() + "#";
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }

    static CreateTableRequest createTable(String table) {
        return CreateTableRequest.builder()
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(PK), string(SK), string(CREATED_KEY), string(STATUS_KEY))
                .keySchema(hash(PK), range(SK))
                .localSecondaryIndexes(index(BY_CREATED, CREATED_KEY), index(BY_STATUS, STATUS_KEY))
                .build();
    }

    private static LocalSecondaryIndex index(String name, String sortKey) {
        return LocalSecondaryIndex.builder().indexName(name).keySchema(hash(PK), range(sortKey))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
