package dev.bookshelf.dynamodb;

import static dev.bookshelf.core.contract.Await.failure;
import static dev.bookshelf.core.contract.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.core.account.Account;
import dev.bookshelf.core.account.DeleteAccountCommand;
import dev.bookshelf.core.account.LogInCommand;
import dev.bookshelf.core.account.SignUpCommand;
import dev.bookshelf.core.account.User;
import dev.bookshelf.core.book.AddBookCommand;
import dev.bookshelf.core.book.Book;
import dev.bookshelf.core.book.ReadingStatus;
import dev.bookshelf.core.contract.Race;
import dev.bookshelf.core.contract.TestBooks;
import dev.bookshelf.core.shared.Unauthenticated;
import dev.bookshelf.core.testing.TestCore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Account deletion on DynamoDB: complete (no orphaned item), for shelves over a page, and resumable. */
class DynamoDbErasureTest {
    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb(HttpClientChoice.URL_CONNECTION);
    private static final String PASSWORD = "correct horse";

    private TestCore core;
    private String email;
    private Account account;

    @BeforeEach
    void signUp() {
        DynamoDbStore store = DYNAMO.store();
        core = TestCore.on(store.users(), store.books(), store.revoked(), store.attempts());
        email = "reader-" + UUID.randomUUID() + "@example.com";
        account = result(core.accounts.signUp().signUp(new SignUpCommand(email, PASSWORD, "독자")));
    }

    private void addBooks(int n) {
        for (int i = 0; i < n; i++) {
            result(core.bookshelf.add(new AddBookCommand(account.id(), "Book " + i, "Author", null,
                    ReadingStatus.READ, null, null)));
        }
    }

    private int itemsIn(String pk) {
        return result(DYNAMO.store().client().query(QueryRequest.builder().tableName(LocalDynamoDb.TABLE)
                .consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.builder().s(pk).build())).build())).count();
    }

    private Map<String, AttributeValue> userItem() {
        return result(DYNAMO.store().client().getItem(GetItemRequest.builder().tableName(LocalDynamoDb.TABLE)
                .key(Schema.key(Schema.userPk(account.id()), Schema.USER_SK)).consistentRead(true).build())).item();
    }

    private void assertErased() {
        assertThat(itemsIn(Schema.ownerPk(account.id()))).isZero();
        assertThat(itemsIn(Schema.emailPk(email))).isZero();
        assertThat(userItem()).containsOnlyKeys("pk", "sk", UserItems.CLOSED, Schema.EXPIRES_AT);
        assertThat(result(core.users.findById(account.id()))).isEmpty();
    }

    @Test
    void deleteAccount_withMoreBooksThanABatchAndAPage_leavesNoItemOfTheAccountButAnExpiringTombstone() {
        addBooks(ShelfSweeper.PAGE + ShelfSweeper.BATCH + 5);

        result(core.accounts.deleteAccount().deleteAccount(new DeleteAccountCommand(account.id(), PASSWORD)));

        assertErased();
        assertThat(result(core.accounts.signUp().signUp(new SignUpCommand(email, PASSWORD, "again")))).isNotNull();
    }

    @Test
    void anErasureStoppedHalfWay_isFinishedByTheNextLogIn_andNoBookCanBeAddedMeanwhile() {
        addBooks(40);
        User user = result(core.users.findById(account.id())).orElseThrow();
        assertThat(result(core.users.beginClosing(user))).isTrue();
        List<Book> some = result(core.books.list(new dev.bookshelf.core.book.ListBooksQuery(account.id(), null, 10,
                null))).items();
        some.forEach(b -> result(core.books.delete(account.id(), b.id())));

        Throwable refused = failure(core.books.insert(TestBooks.aBook(account.id()).build()));
        Throwable logIn = failure(core.accounts.logIn().logIn(new LogInCommand(email, PASSWORD)));

        assertThat(refused).isInstanceOf(Unauthenticated.class);
        assertThat(logIn).isInstanceOf(Unauthenticated.class);
        assertErased();
    }

    @Test
    void deleteAccount_racingSixteenBookAdditions_leavesNoBookBehind_andNoAdditionFailsOtherwiseThan401() {
        addBooks(5);

        List<Race.Outcome<Object>> outcomes = Race.run(17, i -> i == 0
                ? core.accounts.deleteAccount().deleteAccount(new DeleteAccountCommand(account.id(), PASSWORD))
                        .thenApply(done -> (Object) "deleted")
                : core.bookshelf.add(new AddBookCommand(account.id(), "Racer " + i, "Author", null,
                        ReadingStatus.READING, null, null)).thenApply(book -> (Object) book));

        assertThat(outcomes.get(0).succeeded()).isTrue();
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(Unauthenticated.class));
        assertErased();
    }
}
