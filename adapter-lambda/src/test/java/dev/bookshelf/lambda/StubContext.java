package dev.bookshelf.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.util.function.IntSupplier;

/** A Lambda {@link Context} with a chosen invocation id and remaining time. */
final class StubContext implements Context {
    private final String awsRequestId;
    private final IntSupplier remainingMillis;

    private StubContext(String awsRequestId, IntSupplier remainingMillis) {
        this.awsRequestId = awsRequestId;
        this.remainingMillis = remainingMillis;
    }

    static StubContext withRequestId(String awsRequestId) {
        return new StubContext(awsRequestId, () -> 30_000);
    }

    static StubContext withRemainingMillis(int millis) {
        return new StubContext("lambda-invocation-deadline", () -> millis);
    }

    /** A context that fails when asked for the time left, to provoke an unexpected failure. */
    static StubContext broken() {
        return new StubContext("lambda-invocation-broken", () -> {
            throw new IllegalStateException("context is broken");
        });
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/bookshelf";
    }

    @Override
    public String getLogStreamName() {
        return "2026/11/25/[$LATEST]0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return "bookshelf";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:ap-northeast-2:123456789012:function:bookshelf";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return remainingMillis.getAsInt();
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
            }

            @Override
            public void log(byte[] message) {
            }
        };
    }
}
