package dev.bookshelf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BatchedLogTest {
    @Test
    void lines_reachTheOutputWithoutAnyoneFlushing() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BatchedLog log = new BatchedLog(out)) {
            log.stream().println("{\"msg\":\"책\"}");

            for (int i = 0; i < 100 && out.size() == 0; i++) {
                Thread.sleep(BatchedLog.FLUSH_MILLIS / 2);
            }
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"msg\":\"책\"}" + System.lineSeparator());
        }
    }

    @Test
    void close_writesWhatIsLeft_andManyLinesArriveWhole() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchedLog log = new BatchedLog(out);
        for (int i = 0; i < 5_000; i++) {
            log.stream().println("line " + i);
        }

        log.close();

        String[] lines = out.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
        assertThat(lines).hasSize(5_000);
        assertThat(lines[4_999]).isEqualTo("line 4999");
    }
}
