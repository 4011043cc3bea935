package fr.ent.gateway.routing;

import fr.ent.gateway.token.Caller;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.AsciiString;

/** One request from a client, from its headers to the end of its answer. */
final class Exchange {

    private static final String EVENT_STREAM = "text/event-stream";

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
    /** The head of the answer, once it has started. */
    HttpResponse answer;
    /** This exchange counts among the instance's event streams (StreamSlots), until it ends. */
    boolean holdsStreamSlot;

    Exchange(HttpRequest request) {
        this.request = request;
        String uri = request.uri();
        int query = uri.indexOf('?');
        this.path = query < 0 ? uri : uri.substring(0, query);
        this.keepAlive = HttpUtil.isKeepAlive(request);
        this.hasBody = HttpUtil.isTransferEncodingChunked(request) || declaredLength(request) != 0;
    }

    int status() {
        return answer.status().code();
    }

    /** The answer is a stream of Server-Sent Events (it would never end by itself). */
    boolean answersEventStream() {
        return answer != null && isEventStream(answer);
    }

    static boolean isEventStream(HttpResponse response) {
        String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
        return type != null && type.regionMatches(true, 0, EVENT_STREAM, 0, EVENT_STREAM.length());
    }

    /** The client asks for Server-Sent Events (an EventSource always sends this Accept). */
    boolean asksEventStream() {
        String accept = request.headers().get(HttpHeaderNames.ACCEPT);
        return accept != null && AsciiString.containsIgnoreCase(accept, EVENT_STREAM);
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
