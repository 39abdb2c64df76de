package dev.bookshelf.dynamodb;

import dev.bookshelf.core.account.UserRepository;
import dev.bookshelf.core.contract.UserRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbUserRepositoryTest extends UserRepositoryContract {
    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb();

    @Override
    protected UserRepository newRepository() {
        return DYNAMO.store().users();
    }
}
