package dev.bookshelf.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A thread reuses one buffer line after line: lines built at once, or after a long one, stay whole. */
class LogLineTest {
    private static final LogLine.Key MSG = LogLine.key("msg");

    @Test
    void linesBuiltAtOnceOnOneThread_eachKeepTheirOwnBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        LogLine outer = new LogLine("t1").string(MSG, "바깥");
        LogLine inner = new LogLine("t2").string(MSG, "inner");
        inner.writeTo(out);
        outer.string(MSG, "after").writeTo(out);
        new LogLine("t3").string(MSG, "next").writeTo(out);

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "{\"time\":\"t2\",\"msg\":\"inner\"}\n"
                        + "{\"time\":\"t1\",\"msg\":\"바깥\",\"msg\":\"after\"}\n"
                        + "{\"time\":\"t3\",\"msg\":\"next\"}\n");
    }

    @Test
    void linesAfterLongOnes_startEmpty() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String medium = "m".repeat(2_000);
        String huge = "h".repeat(20_000);

        new LogLine("t1").string(MSG, medium).writeTo(out);
        new LogLine("t2").string(MSG, "short").writeTo(out);
        new LogLine("t3").string(MSG, huge).writeTo(out);
        new LogLine("t4").string(MSG, "again").writeTo(out);

        assertThat(bytes.toString(StandardCharsets.UTF_8).split("\n")).containsExactly(
                "{\"time\":\"t1\",\"msg\":\"" + medium + "\"}", "{\"time\":\"t2\",\"msg\":\"short\"}",
                "{\"time\":\"t3\",\"msg\":\"" + huge + "\"}", "{\"time\":\"t4\",\"msg\":\"again\"}");
    }
}
