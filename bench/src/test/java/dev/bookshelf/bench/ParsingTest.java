package dev.bookshelf.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ParsingTest {
    @Test
    void statusCode_isReadFromTheHeadOfAProxyResponse() {
        assertThat(WarmLoop.status("{\"statusCode\":201,\"body\":\"\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(201);
        assertThat(WarmLoop.status("{\"statusCode\": 404}".getBytes(StandardCharsets.UTF_8))).isEqualTo(404);
        assertThat(WarmLoop.status("{}".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }

    @Test
    void wrkLatencyLines_areReadInMilliseconds() {
        String out = "  Latency Distribution\n     50%  812.00us\n     75%    1.20ms\n     90%    2.50ms\n     99%    1.05s\n";

        assertThat(Throughput.latency(out, "50%")).isCloseTo(0.812, within(1e-9));
        assertThat(Throughput.latency(out, "99%")).isCloseTo(1050, within(1e-9));
        assertThat(Throughput.latency(out, "99.9%")).isNaN();
    }

    @Test
    void aThroughputVariant_isReadFromItsOptions_andNamedByWhatDiffers() {
        Path measured = Path.of("adapter-http/target/bookshelf-server.jar");

        assertThat(Throughput.Variant.of(measured, null, null)).isNull();
        Throughput.Variant env = Throughput.Variant.of(measured, null, "LOG_LEVEL=WARN, MANAGEMENT_PORT=off");
        assertThat(env.env()).containsExactly(entry("LOG_LEVEL", "WARN"), entry("MANAGEMENT_PORT", "off"));
        assertThat(env.label(measured)).isEqualTo("bookshelf (LOG_LEVEL=WARN, MANAGEMENT_PORT=off)");
        assertThat(Throughput.Variant.of(measured, Path.of("/tmp/before.jar"), null).label(measured))
                .isEqualTo("bookshelf (before.jar)");
        assertThat(Throughput.Variant.of(measured, measured, "").label(measured)).isEqualTo("bookshelf (the same again)");
        assertThatThrownBy(() -> Throughput.Variant.of(measured, null, "LOG_LEVEL"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NAME=value");
    }

    @Test
    void medianAndPercentiles_interpolate() {
        Stats s = Stats.of(new double[] {4, 1, 3, 2});

        assertThat(s.median()).isEqualTo(2.5);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(4);
        assertThat(Stats.percentile(new double[] {0, 10}, 99)).isCloseTo(9.9, within(1e-9));
    }

    @Test
    void jarEntries_groupByPackage_nativeLibrariesByName() {
        assertThat(ArtifactSize.group("com/fasterxml/jackson/databind/ObjectMapper.class"))
                .isEqualTo("com/fasterxml/jackson/databind/");
        assertThat(ArtifactSize.group("com/nimbusds/jose/crypto/MACVerifier.class")).isEqualTo("com/nimbusds/jose/");
        assertThat(ArtifactSize.group("META-INF/services/x.Provider")).isEqualTo("META-INF/");
        assertThat(ArtifactSize.group("linux/x86_64/glibc/libaws-crt-jni.so")).isEqualTo("native libaws-crt-jni (all platforms)");
    }

    @Test
    void responseSpec_keepsStatusHeadersAndBody() {
        byte[] raw = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: 1\r\n\r\n{\"a\":1}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(new String(Throughput.responseSpec(raw), StandardCharsets.UTF_8))
                .isEqualTo("200\nContent-Type: application/json\nX-Request-Id: 1\n\n{\"a\":1}");
    }

    @Test
    void throughputCpus_giveWrkAQuarterOfTheCoresAndTheServersTheRest() {
        Throughput.Cpus two = Throughput.Cpus.of(true, 2);
        assertThat(two.serverCount()).isEqualTo(1);
        assertThat(two.server(java.util.List.of("java", "-jar", "x.jar"))).containsExactly("taskset", "-c", "0", "java", "-jar", "x.jar");
        assertThat(two.wrk(java.util.List.of("wrk"))).containsExactly("taskset", "-c", "1", "wrk");
        Throughput.Cpus eight = Throughput.Cpus.of(true, 8);
        assertThat(eight.serverCount()).isEqualTo(6);
        assertThat(eight.server(java.util.List.of("java"))).containsExactly("taskset", "-c", "0-5", "java");
        assertThat(eight.wrk(java.util.List.of("wrk"))).containsExactly("taskset", "-c", "6-7", "wrk");
        for (Throughput.Cpus unpinned : java.util.List.of(Throughput.Cpus.of(false, 8), Throughput.Cpus.of(true, 1))) {
            assertThat(unpinned.pinned()).isFalse();
            assertThat(unpinned.wrk(java.util.List.of("wrk"))).containsExactly("wrk");
        }
        assertThat(Throughput.Cpus.of(false, 8).serverCount()).isEqualTo(8);
    }
}
