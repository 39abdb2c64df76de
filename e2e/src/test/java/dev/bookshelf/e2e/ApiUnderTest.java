package dev.bookshelf.e2e;

/**
 * A running Bookshelf API that the browser tests call from the web client's origin: whatever the
 * transport (the Vert.x server, or the Lambda handler behind a local gateway), it is reachable at
 * {@link #baseUrl()} and allows exactly the origin it was started for.
 */
interface ApiUnderTest extends AutoCloseable {

    /** The base URL the client is configured with, without a trailing slash. */
    String baseUrl();

    /** Stops the API; bounded in time. */
    @Override
    void close() throws Exception;
}
