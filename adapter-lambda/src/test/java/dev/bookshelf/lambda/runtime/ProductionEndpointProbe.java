package dev.bookshelf.lambda.runtime;

import dev.bookshelf.core.store.Store;
import dev.bookshelf.core.store.StoreProvider;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

/**
 * Child-JVM main for {@link PackagedDynamoDbIT}, run from the packaged upload: opens
 * {@code STORE=dynamodb} for {@code eu-west-1} without an endpoint override (AWS's own endpoint
 * rules, the default credential chain) and makes one call, which cannot reach AWS here. Arguments
 * {@code NAME=value} add settings. Prints {@code PROBE <failure type>: <message>} for each cause.
 */
public final class ProductionEndpointProbe {
    private ProductionEndpointProbe() {
    }

    public static void main(String[] args) throws Exception {
        StoreProvider provider = ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("dynamodb")).findFirst().orElseThrow();
        Map<String, String> settings = new HashMap<>(Map.of("AWS_REGION", "eu-west-1",
                "BOOKSHELF_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32])));
        for (String arg : args) {
            settings.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Store store = null;
        try {
            store = provider.open(settings);
            store.users().findById("probe").toCompletableFuture().get(30, TimeUnit.SECONDS);
            System.out.println("PROBE no failure");
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                System.out.println("PROBE " + t.getClass().getName() + ": " + t.getMessage());
            }
        } finally {
            if (store != null) {
                store.resources().close();
            }
        }
    }
}
