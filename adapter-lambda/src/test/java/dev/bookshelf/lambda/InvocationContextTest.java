package dev.bookshelf.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bookshelf.api.http.RequestContext;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class InvocationContextTest {
    @Test
    void theTraceHeaderOfEachInvocation_isReadAgain_andAMalformedOneIgnored() {
        String[] header = {"Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1"};
        InvocationContext contexts = new InvocationContext(() -> header[0]);

        RequestContext first = contexts.of(StubContext.withRequestId("a"));
        header[0] = "Root=not-a-trace-id";
        RequestContext second = contexts.of(StubContext.withRequestId("b"));

        assertThat(first.xrayTraceId()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(second.xrayTraceId()).isNull();
        assertThat(first.invocation().coldStart()).isTrue();
        assertThat(second.invocation().coldStart()).isFalse();
    }

    @Test
    void aBrokenContext_stillGivesAnInvocation_withWhatItTold() {
        InvocationContext contexts = new InvocationContext(() -> null);

        Context broken = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getFunctionName" -> "bookshelf";
                    case "getFunctionVersion" -> throw new IllegalStateException("no version");
                    default -> null;
                });

        RequestContext.Invocation invocation = contexts.of(broken).invocation();

        assertThat(invocation.coldStart()).isTrue();
        assertThat(invocation.functionName()).isEqualTo("bookshelf");
        assertThat(invocation.functionVersion()).isNull();
        assertThat(invocation.requestId()).isNull();
    }

    @Test
    void noContext_isNoInvocation() {
        assertThat(new InvocationContext(() -> null).of(null)).isSameAs(RequestContext.NONE);
    }
}
