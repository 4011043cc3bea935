package fr.ent.gateway;

import fr.ent.gateway.routing.FrontDoor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The portal served at / on the front door: public files, SPA pages, caching, CSP; /api untouched. */
@QuarkusTest
@QuarkusTestResource(Upstreams.class)
class PortalTest {

    private static final String CSP = "Content-Security-Policy";

    @Inject
    FrontDoor frontDoor;

    @BeforeEach
    void port() {
        io.restassured.RestAssured.port = frontDoor.port();
    }

    /** The hashed script index.html loads, e.g. /assets/index-BYDwkQKt.js. */
    private String script() {
        String html = given().get("/").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(html);
        assertThat(m.find()).as("index.html names its script").isTrue();
        return m.group(1);
    }

    @Test
    void the_root_is_the_portal_in_french_without_a_token_and_never_cached_stale() {
        given().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-cache")
                .header("ETag", org.hamcrest.Matchers.startsWith("\""))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<html lang=\"fr\">"), containsString("<div id=\"root\">"),
                        containsString("/manifest.webmanifest"));
    }

    @Test
    void a_strict_content_security_policy_allows_this_origin_and_the_realm_only() {
        String csp = given().get("/").then().statusCode(200).extract().header(CSP);
        java.net.URI issuer = java.net.URI.create(TestRealm.ISSUER);
        String realmOrigin = issuer.getScheme() + "://" + issuer.getRawAuthority();
        assertThat(csp).contains("default-src 'self'", "script-src 'self';", "style-src 'self';",
                "connect-src 'self' " + realmOrigin + " http://127.0.0.1:9000;", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval", "*");
        given().get(script()).then().statusCode(200).header(CSP, equalTo(csp));
    }

    @Test
    void the_portals_pages_answer_index_html_but_missing_files_are_404() {
        String index = given().get("/").then().extract().asString();
        for (String page : new String[] {"/callback", "/appel/abc_2026-12-09/" + UUID.randomUUID(), "/semaine"}) {
            given().get(page + "?code=x&state=y").then().statusCode(200).header("Cache-Control", "no-cache")
                    .body(equalTo(index));
        }
        given().get("/assets/index-nothere.js").then().statusCode(404);
        given().get("/assets/gone").then().statusCode(404);
        given().get("/favicon.ico").then().statusCode(404).body(equalTo("Page introuvable."));
    }

    @Test
    void hashed_assets_are_cached_a_year_immutable_and_sent_gzipped_to_who_accepts_it() throws IOException {
        String path = script();
        byte[] plain = given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "identity").get(path).then().statusCode(200)
                .contentType(containsString("text/javascript"))
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .extract().asByteArray();
        Response zipped = given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip, br").get(path);
        zipped.then().statusCode(200).header("Content-Encoding", "gzip").header("Vary", "Accept-Encoding");
        byte[] gz = zipped.asByteArray();
        assertThat(gz.length).isLessThan(plain.length / 2);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
    }

    @Test
    void an_unchanged_page_is_revalidated_with_a_304() {
        String etag = given().get("/").then().extract().header("ETag");
        given().header("If-None-Match", etag).get("/").then().statusCode(304);
        given().header("If-None-Match", "\"other\"").get("/").then().statusCode(200);
        given().head("/").then().statusCode(200).header("Content-Length", org.hamcrest.Matchers.not("0"));
    }

    @Test
    void the_manifest_and_service_worker_are_served_fresh() {
        given().get("/manifest.webmanifest").then().statusCode(200).contentType(containsString("application/manifest+json"))
                .header("Cache-Control", "no-cache").body("lang", equalTo("fr")).body("start_url", equalTo("/"));
        given().get("/sw.js").then().statusCode(200).contentType(containsString("javascript")).header("Cache-Control", "no-cache");
        given().get("/icon-192.png").then().statusCode(200).contentType("image/png");
    }

    @Test
    void the_portal_learns_the_realm_and_its_client_from_config_json() {
        given().get("/config.json").then().statusCode(200).header("Cache-Control", "no-cache")
                .body("authority", equalTo(TestRealm.ISSUER)).body("clientId", equalTo("ent-portal"));
    }

    @Test
    void the_apis_still_need_a_token_and_are_never_answered_by_the_portal() {
        given().get("/api/echo/anything").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/nothing/here").then().statusCode(404).contentType("application/problem+json");
        given().get("/api").then().statusCode(404);
        given().auth().oauth2(TestRealm.person(UUID.randomUUID())).get("/api/echo/x").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("<div id=\"root\">")));
        // the gateway's own pages are not shadowed by the portal's fallback
        given().get("/q/health/live").then().statusCode(200).contentType(containsString("json"));
    }
}
