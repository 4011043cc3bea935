package fr.ent.gateway.routing;

import fr.ent.gateway.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/**
 * The configured services, by the name that follows {@code /api/}, and the {@link Forwarder} that
 * reaches them. Connections to the services are pooled per event loop (see {@link UpstreamClients}).
 */
@ApplicationScoped
public class ServiceRoutes {

    private final Map<String, ServiceRoute> routes = new HashMap<>();
    private final Forwarder forwarder;

    ServiceRoutes(GatewayConfig config, Vertx vertx) {
        GatewayConfig.Upstream upstream = config.upstream();
        UpstreamClients clients = new UpstreamClients(vertx,
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setTcpNoDelay(true)
                        .setConnectTimeout((int) upstream.connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(upstream.maxConnectionsPerTarget()));
        this.forwarder = new Forwarder(vertx, clients, upstream.connectTimeout().toMillis());
        config.routes().forEach((name, route) -> {
            if (!route.targets().isEmpty()) {
                routes.put(name, new ServiceRoute(name, route, upstream));
            }
        });
    }

    public ServiceRoute get(String name) {
        return routes.get(name);
    }

    public Forwarder forwarder() {
        return forwarder;
    }
}
