package fr.ent.gateway.routing;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.resolver.AddressResolverGroup;

import javax.net.ssl.SSLException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive connections to the services, per event loop and per instance: a call borrows one on
 * the loop that received it, so a forwarded call stays on one thread from end to end. At most
 * {@code maxPerTarget} connections per instance and loop; calls beyond wait for one to come back.
 * Connections idle for {@code idleTimeout} are closed.
 * <p>
 * Event streams never use a pooled connection: a stream would hold it for hours and starve the
 * calls. A request asking for one gets a connection of its own ({@link #connectApart}), outside the
 * pool and its bound (streams are bounded per instance by StreamSlots); an answer that turns out to
 * be a stream takes its connection out of the pool ({@link #detach}).
 */
final class UpstreamPool {

    /** Answers come from our own services: their headers are not validated again, for speed. */
    private static final HttpDecoderConfig SERVICE_ANSWERS = new HttpDecoderConfig()
            .setMaxInitialLineLength(4096).setMaxHeaderSize(16384).setMaxChunkSize(16384).setValidateHeaders(false);

    private final int maxPerTarget;
    private final long idleNanos;
    private final Class<? extends Channel> channelType;
    private final AddressResolverGroup<? extends SocketAddress> resolver;
    private final FastThreadLocal<Map<Target, Slots>> perLoop = new FastThreadLocal<>() {
        @Override
        protected Map<Target, Slots> initialValue() {
            return new IdentityHashMap<>();
        }
    };
    private volatile SslContext ssl;

    UpstreamPool(int maxPerTarget, Duration idleTimeout, Class<? extends Channel> channelType,
                 AddressResolverGroup<? extends SocketAddress> resolver) {
        this.maxPerTarget = maxPerTarget;
        this.idleNanos = idleTimeout.toNanos();
        this.channelType = channelType;
        this.resolver = resolver;
    }

    /** One instance's connections on one event loop. */
    private final class Slots {
        final Target target;
        final EventLoop loop;
        final ArrayDeque<Channel> idle = new ArrayDeque<>();
        final ArrayDeque<UpstreamCall> waiting = new ArrayDeque<>();
        int open;

        Slots(Target target, EventLoop loop) {
            this.target = target;
            this.loop = loop;
            long sweep = Math.max(100, Math.min(TimeUnit.SECONDS.toMillis(30), TimeUnit.NANOSECONDS.toMillis(idleNanos) / 2));
            loop.scheduleAtFixedRate(this::closeIdle, sweep, sweep, TimeUnit.MILLISECONDS);
        }

        void closeIdle() {
            long now = System.nanoTime();
            for (Channel channel : idle.toArray(new Channel[0])) {
                if (now - handler(channel).idleSince > idleNanos) {
                    channel.close();
                }
            }
        }
    }

    /**
     * A pooled connection for {@code call}, or null: the call is then told later, through
     * {@link UpstreamCall#connected} or {@link UpstreamCall#unreachable}.
     */
    Channel acquire(Target target, EventLoop loop, UpstreamCall call) {
        Slots slots = slots(target, loop);
        Channel channel;
        while ((channel = slots.idle.pollFirst()) != null) {
            if (channel.isActive()) {
                return channel;
            }
        }
        connectOrWait(slots, call);
        return null;
    }

    /**
     * A new connection for {@code call}, or the next one given back if the bound is reached (just
     * used, so known to work): for a call sent again because a kept-alive connection was found
     * closed, when the idle ones may have been closed by the service as well.
     */
    void acquireNew(Target target, EventLoop loop, UpstreamCall call) {
        connectOrWait(slots(target, loop), call);
    }

    private void connectOrWait(Slots slots, UpstreamCall call) {
        if (slots.open < maxPerTarget) {
            connect(slots, call);
        } else {
            slots.waiting.add(call);
        }
    }

    /**
     * A connection of its own for an event stream, outside the pool and its per-target bound; the
     * call is told through {@link UpstreamCall#connected} or {@link UpstreamCall#unreachable}. It is
     * closed when the stream ends, never reused.
     */
    void connectApart(Target target, EventLoop loop, UpstreamCall call) {
        open(target, loop, call.connectTimeoutMs()).addListener((ChannelFutureListener) connected -> {
            if (connected.isSuccess()) {
                handler(connected.channel()).apart = true;
                call.connected(connected.channel(), true);
            } else {
                call.unreachable();
            }
        });
    }

    /** The answer on this pooled connection is an event stream: it leaves the pool, its slot goes to the next call. */
    void detach(Target target, Channel channel) {
        UpstreamHandler handler = handler(channel);
        if (handler.apart) {
            return;
        }
        handler.apart = true;
        Slots slots = slots(target, (EventLoop) channel.eventLoop());
        slots.open--;
        serveWaiting(slots);
    }

    /** The call is over and the connection is clean (response read, request sent): reuse it. */
    void release(Target target, Channel channel) {
        UpstreamHandler handler = handler(channel);
        if (handler.apart) {
            discard(channel);
            return;
        }
        Slots slots = slots(target, (EventLoop) channel.eventLoop());
        handler.call = null;
        // Reading may have been paused for a slow client just as the answer's last piece came:
        // a pooled connection that does not read would leave the next call without its answer.
        channel.config().setAutoRead(true);
        UpstreamCall next = slots.waiting.poll();
        if (next != null) {
            next.connected(channel, true);
        } else {
            handler.idleSince = System.nanoTime();
            slots.idle.addFirst(channel);
        }
    }

    /** The connection cannot be reused (call abandoned, answer cut short): close it. */
    void discard(Channel channel) {
        handler(channel).call = null;
        channel.close();
    }

    /** A call that gave up while waiting for a connection. */
    void forget(Target target, EventLoop loop, UpstreamCall call) {
        slots(target, loop).waiting.remove(call);
    }

    private void connect(Slots slots, UpstreamCall call) {
        slots.open++;
        open(slots.target, slots.loop, call.connectTimeoutMs())
                .addListener((ChannelFutureListener) connected -> {
                    Channel channel = connected.channel();
                    if (connected.isSuccess()) {
                        channel.closeFuture().addListener(closed -> closed(slots, channel));
                        call.connected(channel, true);
                    } else {
                        slots.open--;
                        call.unreachable();
                        serveWaiting(slots);
                    }
                });
    }

    private ChannelFuture open(Target target, EventLoop loop, long connectTimeoutMs) {
        return new Bootstrap().group(loop).channel(channelType).resolver(resolver)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeoutMs)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        if (target.ssl()) {
                            channel.pipeline().addLast(sslContext().newHandler(channel.alloc(),
                                    target.address().getHostString(), target.address().getPort()));
                        }
                        channel.pipeline().addLast(new HttpClientCodec(SERVICE_ANSWERS, false, false), new UpstreamHandler());
                    }
                })
                .connect(target.address());
    }

    private void closed(Slots slots, Channel channel) {
        if (handler(channel).apart) {
            return; // detached: its slot was given back then
        }
        slots.open--;
        slots.idle.remove(channel);
        serveWaiting(slots);
    }

    /** A connection slot is free: open one for the first call still waiting, if any. */
    private void serveWaiting(Slots slots) {
        UpstreamCall next = slots.waiting.poll();
        if (next != null) {
            connect(slots, next);
        }
    }

    private Slots slots(Target target, EventLoop loop) {
        return perLoop.get().computeIfAbsent(target, t -> new Slots(t, loop));
    }

    static UpstreamHandler handler(Channel channel) {
        return channel.pipeline().get(UpstreamHandler.class);
    }

    private SslContext sslContext() {
        SslContext context = ssl;
        if (context == null) {
            try {
                context = SslContextBuilder.forClient().build();
            } catch (SSLException e) {
                throw new UncheckedIOException(e);
            }
            ssl = context;
        }
        return context;
    }

    /** Hands what a service sends to the call using the connection. */
    static final class UpstreamHandler extends ChannelInboundHandlerAdapter {
        UpstreamCall call;
        /** Calls this connection was given so far. */
        int calls;
        long idleSince;
        /** An event stream's own connection (never pooled), or one detached from the pool. */
        boolean apart;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            UpstreamCall current = call;
            if (current == null) {
                // Nothing was asked: a service talking out of turn cannot be trusted with the next call.
                ReferenceCountUtil.release(msg);
                ctx.close();
                return;
            }
            current.fromService((HttpObject) msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            UpstreamCall current = call;
            if (current != null) {
                current.serviceReadComplete();
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            UpstreamCall current = call;
            if (current != null && ctx.channel().isWritable()) {
                current.serviceWritable();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            UpstreamCall current = call;
            call = null;
            if (current != null) {
                current.serviceClosed();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // the call learns it through channelInactive
        }
    }
}
