package fr.ent.gateway.routing;

import fr.ent.gateway.GatewayConfig;
import fr.ent.gateway.observability.AccessLog;
import fr.ent.gateway.observability.GatewayMetrics;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ServerChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's public port. It is served by Netty's HTTP codec directly, on Vert.x's event loops,
 * rather than by Quarkus's router: a proxied call is the gateway's hot path, and the router's and
 * HTTP server's layers cost about as much CPU per call as the forwarding itself (see
 * bench/results). Quarkus's HTTP server still serves the gateway's own pages (health, metrics,
 * Swagger UI) on the loopback interface; the front door forwards those paths to it.
 */
@Singleton
public class FrontDoor {

    private static final Logger LOG = Logger.getLogger(FrontDoor.class);

    private final Vertx vertx;
    private final GatewayConfig config;
    private final Admission admission;
    private final Cors cors;
    private final AccessLog accessLog;
    private final GatewayMetrics metrics;
    private final long connectTimeoutMs;
    private UpstreamPool pool;
    private final StreamSlots streams;
    private Channel server;
    /** Open client connections, to be drained on shutdown. */
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

    FrontDoor(Vertx vertx, GatewayConfig config, Admission admission, Cors cors, AccessLog accessLog,
              GatewayMetrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.admission = admission;
        this.cors = cors;
        this.accessLog = accessLog;
        this.metrics = metrics;
        this.connectTimeoutMs = config.upstream().connectTimeout().toMillis();
        this.streams = new StreamSlots(config.streams().max(), config.streams().retryAfter().toSeconds());
    }

    void start(@Observes StartupEvent event) throws InterruptedException {
        boolean epoll = vertx.isNativeTransportEnabled() && Epoll.isAvailable();
        Class<? extends ServerChannel> serverType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        pool = new UpstreamPool(config.upstream().maxConnectionsPerTarget(), config.upstream().idleTimeout(),
                epoll ? EpollSocketChannel.class : NioSocketChannel.class,
                ((VertxInternal) vertx).nettyAddressResolverGroup());
        long idleSeconds = config.http().idleTimeout().toSeconds();
        server = new ServerBootstrap()
                .group(vertx.nettyEventLoopGroup())
                .channel(serverType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        clients.add(channel);
                        channel.pipeline().addLast(
                                new IdleStateHandler(idleSeconds, 0, 0, TimeUnit.SECONDS),
                                new HttpServerCodec(4096, 8192, 8192),
                                new ClientConnection(FrontDoor.this));
                    }
                })
                .bind(config.http().host(), config.http().port())
                .sync()
                .channel();
        LOG.infof("Gateway listening on http://%s:%d (%s)", config.http().host(), port(), epoll ? "epoll" : "nio");
    }

    void stop(@Observes ShutdownEvent event) {
        drain(config.http().shutdownTimeout());
    }

    /**
     * Stops taking connections and lets the calls in progress finish, for at most {@code timeout}:
     * idle connections and event streams are closed at once (an EventSource reconnects, to another
     * instance); other calls get their answer with {@code Connection: close}. What is left after the
     * timeout is cut. Returns the number of connections that had to be cut.
     */
    public int drain(Duration timeout) {
        if (server == null) {
            return 0;
        }
        server.close().awaitUninterruptibly(timeout.toMillis(), TimeUnit.MILLISECONDS);
        for (Channel client : clients) {
            client.eventLoop().execute(() -> {
                ClientConnection connection = client.pipeline().get(ClientConnection.class);
                if (connection != null) {
                    connection.finishThenClose();
                }
            });
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!clients.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int cut = clients.size();
        if (cut > 0) {
            LOG.warnf("%d client connection(s) still busy after %s: closed", cut, timeout);
            clients.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        }
        return cut;
    }

    /** The port clients connect to (the actual one when configured as 0). */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** A request is over: it goes to the metrics and the access log if it was for a service. */
    void ended(Exchange exchange) {
        if (!exchange.logged) {
            return;
        }
        if (exchange.route != null) {
            metrics.record(exchange.route.name(), exchange.status(), exchange.start);
        }
        if (accessLog.enabled()) {
            accessLog.log(exchange.requestId, exchange.traceparent, exchange.caller.logId(),
                    exchange.request.method().name(), exchange.path, exchange.status(), exchange.start);
        }
    }

    Admission admission() {
        return admission;
    }

    Cors cors() {
        return cors;
    }

    StreamSlots streams() {
        return streams;
    }

    /** Event streams this instance holds now. */
    public int openStreams() {
        return streams.open();
    }

    UpstreamPool pool() {
        return pool;
    }

    long idleTimeoutNanos() {
        return config.http().idleTimeout().toNanos();
    }

    long connectTimeoutMs() {
        return connectTimeoutMs;
    }
}
