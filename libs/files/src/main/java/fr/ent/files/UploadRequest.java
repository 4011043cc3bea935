package fr.ent.files;

import java.util.UUID;

/**
 * What a client declares before uploading, once the service has checked that the caller may upload.
 *
 * @param schoolId    the school the file belongs to (its key is prefixed by it)
 * @param ownerId     who uploads (the person who alone may confirm it); null for a service account
 * @param fileName    the name shown on download (cleaned; the type never comes from it)
 * @param size        bytes the client will PUT (signed: S3 refuses another length)
 * @param contentType the type the client declares (signed: S3 refuses another); checked again by content
 * @param sha256      the SHA-256 of the content, 64 hex digits; checked at confirmation
 */
public record UploadRequest(UUID schoolId, UUID ownerId, String fileName, long size, String contentType, String sha256) {
}
