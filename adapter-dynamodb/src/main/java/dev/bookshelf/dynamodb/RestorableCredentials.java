package dev.bookshelf.dynamodb;

import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The client's credentials provider, chosen again after a restore from a snapshot (SnapStart,
 * CRaC): a provider restored from a snapshot holds what it resolved before the checkpoint
 * (container credentials fetched during init, possibly hours old and expired or about to be),
 * so {@link #afterRestore} replaces it with a fresh one from the same source, which resolves anew
 * on the next call, and closes the old one. Without a checkpoint it is a plain delegate.
 */
final class RestorableCredentials implements AwsCredentialsProvider, Resource, SdkAutoCloseable {
    private final Supplier<AwsCredentialsProvider> source;
    private volatile AwsCredentialsProvider current;

    RestorableCredentials(Supplier<AwsCredentialsProvider> source) {
        this.source = source;
        this.current = source.get();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return current.resolveCredentials();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // nothing: priming may still sign calls with the current credentials until the snapshot
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // a fresh provider from the source; the old one is closed
        AwsCredentialsProvider old = current;
        current = source.get();
        closeQuietly(old);
    }

    @Override
    public void close() {
        closeQuietly(current);
    }

    private static void closeQuietly(AwsCredentialsProvider provider) {
        if (provider instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return "RestorableCredentials[" + current.getClass().getSimpleName() + "]";
    }
}
