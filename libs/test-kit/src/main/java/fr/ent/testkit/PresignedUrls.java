package fr.ent.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a client does with the pre-signed URLs of libs/files, straight against the S3 server (never
 * through the service): PUT the bytes of an upload offer, GET a download, and the SHA-256 an offer
 * declares.
 */
public final class PresignedUrls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PresignedUrls() {
    }

    /** PUTs the bytes with the Content-Type the offer signed; the S3 server's status. */
    public static int put(String url, String contentType, byte[] content) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<byte[]> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower-case hex, as an upload offer declares it. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
