package fr.ent.gateway.routing;

import fr.ent.gateway.problem.Problem;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One request forwarded to an instance of a service, on the event loop of the client's connection:
 * picks an instance (round-robin, skipping open circuits), bounds the wait for the response headers,
 * streams bodies both ways as they come (uploads, downloads, Server-Sent Events), each side reading
 * only as fast as the other side takes, and turns failures into problem details: 502 unreachable,
 * 503 circuit open, 504 too slow.
 */
final class UpstreamCall {

    /** Headers that describe one connection, not the message (RFC 9110 §7.6.1): never passed on. */
    static final List<CharSequence> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
            "Proxy-Connection", HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.UPGRADE,
            HttpHeaderNames.PROXY_AUTHENTICATE, HttpHeaderNames.PROXY_AUTHORIZATION);
    // Transfer-Encoding is hop-by-hop too, but bodies are re-framed the same way on each side.

    private final ClientConnection client;
    private final Exchange exchange;
    private final ServiceRoute route;
    private final UpstreamPool pool;
    private final long connectTimeoutMs;
    private Target target;
    private Channel service;
    /** What the client sent before a connection to the service was there. */
    private ArrayDeque<HttpObject> pending = new ArrayDeque<>(2);
    private ScheduledFuture<?> timer;
    private boolean answering;
    private boolean skippingInterim;
    private boolean requestSent;
    private boolean serviceKeepsAlive;
    /** The connection had served calls before this one (kept alive). */
    private boolean reused;
    /** Sent again once already (see {@link #serviceClosed}). */
    private boolean resent;
    /** The answer is complete, or the call was given up. */
    private boolean over;

    UpstreamCall(ClientConnection client, Exchange exchange, UpstreamPool pool, long connectTimeoutMs) {
        this.client = client;
        this.exchange = exchange;
        this.route = exchange.route;
        this.pool = pool;
        this.connectTimeoutMs = Math.min(connectTimeoutMs, route.timeoutMs());
    }

    long connectTimeoutMs() {
        return connectTimeoutMs;
    }

    void start() {
        target = route.pick(System.nanoTime());
        if (target == null) {
            over = true;
            client.answer(Problem.unavailable(route.name(), route.retryAfterSeconds()));
            return;
        }
        HttpHeaders headers = exchange.request.headers();
        HOP_BY_HOP.forEach(headers::remove);
        pending.add(exchange.request);
        EventLoop loop = client.eventLoop();
        timer = loop.schedule(this::timedOut, route.timeoutMs(), TimeUnit.MILLISECONDS);
        if (exchange.holdsStreamSlot) {
            pool.connectApart(target, loop, this); // a stream never takes a connection calls need
            return;
        }
        Channel pooled = pool.acquire(target, loop, this);
        if (pooled != null) {
            connected(pooled, false); // flushed when the client's read is complete
        }
    }

    /** A connection to the service is there: send what has come so far. */
    void connected(Channel channel, boolean flush) {
        if (over) {
            pool.release(target, channel);
            return;
        }
        service = channel;
        UpstreamPool.UpstreamHandler handler = UpstreamPool.handler(channel);
        handler.call = this;
        reused = handler.calls++ > 0;
        HttpObject part;
        while ((part = pending.poll()) != null) {
            write(part);
        }
        pending = null;
        if (flush) {
            channel.flush();
        }
        if (channel.isWritable()) {
            client.resumeReading();
        }
    }

    /** A piece of the request body from the client. */
    void body(HttpContent content) {
        if (over) {
            content.release();
        } else if (service == null) {
            pending.add(content);
            client.pauseReading(); // until the connection is there
        } else {
            write(content);
            if (!service.isWritable()) {
                // Paused before the flush: a flush that drains at once resumes reading right away.
                client.pauseReading();
                service.flush();
            }
        }
    }

    private void write(HttpObject part) {
        if (part instanceof LastHttpContent) {
            requestSent = true;
        }
        service.write(part, service.voidPromise());
    }

    /** The client's read is complete: send what it brought. */
    void clientReadComplete() {
        if (service != null && !over) {
            service.flush();
        }
    }

    void serviceWritable() {
        client.resumeReading();
    }

    void clientWritable() {
        if (service != null) {
            service.config().setAutoRead(true);
        }
    }

    /** A piece of the service's answer. */
    void fromService(HttpObject part) {
        if (over) {
            ReferenceCountUtil.release(part);
            return;
        }
        if (part instanceof HttpResponse response) {
            if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                // 100 Continue, 103 Early Hints: the client gets the final answer only (no 101: Upgrade is not passed on)
                skippingInterim = true;
                return;
            }
            cancelTimer();
            target.succeeded();
            answering = true;
            serviceKeepsAlive = HttpUtil.isKeepAlive(response);
            if (Exchange.isEventStream(response)) {
                // Not asked as a stream (no Accept: text/event-stream), yet one: it gives its pooled slot back.
                pool.detach(target, service);
                client.streamStarted();
            }
            client.answerHead(response);
        }
        if (part instanceof HttpContent content) {
            if (skippingInterim) {
                content.release();
                skippingInterim = !(content instanceof LastHttpContent);
                return;
            }
            if (content instanceof LastHttpContent) {
                over = true;
                Channel channel = service;
                service = null;
                if (requestSent && serviceKeepsAlive) {
                    pool.release(target, channel);
                } else {
                    pool.discard(channel);
                }
                client.answerEnd((LastHttpContent) content);
            } else {
                client.answerBody(content);
                if (!client.writable()) {
                    service.config().setAutoRead(false); // until the client has taken what was sent
                }
            }
        }
    }

    void serviceReadComplete() {
        client.flush();
    }

    /** The service closed the connection (or it broke) before its answer was complete. */
    void serviceClosed() {
        service = null;
        if (mayResend()) {
            resend();
            return;
        }
        if (!end()) {
            return;
        }
        if (answering) {
            client.cutShort();
        } else {
            // Closed while the body was still coming: most likely the service refusing the body (its
            // own size limit answers 413 and closes, and the reset that follows can overtake that
            // answer). That is the client's doing, not a failing service.
            failed(Problem.badGateway(route.name()), !sendingBody());
        }
    }

    /**
     * A kept-alive connection found closed before any byte of the answer came: the service closed it
     * while idle (its idle timeout, a restart) just as the request went out. A GET or HEAD (no body,
     * idempotent) is sent again, once, on a new connection, rather than answered 502; any other
     * method may have been acted upon and is not.
     */
    private boolean mayResend() {
        HttpMethod method = exchange.request.method();
        return reused && !resent && !over && !answering && !skippingInterim && !exchange.hasBody
                && (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD));
    }

    private void resend() {
        resent = true;
        pending = new ArrayDeque<>(2);
        pending.add(exchange.request);
        if (requestSent) {
            pending.add(LastHttpContent.EMPTY_LAST_CONTENT); // else it is still to come from the client
            requestSent = false;
        }
        pool.acquireNew(target, client.eventLoop(), this);
    }

    /** No connection could be made. */
    void unreachable() {
        if (end()) {
            failed(Problem.badGateway(route.name()), true);
        }
    }

    private void timedOut() {
        timer = null;
        if (over || answering) {
            return;
        }
        // Still sending the body: the wait may be the client's (a slow upload), so it is not held
        // against the service.
        boolean serviceFault = service == null || !sendingBody();
        abandon();
        failed(Problem.timeout(route.name()), serviceFault);
    }

    /**
     * This call failed before the service answered: the client gets a problem and, if the service is
     * to blame, its circuit counts it. What a client can cause (a body a service refuses, a slow
     * upload) never counts, so that no client can open a circuit for everyone.
     */
    private void failed(Problem problem, boolean serviceFault) {
        if (serviceFault) {
            target.failed(System.nanoTime());
        }
        client.answer(problem);
    }

    /** The request's body was still being sent to the service (meaningful once connected). */
    private boolean sendingBody() {
        return exchange.hasBody && !requestSent;
    }

    /** Gives the call up: the client left, or was answered by the gateway. */
    void abandon() {
        if (!end()) {
            return;
        }
        if (service != null) {
            Channel channel = service;
            service = null;
            pool.discard(channel);
        } else if (target != null && !exchange.holdsStreamSlot) {
            pool.forget(target, client.eventLoop(), this);
        }
    }

    /** Marks the call over, once: returns false if it already was. */
    private boolean end() {
        if (over) {
            return false;
        }
        over = true;
        cancelTimer();
        releasePending();
        return true;
    }

    boolean over() {
        return over;
    }

    private void releasePending() {
        if (pending != null) {
            pending.forEach(ReferenceCountUtil::release);
            pending.clear();
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
