package fr.ent.gateway.portal;

import fr.ent.gateway.GatewayConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Serves the portal (the web app of the {@code portal} module) at {@code /} on the gateway's origin,
 * so that its calls to {@code /api/...} need no CORS. Its files are public; {@code /api} keeps its
 * token checks (routing.Admission sends only paths outside {@code /api/} and {@code /q/openapi/<name>}
 * here, without a token).
 * <ul>
 * <li>{@code /assets/*}: file names carry a content hash, cached a year, {@code immutable};</li>
 * <li>{@code index.html}, the service worker, the manifest, {@code /config.json}: {@code no-cache} with an ETag (a new
 * version is picked up at the next load, a revalidation costs a 304);</li>
 * <li>any other path without a file extension (the portal's own pages, {@code /callback}...) answers
 * {@code index.html} (the app routes in the browser); an unknown file is a 404;</li>
 * <li>a strict Content-Security-Policy: everything from this origin only, but the realm's origin
 * (Keycloak) for the app's token calls and {@code gateway.portal.connect-sources} (the object storage files are
 * uploaded to); no inline script, no frame, no plugin.</li>
 * </ul>
 */
@ApplicationScoped
public class PortalRoutes {

    private static final Logger LOG = Logger.getLogger(PortalRoutes.class);

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String NO_CACHE = "no-cache";
    static final String ICONS = "public, max-age=86400";

    private final PortalFiles files;
    private final String csp;
    private final PortalFiles.File config;

    public PortalRoutes(GatewayConfig gateway) {
        this.files = PortalFiles.load(Thread.currentThread().getContextClassLoader());
        String authority = gateway.portal().authority();
        List<String> others = gateway.portal().connectSources().orElse(List.of()).stream()
                .filter(u -> !u.isBlank()).map(u -> originOf(u.strip())).toList();
        this.csp = contentSecurityPolicy(originOf(authority), others);
        byte[] json = new JsonObject().put("authority", authority).put("clientId", gateway.portal().clientId())
                .encode().getBytes(StandardCharsets.UTF_8);
        this.config = new PortalFiles.File("/config.json", json, null, "application/json", PortalFiles.etag(json));
        if (files.size() == 0) {
            LOG.warn("the portal's files (META-INF/ent-portal) are not on the class path: / answers 404");
        }
    }

    /** "http://localhost:8180/realms/ent" → "http://localhost:8180". */
    static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    static String contentSecurityPolicy(String realmOrigin, List<String> otherOrigins) {
        StringBuilder connect = new StringBuilder("'self' ").append(realmOrigin);
        otherOrigins.stream().distinct().filter(o -> !o.equals(realmOrigin)).forEach(o -> connect.append(' ').append(o));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src " + connect + "; manifest-src 'self'; worker-src 'self'; "
                + "frame-src 'none'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
    }

    /** Everything but the gateway's own pages (/q...) and /api (whose calls never reach this server). */
    static final String PORTAL_PATHS = "^/(?!q/|q$|api/|api$).*";

    void routes(@Observes Router router) {
        router.routeWithRegex(HttpMethod.GET, PORTAL_PATHS).order(10_000).handler(this::serve);
        router.routeWithRegex(HttpMethod.HEAD, PORTAL_PATHS).order(10_000).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        HttpServerResponse response = ctx.response();
        if ("/config.json".equals(path)) {
            send(ctx, config, NO_CACHE);
            return;
        }
        Optional<PortalFiles.File> file = files.get(path.equals("/") ? "/index.html" : path);
        if (file.isPresent()) {
            send(ctx, file.get(), cacheControl(file.get().path()));
            return;
        }
        Optional<PortalFiles.File> index = files.get("/index.html");
        if (index.isPresent() && isPage(path)) {
            send(ctx, index.get(), NO_CACHE);
            return;
        }
        response.setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader(HttpHeaders.CACHE_CONTROL, NO_CACHE)
                .end("Page introuvable.");
    }

    /** A page of the app (routed in the browser), not a missing file nor a path under /assets/. */
    static boolean isPage(String path) {
        if (path.startsWith("/assets/")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    static String cacheControl(String path) {
        if (path.startsWith("/assets/")) {
            return IMMUTABLE;
        }
        if (path.endsWith(".png") || path.endsWith(".svg") || path.endsWith(".ico")) {
            return ICONS;
        }
        return NO_CACHE;
    }

    private void send(RoutingContext ctx, PortalFiles.File file, String cacheControl) {
        HttpServerResponse response = ctx.response();
        response.putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
                .putHeader(HttpHeaders.ETAG, file.etag())
                .putHeader("Content-Security-Policy", csp)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader(HttpHeaders.CONTENT_TYPE, file.contentType());
        if (file.gzipped() != null) {
            response.putHeader("Vary", "Accept-Encoding");
        }
        String match = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (match != null && (match.equals(file.etag()) || match.equals("W/" + file.etag()))) {
            response.setStatusCode(304).end();
            return;
        }
        String accepted = ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
        boolean gzip = file.gzipped() != null && accepted != null && accepted.contains("gzip");
        byte[] body = gzip ? file.gzipped() : file.bytes();
        if (gzip) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length));
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.end();
        } else {
            response.end(Buffer.buffer(body));
        }
    }
}
