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

    @Test
    void linesOfManyThreads_arriveWhole_andInOrderWithinEachThread() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int threads = 4;
        int perThread = 20_000;
        try (BatchedLog log = new BatchedLog(out)) {
            java.util.List<Thread> writers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                Thread w = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        byte[] line = ("{\"thread\":" + id + ",\"i\":" + i + ",\"msg\":\"책\"}\n").getBytes(StandardCharsets.UTF_8);
                        log.stream().write(line, 0, line.length);
                    }
                });
                writers.add(w);
                w.start();
            }
            for (Thread w : writers) {
                w.join(60_000);
            }
        }

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(threads * perThread);
        int[] next = new int[threads];
        java.util.regex.Pattern shape = java.util.regex.Pattern.compile("\\{\"thread\":(\\d),\"i\":(\\d+),\"msg\":\"책\"}");
        for (String line : lines) {
            java.util.regex.Matcher m = shape.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            int thread = Integer.parseInt(m.group(1));
            assertThat(Integer.parseInt(m.group(2))).as("thread %d in order", thread).isEqualTo(next[thread]++);
        }
    }

    @Test
    void aLineLargerThanTheBuffer_arrivesWhole() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String large = "x".repeat(BatchedLog.BUFFER_BYTES * 2) + "\n";
        try (BatchedLog log = new BatchedLog(out)) {
            log.stream().print("small\n");
            log.stream().print(large);
            log.stream().print("after\n");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("small\n" + large + "after\n");
    }
}
