package dev.bookshelf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LocalRuntimeApiTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void next_handsOutTheQueuedEventWithLambdaHeaders_andTheResponseIsRecorded() throws Exception {
        try (LocalRuntimeApi api = LocalRuntimeApi.start()) {
            String base = "http://" + api.address() + "/2018-06-01/runtime/invocation/";
            api.offer("{\"httpMethod\":\"GET\"}".getBytes(StandardCharsets.UTF_8));

            HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(base + "next")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + id + "/response"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"statusCode\":200}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            LocalRuntimeApi.Outcome outcome = api.await(5_000);

            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(next.body()).isEqualTo("{\"httpMethod\":\"GET\"}");
            assertThat(Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow()))
                    .isGreaterThan(System.currentTimeMillis());
            assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn")).contains(LocalRuntimeApi.FUNCTION_ARN);
            assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow()).startsWith("Root=1-");
            assertThat(posted.statusCode()).isEqualTo(202);
            assertThat(outcome.kind()).isEqualTo("response");
            assertThat(outcome.requestId()).isEqualTo(id);
            assertThat(outcome.bodyText()).isEqualTo("{\"statusCode\":200}");
            assertThat(outcome.receivedNanos()).isGreaterThanOrEqualTo(outcome.nextNanos());
        }
    }

    @Test
    void initError_isRecorded() throws Exception {
        try (LocalRuntimeApi api = LocalRuntimeApi.start()) {
            http.send(HttpRequest.newBuilder(URI.create("http://" + api.address() + "/2018-06-01/runtime/init/error"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"boom\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());

            assertThat(api.await(5_000).kind()).isEqualTo("init-error");
        }
    }
}
