package dev.bookshelf.dynamodb;

import dev.bookshelf.core.book.BookRepository;
import dev.bookshelf.core.contract.BookRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbBookRepositoryTest extends BookRepositoryContract {
    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb();

    @Override
    protected BookRepository newRepository() {
        return DYNAMO.store().books();
    }
}
