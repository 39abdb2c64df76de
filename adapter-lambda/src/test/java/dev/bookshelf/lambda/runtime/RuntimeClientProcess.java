package dev.bookshelf.lambda.runtime;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a function under AWS's real runtime interface client, as the Lambda Java
 * runtime does: {@code java -cp <function jar>:<runtime client jars>
 * com.amazonaws.services.lambda.runtime.api.client.AWSLambda <handler>}, talking to a
 * {@link LocalRuntimeApi}. Output goes to a log file. Close it to kill the process.
 */
public final class RuntimeClientProcess implements AutoCloseable {
    public static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** A class of each jar the runtime client needs beside the function (which brings aws-lambda-java-core). */
    private static final List<String> RUNTIME_CLIENT_CLASSES = List.of(
            MAIN,
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal",
            "software.amazon.awssdk.annotations.SdkInternalApi");

    private final Process process;
    private final Path log;

    private RuntimeClientProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code handler} from {@code functionJar} against {@code runtimeApi}, with {@code env}
     * added to a minimal Lambda-like environment and {@code jvmFlags} before the main class.
     */
    public static RuntimeClientProcess start(Path functionJar, String handler, LocalRuntimeApi runtimeApi,
                                             Map<String, String> env, List<String> jvmFlags, Path log)
            throws IOException {
        Path taskRoot = Files.createDirectories(log.getParent().resolve("task"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(classpath(functionJar));
        command.add(MAIN);
        command.add(handler);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> childEnv = builder.environment();
        childEnv.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
        childEnv.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        childEnv.put("_HANDLER", handler);
        childEnv.put("AWS_LAMBDA_FUNCTION_NAME", "bookshelf");
        childEnv.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        childEnv.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        childEnv.put("AWS_REGION", "us-east-1");
        childEnv.putAll(env);
        return new RuntimeClientProcess(builder.start(), log);
    }

    /** The function jar, then the jars of the runtime client found on this JVM's class path. */
    static String classpath(Path functionJar) {
        List<String> entries = new ArrayList<>();
        entries.add(functionJar.toString());
        for (String className : RUNTIME_CLIENT_CLASSES) {
            try {
                Class<?> type = Class.forName(className, false, RuntimeClientProcess.class.getClassLoader());
                String jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                if (!entries.contains(jar)) {
                    entries.add(jar);
                }
            } catch (ClassNotFoundException e) {
                if (className.equals(MAIN)) {
                    throw new IllegalStateException("aws-lambda-java-runtime-interface-client is not on the class path", e);
                }
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    public Process process() {
        return process;
    }

    /** What the process printed so far. */
    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Waits at most {@code seconds} for the process to exit; its exit code, or null if still running. */
    public Integer awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    /** Ends the process: asks, then forces after 5 s; waits at most 10 s in all. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
