package dev.bookshelf.dynamodb;

import dev.bookshelf.core.book.BookRepository;
import dev.bookshelf.core.contract.BookRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same contract on the synchronous url-connection client the Lambda upload uses. */
class UrlConnectionBookRepositoryTest extends BookRepositoryContract {
    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb(HttpClientChoice.URL_CONNECTION);

    @Override
    protected BookRepository newRepository() {
        return DYNAMO.store().books();
    }
}
