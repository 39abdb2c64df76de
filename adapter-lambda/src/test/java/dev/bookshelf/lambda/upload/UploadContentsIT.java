package dev.bookshelf.lambda.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the Lambda upload ({@code target/bookshelf-lambda.jar}, after {@code package}) holds: a size
 * budget, none of the libraries the Lambda path does without, and no class that names a class the
 * shade filters left out.
 */
class UploadContentsIT {
    /** Lambda's direct-upload limit is 50 MB; ours is 8 MB (cold start grows with what is unpacked and scanned). */
    static final long BUDGET_BYTES = 8_000_000;

    /** Libraries that must not be in the upload. */
    private static final List<String> ABSENT = List.of(
            "com/fasterxml/jackson/databind/", "software/amazon/awssdk/crt/", "software/amazon/awssdk/http/crt/",
            "io/vertx/", "io/netty/", "software/amazon/awssdk/http/nio/", "org/objectweb/asm/",
            "software/amazon/awssdk/services/dynamodb/streams/");

    /**
     * Classes the upload may name without holding them: optional dependencies the SDK and Nimbus
     * test for before use (the AWS CRT, BouncyCastle, Tink, Error Prone annotations).
     */
    private static final List<String> OPTIONAL_ELSEWHERE = List.of("software/amazon/awssdk/crt/",
            "software/amazon/awssdk/crtcore/", "software/amazon/awssdk/http/crt/", "org/bouncycastle/",
            "com/google/crypto/tink/", "com/google/errorprone/");

    /** Left out by the shade filters; no class in the upload may name them, not even in a string. */
    private static final List<String> LEFT_OUT = List.of("software/amazon/awssdk/services/dynamodb/streams/",
            "com/nimbusds/jose/jwk/source/", "com/nimbusds/jose/proc/", "com/nimbusds/jwt/proc/",
            "com/nimbusds/jose/crypto/factories/", "com/nimbusds/jose/crypto/bc/", "com/nimbusds/jose/mint/",
            "com/nimbusds/jose/produce/", "com/nimbusds/jose/util/health/", "com/nimbusds/jose/util/cache/",
            "com/nimbusds/jose/util/events/", "com/fasterxml/jackson/core/filter/",
            "software/amazon/awssdk/thirdparty/jackson/core/filter/");

    /** The DynamoDB model classes only the Streams client uses, also left out (with their nested classes). */
    private static final List<String> LEFT_OUT_MODEL = List.of(
            "DescribeStreamRequest", "DescribeStreamResponse", "DynamoDbStreamsRequest", "DynamoDbStreamsResponse",
            "DynamoDbStreamsResponseMetadata", "ExpiredIteratorException", "GetRecordsRequest", "GetRecordsResponse",
            "GetShardIteratorRequest", "GetShardIteratorResponse", "Identity", "ListStreamsRequest",
            "ListStreamsResponse", "OperationType", "Record", "RecordListCopier", "SequenceNumberRange", "Shard",
            "ShardDescriptionListCopier", "ShardFilter", "ShardFilterType", "ShardIteratorType", "Stream",
            "StreamDescription", "StreamListCopier", "StreamRecord", "StreamStatus", "TrimmedDataAccessException");
    private static final String MODEL = "software/amazon/awssdk/services/dynamodb/model/";

    private static Path jar;
    private static Map<String, ClassFileNames> namesByClass;

    @BeforeAll
    static void readTheUpload() throws IOException {
        jar = Path.of(System.getProperty("bookshelf.lambda.jar", "target/bookshelf-lambda.jar"));
        assertThat(jar).as("the packaged upload; run mvn verify").exists();
        namesByClass = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                if (entry.getName().endsWith(".class")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        namesByClass.put(entry.getName().replaceAll("\\.class$", ""), ClassFileNames.of(in.readAllBytes()));
                    }
                }
            }
        }
    }

    @Test
    void upload_fitsTheSizeBudget() throws IOException {
        assertThat(Files.size(jar)).as("bytes of %s", jar).isLessThanOrEqualTo(BUDGET_BYTES);
    }

    @Test
    void upload_holdsNoDatabindCrtNativesNettyOrVertx() throws IOException {
        List<String> entries;
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = file.stream().map(ZipEntry::getName).collect(Collectors.toList());
        }
        assertThat(entries).filteredOn(e -> ABSENT.stream().anyMatch(e::startsWith)).isEmpty();
        assertThat(entries).as("native libraries")
                .filteredOn(e -> e.matches("(linux|osx|windows)/.*") || e.matches(".*\\.(so|dylib|dll|jnilib)"))
                .isEmpty();
        assertThat(entries).as("the handler and the DynamoDB store are in")
                .contains("dev/bookshelf/lambda/BookshelfHandler.class",
                        "dev/bookshelf/dynamodb/DynamoDbStoreProvider.class",
                        "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class");
    }

    @Test
    void everyClassTheUploadRefersTo_isInTheUpload_orTheJdk_orAnOptionalDependency() {
        Set<String> classes = namesByClass.keySet();
        Map<String, String> missing = new TreeMap<>();
        namesByClass.forEach((from, names) -> names.referenced().stream()
                .filter(name -> !classes.contains(name) && !inJdk(name) && !optional(name))
                .forEach(name -> missing.putIfAbsent(name, from)));
        assertThat(missing).as("class named -> by").isEmpty();
    }

    @Test
    void noClassInTheUpload_namesWhatTheShadeFiltersLeftOut() {
        List<String> named = new ArrayList<>();
        namesByClass.forEach((from, names) -> names.mentioned().stream()
                .filter(UploadContentsIT::leftOut)
                .forEach(name -> named.add(from + " -> " + name)));
        assertThat(named).isEmpty();
        assertThat(new TreeSet<>(namesByClass.keySet())).filteredOn(UploadContentsIT::leftOut).isEmpty();
    }

    private static boolean leftOut(String name) {
        return LEFT_OUT.stream().anyMatch(name::startsWith) || LEFT_OUT_MODEL.stream()
                .map(simple -> MODEL + simple).anyMatch(c -> name.equals(c) || name.startsWith(c + "$"));
    }

    private static boolean inJdk(String name) {
        return ClassLoader.getPlatformClassLoader().getResource(name + ".class") != null;
    }

    private static boolean optional(String name) {
        return OPTIONAL_ELSEWHERE.stream().anyMatch(name::startsWith);
    }
}
