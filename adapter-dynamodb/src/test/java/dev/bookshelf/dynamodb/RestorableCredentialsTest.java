package dev.bookshelf.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** After a restore from a snapshot the client does not sign with what was resolved before the checkpoint. */
class RestorableCredentialsTest {
    private final List<Provider> made = new ArrayList<>();
    private final RestorableCredentials credentials = new RestorableCredentials(() -> {
        Provider p = new Provider("KEY" + made.size());
        made.add(p);
        return p;
    });

    @Test
    void beforeAnyRestore_theFirstProviderAnswers_andNoOtherIsBuilt() {
        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("KEY0");
        credentials.beforeCheckpoint(null);
        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("KEY0");
        assertThat(made).hasSize(1);
    }

    @Test
    void afterRestore_aFreshProviderFromTheSourceAnswers_andTheSnapshotsOneIsClosed() {
        credentials.resolveCredentials();

        credentials.afterRestore(null);

        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("KEY1");
        assertThat(made).hasSize(2);
        assertThat(made.get(0).closed).isTrue();
        assertThat(made.get(1).closed).isFalse();
    }

    @Test
    void close_closesTheProviderInUse() {
        credentials.afterRestore(null);
        credentials.close();

        assertThat(made.get(1).closed).isTrue();
    }

    @Test
    void storeBuiltForALocalServer_signsThroughARestorableProvider() {
        DynamoDbConfig config = new DynamoDbConfig("bookshelf", "us-east-1", java.net.URI.create("http://127.0.0.1:1"),
                new byte[32], HttpClientChoice.URL_CONNECTION);
        try (DynamoDbStore store = DynamoDbStore.create(config, java.util.Map.of())) {
            AwsCredentialsProvider used = (AwsCredentialsProvider) store.client().serviceClientConfiguration()
                    .credentialsProvider();
            assertThat(used).isInstanceOf(RestorableCredentials.class);
            assertThat(used.resolveCredentials().accessKeyId()).isEqualTo("local");
        }
    }

    private static final class Provider implements AwsCredentialsProvider, SdkAutoCloseable {
        private final String key;
        private boolean closed;

        Provider(String key) {
            this.key = key;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create(key, "secret");
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
