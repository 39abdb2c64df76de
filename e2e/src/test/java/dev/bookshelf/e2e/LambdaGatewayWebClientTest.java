package dev.bookshelf.e2e;

import dev.bookshelf.lambda.BookshelfHandler;
import dev.bookshelf.lambda.local.FrontDoor;
import dev.bookshelf.lambda.local.LocalGateway;
import java.util.Map;

/**
 * The web client against the Lambda handler behind the local gateway, which turns each browser
 * request into the REST API proxy event API Gateway would send (stage {@code prod}).
 */
class LambdaGatewayWebClientTest extends WebClientScenario {

    @Override
    protected String runName() {
        return "lambda-local-gateway";
    }

    @Override
    protected ApiUnderTest startApi(String webOrigin) throws Exception {
        BookshelfHandler handler = BookshelfHandler.forEnvironment(Map.of(
                "BCRYPT_COST", "4",
                "CORS_ALLOWED_ORIGINS", webOrigin), System.out);
        LocalGateway gateway = LocalGateway.start(handler, 0, FrontDoor.REST, "prod");
        String baseUrl = "http://127.0.0.1:" + gateway.port();
        return new ApiUnderTest() {
            @Override
            public String baseUrl() {
                return baseUrl;
            }

            @Override
            public void close() {
                gateway.close();
            }
        };
    }
}
