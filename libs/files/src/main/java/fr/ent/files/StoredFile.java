package fr.ent.files;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A file's metadata (the bytes are in S3).
 *
 * @param contentType the type read from the content once confirmed; the declared one while pending
 * @param size        bytes, as checked once confirmed; as declared while pending
 */
public record StoredFile(UUID id, UUID schoolId, UUID ownerId, String purpose, String fileName, long size,
                         String contentType, String sha256, Status status, OffsetDateTime createdAt,
                         OffsetDateTime confirmedAt) {

    public enum Status { PENDING, CONFIRMED }

    public boolean confirmed() {
        return status == Status.CONFIRMED;
    }
}
