package dev.bookshelf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshelf.dynamodb.Dynalite;
import dev.bookshelf.lambda.BookshelfHandler;
import dev.bookshelf.lambda.local.LocalContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The project's dynalite (adapter-dynamodb/src/test/dynalite, installed by {@code npm ci} as
 * {@code bin/local-dynamodb} does), started by adapter-dynamodb's {@link Dynalite} on 127.0.0.1 for the {@code STORE=dynamodb} subjects, with the
 * table created and one user and one book in it, both put there through the Bookshelf handler
 * itself (sign-up at the production bcrypt cost, then {@code POST /books}). Hands out the settings
 * of the measured functions: production, credentials in the environment as Lambda sets them (any
 * key is accepted by dynalite), the endpoint override to dynalite.
 */
final class SeededDynamo implements AutoCloseable {
    static final String TABLE = "bookshelf-bench";
    /** The signed-up user's item, which the SDK baseline reads (key layout: adapter-dynamodb's Schema). */
    static final String USER_SK = "USER";
    private static final String CURSOR_KEY = Base64.getEncoder()
            .encodeToString("bench-only cursor key, thirty-two bytes or more".getBytes(StandardCharsets.US_ASCII));
    /** What Lambda puts in a function's environment (made-up values of the right shape). */
    static final Map<String, String> LAMBDA_CREDENTIALS = Map.of(
            "AWS_ACCESS_KEY_ID", "ASIABENCHBENCHBENCH7",
            "AWS_SECRET_ACCESS_KEY", "bench/only/secret/access/key/0123456789ab",
            "AWS_SESSION_TOKEN", "IQoJb3JpZ2luX2VjEBench//////////wEaCXVzLWVhc3QtMSJHMEUCIQDbenchonly=");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Dynalite server;
    private String userId;
    private String bookId;

    private SeededDynamo(Dynalite server) {
        this.server = server;
    }

    /** Starts dynalite from {@code dir} (with {@code node_modules} installed) and seeds it. */
    static SeededDynamo start(Path dir) throws Exception {
        Dynalite server = Dynalite.start(dir);
        try {
            SeededDynamo dynamo = new SeededDynamo(server);
            dynamo.seed();
            return dynamo;
        } catch (Exception | Error e) {
            server.stop();
            throw e;
        }
    }

    /** Creates the table, signs the user up and adds a book, all through a Bookshelf handler in this JVM. */
    private void seed() throws IOException {
        Map<String, String> env = new LinkedHashMap<>(Events.APP_ENV);
        env.putAll(bookshelfEnv());
        env.put("BOOKSHELF_DYNAMODB_CREATE_TABLE", "true");
        BookshelfHandler handler = BookshelfHandler.forEnvironment(env, new PrintStream(OutputStream.nullOutputStream()));
        LocalContext context = new LocalContext("seed-" + UUID.randomUUID(), 60_000);
        JsonNode account = answer(handler, Events.event("signup", Map.of()), context, 201);
        userId = account.get("id").asText();
        JsonNode book = answer(handler, Events.event("add-book", Map.of("TOKEN", Events.tokenFor(userId))), context, 201);
        bookId = book.get("id").asText();
    }

    private static JsonNode answer(BookshelfHandler handler, byte[] event, LocalContext context, int status)
            throws IOException {
        byte[] answer = WarmLoop.invoke(handler, event, context);
        JsonNode response = MAPPER.readTree(answer);
        if (response.path("statusCode").asInt() != status) {
            throw new IllegalStateException("seeding dynalite: expected " + status + ", got "
                    + new String(answer, StandardCharsets.UTF_8));
        }
        return MAPPER.readTree(response.get("body").asText());
    }

    /** What Lambda itself puts in every function's environment: the credentials and the region. */
    private static Map<String, String> lambdaEnv() {
        Map<String, String> env = new LinkedHashMap<>(LAMBDA_CREDENTIALS);
        env.put("AWS_REGION", "us-east-1");
        return env;
    }

    /** The production settings of {@code STORE=dynamodb} as the deploy template sets them, plus the endpoint. */
    Map<String, String> bookshelfEnv() {
        Map<String, String> env = lambdaEnv();
        env.put("STORE", "dynamodb");
        env.put("BOOKSHELF_DYNAMODB_TABLE", TABLE);
        env.put("BOOKSHELF_DYNAMODB_ENDPOINT", server.endpoint().toString());
        env.put("BOOKSHELF_CURSOR_KEY", CURSOR_KEY);
        return env;
    }

    /** The SDK baseline's settings: the same table and endpoint, the seeded user's item as its key. */
    Map<String, String> sdkBaselineEnv() {
        Map<String, String> env = lambdaEnv();
        env.put("BOOKSHELF_DYNAMODB_TABLE", TABLE);
        env.put("BOOKSHELF_DYNAMODB_ENDPOINT", server.endpoint().toString());
        env.put("SDK_BASELINE_PK", "USER#" + userId);
        env.put("SDK_BASELINE_SK", USER_SK);
        return env;
    }

    /**
     * The first event of a cold {@code STORE=dynamodb} container, each touching the store:
     * {@code get-book} reads the seeded book with a fresh valid token of its owner (200: the user,
     * the token's revocation and the book, three {@code GetItem}s); {@code add-book} adds a book
     * (201: the same two reads, then a {@code TransactWriteItems}: the book, and a check that its
     * owner is not being erased); {@code login} logs the seeded user in (200: an
     * attempt taken with an {@code UpdateItem}, the email's item read, one bcrypt-10 verify, the
     * attempts cleared with a {@code DeleteItem}).
     */
    byte[] coldEvent(String name) {
        return switch (name) {
            case "get-book" -> Events.event("get-book", Map.of("TOKEN", Events.tokenFor(userId), "BOOK_ID", bookId));
            case "add-book" -> Events.event("add-book", Map.of("TOKEN", Events.tokenFor(userId)));
            case "login" -> Events.event("login", Map.of());
            default -> throw new IllegalArgumentException("cold events: get-book, add-book, login (got " + name + ")");
        };
    }

    @Override
    public void close() {
        server.stop();
    }
}
