package dev.bookshelf.dynamodb;

import dev.bookshelf.core.account.RevokedTokens;
import dev.bookshelf.core.contract.RevokedTokensContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbRevokedTokensTest extends RevokedTokensContract {
    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb(HttpClientChoice.URL_CONNECTION);

    @Override
    protected RevokedTokens newRepository() {
        return DYNAMO.store().revoked();
    }
}
