package dev.bookshelf.lambda.runtime;

import dev.bookshelf.core.store.Store;
import dev.bookshelf.core.store.StoreProvider;
import java.util.Base64;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

/**
 * Child-JVM main for {@link PackagedDynamoDbIT}, run from the packaged upload: opens
 * {@code STORE=dynamodb} for {@code eu-west-1} without an endpoint override (AWS's own endpoint
 * rules, the default credential chain) and makes one call, which cannot reach AWS here. Prints
 * {@code PROBE <failure type>: <message>} for each cause.
 */
public final class ProductionEndpointProbe {
    private ProductionEndpointProbe() {
    }

    public static void main(String[] args) throws Exception {
        StoreProvider provider = ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("dynamodb")).findFirst().orElseThrow();
        Store store = provider.open(Map.of("AWS_REGION", "eu-west-1",
                "BOOKSHELF_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32])));
        try {
            store.users().findById("probe").toCompletableFuture().get(30, TimeUnit.SECONDS);
            System.out.println("PROBE no failure");
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                System.out.println("PROBE " + t.getClass().getName() + ": " + t.getMessage());
            }
        } finally {
            store.resources().close();
        }
    }
}
