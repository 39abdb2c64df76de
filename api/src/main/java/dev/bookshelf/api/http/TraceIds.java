package dev.bookshelf.api.http;

/**
 * Reads trace ids out of the two trace headers in use, validating them completely: a malformed
 * header is ignored (null), never echoed. No regular expressions: this runs on every request.
 *
 * <ul>
 *   <li>X-Ray ({@code X-Amzn-Trace-Id}, and the Lambda runtime's trace header):
 *       {@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}, fields
 *       in any order; the id is the {@code Root} value, {@code 1-} + 8 hex digits + {@code -} + 24.
 *   <li>W3C Trace Context ({@code traceparent}): {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>},
 *       lower-case hex, neither id all zeros, version {@code ff} invalid; a later version may append
 *       {@code -...} fields (W3C Trace Context, section 3.2).
 * </ul>
 */
public final class TraceIds {
    private static final int MAX_HEADER = 512;
    private static final int XRAY_ROOT_LENGTH = 35;
    private static final int TRACEPARENT_LENGTH = 55;

    private TraceIds() {
    }

    /** The X-Ray trace id ({@code Root}) of an X-Ray trace header, or null when there is none or it is malformed. */
    public static String xrayRoot(String header) {
        if (header == null || header.length() > MAX_HEADER) {
            return null;
        }
        int start = 0;
        while (start < header.length()) {
            int end = header.indexOf(';', start);
            end = end < 0 ? header.length() : end;
            int from = skipSpaces(header, start, end);
            if (header.startsWith("Root=", from)) {
                int to = trimEnd(header, from + 5, end);
                return isXrayId(header, from + 5, to) ? header.substring(from + 5, to) : null;
            }
            start = end + 1;
        }
        return null;
    }

    /** The trace id of a W3C {@code traceparent} header, or null when it is absent or malformed. */
    public static String w3cTraceId(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (h.length() < TRACEPARENT_LENGTH || h.length() > MAX_HEADER
                || h.length() > TRACEPARENT_LENGTH && (h.startsWith("00") || h.charAt(TRACEPARENT_LENGTH) != '-')) {
            return null;
        }
        boolean shape = hex(h, 0, 2, false) && h.charAt(2) == '-' && hex(h, 3, 35, false) && h.charAt(35) == '-'
                && hex(h, 36, 52, false) && h.charAt(52) == '-' && hex(h, 53, 55, false);
        if (!shape || h.startsWith("ff") || zeros(h, 3, 35) || zeros(h, 36, 52)) {
            return null;
        }
        return h.substring(3, 35);
    }

    private static boolean isXrayId(String s, int from, int to) {
        return to - from == XRAY_ROOT_LENGTH && s.charAt(from) == '1' && s.charAt(from + 1) == '-'
                && hex(s, from + 2, from + 10, true) && s.charAt(from + 10) == '-' && hex(s, from + 11, to, true);
    }

    /** Hexadecimal digits from {@code from} to {@code to}; {@code A-F} only when {@code upperToo}. */
    private static boolean hex(String s, int from, int to, boolean upperToo) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || upperToo && c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    private static int skipSpaces(String s, int from, int to) {
        int i = from;
        while (i < to && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int trimEnd(String s, int from, int to) {
        int i = to;
        while (i > from && s.charAt(i - 1) == ' ') {
            i--;
        }
        return i;
    }
}
