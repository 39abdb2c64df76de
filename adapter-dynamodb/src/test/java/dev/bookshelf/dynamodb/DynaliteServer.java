package dev.bookshelf.dynamodb;

import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link Dynalite} for one test class: register it on a static field with
 * {@code @RegisterExtension}; it starts before the class's {@code @BeforeAll} methods and stops
 * after its {@code @AfterAll} ones. Public (and in this module's test-jar) for the other modules.
 */
public final class DynaliteServer implements BeforeAllCallback, AfterAllCallback {
    private Dynalite server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = Dynalite.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop();
        }
    }

    public URI endpoint() {
        return server.endpoint();
    }
}
