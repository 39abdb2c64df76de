package dev.bookshelf.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API Gateway's own answers (unknown path, throttling, oversized request, integration failure,
 * any other 4XX/5XX) rewritten into our problem-details shape, with the CORS headers of the web
 * client's origin so the browser lets the page read them.
 */
final class GatewayResponses {
    private GatewayResponses() {
    }

    static Map<String, Object> all() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("MISSING_AUTHENTICATION_TOKEN", response(404, "not-found", "Not found",
                "We could not find what you asked for."));
        r.put("RESOURCE_NOT_FOUND", response(404, "not-found", "Not found", "We could not find what you asked for."));
        r.put("THROTTLED", response(429, "too-many-requests", "Too many requests",
                "Too many attempts. Please wait and try again."));
        r.put("QUOTA_EXCEEDED", response(429, "too-many-requests", "Too many requests",
                "Too many attempts. Please wait and try again."));
        r.put("REQUEST_TOO_LARGE", response(413, "payload-too-large", "Payload too large",
                "The request body is too large."));
        r.put("WAF_FILTERED", response(403, "forbidden", "Forbidden", "This request was refused."));
        r.put("INTEGRATION_FAILURE", response(502, "internal", "Internal error",
                "Something went wrong on our side. Please try again later."));
        r.put("INTEGRATION_TIMEOUT", response(504, "internal", "Internal error",
                "Something went wrong on our side. Please try again later."));
        r.put("DEFAULT_4XX", response(null, "gateway-refused", "Request refused by the gateway",
                "The request was refused before it reached the service."));
        r.put("DEFAULT_5XX", response(null, "internal", "Internal error",
                "Something went wrong on our side. Please try again later."));
        return r;
    }

    private static Map<String, Object> response(Integer status, String slug, String title, String message) {
        Map<String, Object> r = new LinkedHashMap<>();
        if (status != null) {
            r.put("statusCode", status.toString());
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("gatewayresponse.header.Access-Control-Allow-Origin", Map.of("Fn::Sub", OpenApiDocument.WEB_ORIGIN));
        headers.put("gatewayresponse.header.Vary", "'Origin'");
        headers.put("gatewayresponse.header.X-Content-Type-Options", "'nosniff'");
        headers.put("gatewayresponse.header.Cache-Control", "'no-store'");
        r.put("responseParameters", headers);
        String statusField = status == null ? "" : "\"status\":" + status + ",";
        r.put("responseTemplates", Map.of("application/json",
                "{\"type\":\"/problems/" + slug + "\",\"title\":\"" + title + "\"," + statusField
                        + "\"detail\":$context.error.messageString,\"message\":\"" + message + "\","
                        + "\"requestId\":\"$context.requestId\"}"));
        return r;
    }
}
