package fr.ent.files;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A pre-signed upload: the client sends {@code method} to {@code url} with exactly these
 * {@code headers} (the signature covers them) and the declared bytes, then asks the service to
 * confirm {@code fileId}.
 */
public record UploadOffer(UUID fileId, String method, String url, Map<String, String> headers, OffsetDateTime expiresAt) {
}
