package fr.ent.e2e.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** REST Assured requests to the gateway, as a demo person (real Keycloak token) or without a token. */
public final class Gateway {

    private Gateway() {
    }

    /** A request as the demo person with that key in demo.json. */
    public static RequestSpecification as(String personKey) {
        return anonymous().auth().oauth2(Tokens.of(personKey));
    }

    /** A request with exactly this Authorization header value. */
    public static RequestSpecification withAuthorization(String header) {
        return anonymous().header("Authorization", header);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().baseUri(Platform.GATEWAY).contentType(ContentType.JSON);
    }
}
