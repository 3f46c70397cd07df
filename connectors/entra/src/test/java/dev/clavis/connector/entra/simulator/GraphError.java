package dev.clavis.connector.entra.simulator;

/** An error the simulator answers in Graph's shape: {@code {"error": {"code", "message", "innerError"}}}. */
final class GraphError extends RuntimeException {

    final int status;
    final String code;

    GraphError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static GraphError notFound(String id) {
        return new GraphError(404, "Request_ResourceNotFound",
                "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
    }

    static GraphError badRequest(String message) {
        return new GraphError(400, "Request_BadRequest", message);
    }

    static GraphError forbidden() {
        return new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }
}
