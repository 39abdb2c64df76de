package dev.bookshelf.dynamodb;

import dev.bookshelf.core.account.UserRepository;
import dev.bookshelf.core.contract.UserRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same contract on the synchronous url-connection client the Lambda upload uses. */
class UrlConnectionUserRepositoryTest extends UserRepositoryContract {
    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb(HttpClientChoice.URL_CONNECTION);

    @Override
    protected UserRepository newRepository() {
        return DYNAMO.store().users();
    }
}
