package dev.bookshelf.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshelf.api.problem.ProblemKind;
import dev.bookshelf.api.routes.RouteSpec;
import dev.bookshelf.api.routes.Routes;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The case list keeps up with the contract: every route's success and every client-facing problem. */
class CoverageTest {
    /**
     * Problems no HTTP request can provoke alike on every transport: our own faults, Lambda-only
     * envelope problems, and the server's HTTP decoder limits (an overlong request line or
     * headers never reach a Lambda function: the AWS front door refuses them itself; the server's
     * answers are covered by adapter-http's hostile-input tests).
     */
    private static final Set<ProblemKind> NOT_REQUESTABLE =
            EnumSet.of(ProblemKind.INTERNAL, ProblemKind.NOT_PROXY_EVENT, ProblemKind.RESPONSE_TOO_LARGE,
                    ProblemKind.URI_TOO_LONG, ProblemKind.HEADERS_TOO_LARGE);

    private static Stream<Step> steps() {
        return Cases.all().stream().flatMap(s -> s.steps().stream());
    }

    @Test
    void everyRoute_hasACaseForItsSuccess() {
        for (RouteSpec route : Routes.ALL) {
            assertThat(steps().filter(s -> s.method().equals(route.method()) && matches(route.path(), s.path())
                    && s.expectedStatus() == route.successStatus()))
                    .as("a case for %s %s answering %d", route.method(), route.path(), route.successStatus())
                    .isNotEmpty();
        }
    }

    @Test
    void everyProblemAClientCanCause_hasACaseThatShowsIt() {
        for (ProblemKind kind : ProblemKind.values()) {
            if (NOT_REQUESTABLE.contains(kind)) {
                continue;
            }
            assertThat(steps().filter(s -> s.expectedStatus() == kind.status()
                    && s.shows().stream().anyMatch(f -> f.contains(kind.type()))))
                    .as("a case answering %d %s", kind.status(), kind.type())
                    .isNotEmpty();
        }
    }

    @Test
    void everyMethodTheApiKnows_isSentSomewhere() {
        assertThat(steps().map(Step::method)).containsAll(Routes.methods());
    }

    @Test
    void scenarioNames_areUnique() {
        List<String> names = Cases.all().stream().map(Scenario::name).toList();
        assertThat(names).doesNotHaveDuplicates();
    }

    /** A path template such as {@code /books/{id}} against a case path (variables match one segment). */
    private static boolean matches(String template, String path) {
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            boolean variable = t[i].startsWith("{") && !p[i].isEmpty();
            if (!variable && !t[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }
}
