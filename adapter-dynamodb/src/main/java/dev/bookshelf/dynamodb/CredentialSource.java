package dev.bookshelf.dynamodb;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Where the DynamoDB client's credentials come from, chosen from the environment:
 * <ol>
 * <li>{@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} (with {@code AWS_SESSION_TOKEN}
 * when set), as the Lambda runtime provides a function's role without SnapStart: fixed
 * credentials, the same the SDK's {@code EnvironmentVariableCredentialsProvider} would read, but
 * without building the default chain (its seven providers and their caches: about 35 classes and
 * 20–40 ms of CPU on a cold start, measured with {@code -Xlog:class+load});</li>
 * <li>otherwise, with a loopback endpoint override, fixed dummy credentials, which local
 * DynamoDB-compatible servers accept;</li>
 * <li>otherwise the SDK's default chain: with SnapStart Lambda provides no keys in the environment
 * but a container credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}), which the
 * chain finds; elsewhere, system properties, profiles, web identity or instance metadata.</li>
 * </ol>
 */
final class CredentialSource {
    static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";

    private CredentialSource() {
    }

    /** The provider for a client with {@code endpoint} (empty: AWS), chosen from {@code env}. */
    static AwsCredentialsProvider choose(Map<String, String> env, Optional<URI> endpoint) {
        String keyId = present(env.get(ACCESS_KEY_ID));
        String secret = present(env.get(SECRET_ACCESS_KEY));
        if (keyId != null && secret != null) {
            String token = present(env.get(SESSION_TOKEN));
            return StaticCredentialsProvider.create(token == null ? AwsBasicCredentials.create(keyId, secret)
                    : AwsSessionCredentials.create(keyId, secret, token));
        }
        if (endpoint.map(CredentialSource::isLoopback).orElse(false)) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost();
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            return host != null && host.matches("[0-9.:\\[\\]a-fA-F]+")
                    && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
