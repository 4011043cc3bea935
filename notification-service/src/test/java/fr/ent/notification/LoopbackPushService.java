package fr.ent.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A push service on 127.0.0.1, as a browser vendor runs one: each {@link Device} has an endpoint and
 * a key pair made here. A request must carry a valid VAPID signature (RFC 8292: ES256 JWT, {@code aud}
 * the endpoint's origin, {@code exp} ahead, {@code k} the platform's public key); its body is
 * decrypted (RFC 8291 aes128gcm) with the device's private key, as the browser would.
 */
final class LoopbackPushService implements AutoCloseable {

    /** What a device received: the decrypted JSON and the request's headers. */
    record Received(String json, Map<String, List<String>> headers) {
    }

    final class Device {
        final String endpoint;
        final KeyPair keys = newKeyPair();
        final byte[] auth = new byte[16];
        final List<Received> received = Collections.synchronizedList(new ArrayList<>());
        /** What this device's push service answers next (then 201 again unless set otherwise). */
        volatile List<Integer> answers = List.of();

        Device() {
            new SecureRandom().nextBytes(auth);
            this.endpoint = origin() + "/push/" + UUID.randomUUID();
        }

        String p256dh() {
            return b64(raw((ECPublicKey) keys.getPublic()));
        }

        String authSecret() {
            return b64(auth);
        }

        /** The body of {@code PUT /api/notification/me/push-subscriptions}, as {@code PushSubscription.toJSON()} gives it. */
        String subscriptionJson() {
            return "{\"endpoint\":\"" + endpoint + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\"" + p256dh()
                    + "\",\"auth\":\"" + authSecret() + "\"},\"label\":\"Firefox sur Android\"}";
        }

        void answerNext(Integer... statuses) {
            answers = List.of(statuses);
        }
    }

    private final HttpServer server;
    private final String vapidPublicKey;
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    /** Requests refused because their signature or body was wrong: a test asserts there are none. */
    final List<String> refused = Collections.synchronizedList(new ArrayList<>());

    LoopbackPushService(String vapidPublicKey) throws IOException {
        this.vapidPublicKey = vapidPublicKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/push/", this::handle);
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Device device() {
        Device d = new Device();
        devices.put(d.endpoint, d);
        return d;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Device device = devices.get(origin() + exchange.getRequestURI().getPath());
            if (device == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String problem = vapidProblem(exchange.getRequestHeaders().getFirst("Authorization"));
            if (problem == null && !"aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                problem = "Content-Encoding is not aes128gcm";
            }
            if (problem != null) {
                refused.add(problem);
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String json;
            try {
                json = new String(decrypt(body, device), StandardCharsets.UTF_8);
            } catch (Exception e) {
                refused.add("cannot decrypt: " + e);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            List<Integer> answers = device.answers;
            int status = answers.isEmpty() ? 201 : answers.get(0);
            device.answers = answers.isEmpty() ? answers : answers.subList(1, answers.size());
            if (status < 300) {
                device.received.add(new Received(json, Map.copyOf(exchange.getRequestHeaders())));
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** Null when the Authorization header is a valid VAPID one for this service's origin, else why not. */
    private String vapidProblem(String authorization) {
        if (authorization == null) {
            return "no Authorization header";
        }
        Matcher m = Pattern.compile("vapid t=([^,\\s]+),\\s*k=([^,\\s]+)").matcher(authorization);
        if (!m.matches()) {
            return "not a vapid Authorization: " + authorization;
        }
        String[] jwt = m.group(1).split("\\.");
        if (!m.group(2).equals(vapidPublicKey)) {
            return "k is not the platform's public key";
        }
        try {
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
            es256.initVerify(publicKey(Base64.getUrlDecoder().decode(m.group(2))));
            es256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            if (!es256.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
                return "bad ES256 signature";
            }
            String header = new String(Base64.getUrlDecoder().decode(jwt[0]), StandardCharsets.UTF_8);
            String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
            if (!header.replace(" ", "").contains("\"alg\":\"ES256\"")) {
                return "alg is not ES256: " + header;
            }
            if (!claims.replace(" ", "").contains("\"aud\":\"" + origin() + "\"")) {
                return "aud is not " + origin() + ": " + claims;
            }
            Matcher exp = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)").matcher(claims);
            long now = Instant.now().getEpochSecond();
            if (!exp.find() || Long.parseLong(exp.group(1)) <= now || Long.parseLong(exp.group(1)) > now + 24 * 3600) {
                return "exp not within the next 24 hours: " + claims;
            }
            if (!claims.contains("\"sub\"")) {
                return "no sub: " + claims;
            }
            return null;
        } catch (Exception e) {
            return "unreadable VAPID token: " + e;
        }
    }

    /** RFC 8291 (Message Encryption for Web Push) over RFC 8188 (aes128gcm), one record, as a browser does it. */
    static byte[] decrypt(byte[] body, Device device) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] asPublic = new byte[in.get() & 0xff];
        in.get(asPublic);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        if (ciphertext.length > recordSize) {
            throw new IllegalArgumentException("more than one record");
        }
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(device.keys.getPrivate());
        ecdh.doPhase(publicKey(asPublic), true);
        byte[] ecdhSecret = ecdh.generateSecret();
        byte[] uaPublic = raw((ECPublicKey) device.keys.getPublic());
        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic);
        byte[] ikm = hkdf(device.auth, ecdhSecret, keyInfo, 32);
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalArgumentException("no last-record delimiter");
        }
        return Arrays.copyOf(padded, end);
    }

    /** HKDF-SHA256 (RFC 5869), at most one block of output. */
    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        return Arrays.copyOf(mac.doFinal(concat(info, new byte[]{1})), length);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ECParameterSpec P256 = ((ECPublicKey) newKeyPair().getPublic()).getParams();

    private static ECPublicKey publicKey(byte[] raw) throws Exception {
        if (raw.length != 65 || raw[0] != 4) {
            throw new IllegalArgumentException("not an uncompressed P-256 point");
        }
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33)), new BigInteger(1, Arrays.copyOfRange(raw, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256));
    }

    private static byte[] raw(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        copyUnsigned(key.getW().getAffineX(), out, 1);
        copyUnsigned(key.getW().getAffineY(), out, 33);
        return out;
    }

    private static void copyUnsigned(BigInteger n, byte[] out, int at) {
        byte[] b = n.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, at + 32 - len, len);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
