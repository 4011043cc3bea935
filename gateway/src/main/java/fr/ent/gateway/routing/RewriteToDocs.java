package fr.ent.gateway.routing;

import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/** {@code /q/openapi/<service>?format=json} at the gateway is {@code /q/openapi?format=json} at the service. */
final class RewriteToDocs implements ProxyInterceptor {

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        String query = ctx.request().proxiedRequest().query();
        ctx.request().setURI(query == null ? "/q/openapi" : "/q/openapi?" + query);
        return ctx.sendRequest();
    }
}
