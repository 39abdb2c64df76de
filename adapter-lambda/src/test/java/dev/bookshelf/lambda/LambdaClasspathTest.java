package dev.bookshelf.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Lambda path stays small: no Vert.x or Netty reaches this module's classpath (cold start). */
class LambdaClasspathTest {

    @ParameterizedTest
    @ValueSource(strings = {"io.vertx.core.Vertx", "io.netty.channel.Channel", "io.netty.buffer.ByteBuf"})
    void vertxAndNetty_areNotOnTheClasspath(String className) {
        assertThat(isPresent(className)).as(className).isFalse();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, LambdaClasspathTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
