package fr.ent.gateway.routing;

import fr.ent.gateway.token.Caller;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/** One request from a client, from its headers to the end of its answer. */
final class Exchange {

    final long start = System.nanoTime();
    final HttpRequest request;
    /** Raw path, without the query: what routing, public prefixes and the access log see. */
    final String path;
    final boolean keepAlive;
    /** A body follows the headers (declared length above zero, or chunked). */
    final boolean hasBody;
    String requestId;
    String traceparent;
    /** Where it goes; null until admitted. */
    ServiceRoute route;
    /** Calls to the services are logged and counted; the gateway's own pages (health...) are not. */
    boolean logged;
    /** The browser origin allowed by CORS, to be named in the answer; null otherwise. */
    String corsOrigin;
    Caller caller = Caller.ANONYMOUS;
    /** The answer is a stream of Server-Sent Events. */
    boolean eventStream;
    int status;

    Exchange(HttpRequest request) {
        this.request = request;
        String uri = request.uri();
        int query = uri.indexOf('?');
        this.path = query < 0 ? uri : uri.substring(0, query);
        this.keepAlive = HttpUtil.isKeepAlive(request);
        this.hasBody = HttpUtil.isTransferEncodingChunked(request) || declaredLength(request) != 0;
    }

    /** The declared body length, 0 if none; -1 if it is not a number (a malformed request). */
    private static long declaredLength(HttpRequest request) {
        try {
            return HttpUtil.getContentLength(request, 0L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
