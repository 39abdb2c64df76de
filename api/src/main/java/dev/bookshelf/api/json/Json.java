package dev.bookshelf.api.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.bookshelf.api.http.Utf8;
import dev.bookshelf.api.problem.ApiProblem;
import dev.bookshelf.core.shared.FieldError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one JSON codec: Jackson configured once. Reads request bodies as trees (strict: duplicate
 * keys, trailing tokens and deep nesting are refused) and writes responses with the streaming
 * generator, as raw UTF-8 (non-ASCII is never escaped).
 *
 * <p>Trees are built from the streaming parser by {@link JsonTree}: plain immutable values typed as
 * an {@code ObjectMapper} would type them (int, long or big integer; double or big decimal), without
 * jackson-databind: building an {@code ObjectMapper} costs ~200 ms of a Lambda cold start, and the
 * library 1.7 MB of the Lambda upload.
 */
public final class Json {
    /** Deeper request bodies are refused; ours are flat objects. */
    public static final int MAX_DEPTH = 32;
    /** Documents up to this size leave their thread's buffer for the next one. */
    static final int KEPT_BYTES = 64 * 1024;

    private final JsonFactory factory;
    /** Each thread's generator, kept between documents (see {@link #write}). */
    private final ThreadLocal<Kept> kept = new ThreadLocal<>();

    /** Writes one JSON value with a generator. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    public Json() {
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(64)
                        .maxStringLength(1 << 20)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build();
    }

    public JsonFactory factory() {
        return factory;
    }

    /**
     * Parses a JSON object body; anything else is a 400 problem naming {@code body}. The bytes must
     * be well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF, which
     * Jackson's byte parser lets through) and are parsed as UTF-8, never sniffed as UTF-16/32.
     */
    public JsonObject readObject(byte[] body) {
        Object node;
        try (JsonParser p = wellFormedWithoutNul(body) ? factory.createParser(body) : utf8Parser(body)) {
            node = p.nextToken() == null ? null : JsonTree.value(p);
            if (node != null && p.nextToken() != null) {
                throw new JsonParseException(p, "trailing tokens after the JSON value");
            }
        } catch (StreamConstraintsException e) {
            throw ApiProblem.invalid("The JSON body is nested too deeply or holds a value that is too large.",
                    FieldError.of("body", FieldError.Code.TOO_LARGE));
        } catch (IOException e) {
            throw ApiProblem.invalid("The body is not valid JSON.", FieldError.of("body", FieldError.Code.INVALID_FORMAT));
        }
        if (node == null) {
            throw ApiProblem.invalid("The body is empty; a JSON object is required.",
                    FieldError.of("body", FieldError.Code.REQUIRED));
        }
        if (!(node instanceof JsonObject)) {
            throw ApiProblem.invalid("The body must be a JSON object.", FieldError.of("body", FieldError.Code.WRONG_TYPE));
        }
        return (JsonObject) node;
    }

    /**
     * True when Jackson may read the bytes directly: well-formed UTF-8 and no zero byte, without
     * which Jackson never takes the bytes for UTF-16/32.
     */
    private static boolean wellFormedWithoutNul(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return false;
            }
        }
        return Utf8.isWellFormed(body);
    }

    /** A parser over the decoded characters of a body that must be well-formed UTF-8. */
    private JsonParser utf8Parser(byte[] body) throws IOException {
        CharBuffer chars = strictUtf8(body);
        return factory.createParser(chars.array(), chars.arrayOffset() + chars.position(), chars.remaining());
    }

    private static CharBuffer strictUtf8(byte[] body) {
        // A UTF-8 byte order mark is allowed (RFC 8259 lets parsers ignore it) and skipped.
        int start = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB
                && (body[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, start, body.length - start));
        } catch (CharacterCodingException e) {
            throw ApiProblem.invalid("The body is not valid UTF-8.", FieldError.of("body", FieldError.Code.INVALID_FORMAT));
        }
    }

    /** Parses any JSON document with the same limits (used for transport envelopes). */
    public JsonParser parser(byte[] bytes) throws IOException {
        return factory.createParser(bytes);
    }

    /**
     * One JSON document, as UTF-8. Each thread keeps its generator from one document to the next
     * (making one costs more than writing a small answer): the next document starts where the
     * last one ended, at the root, with nothing between them. A writer that fails, or leaves a
     * value open, ends its thread's generator (open values are closed, as closing a generator
     * does); so does a document larger than {@link #KEPT_BYTES}, so that no thread keeps a large
     * buffer. A writer that writes another document inside its own gets a generator of its own.
     */
    public byte[] write(Writer writer) {
        Kept kept = this.kept.get();
        if (kept == null) {
            kept = new Kept(newGenerator(new Out()));
            this.kept.set(kept);
        } else if (kept.busy) {
            return writeAlone(writer);
        }
        kept.busy = true;
        boolean reusable = false;
        try {
            writer.write(kept.generator);
            reusable = kept.generator.getOutputContext().inRoot();
            if (reusable) {
                kept.generator.flush();
            } else {
                kept.generator.close();
            }
            return kept.out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            kept.busy = false;
            if (!reusable || kept.out.capacity() > KEPT_BYTES) {
                this.kept.remove();
            }
            kept.out.reset();
        }
    }

    /** A thread's generator and the buffer it writes into. */
    private static final class Kept {
        final JsonGenerator generator;
        final Out out;
        boolean busy;

        Kept(JsonGenerator generator) {
            this.generator = generator;
            this.out = (Out) generator.getOutputTarget();
        }
    }

    /**
     * The thread's byte buffer: a {@code ByteArrayOutputStream} without its locks (it is one
     * thread's, and every write of a {@code ByteArrayOutputStream} takes its monitor), saying how
     * large it has grown.
     */
    private static final class Out extends OutputStream {
        private byte[] buf = new byte[512];
        private int count;

        @Override
        public void write(int b) {
            grow(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            grow(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        private void grow(int more) {
            if (buf.length - count < more) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }

        void reset() {
            count = 0;
        }

        int capacity() {
            return buf.length;
        }
    }

    private JsonGenerator newGenerator(Out out) {
        try {
            JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8);
            g.setRootValueSeparator(null);
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] writeAlone(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
