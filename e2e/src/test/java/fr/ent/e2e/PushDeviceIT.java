package fr.ent.e2e;

import fr.ent.e2e.support.Gateway;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Web push through the gateway on the running platform: its VAPID public key is configured (deploy/local
 * made one), Sophie registers a device, sees it in her list, Marc cannot forget it, she can. (The push
 * itself, encrypted and signed, is checked against a loopback push service in notification-service's
 * PushNotificationTest; a browser's real push service is not reachable from here.)
 */
class PushDeviceIT {

    private static final String DEVICES = "/api/notification/me/push-subscriptions";

    @Test
    void a_guardian_registers_her_phone_for_push_and_only_she_can_forget_it() throws Exception {
        String key = Gateway.as("sophie").get("/api/notification/push/public-key").then().statusCode(200)
                .extract().jsonPath().getString("publicKey");
        byte[] raw = Base64.getUrlDecoder().decode(key);
        assertThat(raw).hasSize(65);
        assertThat(raw[0]).isEqualTo((byte) 4);

        String endpoint = "https://push.invalid/e2e/" + UUID.randomUUID();
        Map<String, Object> subscription = Map.of("endpoint", endpoint,
                "keys", Map.of("p256dh", devicePublicKey(), "auth", randomBase64Url(16)), "label", "Téléphone de test");
        Gateway.as("sophie").body(subscription).put(DEVICES).then().statusCode(200).body("endpoint", equalTo(endpoint));
        try {
            JsonPath mine = Gateway.as("sophie").get(DEVICES).then().statusCode(200).extract().jsonPath();
            assertThat(mine.getList("endpoint")).contains(endpoint);

            Gateway.as("marc").queryParam("endpoint", endpoint).delete(DEVICES).then().statusCode(404);
            Gateway.as("sophie").body(Map.of("endpoint", "http://push.invalid/x", "keys", subscription.get("keys")))
                    .put(DEVICES).then().statusCode(422).body("errors[0].field", equalTo("endpoint"));
        } finally {
            Gateway.as("sophie").queryParam("endpoint", endpoint).delete(DEVICES).then().statusCode(204);
        }
        assertThat(Gateway.as("sophie").get(DEVICES).then().statusCode(200).extract().jsonPath().getList("endpoint"))
                .doesNotContain(endpoint);
    }

    private static String devicePublicKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey pub = (ECPublicKey) g.generateKeyPair().getPublic();
        byte[] out = new byte[65];
        out[0] = 4;
        put(pub.getW().getAffineX(), out, 1);
        put(pub.getW().getAffineY(), out, 33);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    private static void put(BigInteger n, byte[] out, int at) {
        byte[] b = n.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, at + 32 - len, len);
    }

    private static String randomBase64Url(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
