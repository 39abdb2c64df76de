package dev.bookshelf.dynamodb;

import dev.bookshelf.core.account.LoginAttempts;
import dev.bookshelf.core.contract.LoginAttemptsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbLoginAttemptsTest extends LoginAttemptsContract {
    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb();

    @Override
    protected LoginAttempts newRepository() {
        return DYNAMO.store().attempts();
    }
}
