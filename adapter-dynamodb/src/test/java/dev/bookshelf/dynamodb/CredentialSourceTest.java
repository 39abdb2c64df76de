package dev.bookshelf.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Which credentials the client signs with, for each environment the store runs in. */
class CredentialSourceTest {
    private static final Optional<URI> AWS = Optional.empty();
    private static final Optional<URI> LOCAL = Optional.of(URI.create("http://127.0.0.1:8000"));
    private static final Map<String, String> LAMBDA = Map.of(
            "AWS_ACCESS_KEY_ID", "ASIAEXAMPLEKEY000001",
            "AWS_SECRET_ACCESS_KEY", "example/secret/access/key",
            "AWS_SESSION_TOKEN", "example-session-token",
            "AWS_REGION", "eu-west-1");

    @Test
    void lambdaEnvironment_withoutSnapStart_signsWithTheSessionCredentialsItProvides() {
        AwsCredentialsProvider provider = CredentialSource.choose(LAMBDA, AWS);

        assertThat(provider).isInstanceOf(StaticCredentialsProvider.class);
        AwsCredentials credentials = provider.resolveCredentials();
        assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
        assertThat(credentials.accessKeyId()).isEqualTo("ASIAEXAMPLEKEY000001");
        assertThat(credentials.secretAccessKey()).isEqualTo("example/secret/access/key");
        assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo("example-session-token");
    }

    @Test
    void keysWithoutASessionToken_areLongTermCredentials() {
        AwsCredentials credentials = CredentialSource.choose(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", " "), AWS).resolveCredentials();

        assertThat(credentials).isNotInstanceOf(AwsSessionCredentials.class);
        assertThat(credentials.accessKeyId()).isEqualTo("AKIAEXAMPLE");
    }

    @Test
    void snapStartEnvironment_withContainerCredentialsOnly_usesTheDefaultChain() {
        Map<String, String> snapStart = Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "token", "AWS_REGION", "eu-west-1");

        assertThat(CredentialSource.choose(snapStart, AWS)).isInstanceOf(DefaultCredentialsProvider.class);
    }

    @Test
    void halfAKeyPair_isNotUsed_theDefaultChainDecides() {
        assertThat(CredentialSource.choose(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"), AWS))
                .isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(CredentialSource.choose(Map.of("AWS_SECRET_ACCESS_KEY", "secret", "AWS_ACCESS_KEY_ID", ""), AWS))
                .isInstanceOf(DefaultCredentialsProvider.class);
    }

    @Test
    void loopbackEndpoint_withoutKeys_signsWithFixedLocalCredentials() {
        AwsCredentialsProvider provider = CredentialSource.choose(Map.of(), LOCAL);

        assertThat(provider).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("local");
        assertThat(CredentialSource.choose(Map.of(), Optional.of(URI.create("http://localhost:8000"))).resolveCredentials()
                .accessKeyId()).isEqualTo("local");
    }

    @Test
    void loopbackEndpoint_withLambdaKeys_signsWithThoseKeys_asAFunctionPointedAtALocalServerWould() {
        assertThat(CredentialSource.choose(LAMBDA, LOCAL).resolveCredentials().accessKeyId())
                .isEqualTo("ASIAEXAMPLEKEY000001");
    }

    @Test
    void remoteEndpointOverride_withoutKeys_usesTheDefaultChain_neverTheLocalDummies() {
        assertThat(CredentialSource.choose(Map.of(), Optional.of(URI.create("https://dynamodb.eu-west-1.amazonaws.com"))))
                .isInstanceOf(DefaultCredentialsProvider.class);
    }
}
