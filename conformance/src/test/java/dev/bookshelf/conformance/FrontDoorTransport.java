package dev.bookshelf.conformance;

import dev.bookshelf.lambda.BookshelfHandler;
import dev.bookshelf.lambda.local.ClientRequest;
import dev.bookshelf.lambda.local.FrontDoor;
import dev.bookshelf.lambda.local.GatewayResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The Lambda function behind another AWS front door (HTTP API payload 2.0 on a named stage, a
 * function URL, an ALB target group with multi-value headers off or on): each call becomes that
 * service's event (adapter-lambda's {@code GatewayEvents}), and the answer in that kind's response
 * format is turned back into what the client would receive.
 */
final class FrontDoorTransport implements Transport {
    private final BookshelfHandler handler;
    private final FrontDoor door;
    private final String stage;

    private FrontDoorTransport(BookshelfHandler handler, FrontDoor door, String stage) {
        this.handler = handler;
        this.door = door;
        this.stage = stage;
    }

    static Transport.Factory factory(FrontDoor door, String stage) {
        return new Transport.Factory() {
            @Override
            public String name() {
                return "lambda-" + door;
            }

            @Override
            public Transport start(Map<String, String> env) {
                PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                return new FrontDoorTransport(BookshelfHandler.forEnvironment(env, log), door, stage);
            }
        };
    }

    @Override
    public HttpAnswer send(HttpCall call) {
        ClientRequest request = toClientRequest(call);
        byte[] event = door.event(request, stage);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, new dev.bookshelf.lambda.local.LocalContext(UUID.randomUUID().toString(), 30_000));
        } catch (IOException e) {
            throw new UncheckedIOException("the handler failed on " + call, e);
        }
        GatewayResponse r = GatewayResponse.parse(out.toByteArray());
        return new HttpAnswer(r.status(), r.headers(), r.body());
    }

    /** The call as the client sent it (the event builder adds a named stage to the path). */
    private static ClientRequest toClientRequest(HttpCall call) {
        ClientRequest request = new ClientRequest(call.method(), call.rawPath(), call.rawQuery(), java.util.List.of(),
                call.body(), "127.0.0.1", null);
        for (HttpCall.Header h : call.headers()) {
            request = request.withHeader(h.name(), h.value());
        }
        return request;
    }

    @Override
    public void close() {
    }
}
