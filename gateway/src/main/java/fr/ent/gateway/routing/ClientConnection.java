package fr.ent.gateway.routing;

import fr.ent.gateway.observability.RequestIds;
import fr.ent.gateway.problem.Problem;
import fr.ent.gateway.token.LastToken;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One client connection to the front door. Requests are handled one after the other (pipelined
 * ones wait their turn): each is admitted ({@link Admission}), then answered by the gateway (a
 * problem, a CORS preflight) or forwarded ({@link UpstreamCall}); its end goes to the access log.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(ClientConnection.class);
    /** How long the rest of a refused body is read (and dropped) before the connection is closed. */
    private static final long LINGER_MS = 2_000;

    private final FrontDoor door;
    private Channel channel;
    private String peer;
    private final LastToken lastToken = new LastToken();
    /** Messages of requests that came while another was being handled. */
    private final ArrayDeque<Object> queued = new ArrayDeque<>();

    // The request being handled, if any.
    private Exchange exchange;
    private UpstreamCall call;
    private long bodyBytes;
    private boolean requestEnded;
    private boolean answerStarted;
    private boolean answerEnded;
    /** Close the connection once this request is over. */
    private boolean closing;
    private ScheduledFuture<?> linger;
    private boolean handlingQueued;
    /** When the last request was over (System.nanoTime): the idle timeout counts from there. */
    private long idleSince = System.nanoTime();
    private ScheduledFuture<?> idleCheck;

    ClientConnection(FrontDoor door) {
        this.door = door;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        peer = channel.remoteAddress() instanceof InetSocketAddress address
                ? address.getAddress().getHostAddress() : "unknown";
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (exchange != null && msg instanceof HttpRequest || !queued.isEmpty()) {
            queued.add(msg);
            channel.config().setAutoRead(false);
            return;
        }
        handle(msg);
    }

    /** Hands on what was queued, up to the next request that must wait for the current one. */
    private void handleQueued() {
        if (handlingQueued) {
            return; // an outer call is at it
        }
        handlingQueued = true;
        Object next;
        while ((next = queued.peek()) != null && !(exchange != null && next instanceof HttpRequest)) {
            handle(queued.poll());
        }
        handlingQueued = false;
        if (call != null) {
            call.clientReadComplete(); // a request begun here, outside a read, is not flushed by one
        }
        resumeReading();
    }

    private void handle(Object msg) {
        if (msg instanceof HttpRequest request) {
            begin(request);
        }
        if (msg instanceof HttpContent content) {
            body(content);
        }
    }

    private void begin(HttpRequest request) {
        exchange = new Exchange(request);
        bodyBytes = 0;
        requestEnded = answerStarted = answerEnded = false;
        if (request.decoderResult().isFailure()) {
            closing = true;
            answer(unreadable(request.decoderResult().cause()));
            return;
        }
        if (!request.uri().startsWith("/")) {
            answer(Problem.badRequest("bad-path", "Only paths are accepted, not absolute URIs."));
            return;
        }
        if (door.admission().isApiPreflight(exchange)) {
            answerWhole(door.cors().preflight(request));
            return;
        }
        Problem refused = door.admission().admit(exchange, peer, lastToken);
        if (refused != null) {
            answer(refused);
            return;
        }
        if (HttpUtil.is100ContinueExpected(request)) {
            request.headers().remove(HttpHeaderNames.EXPECT);
            channel.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        if (exchange.asksEventStream()) {
            if (!door.streams().tryTake()) {
                answer(Problem.tooManyStreams(door.streams().retryAfterSeconds()));
                return;
            }
            exchange.holdsStreamSlot = true;
        }
        call = new UpstreamCall(this, exchange, door.pool(), door.connectTimeoutMs());
        call.start();
    }

    private void body(HttpContent content) {
        if (exchange == null || requestEnded) {
            content.release(); // the tail of a request already answered
            return;
        }
        boolean last = content instanceof LastHttpContent;
        requestEnded = last;
        if (call != null && !call.over()) {
            bodyBytes += content.content().readableBytes();
            if (bodyBytes > exchange.route.maxBodyBytes()) {
                content.release();
                call.abandon();
                answer(Problem.tooLarge(exchange.route.maxBodyBytes()));
                return;
            }
            call.body(content);
        } else {
            content.release();
        }
        if (last) {
            endIfDone();
        }
    }

    // --- Answers, from the service (through UpstreamCall) or from the gateway

    void answerHead(HttpResponse response) {
        answerStarted = true;
        exchange.answer = response;
        HttpHeaders headers = response.headers();
        UpstreamCall.HOP_BY_HOP.forEach(headers::remove);
        if (exchange.requestId != null) {
            headers.set(RequestIds.REQUEST_ID, exchange.requestId);
        }
        if (exchange.corsOrigin != null) {
            door.cors().decorate(headers, exchange.corsOrigin);
        }
        if (!HttpUtil.isContentLengthSet(response) && mayHaveBody(response) && !isHead(exchange)) {
            // A body of unknown length (chunked from the service, or ended by its closing): chunked
            // for an HTTP/1.1 client; an HTTP/1.0 client knows no chunks, its body ends by closing.
            boolean http11 = exchange.request.protocolVersion().equals(HttpVersion.HTTP_1_1);
            HttpUtil.setTransferEncodingChunked(response, http11);
            closing |= !http11;
        }
        if (exchange.hasBody && !requestEnded) {
            // Answered (by the gateway or the service) before the whole body came: the rest is read
            // and dropped for a little while, then the connection is closed (endIfDone), which the
            // client must be told now. Closing at once could reset the connection before it reads this.
            closing = true;
        }
        if (!exchange.keepAlive || closing) {
            closing = true;
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (!exchange.request.protocolVersion().isKeepAliveDefault()) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
        if (response instanceof FullHttpResponse) {
            return; // written whole by answerEnd
        }
        channel.write(response, channel.voidPromise());
    }

    void answerBody(HttpContent content) {
        channel.write(content, channel.voidPromise());
    }

    void answerEnd(LastHttpContent last) {
        answerEnded = true;
        channel.writeAndFlush(last, channel.voidPromise());
        endIfDone();
    }

    /** Answers with a problem, unless an answer has already started (then the connection is cut). */
    void answer(Problem problem) {
        if (answerStarted) {
            cutShort();
            return;
        }
        if (call != null) {
            call.abandon();
        }
        answerWhole(problem.toResponse(exchange.path));
    }

    /** An answer made by the gateway, headers and body in one piece. */
    private void answerWhole(FullHttpResponse response) {
        answerHead(response);
        answerEnd(response);
    }

    /**
     * The gateway is shutting down: close now if nothing is in progress or if the answer is an event
     * stream (it would never end); else close once the current call is over.
     */
    void finishThenClose() {
        if (exchange == null || exchange.answersEventStream()) {
            channel.close();
        } else {
            closing = true; // also says Connection: close if the answer has not started yet
        }
    }

    /** The answer cannot be completed (the service broke off): the client sees the connection close. */
    void cutShort() {
        channel.close();
    }

    void flush() {
        channel.flush();
    }

    boolean writable() {
        return channel.isWritable();
    }

    EventLoop eventLoop() {
        return channel.eventLoop();
    }

    void pauseReading() {
        channel.config().setAutoRead(false);
    }

    void resumeReading() {
        if (queued.isEmpty()) {
            channel.config().setAutoRead(true);
        }
    }

    /** The service answered with an event stream that was not asked as one: it counts from now on. */
    void streamStarted() {
        if (!exchange.holdsStreamSlot) {
            exchange.holdsStreamSlot = true;
            door.streams().take();
        }
    }

    private void releaseStreamSlot(Exchange ended) {
        if (ended.holdsStreamSlot) {
            ended.holdsStreamSlot = false;
            door.streams().give();
        }
    }

    /** When both the request and its answer are complete: log, then the next request (or close). */
    private void endIfDone() {
        if (!answerEnded) {
            return;
        }
        if (!requestEnded) {
            if (!exchange.hasBody && exchange.request.decoderResult().isSuccess()) {
                // Answered by the gateway while handling the request's head: the decoder hands on the
                // request's end right after, and body() ends the exchange. Closing here would cut a
                // kept-alive connection under a client told nothing (the next request on it fails).
                return;
            }
            // Answered before the whole body came (a problem, or a service answering early), with
            // Connection: close (answerHead): the rest is read and dropped for a little while, then
            // the connection is closed.
            closing = true;
            if (linger == null) {
                resumeReading();
                linger = channel.eventLoop().schedule(() -> channel.close(), LINGER_MS, TimeUnit.MILLISECONDS);
            }
            return;
        }
        Exchange done = exchange;
        exchange = null;
        call = null;
        releaseStreamSlot(done);
        door.ended(done);
        if (closing) {
            // After what was written has gone: a close drops what the socket has not taken yet.
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        idleSince = System.nanoTime();
        handleQueued();
    }

    private static boolean mayHaveBody(HttpResponse response) {
        int status = response.status().code();
        return status >= 200 && status != 204 && status != 304;
    }

    private static Problem unreadable(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return new Problem(414, "uri-too-long", "URI too long", "The request line is too long.");
        }
        if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            return new Problem(431, "headers-too-large", "Request headers too large", "The request headers are too large.");
        }
        return Problem.badRequest("malformed-request", "The request is not valid HTTP.");
    }

    // --- Connection events

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (call != null) {
            call.clientReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (call != null && channel.isWritable()) {
            call.clientWritable();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // The client left: whatever the service still sends has nowhere to go.
        if (call != null) {
            call.abandon();
        }
        if (exchange != null) {
            releaseStreamSlot(exchange);
        }
        if (linger != null) {
            linger.cancel(false);
        }
        queued.forEach(ReferenceCountUtil::release);
        queued.clear();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            // Nothing read for the configured time. Only reads are watched (watching writes costs a
            // listener per write); a call in progress, such as an event stream, is bounded otherwise.
            closeIfIdle();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    /**
     * Closes the connection if no request is in progress and the last one ended at least the idle
     * timeout ago. Nothing read for that long is not enough: a long call reads nothing either, and
     * its client may send the next request just after the answer.
     */
    private void closeIfIdle() {
        if (exchange != null || !channel.isActive()) {
            return;
        }
        long left = door.idleTimeoutNanos() - (System.nanoTime() - idleSince);
        if (left <= 0) {
            channel.close();
        } else if (idleCheck == null) {
            idleCheck = channel.eventLoop().schedule(() -> {
                idleCheck = null;
                closeIfIdle();
            }, left, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debugf("client connection broken: %s", cause.getMessage());
        } else {
            LOG.warnf(cause, "client connection failed");
        }
        ctx.close();
    }

    private static boolean isHead(Exchange exchange) {
        return exchange.request.method().equals(HttpMethod.HEAD);
    }
}
