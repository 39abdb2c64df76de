package dev.bookshelf.dynamodb;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Measures the cold cost of each HTTP client: building the DynamoDB client and its first and
 * second call, each in a fresh JVM with Lambda's JIT flags, against a local dynalite. Prints figures,
 * asserts nothing. Run: {@code mvn -B -pl core,adapter-dynamodb -am -Pmeasure-http-clients verify}
 * (see README). {@code url-connection} is measured with the synchronous client, the only one it
 * serves.
 */
public final class HttpClientStartup {
    private static final List<String> KINDS = List.of("aws-crt", "netty-nio", "url-connection");
    private static final String PREFIX = "measured ";

    private HttpClientStartup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2) {
            measure(args[0], URI.create(args[1]));
        } else {
            compare(args.length == 1 ? Integer.parseInt(args[0]) : 5);
        }
    }

    private static void measure(String kind, URI endpoint) {
        long t0 = System.nanoTime();
        Runnable call = client(kind, endpoint);
        long t1 = System.nanoTime();
        call.run();
        long t2 = System.nanoTime();
        call.run();
        long t3 = System.nanoTime();
        Duration sinceStart = Duration.between(ProcessHandle.current().info().startInstant().orElseThrow(),
                Instant.now());
        long classes = java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        System.out.printf(Locale.ROOT, "%s%s %.1f %.1f %.1f %d %d%n", PREFIX, kind, ms(t1 - t0), ms(t2 - t1),
                ms(t3 - t2), sinceStart.toMillis(), classes);
        System.exit(0);
    }

    /** Builds the client of {@code kind} and returns its one call (a consistent GetItem). */
    private static Runnable client(String kind, URI endpoint) {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));
        GetItemRequest get = GetItemRequest.builder().tableName(LocalDynamoDb.TABLE)
                .key(Schema.key("USER#probe", "USER")).consistentRead(true).build();
        if ("url-connection".equals(kind)) {
            DynamoDbClient sync = DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
                    .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
            return () -> sync.getItem(get);
        }
        DynamoDbAsyncClient async = DynamoDbAsyncClient.builder().region(Region.US_EAST_1)
                .endpointOverride(endpoint).credentialsProvider(credentials)
                .httpClientBuilder("aws-crt".equals(kind) ? AwsCrtAsyncHttpClient.builder()
                        : NettyNioAsyncHttpClient.builder())
                .build();
        return () -> async.getItem(get).join();
    }

    private static void compare(int rounds) throws Exception {
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        KINDS.forEach(kind -> runs.put(kind, new ArrayList<>()));
        try (Dynalite server = Dynalite.start()) {
            DynamoDbConfig config = new DynamoDbConfig(LocalDynamoDb.TABLE, "us-east-1", server.endpoint(),
                    LocalDynamoDb.KEY);
            try (DynamoDbStore store = DynamoDbStore.create(config)) {
                store.createTableIfMissing().toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
            for (int round = 0; round < rounds; round++) {
                for (String kind : KINDS) {
                    runs.get(kind).add(runChild(kind, server.endpoint()));
                }
            }
        }
        report(runs, rounds);
    }

    private static double[] runChild(String kind, URI endpoint) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), HttpClientStartup.class.getName(),
                kind, endpoint.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(120, TimeUnit.SECONDS) || child.exitValue() != 0) {
            throw new IllegalStateException(kind + " run failed:\n" + output);
        }
        String line = output.lines().filter(l -> l.startsWith(PREFIX)).findFirst()
                .orElseThrow(() -> new IllegalStateException(kind + " printed no figures:\n" + output));
        String[] f = line.substring(PREFIX.length()).split(" ");
        return new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                Double.parseDouble(f[4]), Double.parseDouble(f[5])};
    }

    private static void report(Map<String, List<double[]>> runs, int rounds) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "HTTP client cold start, median of %d fresh JVMs (ms)%n", rounds));
        out.append("| client | build client | first call | build + first call | second call"
                + " | JVM start to first answer | classes loaded |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        runs.forEach((kind, list) -> {
            double build = median(list, 0);
            double first = median(list, 1);
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.1f | %.0f | %.0f |%n", kind,
                    build, first, median(list, 0, 1), median(list, 2), median(list, 3), median(list, 4)));
        });
        System.out.print(out);
        Path file = Path.of(System.getProperty("measure.output", "target/http-client-startup.md"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, out);
    }

    private static double median(List<double[]> runs, int... columns) {
        double[] values = runs.stream().mapToDouble(r -> {
            double sum = 0;
            for (int c : columns) {
                sum += r[c];
            }
            return sum;
        }).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
