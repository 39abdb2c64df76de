package dev.bookshelf.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests against one real server per test class, with the default test settings. */
abstract class OverTheWire {
    static TestServer server;
    static Client client;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start();
        client = server.client();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }
}
