package dev.bookshelf.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceIdsTest {
    private static final String ROOT = "1-5759e988-bd862e3fe1be46a994272793";
    private static final String W3C = "4bf92f3577b34da6a3ce929d0e0e4736";

    @ParameterizedTest
    @ValueSource(strings = {
        "Root=1-5759e988-bd862e3fe1be46a994272793",
        "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
        "Self=1-67891234-12456789abcdef012345678;Root=1-5759e988-bd862e3fe1be46a994272793",
        "Sampled=0; Root=1-5759e988-bd862e3fe1be46a994272793 ;Lineage=a87bd80c:1"})
    void xrayHeader_withAWellFormedRoot_yieldsTheRoot(String header) {
        assertThat(TraceIds.xrayRoot(header)).isEqualTo(ROOT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Root=", "Root=2-5759e988-bd862e3fe1be46a994272793", "Root=1-5759e98-bd862e3fe1be46a994272793",
        "Root=1-5759e988-bd862e3fe1be46a99427279", "Root=1-5759e988-bd862e3fe1be46a9942727933",
        "Root=1-5759e988-bd862e3fe1be46a99427279z", "Root=1-5759e988_bd862e3fe1be46a994272793",
        "Parent=53995c3f42cd8ad8;Sampled=1", "root=1-5759e988-bd862e3fe1be46a994272793",
        "Root=1-5759e988-bd862e3fe1be46a994272793\n{\"level\":\"ERROR\"}", "garbage"})
    void xrayHeader_withoutAWellFormedRoot_isIgnored(String header) {
        assertThat(TraceIds.xrayRoot(header)).isNull();
    }

    @Test
    void xrayHeader_absentOrHuge_isIgnored() {
        assertThat(TraceIds.xrayRoot(null)).isNull();
        assertThat(TraceIds.xrayRoot("Root=" + ROOT + ";" + "x".repeat(600))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00", " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 ",
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future-field",
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-09"})
    void traceparent_wellFormed_yieldsItsTraceId(String header) {
        assertThat(TraceIds.w3cTraceId(header)).isEqualTo(W3C);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",
        "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
        "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01"})
    void traceparent_malformed_isIgnored(String header) {
        assertThat(TraceIds.w3cTraceId(header)).isNull();
    }

    @Test
    void serverContext_takesWellFormedValuesOnly_andIsNoneWithoutThem() {
        Headers sent = Headers.builder().set("X-Request-Id", "client-req-42").set("X-Amzn-Trace-Id", "Root=" + ROOT)
                .set("traceparent", "00-" + W3C + "-00f067aa0ba902b7-01").build();
        Headers forged = Headers.builder().set("X-Request-Id", "bad id\n{\"forged\":1}")
                .set("X-Amzn-Trace-Id", "Root=1-zz").set("traceparent", "nope").build();

        assertThat(RequestContext.fromHeaders(sent))
                .isEqualTo(new RequestContext(null, "client-req-42", ROOT, W3C));
        assertThat(RequestContext.fromHeaders(forged)).isEqualTo(new RequestContext(null, null, null, null));
        assertThat(RequestContext.fromHeaders(Headers.empty())).isSameAs(RequestContext.NONE);
    }
}
