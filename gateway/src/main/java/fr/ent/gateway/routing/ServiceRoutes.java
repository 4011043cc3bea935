package fr.ent.gateway.routing;

import fr.ent.gateway.GatewayConfig;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The configured services, by the name that follows {@code /api/}, and the gateway's own pages. */
@Singleton
public class ServiceRoutes {

    private final Map<String, ServiceRoute> routes = new HashMap<>();
    private volatile ServiceRoute local;

    ServiceRoutes(GatewayConfig config) {
        GatewayConfig.Upstream upstream = config.upstream();
        config.routes().forEach((name, route) -> {
            if (!route.targets().isEmpty()) {
                routes.put(name, new ServiceRoute(name, route, upstream));
            }
        });
    }

    public ServiceRoute get(String name) {
        return routes.get(name);
    }

    /**
     * The gateway's Quarkus HTTP server (health, metrics, Swagger UI) on the loopback interface. Its
     * port is read once it listens: Quarkus publishes the actual one (a random one in tests) as config.
     */
    ServiceRoute local() {
        ServiceRoute route = local;
        if (route == null) {
            int port = ConfigProvider.getConfig().getValue("quarkus.http.port", Integer.class);
            route = ServiceRoute.local(URI.create("http://127.0.0.1:" + port), 10_000);
            if (port != 0) { // 0: a random port not chosen yet (the server is starting); read it again next time
                local = route;
            }
        }
        return route;
    }
}
