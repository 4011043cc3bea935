package fr.ent.attendance.justification;

import java.time.OffsetDateTime;

/**
 * A justification's attachment: a short-lived pre-signed link to the file in object storage
 * ({@code GET url} until {@code expiresAt} answers the bytes with {@code Content-Disposition: attachment}).
 */
public record AttachmentDownload(String url, OffsetDateTime expiresAt, String fileName, String contentType, long size) {
}
